import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** What is being played: one connection's diagram, or the whole capture's flow graph. */
export type PlaybackScope = 'connection' | 'flow'

/** Playback speeds offered (× normal). */
export const PLAYBACK_SPEEDS = [0.25, 0.5, 1, 2, 4] as const

/** At speed 1: how long a segment travels along its arrow, and how long it rests after arriving. */
export const TRAVEL_MS = 900
export const DWELL_MS = 700
/** The animation's tick (setTimeout rather than requestAnimationFrame, so fake timers drive it in tests). */
export const TICK_MS = 33

/**
 * Step-through playback, as Packet Tracer's simulation mode, over real steps. Steps
 * [0, index] are revealed; the step at `index` travels along its arrow while `travel` goes from
 * 0 to 1 (states change when it arrives, at 1). Not playing, everything is revealed (index is
 * the last step). Play starts again from the first step when at the end.
 *
 * A connection of a live capture grows while it plays: playing past its newest step, playback
 * waits there (`waiting`) and moves on by itself when more steps arrive (extend).
 */
export const usePlaybackStore = defineStore('playback', () => {
  const scope = ref<PlaybackScope>('connection')
  const length = ref(0)
  /** The last revealed step (−1: none yet). */
  const index = ref(-1)
  /** 0 … 1: how far the step at `index` has travelled. */
  const travel = ref(1)
  const playing = ref(false)
  const speed = ref<number>(1)
  /**
   * Bumped each time playback itself moves to a step (play, next, previous, seek), not when new
   * steps are loaded: the views select the step playback moves to, and only then.
   */
  const moves = ref(0)
  /** The steps may still grow (a live capture is running): the end is only the newest step so far. */
  const growing = ref(false)
  /** Playing, and at the newest step of a growing connection or flow graph: the next one is awaited. */
  const waiting = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let phaseStart = 0
  /** Travelling, then resting after arrival. */
  let resting = false

  const atEnd = computed(() => index.value >= length.value - 1 && travel.value >= 1)

  function stopTimer(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  /** A new set of steps: everything revealed, not playing. */
  function load(steps: number, what: PlaybackScope): void {
    stopTimer()
    scope.value = what
    length.value = steps
    index.value = steps - 1
    travel.value = 1
    playing.value = false
    waiting.value = false
  }

  /**
   * More steps of the same connection: where playback stands is kept (everything stays revealed
   * when it was), and playback waiting at the newest step moves on to the next.
   */
  function extend(steps: number): void {
    if (steps < length.value) return load(steps, scope.value)
    if (steps === length.value) return
    const allRevealed = !playing.value && index.value >= length.value - 1 && travel.value >= 1
    length.value = steps
    if (waiting.value) {
      waiting.value = false
      startStep(index.value + 1)
    } else if (allRevealed) {
      index.value = steps - 1
    }
  }

  /** Whether the steps may still grow; when they stop growing, a wait for more ends. */
  function setGrowing(on: boolean): void {
    growing.value = on
    if (!on && waiting.value) {
      waiting.value = false
      playing.value = false
    }
  }

  function tick(): void {
    const now = Date.now()
    const elapsed = (now - phaseStart) * speed.value
    if (!resting) {
      travel.value = Math.min(1, elapsed / TRAVEL_MS)
      if (travel.value >= 1) {
        resting = true
        phaseStart = now
      }
    } else if (elapsed >= DWELL_MS) {
      if (playing.value && index.value >= length.value - 1 && growing.value) {
        waiting.value = true
        stopTimer()
        return
      }
      if (!playing.value || index.value >= length.value - 1) {
        playing.value = false
        stopTimer()
        return
      }
      startStep(index.value + 1)
      return
    }
    timer = setTimeout(tick, TICK_MS)
  }

  /** Reveals step `i` and sends it along its arrow. */
  function startStep(i: number): void {
    stopTimer()
    index.value = i
    moves.value++
    travel.value = 0
    resting = false
    phaseStart = Date.now()
    timer = setTimeout(tick, TICK_MS)
  }

  function play(): void {
    if (length.value === 0 || waiting.value) return
    playing.value = true
    if (atEnd.value) startStep(0)
    else if (travel.value >= 1) startStep(index.value + 1)
    else if (timer === undefined) {
      phaseStart = Date.now() - (travel.value * TRAVEL_MS) / speed.value
      timer = setTimeout(tick, TICK_MS)
    }
  }

  function pause(): void {
    playing.value = false
    waiting.value = false
    stopTimer()
    travel.value = 1
  }

  function toggle(): void {
    if (playing.value) pause()
    else play()
  }

  /** One step on: it travels, then playback waits (unless playing). */
  function next(): void {
    if (index.value >= length.value - 1) {
      if (travel.value < 1) travel.value = 1
      return
    }
    startStep(index.value + 1)
  }

  /** One step back: the previous step shown as arrived. */
  function previous(): void {
    stopTimer()
    playing.value = false
    waiting.value = false
    index.value = Math.max(-1, index.value - 1)
    moves.value++
    travel.value = 1
  }

  /** Reveals steps [0, i] at once (the scrubber). */
  function seek(i: number): void {
    stopTimer()
    playing.value = false
    waiting.value = false
    index.value = Math.max(-1, Math.min(length.value - 1, Math.round(i)))
    moves.value++
    travel.value = 1
  }

  /** Back to before the first step, ready to play. */
  function rewind(): void {
    seek(-1)
  }

  function setSpeed(value: number): void {
    if (!PLAYBACK_SPEEDS.includes(value as (typeof PLAYBACK_SPEEDS)[number])) return
    // Keep the segment where it is on its arrow.
    const now = Date.now()
    const done = (now - phaseStart) * speed.value
    speed.value = value
    phaseStart = now - done / value
  }

  return { scope, length, index, travel, playing, speed, moves, growing, waiting, atEnd, load, extend, setGrowing, play, pause, toggle, next, previous, seek, rewind, setSpeed }
})
