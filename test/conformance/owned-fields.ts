// Which reference columns the foundation (decoding) owns, and the known, explained differences
// from tshark. The TCP analysis columns (tcp.stream, relative seq/ack, tcp.analysis.*) and the
// Info column of TCP frames belong to the TCP engine and are compared by its own suite.

/** Columns of tshark-reference.sh that decoding alone must get right. */
export const DECODE_COLUMNS_OF_TSHARK_REFERENCE = [
  'frame.number', 'frame.time_epoch', 'frame.len', 'frame.cap_len',
  'eth.src', 'eth.dst', 'vlan.id', 'ip.src', 'ipv6.src', 'ip.dst', 'ipv6.dst', 'ip.ttl', 'ip.id',
  'tcp.srcport', 'tcp.dstport', 'tcp.flags', 'tcp.flags.str', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.len', 'tcp.hdr_len',
  'tcp.window_size_value', 'tcp.options.mss_val', 'tcp.options.wscale.shift', 'tcp.options.sack_perm',
  'tcp.options.timestamp.tsval', 'tcp.options.timestamp.tsecr', '_ws.malformed',
] as const

/** Columns of tshark-reference.sh that the TCP engine (main/tcp) computes. */
export const TCP_ENGINE_COLUMNS = [
  'tcp.stream', 'tcp.seq', 'tcp.nxtseq', 'tcp.ack', 'tcp.window_size', 'tcp.window_size_scalefactor',
  'tcp.analysis.flags', 'tcp.analysis.retransmission', 'tcp.analysis.fast_retransmission',
  'tcp.analysis.spurious_retransmission', 'tcp.analysis.out_of_order', 'tcp.analysis.duplicate_ack',
  'tcp.analysis.duplicate_ack_num', 'tcp.analysis.duplicate_ack_frame', 'tcp.analysis.zero_window',
  'tcp.analysis.zero_window_probe', 'tcp.analysis.zero_window_probe_ack', 'tcp.analysis.window_full',
  'tcp.analysis.window_update', 'tcp.analysis.keep_alive', 'tcp.analysis.keep_alive_ack', 'tcp.analysis.reused_ports',
  'tcp.analysis.lost_segment', 'tcp.analysis.ack_lost_segment', 'tcp.analysis.acks_frame', 'tcp.analysis.ack_rtt',
  'tcp.analysis.initial_rtt', 'tcp.analysis.bytes_in_flight', 'tcp.time_relative', 'tcp.time_delta',
  'tcp.completeness', '_ws.col.Info',
] as const

/** The TCP engine's cells: its columns everywhere, and the Info column of frames that carry TCP. */
export function engineOwnsCell(field: string, frame: EngineFrame | undefined): boolean {
  return field !== '_ws.col.Info' || frame?.tcp === true
}

/** What the TCP engine decides about a frame, as far as decoding's columns are concerned. */
export interface EngineFrame {
  /** tshark's frame.protocols says TCP. */
  tcp: boolean
  /**
   * tshark flagged the segment as a retransmission or out of order, and so did not hand its
   * payload to a subdissector: no "data" layer. Whether a segment is one is the TCP engine's call.
   */
  payloadWithheld: boolean
}

const PAYLOAD_FIELDS = new Set(['frame.protocols', 'data.len', 'data.data'])

/**
 * Every column of decode-reference.sh is decoding's, except the Info of frames that carry TCP
 * (the TCP engine writes it, with relative sequence numbers), and the payload layer of segments
 * the TCP engine judges retransmitted or out of order.
 */
export function ownsCell(field: string, frame: EngineFrame | undefined): boolean {
  if (!frame) return true
  if (field === '_ws.col.Info') return !frame.tcp
  if (PAYLOAD_FIELDS.has(field)) return !frame.payloadWithheld
  return true
}

export interface Deviation {
  /** Capture file name (exact) the deviation applies to. */
  capture: string
  /** The field, or '*' for every field of the frames. */
  field: string
  /** Frames it applies to; all frames when absent. */
  frames?: number[]
  /** Why TCP Lens differs from tshark here, and why that is right. */
  reason: string
}

const CUSTOM_BLOCKS_TIME =
  'tshark 4.0 counts the two custom blocks at the start of this file as frames without a time, and measures ' +
  'frame.time_relative from that missing time (0, the epoch) and frame.time_delta of the first real frame from it too. ' +
  'TCP Lens skips custom blocks as the pcapng specification says a reader that does not know them should, so its ' +
  'times run from the first packet, as they do in every other file.'

const NULL_IPV6_FAMILIES =
  'On BSD loopback (LINKTYPE_NULL) captures written on Linux (AF_INET6 = 10) or Windows (AF_INET6 = 23), tshark 4.0 ' +
  'shows the IPv6 packet as data (and calls 23 IPX, its BSD meaning). TCP Lens decodes it as IPv6 when the packet ' +
  'itself says so (IP version 6): a student capturing loopback on those systems sees their TCP connection.'

const CUSTOM_BLOCKS_FRAMES =
  'tshark 4.0 numbers the two custom blocks at the start of this file as frames 1 and 2, so the frame it names ' +
  '(tcp.analysis.acks_frame) is 2 higher than the same packet in TCP Lens, which skips custom blocks.'

/** Differences from tshark that are on purpose. Each must say why. */
export const DEVIATIONS: Deviation[] = [
  { capture: 'pcapng-custom-blocks.pcapng', field: 'tcp.analysis.acks_frame', reason: CUSTOM_BLOCKS_FRAMES },
  ...['link-null-le-af10.pcap', 'link-null-be-af10.pcap', 'link-null-le-af23.pcap', 'link-null-be-af23.pcap'].map((capture) => ({ capture, field: '*', reason: NULL_IPV6_FAMILIES })),
  { capture: 'pcapng-custom-blocks.pcapng', field: 'frame.time_relative', reason: CUSTOM_BLOCKS_TIME },
  { capture: 'pcapng-custom-blocks.pcapng', field: 'frame.time_delta', frames: [1], reason: CUSTOM_BLOCKS_TIME },
]

export function isDeviation(capture: string, field: string, frame: number): Deviation | undefined {
  return DEVIATIONS.find((d) => d.capture === capture && (d.field === field || d.field === '*') && (!d.frames || d.frames.includes(frame)))
}
