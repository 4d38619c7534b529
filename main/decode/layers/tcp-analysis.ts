// The fields the TCP engine (main/tcp) adds to a segment's tree: the stream, the relative
// numbers, the scaled window, the conversation times and the SEQ/ACK analysis with its expert
// items, under the names and in the places Wireshark gives them. Which expert items a segment
// gets is decided in main/tcp/expert-items.ts (the session files the same ones without a decode).
import type { Dissection } from '../dissection'
import { defineFields, type Field } from '../field'
import { fileVerdictItems, TCP_EXPERT_GROUP, type TcpExpertParent } from '../../tcp/expert-items'
import type { TcpFrameAnalysis } from '../../tcp/result'
import { EXPERT, infoPrefix, VERDICT, VERDICTS, type ExpertDef } from '../../tcp/verdicts'

export const TCP_ANALYSIS = defineFields({
  stream: { name: 'tcp.stream', title: 'Stream index', type: 'uint32', base: 'dec' },
  completeness: { name: 'tcp.completeness', title: 'Conversation completeness', type: 'uint8', base: 'dec' },
  seq: { name: 'tcp.seq', title: 'Sequence Number', type: 'uint32', base: 'dec' },
  nxtseq: { name: 'tcp.nxtseq', title: 'Next Sequence Number', type: 'uint32', base: 'dec' },
  ack: { name: 'tcp.ack', title: 'Acknowledgment Number', type: 'uint32', base: 'dec' },
  windowSize: { name: 'tcp.window_size', title: 'Calculated window size', type: 'uint32', base: 'dec' },
  scaleFactor: { name: 'tcp.window_size_scalefactor', title: 'Window size scaling factor', type: 'int32', base: 'dec' },
  timestamps: { name: 'tcp.timestamps', title: 'Timestamps', type: 'none' },
  timeRelative: { name: 'tcp.time_relative', title: 'Time since first frame in this TCP stream', type: 'time' },
  timeDelta: { name: 'tcp.time_delta', title: 'Time since previous frame in this TCP stream', type: 'time' },
  analysis: { name: 'tcp.analysis', title: 'SEQ/ACK analysis', type: 'none' },
  acksFrame: { name: 'tcp.analysis.acks_frame', title: 'This is an ACK to the segment in frame', type: 'framenum' },
  ackRtt: { name: 'tcp.analysis.ack_rtt', title: 'The RTT to ACK the segment was', type: 'time' },
  initialRtt: { name: 'tcp.analysis.initial_rtt', title: 'iRTT', type: 'time' },
  bytesInFlight: { name: 'tcp.analysis.bytes_in_flight', title: 'Bytes in flight', type: 'uint32', base: 'dec' },
  pushBytesSent: { name: 'tcp.analysis.push_bytes_sent', title: 'Bytes sent since last PSH flag', type: 'uint32', base: 'dec' },
  flags: { name: 'tcp.analysis.flags', title: 'TCP Analysis Flags', type: 'none' },
  rto: { name: 'tcp.analysis.rto', title: 'The RTO for this segment was', type: 'time' },
  rtoFrame: { name: 'tcp.analysis.rto_frame', title: 'RTO based on delta from frame', type: 'framenum' },
  duplicateAck: { name: 'tcp.analysis.duplicate_ack', title: 'Duplicate ACK', type: 'none' },
  duplicateAckNum: { name: 'tcp.analysis.duplicate_ack_num', title: 'Duplicate ACK #', type: 'uint32', base: 'dec' },
  duplicateAckFrame: { name: 'tcp.analysis.duplicate_ack_frame', title: 'Duplicate to the ACK in frame', type: 'framenum' },
})

/** Each expert item also shows as a field of its own name (Wireshark's expert fields). */
const EXPERT_FIELDS = defineFields(Object.fromEntries(Object.values(EXPERT).map((e) => [e.name, { name: e.name, title: e.message, type: 'none' as const }])))

/** Files an expert item the way Wireshark does: an item in the tree and in the expert list. */
export function addExpert(d: Dissection, parent: Field, expert: ExpertDef, message = expert.message): Field {
  const field = d.generated(parent, EXPERT_FIELDS[expert.name]!, null)
  field.text = message
  d.note(expert.severity, TCP_EXPERT_GROUP, message, field)
  return field
}

