import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import PacketList from '../../../../renderer/src/components/packet-list/PacketList.vue'
import { BASE_ROW_HEIGHT } from '../../../../renderer/src/components/packet-list/columns'
import { MAX_SCROLL_HEIGHT } from '../../../../renderer/src/composables/virtual-scroll'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { fixClientHeight, flushPromises, mountWith, setUp } from '../harness'
import { useTeachStore } from '../../../../renderer/src/stores/teach'
import { useUiStore } from '../../../../renderer/src/stores/ui'

enableAutoUnmount(afterEach)

const VIEWPORT = 400
const VISIBLE = VIEWPORT / BASE_ROW_HEIGHT

async function mountList(rows: number) {
  const harness = setUp({ rows })
  await useCaptureStore().start()
  const wrapper = mountWith(PacketList, harness)
  await flushPromises()
  return { harness, wrapper }
}

function viewport(wrapper: Awaited<ReturnType<typeof mountList>>['wrapper']): HTMLElement {
  return wrapper.get('[data-testid="packet-list"]').element as HTMLElement
}

async function scrollTo(wrapper: Awaited<ReturnType<typeof mountList>>['wrapper'], top: number): Promise<void> {
  const element = viewport(wrapper)
  element.scrollTop = top
  element.dispatchEvent(new Event('scroll'))
  await flushPromises()
}

function frames(wrapper: Awaited<ReturnType<typeof mountList>>['wrapper']): number[] {
  return wrapper.findAll('[data-testid="packet-row"]').map((row) => Number(row.attributes('data-frame')))
}

