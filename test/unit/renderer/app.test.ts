import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaptureStatus } from '../../../preload/contract/api'
import App from '../../../renderer/src/App.vue'
import { findByName } from '../../../renderer/src/model/tree-model'
import { useFilterStore } from '../../../renderer/src/stores/filter'
import { useSelectionStore } from '../../../renderer/src/stores/selection'
import { fixClientHeight, flushPromises, mountWith, setUp } from './harness'

enableAutoUnmount(afterEach)

async function mountApp(options: Parameters<typeof setUp>[0] = {}) {
  const harness = setUp({ rows: 300, ...options })
  const wrapper = mountWith(App, harness)
  await flushPromises()
  return { harness, wrapper }
}

/** A file read up to frame 12, whose record is cut short. */
const DAMAGED_STATUS = {
  session: 2,
  state: 'ready',
  file: { name: 'cut.pcap', path: '/cut.pcap', size: 10, format: 'pcap', compressed: false },
  packets: 11,
  connections: 1,
  error: { code: 'damaged', message: 'frame 12 at byte 4096: the record is cut short', framesRead: 11 },
} as const satisfies CaptureStatus

function dropEvent(file: File): Event {
  const event = new Event('drop', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'dataTransfer', { value: { files: [file], types: ['Files'] } })
  return event
}

