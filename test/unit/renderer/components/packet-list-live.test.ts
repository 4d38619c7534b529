import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import PacketList from '../../../../renderer/src/components/packet-list/PacketList.vue'
import { BASE_ROW_HEIGHT } from '../../../../renderer/src/components/packet-list/columns'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useLiveStore } from '../../../../renderer/src/stores/live'
import { fixClientHeight, flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

const VIEWPORT = 400

/** A live capture on lo with the list mounted, then `packets` packets arrived. */
async function capturing() {
  const harness = setUp()
  await useCaptureStore().start()
  const live = useLiveStore()
  await live.refresh()
  await live.start()
  const wrapper = mountWith(PacketList, harness)
  await flushPromises()
  const grow = async (packets: number): Promise<void> => {
    harness.api.rowCount = packets
    harness.api.emit('capture', { ...harness.api.captureStatus, packets })
    await flushPromises()
  }
  const viewport = wrapper.get('[data-testid="packet-list"]').element as HTMLElement
  return { harness, live, wrapper, grow, viewport }
}

describe('components/packet-list/PacketList while capturing', () => {
  let restore: () => void
  beforeEach(() => {
    restore = fixClientHeight(VIEWPORT)
  })
  afterEach(() => {
    restore()
    document.body.innerHTML = ''
  })

  it('should follow the newest packet', async () => {
    const { grow, viewport } = await capturing()
    await grow(100)
    expect(viewport.scrollTop).toBe(100 * BASE_ROW_HEIGHT - VIEWPORT)
    await grow(150)
    expect(viewport.scrollTop).toBe(150 * BASE_ROW_HEIGHT - VIEWPORT)
  })

  it('should stop following when the user scrolls up, and follow again when switched back on', async () => {
    const { live, grow, viewport } = await capturing()
    await grow(100)
    viewport.scrollTop = 200
    viewport.dispatchEvent(new Event('scroll'))
    await flushPromises()
    expect(live.autoscroll).toBe(false)
    await grow(150)
    expect(viewport.scrollTop).toBe(200)
    live.setAutoscroll(true)
    await flushPromises()
    expect(viewport.scrollTop).toBe(150 * BASE_ROW_HEIGHT - VIEWPORT)
  })
})
