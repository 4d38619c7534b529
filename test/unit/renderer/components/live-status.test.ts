import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LiveStats } from '../../../../preload/contract/api'
import StatusBar from '../../../../renderer/src/components/status/StatusBar.vue'
import MainToolbar from '../../../../renderer/src/components/toolbar/MainToolbar.vue'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useConnectionsStore } from '../../../../renderer/src/stores/connections'
import { useLiveStore } from '../../../../renderer/src/stores/live'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { flushPromises, mountWith, setUp, type Harness } from '../harness'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

function stats(harness: Harness, extra: Partial<LiveStats> = {}): LiveStats {
  return {
    session: harness.api.captureStatus.session,
    state: 'capturing',
    interface: 'lo',
    filter: 'tcp',
    packets: 1234,
    bytes: 2 * 1024 * 1024,
    packetsPerSecond: 98.6,
    bytesPerSecond: 9000,
    dropped: 0,
    elapsedMs: 75_000,
    ...extra,
  }
}

async function capturing(lang: 'en' | 'zh-CN' = 'en') {
  const harness = setUp()
  harness.i18n.global.locale.value = lang
  await useCaptureStore().start()
  const live = useLiveStore()
  live.listen()
  await live.refresh()
  live.choose('lo')
  await live.start()
  return { harness, live }
}

describe('components/status/LiveStatus', () => {
  it('should show the live counters while capturing', async () => {
    const { harness } = await capturing()
    const wrapper = mountWith(StatusBar, harness)
    harness.api.emit('live', stats(harness))
    await flushPromises()
    const text = (id: string): string => wrapper.get(`[data-testid="${id}"]`).text()
    expect(text('status-live-interface')).toBe("● Capturing on 'lo'")
    expect(text('status-live-packets')).toBe('Packets: 1,234')
    expect(text('status-live-bytes')).toBe('Bytes: 2.00 MiB')
    expect(text('status-live-rate')).toBe('99 pkt/s')
    expect(text('status-live-dropped')).toBe('Dropped by TCP Lens: 0')
    expect(wrapper.get('[data-testid="status-live-dropped"]').classes()).not.toContain('dropped')
    expect(text('status-live-elapsed')).toBe('Elapsed: 1:15')
    expect(wrapper.find('[data-testid="status-progress"]').exists()).toBe(false)
  })

  it('should highlight packets dropped by the app', async () => {
    const { harness } = await capturing()
    const wrapper = mountWith(StatusBar, harness)
    harness.api.emit('live', stats(harness, { dropped: 3 }))
    await flushPromises()
    expect(wrapper.get('[data-testid="status-live-dropped"]').classes()).toContain('dropped')
  })

  it('should say in Chinese too', async () => {
    const { harness } = await capturing('zh-CN')
    const wrapper = mountWith(StatusBar, harness)
    harness.api.emit('live', stats(harness, { dropped: 2 }))
    await flushPromises()
    expect(wrapper.get('[data-testid="status-live-interface"]').text()).toContain("正在 'lo' 上抓包")
    expect(wrapper.get('[data-testid="status-live-dropped"]').text()).toBe('TCP Lens 丢包：2')
  })

  it('should say why it stopped', async () => {
    const { harness, live } = await capturing()
    const wrapper = mountWith(StatusBar, harness)
    harness.api.emit('live', stats(harness, { state: 'stopped', packets: 10, stopReason: 'packets' }))
    await live.stopCapture()
    await flushPromises()
    expect(wrapper.get('[data-testid="status-live-stopped"]').text()).toBe('Stopped: 10 packets (stop condition: packets)')
    expect(wrapper.get('[data-testid="status-unsaved"]').text()).toBe('not saved')
  })

  it('should switch autoscroll off and on', async () => {
    const { harness, live } = await capturing()
    const wrapper = mountWith(StatusBar, harness)
    await flushPromises()
    const toggle = wrapper.get('[data-testid="status-autoscroll"]')
    expect(toggle.attributes('aria-pressed')).toBe('true')
    await toggle.trigger('click')
    expect(live.autoscroll).toBe(false)
    expect(toggle.attributes('aria-pressed')).toBe('false')
  })
})

describe('components/toolbar/CaptureButtons', () => {
  it('should enable Start, Stop and Restart by the capture state', async () => {
    const harness = setUp()
    await useCaptureStore().start()
    const wrapper = mountWith(MainToolbar, harness)
    const disabled = (id: string): boolean => wrapper.get(`[data-testid="${id}"]`).attributes('disabled') !== undefined
    expect([disabled('toolbar-capture-start'), disabled('toolbar-capture-stop'), disabled('toolbar-capture-restart')]).toEqual([false, true, true])
    await wrapper.get('[data-testid="toolbar-capture-start"]').trigger('click')
    expect(useUiStore().dialog).toBe('capture')
    useUiStore().closeDialog()

    const live = useLiveStore()
    await live.refresh()
    await live.start()
    await flushPromises()
    expect([disabled('toolbar-capture-start'), disabled('toolbar-capture-stop'), disabled('toolbar-capture-restart')]).toEqual([true, false, false])
    expect(disabled('toolbar-save')).toBe(true)
    await wrapper.get('[data-testid="toolbar-capture-stop"]').trigger('click')
    await flushPromises()
    expect(harness.api.callsOf('stopCapture')).toHaveLength(1)
    expect([disabled('toolbar-capture-start'), disabled('toolbar-capture-stop'), disabled('toolbar-capture-restart')]).toEqual([false, true, false])
    expect(disabled('toolbar-save')).toBe(false)
  })

  it('should start at once with the last options on Shift+click', async () => {
    const harness = setUp()
    await useCaptureStore().start()
    const live = useLiveStore()
    await live.refresh()
    await live.start()
    await live.stopCapture()
    harness.api.emit('capture', { ...harness.api.captureStatus, unsaved: false })
    const wrapper = mountWith(MainToolbar, harness)
    await wrapper.get('[data-testid="toolbar-capture-start"]').trigger('click', { shiftKey: true })
    await flushPromises()
    expect(harness.api.callsOf('startCapture')).toHaveLength(2)
    expect(useUiStore().dialog).toBeNull()
  })
})

describe('live refresh', () => {
  it('should ask the connections again as packets arrive, at most once a second, and once more at stop', async () => {
    vi.useFakeTimers()
    try {
      const { harness, live } = await capturing()
      const connections = useConnectionsStore()
      await connections.load()
      const asked = (): number => harness.api.callsOf('connections').length
      const before = asked()
      for (let packets = 1; packets <= 5; packets++) {
        harness.api.emit('capture', { ...harness.api.captureStatus, packets })
        await flushPromises()
        vi.advanceTimersByTime(100)
      }
      await flushPromises()
      // The first packet at once; the four that came within the same second, together at its end.
      expect(asked() - before).toBe(1)
      vi.advanceTimersByTime(1000)
      await flushPromises()
      expect(asked() - before).toBe(2)
      vi.advanceTimersByTime(5000)
      await flushPromises()
      expect(asked() - before).toBe(2)
      await live.stopCapture()
      await flushPromises()
      expect(asked() - before).toBe(3)
    } finally {
      vi.useRealTimers()
    }
  })
})
