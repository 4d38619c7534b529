// SessionCore, in process: opening (and failing to), loading with progress and cancel, rows and
// packets equal to the full pass on every fixture, views, connections, narratives, expert info,
// follow stream, the progress of long requests (work events), and closing with no file left open.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkProgress } from '../../../../preload/contract/dto'
import { openCapture } from '../../../../main/capture/open'
import { feedConnections } from '../../../../main/cli/connections'
import type { Timestamp } from '../../../../main/decode/field'
import type { DecodedFrame } from '../../../../main/decode/frame'
import { connectionDto } from '../../../../main/session/connection-dto'
import { ExpertCollector } from '../../../../main/session/expert-info'
import { packetDetail } from '../../../../main/session/packet-detail'
import { packetRow } from '../../../../main/session/packet-rows'
import type { SessionCore } from '../../../../main/session/session-core'
import { ConnectionTimelines } from '../../../../main/tcp/steps'
import { describeConnection } from '../../../../main/teach'
import { encodePcap } from '../../../../main/capture/writer'
import { FIXTURES } from '../../../fixtures/catalog'
import { SegmentBuilder } from '../../../fixtures/segments'
import { CaptureFiles } from './capture-files'
import { fullPassFrames } from './full-pass'
import { failure, session } from './session-events'

const files = new CaptureFiles()
afterAll(() => files.remove())

function fullPassTimeDelta(frame: DecodedFrame): Timestamp | undefined {
  const node = frame.tree.find((f) => f.name === 'frame')!
  return node.children?.find((f) => f.name === 'frame.time_delta')?.value as Timestamp | undefined
}

/** Every frame of a file through DecodePass (the frames before any damage). */
const decodeAll = (path: string): Promise<DecodedFrame[]> => fullPassFrames(readFileSync(path))

describe('session/session-core: opening', () => {
  it('should answer with the file once it is a capture, then report loading and ready with the counts', async () => {
    const { core, captures } = session()
    const info = await core.openPath(files.fixture('tcp-scenario-four-way-close'))
    expect(info).toMatchObject({ name: 'tcp-scenario-four-way-close.pcap', format: 'pcap', compressed: false })
    await core.loaded()
    expect(captures.map((c) => c.state)).toEqual(['loading', 'ready'])
    expect(captures[1]).toMatchObject({ session: 1, packets: 11, connections: 1, file: info })
    expect(captures[1]!.loadMs).toBeGreaterThanOrEqual(0)
    await core.dispose()
  })

  it('should number the sessions in the order they are opened', async () => {
    const { core, captures } = session()
    await core.openPath(files.fixture('udp'))
    await core.openPath(files.fixture('arp'), { displayName: 'shown.pcap' })
    await core.loaded()
    expect(captures.at(-1)).toMatchObject({ session: 2, state: 'ready', file: { name: 'shown.pcap' } })
    await core.dispose()
  })

  it('should keep the frames before damage: ready, with a damaged error and the frames read', async () => {
    const { core } = session()
    await core.openPath(files.fixture('damaged-cut-record-data'))
    await core.loaded()
    expect(core.status()).toMatchObject({ state: 'ready', packets: 2, error: { code: 'damaged', framesRead: 2 } })
    expect((await core.rows(0, 10)).rows).toHaveLength(2)
    await core.dispose()
  })

  it('should fail a file that is not a capture as unsupported', async () => {
    for (const name of ['damaged-bad-magic', 'damaged-empty']) {
      const { core, captures } = session()
      expect((await failure(core.openPath(files.fixture(name)))).code).toBe('unsupported')
      expect(captures.at(-1)).toMatchObject({ state: 'failed', error: { code: 'unsupported', framesRead: 0 } })
    }
  })

  it('should say not-found for a file that is not there, and no-capture before any open', async () => {
    const { core } = session()
    expect((await failure(core.rows(0, 10))).code).toBe('no-capture')
    expect((await failure(core.openPath(join(files.dir, 'missing.pcap')))).code).toBe('not-found')
    expect(core.status().state).toBe('failed')
  })

  it('should check the arguments of rows, packet and narrative', async () => {
    const { core } = session()
    await core.openPath(files.fixture('tcp-scenario-four-way-close'))
    await core.loaded()
    expect((await failure(core.rows(-1, 10))).code).toBe('bad-argument')
    expect((await failure(core.rows(0, 1001))).code).toBe('bad-argument')
    expect((await failure(core.packet(12))).code).toBe('not-found')
    expect((await failure(core.narrative(1, 'en'))).code).toBe('bad-argument')
    expect((await core.rows(50, 10)).rows).toEqual([])
    await core.dispose()
  })
})

