// The sequence diagram's layout, tested without mounting, against the narratives the real engine
// gives for scenario captures (test/fixtures/teaching-views.ts).
import { beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionNarrative } from '../../../../preload/contract/api'
import { labelAreaOf, labelsOverlap } from '../../../../renderer/src/diagram/sequence-arrows'
import { COLLAPSE_ABOVE } from '../../../../renderer/src/diagram/sequence-data'
import { layoutSequence } from '../../../../renderer/src/diagram/sequence-layout'
import { compactDelays, flightDelays } from '../../../../renderer/src/diagram/sequence-time'
import type { SequenceArrow, SequenceLayout, SequenceOptions } from '../../../../renderer/src/diagram/sequence-types'
import { httpSessionCapture, longDownloadCapture } from '../../../fixtures/lesson-captures'
import { SegmentBuilder, linuxSynOptions } from '../../../fixtures/segments'
import { narrativeOf } from '../../../fixtures/teaching-views'

const SCENARIOS = [
  'four-way-close',
  'server-closes',
  'three-segment-close',
  'simultaneous-close',
  'simultaneous-open',
  'refused',
  'syn-retries',
  'rst-abort',
  'half-close',
  'keep-alive',
  'mid-stream',
  'retransmission-timeout',
  'fast-retransmission',
  'synack-retransmitted',
  'data-on-third',
  'fast-open',
] as const
type Scenario = (typeof SCENARIOS)[number]

const told = new Map<string, ConnectionNarrative>()
const narrative = (name: Scenario | 'http' | 'download' | 'near-server' | 'loopback'): ConnectionNarrative => told.get(name)!

/**
 * A connection on loopback, as a demo captures it: the first SYN-ACK takes the server 280 µs, but
 * later answers come back in 30 µs (the handshake's round trips are mostly the hosts' own time).
 */
function captureOnLoopback(): Uint8Array {
  return new SegmentBuilder()
    .client({ flags: ['SYN'], window: 65495, options: linuxSynOptions(65495, 0) })
    .server({ flags: ['SYN', 'ACK'], window: 65483, options: linuxSynOptions(65495, 0), after: 0.28 })
    .client({ window: 64, after: 0.02 })
    .client({ flags: ['PSH', 'ACK'], data: 67, window: 64, after: 0.9 })
    .server({ window: 64, after: 0.03 })
    .server({ flags: ['PSH', 'ACK'], data: 138, window: 64, after: 0.9 })
    .client({ window: 64, after: 0.03 })
    .pcap()
}

/** A handshake captured next to the server: the SYN-ACK follows the SYN at once, the ACK 30 ms later. */
function captureNearServer(): Uint8Array {
  return new SegmentBuilder()
    .client({ flags: ['SYN'], window: 64240, options: linuxSynOptions(1000, 0) })
    .server({ flags: ['SYN', 'ACK'], window: 65160, options: linuxSynOptions(5000, 1000), after: 0.2 })
    .client({ window: 502, after: 30 })
    .client({ flags: ['PSH', 'ACK'], data: 100, window: 502, after: 1 })
    .server({ window: 509, after: 0.3 })
    .pcap()
}

beforeAll(async () => {
  for (const name of SCENARIOS) told.set(name, await narrativeOf(`tcp-scenario-${name}`))
  told.set('http', await narrativeOf(httpSessionCapture()))
  told.set('near-server', await narrativeOf(captureNearServer()))
  told.set('loopback', await narrativeOf(captureOnLoopback()))
  told.set('download', await narrativeOf(longDownloadCapture(10_000)))
}, 120_000)

const TIME: SequenceOptions = { spacing: 'time', dataExpanded: false }
const COMPACT: SequenceOptions = { spacing: 'compact', dataExpanded: false }

const layoutOf = (name: Parameters<typeof narrative>[0], options: SequenceOptions = TIME): SequenceLayout => layoutSequence(narrative(name), options)

/** The arrow of a step by its frame. */
function arrowOfFrame(layout: SequenceLayout, frame: number): SequenceArrow {
  const arrow = layout.arrows.find((a) => a.frame === frame)
  if (!arrow) throw new Error(`no arrow for frame ${frame}`)
  return arrow
}

