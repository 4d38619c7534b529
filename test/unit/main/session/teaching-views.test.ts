// The session's answers for the teaching views (narrative facts, flow graph, lab), made by the
// real engine on scenario captures: each step carries the numbers and links the diagram draws.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { ConnectionNarrative, FlowGraph } from '../../../../preload/contract/dto'
import { FLOW_ROW_LIMIT } from '../../../../main/session/flow-graph'
import { flowOf, narrativeOf } from '../../../fixtures/teaching-views'
import { httpSessionCapture, longDownloadCapture } from '../../../fixtures/lesson-captures'
import { FrameDecoder } from '../../../../main/session/frame-decoder'
import { SessionCore } from '../../../../main/session/session-core'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { failure } from './session-events'

describe('session/narrative: the facts beside the words', () => {
  let classic: ConnectionNarrative
  let http: ConnectionNarrative
  beforeAll(async () => {
    classic = await narrativeOf('tcp-scenario-four-way-close')
    http = await narrativeOf(httpSessionCapture())
  })

  it('should give each step its time, numbers relative and raw, and flags', () => {
    const [syn, synAck, ack] = classic.steps
    expect(syn!.time).toBe(0)
    expect(synAck!.time).toBeCloseTo(0.02, 6)
    expect(syn!.segment).toMatchObject({ flags: 0x002, flagNames: ['SYN'], relative: true, seq: 0, length: 0, nextSeq: 1 })
    expect(synAck!.segment).toMatchObject({ flagNames: ['SYN', 'ACK'], seq: 0, ack: 1 })
    expect(synAck!.segment.rawAck).toBe((syn!.segment.rawSeq + 1) >>> 0)
    expect(ack!.segment).toMatchObject({ flagNames: ['ACK'], seq: 1, ack: 1 })
  })

  it('should link each number to the frame it comes from', () => {
    const [syn, synAck, ack] = classic.steps
    expect(synAck!.ackOf).toBe(syn!.frame)
    expect(ack!.seqFrom).toBe(syn!.frame)
    expect(ack!.ackOf).toBe(synAck!.frame)
  })

  it('should carry the state changes, the step numbers and the topics as data', () => {
    expect(classic.steps[0]!.changes).toEqual([{ role: 'client', from: 'CLOSED', to: 'SYN-SENT', reason: 'sent-syn' }])
    expect(classic.steps.map((s) => s.step)).toEqual([[1], [2], [3], [], [], [], [], [1], [2], [3], [4]])
    for (const step of classic.steps) expect(step.topicIds).toHaveLength(step.seeAlso.length)
    expect(classic.steps[0]!.topicIds).toContain('three-way')
  })

  it('should mark the last FIN-ACK with the TIME-WAIT note and the connection with its summary', () => {
    expect(classic.steps[9]!.marks.map((m) => m.code)).toContain('time-wait')
    expect(classic.connection).toMatchObject({ stream: 0, open: 'three-way', close: 'four-way', closeInitiator: 'client' })
  })

  it('should sum up readable payloads: the request line and the status', () => {
    expect(http.steps.filter((s) => s.payload !== undefined).map((s) => [s.from, s.payload])).toEqual([
      ['client', 'GET /index.html'],
      ['server', '200 OK'],
    ])
  })

  it('should give the connection as Mermaid text, in the language asked for', async () => {
    expect(classic.mermaid.startsWith('sequenceDiagram')).toBe(true)
    const zh = await narrativeOf('tcp-scenario-four-way-close', 0, 'zh-CN')
    expect(zh.mermaid).toContain('客户端')
    expect(zh.mermaid).not.toBe(classic.mermaid)
  })

  it('should title a refusing RST a refusal, not an abort', async () => {
    const refused = await narrativeOf('tcp-scenario-refused')
    expect(refused.steps[1]!.title).toBe('Refusal')
    expect((await narrativeOf('tcp-scenario-refused', 0, 'zh-CN')).steps[1]!.title).toBe('拒绝连接')
    expect((await narrativeOf('tcp-scenario-rst-abort')).steps.find((s) => s.kind === 'rst')!.title).toBe('Abort')
  })

  it('should link a retransmission to its original', async () => {
    const told = await narrativeOf('tcp-scenario-retransmission-timeout')
    const again = told.steps.find((s) => s.marks.some((m) => m.code === 'retransmission'))!
    const original = again.marks.find((m) => m.code === 'retransmission')!.frames[0]!
    const first = told.steps.find((s) => s.frame === original)!
    expect(first.segment.seq).toBe(again.segment.seq)
    expect(original).toBeLessThan(again.frame)
  })
})

