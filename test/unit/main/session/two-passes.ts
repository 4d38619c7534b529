// Test helpers: run a capture through the full decoder (DecodePass) and through the fast index
// pass (IndexPass), recording, as plain data, every segment handed to the TCP tracker and what
// the tracker said about it, so the two runs can be compared with toEqual.
import { openCaptureBytes, type CaptureReader } from '../../../../main/capture/open'
import { CaptureError, type CaptureInfo, type RawFrame } from '../../../../main/capture/source'
import { DecodePass } from '../../../../main/decode/pass'
import { indexCapture, IndexPass } from '../../../../main/session/index-pass'
import type { PacketIndex } from '../../../../main/session/packet-index'
import type { TcpFrameAnalysis } from '../../../../main/tcp/result'
import type { TcpSegment } from '../../../../main/tcp/segment'
import type { TcpTracker } from '../../../../main/tcp/tracker'

/** A segment as plain data (the pass may reuse the object; its addresses may be a view). */
export function segmentData(seg: TcpSegment): object {
  const o = seg.options
  return {
    frame: seg.frame,
    sec: seg.sec,
    nsec: seg.nsec,
    src: seg.src,
    dst: seg.dst,
    addresses: Buffer.from(seg.addresses).toString('hex'),
    srcPort: seg.srcPort,
    dstPort: seg.dstPort,
    seq: seg.seq,
    ack: seg.ack,
    flags: seg.flags,
    window: seg.window,
    headerLength: seg.headerLength,
    length: seg.length,
    options: { wsShift: o.wsShift, sack: [...o.sack], tfo: o.tfo, mss: o.mss, sackPermitted: o.sackPermitted, timestamps: o.timestamps },
  }
}

/** Every field of an analysis as plain data; the conversation by its stream and endpoints. */
export function analysisData(a: TcpFrameAnalysis): object {
  const time = (t: { sec: number; nsec: number } | undefined) => (t ? { sec: t.sec, nsec: t.nsec } : undefined)
  const { conversation, timeRelative, timeDelta, ackRtt, initialRtt, rto, ...numbers } = a
  return {
    ...numbers,
    conversation: { stream: conversation.stream, endpoints: conversation.endpoints.map((e) => `${e.address} ${e.port}`) },
    timeRelative: time(timeRelative),
    timeDelta: time(timeDelta),
    ackRtt: time(ackRtt),
    initialRtt: time(initialRtt),
    rto: time(rto),
  }
}

/** The tracker's conversations at the end, as plain data. */
export function conversationsData(tracker: TcpTracker): object[] {
  return tracker.conversations.map((c) => ({
    stream: c.stream,
    endpoints: c.endpoints.map((e) => `${e.address} ${e.port}`),
    completeness: c.completeness,
    firstTime: { ...c.firstTime },
    prevTime: { ...c.prevTime },
    initialRtt: c.initialRtt && { ...c.initialRtt },
  }))
}

/** What the full decoder said about one frame, for comparing with its index row. */
export interface DecodedSummary {
  raw: Omit<RawFrame, 'bytes'>
  stream: number
  tcpFlags?: number
  ipVersion?: 4 | 6
  /** The frame's own TCP header was read (not one quoted by ICMP). */
  tcpHeader: boolean
  analysis?: { seq: number; ack: number; window: number; relative: boolean; flags: number }
  segmentLength?: number
}

export interface PassRun {
  /** One entry per segment, in the order the tracker saw them. */
  segments: object[]
  analyses: object[]
  conversations: object[]
  /** The CaptureError that ended the read, as "code: message". */
  error?: string
}

/** Options both passes take: IP reassembly is on unless `reassembleIp` is false. */
export interface PassOptions {
  reassembleIp?: boolean
}

/** A CaptureError as a run records it. */
const errorText = (error: CaptureError) => `${error.code}: ${error.message}`

/** The reader of a capture's bytes, or the run's error when they are not a capture. */
async function openOrFail(bytes: Uint8Array): Promise<CaptureReader | string> {
  try {
    return await openCaptureBytes(bytes)
  } catch (error) {
    if (error instanceof CaptureError) return errorText(error)
    throw error
  }
}

type SegmentHook = (seg: TcpSegment, analysis: TcpFrameAnalysis) => void

/** A full decoder whose tracker tells `onSegment` every segment and its analysis, as IndexPass's hook does. */
function decodePassTelling(info: CaptureInfo, options: PassOptions, onSegment: SegmentHook): DecodePass {
  const pass = new DecodePass(info, options)
  const track = pass.tcp.track.bind(pass.tcp)
  pass.tcp.track = (seg, reuse) => {
    const analysis = track(seg, reuse)
    onSegment(seg, analysis)
    return analysis
  }
  return pass
}