describe('session/session-core: while loading', () => {
  let large: string
  beforeAll(async () => {
    large = await files.large(400)
  })

  it('should answer the first rows before the pass has ended', async () => {
    const { core, on } = session()
    let early: Promise<Awaited<ReturnType<SessionCore['rows']>>> | undefined
    on.progress = () => (early ??= core.rows(0, 100))
    await core.openPath(large)
    await core.loaded()
    const page = await early!
    expect(page.rows.map((r) => r.no)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    expect(page.count).toBeLessThan(core.status().packets)
    await core.dispose()
  })

  it('should report progress at most about ten times a second', async () => {
    const { core, progress } = session()
    const started = performance.now()
    await core.openPath(large)
    await core.loaded()
    const seconds = (performance.now() - started) / 1000
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 1)
    expect(progress.map((p) => p.packets)).toEqual([...progress.map((p) => p.packets)].sort((a, b) => a - b))
    expect(progress.every((p) => p.session === 1 && p.totalBytes > 0 && p.bytesRead <= p.totalBytes)).toBe(true)
    await core.dispose()
  })

  it('should stop on cancelOpen and keep the frames read so far', async () => {
    const { core, on, captures } = session()
    on.progress = () => void core.cancelOpen()
    await core.openPath(large)
    await core.loaded()
    const status = core.status()
    expect(status).toMatchObject({ state: 'ready', cancelled: true })
    expect(status.packets).toBeGreaterThan(0)
    expect(status.packets).toBeLessThan(40_000)
    expect(captures.at(-1)).toEqual(status)
    expect((await core.rows(status.packets - 1, 10)).rows.map((r) => r.no)).toEqual([status.packets])
    await core.dispose()
  })

  it('should grow a stream view while the file loads', async () => {
    const { core, on } = session()
    let first: number | undefined
    on.progress = () => {
      if (first === undefined) void core.setView({ stream: 0 }).then((info) => (first = info.count))
    }
    await core.openPath(large)
    await core.loaded()
    expect((await core.setView({ stream: 399 })).count).toBe(100)
    expect(first).toBeGreaterThan(0)
    await core.dispose()
  })
})

describe('session/session-core: rows and packets are what the full pass shows', () => {
  for (const f of FIXTURES.filter((f) => f.expect?.frames !== 0)) {
    it(`${f.file}`, async () => {
      const path = files.fixture(f.name)
      const reference = await decodeAll(path)
      const { core } = session()
      await core.openPath(path)
      await core.loaded()
      const { rows } = await core.rows(0, 1000)
      expect(rows).toEqual(reference.map((d) => packetRow(d, fullPassTimeDelta(d), d.tcpAnalysis?.stream ?? -1)))
      for (const d of reference) expect(await core.packet(d.raw.no), `frame ${d.raw.no}`).toEqual(packetDetail(d))
      await core.dispose()
    })
  }
})

describe('session/session-core: views', () => {
  it('should show one stream, sort by a column and find a frame', async () => {
    const path = files.fixture('tcp-scenario-port-reuse')
    const reference = await decodeAll(path)
    const { core } = session()
    await core.openPath(path)
    await core.loaded()
    const stream1 = reference.filter((d) => d.tcpAnalysis?.stream === 1).map((d) => d.raw.no)
    expect(await core.setView({ stream: 1 })).toEqual({ count: stream1.length, total: reference.length })
    expect((await core.rows(0, 100)).rows.map((r) => r.no)).toEqual(stream1)
    expect(await core.positionOf(stream1[1]!)).toBe(1)
    expect(await core.positionOf(1)).toBe(stream1.includes(1) ? 0 : -1)

    await core.setView({ sort: { column: 'length', descending: true } })
    const byLength = [...reference].sort((a, b) => b.raw.origLen - a.raw.origLen || a.raw.no - b.raw.no).map((d) => d.raw.no)
    expect((await core.rows(0, 100)).rows.map((r) => r.no)).toEqual(byLength)

    await core.setView({ sort: { column: 'info', descending: false } })
    const byInfo = [...reference].sort((a, b) => (a.columns.info < b.columns.info ? -1 : a.columns.info > b.columns.info ? 1 : a.raw.no - b.raw.no)).map((d) => d.raw.no)
    expect((await core.rows(0, 100)).rows.map((r) => r.no)).toEqual(byInfo)
    expect(await core.positionOf(byInfo[3]!)).toBe(3)

    await core.setView({ stream: 0, sort: { column: 'no', descending: true } })
    const stream0 = reference.filter((d) => d.tcpAnalysis?.stream === 0).map((d) => d.raw.no)
    expect((await core.rows(0, 100)).rows.map((r) => r.no)).toEqual([...stream0].reverse())
    expect((await failure(core.setView({ stream: 9 }))).code).toBe('bad-argument')
    await core.dispose()
  })
})

