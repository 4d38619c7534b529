// The lab assistant against the real engine: each scenario's capture is opened by a session and
// answered as the app's worker answers it.
import { beforeAll, describe, expect, it } from 'vitest'
import type { LabAnswer, LabReport } from '../../../../../preload/contract/dto'
import { CATALOGS } from '../../../../../main/teach/catalog'
import { labOf } from '../../../../fixtures/teaching-views'
import { httpSessionCapture } from '../../../../fixtures/lesson-captures'

const answer = (report: LabReport, id: string): LabAnswer => {
  const found = report.answers.find((a) => a.id === id)
  if (!found) throw new Error(`no answer ${id}`)
  return found
}
const text = (a: LabAnswer): string => a.answer.join('\n')

const SCENARIOS = [
  'tcp-scenario-four-way-close',
  'tcp-scenario-fast-retransmission',
  'tcp-scenario-retransmission-timeout',
  'tcp-scenario-zero-window',
  'tcp-scenario-mid-stream',
  'tcp-scenario-refused',
  'tcp-scenario-syn-retries',
  'tcp-scenario-synack-retransmitted',
] as const
const reports = new Map<string, LabReport>()
let zhFourWay: LabReport
let http: LabReport

beforeAll(async () => {
  for (const name of SCENARIOS) reports.set(name, await labOf(name))
  zhFourWay = await labOf('tcp-scenario-four-way-close', 0, 'zh-CN')
  http = await labOf(httpSessionCapture())
})
const report = (name: (typeof SCENARIOS)[number]): LabReport => reports.get(name)!

describe('teach/lab: the opening questions', () => {
  it('should name the client and the server with their addresses and ports', () => {
    const a = answer(report('tcp-scenario-four-way-close'), 'endpoints')
    expect(a.answer[0]).toContain('192.0.2.10, port 40000')
    expect(a.answer[1]).toContain('198.51.100.20, port 80')
    expect(a.frames).toEqual([1])
  })

  it("should give the SYN's seq relative 0 and raw (the ISN), and what marks it as a SYN", () => {
    const a = answer(report('tcp-scenario-four-way-close'), 'syn-seq')
    expect(a.answer[0]).toContain('seq = `1000` (raw), `0` relative')
    expect(a.answer[1]).toContain('`0x002`')
    expect(a.answer[1]).toContain('ACK flag (`0x010`) is not set')
    expect(a.frames).toEqual([1])
  })

  it("should derive the SYN-ACK's ack as the client's ISN + 1, with the numbers", () => {
    const a = answer(report('tcp-scenario-four-way-close'), 'syn-ack')
    expect(a.answer[0]).toContain('seq = `5000` (raw), `0` relative')
    expect(a.answer[0]).toContain('ack = `1001` (raw), `1` relative')
    expect(text(a)).toContain('`1000 + 1 = 1001`')
    expect(a.frames).toEqual([1, 2])
  })

  it('should give the first data segment seq 1 = ISN + 1, and why', () => {
    const a = answer(report('tcp-scenario-four-way-close'), 'first-data')
    expect(a.answer[0]).toContain('frame 4')
    expect(a.answer[0]).toContain('seq = `1` relative, `1001` raw')
    expect(a.answer[1]).toContain('ISN + 1 = `1000 + 1 = 1001`')
  })

  it("should quote a readable payload's first line", () => {
    expect(text(answer(http, 'first-data'))).toContain('`GET /index.html`')
  })

  it('should say honestly that the handshake of a connection seen mid-stream was not captured', () => {
    const r = report('tcp-scenario-mid-stream')
    expect(answer(r, 'syn-seq').answer[0]).toMatch(/^The SYN was not captured/)
    expect(answer(r, 'syn-ack').answer[0]).toMatch(/^The SYN-ACK was not captured/)
    expect(answer(r, 'endpoints').answer[0]).toContain('guessed')
    expect(text(answer(r, 'first-data'))).toContain('ISN is unknown')
    expect(text(answer(r, 'min-window'))).toContain('window scale factor is unknown')
  })

  it('should tell a refused SYN and an unanswered one apart from a missing SYN-ACK', () => {
    expect(answer(report('tcp-scenario-refused'), 'syn-ack').answer[0]).toContain('refused the connection with RST-ACK (frame 2)')
    expect(answer(report('tcp-scenario-syn-retries'), 'syn-ack').answer[0]).toContain('nothing answered the SYN')
    expect(text(answer(report('tcp-scenario-syn-retries'), 'syn-seq'))).toContain('sent 7 times')
  })

  it('should say when no segment carried data', () => {
    expect(answer(report('tcp-scenario-refused'), 'first-data').answer).toEqual(['No segment of this connection carried data.'])
    expect(answer(report('tcp-scenario-refused'), 'throughput').answer[0]).toContain('No data was sent')
  })
})

