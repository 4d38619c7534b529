import { beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionNarrative } from '../../../../preload/contract/api'
import { checklistAt, knowsAll } from '../../../../renderer/src/diagram/state-machine-knowledge'
import { narrativeOf } from '../../../fixtures/teaching-views'

const FALLBACK = ['a', 'b', 'c', 'd', 'e', 'f']
let fourWay: ConnectionNarrative
let midStream: ConnectionNarrative
let simultaneousOpen: ConnectionNarrative

beforeAll(async () => {
  fourWay = await narrativeOf('tcp-scenario-four-way-close')
  midStream = await narrativeOf('tcp-scenario-mid-stream')
  simultaneousOpen = await narrativeOf('tcp-scenario-simultaneous-open')
}, 60_000)

const CLASSIC = [0, 1, 2, 3] // own send, own receive, peer send, peer receive

describe('diagram/state-machine-knowledge', () => {
  it('should know nothing before the first step, with the facts named as the narrative names them', () => {
    const checklist = checklistAt(fourWay.steps, -1, FALLBACK)
    expect(checklist.source).toBe('empty')
    expect(checklist.rows.map((r) => r.label)).toEqual(fourWay.steps[0]!.knowledge!.rows.map((r) => r.label))
    expect(checklist.rows.every((r) => !r.client && !r.server && !r.newClient && !r.newServer)).toBe(true)
  })

  it('should give the client all four classic facts after step 2, and the server only after step 3', () => {
    const afterTwo = checklistAt(fourWay.steps, 1, FALLBACK)
    expect(CLASSIC.map((i) => afterTwo.rows[i]!.client)).toEqual([true, true, true, true])
    expect(CLASSIC.map((i) => afterTwo.rows[i]!.server)).toEqual([false, true, true, false])
    expect(knowsAll(afterTwo, 'client')).toBe(true)
    expect(knowsAll(afterTwo, 'server')).toBe(false)
    const afterThree = checklistAt(fourWay.steps, 2, FALLBACK)
    expect(knowsAll(afterThree, 'server')).toBe(true)
    expect(afterThree.rows.filter((r) => r.newServer).length).toBeGreaterThan(0)
    expect(afterThree.rows.some((r) => r.newClient)).toBe(false)
  })

  it('should mark what a step taught as new, with its words', () => {
    const afterTwo = checklistAt(fourWay.steps, 1, FALLBACK)
    expect(afterTwo.source).toBe('step')
    expect(afterTwo.rows.filter((r) => r.newClient).length).toBe(6)
    expect(afterTwo.learned).toEqual(fourWay.steps[1]!.knowledge!.learned)
  })

  it('should carry the final checklist into a data step, with nothing new', () => {
    const dataStep = fourWay.steps.findIndex((s) => s.phase === 'data')
    expect(fourWay.steps[dataStep]!.knowledge).toBeUndefined()
    const checklist = checklistAt(fourWay.steps, dataStep, FALLBACK)
    expect(checklist).toMatchObject({ source: 'carried', from: 2, frame: fourWay.steps[2]!.frame, learned: [] })
    expect(knowsAll(checklist, 'client') && knowsAll(checklist, 'server')).toBe(true)
    expect(checklist.rows.some((r) => r.newClient || r.newServer)).toBe(false)
    expect(checklistAt(fourWay.steps, fourWay.steps.length - 1, FALLBACK).source).toBe('carried')
  })

  it('should tick nothing for a connection whose opening was not captured, naming the facts with the fallback', () => {
    const checklist = checklistAt(midStream.steps, 2, FALLBACK)
    expect(checklist.source).toBe('empty')
    expect(checklist.rows.map((r) => r.label)).toEqual(FALLBACK)
  })

  it('should let both sides learn from a simultaneous open, step by step', () => {
    const last = simultaneousOpen.steps.findLastIndex((s) => s.knowledge)
    const checklist = checklistAt(simultaneousOpen.steps, last, FALLBACK)
    expect(knowsAll(checklist, 'client') && knowsAll(checklist, 'server')).toBe(true)
    expect(knowsAll(checklistAt(simultaneousOpen.steps, 0, FALLBACK), 'client')).toBe(false)
  })
})