describe('components/packet-list/PacketList', () => {
  let restore: () => void

  beforeEach(() => {
    restore = fixClientHeight(VIEWPORT)
  })
  afterEach(() => {
    restore()
    document.body.innerHTML = ''
  })

  it('should say the file is being read while a load has no rows yet, and that a view is empty after', async () => {
    const { harness, wrapper } = await mountList(0)
    harness.api.emit('capture', { session: 2, state: 'loading', file: { name: 'big.pcap', path: '/big.pcap', size: 9, format: 'pcap', compressed: false }, packets: 0, connections: 0 })
    await flushPromises()
    expect(wrapper.get('[data-testid="packet-list-empty"]').text()).toContain('Reading the file')
    harness.api.emit('capture', { session: 2, state: 'ready', file: { name: 'big.pcap', path: '/big.pcap', size: 9, format: 'pcap', compressed: false }, packets: 0, connections: 0, loadMs: 5 })
    await flushPromises()
    expect(wrapper.get('[data-testid="packet-list-empty"]').text()).toBe('No packets in this view')
  })

  it('should put only the visible rows in the DOM', async () => {
    const { wrapper } = await mountList(300)
    const shown = frames(wrapper)
    expect(shown[0]).toBe(1)
    expect(shown.length).toBeLessThanOrEqual(VISIBLE + 2)
    expect(shown.length).toBeGreaterThanOrEqual(VISIBLE)
  })

  it('should show the rows of the scroll position, fetching only their pages', async () => {
    const { wrapper, harness } = await mountList(300)
    await scrollTo(wrapper, 250 * BASE_ROW_HEIGHT)
    expect(frames(wrapper)[0]).toBe(251)
    expect(harness.api.callsOf('rows')).toEqual([
      [0, 200],
      [200, 100],
    ])
  })

  it('should cap the spacer of 2,000,000 rows and still reach the last row at the end of the scroll', async () => {
    const { wrapper, harness } = await mountList(2_000_000)
    const spacer = wrapper.get('.spacer').element as HTMLElement
    expect(parseFloat(spacer.style.height)).toBe(MAX_SCROLL_HEIGHT)
    await scrollTo(wrapper, MAX_SCROLL_HEIGHT - VIEWPORT)
    const shown = frames(wrapper)
    expect(shown[0]).toBe(2_000_000 - VISIBLE + 1)
    expect(shown.at(-1)).toBe(2_000_000)
    expect(wrapper.findAll('[data-testid="packet-row"]').length).toBe(VISIBLE)
    // Only the pages in view were asked for.
    expect(harness.api.callsOf('rows').length).toBeLessThanOrEqual(3)
  })

  it('should map a scaled scroll position proportionally to the first row', async () => {
    const { wrapper } = await mountList(2_000_000)
    await scrollTo(wrapper, (MAX_SCROLL_HEIGHT - VIEWPORT) / 2)
    expect(frames(wrapper)[0]).toBe(Math.round((2_000_000 - VISIBLE) / 2) + 1)
  })

  it('should select a row on click and mark it selected', async () => {
    const { wrapper } = await mountList(300)
    await wrapper.get('[data-frame="3"]').trigger('mousedown', { button: 0 })
    await flushPromises()
    expect(useSelectionStore().frame).toBe(3)
    expect(wrapper.get('[data-frame="3"]').classes()).toContain('selected')
    expect(wrapper.get('[data-frame="3"]').attributes('aria-selected')).toBe('true')
  })

  it('should move the selection with the arrow keys, PgUp, PgDn, Home and End and keep it in view', async () => {
    const { wrapper } = await mountList(300)
    const selection = useSelectionStore()
    const list = wrapper.get('[data-testid="packet-list"]')
    await list.trigger('keydown', { key: 'ArrowDown' })
    await flushPromises()
    expect(selection.frame).toBe(1)
    await list.trigger('keydown', { key: 'ArrowDown' })
    await flushPromises()
    expect(selection.frame).toBe(2)
    await list.trigger('keydown', { key: 'PageDown' })
    await flushPromises()
    expect(selection.frame).toBe(2 + VISIBLE)
    await list.trigger('keydown', { key: 'End' })
    await flushPromises()
    expect(selection.frame).toBe(300)
    expect(frames(wrapper)).toContain(300)
    expect(wrapper.get('[data-frame="300"]').classes()).toContain('selected')
    await list.trigger('keydown', { key: 'ArrowUp' })
    await flushPromises()
    expect(selection.frame).toBe(299)
    await list.trigger('keydown', { key: 'PageUp' })
    await flushPromises()
    expect(selection.frame).toBe(299 - VISIBLE)
    await list.trigger('keydown', { key: 'Home' })
    await flushPromises()
    expect(selection.frame).toBe(1)
    expect(viewport(wrapper).scrollTop).toBe(0)
  })

  it('should reach the last of 2,000,000 rows with End', async () => {
    const { wrapper } = await mountList(2_000_000)
    await wrapper.get('[data-testid="packet-list"]').trigger('keydown', { key: 'End' })
    await flushPromises()
    expect(useSelectionStore().frame).toBe(2_000_000)
    expect(frames(wrapper).at(-1)).toBe(2_000_000)
    expect(viewport(wrapper).scrollTop).toBe(MAX_SCROLL_HEIGHT - VIEWPORT)
  })

  it('should sort by a column on header clicks: ascending, descending, none', async () => {
    const { wrapper, harness } = await mountList(300)
    const header = wrapper.get('[data-column="no"]')
    await header.trigger('click')
    await flushPromises()
    expect(header.attributes('aria-sort')).toBe('ascending')
    await header.trigger('click')
    await flushPromises()
    expect(header.attributes('aria-sort')).toBe('descending')
    expect(frames(wrapper)[0]).toBe(300)
    await header.trigger('click')
    await flushPromises()
    expect(header.attributes('aria-sort')).toBe('none')
    expect(harness.api.callsOf('setView').map((call) => call[0])).toEqual([{ sort: { column: 'no', descending: false } }, { sort: { column: 'no', descending: true } }, {}])
  })

  it('should colour rows by their Wireshark colour class', async () => {
    const { wrapper } = await mountList(300)
    expect(wrapper.get('[data-frame="1"]').classes()).toContain('colour-tcp-syn-fin')
    expect(wrapper.get('[data-frame="2"]').classes()).toContain('colour-tcp')
    expect(wrapper.get('[data-frame="4"]').classes()).toContain('colour-bad-tcp')
  })

  it('should format the Time column per the time format preference', async () => {
    const { wrapper } = await mountList(300)
    const timeCell = () => wrapper.get('[data-frame="3"]').findAll('[role="gridcell"]')[1].text()
    expect(timeCell()).toBe('0.002000')
    const { useSettingsStore } = await import('../../../../renderer/src/stores/settings')
    await useSettingsStore().update({ timeFormat: 'epoch' })
    await flushPromises()
    expect(timeCell()).toBe('1700000000.002000')
  })

  it('should offer the connection’s diagram and Follow TCP stream on a TCP row', async () => {
    const { wrapper, harness } = await mountList(300)
    await wrapper.get('[data-frame="12"]').trigger('contextmenu', { clientX: 10, clientY: 10 })
    await flushPromises()
    const menu = wrapper.get('[data-testid="context-menu"]')
    expect(menu.text()).toContain('Show the connection’s diagram')
    await menu.get('[data-item="follow"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('followStream')).toEqual([[1]])
  })

  it("should open a TCP row's connection in the Diagram view from its context menu", async () => {
    const { wrapper, harness } = await mountList(300)
    await wrapper.get('[data-frame="12"]').trigger('contextmenu', { clientX: 10, clientY: 10 })
    await flushPromises()
    await wrapper.get('[data-testid="context-menu"] [data-item="diagram"]').trigger('click')
    await flushPromises()
    expect(useUiStore().view).toBe('diagram')
    expect(harness.api.callsOf('narrative')).toEqual([[1, 'en']])
    expect(useTeachStore().narrative?.stream).toBe(1)
  })

  it("should filter on a TCP row's connection from its context menu", async () => {
    const { wrapper, harness } = await mountList(300)
    await wrapper.get('[data-frame="12"]').trigger('contextmenu', { clientX: 10, clientY: 10 })
    await flushPromises()
    await wrapper.get('[data-testid="context-menu"] [data-item="filter-stream"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('setView').at(-1)).toEqual([{ filter: 'tcp.stream == 1' }])
  })
})