describe('teach/lab: retransmissions', () => {
  it('should report a fast retransmission after the duplicate ACKs', () => {
    const a = answer(report('tcp-scenario-fast-retransmission'), 'retransmissions')
    expect(a.answer[0]).toContain('fast: 1')
    expect(a.answer[1]).toContain('frame 14')
    expect(a.answer[1]).toContain('3 duplicate ACKs (frames 11–13)')
    expect(a.frames).toEqual([11, 12, 13, 14])
  })

  it('should report timeouts with the gap since the copy before, doubling', () => {
    const a = answer(report('tcp-scenario-retransmission-timeout'), 'retransmissions')
    expect(a.answer[0]).toContain('after a timeout: 2')
    expect(a.answer[1]).toContain('210.000 ms after frame 4')
    expect(a.answer[2]).toContain('420.000 ms after frame 5')
    expect(a.answer[1]).toContain('retransmission timeout (RTO)')
    expect(a.frames).toEqual([4, 5, 6])
  })

  it("should count SYN and SYN-ACK retries as retransmissions after their timer", () => {
    expect(answer(report('tcp-scenario-syn-retries'), 'retransmissions').answer[0]).toContain('Retransmissions: 6 (after a timeout: 6')
    expect(answer(report('tcp-scenario-synack-retransmitted'), 'retransmissions').answer[1]).toContain('the SYN-ACK sent again 1000.100 ms after frame 2')
  })

  it('should say no when every segment was sent once', () => {
    expect(answer(report('tcp-scenario-four-way-close'), 'retransmissions').answer).toEqual(['No: every segment was sent once.'])
  })
})

describe('teach/lab: windows, cumulative ACKs and throughput', () => {
  it('should report the zero window that throttled the sender, and where it opened again', () => {
    const a = answer(report('tcp-scenario-zero-window'), 'min-window')
    expect(a.answer[0]).toContain('`0` bytes (frame 6)')
    expect(text(a)).toContain('advertised a zero window in frames 6, 8')
    expect(text(a)).toContain('opened again in frame 9')
    expect(a.frames).toEqual(expect.arrayContaining([6, 8, 9]))
  })

  it('should say when the window never held the sender back', () => {
    expect(text(answer(report('tcp-scenario-four-way-close'), 'min-window'))).toContain('No, for the server: at most `1000` bytes were in flight (frame 6)')
  })

  it('should name a cumulative ACK with its numbers', () => {
    const a = answer(report('tcp-scenario-fast-retransmission'), 'cumulative-acks')
    expect(a.answer[0]).toContain('frame 15')
    expect(a.answer[0]).toContain('ack = `5001`')
    expect(a.answer[0]).toContain('4 data segments')
    expect(a.frames).toEqual([7, 8, 9, 14, 15])
  })

  it('should work out the throughput from the first to the last data segment, retransmitted bytes once', () => {
    const a = answer(report('tcp-scenario-fast-retransmission'), 'throughput')
    // 5000 distinct bytes from frame 6 (0.0416 s) to frame 14 (0.0628 s): 21.2 ms.
    expect(a.answer[0]).toContain('`5000` bytes in `21.200 ms`')
    expect(a.answer[0]).toContain('`235849` bytes/s = `1886792` bit/s (1.887 Mbit/s)')
    expect(answer(report('tcp-scenario-four-way-close'), 'throughput').answer[0]).toContain('one data segment only')
  })
})

describe('teach/lab: the report', () => {
  it('should give every answer of every scenario its frames', () => {
    for (const [name, r] of reports) for (const a of r.answers) expect(a.frames.length, `${name} ${a.id}`).toBeGreaterThan(0)
  })

  it('should answer the same questions in zh-CN, in other words', () => {
    const en = report('tcp-scenario-four-way-close')
    expect(zhFourWay.lang).toBe('zh-CN')
    expect(zhFourWay.answers.map((a) => a.id)).toEqual(en.answers.map((a) => a.id))
    zhFourWay.answers.forEach((a, i) => {
      expect(a.question).not.toBe(en.answers[i]!.question)
      expect(a.frames).toEqual(en.answers[i]!.frames)
    })
    expect(answer(zhFourWay, 'syn-ack').answer.join('')).toContain('`1000 + 1 = 1001`')
    expect(zhFourWay.fieldTables[0]!.rows.find((r) => r.field === 'tcp.flags.syn')!.value).toBe('1（置位）')
  })

  it('should have every lab message in both catalogs, translated', () => {
    const en = Object.keys(CATALOGS.en).filter((k) => k.startsWith('lab.'))
    const zh = Object.keys(CATALOGS['zh-CN']).filter((k) => k.startsWith('lab.'))
    expect(zh.sort()).toEqual(en.sort())
    for (const key of en as (keyof typeof CATALOGS.en)[]) expect(CATALOGS['zh-CN'][key], key).not.toBe(CATALOGS.en[key])
  })

  it('should put the direction that sent more data first in the time-sequence graph', () => {
    const ts = report('tcp-scenario-fast-retransmission').timeSequence
    expect(ts.map((s) => s.sender)).toEqual(['server', 'client'])
    const server = ts[0]!
    expect(server.segments.find((s) => s.frame === 14)).toEqual({ frame: 14, time: expect.any(Number), seq: 1001, end: 2001, retransmission: true })
    expect(server.acks.find((a) => a.frame === 15)).toMatchObject({ ack: 5001, windowEdge: 5001 + 64256 })
  })
})