/** Whether two segments properly intersect (each one's ends lie on either side of the other). */
function cross(a: SequenceArrow, b: SequenceArrow): boolean {
  const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): number => Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px))
  return (
    side(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1) * side(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2) < 0 &&
    side(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1) * side(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2) < 0
  )
}

/** The first step of a kind, and the one it crossed (its 'crossed' mark). */
function crossingPair(name: Scenario, kind: string): { later: number; earlier: number } {
  const steps = narrative(name).steps
  const later = steps.find((s) => s.kind === kind && s.marks.some((m) => m.code === 'crossed'))!
  const earlier = later.marks.find((m) => m.code === 'crossed')!.frames[0]!
  return { later: later.frame, earlier }
}

describe('diagram/sequence-layout: crossings', () => {
  for (const options of [TIME, COMPACT]) {
    it(`should cross the two SYNs of a simultaneous open (${options.spacing})`, () => {
      const layout = layoutOf('simultaneous-open', options)
      const { later, earlier } = crossingPair('simultaneous-open', 'syn-crossed')
      expect(cross(arrowOfFrame(layout, earlier), arrowOfFrame(layout, later))).toBe(true)
    })

    it(`should cross the two FINs of a simultaneous close (${options.spacing})`, () => {
      const layout = layoutOf('simultaneous-close', options)
      const { later, earlier } = crossingPair('simultaneous-close', 'fin-crossed')
      expect(cross(arrowOfFrame(layout, earlier), arrowOfFrame(layout, later))).toBe(true)
    })
  }

  it('should not cross the arrows of a classic handshake', () => {
    const layout = layoutOf('four-way-close')
    const [syn, synAck, ack] = layout.arrows
    expect(cross(syn!, synAck!)).toBe(false)
    expect(cross(synAck!, ack!)).toBe(false)
  })

  it('should put the server’s SYN-RECEIVED where the client’s crossing SYN arrives', () => {
    const layout = layoutOf('simultaneous-open')
    const { earlier } = crossingPair('simultaneous-open', 'syn-crossed')
    const box = layout.states.find((s) => s.role === 'server' && s.reason === 'syns-crossed')!
    expect(box.state).toBe('SYN-RECEIVED')
    expect(box.anchorY).toBe(arrowOfFrame(layout, earlier).y2)
  })
})

describe('diagram/sequence-layout: the closing', () => {
  it('should draw a merged FIN-ACK as one arrow with two step labels', () => {
    const layout = layoutOf('three-segment-close')
    const closing = layout.arrows.filter((a) => narrative('three-segment-close').steps[a.index]!.phase === 'close')
    expect(closing.map((a) => a.steps)).toEqual([[1], [2, 3], [4]])
    expect(closing[1]!.label).toBe('FIN-ACK')
    expect(layout.phases.map((p) => p.phase)).toContain('three-segment-close')
  })

  it.each([
    ['four-way-close', ['client']],
    ['server-closes', ['server']],
    ['simultaneous-close', ['client', 'server']],
    ['three-segment-close', ['client']],
  ] as const)('should put TIME-WAIT in %s on the side that closed first (%s)', (name, roles) => {
    const layout = layoutOf(name)
    expect(layout.timeWaits.map((t) => t.role).sort()).toEqual([...roles].sort())
    expect(narrative(name).connection.closeInitiator).toBe(roles.length === 2 ? 'both' : roles[0])
  })

  it('should start the TIME-WAIT bar after that side’s last ACK, labelled 60 s (Linux) and 4 min (RFC 9293)', () => {
    const layout = layoutOf('four-way-close')
    const [bar] = layout.timeWaits
    const lastAck = layout.arrows.at(-1)!
    expect(lastAck.from).toBe('client')
    expect(bar!.x).toBe(layout.lifelines.client.x)
    expect(bar!.y1).toBeGreaterThan(lastAck.y1)
    expect(bar!.y2).toBeGreaterThan(bar!.y1)
    expect([bar!.linuxSeconds, bar!.rfcSeconds]).toEqual([60, 240])
    expect(layout.height).toBeGreaterThan(bar!.y2)
  })

  it('should draw no TIME-WAIT for a reset connection', () => {
    expect(layoutOf('rst-abort').timeWaits).toEqual([])
    expect(layoutOf('refused').timeWaits).toEqual([])
  })

  it('should name the phases of a classic connection and nest a half-close inside its teardown', () => {
    expect(layoutOf('four-way-close').phases.map((p) => p.phase)).toEqual(['three-way-handshake', 'data-transfer', 'four-way-teardown'])
    const half = layoutOf('half-close').phases
    expect(half.map((p) => [p.phase, p.depth])).toEqual([
      ['three-way-handshake', 0],
      ['data-transfer', 0],
      ['four-way-teardown', 0],
      ['half-close', 1],
    ])
  })

  it('should keep top-level phase brackets from overlapping', () => {
    for (const name of SCENARIOS) {
      const top = layoutOf(name).phases.filter((p) => p.depth === 0)
      for (let k = 1; k < top.length; k++) expect(top[k]!.y1).toBeGreaterThan(top[k - 1]!.y2)
    }
  })
})

