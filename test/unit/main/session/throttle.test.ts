// The one throttle of the session's progress events (the load's `progress`, a request's `work`).
import { describe, expect, it } from 'vitest'
import { PROGRESS_INTERVAL_MS, Throttle } from '../../../../main/session/throttle'

/** A throttle on a clock the test moves by hand. */
function throttleAt(intervalMs?: number) {
  const clock = { now: 1_000 }
  return { throttle: new Throttle(intervalMs, () => clock.now), clock }
}

describe('session/throttle', () => {
  it('should let the first report go at once, then one per interval', () => {
    const { throttle, clock } = throttleAt(100)
    expect(throttle.take()).toBe(true)
    expect(throttle.take()).toBe(false)
    clock.now += 99
    expect(throttle.take()).toBe(false)
    clock.now += 1
    expect(throttle.take()).toBe(true)
    expect(throttle.take()).toBe(false)
  })

  it('should allow about ten reports a second by default', () => {
    expect(PROGRESS_INTERVAL_MS).toBe(100)
    const { throttle, clock } = throttleAt()
    let sent = 0
    for (let ms = 0; ms < 1000; ms++, clock.now++) if (throttle.take()) sent++
    expect(sent).toBe(10)
  })

  it('should let every report go with an interval of 0 (what tests use)', () => {
    const { throttle } = throttleAt(0)
    expect([throttle.take(), throttle.take(), throttle.take()]).toEqual([true, true, true])
  })
})
