// Decoding one frame on demand, out of order, exactly as the full pass (DecodePass) decodes it in
// file order: its record is read again by file offset, and every hook of the decode context that
// depends on the frames before it answers from what the session's pass kept:
//   time since the first / previous frame   the packet index's timestamps
//   the TCP engine                          TcpColumns (the analysis the tracker gave it)
//   UDP streams, echo matches, ARP, IP reassembly   the HookTape; a frame that completes a
//                                           fragmented datagram gets its other fragments re-read
//                                           and fed to a fresh reassembly table first
import type { FrameAccess } from '../capture/access'
import type { RawFrame } from '../capture/source'
import { HeaderWalk, walkHeaders } from '../decode/headers'
import type { DecodeContext } from '../decode/dissection'
import type { Timestamp } from '../decode/field'
import { decodeFrame, type DecodedFrame } from '../decode/frame'
import { interfaceContext, showsInterface } from '../decode/order-hooks'
import { IpReassembly } from '../decode/reassembly'
import { timeDiff } from '../decode/time'
import type { CaptureIndexer } from './capture-indexer'
import { TapeMismatch } from './hook-tape'
import { previousFrameTime } from './tcp-columns'
import type { TcpFrameAnalysis } from '../tcp/result'
import type { TcpSegment } from '../tcp/segment'

export class FrameDecoder {
  constructor(
    private readonly indexer: CaptureIndexer,
    private readonly access: () => Promise<FrameAccess>,
  ) {}

  /** The record of an indexed frame, read again from the file. */
  async raw(frame: number): Promise<RawFrame> {
    const index = this.indexer.index
    if (!Number.isInteger(frame) || frame < 1 || frame > index.length) throw new RangeError(`frame ${frame} is not in the capture (1 … ${index.length})`)
    return (await this.access()).read(index.fileOffset[frame - 1]!, frame)
  }

  /**
   * One indexed frame, decoded as the full pass decoded it. `onSegment` sees the TCP segment the
   * decoder hands the engine and the analysis it gets back (to replay a connection's steps).
   */
  async decode(frame: number, onSegment?: (segment: TcpSegment, analysis: TcpFrameAnalysis) => void): Promise<DecodedFrame> {
    return this.decodeRecord(await this.raw(frame), onSegment)
  }

  /**
   * An indexed frame's record, read by the caller (e.g. streaming the file again), decoded as the
   * full pass decoded it; `raw.no` says which frame it is.
   */
  async decodeRecord(raw: RawFrame, onSegment?: (segment: TcpSegment, analysis: TcpFrameAnalysis) => void): Promise<DecodedFrame> {
    const frame = raw.no
    const fragments = this.indexer.tape.reassembledFrom(frame)?.filter((f) => f !== frame) ?? []
    let reassembly: IpReassembly | undefined
    if (fragments.length) {
      reassembly = new IpReassembly()
      const walk = new HeaderWalk(reassembly)
      for (const f of fragments.sort((a, b) => a - b)) {
        const fragment = await this.raw(f)
        walkHeaders(fragment.bytes, fragment.origLen, fragment.linkType, walk, f)
      }
    }
    return decodeFrame(raw, this.context(raw, reassembly, onSegment))
  }

  /** Several frames (a page of the list), read concurrently. */
  decodeMany(frames: readonly number[]): Promise<DecodedFrame[]> {
    return Promise.all(frames.map((frame) => this.decode(frame)))
  }

  /** The decode context of one frame: the same shape for every frame, nothing made that is not used. */
  private context(raw: RawFrame, reassembly: IpReassembly | undefined, onSegment?: (segment: TcpSegment, analysis: TcpFrameAnalysis) => void): DecodeContext {
    const { index, tcp, tape, tracker, info } = this.indexer
    const frame = raw.no
    const replay = tape.replaying(frame, reassembly)
    const iface = interfaceContext(info, raw.interfaceId)
    const times = this.times(raw)
    return {
      get reassembly() {
        return replay.reassembly
      },
      udpStream: replay.udpStream,
      udpTimes: replay.udpTimes,
      echoMatch: replay.echoMatch,
      arpBinding: replay.arpBinding,
      showInterface: showsInterface(info),
      interfaceName: iface.interfaceName,
      sectionInterfaceId: iface.sectionInterfaceId,
      timeRelative: times.timeRelative,
      timeDelta: times.timeDelta,
      tcp: (segment) => {
        const stream = index.stream[frame - 1]!
        if (stream < 0) throw new TapeMismatch(frame, 'a TCP analysis')
        const analysis = tcp.analysis(frame, index, tracker.conversations[stream]!)
        onSegment?.(segment, analysis)
        return analysis
      },
    }
  }

  /** frame.time_relative and frame.time_delta of a frame, as DecodePass gives them (none without a time). */
  times(raw: RawFrame): { timeRelative?: Timestamp; timeDelta?: Timestamp } {
    if (raw.noTimestamp) return {}
    const now = { sec: raw.tsSec, nsec: raw.tsNsec }
    return { timeRelative: timeDiff(now, this.indexer.firstTime ?? now), timeDelta: timeDiff(now, previousFrameTime(this.indexer.index, raw.no) ?? now) }
  }
}