describe('diagram/sequence-layout: variants drawn as they happened', () => {
  it('should meet a refused SYN with its RST arrow, under the "refused" bracket', () => {
    const layout = layoutOf('refused')
    expect(layout.arrows.map((a) => [a.label, a.from])).toEqual([
      ['SYN', 'client'],
      ['RST-ACK', 'server'],
    ])
    expect(layout.arrows[1]!.classes).toEqual(expect.arrayContaining(['refused', 'abort']))
    expect(layout.phases).toMatchObject([{ phase: 'refused', firstIndex: 0, lastIndex: 1 }])
  })

  it('should label each SYN retry with its backoff and link it to the attempt before', () => {
    const layout = layoutOf('syn-retries')
    expect(layout.arrows.filter((a) => a.backoff).map((a) => a.backoff!.seconds)).toEqual([1, 2, 4, 8, 16, 32])
    for (const arrow of layout.arrows.slice(1)) {
      expect(arrow.backoff!.y1).toBe(layout.arrows[arrow.index - 1]!.y1)
      expect(arrow.backoff!.y2).toBe(arrow.y1)
    }
    expect(layout.links.map((l) => [l.fromIndex, l.toIndex])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
    ])
    expect(layout.phases.map((p) => p.phase)).toEqual(['unanswered'])
  })

  it('should label a data retransmission after a timeout with its backoff, but not a fast retransmission', () => {
    const timeout = layoutOf('retransmission-timeout')
    const steps = narrative('retransmission-timeout').steps
    const backoffs = timeout.arrows.filter((a) => a.backoff)
    expect(backoffs.map((a) => a.backoff!.seconds)).toEqual([0.21, 0.42])
    for (const arrow of backoffs) expect(steps[arrow.index]!.marks.map((m) => m.code)).toContain('retransmission')
    expect(layoutOf('fast-retransmission').arrows.some((a) => a.backoff)).toBe(false)
  })

  it('should grow the gaps between SYN retries with the backoff in time spacing', () => {
    const departures = layoutOf('syn-retries').arrows.map((a) => a.y1)
    const gaps = departures.slice(1).map((y, i) => y - departures[i]!)
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[0]!)
    expect(gaps.at(-2)!).toBeGreaterThan(gaps[1]!)
  })

  it('should mark retransmissions and link each to its original', () => {
    const layout = layoutOf('retransmission-timeout')
    const steps = narrative('retransmission-timeout').steps
    const original = steps.findIndex((s) => s.frame === 4)
    const retries = layout.arrows.filter((a) => a.classes.includes('retransmission'))
    expect(retries.map((a) => a.frame)).toEqual([5, 6])
    expect(layout.links.filter((l) => l.fromIndex === original).map((l) => steps[l.toIndex]!.frame)).toEqual([5, 6])
  })

  it('should mark a fast retransmission, and a SYN-ACK sent again', () => {
    expect(layoutOf('fast-retransmission').arrows.find((a) => a.frame === 14)!.classes).toContain('retransmission')
    const again = layoutOf('synack-retransmitted')
    expect(again.arrows.find((a) => a.kind === 'syn-ack-retry')!.classes).toContain('retransmission')
    expect(again.links).toHaveLength(1)
  })

  it('should draw the RSTs that answer in-flight data after an abort', () => {
    const layout = layoutOf('rst-abort')
    const resets = layout.arrows.filter((a) => a.classes.includes('abort'))
    expect(resets.map((a) => a.kind)).toEqual(['rst', 'rst-after-close', 'rst-after-close'])
    expect(resets.filter((a) => a.classes.includes('rst-in-flight'))).toHaveLength(2)
    const { later, earlier } = crossingPair('rst-abort', 'data')
    expect(cross(arrowOfFrame(layout, earlier), arrowOfFrame(layout, later))).toBe(true)
    expect(layout.phases.map((p) => p.phase)).toEqual(['three-way-handshake', 'data-transfer', 'reset'])
  })

  it('should mark data on the third segment and TCP Fast Open', () => {
    expect(layoutOf('data-on-third').arrows[2]!.classes).toEqual(expect.arrayContaining(['handshake', 'data-on-third']))
    expect(layoutOf('fast-open').arrows[0]!.classes).toContain('fast-open')
  })

  it('should mark keep-alives and compress the idle time between them, labelled', () => {
    const layout = layoutOf('keep-alive')
    expect(layout.arrows.filter((a) => a.classes.includes('keep-alive'))).toHaveLength(4)
    expect(layout.arrows.filter((a) => a.tag === 'keep-alive')).toHaveLength(4)
    expect(layout.gaps.map((g) => Math.round(g.seconds))).toEqual([75, 75])
    expect(layout.height).toBeLessThan(50 * layout.metrics.row)
  })

  it('should mark data flowing one way after a FIN as a half-close', () => {
    const layout = layoutOf('half-close')
    expect(layout.arrows.filter((a) => a.classes.includes('half-close')).map((a) => a.from)).toEqual(['server', 'server', 'server'])
  })

  it('should break the top of a connection whose start was not captured, its first states UNKNOWN', () => {
    const layout = layoutOf('mid-stream')
    expect(layout.startBreak).not.toBeNull()
    expect(layout.startBreak!).toBeLessThan(layout.arrows[0]!.y1)
    const first = layout.states.filter((s) => s.reveal.index < 0)
    expect(first.map((s) => [s.role, s.state])).toEqual([
      ['client', 'UNKNOWN'],
      ['server', 'UNKNOWN'],
    ])
    expect(layout.lifelines.client.guessed).toBe(true)
    expect(layoutOf('four-way-close').startBreak).toBeNull()
  })

  it('should carry the payload summary of readable text', () => {
    const payloads = layoutOf('http').arrows.map((a) => a.payload).filter(Boolean)
    expect(payloads).toEqual(['GET /index.html', expect.stringContaining('200 OK')])
  })
})

