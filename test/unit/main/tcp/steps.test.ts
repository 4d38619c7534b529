import { describe, expect, it } from 'vitest'
import { fixture } from '../../../fixtures/catalog'
import { SegmentBuilder, linuxSynOptions } from '../../../fixtures/segments'
import { stepLines, timelinesOf } from './run-timelines'
import type { ConnectionTimeline } from '../../../../main/tcp/step'

async function only(name: string): Promise<ConnectionTimeline> {
  const { connections } = await timelinesOf(fixture(name).bytes())
  expect(connections).toHaveLength(1)
  return connections[0]!
}

/** A three-way handshake with Linux's options. */
const opened = (b: SegmentBuilder) => b.client({ flags: ['SYN'], options: linuxSynOptions() }).server({ flags: ['SYN', 'ACK'], options: linuxSynOptions() }).client()

/** The step of one frame. */
const stepAt = (c: ConnectionTimeline, frame: number) => c.steps!.find((s) => s.frame === frame)!

const noteCodes = (c: ConnectionTimeline, frame: number) => stepAt(c, frame).notes.map((n) => n.code)

/** How a connection ended: its close, who started it, and the client's and the server's last states. */
const ending = (c: ConnectionTimeline) => [c.close, c.closeInitiator, c.client.state, c.server.state]

