import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { usePlaybackStore } from '../../../../renderer/src/stores/playback'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { useTeachStore } from '../../../../renderer/src/stores/teach'
import { flushPromises, setUp } from '../harness'

describe('stores/teach', () => {
  beforeEach(async () => {
    setUp({ rows: 300 })
    await useCaptureStore().start()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should open a connection with its first step selected and every step shown', async () => {
    const teach = useTeachStore()
    await teach.open(2)
    await flushPromises()
    expect(teach.narrative?.stream).toBe(2)
    expect(teach.selected).toBe(0)
    expect(usePlaybackStore()).toMatchObject({ scope: 'connection', length: 2, index: 1 })
  })

  it('should select a step’s frame in the list, tree and hex', async () => {
    const teach = useTeachStore()
    await teach.open(2)
    await teach.selectStep(1)
    await flushPromises()
    expect(teach.selected).toBe(1)
    expect(useSelectionStore().frame).toBe(teach.steps[1]!.frame)
  })

  it('should follow playback, and a frame selected elsewhere that is one of its steps', async () => {
    const teach = useTeachStore()
    await teach.open(2)
    await flushPromises()
    const playback = usePlaybackStore()
    playback.rewind()
    playback.next()
    await flushPromises()
    expect(teach.selected).toBe(0)
    playback.seek(1)
    await flushPromises()
    expect(teach.selected).toBe(1)
    await useSelectionStore().selectFrame(teach.steps[0]!.frame)
    await flushPromises()
    expect(teach.selected).toBe(0)
  })

  it('should start over on another connection: first step, data phase collapsed', async () => {
    const teach = useTeachStore()
    await teach.open(2)
    teach.dataExpanded = true
    await teach.selectStep(1)
    await teach.open(3)
    await flushPromises()
    expect(teach).toMatchObject({ stream: 3, selected: 0, dataExpanded: false })
  })
})

describe('stores/teach, opened on a selected packet', () => {
  beforeEach(async () => {
    setUp({ rows: 300 })
    await useCaptureStore().start()
  })

  it('should select the step of the packet already selected, and else the first step’s packet', async () => {
    const teach = useTeachStore()
    const selection = useSelectionStore()
    await teach.open(2)
    await flushPromises()
    expect(selection.frame).toBe(teach.steps[0]!.frame)
    teach.clear()
    await selection.selectFrame(22)
    await teach.open(2)
    await flushPromises()
    expect(teach.selected).toBe(1)
    expect(selection.frame).toBe(22)
  })
})
