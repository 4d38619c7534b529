import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DWELL_MS, TRAVEL_MS, usePlaybackStore } from '../../../../renderer/src/stores/playback'
import { extendsRows } from '../../../../renderer/src/stores/flow'
import type { FlowGraph } from '../../../../preload/contract/api'

describe('stores/playback', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should show every step at once until playback starts', () => {
    const playback = usePlaybackStore()
    playback.load(5, 'connection')
    expect(playback).toMatchObject({ index: 4, travel: 1, playing: false, atEnd: true, scope: 'connection' })
  })

  it('should play from the first step when at the end, each step travelling and then resting', () => {
    const playback = usePlaybackStore()
    playback.load(3, 'connection')
    playback.play()
    expect(playback).toMatchObject({ index: 0, travel: 0, playing: true })
    vi.advanceTimersByTime(TRAVEL_MS / 2)
    expect(playback.travel).toBeGreaterThan(0.3)
    expect(playback.travel).toBeLessThan(0.7)
    vi.advanceTimersByTime(TRAVEL_MS / 2 + 50)
    expect(playback.travel).toBe(1)
    expect(playback.index).toBe(0)
    vi.advanceTimersByTime(DWELL_MS)
    expect(playback.index).toBe(1)
    vi.advanceTimersByTime(2 * (TRAVEL_MS + DWELL_MS) + 200)
    expect(playback).toMatchObject({ index: 2, travel: 1, playing: false, atEnd: true })
  })

  it('should go twice as fast at speed 2', () => {
    const playback = usePlaybackStore()
    playback.load(3, 'connection')
    playback.setSpeed(2)
    playback.play()
    vi.advanceTimersByTime(TRAVEL_MS / 2 + 50)
    expect(playback.travel).toBe(1)
    playback.setSpeed(3)
    expect(playback.speed).toBe(2)
  })

  it('should step forward with one segment travelling, and back with the previous one arrived', () => {
    const playback = usePlaybackStore()
    playback.load(4, 'connection')
    playback.rewind()
    expect(playback).toMatchObject({ index: -1, travel: 1 })
    playback.next()
    expect(playback).toMatchObject({ index: 0, travel: 0, playing: false })
    vi.advanceTimersByTime(TRAVEL_MS + DWELL_MS + 100)
    expect(playback).toMatchObject({ index: 0, travel: 1, playing: false })
    playback.next()
    playback.previous()
    expect(playback).toMatchObject({ index: 0, travel: 1 })
    playback.previous()
    playback.previous()
    expect(playback.index).toBe(-1)
  })

  it('should pause with the travelling segment arrived, and seek to any step', () => {
    const playback = usePlaybackStore()
    playback.load(10, 'flow')
    playback.seek(3)
    playback.play()
    expect(playback.index).toBe(4)
    vi.advanceTimersByTime(100)
    playback.pause()
    expect(playback).toMatchObject({ index: 4, travel: 1, playing: false })
    playback.seek(42)
    expect(playback.index).toBe(9)
    playback.seek(-5)
    expect(playback.index).toBe(-1)
    playback.toggle()
    expect(playback).toMatchObject({ index: 0, playing: true })
    playback.toggle()
    expect(playback.playing).toBe(false)
  })

  it('should do nothing with no steps', () => {
    const playback = usePlaybackStore()
    playback.load(0, 'connection')
    playback.play()
    playback.next()
    expect(playback).toMatchObject({ index: -1, playing: false })
  })
})

describe('stores/playback of a live connection', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should wait at the newest step while the connection grows, and move on when a step arrives', () => {
    const playback = usePlaybackStore()
    playback.load(2, 'connection')
    playback.setGrowing(true)
    playback.play()
    vi.advanceTimersByTime(2 * (TRAVEL_MS + DWELL_MS) + 200)
    expect(playback).toMatchObject({ index: 1, playing: true, waiting: true })
    playback.extend(3)
    expect(playback).toMatchObject({ index: 2, travel: 0, waiting: false, playing: true })
  })

  it('should wait at the newest row of a growing flow graph too', () => {
    const playback = usePlaybackStore()
    playback.load(1, 'flow')
    playback.setGrowing(true)
    playback.play()
    vi.advanceTimersByTime(TRAVEL_MS + DWELL_MS + 100)
    expect(playback).toMatchObject({ index: 0, playing: true, waiting: true })
    playback.extend(2)
    expect(playback).toMatchObject({ index: 1, waiting: false, playing: true, scope: 'flow' })
  })

  it('should stop waiting when the capture stops', () => {
    const playback = usePlaybackStore()
    playback.load(1, 'connection')
    playback.setGrowing(true)
    playback.play()
    vi.advanceTimersByTime(TRAVEL_MS + DWELL_MS + 100)
    expect(playback.waiting).toBe(true)
    playback.setGrowing(false)
    expect(playback).toMatchObject({ waiting: false, playing: false })
  })

  it('should keep everything revealed when not playing, and its place when part-way', () => {
    const playback = usePlaybackStore()
    playback.load(3, 'connection')
    playback.extend(5)
    expect(playback).toMatchObject({ index: 4, length: 5, playing: false })
    playback.seek(1)
    playback.extend(7)
    expect(playback).toMatchObject({ index: 1, length: 7 })
  })

  it('should end as before when the connection no longer grows', () => {
    const playback = usePlaybackStore()
    playback.load(1, 'connection')
    playback.play()
    vi.advanceTimersByTime(TRAVEL_MS + DWELL_MS + 100)
    expect(playback).toMatchObject({ waiting: false, playing: false, atEnd: true })
  })
})

describe('stores/flow: a live flow graph grows', () => {
  const row = (frame: number) => ({ frame }) as FlowGraph['rows'][number]
  it('should tell rows that only grew from rows that changed', () => {
    expect(extendsRows([row(1), row(2)], [row(1), row(2), row(5)])).toBe(true)
    expect(extendsRows([row(1), row(2)], [row(1), row(2)])).toBe(true)
    expect(extendsRows([row(1), row(2)], [row(1), row(3), row(5)])).toBe(false)
    expect(extendsRows([row(1), row(2)], [row(1)])).toBe(false)
  })
})