describe('tcp/steps: openings', () => {
  it('should narrate a three-way handshake with both states at each step', async () => {
    const c = await only('tcp-scenario-four-way-close')
    expect(c.open).toBe('three-way')
    expect(stepLines(c.steps!.slice(0, 3))).toEqual([
      '1 client syn [1] CLOSED/LISTEN → SYN-SENT/LISTEN',
      '2 server syn-ack [2] SYN-SENT/LISTEN → ESTABLISHED/SYN-RECEIVED',
      '3 client handshake-ack [3] ESTABLISHED/SYN-RECEIVED → ESTABLISHED/ESTABLISHED',
    ])
    const [syn, synAck, ack] = c.steps!
    expect(syn!.label).toBe('SYN')
    expect(synAck!.label).toBe('SYN-ACK')
    expect(synAck!.changes.map((ch) => `${ch.role} ${ch.from}→${ch.to} ${ch.reason} @${ch.frame}`)).toEqual([
      'server LISTEN→SYN-RECEIVED answered-syn @2',
      'client SYN-SENT→ESTABLISHED received-syn-ack @2',
    ])
    // The arithmetic points back: the SYN-ACK's ack = 0 + 1 because of the SYN in frame 1.
    expect(synAck!.segment.ack).toBe(1)
    expect(synAck!.ackOf).toMatchObject({ frame: 1, seq: 0, length: 0, syn: true })
    expect(ack!.seqFrom).toMatchObject({ frame: 1, syn: true })
    expect(ack!.ackOf).toMatchObject({ frame: 2, syn: true })
    expect(syn!.segment.options).toMatchObject({ mss: 1460, sackPermitted: true, timestamps: true, wsShift: 7 })
    expect(c.irtt).toBeCloseTo(0.0201, 6)
  })

  it('should recognise a simultaneous open, not the retransmissions tshark reports', async () => {
    const c = await only('tcp-scenario-simultaneous-open')
    expect(c.open).toBe('simultaneous')
    expect(stepLines(c.steps!.slice(0, 4))).toEqual([
      '1 client syn [1] CLOSED/CLOSED → SYN-SENT/CLOSED',
      '2 server syn-crossed [1] SYN-SENT/CLOSED → SYN-RECEIVED/SYN-RECEIVED',
      '3 client syn-ack [2] SYN-RECEIVED/SYN-RECEIVED → SYN-RECEIVED/ESTABLISHED',
      '4 server syn-ack [2] SYN-RECEIVED/ESTABLISHED → ESTABLISHED/ESTABLISHED',
    ])
    const synAck = c.steps![2]!
    expect(synAck.verdicts & 0x0001).toBe(0x0001) // tshark: "TCP Retransmission"
    expect(synAck.notes).toEqual([{ code: 'simultaneous-open', frames: [1], values: { tshark: 'retransmission' } }])
    expect(c.variants).not.toContain('retransmissions')
    // The server's own SYN crossed the client's: its receipt of frame 1 is attributed to frame 1.
    expect(c.steps![1]!.changes.find((ch) => ch.reason === 'syns-crossed')).toMatchObject({ role: 'server', to: 'SYN-RECEIVED', frame: 1 })
  })

  it('should say a connection was refused when the SYN is answered by RST-ACK', async () => {
    const c = await only('tcp-scenario-refused')
    expect([c.open, c.close, c.client.state, c.server.state]).toEqual(['refused', 'reset', 'CLOSED', 'CLOSED'])
    expect(stepLines(c.steps!)).toEqual(['1 client syn [1] CLOSED/LISTEN → SYN-SENT/LISTEN', '2 server refusal [] SYN-SENT/LISTEN → CLOSED/CLOSED'])
    expect(c.steps![1]!).toMatchObject({ phase: 'abort', label: 'RST-ACK', notes: [{ code: 'refused', frames: [1] }] })
  })

  it('should give the backoff of an unanswered SYN against Linux 1+2+4+8+16+32 = 63 s', async () => {
    const c = await only('tcp-scenario-syn-retries')
    expect([c.open, c.client.state, c.server.state]).toEqual(['unanswered', 'SYN-SENT', 'LISTEN'])
    expect(c.steps!.map((s) => s.kind)).toEqual(['syn', 'syn-retry', 'syn-retry', 'syn-retry', 'syn-retry', 'syn-retry', 'syn-retry'])
    expect(c.steps![3]!.notes[0]).toEqual({ code: 'syn-retry', frames: [3], values: { gap: 4, attempt: 3 } })
    const backoff = c.steps![6]!.notes.find((n) => n.code === 'syn-backoff')!
    expect(backoff.values).toEqual({ gaps: [1, 2, 4, 8, 16, 32], total: 63, linux: [1, 2, 4, 8, 16, 32], linuxTotal: 63 })
    expect(backoff.frames).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(c.variants).toEqual(['syn-retries'])
  })

  it('should explain a retransmitted SYN-ACK when the third segment was lost', async () => {
    const c = await only('tcp-scenario-synack-retransmitted')
    expect(c.variants).toContain('synack-retransmitted')
    expect(stepLines(c.steps!.slice(1, 4))).toEqual([
      '2 server syn-ack [2] SYN-SENT/LISTEN → ESTABLISHED/SYN-RECEIVED',
      '3 server syn-ack-retry [2] ESTABLISHED/SYN-RECEIVED → ESTABLISHED/SYN-RECEIVED',
      '4 client handshake-ack [3] ESTABLISHED/SYN-RECEIVED → ESTABLISHED/ESTABLISHED',
    ])
    expect(noteCodes(c, 3)).toEqual(['synack-retry'])
  })

  it('should accept data on the third segment', async () => {
    const c = await only('tcp-scenario-data-on-third')
    expect(c.steps![2]).toMatchObject({ kind: 'handshake-ack-data', step: [3], label: 'data', phase: 'open' })
    expect(noteCodes(c, 3)).toEqual(['data-on-third'])
    expect(c.variants).toContain('data-on-third')
  })

  it('should follow TCP Fast Open: cookie request and grant, then data in the SYN', async () => {
    const { connections } = await timelinesOf(fixture('tcp-scenario-fast-open').bytes())
    const [first, second] = connections
    expect(noteCodes(first!, 1)).toEqual(['tfo-cookie-request'])
    expect(noteCodes(first!, 2)).toEqual(['tfo-cookie'])
    expect(second!.steps![0]).toMatchObject({ label: 'SYN + data', notes: [{ code: 'tfo-cookie', values: { data: 100 } }] })
    expect(noteCodes(second!, 8)).toEqual(['tfo-data-accepted'])
    expect(second!.steps![1]!.segment.ack).toBe(101)
    expect(second!.variants).toContain('fast-open')
  })

  it('should count a SYN flood as one capture-level warning, and leave the spoofed clients in SYN-SENT', async () => {
    const { connections, findings } = await timelinesOf(fixture('tcp-scenario-syn-flood').bytes())
    expect(connections).toHaveLength(40)
    expect(connections.every((c) => c.open === 'incomplete' && c.server.state === 'SYN-RECEIVED' && c.client.state === 'SYN-SENT')).toBe(true)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'syn-flood', severity: 'warn', count: 40, sources: 40, target: { port: 80 } })
    expect(findings[0]!.frames.slice(0, 3)).toEqual([1, 3, 5])
    expect(noteCodes(connections[0]!, 2)).toEqual(['no-answer'])
  })

  it('should not call a few unanswered connections a flood', async () => {
    const b = new SegmentBuilder()
    b.client({ flags: ['SYN'], options: linuxSynOptions() })
    const { findings } = await timelinesOf(b.pcap())
    expect(findings).toEqual([])
  })
})

