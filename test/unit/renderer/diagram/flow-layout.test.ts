import { beforeAll, describe, expect, it } from 'vitest'
import type { FlowGraph } from '../../../../preload/contract/api'
import { flowArrow, flowNumbers, flowStateBadges, hostColumn, hostX, hostsWidth, streamColour, STREAM_COLOURS } from '../../../../renderer/src/diagram/flow-layout'
import { flowOf } from '../../../fixtures/teaching-views'

describe('diagram/flow-layout', () => {
  let flow: FlowGraph
  beforeAll(async () => {
    flow = await flowOf('tcp-scenario-four-way-close')
  })
  const geometry = { hosts: 2, column: 200 }

  it('should stand each host’s lifeline in the middle of its column', () => {
    expect([hostX(geometry, 0), hostX(geometry, 1)]).toEqual([100, 300])
    expect(hostsWidth(geometry)).toBe(400)
    expect(hostsWidth({ hosts: 0, column: 200 })).toBe(200)
  })

  it('should draw the client’s SYN left to right and the SYN-ACK back', () => {
    const [syn, synAck] = flow.rows
    expect(flowArrow(geometry, syn!)).toEqual({ x1: 100, x2: 300, direction: 1 })
    expect(flowArrow(geometry, synAck!)).toEqual({ x1: 300, x2: 100, direction: -1 })
  })

  it('should write the numbers as Wireshark’s flow graph does (no Ack without the ACK flag, Len only with data)', () => {
    expect(flowNumbers(flow.rows[0]!)).toBe('Seq=0')
    expect(flowNumbers(flow.rows[1]!)).toBe('Seq=0 Ack=1')
    expect(flowNumbers(flow.rows[3]!)).toBe('Seq=1 Ack=1 Len=100')
  })

  it('should put each state change by the host of the endpoint that changed', () => {
    const [syn, synAck] = flow.rows
    expect(flowStateBadges(syn!)).toEqual([{ role: 'client', host: 0, from: 'CLOSED', to: 'SYN-SENT' }])
    expect(flowStateBadges(synAck!)).toEqual([
      { role: 'client', host: 0, from: 'SYN-SENT', to: 'ESTABLISHED' },
      { role: 'server', host: 1, from: 'LISTEN', to: 'SYN-RECEIVED' },
    ])
    expect(flowStateBadges(flow.rows[4]!)).toEqual([])
  })

  it('should share the room left among the hosts, but never below the narrowest column', () => {
    expect(hostColumn(900, 2, 230)).toBe(450)
    expect(hostColumn(900, 6, 230)).toBe(230)
    expect(hostColumn(0, 0, 230)).toBe(230)
  })

  it('should cycle the connection colours', () => {
    expect(streamColour(0)).toBe(0)
    expect(streamColour(STREAM_COLOURS + 3)).toBe(3)
  })
})
