// The display filter's view of one frame from the session's columns, with no decode: what the
// packet index, the TCP columns and the TCP engine's conversations already hold. It answers
//   on every frame         frame.number, frame.len, frame.cap_len, frame.time_epoch,
//                          frame.time_relative, frame.time_delta, and `frame` itself (presence)
//   on plain TCP segments  (expert-marks.ts: a whole segment in an IPv4 datagram without options
//                          or an IPv6 one without extension headers)
//                          tcp, ip, ipv6, udp, icmp, icmpv6, arp (presence); ip.src/dst/addr,
//                          ipv6.src/dst/addr; tcp.srcport/dstport/port, tcp.stream, tcp.len,
//                          tcp.seq, tcp.ack, tcp.flags and its bits, tcp.window_size; the TCP
//                          analysis: tcp.analysis, tcp.analysis.flags and every expert field the
//                          engine files (presence), tcp.analysis.acks_frame,
//                          tcp.analysis.duplicate_ack_num, tcp.analysis.bytes_in_flight,
//                          tcp.analysis.ack_rtt, tcp.time_relative, tcp.time_delta
// Anything else, or any of these on another frame, it cannot answer: it says so (`missed`), and
// the caller decodes that frame (frame-filter.ts). Each value is exactly what the decoded tree
// gives (main/filter/decoded-frame-fields.ts): test/unit/main/session/index-frame-fields.test.ts
// compares the two on every frame of every fixture and of the shared corpus.
import { parseIpv6 } from '../capture/address-text'
import { timeDiff } from '../decode/time'
import { ipv4Number, timeNanoseconds } from '../filter/representation'
import type { FilterField, FilterValue, FrameFields } from '../filter/types'
import { fileTcpExpertItems } from '../tcp/expert-items'
import type { TcpFrameAnalysis } from '../tcp/result'
import { EXPERT } from '../tcp/verdicts'
import type { CaptureIndexer } from './capture-indexer'
import { NET, NET_MASK } from '../decode/headers'
import { ROW_MARK } from './packet-index'
import { ColumnFacts } from './tcp-expert-items'
import { frameTime, previousFrameTime } from './tcp-columns'

/** Reads one field of the frame at `row` (frame − 1) into `out`; false: cannot tell for this row. */
type Reader = (row: number, out: FilterValue[]) => boolean

/** The TCP flag bits, by field name. */
const FLAG_BITS: Readonly<Record<string, number>> = {
  'tcp.flags.res': 0xe00,
  'tcp.flags.ae': 0x100,
  'tcp.flags.cwr': 0x080,
  'tcp.flags.ece': 0x040,
  'tcp.flags.urg': 0x020,
  'tcp.flags.ack': 0x010,
  'tcp.flags.push': 0x008,
  'tcp.flags.reset': 0x004,
  'tcp.flags.syn': 0x002,
  'tcp.flags.fin': 0x001,
}

/** The expert items the TCP engine files, each a field of its own name (presence only). */
const EXPERT_FIELD_NAMES: ReadonlySet<string> = new Set(Object.values(EXPERT).map((expert) => expert.name))

/** Protocols a plain TCP segment never has. */
const ABSENT_ON_PLAIN_TCP: ReadonlySet<string> = new Set(['udp', 'icmp', 'icmpv6', 'arp'])

/** Fields answered on every frame, values included. */
const FRAME_FIELDS: ReadonlySet<string> = new Set(['frame.number', 'frame.len', 'frame.cap_len', 'frame.time_epoch', 'frame.time_relative', 'frame.time_delta'])

/** Fields answered on plain TCP segments, values included. */
const TCP_VALUE_FIELDS: ReadonlySet<string> = new Set([
  'ip.src',
  'ip.dst',
  'ip.addr',
  'ipv6.src',
  'ipv6.dst',
  'ipv6.addr',
  'tcp.srcport',
  'tcp.dstport',
  'tcp.port',
  'tcp.stream',
  'tcp.len',
  'tcp.seq',
  'tcp.ack',
  'tcp.flags',
  'tcp.window_size',
  'tcp.analysis.acks_frame',
  'tcp.analysis.duplicate_ack_num',
  'tcp.analysis.bytes_in_flight',
  'tcp.analysis.ack_rtt',
  'tcp.time_relative',
  'tcp.time_delta',
  ...Object.keys(FLAG_BITS),
])

/** Fields answered on plain TCP segments when only their presence is asked. */
const TCP_PRESENCE_FIELDS: ReadonlySet<string> = new Set(['tcp', 'ip', 'ipv6', 'tcp.analysis', 'tcp.analysis.flags', ...ABSENT_ON_PLAIN_TCP, ...EXPERT_FIELD_NAMES])

