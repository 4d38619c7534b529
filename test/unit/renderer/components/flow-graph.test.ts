import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FlowGraph } from '../../../../preload/contract/api'
import FlowGraphView from '../../../../renderer/src/components/flow/FlowGraphView.vue'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { usePlaybackStore } from '../../../../renderer/src/stores/playback'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { useTeachStore } from '../../../../renderer/src/stores/teach'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { flowOf } from '../../../fixtures/teaching-views'
import { fixClientHeight, flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

describe('components/flow/FlowGraphView', () => {
  let flow: FlowGraph
  let restoreHeight: () => void
  beforeAll(async () => {
    flow = await flowOf('tcp-scenario-port-reuse')
  })
  afterEach(() => restoreHeight?.())

  async function mounted(answer: unknown = { ok: true, value: flow }) {
    restoreHeight = fixClientHeight(2000)
    const harness = setUp({ rows: 40 })
    vi.spyOn(harness.api, 'flowGraph').mockResolvedValue(answer as never)
    await useCaptureStore().start()
    useUiStore().showView('flow')
    const wrapper = mountWith(FlowGraphView, harness)
    await flushPromises()
    return { wrapper, harness }
  }

  it('should draw one row per packet between the hosts, coloured by connection', async () => {
    const { wrapper } = await mounted()
    expect(wrapper.findAll('[data-testid="flow-host"]').map((h) => h.text())).toEqual(flow.hosts)
    const rows = wrapper.findAll('[data-testid="flow-row"]')
    expect(rows).toHaveLength(flow.rows.length)
    expect(rows[0]!.text()).toContain('(1) SYN [SYN]')
    expect(rows[0]!.text()).toContain('Client: CLOSED → SYN-SENT')
    expect(new Set(rows.map((r) => r.attributes('data-stream')))).toEqual(new Set(['0', '1']))
    expect(wrapper.get('[data-testid="flow-counts"]').text()).toBe('2 connections, 20 packets')
  })

  it('should select a row’s packet on click, and open its connection’s diagram', async () => {
    const { wrapper, harness } = await mounted()
    await wrapper.findAll('[data-testid="flow-row"]')[11]!.trigger('click')
    await flushPromises()
    expect(useSelectionStore().frame).toBe(12)
    expect(wrapper.get('[data-testid="flow-selected"]').text()).toContain('Frame 12')
    await wrapper.get('[data-testid="flow-open-diagram"]').trigger('click')
    await flushPromises()
    expect(useUiStore().view).toBe('diagram')
    expect(harness.api.callsOf('narrative')).toEqual([[1, 'en']])
    expect(useTeachStore().stream).toBe(1)
  })

  it('should hide the rows playback has not reached, and move a dot along the current one', async () => {
    const { wrapper } = await mounted()
    const playback = usePlaybackStore()
    expect(playback.scope).toBe('flow')
    playback.rewind()
    playback.next()
    await flushPromises()
    const rows = wrapper.findAll('[data-testid="flow-row"]')
    expect(rows[0]!.classes()).not.toContain('hidden')
    expect(rows[1]!.classes()).toContain('hidden')
    expect(wrapper.findAll('[data-testid="flow-travel-dot"]')).toHaveLength(1)
    expect(useSelectionStore().frame).toBe(1)
  })

  it('should play the flow on the flow graph and the connection on the diagram, switching back and forth', async () => {
    await mounted()
    const playback = usePlaybackStore()
    const ui = useUiStore()
    await useTeachStore().open(1)
    ui.showView('diagram')
    await flushPromises()
    expect(playback).toMatchObject({ scope: 'connection', length: 2 })
    ui.showView('flow')
    await flushPromises()
    expect(playback).toMatchObject({ scope: 'flow', length: flow.rows.length })
    ui.showView('diagram')
    await flushPromises()
    expect(playback).toMatchObject({ scope: 'connection', length: 2 })
  })

  it('should say how to narrow a view too large to replay', async () => {
    const { wrapper } = await mounted({ ok: false, error: { code: 'unsupported', message: 'the flow graph shows at most 10000 TCP packets; apply a display filter' } })
    expect(wrapper.get('[data-testid="flow-problem"]').text()).toContain('Apply a display filter first.')
    expect(wrapper.find('[data-testid="flow-row"]').exists()).toBe(false)
  })
})
