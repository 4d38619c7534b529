import { beforeEach, describe, expect, it } from 'vitest'
import { findByName } from '../../../../renderer/src/model/tree-model'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { usePacketsStore } from '../../../../renderer/src/stores/packets'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { REASSEMBLED_FRAME, type FakeApi } from '../fake-api'
import { flushPromises, setUp } from '../harness'

describe('stores/selection', () => {
  let api: FakeApi

  beforeEach(async () => {
    api = setUp({ rows: 300 }).api
    await useCaptureStore().start()
  })

  it('should select a position, and load the frame there', async () => {
    const selection = useSelectionStore()
    await selection.selectPosition(9)
    expect(selection.frame).toBe(10)
    expect(selection.detail?.frame).toBe(10)
  })

  it('should clamp moves to the view', async () => {
    const selection = useSelectionStore()
    await selection.move(-1)
    expect(selection.position).toBe(299)
    await selection.move(5)
    expect(selection.position).toBe(299)
    await selection.first()
    expect(selection.frame).toBe(1)
  })

  it('should select a field and its bytes, and a byte selects its deepest field', async () => {
    const selection = useSelectionStore()
    await selection.selectPosition(2)
    const seq = findByName(selection.detail!.tree, 'tcp.seq')!
    selection.selectField(seq.id)
    expect(selection.byteRange).toEqual({ source: 0, offset: 38, length: 4 })
    selection.selectByte(0, 13)
    expect(selection.field?.name).toBe('eth.type')
  })

  it('should switch to the byte source of a field in a reassembled source', async () => {
    const selection = useSelectionStore()
    await selection.selectFrame(REASSEMBLED_FRAME)
    selection.selectField(findByName(selection.detail!.tree, 'tcp.srcport')!.id)
    expect(selection.sourceIndex).toBe(1)
  })

  it('should keep only the last asked detail when answers cross', async () => {
    const selection = useSelectionStore()
    const answer = api.packet.bind(api)
    let releaseSlow: () => void = () => {}
    api.packet = (frame) => (frame === 5 ? new Promise((resolve) => (releaseSlow = () => resolve(answer(5)))) : answer(frame))
    const slow = selection.selectFrame(5)
    await selection.selectFrame(6)
    releaseSlow()
    await slow
    expect(selection.frame).toBe(6)
    expect(selection.detail?.frame).toBe(6)
  })

  it('should find the selected frame again when the view changes', async () => {
    const selection = useSelectionStore()
    await selection.selectFrame(35)
    await usePacketsStore().setView({ filter: 'tcp.stream == 3' })
    await flushPromises()
    expect(selection.position).toBe(4)
    expect(api.callsOf('positionOf').at(-1)).toEqual([35])
  })

  it('should clear everything when a new session starts', async () => {
    const selection = useSelectionStore()
    await selection.selectFrame(5)
    api.emit('capture', { session: 2, state: 'loading', packets: 0, connections: 0 })
    await flushPromises()
    expect(selection.frame).toBeNull()
    expect(selection.detail).toBeNull()
  })

  it('should know the stream of the selected frame', async () => {
    const selection = useSelectionStore()
    await selection.selectFrame(25)
    expect(selection.stream).toBe(2)
  })

  it('should not select a frame asked for in the previous session', async () => {
    const selection = useSelectionStore()
    const answer = api.positionOf.bind(api)
    let release: () => void = () => {}
    api.positionOf = (frame) => new Promise((resolve) => (release = () => resolve(answer(frame))))
    const stale = selection.selectFrame(35)
    api.emit('capture', { session: 2, state: 'loading', packets: 300, connections: 0 })
    await flushPromises()
    release()
    expect(await stale).toBe(false)
    expect(selection.frame).toBeNull()
    expect(api.callsOf('packet')).toEqual([])
  })

  it('should keep a row chosen while the selected frame was being found in a new view', async () => {
    const selection = useSelectionStore()
    await selection.selectFrame(35)
    const answer = api.positionOf.bind(api)
    let release: () => void = () => {}
    api.positionOf = (frame) => new Promise((resolve) => (release = () => resolve(answer(frame))))
    await usePacketsStore().setView({ filter: 'tcp.stream == 3' })
    const rows = api.rows.bind(api)
    let releaseRows: () => void = () => {}
    api.rows = (start, count) => new Promise((resolve) => (releaseRows = () => resolve(rows(start, count))))
    const chosen = selection.selectPosition(7)
    release()
    await flushPromises()
    releaseRows()
    await chosen
    expect(selection.frame).toBe(38)
    expect(selection.position).toBe(7)
  })

  it('should clear the selection when the capture is closed', async () => {
    const selection = useSelectionStore()
    await selection.selectFrame(5)
    selection.selectField(findByName(selection.detail!.tree, 'tcp.seq')!.id)
    await useCaptureStore().close()
    await flushPromises()
    expect(selection.frame).toBeNull()
    expect(selection.field).toBeUndefined()
  })
})
