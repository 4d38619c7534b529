import { beforeEach, describe, expect, it } from 'vitest'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { MAX_CACHED_PAGES, nextSort, PAGE_SIZE, usePacketsStore } from '../../../../renderer/src/stores/packets'
import type { FakeApi } from '../fake-api'
import { flushPromises, setUp } from '../harness'

describe('stores/packets', () => {
  let api: FakeApi

  beforeEach(async () => {
    api = setUp({ rows: 300 }).api
    await useCaptureStore().start()
  })

  it('should take the row count of the open capture', () => {
    expect(usePacketsStore().count).toBe(300)
  })

  it('should fetch only the pages that hold the asked rows', async () => {
    const packets = usePacketsStore()
    await packets.ensureRange(210, 220)
    expect(api.callsOf('rows')).toEqual([[200, 100]])
    expect(packets.rowAt(210)?.no).toBe(211)
    expect(packets.rowAt(10)).toBeUndefined()
  })

  it('should not fetch a page twice while it is cached or on its way', async () => {
    const packets = usePacketsStore()
    await Promise.all([packets.ensureRange(0, 10), packets.ensureRange(5, 20)])
    await packets.ensureRange(0, 199)
    expect(api.callsOf('rows')).toEqual([[0, PAGE_SIZE]])
  })

  it('should keep at most MAX_CACHED_PAGES pages, dropping the least recently used', async () => {
    api.rowCount = PAGE_SIZE * (MAX_CACHED_PAGES + 5)
    api.emit('capture', { ...api.captureStatus, packets: api.rowCount })
    const packets = usePacketsStore()
    for (let page = 0; page <= MAX_CACHED_PAGES; page++) {
      await packets.ensureRange(page * PAGE_SIZE, page * PAGE_SIZE)
      if (page === 5) packets.rowAt(0)
    }
    expect(packets.rowAt(0)?.no).toBe(1)
    expect(packets.rowAt(PAGE_SIZE)).toBeUndefined()
    expect(packets.rowAt(MAX_CACHED_PAGES * PAGE_SIZE)?.no).toBe(MAX_CACHED_PAGES * PAGE_SIZE + 1)
  })

  it('should grow with the progress events while a file loads and refetch the partial last page', async () => {
    const capture = useCaptureStore()
    api.rowCount = 150
    api.emit('capture', { session: 2, state: 'loading', packets: 150, connections: 1 })
    const packets = usePacketsStore()
    await flushPromises()
    expect(packets.count).toBe(150)
    await packets.ensureRange(140, 149)
    expect(packets.rowAt(149)?.no).toBe(150)
    api.rowCount = 260
    api.emit('progress', { session: 2, bytesRead: 10, totalBytes: 100, packets: 260, connections: 1 })
    await flushPromises()
    expect(capture.progress?.packets).toBe(260)
    expect(packets.count).toBe(260)
    expect(packets.rowAt(199)?.no).toBe(200)
    expect(api.callsOf('rows')).toContainEqual([0, 200])
  })

  it('should set a view and drop the rows of the previous one', async () => {
    const packets = usePacketsStore()
    await packets.ensureRange(0, 10)
    await packets.setView({ filter: 'tcp.stream == 3' })
    expect(api.callsOf('setView').at(-1)).toEqual([{ filter: 'tcp.stream == 3' }])
    expect(packets.count).toBe(10)
    await packets.ensureRange(0, 9)
    expect(packets.rowAt(0)?.no).toBe(31)
    expect(packets.view.filter).toBe('tcp.stream == 3')
  })

  it('should cycle a column through ascending, descending and no order', () => {
    expect(nextSort(undefined, 'length')).toEqual({ column: 'length', descending: false })
    expect(nextSort({ column: 'length', descending: false }, 'length')).toEqual({ column: 'length', descending: true })
    expect(nextSort({ column: 'length', descending: true }, 'length')).toBeUndefined()
    expect(nextSort({ column: 'length', descending: true }, 'no')).toEqual({ column: 'no', descending: false })
  })

  it('should send the view without Vue proxies', async () => {
    const packets = usePacketsStore()
    await packets.toggleSort('no')
    await packets.toggleSort('no')
    const sent = api.callsOf('setView').at(-1)?.[0] as object
    expect(sent).toEqual({ sort: { column: 'no', descending: true } })
    expect(JSON.stringify(structuredClone(sent))).toBe(JSON.stringify(sent))
  })

  it('should start over with an empty view when a new session opens', async () => {
    const packets = usePacketsStore()
    await packets.setView({ filter: 'tcp.stream == 2' })
    api.emit('capture', { session: 5, state: 'loading', packets: 40, connections: 0 })
    await flushPromises()
    expect(packets.view).toEqual({})
    expect(packets.count).toBe(40)
  })

  it('should drop rows that answer an earlier view', async () => {
    const packets = usePacketsStore()
    const answer = api.rows.bind(api)
    let releaseOld: () => void = () => {}
    api.rows = (start, count) => new Promise((resolve) => (releaseOld = () => resolve(answer(start, count))))
    const old = packets.ensureRange(0, 10)
    api.rows = answer
    await packets.setView({ filter: 'tcp.stream == 4' })
    releaseOld()
    await old
    await packets.ensureRange(0, 9)
    expect(packets.rowAt(0)?.no).toBe(41)
  })

  it('should ask for no rows while the back end builds a new view, since it answers them from the old one', async () => {
    const packets = usePacketsStore()
    await packets.ensureRange(0, 10)
    const build = api.setView.bind(api)
    let finish: () => void = () => {}
    // As the session does: the old view answers rows until the new one is built.
    api.setView = (next) => new Promise((resolve) => (finish = () => resolve(build(next))))
    const sorting = packets.toggleSort('length')
    const scrolled = packets.ensureRange(0, 10)
    finish()
    await Promise.all([sorting, scrolled])
    await flushPromises()
    expect(api.callsOf('rows')).toEqual([
      [0, PAGE_SIZE],
      [0, PAGE_SIZE],
    ])
    expect(packets.rowAt(0)?.no).toBe(7)
  })

  it('should show the rows again when a new view is refused', async () => {
    const packets = usePacketsStore()
    await packets.ensureRange(0, 10)
    api.setView = () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'sort failed' } })
    await packets.toggleSort('info')
    await flushPromises()
    expect(packets.view).toEqual({})
    expect(packets.rowAt(0)?.no).toBe(1)
  })
})
