// The session's one pass over a capture, frame by frame in file order: the fast index pass
// (packet index + TCP engine), the connection timelines (steps not recorded), and what a frame
// decoded alone later needs to come out exactly as in the full pass: the TCP analysis of every
// segment (TcpColumns) and, for the few frames that are not plain TCP segments, the answers of
// the order-dependent decode hooks (HookTape, from one full decode of each such frame now).
import type { CaptureInfo, RawFrame } from '../capture/source'
import type { DecodeContext } from '../decode/dissection'
import type { Timestamp } from '../decode/field'
import { decodeFrame } from '../decode/frame'
import { createOrderHooks, interfaceContext, showsInterface } from '../decode/order-hooks'
import type { TcpFrameAnalysis } from '../tcp/result'
import type { TcpSegment } from '../tcp/segment'
import { ConnectionTimelines } from '../tcp/steps'
import { ExpertMarks } from './expert-marks'
import { HookTape } from './hook-tape'
import { IndexPass } from './index-pass'
import { TcpColumns } from './tcp-columns'

export class CaptureIndexer {
  readonly tcp = new TcpColumns()
  readonly tape = new HookTape()
  readonly timelines = new ConnectionTimelines({ recordSteps: false })
  /** Which frames' expert items the TCP columns tell (the rest need a full decode). */
  readonly expertMarks = new ExpertMarks()
  /** The time of the first frame that has one (frame.time_relative counts from it). */
  firstTime?: Timestamp
  private readonly pass: IndexPass
  private readonly recordingContext: DecodeContext
  /** The analysis of the segment of the frame being added (the pass reuses the object), and its frame. */
  private analysis?: TcpFrameAnalysis
  private analysisFrame = 0

  constructor(readonly info: CaptureInfo) {
    this.pass = new IndexPass((seg, a) => this.onSegment(seg, a))
    this.recordingContext = {
      ...this.tape.recording(createOrderHooks()),
      reassembly: this.tape.recordingReassembly(),
      showInterface: showsInterface(info),
      tcp: (segment) => {
        if (!this.analysis || this.analysisFrame !== segment.frame) {
          throw new Error(`frame ${segment.frame}: the decoder found a TCP segment the index pass did not`)
        }
        return this.analysis
      },
    }
  }

  get index() {
    return this.pass.index
  }

  get tracker() {
    return this.pass.tracker
  }

  /** Frames added so far. */
  get frames(): number {
    return this.pass.frames
  }

  /** Adds the next frame (frames in file order, numbered from 1). */
  add(raw: RawFrame): void {
    this.analysis = undefined
    this.pass.add(raw)
    if (!raw.noTimestamp) this.firstTime ??= { sec: raw.tsSec, nsec: raw.tsNsec }
    const walk = this.pass.walk
    this.expertMarks.record(raw, walk, this.pass.options)
    // A plain TCP segment calls no order-dependent hook but the TCP engine's: nothing to record.
    if (walk.tcpAt >= 0 && walk.tcpBytes === undefined) return
    this.tape.begin(raw.no)
    Object.assign(this.recordingContext, interfaceContext(this.info, raw.interfaceId))
    decodeFrame(raw, this.recordingContext)
  }

  private onSegment(seg: TcpSegment, a: TcpFrameAnalysis): void {
    this.tcp.record(seg, a)
    this.timelines.observe(seg, a)
    this.analysis = a
    this.analysisFrame = seg.frame
  }
}
