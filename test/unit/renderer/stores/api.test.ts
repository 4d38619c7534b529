import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { useApiStore } from '../../../../renderer/src/stores/api'
import { useMessagesStore } from '../../../../renderer/src/stores/messages'
import { setUp } from '../harness'

describe('stores/api', () => {
  it('should send arguments without Vue proxies at any depth', async () => {
    const { api } = setUp()
    const view = reactive({ stream: 2, sort: { column: 'no' as const, descending: true } })
    await useApiStore().call('setView', view)
    const sent = api.callsOf('setView')[0][0] as object
    expect(sent).toEqual({ stream: 2, sort: { column: 'no', descending: true } })
    expect(() => structuredClone(sent)).not.toThrow()
  })

  it('should turn a transport that throws into an internal error, never a throw', async () => {
    const { api } = setUp()
    api.connections = () => Promise.reject(new Error('socket gone'))
    expect(await useApiStore().call('connections')).toEqual({ ok: false, error: { code: 'internal', message: 'socket gone' } })
  })

  it('should count the requests on their way by method, until they answer or fail', async () => {
    const { api } = setUp()
    const answers: Array<(value: Awaited<ReturnType<typeof api.expertInfo>>) => void> = []
    api.expertInfo = () => new Promise((resolve) => answers.push(resolve))
    api.connections = () => Promise.reject(new Error('socket gone'))
    const store = useApiStore()
    const first = store.request('expertInfo')
    const second = store.request('expertInfo')
    expect(store.pending).toEqual({ expertInfo: 2 })
    expect(store.isPending('expertInfo')).toBe(true)
    expect(store.isPending('connections')).toBe(false)
    for (const answer of answers) answer({ ok: true, value: { counts: { error: 0, warn: 0, note: 0, chat: 0 }, entries: [] } })
    await Promise.all([first, second])
    expect(store.isPending('expertInfo')).toBe(false)
    await store.call('connections')
    expect(store.pending).toEqual({})
  })

  it('should report failed requests as messages, except cancellations', async () => {
    const { api } = setUp()
    api.expertInfo = () => Promise.resolve({ ok: false, error: { code: 'no-capture', message: 'nothing open' } })
    api.cancelOpen = () => Promise.resolve({ ok: false, error: { code: 'cancelled', message: 'cancelled' } })
    expect(await useApiStore().request('expertInfo')).toBeUndefined()
    expect(await useApiStore().request('cancelOpen')).toBeUndefined()
    expect(useMessagesStore().items.map((item) => item.code)).toEqual(['no-capture'])
  })
})