/** The full decoder over a capture's bytes. */
export async function runDecodePass(bytes: Uint8Array, options: PassOptions = {}): Promise<PassRun & { frames: DecodedSummary[] }> {
  const run: PassRun & { frames: DecodedSummary[] } = { segments: [], analyses: [], conversations: [], frames: [] }
  const reader = await openOrFail(bytes)
  if (typeof reader === 'string') return { ...run, error: reader }
  let lastLength: number | undefined
  const pass = decodePassTelling(reader.info, options, (seg, analysis) => {
    run.segments.push(segmentData(seg))
    run.analyses.push(analysisData(analysis))
    lastLength = seg.length
  })
  try {
    for await (const batch of reader.batches()) {
      for (const raw of batch) {
        lastLength = undefined
        const frame = pass.decode(raw)
        const a = frame.tcpAnalysis
        const { bytes: _bytes, ...rawData } = raw
        run.frames.push({
          raw: rawData,
          stream: a ? a.stream : -1,
          tcpFlags: frame.tcp?.flags,
          ipVersion: frame.network?.version,
          tcpHeader: frame.tcp !== undefined,
          analysis: a && { seq: a.seq, ack: a.ack, window: a.window, relative: a.relative, flags: a.flags },
          segmentLength: lastLength,
        })
      }
    }
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error
    run.error = errorText(error)
  } finally {
    await reader.close()
  }
  run.conversations = conversationsData(pass.tcp)
  return run
}

/** The fast pass over a capture's bytes, through indexCapture as the CLI and the app run it. */
export async function runIndexPass(bytes: Uint8Array, options: PassOptions = {}): Promise<PassRun & { index?: PacketIndex }> {
  const run: PassRun & { index?: PacketIndex } = { segments: [], analyses: [], conversations: [] }
  const reader = await openOrFail(bytes)
  if (typeof reader === 'string') return { ...run, error: reader }
  try {
    const result = await indexCapture(reader, {
      reassembleIp: options.reassembleIp,
      onSegment(seg, analysis) {
        run.segments.push(segmentData(seg))
        run.analyses.push(analysisData(analysis))
      },
    })
    run.index = result.index
    run.conversations = conversationsData(result.tracker)
    if (result.error) run.error = errorText(result.error)
  } finally {
    await reader.close()
  }
  return run
}

const ONE_INTERFACE = (linkType: number): CaptureInfo => ({
  format: 'pcap',
  gzip: false,
  sections: [],
  interfaces: [{ id: 0, section: 0, linkType, snapLen: 0, tsResolution: { base: 10, exponent: 6 }, tsOffset: 0 }],
  names: [],
})

/** A segment and its analysis as plain data, as both passes' hooks record them. */
const segmentWithAnalysis = (seg: TcpSegment, analysis: TcpFrameAnalysis) => ({ segment: segmentData(seg), analysis: analysisData(analysis) })

/** One frame through each pass on its own: the segment each hands the tracker, if any. */
export function segmentOfOneFrame(raw: RawFrame): { decoded?: object; indexed?: object } {
  const out: { decoded?: object; indexed?: object } = {}
  decodePassTelling(ONE_INTERFACE(raw.linkType), {}, (seg, analysis) => (out.decoded = segmentWithAnalysis(seg, analysis))).decode(raw)
  new IndexPass((seg, analysis) => (out.indexed = segmentWithAnalysis(seg, analysis))).add(raw)
  return out
}

/**
 * Frames through each pass in turn (renumbered 1, 2, …; one link type), as one capture: the
 * segments and analyses each hands the tracker. For what spans frames (IP reassembly).
 */
export function segmentsOfFrames(raws: RawFrame[], options: PassOptions = {}): { decoded: object[]; indexed: object[] } {
  const out: { decoded: object[]; indexed: object[] } = { decoded: [], indexed: [] }
  if (raws.length === 0) return out
  const pass = decodePassTelling(ONE_INTERFACE(raws[0]!.linkType), options, (seg, analysis) => out.decoded.push(segmentWithAnalysis(seg, analysis)))
  const index = new IndexPass((seg, analysis) => out.indexed.push(segmentWithAnalysis(seg, analysis)), true, options.reassembleIp ?? true)
  raws.forEach((raw, i) => {
    const frame = { ...raw, no: i + 1, linkType: raws[0]!.linkType }
    pass.decode(frame)
    index.add(frame)
  })
  return out
}
