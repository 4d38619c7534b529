import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LiveStats } from '../../../../preload/contract/api'
import { FLAGS_FILTER } from '../../../../renderer/src/model/capture-filter-presets'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { FILTER_CHECK_DELAY_MS, stopConditions, useLiveStore } from '../../../../renderer/src/stores/live'
import { useUnsavedStore } from '../../../../renderer/src/stores/unsaved'
import { flushPromises, setUp, type Harness } from '../harness'

function stats(session: number, packets: number, extra: Partial<LiveStats> = {}): LiveStats {
  return { session, state: 'capturing', interface: 'eth0', filter: '', packets, bytes: packets * 60, packetsPerSecond: 10, bytesPerSecond: 600, dropped: 0, elapsedMs: 1000, ...extra }
}

async function ready(options: Parameters<typeof setUp>[0] = {}): Promise<{ harness: Harness; live: ReturnType<typeof useLiveStore> }> {
  const harness = setUp(options)
  await useCaptureStore().start()
  const live = useLiveStore()
  live.listen()
  await live.refresh()
  return { harness, live }
}

describe('stores/live', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should list the interfaces and preselect the recommended one', async () => {
    const { live } = await ready()
    expect(live.interfaces.map((each) => each.name)).toEqual(['eth0', 'lo'])
    expect(live.chosen).toBe('eth0')
    expect(live.available).toBe(true)
  })

  it('should keep the interface chosen across a refresh when it is still there', async () => {
    const { live } = await ready()
    live.choose('lo')
    await live.refresh()
    expect(live.chosen).toBe('lo')
  })

  it('should say why when capture is not available here', async () => {
    const harness = setUp()
    vi.spyOn(harness.api, 'captureInterfaces').mockResolvedValue({
      ok: true,
      value: { available: false, interfaces: [], problem: { code: 'no-capture-module', message: 'Cannot find module cap', platform: 'linux' } },
    })
    const live = useLiveStore()
    await live.refresh()
    expect(live.available).toBe(false)
    expect(live.problem?.code).toBe('no-capture-module')
    expect(live.canStart).toBe(false)
  })

  describe('capture filter check', () => {
    beforeEach(() => {
      vi.useFakeTimers()
    })

    it('should ask libpcap once, after the typing pauses', async () => {
      const { harness, live } = await ready()
      for (const text of ['t', 'tc', 'tcp']) {
        live.filter = text
        await flushPromises()
        vi.advanceTimersByTime(FILTER_CHECK_DELAY_MS / 3)
      }
      expect(harness.api.callsOf('checkCaptureFilter')).toEqual([])
      expect(live.filterState).toBe('checking')
      vi.advanceTimersByTime(FILTER_CHECK_DELAY_MS)
      await flushPromises()
      expect(harness.api.callsOf('checkCaptureFilter')).toEqual([['eth0', 'tcp']])
      expect(live.filterState).toBe('valid')
    })

    it("should keep libpcap's message for a filter that does not compile", async () => {
      const { live } = await ready()
      live.filter = 'bogus and'
      await flushPromises()
      vi.advanceTimersByTime(FILTER_CHECK_DELAY_MS)
      await flushPromises()
      expect(live.filterState).toBe('invalid')
      expect(live.filterProblem?.message).toBe('syntax error in filter expression: syntax error')
      expect(live.canStart).toBe(false)
    })

    it('should not ask about an empty filter (everything is captured)', async () => {
      const { harness, live } = await ready()
      live.filter = '  '
      await flushPromises()
      vi.advanceTimersByTime(FILTER_CHECK_DELAY_MS)
      await flushPromises()
      expect(harness.api.callsOf('checkCaptureFilter')).toEqual([])
      expect(live.filterState).toBe('idle')
    })
  })

  it('should write the presets, the host one with the interface’s first IPv4 address to edit', async () => {
    const { live } = await ready()
    expect(live.applyPreset('tcp').filter).toBe('tcp')
    expect(live.applyPreset('port80').filter).toBe('tcp port 80')
    expect(live.applyPreset('flags').filter).toBe('tcp[tcpflags] & (tcp-syn|tcp-fin|tcp-rst) != 0')
    expect(FLAGS_FILTER).toBe(live.filter)
    const host = live.applyPreset('host')
    expect(host).toEqual({ filter: 'host 192.168.1.20 and tcp', edit: [5, 17] })
    expect(live.filter).toBe('host 192.168.1.20 and tcp')
    live.choose('lo')
    expect(live.applyPreset('host').filter).toBe('host 127.0.0.1 and tcp')
  })

  it('should send only the stop conditions that are set', () => {
    expect(stopConditions({ packets: 10, seconds: null, megabytes: 0 })).toEqual({ packets: 10 })
    expect(stopConditions({ packets: null, seconds: 5, megabytes: 1.5 })).toEqual({ seconds: 5, megabytes: 1.5 })
    expect(stopConditions({ packets: null, seconds: null, megabytes: null })).toBeUndefined()
  })

  it('should start with the options, then stop and restart', async () => {
    const { harness, live } = await ready()
    live.filter = 'tcp'
    live.stop = { packets: 10, seconds: null, megabytes: null }
    expect(await live.start()).toBe(true)
    expect(harness.api.callsOf('startCapture')).toEqual([[{ interface: 'eth0', filter: 'tcp', stop: { packets: 10 } }]])
    expect(live.capturing).toBe(true)
    expect(live.lastOptions).toEqual({ interface: 'eth0', filter: 'tcp', stop: { packets: 10 } })

    await live.stopCapture()
    expect(harness.api.callsOf('stopCapture')).toHaveLength(1)
    expect(live.capturing).toBe(false)
    expect(useCaptureStore().status.live?.state).toBe('stopped')
  })

  it('should restart after asking about the unsaved packets', async () => {
    const { harness, live } = await ready()
    await live.start()
    await live.stopCapture()
    const restarting = live.restart()
    await flushPromises()
    expect(harness.api.callsOf('restartCapture')).toEqual([])
    useUnsavedStore().answer('discard')
    expect(await restarting).toBe(true)
    expect(harness.api.callsOf('restartCapture')).toHaveLength(1)
    expect(live.capturing).toBe(true)
  })

  it('should show the problem a refused start brings', async () => {
    const { harness, live } = await ready()
    vi.spyOn(harness.api, 'startCapture').mockResolvedValue({
      ok: true,
      value: { problem: { code: 'permission', message: 'socket: Operation not permitted', platform: 'linux', program: '/opt/tcplens/tcplens' } },
    })
    expect(await live.start()).toBe(false)
    expect(live.problem).toMatchObject({ code: 'permission', program: '/opt/tcplens/tcplens' })
  })

  it('should take the counters of the capture shown and ignore those of another session', async () => {
    const { harness, live } = await ready()
    await live.start()
    const session = useCaptureStore().status.session
    harness.api.emit('live', stats(session, 12))
    expect(live.stats?.packets).toBe(12)
    harness.api.emit('live', stats(session - 1, 99))
    expect(live.stats?.packets).toBe(12)
    harness.api.emit('live', stats(session + 5, 3))
    expect(live.stats).toBeNull()
  })

  it('should start at once with the last options, and not without any', async () => {
    const { harness, live } = await ready()
    expect(await live.startLast()).toBe(false)
    await live.start()
    await live.stopCapture()
    const again = live.startLast()
    await flushPromises()
    useUnsavedStore().answer('discard')
    expect(await again).toBe(true)
    expect(harness.api.callsOf('startCapture')).toHaveLength(2)
  })
})
