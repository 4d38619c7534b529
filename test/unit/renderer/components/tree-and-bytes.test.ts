import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import BytesPane from '../../../../renderer/src/components/hex/BytesPane.vue'
import DetailsTree from '../../../../renderer/src/components/packet-detail/DetailsTree.vue'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useFilterStore } from '../../../../renderer/src/stores/filter'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { EXPERT_FRAME, REASSEMBLED_FRAME } from '../fake-api'
import { flushPromises, mountWith, setUp, type Harness } from '../harness'

enableAutoUnmount(afterEach)

const Panes = defineComponent({ render: () => h('div', [h(DetailsTree), h(BytesPane)]) })

async function mountPanes(frame = 3) {
  const harness: Harness = setUp({ rows: 300 })
  await useCaptureStore().start()
  await useSelectionStore().selectFrame(frame)
  const wrapper = mountWith(Panes, harness)
  await flushPromises()
  return { harness, wrapper }
}

type Wrapper = Awaited<ReturnType<typeof mountPanes>>['wrapper']

const node = (wrapper: Wrapper, name: string) => wrapper.get(`[data-testid="tree-node"][data-field="${name}"]`)
const highlighted = (wrapper: Wrapper) => wrapper.findAll('[data-testid="hex-byte"].highlighted').map((byte) => Number(byte.attributes('data-offset')))
const fieldNames = (wrapper: Wrapper) => wrapper.findAll('[data-testid="tree-node"]').map((line) => line.attributes('data-field'))

