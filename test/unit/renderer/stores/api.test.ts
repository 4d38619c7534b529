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

  it('should report failed requests as messages, except cancellations', async () => {
    const { api } = setUp()
    api.expertInfo = () => Promise.resolve({ ok: false, error: { code: 'no-capture', message: 'nothing open' } })
    api.cancelOpen = () => Promise.resolve({ ok: false, error: { code: 'cancelled', message: 'cancelled' } })
    expect(await useApiStore().request('expertInfo')).toBeUndefined()
    expect(await useApiStore().request('cancelOpen')).toBeUndefined()
    expect(useMessagesStore().items.map((item) => item.code)).toEqual(['no-capture'])
  })
})