/** Whether the index can answer `field` (on the frames it covers), so a filter on it needs no decode. */
export function isIndexedField(field: FilterField): boolean {
  const name = field.name
  if (FRAME_FIELDS.has(name) || TCP_VALUE_FIELDS.has(name)) return true
  return field.presenceOnly && (name === 'frame' || TCP_PRESENCE_FIELDS.has(name))
}

/** A stream's two endpoints as filter values: [address, port] of endpoint 0 and 1. */
interface StreamEnds {
  ipv6: boolean
  addresses: [FilterValue, FilterValue]
  ports: [number, number]
}

export class IndexFrameFields implements FrameFields {
  /** The frame being read, as its row (frame − 1). */
  row = 0
  /** Set when a field could not be told for this row: the frame must be decoded. Clear it per frame. */
  missed = false
  private readonly readers = new Map<FilterField, Reader>()
  private readonly out: FilterValue[] = []
  private readonly ends: Array<StreamEnds | undefined> = []
  private readonly facts: ColumnFacts
  private analysisRow = -1
  private analysisOfRow: TcpFrameAnalysis | undefined

  constructor(private readonly indexer: CaptureIndexer) {
    this.facts = new ColumnFacts(indexer)
  }

  values(field: FilterField): readonly FilterValue[] {
    let reader = this.readers.get(field)
    if (!reader) this.readers.set(field, (reader = this.reader(field)))
    const out = this.out
    out.length = 0
    if (reader(this.row, out)) return out
    this.missed = true
    out.length = 0
    return out
  }

  private reader(field: FilterField): Reader {
    const name = field.name
    if (FRAME_FIELDS.has(name)) return this.frameReader(name)
    if (name === 'frame' && field.presenceOnly) return (_row, out) => (out.push(null), true)
    if (TCP_VALUE_FIELDS.has(name) || (field.presenceOnly && TCP_PRESENCE_FIELDS.has(name))) {
      const read = this.tcpReader(name)
      const marks = this.indexer.expertMarks
      return (row, out) => marks.isPlain(row + 1) && (read(row, out), true)
    }
    return () => false
  }

  private frameReader(name: string): Reader {
    const index = this.indexer.index
    const timed = (row: number) => (index.kind[row]! & ROW_MARK.NO_TIMESTAMP) === 0
    switch (name) {
      case 'frame.number':
        return (row, out) => (out.push(row + 1), true)
      case 'frame.len':
        return (row, out) => (out.push(index.origLen[row]!), true)
      case 'frame.cap_len':
        return (row, out) => (out.push(index.capLen[row]!), true)
      case 'frame.time_epoch':
        return (row, out) => (timed(row) && out.push(timeNanoseconds(frameTime(index, row + 1))), true)
      case 'frame.time_relative':
        return (row, out) => (timed(row) && out.push(timeNanoseconds(timeDiff(frameTime(index, row + 1), this.indexer.firstTime!))), true)
      default: // frame.time_delta: since the latest frame before it that has a time (0 for the first)
        return (row, out) => {
          if (!timed(row)) return true
          const now = frameTime(index, row + 1)
          out.push(timeNanoseconds(timeDiff(now, previousFrameTime(index, row + 1) ?? now)))
          return true
        }
    }
  }

