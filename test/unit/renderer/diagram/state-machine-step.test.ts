import { beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionNarrative } from '../../../../preload/contract/api'
import { edgeOfChange, joinMarks, machineAt, nodeOfState, occupants, outsideReason } from '../../../../renderer/src/diagram/state-machine-step'
import { narrativeOf } from '../../../fixtures/teaching-views'

const SCENARIOS = ['four-way-close', 'three-segment-close', 'simultaneous-open', 'simultaneous-close', 'refused', 'rst-abort', 'mid-stream'] as const
const told: Partial<Record<(typeof SCENARIOS)[number], ConnectionNarrative>> = {}

beforeAll(async () => {
  for (const name of SCENARIOS) told[name] = await narrativeOf(`tcp-scenario-${name}`)
}, 60_000)

const steps = (name: (typeof SCENARIOS)[number]) => told[name]!.steps
const taken = (name: (typeof SCENARIOS)[number], index: number) => Object.fromEntries(machineAt(steps(name), index).taken)

describe('diagram/state-machine-step', () => {
  it('should put both endpoints where they are after a SYN: the client in SYN-SENT, the server in LISTEN', () => {
    const machine = machineAt(steps('four-way-close'), 0)
    expect(machine.client).toEqual({ state: 'SYN-SENT', node: 'syn-sent' })
    expect(machine.server).toEqual({ state: 'LISTEN', node: 'listen' })
    expect(taken('four-way-close', 0)).toEqual({ 'closed>syn-sent': 'client' })
    expect(machine.outside).toEqual([])
  })

  it('should take one edge for each side when a SYN-ACK moves both', () => {
    expect(taken('four-way-close', 1)).toEqual({ 'listen>syn-received': 'server', 'syn-sent>established': 'client' })
  })

  it('should show the states before the first step, and take nothing, when no step is selected', () => {
    const machine = machineAt(steps('four-way-close'), -1)
    expect(machine.client.node).toBe('closed')
    expect(machine.server.node).toBe('listen')
    expect(machine.taken.size).toBe(0)
  })

  it('should end the four-way close with the client in TIME-WAIT and the server in the bottom CLOSED', () => {
    const last = steps('four-way-close').length - 1
    const machine = machineAt(steps('four-way-close'), last)
    expect(machine.client).toEqual({ state: 'TIME-WAIT', node: 'time-wait' })
    expect(machine.server).toEqual({ state: 'CLOSED', node: 'closed-end' })
    expect(taken('four-way-close', last)).toEqual({ 'last-ack>closed-end': 'server' })
  })

  it('should take note 2’s dashed edge for a merged FIN-ACK, and say why under the figure', () => {
    const i = steps('three-segment-close').findIndex((s) => s.kind === 'fin-merged')
    expect(taken('three-segment-close', i)).toEqual({ 'close-wait>last-ack': 'server', 'fin-wait-1>time-wait': 'client' })
    expect(machineAt(steps('three-segment-close'), i).outside).toEqual([
      expect.objectContaining({ role: 'client', from: 'FIN-WAIT-1', to: 'TIME-WAIT', why: 'note-2' }),
    ])
  })

  it('should mark an edge both sides took in one step as taken by both', () => {
    const i = steps('simultaneous-close').findIndex((s) => s.kind === 'fin-crossed')
    expect(taken('simultaneous-close', i)).toEqual({ 'established>fin-wait-1': 'server', 'fin-wait-1>closing': 'both' })
    expect(occupants(machineAt(steps('simultaneous-close'), i))).toEqual(new Map([['closing', 'both']]))
  })

  it('should take the crossing SYN’s edges of a simultaneous open from the top CLOSED', () => {
    const i = steps('simultaneous-open').findIndex((s) => s.kind === 'syn-crossed')
    expect(taken('simultaneous-open', i)).toEqual({ 'closed>syn-sent': 'server', 'syn-sent>syn-received': 'both' })
  })

  it('should put a refusal under the figure, not on the CLOSE edges it shares its states with', () => {
    const i = steps('refused').findIndex((s) => s.kind === 'refusal')
    const machine = machineAt(steps('refused'), i)
    expect(machine.taken.size).toBe(0)
    expect(machine.outside.map((c) => [c.role, c.why])).toEqual([
      ['server', 'refused'],
      ['client', 'rst'],
    ])
    expect(machine.client.node).toBe('closed-end')
  })

  it('should put an abort by RST under the figure', () => {
    const i = steps('rst-abort').findIndex((s) => s.kind === 'rst')
    const machine = machineAt(steps('rst-abort'), i)
    expect(machine.taken.size).toBe(0)
    expect(machine.outside).toEqual([expect.objectContaining({ role: 'client', from: 'ESTABLISHED', to: 'CLOSED', why: 'rst' })])
    expect(machine.client).toEqual({ state: 'CLOSED', node: 'closed-end' })
  })

  it('should say a connection caught mid-stream was ESTABLISHED from the start', () => {
    const machine = machineAt(steps('mid-stream'), 0)
    expect(machine.outside.map((c) => [c.role, c.from, c.to, c.why])).toEqual([
      ['client', 'UNKNOWN', 'ESTABLISHED', 'mid-stream'],
      ['server', 'UNKNOWN', 'ESTABLISHED', 'mid-stream'],
    ])
    expect(machineAt(steps('mid-stream'), -1).client).toEqual({ state: 'UNKNOWN' })
  })

  it('should find the edge of a change from its states, unless its reason is one the figure leaves out', () => {
    expect(edgeOfChange({ role: 'client', from: 'CLOSED', to: 'SYN-SENT', reason: 'sent-syn' })?.id).toBe('closed>syn-sent')
    expect(edgeOfChange({ role: 'client', from: 'SYN-SENT', to: 'CLOSED', reason: 'received-rst' })).toBeUndefined()
    expect(outsideReason({ role: 'client', from: 'SYN-SENT', to: 'CLOSED', reason: 'received-rst' })).toBe('rst')
    expect(outsideReason({ role: 'client', from: 'ESTABLISHED', to: 'LISTEN', reason: 'other' })).toBe('no-edge')
    expect(outsideReason({ role: 'client', from: 'ESTABLISHED', to: 'CLOSE-WAIT', reason: 'received-fin' })).toBeUndefined()
  })

  it('should draw CLOSED at the top until the endpoint has gone back into it', () => {
    expect(nodeOfState('CLOSED', false)).toBe('closed')
    expect(nodeOfState('CLOSED', true)).toBe('closed-end')
    expect(nodeOfState('UNKNOWN', false)).toBeUndefined()
    expect(joinMarks(undefined, 'client')).toBe('client')
    expect(joinMarks('client', 'server')).toBe('both')
  })
})