describe('renderer/App', () => {
  let restore: () => void

  beforeEach(() => {
    restore = fixClientHeight(400)
  })
  afterEach(() => {
    restore()
    document.body.innerHTML = ''
  })

  it('should show the start page when no capture is open, and the panes once one is', async () => {
    const { wrapper, harness } = await mountApp({ initial: 'empty' })
    expect(wrapper.find('[data-testid="start-page"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="start-capture"]').attributes('disabled')).toBeUndefined()
    expect(wrapper.findAll('[data-testid="recent-file"]')).toHaveLength(1)
    await wrapper.get('[data-testid="start-open-sample"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('open')).toEqual([[{ kind: 'sample' }]])
    expect(wrapper.find('[data-testid="start-page"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="packet-row"]').length).toBeGreaterThan(0)
    expect(wrapper.get('[data-testid="status-file"]').text()).toBe('sample.pcapng')
  })

  it('should open the native dialog in Electron and the server dialog in browser mode', async () => {
    const electron = await mountApp({ initial: 'empty' })
    await electron.wrapper.get('[data-testid="start-open"]').trigger('click')
    expect(electron.harness.api.callsOf('open')).toEqual([[{ kind: 'dialog' }]])
    electron.wrapper.unmount()
    const browser = await mountApp({ initial: 'empty', transport: 'browser' })
    await browser.wrapper.get('[data-testid="start-open"]').trigger('click')
    await flushPromises()
    expect(browser.wrapper.find('[data-testid="server-file-dialog"]').exists()).toBe(true)
    expect(browser.harness.api.callsOf('open')).toEqual([])
  })

  it('should switch the language live', async () => {
    const { wrapper, harness } = await mountApp()
    expect(wrapper.get('[data-testid="toolbar-open"]').text()).toContain('Open')
    await wrapper.get('[data-testid="language-switch"]').setValue('zh-CN')
    await flushPromises()
    expect(wrapper.get('[data-testid="toolbar-open"]').text()).toContain('打开')
    expect(wrapper.get('[data-column="source"]').text()).toBe('源地址')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(harness.api.callsOf('setPreferences')).toEqual([[{ language: 'zh-CN' }]])
  })

  it('should follow the system language by default', async () => {
    const { wrapper } = await mountApp({ systemLanguage: 'zh-CN' })
    expect(wrapper.get('[data-testid="toolbar-conversations"]').text()).toBe('会话')
  })

  it('should put the theme and the font scale on the page', async () => {
    const { wrapper } = await mountApp()
    await wrapper.get('[data-testid="theme-switch"]').setValue('dark')
    await wrapper.get('[data-testid="font-scale-switch"]').setValue('1.5')
    await flushPromises()
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(document.documentElement.style.getPropertyValue('--font-scale')).toBe('1.5')
  })

  it('should show a damaged file with the frames read and the reason', async () => {
    const { wrapper, harness } = await mountApp()
    harness.api.emit('capture', DAMAGED_STATUS)
    await flushPromises()
    const banner = wrapper.get('[data-testid="damaged-banner"]')
    expect(banner.text()).toContain('11 frames')
    const details = banner.get('[data-testid="damaged-details"]')
    expect(details.get('.details-label').text()).toBe('Details:')
    expect(details.get('[lang="en"]').text()).toBe('frame 12 at byte 4096: the record is cut short')
  })

  it('should word the damaged file in Chinese and keep the English detail on its own line', async () => {
    const { wrapper, harness } = await mountApp({ systemLanguage: 'zh-CN' })
    harness.api.emit('capture', DAMAGED_STATUS)
    await flushPromises()
    const banner = wrapper.get('[data-testid="damaged-banner"]')
    expect(banner.text()).toContain('显示了损坏之前的 11 个帧。')
    expect(banner.text()).not.toContain('cut short。')
    const details = banner.get('[data-testid="damaged-details"]')
    expect(details.get('.details-label').text()).toBe('详细信息：')
    expect(details.get('[lang="en"]').text()).toBe('frame 12 at byte 4096: the record is cut short')
  })

  it('should say on the start page that a file is not supported', async () => {
    const { wrapper, harness } = await mountApp({ initial: 'empty' })
    harness.api.emit('capture', { session: 1, state: 'failed', packets: 0, connections: 0, error: { code: 'unsupported', message: 'no pcap magic', framesRead: 0 } })
    await flushPromises()
    expect(wrapper.get('[data-testid="start-failure"]').text()).toContain('not a capture file TCP Lens can read')
  })

  it('should show the packets so far, the bytes read as a progress bar and Cancel in the status bar while a file loads', async () => {
    const { wrapper, harness } = await mountApp()
    harness.api.emit('capture', { session: 2, state: 'loading', file: { name: 'big.pcap', path: '/big.pcap', size: 2048, format: 'pcap', compressed: false }, packets: 0, connections: 0 })
    harness.api.emit('progress', { session: 2, bytesRead: 1024, totalBytes: 2048, packets: 120, connections: 3 })
    await flushPromises()
    expect(wrapper.get('[data-testid="status-packets"]').text()).toBe('Packets: 120')
    const progress = wrapper.get('[data-testid="status-progress"]')
    expect(progress.text()).toContain('1.00 KiB of 2.00 KiB')
    expect(progress.get('progress').attributes('value')).toBe('0.5')
    expect(wrapper.find('[data-testid="status-load-time"]').exists()).toBe(false)
    await progress.get('[data-testid="status-cancel"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('cancelOpen')).toHaveLength(1)
    expect(wrapper.find('[data-testid="status-progress"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="status-cancelled"]').text()).toContain('cancelled')
  })

  it("should say Packets, Displayed with its share, and the load time once loaded, as Wireshark's status bar", async () => {
    const { wrapper } = await mountApp()
    expect(wrapper.get('[data-testid="status-packets"]').text()).toBe('Packets: 300')
    expect(wrapper.get('[data-testid="status-displayed"]').text()).toBe('Displayed: 300 (100.0%)')
    expect(wrapper.get('[data-testid="status-load-time"]').text()).toBe('Load time: 1.23 s')
    await useFilterStore().applyText('tcp.stream == 2')
    await flushPromises()
    expect(wrapper.get('[data-testid="status-displayed"]').text()).toBe('Displayed: 10 (3.3%)')
  })

  it('should show api errors as dismissible messages', async () => {
    const { wrapper, harness } = await mountApp({ initial: 'empty' })
    harness.api.open = () => Promise.resolve({ ok: false, error: { code: 'io', message: 'EACCES' } })
    await wrapper.get('[data-testid="start-open-sample"]').trigger('click')
    await flushPromises()
    const message = wrapper.get('[data-testid="message"]')
    expect(message.text()).toContain('The operating system refused')
    expect(message.text()).toContain('EACCES')
    await message.get('[data-testid="message-dismiss"]').trigger('click')
    expect(wrapper.find('[data-testid="message"]').exists()).toBe(false)
  })

  it('should run menu commands', async () => {
    const { wrapper, harness } = await mountApp()
    harness.api.emit('menu', 'go-last')
    await flushPromises()
    expect(useSelectionStore().frame).toBe(300)
    harness.api.emit('menu', 'show-expert')
    await flushPromises()
    expect(wrapper.find('[data-testid="expert-dialog"]').exists()).toBe(true)
  })

  it('should run the same commands from the keyboard', async () => {
    const { wrapper } = await mountApp()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', ctrlKey: true }))
    await flushPromises()
    expect(useSelectionStore().frame).toBe(1)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'g', ctrlKey: true }))
    await flushPromises()
    const dialog = wrapper.get('[data-testid="go-to-dialog"]')
    await dialog.get('[data-testid="go-to-input"]').setValue('42')
    await dialog.get('form').trigger('submit')
    await flushPromises()
    expect(useSelectionStore().frame).toBe(42)
    expect(wrapper.find('[data-testid="go-to-dialog"]').exists()).toBe(false)
  })

  it('should leave Ctrl+R to the browser (reload) unless there is a capture to restart', async () => {
    const { harness } = await mountApp()
    const reload = new KeyboardEvent('keydown', { key: 'r', ctrlKey: true, cancelable: true })
    window.dispatchEvent(reload)
    expect(reload.defaultPrevented).toBe(false)
    await harness.api.startCapture({ interface: 'lo', filter: '' })
    await flushPromises()
    const restart = new KeyboardEvent('keydown', { key: 'r', ctrlKey: true, cancelable: true })
    window.dispatchEvent(restart)
    expect(restart.defaultPrevented).toBe(true)
  })

  it('should open a dropped file by its path in Electron', async () => {
    const { harness } = await mountApp({ initial: 'empty' })
    window.dispatchEvent(dropEvent(new File([new Uint8Array([1, 2, 3])], 'dropped.pcap')))
    await flushPromises()
    expect(harness.api.callsOf('pathForFile')).toEqual([['dropped.pcap']])
    expect(harness.api.callsOf('open')).toEqual([[{ kind: 'path', path: '/drop/dropped.pcap' }]])
  })

  it('should upload a dropped file in browser mode', async () => {
    const { harness } = await mountApp({ initial: 'empty', transport: 'browser' })
    window.dispatchEvent(dropEvent(new File([new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1])], 'lab.pcap')))
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 10))
    await flushPromises()
    expect(harness.api.callsOf('upload')).toEqual([['lab.pcap', btoa('\xd4\xc3\xb2\xa1')]])
  })

  it("should show the selected field's name and bytes in the status bar", async () => {
    const { wrapper } = await mountApp()
    const selection = useSelectionStore()
    await selection.selectFrame(3)
    selection.selectField(findByName(selection.detail!.tree, 'tcp.seq')!.id)
    await flushPromises()
    expect(wrapper.get('[data-testid="status-field"]').text()).toBe('tcp.seq (bytes 38–41)')
    expect(wrapper.get('[data-testid="status-displayed"]').text()).toBe('Displayed: 300 (100.0%)')
  })

  it('should focus the filter bar on Ctrl+/, apply a filter with Enter and count what it shows', async () => {
    const { wrapper, harness } = await mountApp()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '/', ctrlKey: true }))
    await flushPromises()
    const input = wrapper.get('[data-testid="filter-input"]')
    expect(document.activeElement).toBe(input.element)
    expect(input.attributes('placeholder')).toBe('Apply a display filter… (Ctrl+/)')
    await input.setValue('tcp.stream == 2')
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(harness.api.callsOf('setView').at(-1)).toEqual([{ filter: 'tcp.stream == 2' }])
    expect(wrapper.get('[data-testid="status-displayed"]').text()).toBe('Displayed: 10 (3.3%)')
    expect(wrapper.findAll('[data-testid="packet-row"]').map((row) => row.attributes('data-frame'))[0]).toBe('21')
  })

  it('should run a command once when the menu accelerator and the page both see the key', async () => {
    const { harness } = await mountApp()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', ctrlKey: true }))
    harness.api.emit('menu', 'go-next')
    await flushPromises()
    expect(useSelectionStore().frame).toBe(1)
  })

  it('should list the shortcuts in a dialog', async () => {
    const { wrapper } = await mountApp()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1' }))
    await flushPromises()
    const dialog = wrapper.get('[data-testid="shortcuts-dialog"]')
    expect(dialog.text()).toContain('Ctrl+G')
    expect(dialog.text()).toContain('Go to packet')
    expect(dialog.get('[data-testid="shortcut-focus-filter"]').text()).toBe('Ctrl+/Go to the display filter bar')
    await dialog.trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('[data-testid="shortcuts-dialog"]').exists()).toBe(false)
  })

  it('should close a dialog about the capture when another capture opens, and keep the others', async () => {
    const { wrapper, harness } = await mountApp()
    harness.api.emit('menu', 'show-expert')
    await flushPromises()
    expect(wrapper.find('[data-testid="expert-dialog"]').exists()).toBe(true)
    await harness.api.open({ kind: 'sample' })
    await flushPromises()
    expect(wrapper.find('[data-testid="expert-dialog"]').exists()).toBe(false)
    harness.api.emit('menu', 'show-about')
    await flushPromises()
    await harness.api.open({ kind: 'sample' })
    await flushPromises()
    expect(wrapper.find('[data-testid="about-dialog"]').exists()).toBe(true)
  })
})
