import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FilterCheck, Result } from '../../../../preload/contract/api'
import { HISTORY_KEY } from '../../../../renderer/src/composables/filter-history'
import { useApiStore } from '../../../../renderer/src/stores/api'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { CHECK_DELAY_MS, useFilterStore, viewWithFilter } from '../../../../renderer/src/stores/filter'
import { usePacketsStore } from '../../../../renderer/src/stores/packets'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
import { FAKE_FILTER_FIELDS, type FakeApi } from '../fake-api'
import { flushPromises, setUp } from '../harness'

let api: FakeApi

beforeEach(async () => {
  localStorage.clear()
  api = setUp({ rows: 300 }).api
  await useCaptureStore().start()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('stores/filter', () => {
  it('should check the text once the typing pauses, not at every key', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const filter = useFilterStore()
    for (const text of ['t', 'tc', 'tcp']) filter.edit(text)
    expect(api.callsOf('checkFilter')).toEqual([])
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS)
    expect(api.callsOf('checkFilter')).toEqual([['tcp']])
    expect(filter.validity).toBe('valid')
  })

  it('should say where an invalid filter is wrong, in both languages', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const filter = useFilterStore()
    filter.edit('tcp && bad')
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS)
    expect(filter.validity).toBe('invalid')
    expect(filter.check).toEqual({ valid: false, message: { en: 'unknown field bad', 'zh-CN': '未知字段 bad' }, start: 7, end: 10 })
  })

  it('should not show a mistake for text it was not found in (while the new text is being checked)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const filter = useFilterStore()
    filter.edit('tcp && bad')
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS)
    expect(filter.currentCheck).toMatchObject({ valid: false, start: 7 })
    filter.edit('tcp ==')
    // The colour stays until the answer comes (no flicker), but the old mistake is not shown.
    expect(filter.validity).toBe('invalid')
    expect(filter.currentCheck).toBeNull()
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS)
    expect(filter.currentCheck).toMatchObject({ valid: false, start: 6, end: 6 })
  })

  it('should keep the latest answer when an earlier one arrives after it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const answers = new Map<string, (result: Result<FilterCheck>) => void>()
    api.checkFilter = (text) => new Promise((resolve) => answers.set(text, resolve))
    const filter = useFilterStore()
    filter.edit('tcp.bad')
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS)
    filter.edit('tcp')
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS)
    answers.get('tcp')!({ ok: true, value: { valid: true, indexed: true } })
    await flushPromises()
    answers.get('tcp.bad')!({ ok: true, value: { valid: false, message: { en: 'x', 'zh-CN': 'x' }, start: 4, end: 7 } })
    await flushPromises()
    expect(filter.validity).toBe('valid')
  })

  it('should look neutral with no text, and not ask', () => {
    const filter = useFilterStore()
    filter.edit('   ')
    expect(filter.validity).toBe('empty')
    expect(api.callsOf('checkFilter')).toEqual([])
  })

  it('should apply a valid filter to the view, keeping its order, and remember it', async () => {
    const filter = useFilterStore()
    const packets = usePacketsStore()
    await packets.toggleSort('length')
    expect(await filter.applyText(' tcp.stream == 3 ')).toBe(true)
    expect(api.callsOf('setView').at(-1)).toEqual([{ sort: { column: 'length', descending: false }, filter: 'tcp.stream == 3' }])
    expect(filter.applied).toBe('tcp.stream == 3')
    expect(packets.count).toBe(10)
    expect(filter.history).toEqual(['tcp.stream == 3'])
    expect(filter.edited).toBe(false)
  })

  it('should refuse an invalid filter: the list stays, the bar is told to show where', async () => {
    const filter = useFilterStore()
    expect(await filter.applyText('tcp.flags.syn ==')).toBe(false)
    expect(api.callsOf('setView')).toEqual([])
    expect(filter.refusals).toBe(1)
    expect(filter.validity).toBe('invalid')
    expect(filter.history).toEqual([])
  })

  it('should keep the history with the preferences too, and take the saved one when it arrives', async () => {
    await useSettingsStore().start()
    const filter = useFilterStore()
    await filter.applyText('udp')
    await flushPromises()
    expect(api.callsOf('setPreferences').at(-1)).toEqual([{ filterHistory: ['udp'] }])
    // Another window (or a restart) brings the saved history.
    api.emit('preferences', { language: 'system', theme: 'system', timeFormat: 'relative', fontScale: 1, filterHistory: ['tcp.port == 80', 'udp'] })
    await flushPromises()
    expect(filter.history).toEqual(['tcp.port == 80', 'udp'])
  })

  it('should show every packet again with an empty filter', async () => {
    const filter = useFilterStore()
    await filter.applyText('udp')
    expect(usePacketsStore().count).toBe(6)
    await filter.applyText('')
    expect(api.callsOf('setView').at(-1)).toEqual([{}])
    expect(usePacketsStore().count).toBe(300)
    expect(filter.history).toEqual(['udp'])
  })

  it('should keep the history across restarts, most recent first, each once', async () => {
    const filter = useFilterStore()
    for (const text of ['udp', 'tcp.stream == 1', 'udp']) await filter.applyText(text)
    expect(JSON.parse(localStorage.getItem(HISTORY_KEY)!)).toEqual(['udp', 'tcp.stream == 1'])
    setActivePinia(createPinia())
    useApiStore().install(api)
    expect(useFilterStore().history).toEqual(['udp', 'tcp.stream == 1'])
  })

  it('should cancel a slow filter: the list keeps its view and the bar its applied filter', async () => {
    const filter = useFilterStore()
    await filter.applyText('udp')
    api.holdViews = true
    const applying = filter.applyText('frame contains "GET"')
    await flushPromises()
    expect(filter.applying).toBe('frame contains "GET"')
    await filter.cancel()
    expect(await applying).toBe(false)
    expect(api.callsOf('cancelWork')).toEqual([[]])
    expect(filter.applied).toBe('udp')
    expect(filter.text).toBe('udp')
    expect(filter.applying).toBeNull()
    expect(usePacketsStore().count).toBe(6)
    expect(filter.history).toEqual(['udp'])
  })

  it('should apply a slow filter once the back end has built it', async () => {
    const filter = useFilterStore()
    api.holdViews = true
    const applying = filter.applyText('frame contains "GET"')
    await flushPromises()
    expect(api.viewHeld).toBe(true)
    api.releaseView()
    expect(await applying).toBe(true)
    expect(usePacketsStore().count).toBe(150)
  })

  it('should put a prepared filter in the bar without applying it, and ask for the focus', () => {
    const filter = useFilterStore()
    filter.prepare('ip.ttl == 64')
    expect(filter.text).toBe('ip.ttl == 64')
    expect(filter.focusRequests).toBe(1)
    expect(filter.edited).toBe(true)
    expect(api.callsOf('setView')).toEqual([])
  })

  it('should follow the list when its filter changes under the bar (a new capture)', async () => {
    const filter = useFilterStore()
    await filter.applyText('udp')
    api.emit('capture', { session: 7, state: 'loading', packets: 10, connections: 0 })
    await flushPromises()
    expect(filter.applied).toBe('')
    expect(filter.text).toBe('')
  })

  it('should ask for the field names once', async () => {
    const filter = useFilterStore()
    await Promise.all([filter.loadFields(), filter.loadFields()])
    await filter.loadFields()
    expect(api.callsOf('filterFields')).toHaveLength(1)
    expect(filter.fields).toEqual(FAKE_FILTER_FIELDS)
  })

  it('should write the filter into a view, or take it out', () => {
    expect(viewWithFilter({ sort: { column: 'no', descending: true } }, 'tcp')).toEqual({ sort: { column: 'no', descending: true }, filter: 'tcp' })
    expect(viewWithFilter({ filter: 'tcp', stream: 2 }, '')).toEqual({ stream: 2 })
  })
})
