// One pass over a capture, in file order: decodes each frame with what only the order of frames
// can tell (time since the first and the previous frame, UDP conversation numbers and times,
// ICMP echo replies matched to their requests, ARP's address bindings, and every TCP segment
// through the TCP engine). The CLI and the session run it the same way.
import type { CaptureInfo, RawFrame } from '../capture/source'
import type { DecodeContext } from './dissection'
import type { Timestamp } from './field'
import { decodeFrame, type DecodedFrame } from './frame'
import { timeDiff } from './time'
import { TcpTracker } from '../tcp/tracker'
import { IpReassembly, type ReassemblyLimits } from './reassembly'
import { createOrderHooks, interfaceContext, showsInterface } from './order-hooks'

export interface DecodePassOptions {
  /**
   * Reassemble fragmented IPv4 and IPv6 datagrams, as Wireshark does by default (ip.defragment,
   * ipv6.defragment): the frame that completes a datagram decodes its transport layer from the
   * reassembled bytes, and the TCP engine sees the whole segment. Default true; false decodes
   * each fragment as captured (tshark -o ip.defragment:FALSE -o ipv6.defragment:FALSE).
   */
  reassembleIp?: boolean
  /** Bounds of the reassembly table (defaults: DEFAULT_REASSEMBLY_LIMITS). */
  reassemblyLimits?: Partial<ReassemblyLimits>
}

export class DecodePass {
  private first?: Timestamp
  private previous?: Timestamp
  private readonly context: DecodeContext
  /** The TCP engine this pass feeds, segment by segment. */
  readonly tcp = new TcpTracker()

  /** The IP reassembly table (absent when reassembly is off). */
  readonly reassembly?: IpReassembly

  constructor(
    private readonly info: CaptureInfo,
    options: DecodePassOptions = {},
  ) {
    if (options.reassembleIp ?? true) this.reassembly = new IpReassembly(options.reassemblyLimits)
    this.context = {
      reassembly: this.reassembly,
      tcp: (segment) => this.tcp.track(segment),
      showInterface: showsInterface(info),
      ...createOrderHooks(),
    }
  }

  /** Decodes the next frame of the capture (frames must come in file order). */
  decode(raw: RawFrame): DecodedFrame {
    if (raw.noTimestamp) {
      this.context.timeRelative = undefined
      this.context.timeDelta = undefined
    } else {
      const time = { sec: raw.tsSec, nsec: raw.tsNsec }
      this.first ??= time
      this.context.timeRelative = timeDiff(time, this.first)
      this.context.timeDelta = timeDiff(time, this.previous ?? time)
      this.previous = time
    }
    Object.assign(this.context, interfaceContext(this.info, raw.interfaceId))
    return decodeFrame(raw, this.context)
  }
}