describe('session/session-core: the progress of long requests (work events)', () => {
  let large: string
  beforeAll(async () => {
    // 40,000 frames: several batches of the reader (1 MiB each).
    large = await files.large(400)
  })

  /** The checks every task's events pass: its session and task, done rising, one end, last. */
  function expectWellFormed(work: WorkProgress[], session: number, task: WorkProgress['task'], total: number): void {
    expect(work.length).toBeGreaterThan(0)
    expect(work.every((w) => w.session === session && w.task === task && w.total === total && w.done >= 0 && w.done <= w.total)).toBe(true)
    expect(work.map((w) => w.done)).toEqual([...work.map((w) => w.done)].sort((a, b) => a - b))
    expect(work.filter((w) => w.done === w.total)).toEqual([work.at(-1)])
  }

  it('should report a sort of the whole capture by a text column batch by batch, ending with done === total', async () => {
    const { core, work } = session({ progressIntervalMs: 0 })
    await core.openPath(large)
    await core.loaded()
    const packets = core.status().packets
    expect(await core.setView({ sort: { column: 'info', descending: false } })).toEqual({ count: packets, total: packets })
    expectWellFormed(work, 1, 'sort', packets)
    // A start, one per batch read (several), and the end.
    expect(work.length).toBeGreaterThanOrEqual(4)
    expect(new Set(work.map((w) => w.done)).size).toBe(work.length)
    await core.dispose()
  })

  it('should report a sort of one stream by a text column too', async () => {
    const { core, work } = session({ progressIntervalMs: 0 })
    await core.openPath(large)
    await core.loaded()
    expect((await core.setView({ stream: 7, sort: { column: 'source', descending: true } })).count).toBe(100)
    expectWellFormed(work, 1, 'sort', 100)
    await core.dispose()
  })

  it('should report at most about ten times a second by default', async () => {
    const { core, work } = session()
    await core.openPath(large)
    await core.loaded()
    const started = performance.now()
    await core.setView({ sort: { column: 'protocol', descending: false } })
    const seconds = (performance.now() - started) / 1000
    expectWellFormed(work, 1, 'sort', core.status().packets)
    // The start, at most one per 100 ms after it, and the end.
    expect(work.length).toBeLessThanOrEqual(Math.floor(seconds * 10) + 2)
    await core.dispose()
  })

  it('should send no work for a sort that needs no decoding', async () => {
    const { core, work } = session({ progressIntervalMs: 0 })
    await core.openPath(large)
    await core.loaded()
    await core.setView({ sort: { column: 'length', descending: true } })
    await core.setView({ stream: 3 })
    expect(work).toEqual([])
    await core.dispose()
  })

  it('should stop reporting a sort that a newer view replaced', async () => {
    const { core, work, on } = session({ progressIntervalMs: 0 })
    await core.openPath(large)
    await core.loaded()
    let newer: Promise<unknown> | undefined
    on.work = () => (newer ??= core.setView({ sort: { column: 'length', descending: false } }))
    const replaced = await failure(core.setView({ sort: { column: 'info', descending: false } }))
    expect(replaced.code).toBe('cancelled')
    await newer
    // Only the first event: the newer view (sorted from the index) sends none, the replaced sort no more.
    expect(work).toHaveLength(1)
    expect(work[0]!.done).toBeLessThan(work[0]!.total)
    await core.dispose()
  })

  it('should stop reporting a sort when the capture is closed', async () => {
    const { core, work, on } = session({ progressIntervalMs: 0 })
    await core.openPath(large)
    await core.loaded()
    let closing: Promise<unknown> | undefined
    on.work = (w) => {
      if (w.done > 0) closing ??= core.close()
    }
    expect((await failure(core.setView({ sort: { column: 'destination', descending: false } }))).code).toBe('cancelled')
    await closing
    const atClose = work.length
    expect(work.every((w) => w.done < w.total)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(work).toHaveLength(atClose)
  })

  it('should report Expert Info when it streams the file, ending with done === total', async () => {
    // Nothing in this capture is a plain TCP segment: every frame is decoded, so the file is streamed.
    const { core, work } = session({ progressIntervalMs: 0 })
    await core.openPath(files.fixture('udp'))
    await core.loaded()
    await core.expertInfo()
    expectWellFormed(work, 1, 'expert-info', core.status().packets)
    await core.dispose()
  })
})

/** The connection timelines of a capture file, from the pass behind `tcplens conv` and `tcplens explain`. */
async function cliTimelines(path: string, options: { recordSteps: boolean }): Promise<ConnectionTimelines> {
  const timelines = new ConnectionTimelines(options)
  const reader = await openCapture(path)
  try {
    await feedConnections(reader, timelines)
  } finally {
    await reader.close()
  }
  return timelines
}

describe('session/session-core: connections, narratives, expert info, follow stream', () => {
  const scenarios = FIXTURES.filter((f) => f.name.startsWith('tcp-scenario-'))

  it('should list the connections as `tcplens conv` finds them', async () => {
    for (const f of scenarios) {
      const path = files.fixture(f.name)
      const timelines = await cliTimelines(path, { recordSteps: false })
      const { core } = session()
      await core.openPath(path)
      expect(await core.connections(), f.name).toEqual(timelines.finish().connections.map(connectionDto))
      await core.dispose()
    }
  })

  it('should narrate every connection as `tcplens explain` does, in both languages', async () => {
    for (const f of scenarios) {
      const path = files.fixture(f.name)
      const timelines = await cliTimelines(path, { recordSteps: true })
      const { core } = session()
      await core.openPath(path)
      await core.loaded()
      for (const timeline of timelines.finish().connections) {
        for (const lang of ['en', 'zh-CN'] as const) {
          const told = describeConnection(timeline, lang)
          const narrative = await core.narrative(timeline.stream, lang)
          const where = `${f.name} stream ${timeline.stream} ${lang}`
          expect({ title: narrative.title, summary: narrative.summary, topics: narrative.topics.map((t) => t.id) }, where).toEqual({ title: told.title, summary: told.summary, topics: told.topics })
          expect(
            narrative.steps.map((s) => [s.frame, s.kind, s.before, s.after, s.headline, s.line, s.notes, s.arithmetic]),
            where,
          ).toEqual(timeline.steps!.map((s, i) => [s.frame, s.kind, s.before, s.after, told.steps[i]!.headline, told.steps[i]!.line, told.steps[i]!.notes, told.steps[i]!.arithmetic]))
          expect(narrative.topics.every((t) => t.title.length > 0 && t.text.length > 0)).toBe(true)
        }
      }
      await core.dispose()
    }
  })

  it('should group every expert item the full pass files, and add the capture findings', async () => {
    const path = files.fixture('tcp-scenario-fast-retransmission')
    const reference = await decodeAll(path)
    const { core } = session()
    await core.openPath(path)
    const info = await core.expertInfo()
    const total = reference.reduce((n, d) => n + d.expert.length, 0)
    expect(info.entries.reduce((n, e) => n + e.count, 0)).toBe(total)
    expect(Object.values(info.counts).reduce((a, b) => a + b, 0)).toBe(total)
    expect(info.entries.find((e) => e.message === 'This frame is a (suspected) fast retransmission')).toMatchObject({ severity: 'note', group: 'sequence', protocol: 'TCP' })
    const order = ['error', 'warn', 'note', 'chat']
    expect(info.entries.map((e) => order.indexOf(e.severity))).toEqual([...info.entries.map((e) => order.indexOf(e.severity))].sort((a, b) => a - b))
    await core.dispose()

    const flood = session()
    await flood.core.openPath(files.fixture('tcp-scenario-syn-flood'))
    const found = (await flood.core.expertInfo()).entries.find((e) => e.message.includes('SYN flood'))
    expect(found).toMatchObject({ severity: 'warn', protocol: 'TCP' })
    expect(found!.frames.length).toBeGreaterThanOrEqual(20)
    await flood.core.dispose()

    const damaged = session()
    await damaged.core.openPath(files.fixture('damaged-cut-record-data'))
    expect((await damaged.core.expertInfo()).entries[0]).toMatchObject({ severity: 'error', group: 'malformed', protocol: 'File' })
    await damaged.core.dispose()
  })

  it('should give the expert info of a full decode of every frame and the capture findings, on every TCP scenario and a larger capture', async () => {
    const paths = [...scenarios.map((f) => files.fixture(f.name)), await files.large(30)]
    for (const path of paths) {
      const reference = new ExpertCollector()
      for (const frame of await decodeAll(path)) reference.add(frame)
      const timelines = await cliTimelines(path, { recordSteps: false })
      for (const finding of timelines.finish().findings) reference.addFinding(finding)
      const { core } = session()
      await core.openPath(path)
      expect(await core.expertInfo(), path).toEqual(reference.result())
      await core.dispose()
    }
  })

  it('should follow a stream: each side in order, retransmitted bytes once', async () => {
    const { core } = session()
    await core.openPath(files.fixture('tcp-scenario-four-way-close'))
    const follow = await core.followStream(0)
    expect(follow).toMatchObject({ stream: 0, bytes: { client: 100, server: 1000 }, truncated: false })
    expect(follow.chunks.map((c) => [c.from, Buffer.from(c.data, 'base64').length])).toEqual([
      ['client', 100],
      ['server', 1000],
    ])
    await core.dispose()

    const again = session()
    await again.core.openPath(files.fixture('tcp-scenario-retransmission-timeout'))
    const resent = await again.core.followStream(0)
    for (const side of ['client', 'server'] as const) {
      const sent = resent.chunks.filter((c) => c.from === side).reduce((n, c) => n + Buffer.from(c.data, 'base64').length, 0)
      expect(sent).toBe(resent.bytes[side])
    }
    await again.core.dispose()
  })
})

describe('session/session-core: follow stream text', () => {
  /** A handshake, then the client's `parts` as segments and the server's `reply`; the capture's path. */
  function conversation(name: string, parts: Uint8Array[], reply: Uint8Array): string {
    const b = new SegmentBuilder()
    b.client({ flags: ['SYN'] }).server({ flags: ['SYN', 'ACK'] }).client()
    for (const data of parts) b.client({ flags: ['PSH', 'ACK'], data })
    b.server({ flags: ['PSH', 'ACK'], data: reply })
    return files.bytes(name, encodePcap([...b.captured()], { linkType: 1, snapLen: 262144 }))
  }

  it('should call text UTF-8 when a character is split between two segments of a side', async () => {
    const text = new TextEncoder().encode('你好，世界')
    // 3 bytes a character: the cut at 4 splits the second one; the server's reply comes between.
    const path = conversation('utf8-split.pcap', [text.subarray(0, 4), text.subarray(4)], new TextEncoder().encode('好'))
    const { core } = session()
    await core.openPath(path)
    const follow = await core.followStream(0)
    expect(follow.chunks.map((c) => c.from)).toEqual(['client', 'client', 'server'])
    expect(follow.encoding).toBe('utf-8')
    await core.dispose()
  })

  it('should call bytes that are not UTF-8 ascii, also a character left unfinished at the end', async () => {
    const { core } = session()
    await core.openPath(conversation('latin1.pcap', [Uint8Array.of(0x63, 0x61, 0x66, 0xe9, 0x21)], Uint8Array.of(0x6f, 0x6b)))
    expect((await core.followStream(0)).encoding).toBe('ascii')
    await core.dispose()
    const cut = session()
    await cut.core.openPath(conversation('unfinished.pcap', [new TextEncoder().encode('世').subarray(0, 2)], Uint8Array.of(0x6f, 0x6b)))
    expect((await cut.core.followStream(0)).encoding).toBe('ascii')
    await cut.core.dispose()
  })
})

describe('session/session-core: closing', () => {
  it('should close every file, a gzip capture spooled copy included, on close and on a new open', async () => {
    const tmpDir = mkdtempSync(join(files.dir, 'spool-'))
    const { core, captures } = session({ tmpDir })
    await core.openPath(files.fixture('gzip-pcapng'))
    await core.loaded()
    await core.packet(1)
    expect(core.openFiles).toBe(1)
    expect(readdirSync(tmpDir)).toHaveLength(1)
    await core.openPath(files.fixture('gzip-pcap'))
    await core.packet(1)
    expect(readdirSync(tmpDir)).toHaveLength(1)
    expect(await core.close()).toMatchObject({ state: 'empty', packets: 0 })
    expect(captures.at(-1)!.state).toBe('empty')
    expect(core.openFiles).toBe(0)
    expect(readdirSync(tmpDir)).toHaveLength(0)
  })
})