describe('tcp/steps: closings', () => {
  it('should number the four-way close started by the client 1–4, with TIME-WAIT at the end', async () => {
    const c = await only('tcp-scenario-four-way-close')
    expect(ending(c)).toEqual(['four-way', 'client', 'TIME-WAIT', 'CLOSED'])
    expect(stepLines(c.steps!.slice(7))).toEqual([
      '8 client fin [1] ESTABLISHED/ESTABLISHED → FIN-WAIT-1/CLOSE-WAIT',
      '9 server fin-ack-of-fin [2] FIN-WAIT-1/CLOSE-WAIT → FIN-WAIT-2/CLOSE-WAIT',
      '10 server fin-second [3] FIN-WAIT-2/CLOSE-WAIT → TIME-WAIT/LAST-ACK',
      '11 client last-ack [4] TIME-WAIT/LAST-ACK → TIME-WAIT/CLOSED',
    ])
    expect(c.steps![9]!.notes).toEqual([{ code: 'time-wait', frames: [], values: { linux: 60, rfcMsl: 120 } }])
    expect(c.steps![10]!.ackOf).toMatchObject({ frame: 10, fin: true })
  })

  it('should number the four-way close started by the server the same way, mirrored', async () => {
    const c = await only('tcp-scenario-server-closes')
    expect(ending(c)).toEqual(['four-way', 'server', 'CLOSED', 'TIME-WAIT'])
    expect(c.steps!.slice(7).map((s) => `${s.from} ${s.step}`)).toEqual(['server 1', 'client 2', 'client 3', 'server 4'])
  })

  it('should give a FIN merged with the ACK steps 2 and 3 (three-segment close)', async () => {
    const c = await only('tcp-scenario-three-segment-close')
    expect(c.close).toBe('three-way')
    expect(stepLines(c.steps!.slice(8))).toEqual([
      '9 server fin-merged [2,3] FIN-WAIT-1/CLOSE-WAIT → TIME-WAIT/LAST-ACK',
      '10 client last-ack [4] TIME-WAIT/LAST-ACK → TIME-WAIT/CLOSED',
    ])
    expect(c.steps![8]!.changes.map((ch) => ch.reason)).toEqual(['sent-fin', 'received-fin-ack-of-fin'])
  })

  it('should take both sides through CLOSING in a simultaneous close', async () => {
    const c = await only('tcp-scenario-simultaneous-close')
    expect(ending(c)).toEqual(['simultaneous', 'both', 'TIME-WAIT', 'TIME-WAIT'])
    expect(stepLines(c.steps!.slice(7))).toEqual([
      // The server had not received the client's FIN when it sent its own: it stays ESTABLISHED.
      '8 client fin [1] ESTABLISHED/ESTABLISHED → FIN-WAIT-1/ESTABLISHED',
      '9 server fin-crossed [3] FIN-WAIT-1/ESTABLISHED → CLOSING/CLOSING',
      '10 client closing-ack [4] CLOSING/CLOSING → CLOSING/TIME-WAIT',
      '11 server closing-ack [2] CLOSING/TIME-WAIT → TIME-WAIT/TIME-WAIT',
    ])
    expect(c.steps![7]!.changes).toHaveLength(1)
    expect(noteCodes(c, 9)).toContain('crossed')
  })

  it('should show a half-close: the server keeps sending after the client FIN', async () => {
    const c = await only('tcp-scenario-half-close')
    expect(c.variants).toContain('half-close')
    const data = c.steps!.filter((s) => s.kind === 'data' && s.from === 'server')
    expect(data).toHaveLength(3)
    expect(data.every((s) => s.before.client === 'FIN-WAIT-2' && s.before.server === 'CLOSE-WAIT')).toBe(true)
    expect(data[0]!.notes).toEqual([{ code: 'half-close', frames: [5] }])
  })

  it('should report a FIN that was never answered as half-closed', async () => {
    const b = new SegmentBuilder()
    opened(b)
    b.client({ flags: ['FIN', 'ACK'] }).server()
    const { connections } = await timelinesOf(b.pcap())
    expect(connections[0]).toMatchObject({ close: 'half-closed', closeInitiator: 'client', client: { state: 'FIN-WAIT-2' }, server: { state: 'CLOSE-WAIT' } })
  })
})

