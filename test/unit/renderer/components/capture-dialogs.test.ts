import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CaptureProblem } from '../../../../preload/contract/api'
import CaptureDialog from '../../../../renderer/src/components/capture/CaptureDialog.vue'
import CaptureProblemHelp from '../../../../renderer/src/components/capture/CaptureProblemHelp.vue'
import ConnectDialog from '../../../../renderer/src/components/capture/ConnectDialog.vue'
import DemoDialog from '../../../../renderer/src/components/capture/DemoDialog.vue'
import SaveServerDialog from '../../../../renderer/src/components/capture/SaveServerDialog.vue'
import { FILTER_CHECK_DELAY_MS, useLiveStore } from '../../../../renderer/src/stores/live'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useSaveStore } from '../../../../renderer/src/stores/save'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
import { useTeachStore } from '../../../../renderer/src/stores/teach'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const PERMISSION: CaptureProblem = { code: 'permission', message: 'socket: Operation not permitted', platform: 'linux', program: '/usr/lib/tcplens/tcplens' }

describe('components/capture/CaptureDialog', () => {
  it('should list the interfaces with their addresses, the recommended one starred and chosen, loopback marked', async () => {
    const harness = setUp()
    const wrapper = mountWith(CaptureDialog, harness)
    await flushPromises()
    const rows = wrapper.findAll('[data-testid="capture-interface"]')
    expect(rows.map((row) => row.attributes('data-name'))).toEqual(['eth0', 'lo'])
    expect(rows[0]!.attributes('aria-selected')).toBe('true')
    expect(rows[0]!.text()).toContain('★')
    expect(rows[0]!.get('[data-testid="capture-interface-recommended"]').text()).toBe('default route — recommended')
    expect(rows[0]!.text()).toContain('192.168.1.20, fe80::1')
    expect(rows[1]!.get('[data-testid="capture-interface-loopback"]').text()).toBe('loopback')
    expect(wrapper.get('[data-testid="capture-timestamps-note"]').text()).toContain('precision about 0.1 ms')
  })

  it("should show libpcap's message under a filter that does not compile, and not start", async () => {
    vi.useFakeTimers()
    const harness = setUp()
    const wrapper = mountWith(CaptureDialog, harness)
    await flushPromises()
    await wrapper.get('[data-testid="capture-filter-input"]').setValue('bogus')
    vi.advanceTimersByTime(FILTER_CHECK_DELAY_MS)
    await flushPromises()
    expect(wrapper.get('[data-testid="capture-filter-message"]').text()).toBe('syntax error in filter expression: syntax error')
    expect(wrapper.get('[data-testid="capture-filter-input"]').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('[data-testid="capture-start"]').attributes('disabled')).toBeDefined()
  })

  it('should put a preset in the filter and start with it on Enter', async () => {
    const harness = setUp()
    const wrapper = mountWith(CaptureDialog, harness)
    await flushPromises()
    await wrapper.get('[data-testid="capture-preset-port80"]').trigger('click')
    expect((wrapper.get('[data-testid="capture-filter-input"]').element as HTMLInputElement).value).toBe('tcp port 80')
    await wrapper.get('[data-testid="capture-filter-input"]').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(harness.api.callsOf('startCapture')).toEqual([[{ interface: 'eth0', filter: 'tcp port 80' }]])
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('should choose another interface with the keyboard', async () => {
    const harness = setUp()
    const wrapper = mountWith(CaptureDialog, harness)
    await flushPromises()
    await wrapper.get('[data-testid="capture-interfaces"]').trigger('keydown', { key: 'ArrowDown' })
    expect(useLiveStore().chosen).toBe('lo')
  })

  it('should explain a refused start with the fix, in place of starting', async () => {
    const harness = setUp()
    vi.spyOn(harness.api, 'startCapture').mockResolvedValue({ ok: true, value: { problem: PERMISSION } })
    const wrapper = mountWith(CaptureDialog, harness)
    await flushPromises()
    await wrapper.get('[data-testid="capture-start"]').trigger('click')
    await flushPromises()
    expect(wrapper.emitted('close')).toBeUndefined()
    expect(wrapper.get('[data-testid="capture-problem"]').attributes('data-code')).toBe('permission')
    expect(wrapper.get('[data-testid="capture-problem-command"]').text()).toBe('sudo setcap cap_net_raw,cap_net_admin=eip /usr/lib/tcplens/tcplens')
  })
})

describe('components/capture/CaptureProblemHelp', () => {
  const cases = [
    ['linux', 'en', 'sudo setcap cap_net_raw,cap_net_admin=eip', 'TCP Lens may not capture packets'],
    ['linux', 'zh-CN', 'sudo setcap cap_net_raw,cap_net_admin=eip', 'TCP Lens 没有抓包权限'],
    ['darwin', 'en', 'ChmodBPF', 'TCP Lens may not capture packets'],
    ['darwin', 'zh-CN', 'ChmodBPF', '用户组'],
    ['win32', 'en', 'https://npcap.com', 'WinPcap API-compatible Mode'],
    ['win32', 'zh-CN', 'https://npcap.com', 'WinPcap API 兼容模式'],
  ] as const

  for (const [platform, lang, fix, words] of cases) {
    it(`should give the fix for ${platform} in ${lang}`, () => {
      const harness = setUp()
      harness.i18n.global.locale.value = lang
      const wrapper = mountWith(CaptureProblemHelp, harness, { props: { problem: { ...PERMISSION, platform } } })
      expect(wrapper.text()).toContain(fix)
      expect(wrapper.text()).toContain(words)
      expect(wrapper.text()).not.toMatch(/run (the app|TCP Lens) as root/i)
      if (platform === 'win32') expect(wrapper.get('[data-testid="capture-problem-link"] a').attributes('href')).toBe('https://npcap.com')
    })
  }

  it('should copy a command', async () => {
    const harness = setUp()
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } })
    const wrapper = mountWith(CaptureProblemHelp, harness, { props: { problem: PERMISSION } })
    await wrapper.get('[data-testid="capture-problem-copy"]').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('sudo setcap cap_net_raw,cap_net_admin=eip /usr/lib/tcplens/tcplens')
    expect(wrapper.get('[data-testid="capture-problem-copy"]').text()).toBe('Copied')
  })
})