describe('diagram/sequence-layout: the data phase', () => {
  it('should collapse a long data phase into one block, so the download reads handshake → data → teardown', () => {
    const layout = layoutOf('download')
    const steps = narrative('download').steps
    expect(layout.blocks).toHaveLength(1)
    const [block] = layout.blocks
    expect(block!.collapsed).toBe(true)
    expect(block!.segments).toBe(block!.lastIndex - block!.firstIndex + 1)
    expect(block!.bytes.server).toBe(10_000 * 1448)
    expect(block!.retransmissions).toBe(0)
    expect(layout.arrows.map((a) => a.steps)).toEqual([[1], [2], [3], [1], [2], [3], [4]])
    expect(layout.arrowOfStep[block!.firstIndex]).toBe(-1)
    expect(layout.blockOfStep[block!.firstIndex]).toBe(0)
    expect(layout.arrows[2]!.y2).toBeLessThan(block!.y1)
    expect(layout.arrows[3]!.y1).toBeGreaterThan(block!.y2)
    expect(layout.phases.map((p) => p.phase)).toEqual(['three-way-handshake', 'data-transfer', 'four-way-teardown'])
    expect(steps.length).toBeGreaterThan(15_000)
  })

  it('should draw every segment of a long data phase when expanded, laying 15,000 steps out in one pass', () => {
    const steps = narrative('download').steps
    const layout = layoutSequence(narrative('download'), { ...TIME, dataExpanded: true })
    expect(layout.arrows).toHaveLength(steps.length)
    expect(layout.blocks[0]!.collapsed).toBe(false)
    expect(layout.blocks[0]!.y2).toBeGreaterThan(layout.blocks[0]!.y1)
    expect(layout.arrowOfStep.every((a, i) => layout.arrows[a]!.index === i)).toBe(true)
    expect(layoutSequence(narrative('download'), { ...COMPACT, dataExpanded: true }).arrows).toHaveLength(steps.length)
  })

  it('should keep a bulk transfer readable in compact spacing: each data arrow spans a few rows, not the whole window in flight', () => {
    const expanded = { dataExpanded: true }
    const rows = (layout: SequenceLayout) => layout.arrows.filter((a) => narrative('download').steps[a.index]!.phase === 'data').map((a) => Math.abs(a.y2 - a.y1) / layout.metrics.row)
    const compact = rows(layoutSequence(narrative('download'), { ...COMPACT, ...expanded })).sort((a, b) => a - b)
    // A flight lasts two typical gaps: the next segment's and the delayed ACKs' events, a few rows.
    expect(compact[Math.floor(compact.length * 0.99)]).toBeLessThanOrEqual(6 + 1e-6)
    expect(compact.at(-1)).toBeLessThanOrEqual(8 + 1e-6)
    // Proportional spacing keeps the truth: about 240 segments left while one was in flight.
    const time = rows(layoutSequence(narrative('download'), { ...TIME, ...expanded }))
    expect(time.sort((a, b) => a - b)[time.length >> 1]).toBeGreaterThan(100)
    // Only a long data phase has its delays scaled, and the capture point stays where it was.
    const fourWay = narrative('four-way-close')
    const fourWayDelays = flightDelays(fourWay.steps, fourWay.connection)
    expect(compactDelays(fourWayDelays, fourWay.steps, COLLAPSE_ABOVE)).toEqual(fourWayDelays)
    const download = narrative('download')
    const delays = flightDelays(download.steps, download.connection)
    const scaled = compactDelays(delays, download.steps, COLLAPSE_ABOVE)
    expect(scaled.client + scaled.server).toBeLessThan((delays.client + delays.server) / 10)
    expect(scaled.client / (scaled.client + scaled.server)).toBeCloseTo(delays.client / (delays.client + delays.server), 9)
  })

  it('should leave a short data phase drawn segment by segment', () => {
    const layout = layoutOf('http')
    expect(layout.blocks).toEqual([])
    expect(layout.arrows).toHaveLength(narrative('http').steps.length)
  })

  it('should collapse above a threshold the caller may choose', () => {
    expect(layoutSequence(narrative('http'), { ...TIME, collapseAbove: 2 }).blocks).toHaveLength(1)
  })
})

