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
  private readonly udpStreams = new Map<string, number>()
  /** Echo requests waiting for their reply, by matching key (Wireshark's unmatched transactions). */
  private readonly echoRequests = new Map<string, { frame: number; time: Timestamp; answered: boolean }>()
  /** First and latest frame time of each UDP stream, by stream number. */
  private readonly udpTimes: Array<{ first: Timestamp; previous: Timestamp }> = []
  /** ARP: where each IPv4 address was last seen (MAC, frame, seconds), for duplicate detection. */
  private readonly arpBindings = new Map<string, { mac: string; frame: number; sec: number }>()
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
      showInterface: info.format === 'pcapng',
      udpStream: (key) => {
        let stream = this.udpStreams.get(key)
        if (stream === undefined) {
          stream = this.udpStreams.size
          this.udpStreams.set(key, stream)
        }
        return stream
      },
      echoMatch: (key, isRequest, frame, time) => this.matchEcho(key, isRequest, frame, time),
      udpTimes: (stream, time) => {
        const times = this.udpTimes[stream]
        if (!times) {
          this.udpTimes[stream] = { first: time, previous: time }
          return { first: time, previous: time }
        }
        const result = { first: times.first, previous: times.previous }
        times.previous = time
        return result
      },
      arpBinding: (ip, mac, frame, sec) => {
        // As Wireshark's ARP: the same MAC refreshes the entry, another one is reported and
        // leaves the entry as it was.
        const known = this.arpBindings.get(ip)
        if (!known) {
          this.arpBindings.set(ip, { mac, frame, sec })
          return undefined
        }
        if (frame <= known.frame) return undefined
        if (known.mac === mac) {
          known.frame = frame
          known.sec = sec
          return undefined
        }
        return { ...known }
      },
    }
  }

  /**
   * As Wireshark's ICMP/ICMPv6 transactions: a later request with the same key replaces the
   * earlier one, and only the first reply to a request is matched with it.
   */
  private matchEcho(key: string, isRequest: boolean, frame: number, time: Timestamp): { frame: number; time: Timestamp } | undefined {
    if (isRequest) {
      this.echoRequests.set(key, { frame, time, answered: false })
      return undefined
    }
    const request = this.echoRequests.get(key)
    if (!request || request.answered) return undefined
    request.answered = true
    return { frame: request.frame, time: request.time }
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
    const iface = this.info.interfaces[raw.interfaceId]
    this.context.interfaceName = iface?.name
    this.context.sectionInterfaceId = iface ? this.sectionLocalId(iface.id, iface.section) : raw.interfaceId
    return decodeFrame(raw, this.context)
  }

  /** Wireshark numbers interfaces within their section (frame.interface_id restarts at 0). */
  private sectionLocalId(id: number, section: number): number {
    let local = 0
    for (const other of this.info.interfaces) {
      if (other.id === id) break
      if (other.section === section) local++
    }
    return local
  }
}