describe('components/capture/DemoDialog', () => {
  it('should explain the six scenarios in both languages', async () => {
    const harness = setUp()
    const wrapper = mountWith(DemoDialog, harness)
    const ids = ['normal', 'server-close', 'half-close', 'refused', 'rst-abort', 'keep-alive']
    for (const id of ids) expect(wrapper.get(`[data-testid="demo-scenario-${id}"]`).text().length).toBeGreaterThan(20)
    harness.i18n.global.locale.value = 'zh-CN'
    await flushPromises()
    expect(wrapper.get('[data-testid="demo-scenario-refused"]').text()).toContain('连接被拒绝')
  })

  it('should run the scenario and open the diagram of its connection', async () => {
    const harness = setUp({ initial: 'empty' })
    await useCaptureStore().start()
    const wrapper = mountWith(DemoDialog, harness)
    await wrapper.get('[data-testid="demo-scenario-rst-abort"]').trigger('click')
    await wrapper.get('[data-testid="demo-run"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('runDemo')).toEqual([['rst-abort']])
    expect(useUiStore().view).toBe('diagram')
    expect(useTeachStore().stream).toBe(0)
    expect(harness.api.callsOf('narrative').at(-1)?.[0]).toBe(0)
  })

  it('should explain a capture problem instead', async () => {
    const harness = setUp({ initial: 'empty' })
    vi.spyOn(harness.api, 'runDemo').mockResolvedValue({ ok: true, value: { problem: { ...PERMISSION, platform: 'darwin' } } })
    const wrapper = mountWith(DemoDialog, harness)
    await wrapper.get('[data-testid="demo-run"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="capture-problem"]').text()).toContain('ChmodBPF')
    expect(useUiStore().view).toBe('packets')
  })
})

describe('components/capture/ConnectDialog', () => {
  it('should capture a loopback host on the loopback interface and open the diagram', async () => {
    const harness = setUp({ initial: 'empty' })
    await useCaptureStore().start()
    const wrapper = mountWith(ConnectDialog, harness)
    await flushPromises()
    expect((wrapper.get('[data-testid="connect-interface"]').element as HTMLSelectElement).value).toBe('lo')
    await wrapper.get('[data-testid="connect-port"]').setValue('8080')
    await wrapper.get('[data-testid="connect-run"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('connectTo')).toEqual([[{ host: '127.0.0.1', port: 8080, interface: 'lo' }]])
    expect(useUiStore().view).toBe('diagram')
  })

  it('should say why a connection failed', async () => {
    const harness = setUp()
    const wrapper = mountWith(ConnectDialog, harness)
    await flushPromises()
    await wrapper.get('[data-testid="connect-host"]').setValue('nowhere.invalid')
    expect((wrapper.get('[data-testid="connect-interface"]').element as HTMLSelectElement).value).toBe('eth0')
    await wrapper.get('[data-testid="connect-host"]').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(wrapper.get('[data-testid="connect-error"]').text()).toContain('getaddrinfo ENOTFOUND nowhere.invalid')
  })
})

describe('components/capture/SaveServerDialog', () => {
  it("should propose the open file's name and confirm before replacing a file", async () => {
    const harness = setUp({ transport: 'browser' })
    await Promise.all([useCaptureStore().start(), useSettingsStore().start()])
    const save = useSaveStore()
    const saving = save.saveAs(false)
    const wrapper = mountWith(SaveServerDialog, harness)
    await flushPromises()
    const name = wrapper.get('[data-testid="save-dialog-name"]')
    expect((name.element as HTMLInputElement).value).toBe('lab.pcapng')
    const listing = await harness.api.listDirectory()
    const existing = listing.ok ? listing.value.entries.find((entry) => entry.kind === 'file') : undefined
    expect(existing).toBeDefined()
    await name.setValue(existing!.name)
    await wrapper.get('[data-testid="save-dialog-save"]').trigger('click')
    expect(wrapper.find('[data-testid="save-dialog-exists"]').exists()).toBe(true)
    expect(harness.api.callsOf('saveCapture')).toEqual([])
    await wrapper.get('[data-testid="save-dialog-replace"]').trigger('click')
    expect(await saving).toBe(true)
    expect(harness.api.callsOf('saveCapture')).toEqual([[{ kind: 'path', path: existing!.path, displayed: false }]])
  })
})
