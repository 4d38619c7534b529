import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import ConversationsDialog from '../../../../renderer/src/components/conversations/ConversationsDialog.vue'
import ExpertDialog from '../../../../renderer/src/components/expert/ExpertDialog.vue'
import FollowStreamDialog from '../../../../renderer/src/components/follow/FollowStreamDialog.vue'
import ServerFileDialog from '../../../../renderer/src/components/capture/ServerFileDialog.vue'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useConnectionsStore } from '../../../../renderer/src/stores/connections'
import { useExpertStore } from '../../../../renderer/src/stores/expert'
import { useFilterStore } from '../../../../renderer/src/stores/filter'
import { useFollowStore } from '../../../../renderer/src/stores/follow'
import { usePacketsStore } from '../../../../renderer/src/stores/packets'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { useTeachStore } from '../../../../renderer/src/stores/teach'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { FAKE_FOLLOW_TEXT } from '../fake-api'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

async function ready(options: Parameters<typeof setUp>[0] = {}) {
  const harness = setUp({ rows: 300, ...options })
  await useCaptureStore().start()
  return harness
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('components/follow/FollowStreamDialog', () => {
  it('should show both directions in order, coloured by side, with the bytes each way', async () => {
    const harness = await ready()
    await useFollowStore().open(1)
    const wrapper = mountWith(FollowStreamDialog, harness)
    await flushPromises()
    const blocks = wrapper.findAll('[data-testid="follow-block"]')
    expect(blocks.map((block) => block.attributes('data-from'))).toEqual(['client', 'server'])
    expect(blocks[0].classes()).toContain('client')
    expect(blocks[0].element.textContent).toBe(FAKE_FOLLOW_TEXT.client)
    expect(wrapper.get('[data-testid="follow-bytes-client"]').text()).toBe(`10.0.0.1:40001 → 10.0.0.2:80: ${FAKE_FOLLOW_TEXT.client.length} bytes`)
    expect(wrapper.get('[data-testid="follow-bytes-server"]').text()).toContain('10.0.0.2:80 → 10.0.0.1:40001')
  })

  it('should switch to a hex dump', async () => {
    const harness = await ready()
    await useFollowStore().open(1)
    const wrapper = mountWith(FollowStreamDialog, harness)
    await flushPromises()
    await wrapper.get('[data-testid="follow-view"]').setValue('hex')
    expect(wrapper.findAll('[data-testid="follow-block"]')[0].text()).toMatch(/^00000000 {2}47 45 54 20/)
  })

  it('should close on Escape', async () => {
    const harness = await ready()
    await useFollowStore().open(1)
    const wrapper = mountWith(FollowStreamDialog, harness)
    await flushPromises()
    await wrapper.get('[role="dialog"]').trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('close')).toHaveLength(1)
    expect(useFollowStore().stream).toBeNull()
  })

  it('should filter the list on the stream with tcp.stream == N', async () => {
    const harness = await ready()
    await useFollowStore().open(2)
    const wrapper = mountWith(FollowStreamDialog, harness)
    await flushPromises()
    await wrapper.get('[data-testid="follow-filter"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('setView').at(-1)).toEqual([{ filter: 'tcp.stream == 2' }])
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})

describe('components/conversations/ConversationsDialog', () => {
  it('should list the connections with their facts in words', async () => {
    const harness = await ready()
    await useConnectionsStore().load()
    const wrapper = mountWith(ConversationsDialog, harness)
    const rows = wrapper.findAll('[data-testid="conversation-row"]')
    expect(rows).toHaveLength(30)
    expect(rows[1].text()).toContain('Reset')
    const completeness = rows[1].get('[data-testid="conversation-completeness"]')
    expect(completeness.get('.flags').text()).toBe('R·DASS')
    expect(completeness.get('.completeness-value').text()).toBe('47')
    expect(completeness.attributes('title')).toBe('tcp.completeness = 47: SYN, SYN-ACK, ACK, DATA, RST')
    expect(rows[0].get('[data-testid="conversation-completeness"] .flags').text()).toBe('·FDASS')
    expect(rows[2].text()).toContain('10.0.0.1:40002 ?')
    expect(rows[2].text()).toContain('Not captured')
  })

  it('should filter on the clicked connection (tcp.stream == N, shown in the bar) and select its first packet; Show all clears it', async () => {
    const harness = await ready()
    await useConnectionsStore().load()
    const wrapper = mountWith(ConversationsDialog, harness)
    await wrapper.get('[data-stream="3"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('setView').at(-1)).toEqual([{ filter: 'tcp.stream == 3' }])
    expect(useFilterStore().text).toBe('tcp.stream == 3')
    expect(wrapper.get('[data-stream="3"]').classes()).toContain('current')
    expect(usePacketsStore().count).toBe(10)
    expect(useSelectionStore().frame).toBe(31)
    expect(useSelectionStore().position).toBe(0)
    await wrapper.get('[data-testid="conversations-show-all"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('setView').at(-1)).toEqual([{}])
    expect(useFilterStore().text).toBe('')
    expect(usePacketsStore().count).toBe(300)
    expect(useSelectionStore().position).toBe(30)
  })

  it('should show a stream from the keyboard: each row takes focus, Enter opens it', async () => {
    const harness = await ready()
    await useConnectionsStore().load()
    const wrapper = mountWith(ConversationsDialog, harness)
    const row = wrapper.get('[data-stream="5"]')
    expect(row.attributes('tabindex')).toBe('0')
    await row.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(harness.api.callsOf('setView').at(-1)).toEqual([{ filter: 'tcp.stream == 5' }])
    expect(useSelectionStore().frame).toBe(51)
  })

  it('should keep a Steps button on every row and explain the completeness letters', async () => {
    const harness = await ready()
    await useConnectionsStore().load()
    const wrapper = mountWith(ConversationsDialog, harness)
    expect(wrapper.findAll('[data-testid="conversation-row"] td.steps [data-testid="conversation-steps"]')).toHaveLength(30)
    expect(wrapper.text()).toContain('R = RST, F = FIN, D = data, A = ACK, S = SYN-ACK, S = SYN')
  })

  it('should filter on a connection from its Filter button, whose tooltip shows the filter', async () => {
    const harness = await ready()
    await useConnectionsStore().load()
    const wrapper = mountWith(ConversationsDialog, harness)
    const button = wrapper.get('[data-stream="7"] [data-testid="conversation-filter"]')
    expect(button.attributes('title')).toBe('Filter on this connection: tcp.stream == 7')
    await button.trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('setView')).toEqual([[{ filter: 'tcp.stream == 7' }]])
    expect(useSelectionStore().frame).toBe(71)
  })

  it('should sort by a column', async () => {
    const harness = await ready()
    await useConnectionsStore().load()
    const wrapper = mountWith(ConversationsDialog, harness)
    await wrapper.get('[data-column="stream"]').trigger('click')
    expect(wrapper.findAll('[data-testid="conversation-row"]')[0].attributes('data-stream')).toBe('29')
  })

  it('should open the diagram of a connection in the UI language, closing the dialog', async () => {
    const harness = await ready()
    await useConnectionsStore().load()
    useUiStore().openDialog('conversations')
    const wrapper = mountWith(ConversationsDialog, harness)
    await wrapper.get('[data-stream="4"] [data-testid="conversation-steps"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('narrative')).toEqual([[4, 'en']])
    expect(harness.api.callsOf('setView')).toEqual([])
    expect(useUiStore()).toMatchObject({ dialog: null, view: 'diagram' })
    expect(useTeachStore().stream).toBe(4)
  })

  it('should speak Chinese when the UI does', async () => {
    const harness = await ready()
    harness.i18n.global.locale.value = 'zh-CN'
    await useConnectionsStore().load()
    const wrapper = mountWith(ConversationsDialog, harness)
    expect(wrapper.get('[data-stream="1"]').text()).toContain('复位（RST）')
    expect(wrapper.get('[data-stream="1"] [data-testid="conversation-completeness"]').attributes('title')).toContain('数据')
  })
})

describe('components/expert/ExpertDialog', () => {
  it('should group entries by severity with counts and select a frame on click', async () => {
    const harness = await ready()
    await useExpertStore().load()
    const wrapper = mountWith(ExpertDialog, harness)
    const groups = wrapper.findAll('[data-testid="expert-group"]')
    expect(groups.map((group) => group.attributes('data-severity'))).toEqual(['error', 'warn', 'note', 'chat'])
    expect(groups.map((group) => group.get('[data-testid="expert-count"]').text())).toEqual(['1', '2', '1', '3'])
    expect(wrapper.find('[data-testid="expert-frame"]').exists()).toBe(false)
    await groups[1].get('[data-testid="expert-entry"]').trigger('click')
    expect(wrapper.get('[data-testid="expert-frame"][data-frame="25"]').attributes('aria-label')).toBe('Go to frame 25')
    await wrapper.get('[data-testid="expert-frame"][data-frame="25"]').trigger('click')
    await flushPromises()
    expect(useSelectionStore().frame).toBe(25)
  })
})

describe('components/capture/ServerFileDialog', () => {
  it('should browse the server folders, highlight captures and open one with Enter', async () => {
    const harness = await ready({ transport: 'browser', initial: 'empty' })
    const wrapper = mountWith(ServerFileDialog, harness)
    await flushPromises()
    const entries = wrapper.findAll('[data-testid="file-entry"]')
    expect(entries.map((entry) => entry.classes().includes('capture'))).toEqual([false, false, true])
    expect(entries[2].attributes('aria-selected')).toBe('true')
    await entries[0].trigger('dblclick')
    await flushPromises()
    expect(wrapper.get('[data-testid="file-dialog-path"]').text()).toBe('/captures/labs')
    await wrapper.get('[data-testid="file-dialog-list"]').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(harness.api.callsOf('open')).toEqual([[{ kind: 'path', path: '/captures/labs/syn.pcap' }]])
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('should word each size with its unit in the UI language', async () => {
    const harness = await ready({ transport: 'browser', initial: 'empty' })
    const wrapper = mountWith(ServerFileDialog, harness)
    await flushPromises()
    const sizes = () => wrapper.findAll('[data-testid="file-entry"] .size').map((size) => size.text())
    expect(sizes()).toEqual(['Folder', '12 bytes', '121 KiB'])
    harness.i18n.global.locale.value = 'zh-CN'
    await flushPromises()
    expect(sizes().slice(1)).toEqual(['12 字节', '121 KiB'])
  })
})