const COMPLETENESS_TEXT: Record<number, string> = { 1: 'Incomplete, SYN_SENT', 3: 'Incomplete, CLIENT_ESTABLISHED', 7: 'Incomplete, ESTABLISHED', 15: 'Incomplete, DATA' }

/** Wireshark's words for a completeness value. */
function completenessText(value: number): string {
  const handshake = (value & 7) === 7
  if (handshake && value & 0x30) return `${value & 8 ? 'Complete, WITH_DATA' : 'Complete, NO_DATA'} (${value})`
  return `${COMPLETENESS_TEXT[value] ?? 'Incomplete'} (${value})`
}

/** tcp.stream and tcp.completeness, right after the ports. */
export function addStreamFields(d: Dissection, node: Field, a: TcpFrameAnalysis, at: number): void {
  d.generated(node, TCP_ANALYSIS.stream, a.stream, at, 0)
  d.generated(node, TCP_ANALYSIS.completeness, a.completeness).text = `[Conversation completeness: ${completenessText(a.completeness)}]`
}

/** The conversation times ("Timestamps" subtree). */
export function addTimestamps(d: Dissection, node: Field, a: TcpFrameAnalysis): void {
  const tree = d.generated(node, TCP_ANALYSIS.timestamps, null)
  tree.text = '[Timestamps]'
  d.generated(tree, TCP_ANALYSIS.timeRelative, a.timeRelative)
  d.generated(tree, TCP_ANALYSIS.timeDelta, a.timeDelta)
}

/** The SEQ/ACK analysis subtree and its expert items; returns the Info prefix. */
export function addSequenceAnalysis(d: Dissection, node: Field, a: TcpFrameAnalysis): string {
  if (!a.analysed) return ''
  const tree = d.generated(node, TCP_ANALYSIS.analysis, null)
  tree.text = '[SEQ/ACK analysis]'
  if (a.ackedFrame) {
    d.generated(tree, TCP_ANALYSIS.acksFrame, a.ackedFrame)
    if (a.ackRtt && (a.ackRtt.sec || a.ackRtt.nsec)) d.generated(tree, TCP_ANALYSIS.ackRtt, a.ackRtt)
  }
  if (a.initialRtt) d.generated(tree, TCP_ANALYSIS.initialRtt, a.initialRtt)
  if (a.bytesInFlight) {
    d.generated(tree, TCP_ANALYSIS.bytesInFlight, a.bytesInFlight)
    d.generated(tree, TCP_ANALYSIS.pushBytesSent, a.pushBytesSent)
  }
  if (!a.flags) return ''
  const flags = d.generated(tree, TCP_ANALYSIS.flags, null)
  flags.text = '[TCP Analysis Flags]'
  // Each verdict's fields, with its items (expert-items.ts) under the field they belong to.
  const parents: Partial<Record<TcpExpertParent, Field>> = { 'tcp.analysis.flags': flags }
  const file = (def: ExpertDef, message: string, parent: TcpExpertParent) => addExpert(d, parents[parent] ?? flags, def, message)
  for (const verdict of VERDICTS) {
    if (!(a.flags & verdict.bit)) continue
    if (verdict.bit === VERDICT.DUPLICATE_ACK) {
      d.generated(flags, TCP_ANALYSIS.duplicateAck, null).text = '[This is a TCP duplicate ack]'
      d.generated(tree, TCP_ANALYSIS.duplicateAckNum, a.dupAckNum)
      parents['tcp.analysis.duplicate_ack_frame'] = d.generated(tree, TCP_ANALYSIS.duplicateAckFrame, a.dupAckFrame)
    }
    fileVerdictItems(verdict, a, file)
    if (verdict.bit === VERDICT.RETRANSMISSION && a.rto && (a.rto.sec || a.rto.nsec)) {
      d.generated(flags, TCP_ANALYSIS.rto, a.rto)
      d.generated(flags, TCP_ANALYSIS.rtoFrame, a.rtoFrame)
    }
  }
  return infoPrefix(a.flags, a.dupAckFrame, a.dupAckNum)
}
