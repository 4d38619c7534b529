import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import MainToolbar from '../../../../renderer/src/components/toolbar/MainToolbar.vue'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
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
    expect(wrapper.findAll('[role="group"]').map((group) => group.attributes('aria-label'))).toEqual(['Files', 'Navigation', 'Analysis', 'View'])
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
})