describe('tcp/steps: aborts, idle connections and partial captures', () => {
  it('should abort on RST and explain the plain RSTs that answer segments still in flight', async () => {
    const c = await only('tcp-scenario-rst-abort')
    expect(ending(c)).toEqual(['reset', 'client', 'CLOSED', 'CLOSED'])
    expect(stepLines(c.steps!.slice(6))).toEqual([
      '7 client rst [] ESTABLISHED/ESTABLISHED → CLOSED/ESTABLISHED',
      '8 server data [] CLOSED/ESTABLISHED → CLOSED/ESTABLISHED',
      '9 server data [] CLOSED/ESTABLISHED → CLOSED/ESTABLISHED',
      '10 client rst-after-close [] CLOSED/ESTABLISHED → CLOSED/CLOSED',
      '11 client rst-after-close [] CLOSED/CLOSED → CLOSED/CLOSED',
    ])
    expect(c.steps![7]!.notes).toEqual([{ code: 'crossed', frames: [7] }])
    expect(c.steps![9]!.notes).toEqual([{ code: 'rst-in-flight', frames: [8, 7] }])
    expect(c.steps![10]!.notes).toEqual([{ code: 'rst-in-flight', frames: [9, 7] }])
    expect(c.steps![9]!.changes).toEqual([{ role: 'server', from: 'ESTABLISHED', to: 'CLOSED', frame: 7, reason: 'received-rst' }])
  })

  it('should close, at the end, a side whose last segments crossed the reset', async () => {
    const b = new SegmentBuilder()
    opened(b)
    b.client({ flags: ['FIN', 'ACK'] }).server({ flags: ['PSH', 'ACK'], data: 30 }).client({ flags: ['RST', 'ACK'] })
    b.server({ flags: ['FIN', 'ACK'] })
    const { connections } = await timelinesOf(b.pcap())
    const c = connections[0]!
    expect([c.close, c.client.state, c.server.state]).toEqual(['reset', 'CLOSED', 'CLOSED'])
    const last = c.steps![c.steps!.length - 1]!
    expect(last.changes.map((ch) => `${ch.to} ${ch.reason} @${ch.frame}`)).toEqual(['LAST-ACK sent-fin @7', 'CLOSED received-rst @6'])
    expect(last.notes.map((n) => n.code)).toContain('crossed')
  })

  it('should name keep-alive probes and their ACKs', async () => {
    const c = await only('tcp-scenario-keep-alive')
    expect(c.steps!.slice(7).map((s) => s.kind)).toEqual(['keep-alive', 'keep-alive-ack', 'keep-alive', 'keep-alive-ack'])
    expect(c.variants).toEqual(['keep-alive', 'still-open'])
    expect([c.close, c.client.state, c.server.state]).toEqual(['none', 'ESTABLISHED', 'ESTABLISHED'])
  })

  it('should start a second timeline when the ports are reused, naming the earlier stream', async () => {
    const { connections } = await timelinesOf(fixture('tcp-scenario-port-reuse').bytes())
    expect(connections.map((c) => [c.stream, c.open, c.close, c.client.port])).toEqual([
      [0, 'three-way', 'three-way', 40200],
      [1, 'three-way', 'three-way', 40200],
    ])
    expect(connections[1]!.variants).toContain('port-reuse')
    expect(connections[1]!.steps![0]!.notes).toEqual([{ code: 'reused-ports', frames: [], values: { stream: 0 } }])
  })

  it('should guess the roles of a connection already open when the capture started', async () => {
    const c = await only('tcp-scenario-mid-stream')
    expect([c.open, c.close, c.rolesGuessed]).toEqual(['not-captured', 'none', true])
    expect(c.client.port).toBeGreaterThan(c.server.port)
    expect(stepLines(c.steps!.slice(0, 1))).toEqual(['1 client data [] UNKNOWN/UNKNOWN → ESTABLISHED/ESTABLISHED'])
    expect(noteCodes(c, 1)).toEqual(['not-captured-opening', 'roles-guessed'])
    expect(c.variants).toContain('still-open')
  })

  it('should guess the higher port as the client even when the server speaks first', async () => {
    const b = new SegmentBuilder({ port: 51000 }, { port: 443 })
    b.server({ flags: ['PSH', 'ACK'], data: 10 }).client()
    const { connections } = await timelinesOf(b.pcap())
    expect(connections[0]).toMatchObject({ rolesGuessed: true, client: { port: 51000 }, server: { port: 443 } })
  })

  it('should take the roles from a SYN-ACK when the SYN was not captured', async () => {
    const b = new SegmentBuilder()
    b.client({ flags: ['SYN'], options: linuxSynOptions(), lost: true }).server({ flags: ['SYN', 'ACK'], options: linuxSynOptions() }).client()
    const { connections } = await timelinesOf(b.pcap())
    expect(connections[0]!.rolesGuessed).toBe(false)
    expect(stepLines(connections[0]!.steps!)).toEqual([
      '1 server syn-ack [2] SYN-SENT/LISTEN → ESTABLISHED/SYN-RECEIVED',
      '2 client handshake-ack [3] ESTABLISHED/SYN-RECEIVED → ESTABLISHED/ESTABLISHED',
    ])
  })

  it('should point fast retransmissions and duplicate ACKs at their evidence', async () => {
    const c = await only('tcp-scenario-fast-retransmission')
    expect(stepAt(c, 11).notes).toEqual([{ code: 'duplicate-ack', frames: [10], values: { count: 1 } }])
    // The segment it repeats was lost before the capture point: only the dup ACKs are evidence.
    expect(stepAt(c, 14).notes).toEqual([{ code: 'fast-retransmission', frames: [11, 12, 13], values: { original: 0 } }])
    expect(stepAt(c, 15).ackOf).toMatchObject({ frame: 9, seq: 4001, length: 1000 })
  })

  it('should point a timeout retransmission at the segment it repeats', async () => {
    const c = await only('tcp-scenario-retransmission-timeout')
    expect(c.steps!.slice(4, 6).map((s) => s.notes)).toEqual([[{ code: 'retransmission', frames: [4] }], [{ code: 'retransmission', frames: [4] }]])
    expect(c.variants).toContain('retransmissions')
  })

  it('should give the same summary with and without recorded steps', async () => {
    for (const name of ['tcp-scenario-simultaneous-close', 'tcp-scenario-rst-abort', 'tcp-scenario-syn-flood', 'tcp-scenario-simultaneous-open']) {
      const full = await timelinesOf(fixture(name).bytes(), true)
      const lean = await timelinesOf(fixture(name).bytes(), false)
      expect(lean.connections.every((c) => c.steps === undefined)).toBe(true)
      expect(lean.connections).toEqual(full.connections.map(({ steps: _steps, ...rest }) => rest))
      expect(lean.findings).toEqual(full.findings)
    }
  })
})