describe('diagram/sequence-layout: slant and spacing', () => {
  it('should slant every arrow: arrival below departure', () => {
    for (const name of SCENARIOS) {
      for (const options of [TIME, COMPACT]) {
        for (const arrow of layoutOf(name, options).arrows) expect(arrow.y2, `${name} frame ${arrow.frame}`).toBeGreaterThan(arrow.y1)
      }
    }
  })

  it('should take the delays from the handshake, and place the capture line between the hosts in proportion', () => {
    for (const name of ['four-way-close', 'near-server'] as const) {
      const steps = narrative(name).steps
      const [t1, t2, t3] = steps.slice(0, 3).map((s) => s.time) as [number, number, number]
      const layout = layoutOf(name)
      expect(layout.delays.source).toBe('handshake')
      expect(layout.delays.server).toBeCloseTo((t2 - t1) / 2, 9)
      expect(layout.delays.client).toBeCloseTo((t3 - t2) / 2, 9)
      const { client, server } = layout.lifelines
      expect((layout.captureX - client.x) / (server.x - client.x)).toBeCloseTo(layout.delays.client / (layout.delays.client + layout.delays.server), 6)
    }
    const { client, server } = layoutOf('four-way-close').lifelines
    const middle = (client.x + server.x) / 2
    expect(layoutOf('four-way-close').captureX).toBeLessThan(middle)
    expect(layoutOf('near-server').captureX).toBeGreaterThan(middle)
  })

  it('should slope a client → server arrow by the delays: it meets the capture line at its capture time', () => {
    for (const name of ['four-way-close', 'near-server'] as const) {
      const layout = layoutOf(name)
      const syn = layout.arrows[0]!
      const scale = layout.pixelsPerSecond!
      expect(syn.y2 - syn.y1).toBeCloseTo((layout.delays.client + layout.delays.server) * scale, 6)
      const share = (layout.captureX - syn.x1) / (syn.x2 - syn.x1)
      expect(syn.y1 + (syn.y2 - syn.y1) * share - syn.y1).toBeCloseTo(layout.delays.client * scale, 6)
    }
  })

  it('should fall back on the iRTT split evenly, else a small default slant', () => {
    const open = layoutOf('simultaneous-open')
    expect(open.delays).toMatchObject({ source: 'irtt', client: narrative('simultaneous-open').connection.irtt! / 4 })
    expect(layoutOf('syn-retries').delays).toEqual({ client: 0, server: 0, source: 'default' })
    expect(layoutOf('syn-retries').arrows[0]!.y2 - layoutOf('syn-retries').arrows[0]!.y1).toBeGreaterThanOrEqual(layoutOf('syn-retries').metrics.minDrop)
  })

  for (const options of [COMPACT, TIME]) {
    it(`should draw every answer leaving after what it acknowledges arrived (${options.spacing} spacing)`, () => {
      for (const name of [...SCENARIOS, 'http', 'loopback'] as const) {
        const told = narrative(name)
        const layout = layoutOf(name, options)
        const byFrame = new Map(layout.arrows.map((a) => [a.frame, a]))
        for (const step of told.steps) {
          const cause = step.ackOf === undefined ? undefined : told.steps.find((s) => s.frame === step.ackOf)
          if (!cause || cause.from === step.from || step.phase === 'open' || step.marks.some((m) => m.code === 'crossed')) continue
          const [answer, answered] = [byFrame.get(step.frame), byFrame.get(cause.frame)]
          if (answer && answered) expect(answer.y1, `${name}: frame ${step.frame} answers frame ${cause.frame}`).toBeGreaterThanOrEqual(answered.y2)
        }
      }
    })

    it(`should keep the events in time order (${options.spacing} spacing)`, () => {
      for (const name of SCENARIOS) {
        const events = layoutOf(name, options)
          .arrows.flatMap((a) => [
            { time: a.depart, y: a.y1 },
            { time: a.arrive, y: a.y2 },
          ])
          .sort((a, b) => a.time - b.time || a.y - b.y)
        for (let k = 1; k < events.length; k++) {
          const [before, after] = [events[k - 1]!, events[k]!]
          if (after.time > before.time) expect(after.y, name).toBeGreaterThanOrEqual(before.y)
        }
      }
    })
  }

  it('should give every event its own evenly spaced row in compact spacing', () => {
    const layout = layoutOf('four-way-close', COMPACT)
    const ys = [...new Set(layout.arrows.flatMap((a) => [a.y1, a.y2]))].sort((a, b) => a - b)
    const steps = ys.slice(1).map((y, i) => y - ys[i]!)
    for (const step of steps) expect(step).toBeCloseTo(layout.metrics.row, 6)
  })

  it('should leave a row between two departures from the same side, for their labels', () => {
    for (const name of SCENARIOS) {
      for (const options of [TIME, COMPACT]) {
        const layout = layoutOf(name, options)
        for (const role of ['client', 'server'] as const) {
          const ys = layout.arrows.filter((a) => a.from === role).map((a) => a.y1).sort((a, b) => a - b)
          for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual(layout.metrics.row - 1e-6)
        }
      }
    }
  })

  it('should keep the arrows’ labels from covering one another', () => {
    for (const name of [...SCENARIOS, 'http'] as const) {
      for (const options of [TIME, COMPACT]) {
        const layout = layoutOf(name, options)
        const areas = layout.arrows.map((a) => labelAreaOf(a, layout.metrics))
        for (let i = 0; i < areas.length; i++)
          for (let j = i + 1; j < areas.length; j++) expect(labelsOverlap(areas[i]!, areas[j]!), `${name} ${options.spacing}: frames ${layout.arrows[i]!.frame} and ${layout.arrows[j]!.frame}`).toBe(false)
      }
    }
  })

  it('should keep each label between the lifelines', () => {
    for (const name of SCENARIOS) {
      const layout = layoutOf(name)
      for (const arrow of layout.arrows) {
        for (const corner of labelAreaOf(arrow, layout.metrics)) {
          expect(corner.x).toBeGreaterThan(layout.lifelines.client.x)
          expect(corner.x).toBeLessThan(layout.lifelines.server.x)
        }
      }
    }
  })

  it('should scale every size with the rem (the Projector font size)', () => {
    const normal = layoutSequence(narrative('four-way-close'), { ...TIME, rem: 13 })
    const projector = layoutSequence(narrative('four-way-close'), { ...TIME, rem: 26 })
    expect(projector.width).toBeCloseTo(2 * normal.width, 6)
    expect(projector.height).toBeCloseTo(2 * normal.height, 6)
  })
})

