// decodeFrame(): one captured frame → its field tree, columns and expert items. It never
// throws: a frame that runs out of bytes is marked malformed or cut short where it happened,
// and everything before that point still shows.
import type { RawFrame } from '../capture/source'
import { Dissection, OutOfBounds, type ByteSource, type DecodeContext, type NetworkInfo } from './dissection'
import { defineFields, type ExpertItem, type Field, type Timestamp } from './field'
import { linkTypes } from './registry'
import type { TcpHeader } from './layers/tcp'
import type { TcpFrameAnalysis } from '../tcp/result'
import { decodeData } from './layers/data'
import './layers'

export interface DecodedFrame {
  raw: RawFrame
  /**
   * The bytes fields point into, by Field.source: [0] is the frame ({ name: 'Frame' }); a frame
   * that completes a fragmented IP datagram adds { name: 'Reassembled IPv4' | 'Reassembled IPv6' }
   * with the datagram's payload, which its transport layer was decoded from (Wireshark's second
   * hex tab).
   */
  sources: ByteSource[]
  /** Top-level nodes: frame, then one per protocol (and the malformed marker, if any). */
  tree: Field[]
  /** frame.protocols, as a list: ["eth", "ethertype", "ip", "tcp"]. */
  protocols: string[]
  expert: ExpertItem[]
  columns: { source: string; destination: string; protocol: string; info: string }
  /** The TCP header, when the frame carries one (outermost, not inside an ICMP error). */
  tcp?: TcpHeader
  /** What the TCP engine made of it, when the decode ran with one. */
  tcpAnalysis?: TcpFrameAnalysis
  /** Time since the capture's first frame (frame.time_relative), when the frame has a time. */
  timeRelative?: Timestamp
  network?: NetworkInfo
  stopped?: Dissection['stopped']
}

export const FRAME = defineFields({
  frame: { name: 'frame', title: 'Frame', type: 'protocol', short: 'Frame' },
  interfaceId: { name: 'frame.interface_id', title: 'Interface id', type: 'uint32', base: 'dec' },
  timeEpoch: { name: 'frame.time_epoch', title: 'Epoch Time', type: 'time' },
  timeDelta: { name: 'frame.time_delta', title: 'Time delta from previous captured frame', type: 'time' },
  timeRelative: { name: 'frame.time_relative', title: 'Time since reference or first frame', type: 'time' },
  number: { name: 'frame.number', title: 'Frame Number', type: 'uint32', base: 'dec' },
  len: { name: 'frame.len', title: 'Frame Length', type: 'uint32', base: 'dec', unit: ' bytes' },
  capLen: { name: 'frame.cap_len', title: 'Capture Length', type: 'uint32', base: 'dec', unit: ' bytes' },
  protocols: { name: 'frame.protocols', title: 'Protocols in frame', type: 'string' },
  comments: { name: 'pkt_comment', title: 'Packet comments', type: 'protocol', short: 'Comments' },
  comment: { name: 'frame.comment', title: 'Comment', type: 'string' },
})

export function decodeFrame(raw: RawFrame, context: DecodeContext = {}): DecodedFrame {
  const d = new Dissection(raw, context)
  const bits = (n: number) => `${n} bytes (${n * 8} bits)`
  // The frame's own nodes come first; they are not protocols of the packet (frame.protocols).
  if (raw.comments?.length) {
    const comments = d.attach(null, FRAME.comments, 0, 0, 'Packet comments')
    for (const comment of raw.comments) d.add(comments, FRAME.comment, 0, 0, comment).text = comment
  }
  const interfaceId = context.sectionInterfaceId ?? raw.interfaceId
  const iface = context.showInterface ? ` on interface ${context.interfaceName ?? interfaceId}, id ${interfaceId}` : ''
  const frame = d.attach(null, FRAME.frame, 0, raw.capLen, `Frame ${raw.no}: ${raw.origLen} bytes on wire (${raw.origLen * 8} bits), ${raw.capLen} bytes captured (${raw.capLen * 8} bits)${iface}`)
  if (context.showInterface) d.add(frame, FRAME.interfaceId, 0, 0, interfaceId)
  if (!raw.noTimestamp) d.add(frame, FRAME.timeEpoch, 0, 0, { sec: raw.tsSec, nsec: raw.tsNsec })
  if (context.timeDelta) d.generated(frame, FRAME.timeDelta, context.timeDelta)
  if (context.timeRelative) d.generated(frame, FRAME.timeRelative, context.timeRelative)
  d.add(frame, FRAME.number, 0, 0, raw.no)
  const lenField = d.add(frame, FRAME.len, 0, 0, raw.origLen)
  lenField.text = `Frame Length: ${bits(raw.origLen)}`
  if (raw.capLen > raw.origLen) d.note('error', 'malformed', 'Frame length is less than captured length', lenField)
  d.add(frame, FRAME.capLen, 0, 0, raw.capLen).text = `Capture Length: ${bits(raw.capLen)}`
  // What the file reader found odd about the record (caplen over snaplen…): worth a note.
  for (const note of raw.notes ?? []) d.note('note', 'protocol', note.message, frame)

  const protocolsField = d.generated(frame, FRAME.protocols, '')
  const span = d.frameSpan()
  const decoder = linkTypes.get(raw.linkType)
  try {
    if (decoder) decoder(d, span, null)
    else {
      d.protocolColumn = `WTAP_ENCAP = ${raw.linkType}`
      d.info = `Link type ${raw.linkType} is not supported by TCP Lens`
      decodeData(d, span, null)
    }
  } catch (error) {
    if (error instanceof OutOfBounds) d.stop(error.kind)
    else {
      d.stop('malformed')
      d.note('error', 'malformed', `Decoder bug in ${d.current}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  protocolsField.value = d.protocols.join(':')
  return {
    raw,
    sources: d.sources,
    tree: d.tree,
    protocols: d.protocols,
    expert: d.expert,
    columns: {
      source: d.netSrc || d.linkSrc,
      destination: d.netDst || d.linkDst,
      protocol: d.protocolColumn,
      info: d.info,
    },
    tcp: d.tcp,
    tcpAnalysis: d.tcpAnalysis,
    timeRelative: context.timeRelative,
    network: d.network,
    stopped: d.stopped,
  }
}
