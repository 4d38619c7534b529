import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { BUSY_DELAY_MS, currentWork, useBusyWork, useDelayedFlag } from '../../../../renderer/src/composables/busy-work'
import { useApiStore } from '../../../../renderer/src/stores/api'
import { setUp } from '../harness'

describe('composables/busy-work', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should name the slow request under way, Expert Info before a sort', () => {
    expect(currentWork({})).toBeNull()
    expect(currentWork({ packet: 1, rows: 3 })).toBeNull()
    expect(currentWork({ setView: 1 })).toBe('setView')
    expect(currentWork({ setView: 1, expertInfo: 1 })).toBe('expertInfo')
    expect(currentWork({ narrative: 0 })).toBeNull()
  })

  it('should raise the flag only after the delay, and drop it at once', async () => {
    const scope = effectScope()
    const source = ref(false)
    const flag = scope.run(() => useDelayedFlag(() => source.value, 200))!
    source.value = true
    await nextTick()
    vi.advanceTimersByTime(199)
    expect(flag.value).toBe(false)
    vi.advanceTimersByTime(1)
    expect(flag.value).toBe(true)
    source.value = false
    await nextTick()
    expect(flag.value).toBe(false)
    scope.stop()
  })

  it('should not show a request that answers before the delay', async () => {
    const scope = effectScope()
    const source = ref(true)
    const flag = scope.run(() => useDelayedFlag(() => source.value, 200))!
    vi.advanceTimersByTime(100)
    source.value = false
    await nextTick()
    vi.advanceTimersByTime(500)
    expect(flag.value).toBe(false)
    scope.stop()
  })

  it("should follow the api store's requests on their way", async () => {
    const { api } = setUp()
    let answer: () => void = () => {}
    api.connections = () => new Promise((resolve) => (answer = () => resolve({ ok: true, value: [] })))
    const scope = effectScope()
    const { work, shown } = scope.run(() => useBusyWork())!
    const request = useApiStore().request('connections')
    await nextTick()
    expect(work.value).toBe('connections')
    expect(shown.value).toBe(false)
    vi.advanceTimersByTime(BUSY_DELAY_MS)
    expect(shown.value).toBe(true)
    answer()
    await request
    await nextTick()
    expect(work.value).toBeNull()
    expect(shown.value).toBe(false)
    scope.stop()
  })
})