describe('session/session-core: one replay for a connection’s narrative and lab', () => {
  it('should replay a connection once for its narrative in both languages and its lab answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcplens-replay-'))
    const path = join(dir, 'http.pcap')
    writeFileSync(path, httpSessionCapture())
    const core = new SessionCore(() => undefined)
    await core.openPath(path)
    await core.loaded()
    const decode = vi.spyOn(FrameDecoder.prototype, 'decode')
    const told = await core.narrative(0, 'en')
    expect(decode).toHaveBeenCalledTimes(told.steps.length)
    await core.narrative(0, 'zh-CN')
    expect(decode).toHaveBeenCalledTimes(told.steps.length)
    await core.lab(0, 'en')
    // Only the handshake and teardown segments, for their field tables.
    const stepped = told.steps.filter((s) => s.step.length > 0).length
    expect(decode).toHaveBeenCalledTimes(told.steps.length + stepped)
    decode.mockRestore()
    await core.dispose()
  })
})

describe('session/flow-graph', () => {
  let flow: FlowGraph
  beforeAll(async () => {
    flow = await flowOf('tcp-scenario-port-reuse')
  })

  it('should list every TCP frame once, in order, with its connection and step', () => {
    expect(flow.rows.map((r) => r.frame)).toEqual(flow.rows.map((_, i) => i + 1))
    expect(new Set(flow.rows.map((r) => r.stream))).toEqual(new Set(flow.connections.map((c) => c.stream)))
    expect(flow.rows[0]).toMatchObject({ stream: 0, from: 'client', label: 'SYN', step: [1], phase: 'open' })
    for (const row of flow.rows) expect(row.line.length).toBeGreaterThan(0)
  })

  it('should draw between hosts in order of first appearance', () => {
    expect(flow.hosts).toHaveLength(2)
    const first = flow.rows[0]!
    expect([first.src, first.dst]).toEqual([0, 1])
    const answer = flow.rows.find((r) => r.from === 'server')!
    expect([answer.src, answer.dst]).toEqual([1, 0])
  })

  it('should time the rows from the capture’s first frame', () => {
    expect(flow.rows[0]!.time).toBe(0)
    for (let i = 1; i < flow.rows.length; i++) expect(flow.rows[i]!.time).toBeGreaterThanOrEqual(flow.rows[i - 1]!.time)
  })

  it('should follow the display filter, and refuse a view too large to replay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcplens-flow-'))
    const path = join(dir, 'long.pcap')
    writeFileSync(path, longDownloadCapture(FLOW_ROW_LIMIT))
    const core = new SessionCore(() => undefined)
    await core.openPath(path)
    await core.loaded()
    const refused = await failure(core.flowGraph('en'))
    expect(refused.code).toBe('unsupported')
    expect(refused.message).toContain('display filter')
    await core.setView({ filter: 'tcp.flags.syn == 1 || tcp.flags.fin == 1' })
    const openings = await core.flowGraph('zh-CN')
    expect(openings.rows.map((r) => r.label)).toEqual(['SYN', 'SYN-ACK', 'FIN-ACK', 'FIN-ACK'])
    expect(openings.lang).toBe('zh-CN')
    await core.dispose()
  })
})
