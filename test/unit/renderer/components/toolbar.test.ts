import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import MainToolbar from '../../../../renderer/src/components/toolbar/MainToolbar.vue'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
import { UDP_EVERY } from '../fake-api'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

afterEach(() => {
  document.body.innerHTML = ''
})

const SWITCHES = [
  ['time-format-switch', 'Time', '时间'],
  ['language-switch', 'Language', '语言'],
  ['theme-switch', 'Theme', '主题'],
  ['font-scale-switch', 'Font size', '字号'],
] as const

describe('components/toolbar/MainToolbar', () => {
  it('should name every preference select with an icon, a tooltip and an aria-label', async () => {
    const harness = setUp()
    const wrapper = mountWith(MainToolbar, harness)
    for (const [testid, label] of SWITCHES) {
      const select = wrapper.get(`[data-testid="${testid}"]`)
      expect(select.attributes('aria-label')).toBe(label)
      const holder = select.element.closest('label')!
      expect(holder.getAttribute('title')).toBe(label)
      expect(holder.querySelector('svg.toolbar-icon')?.getAttribute('aria-hidden')).toBe('true')
    }
  })

  it('should name them in Chinese too', async () => {
    const harness = setUp()
    harness.i18n.global.locale.value = 'zh-CN'
    const wrapper = mountWith(MainToolbar, harness)
    for (const [testid, , label] of SWITCHES) expect(wrapper.get(`[data-testid="${testid}"]`).attributes('aria-label')).toBe(label)
  })

  it('should write the time formats in full', async () => {
    const harness = setUp()
    const wrapper = mountWith(MainToolbar, harness)
    expect(wrapper.findAll('[data-testid="time-format-switch"] option').map((option) => option.text())).toEqual([
      'Seconds since first packet',
      'Delta from previous packet',
      'Time of day',
      'Seconds since 1970 (epoch)',
    ])
  })

  it('should put its controls in named groups, and leave Cancel to the status bar', async () => {
    const harness = setUp({ initial: 'loading' })
    await useCaptureStore().start()
    const wrapper = mountWith(MainToolbar, harness)
    await flushPromises()
    expect(wrapper.findAll('[role="group"]').map((group) => group.attributes('aria-label'))).toEqual(['Files', 'Capture', 'Navigation', 'Analysis', 'View'])
    expect(wrapper.find('[data-testid="toolbar-cancel"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="go-to-packet"]').attributes('aria-label')).toBe('Go to packet…')
  })

  it("should write each button's shortcut in its tooltip as the platform writes it", async () => {
    const harness = setUp()
    await Promise.all([useCaptureStore().start(), useSettingsStore().start()])
    const wrapper = mountWith(MainToolbar, harness)
    await flushPromises()
    expect(wrapper.get('[data-testid="toolbar-open"]').attributes('title')).toBe('Open (Ctrl+O)')
    expect(wrapper.get('[data-testid="go-next"]').attributes('title')).toBe('Next packet (Ctrl+→)')
    expect(wrapper.get('[data-testid="toolbar-expert"]').attributes('title')).toBe('Expert Info (Ctrl+Shift+E)')
    useSettingsStore().appInfo = { ...useSettingsStore().appInfo!, platform: 'darwin' }
    await flushPromises()
    expect(wrapper.get('[data-testid="toolbar-open"]').attributes('title')).toBe('Open (⌘O)')
    expect(wrapper.get('[data-testid="go-last"]').attributes('title')).toBe('Last packet (⌘End)')
  })

  it('should enable navigation and the analysis dialogs only with a capture, and Follow only on a packet of a stream', async () => {
    const empty = setUp({ initial: 'empty' })
    await useCaptureStore().start()
    const before = mountWith(MainToolbar, empty)
    await flushPromises()
    for (const testid of ['go-first', 'go-previous', 'go-next', 'go-last', 'go-to-packet', 'toolbar-conversations', 'toolbar-expert', 'toolbar-follow']) {
      expect(before.get(`[data-testid="${testid}"]`).attributes('disabled')).toBeDefined()
    }
    before.unmount()

    const harness = setUp()
    await useCaptureStore().start()
    const wrapper = mountWith(MainToolbar, harness)
    await flushPromises()
    for (const testid of ['go-first', 'go-previous', 'go-next', 'go-last', 'go-to-packet', 'toolbar-conversations', 'toolbar-expert']) {
      expect(wrapper.get(`[data-testid="${testid}"]`).attributes('disabled')).toBeUndefined()
    }
    expect(wrapper.get('[data-testid="toolbar-follow"]').attributes('disabled')).toBeDefined()
    await useSelectionStore().selectFrame(3)
    await flushPromises()
    expect(wrapper.get('[data-testid="toolbar-follow"]').attributes('disabled')).toBeUndefined()
    await useSelectionStore().selectFrame(UDP_EVERY)
    await flushPromises()
    expect(wrapper.get('[data-testid="toolbar-follow"]').attributes('disabled')).toBeDefined()
  })

  it('should save each preference chosen, the font size as a number', async () => {
    const harness = setUp()
    await useSettingsStore().start()
    const wrapper = mountWith(MainToolbar, harness)
    await flushPromises()
    await wrapper.get('[data-testid="time-format-switch"]').setValue('epoch')
    await wrapper.get('[data-testid="language-switch"]').setValue('zh-CN')
    await wrapper.get('[data-testid="theme-switch"]').setValue('dark')
    await wrapper.get('[data-testid="font-scale-switch"]').setValue('1.25')
    await flushPromises()
    expect(harness.api.callsOf('setPreferences')).toEqual([[{ timeFormat: 'epoch' }], [{ language: 'zh-CN' }], [{ theme: 'dark' }], [{ fontScale: 1.25 }]])
    expect(useSettingsStore().preferences).toMatchObject({ timeFormat: 'epoch', language: 'zh-CN', theme: 'dark', fontScale: 1.25 })
  })
})