  /** A reader of a plain TCP segment's field (the caller has checked that the frame is one). */
  private tcpReader(name: string): (row: number, out: FilterValue[]) => void {
    const index = this.indexer.index
    const flagBit = FLAG_BITS[name]
    if (flagBit !== undefined) return (row, out) => void out.push(index.tcpFlags[row]! & flagBit ? 1 : 0)
    if (EXPERT_FIELD_NAMES.has(name)) return (row, out) => this.expertPresence(row, name, out)
    if (ABSENT_ON_PLAIN_TCP.has(name)) return () => undefined
    const ipv6 = (row: number) => (index.kind[row]! & NET_MASK) === NET.IPV6
    switch (name) {
      case 'tcp':
        return (_row, out) => void out.push(null)
      case 'ip':
        return (row, out) => void (ipv6(row) || out.push(null))
      case 'ipv6':
        return (row, out) => void (ipv6(row) && out.push(null))
      case 'ip.src':
      case 'ip.dst':
      case 'ip.addr':
      case 'ipv6.src':
      case 'ipv6.dst':
      case 'ipv6.addr': {
        const family6 = name.startsWith('ipv6')
        const which = name.endsWith('src') ? 'src' : name.endsWith('dst') ? 'dst' : 'both'
        return (row, out) => {
          const ends = this.streamEnds(row)
          if (ends.ipv6 !== family6) return
          const fromPeer = this.indexer.tcp.sentByPeer(row + 1) ? 1 : 0
          if (which !== 'dst') out.push(ends.addresses[fromPeer]!)
          if (which !== 'src') out.push(ends.addresses[1 - fromPeer]!)
        }
      }
      case 'tcp.srcport':
      case 'tcp.dstport':
      case 'tcp.port': {
        const which = name === 'tcp.srcport' ? 'src' : name === 'tcp.dstport' ? 'dst' : 'both'
        return (row, out) => {
          const ends = this.streamEnds(row)
          const fromPeer = this.indexer.tcp.sentByPeer(row + 1) ? 1 : 0
          if (which !== 'dst') out.push(ends.ports[fromPeer]!)
          if (which !== 'src') out.push(ends.ports[1 - fromPeer]!)
        }
      }
      case 'tcp.stream':
        return (row, out) => void out.push(index.stream[row]!)
      case 'tcp.len':
        return (row, out) => void out.push(index.payloadLength[row]!)
      case 'tcp.seq':
        return (row, out) => void out.push(index.seq[row]!)
      case 'tcp.ack':
        return (row, out) => void out.push(index.ack[row]!)
      case 'tcp.flags':
        return (row, out) => void out.push(index.tcpFlags[row]!)
      case 'tcp.window_size':
        return (row, out) => void out.push(index.window[row]!)
      case 'tcp.analysis':
        return (row, out) => void (this.indexer.tcp.analysed(row + 1) && out.push(null))
      case 'tcp.analysis.flags':
        return (row, out) => void (this.indexer.tcp.analysed(row + 1) && index.verdicts[row] && out.push(null))
      default:
        return this.analysisReader(name)
    }
  }

  /** The fields read from the analysis the tracker gave the frame (rebuilt from the columns). */
  private analysisReader(name: string): (row: number, out: FilterValue[]) => void {
    switch (name) {
      case 'tcp.analysis.acks_frame':
        return (row, out) => {
          const a = this.analysis(row)
          if (a.analysed && a.ackedFrame) out.push(a.ackedFrame)
        }
      case 'tcp.analysis.ack_rtt':
        return (row, out) => {
          const a = this.analysis(row)
          if (a.analysed && a.ackedFrame && a.ackRtt && (a.ackRtt.sec || a.ackRtt.nsec)) out.push(timeNanoseconds(a.ackRtt))
        }
      case 'tcp.analysis.bytes_in_flight':
        return (row, out) => {
          const a = this.analysis(row)
          if (a.analysed && a.bytesInFlight) out.push(a.bytesInFlight)
        }
      case 'tcp.analysis.duplicate_ack_num':
        return (row, out) => {
          const a = this.analysis(row)
          if (a.analysed && a.flags & 0x0010) out.push(a.dupAckNum)
        }
      case 'tcp.time_relative':
        return (row, out) => void out.push(timeNanoseconds(this.analysis(row).timeRelative))
      default: // tcp.time_delta
        return (row, out) => void out.push(timeNanoseconds(this.analysis(row).timeDelta))
    }
  }

  private expertPresence(row: number, name: string, out: FilterValue[]): void {
    const facts = this.facts
    facts.frame = row + 1
    let found = false
    fileTcpExpertItems(facts, (def) => {
      if (def.name === name) found = true
    })
    if (found) out.push(null)
  }

  /** The analysis of the frame at `row`, rebuilt once per row. */
  private analysis(row: number): TcpFrameAnalysis {
    if (this.analysisRow !== row || !this.analysisOfRow) {
      const { index, tcp, tracker } = this.indexer
      this.analysisOfRow = tcp.analysis(row + 1, index, tracker.conversations[index.stream[row]!]!)
      this.analysisRow = row
    }
    return this.analysisOfRow
  }

  /** The addresses and ports of the stream of the frame at `row`, made once per stream. */
  private streamEnds(row: number): StreamEnds {
    const stream = this.indexer.index.stream[row]!
    let ends = this.ends[stream]
    if (!ends) {
      const [a, b] = this.indexer.tracker.conversations[stream]!.endpoints
      const ipv6 = a.address.includes(':')
      ends = { ipv6, addresses: [addressValue(a.address, ipv6), addressValue(b.address, ipv6)], ports: [a.port, b.port] }
      this.ends[stream] = ends
    }
    return ends
  }
}

/** An address as the filter compares it: IPv4 as an unsigned 32-bit number, IPv6 as 16 bytes. */
function addressValue(text: string, ipv6: boolean): FilterValue {
  return ipv6 ? (parseIpv6(text) ?? new Uint8Array(16)) : ipv4Number(text)
}