describe('details tree and bytes pane', () => {
  beforeEach(() => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(() => Promise.resolve()) } })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('should show the frame bytes as offset, hex and ASCII', async () => {
    const { wrapper } = await mountPanes()
    expect(wrapper.findAll('[data-testid="hex-byte"]')).toHaveLength(74)
    expect(wrapper.find('.hex-line .offset').text()).toBe('0000')
    expect(wrapper.findAll('[data-testid="hex-ascii"]').slice(54, 59).map((char) => char.element.textContent).join('')).toBe('GET /')
  })

  it('should expand and collapse with clicks, and expand all / collapse all', async () => {
    const { wrapper } = await mountPanes()
    expect(fieldNames(wrapper)).toEqual(['frame', 'eth', 'ip', 'tcp', 'tcp.payload'])
    await node(wrapper, 'tcp').get('[data-testid="tree-toggle"]').trigger('click')
    expect(fieldNames(wrapper)).toContain('tcp.seq')
    expect(fieldNames(wrapper)).toContain('tcp.seq_raw')
    await node(wrapper, 'tcp').get('[data-testid="tree-toggle"]').trigger('click')
    expect(fieldNames(wrapper)).not.toContain('tcp.seq')
    await wrapper.get('[data-testid="tree-expand-all"]').trigger('click')
    expect(fieldNames(wrapper)).toContain('tcp.flags.push')
    await wrapper.get('[data-testid="tree-collapse-all"]').trigger('click')
    expect(fieldNames(wrapper)).toHaveLength(5)
  })

  it('should highlight the bytes of the selected field', async () => {
    const { wrapper } = await mountPanes()
    await node(wrapper, 'ip').trigger('click')
    expect(highlighted(wrapper)).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33])
    await wrapper.get('[data-testid="tree-expand-all"]').trigger('click')
    await node(wrapper, 'tcp.seq').trigger('click')
    expect(highlighted(wrapper)).toEqual([38, 39, 40, 41])
    expect(node(wrapper, 'tcp.seq').classes()).toContain('selected')
    await node(wrapper, 'ip.hdr_len').trigger('click')
    expect(highlighted(wrapper)).toEqual([14])
  })

  it('should select the deepest field when a byte is clicked, opening its parents', async () => {
    const { wrapper } = await mountPanes()
    await wrapper.get('[data-testid="hex-byte"][data-offset="39"]').trigger('click')
    await flushPromises()
    expect(node(wrapper, 'tcp.seq').attributes('aria-selected')).toBe('true')
    expect(highlighted(wrapper)).toEqual([38, 39, 40, 41])
    await wrapper.get('[data-testid="hex-ascii"][data-offset="47"]').trigger('click')
    await flushPromises()
    expect(node(wrapper, 'tcp.flags.ack').classes()).toContain('selected')
    expect(highlighted(wrapper)).toEqual([46, 47])
  })

  it('should move through the tree with the arrow keys', async () => {
    const { wrapper } = await mountPanes()
    const tree = wrapper.get('[data-testid="details-tree"]')
    await node(wrapper, 'ip').trigger('click')
    await tree.trigger('keydown', { key: 'ArrowRight' })
    expect(fieldNames(wrapper)).toContain('ip.src')
    await tree.trigger('keydown', { key: 'ArrowRight' })
    expect(useSelectionStore().field?.name).toBe('ip.version')
    await tree.trigger('keydown', { key: 'ArrowLeft' })
    expect(useSelectionStore().field?.name).toBe('ip')
    await tree.trigger('keydown', { key: 'ArrowLeft' })
    expect(fieldNames(wrapper)).not.toContain('ip.src')
    await tree.trigger('keydown', { key: 'ArrowDown' })
    expect(useSelectionStore().field?.name).toBe('tcp')
    expect(tree.attributes('aria-activedescendant')).toBe(node(wrapper, 'tcp').attributes('id'))
  })

  it('should mark generated fields and expert items', async () => {
    const { wrapper } = await mountPanes(EXPERT_FRAME)
    await wrapper.get('[data-testid="tree-expand-all"]').trigger('click')
    expect(node(wrapper, 'tcp.stream').classes()).toContain('generated')
    expect(node(wrapper, 'tcp.stream').text()).toContain('[Stream index: 0]')
    expect(node(wrapper, 'tcp.analysis.retransmission').classes()).toContain('expert-note')
  })

  it('should go to the frame a link points to', async () => {
    const { wrapper, harness } = await mountPanes(5)
    await wrapper.get('[data-testid="tree-expand-all"]').trigger('click')
    expect(wrapper.get('[data-testid="tree-link"]').attributes('aria-label')).toBe('Go to frame 4')
    await wrapper.get('[data-testid="tree-link"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('positionOf').at(-1)).toEqual([4])
    expect(useSelectionStore().frame).toBe(4)
  })

  it('should show one tab per byte source and follow a field into the reassembled one', async () => {
    const { wrapper } = await mountPanes(REASSEMBLED_FRAME)
    const tabs = wrapper.findAll('[data-testid="bytes-tab"]')
    expect(tabs.map((tab) => tab.text())).toEqual(['Frame (74 bytes)', 'Reassembled IPv4 (20 bytes)'])
    await wrapper.get('[data-testid="tree-expand-all"]').trigger('click')
    await node(wrapper, 'tcp.seq').trigger('click')
    expect(wrapper.findAll('[data-testid="bytes-tab"]')[1].attributes('aria-selected')).toBe('true')
    expect(wrapper.findAll('[data-testid="hex-byte"]')).toHaveLength(20)
    expect(highlighted(wrapper)).toEqual([4, 5, 6, 7])
  })

  it('should show the offset of the byte under the pointer', async () => {
    const { wrapper } = await mountPanes()
    await wrapper.get('[data-testid="hex-byte"][data-offset="20"]').trigger('mouseenter')
    expect(wrapper.get('[data-testid="hex-hover-offset"]').text()).toBe('Offset 20 (0x14)')
  })

  it('should copy a value and a field name', async () => {
    const { wrapper } = await mountPanes()
    await wrapper.get('[data-testid="tree-expand-all"]').trigger('click')
    await node(wrapper, 'tcp.seq').trigger('contextmenu', { clientX: 5, clientY: 5 })
    await wrapper.get('[data-item="copy-value"]').trigger('click')
    await flushPromises()
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith('1')
    await node(wrapper, 'tcp.seq').trigger('contextmenu', { clientX: 5, clientY: 5 })
    await wrapper.get('[data-item="copy-name"]').trigger('click')
    await flushPromises()
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith('tcp.seq')
  })

  describe('filters from the context menu', () => {
    /** Right-clicks tcp.seq (whose filter is tcp.seq == 1) and picks a menu item. */
    async function pick(wrapper: Wrapper, item: string): Promise<void> {
      await wrapper.get('[data-testid="tree-expand-all"]').trigger('click')
      await node(wrapper, 'tcp.seq').trigger('contextmenu', { clientX: 5, clientY: 5 })
      await wrapper.get(`[data-item="${item}"]`).trigger('click')
      await flushPromises()
    }

    it("should apply the field's filter", async () => {
      const { wrapper, harness } = await mountPanes()
      await pick(wrapper, 'apply-filter')
      expect(harness.api.callsOf('setView')).toEqual([[{ filter: 'tcp.seq == 1' }]])
      expect(useFilterStore().text).toBe('tcp.seq == 1')
    })

    it("should prepare the field's filter in the bar without applying it", async () => {
      const { wrapper, harness } = await mountPanes()
      await pick(wrapper, 'prepare-filter')
      expect(useFilterStore().text).toBe('tcp.seq == 1')
      expect(useFilterStore().focusRequests).toBe(1)
      expect(harness.api.callsOf('setView')).toEqual([])
    })

    it('should join it to the text in the bar: …and selected, …or selected, not selected', async () => {
      const { wrapper, harness } = await mountPanes()
      useFilterStore().edit('udp')
      await pick(wrapper, 'apply-and')
      expect(harness.api.callsOf('setView').at(-1)).toEqual([{ filter: '(udp) && (tcp.seq == 1)' }])
      await pick(wrapper, 'apply-or')
      expect(useFilterStore().text).toBe('((udp) && (tcp.seq == 1)) || (tcp.seq == 1)')
      await pick(wrapper, 'apply-not')
      expect(useFilterStore().applied).toBe('!(tcp.seq == 1)')
    })

    it('should offer no filter for a line that has none', async () => {
      const { wrapper } = await mountPanes()
      const tree = useSelectionStore().detail!.tree
      useSelectionStore().detail = { ...useSelectionStore().detail!, tree: tree.map((root) => ({ ...root, filter: undefined })) }
      await flushPromises()
      await node(wrapper, 'ip').trigger('contextmenu', { clientX: 5, clientY: 5 })
      for (const item of ['apply-filter', 'prepare-filter', 'apply-not', 'apply-and', 'apply-or']) {
        expect(wrapper.get(`[data-item="${item}"]`).attributes('disabled')).toBeDefined()
      }
      expect(wrapper.get('[data-item="copy-name"]').attributes('disabled')).toBeUndefined()
    })
  })

  it('should expand a whole subtree from the context menu', async () => {
    const { wrapper } = await mountPanes()
    await node(wrapper, 'tcp').trigger('contextmenu', { clientX: 5, clientY: 5 })
    await wrapper.get('[data-item="expand-subtrees"]').trigger('click')
    expect(fieldNames(wrapper)).toContain('tcp.flags.push')
    expect(fieldNames(wrapper)).toContain('tcp.analysis.acks_frame')
    expect(fieldNames(wrapper)).not.toContain('ip.src')
  })
})
