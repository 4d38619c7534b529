// Long requests (Expert Info on millions of packets, the connections, a connection's steps, a
// followed stream, a sort) show a spinner with words while the UI waits, and the UI stays usable.
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionDto, ExpertInfo, Result } from '../../../../preload/contract/api'
import App from '../../../../renderer/src/App.vue'
import ConversationsDialog from '../../../../renderer/src/components/conversations/ConversationsDialog.vue'
import ExpertDialog from '../../../../renderer/src/components/expert/ExpertDialog.vue'
import { BUSY_DELAY_MS } from '../../../../renderer/src/composables/busy-work'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useConnectionsStore } from '../../../../renderer/src/stores/connections'
import { useExpertStore } from '../../../../renderer/src/stores/expert'
import { usePacketsStore } from '../../../../renderer/src/stores/packets'
import { fakeConnection } from '../fake-api'
import { fixClientHeight, flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

/** A request that answers only when told to. */
function deferred<T>() {
  let resolve: (value: Result<T>) => void = () => {}
  const promise = new Promise<Result<T>>((done) => (resolve = done))
  return { promise, resolve }
}

async function ready() {
  const harness = setUp({ rows: 300 })
  await useCaptureStore().start()
  return harness
}

describe('busy states', () => {
  it('should show a spinner in Expert Info until the answer comes, then the entries', async () => {
    const harness = await ready()
    const answer = deferred<ExpertInfo>()
    harness.api.expertInfo = () => answer.promise
    const loading = useExpertStore().load()
    const wrapper = mountWith(ExpertDialog, harness)
    expect(wrapper.get('[data-testid="expert-busy"]').text()).toBe('Collecting the expert information…')
    expect(wrapper.get('[data-testid="expert-busy"]').attributes('role')).toBe('status')
    answer.resolve({ ok: true, value: { counts: { error: 0, warn: 1, note: 0, chat: 0 }, entries: [{ severity: 'warn', group: 'sequence', protocol: 'TCP', message: 'Previous segment not captured', count: 1, frames: [7] }] } })
    await loading
    await flushPromises()
    expect(wrapper.find('[data-testid="expert-busy"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="expert-entry"]')).toHaveLength(1)
  })

  it('should say that nothing can be shown when the request failed, instead of spinning forever', async () => {
    const harness = await ready()
    harness.api.expertInfo = () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'worker died' } })
    await useExpertStore().load()
    const wrapper = mountWith(ExpertDialog, harness)
    expect(wrapper.find('[data-testid="expert-busy"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('the request failed')
  })

  it('should show a spinner in Conversations while the connections are summarised', async () => {
    const harness = await ready()
    const answer = deferred<ConnectionDto[]>()
    harness.api.connections = () => answer.promise
    const loading = useConnectionsStore().load()
    const wrapper = mountWith(ConversationsDialog, harness)
    expect(wrapper.get('[data-testid="conversations-busy"]').text()).toBe('Summarising the connections…')
    answer.resolve({ ok: true, value: [fakeConnection(0, 300)] })
    await loading
    await flushPromises()
    expect(wrapper.find('[data-testid="conversations-busy"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="conversation-row"]')).toHaveLength(1)
  })

  it('should say "Working…" in the status bar once a sort has taken a moment, and keep the list usable', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const restore = fixClientHeight(400)
    try {
      const harness = setUp({ rows: 300 })
      const wrapper = mountWith(App, harness)
      await flushPromises()
      const answer = deferred<{ count: number; total: number }>()
      harness.api.setView = () => answer.promise
      const sorting = usePacketsStore().toggleSort('length')
      await flushPromises()
      expect(wrapper.find('[data-testid="status-busy"]').exists()).toBe(false)
      vi.advanceTimersByTime(BUSY_DELAY_MS)
      await flushPromises()
      expect(wrapper.get('[data-testid="status-busy"]').text()).toBe('Preparing the packet list…')
      expect(wrapper.get('[data-testid="list-busy"]').text()).toBe('Preparing the packet list…')
      expect(wrapper.get('[data-testid="toolbar-conversations"]').attributes('disabled')).toBeUndefined()
      answer.resolve({ ok: true, value: { count: 300, total: 300 } })
      await sorting
      await flushPromises()
      expect(wrapper.find('[data-testid="status-busy"]').exists()).toBe(false)
      expect(wrapper.find('[data-testid="list-busy"]').exists()).toBe(false)
    } finally {
      restore()
    }
  })
})
