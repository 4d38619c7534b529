// Long requests (Expert Info on millions of packets, the connections, a connection's steps, a
// followed stream, a sort) show a spinner with words while the UI waits, and the UI stays usable;
// the share done once the back end reports it (work events of the open capture).
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionDto, ExpertInfo, Result, ViewInfo } from '../../../../preload/contract/api'
import App from '../../../../renderer/src/App.vue'
import ConversationsDialog from '../../../../renderer/src/components/conversations/ConversationsDialog.vue'
import ExpertDialog from '../../../../renderer/src/components/expert/ExpertDialog.vue'
import { BUSY_DELAY_MS } from '../../../../renderer/src/composables/busy-work'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useConnectionsStore } from '../../../../renderer/src/stores/connections'
import { useExpertStore } from '../../../../renderer/src/stores/expert'
import { useFilterStore } from '../../../../renderer/src/stores/filter'
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

describe('busy states: a slow display filter', () => {
  it('should say Filtering… with the share done and Cancel, which keeps the list and the bar', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const restore = fixClientHeight(400)
    try {
      const harness = setUp({ rows: 300 })
      const wrapper = mountWith(App, harness)
      await flushPromises()
      const filter = useFilterStore()
      await filter.applyText('udp')
      harness.api.holdViews = true
      const applying = filter.applyText('frame contains "GET"')
      await flushPromises()
      vi.advanceTimersByTime(BUSY_DELAY_MS)
      harness.api.emit('work', { session: 1, task: 'filter', done: 42, total: 100 })
      await flushPromises()
      expect(wrapper.get('[data-testid="status-busy"]').text()).toBe('Filtering…42.0%')
      await wrapper.get('[data-testid="status-cancel-work"]').trigger('click')
      await applying
      await flushPromises()
      expect(harness.api.callsOf('cancelWork')).toEqual([[]])
      expect(wrapper.find('[data-testid="status-busy"]').exists()).toBe(false)
      expect(wrapper.find('[data-testid="status-cancel-work"]').exists()).toBe(false)
      expect(wrapper.get<HTMLInputElement>('[data-testid="filter-input"]').element.value).toBe('udp')
      expect(wrapper.get('[data-testid="status-displayed"]').text()).toBe('Displayed: 6 (2.0%)')
    } finally {
      restore()
    }
  })
})

describe('busy states: the share done of a long request', () => {
  /** The window mounted on a 300-row capture (session 1), its sort waiting for the answer. */
  async function sorting(language: 'en' | 'zh-CN' = 'en') {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const restore = fixClientHeight(400)
    const harness = setUp({ rows: 300 })
    harness.api.preferences.language = language
    const wrapper = mountWith(App, harness)
    await flushPromises()
    let answer = deferred<ViewInfo>()
    harness.api.setView = () => answer.promise
    const sort = async (column: 'info' | 'source') => {
      answer = deferred<ViewInfo>()
      const done = usePacketsStore().toggleSort(column)
      await flushPromises()
      vi.advanceTimersByTime(BUSY_DELAY_MS)
      await flushPromises()
      // Wrapped: an async function would wait for a promise it returns.
      return { done }
    }
    const answerWith = async ({ done }: { done: Promise<unknown> }) => {
      answer.resolve({ ok: true, value: { count: 300, total: 300 } })
      await done
      await flushPromises()
    }
    const text = (testid: string) => wrapper.find(`[data-testid="${testid}"]`)
    return { harness, wrapper, sort, answerWith, text, restore }
  }

  it('should show the share sorted in the status bar and over the list as work events arrive', async () => {
    const { harness, sort, answerWith, text, restore } = await sorting()
    try {
      const sorted = await sort('info')
      expect(text('status-busy').text()).toBe('Preparing the packet list…')
      expect(text('status-busy-percent').exists()).toBe(false)
      harness.api.emit('work', { session: 1, task: 'sort', done: 420, total: 1000 })
      await flushPromises()
      expect(text('status-busy').text()).toContain('Sorting the packet list…')
      expect(text('status-busy-percent').text()).toBe('42.0%')
      expect(text('list-busy-percent').text()).toBe('42.0%')
      expect(text('list-busy').find('.busy-label').text()).toBe('Sorting the packet list…')
      harness.api.emit('work', { session: 1, task: 'sort', done: 1000, total: 1000 })
      await flushPromises()
      expect(text('status-busy-percent').text()).toBe('100.0%')
      await answerWith(sorted)
      expect(text('status-busy').exists()).toBe(false)
      expect(text('list-busy').exists()).toBe(false)
    } finally {
      restore()
    }
  })

  it('should say it in Chinese too', async () => {
    const { harness, sort, answerWith, text, restore } = await sorting('zh-CN')
    try {
      const sorted = await sort('info')
      harness.api.emit('work', { session: 1, task: 'sort', done: 1, total: 4 })
      await flushPromises()
      expect(text('status-busy').find('.busy-label').text()).toBe('正在对分组列表排序…')
      expect(text('status-busy-percent').text()).toBe('25.0%')
      expect(text('list-busy').find('.busy-label').text()).toBe('正在对分组列表排序…')
      await answerWith(sorted)
    } finally {
      restore()
    }
  })

  it('should ignore work of another session, and never show a finished sort’s share under the next one', async () => {
    const { harness, sort, answerWith, text, restore } = await sorting()
    try {
      let sorted = await sort('info')
      harness.api.emit('work', { session: 0, task: 'sort', done: 500, total: 1000 })
      await flushPromises()
      expect(text('status-busy-percent').exists()).toBe(false)
      harness.api.emit('work', { session: 1, task: 'sort', done: 700, total: 1000 })
      await flushPromises()
      expect(text('status-busy-percent').text()).toBe('70.0%')
      await answerWith(sorted)

      sorted = await sort('source')
      expect(text('status-busy').text()).toBe('Preparing the packet list…')
      expect(text('status-busy-percent').exists()).toBe(false)
      await answerWith(sorted)
    } finally {
      restore()
    }
  })

  it('should ignore work heard while no request waits for it', async () => {
    const { harness, text, restore } = await sorting()
    try {
      harness.api.emit('work', { session: 1, task: 'sort', done: 10, total: 1000 })
      await flushPromises()
      expect(text('status-busy').exists()).toBe(false)
      expect(text('list-busy').exists()).toBe(false)
    } finally {
      restore()
    }
  })

  it('should show the share of Expert Info read when it streams the file', async () => {
    const harness = await ready()
    const answer = deferred<ExpertInfo>()
    harness.api.expertInfo = () => answer.promise
    const loading = useExpertStore().load()
    const wrapper = mountWith(ExpertDialog, harness)
    harness.api.emit('work', { session: 1, task: 'expert-info', done: 1_500, total: 2_000 })
    await flushPromises()
    expect(wrapper.get('[data-testid="expert-busy"]').find('.busy-label').text()).toBe('Collecting the expert information…')
    expect(wrapper.get('[data-testid="expert-busy-percent"]').text()).toBe('75.0%')
    expect(wrapper.get('[data-testid="expert-busy-percent"]').attributes('aria-hidden')).toBe('true')
    answer.resolve({ ok: true, value: { counts: { error: 0, warn: 0, note: 0, chat: 0 }, entries: [] } })
    await loading
    await flushPromises()
    expect(wrapper.find('[data-testid="expert-busy"]').exists()).toBe(false)
  })
})