describe('diagram/sequence-layout: state boxes', () => {
  it('should give every state change a box on its own lifeline, where its segment is sent or arrives', () => {
    for (const name of SCENARIOS) {
      const layout = layoutOf(name)
      const steps = narrative(name).steps
      const changes = steps.flatMap((s) => s.changes)
      const boxes = layout.states.filter((b) => b.reveal.index >= 0)
      expect(boxes, name).toHaveLength(changes.length)
      for (const box of boxes) {
        const lifeline = layout.lifelines[box.role]
        expect(box.anchorX).toBe(lifeline.x)
        if (box.role === 'client') expect(box.x + box.width / 2).toBeLessThan(lifeline.x)
        else expect(box.x - box.width / 2).toBeGreaterThan(lifeline.x)
        const step = steps[box.reveal.index]!
        const arrow = layout.arrows[layout.arrowOfStep[box.reveal.index]!]
        if (!arrow || box.reason === 'syns-crossed' || box.reason === 'fins-crossed' || box.reason === 'mid-stream') continue
        expect(box.anchorY, `${name} frame ${step.frame} ${box.reason}`).toBe(box.role === step.from ? arrow.y1 : arrow.y2)
        expect(box.reveal.at).toBe(box.role === step.from ? 'departure' : 'arrival')
      }
    }
  })

  it('should tell the classic states in order on each side', () => {
    const layout = layoutOf('four-way-close')
    const side = (role: 'client' | 'server'): string[] =>
      layout.states
        .filter((s) => s.role === role)
        .sort((a, b) => a.y - b.y)
        .map((s) => s.state)
    expect(side('client')).toEqual(['CLOSED', 'SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT'])
    expect(side('server')).toEqual(['LISTEN', 'SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED'])
  })

  it('should show CLOSING in a simultaneous close', () => {
    const states = layoutOf('simultaneous-close').states
    expect(states.filter((s) => s.state === 'CLOSING').map((s) => s.role).sort()).toEqual(['client', 'server'])
  })

  it('should stack boxes on one lifeline so none covers another', () => {
    for (const name of SCENARIOS) {
      const layout = layoutOf(name, COMPACT)
      for (const role of ['client', 'server'] as const) {
        const boxes = layout.states.filter((s) => s.role === role).sort((a, b) => a.y - b.y)
        for (let k = 1; k < boxes.length; k++) expect(boxes[k]!.y - boxes[k - 1]!.y).toBeGreaterThanOrEqual(boxes[k]!.height)
      }
    }
  })
})
