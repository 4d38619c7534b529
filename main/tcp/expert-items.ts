// The expert items the TCP engine files for one segment, decided in one place: which items (the
// EXPERT table of verdicts.ts), with which message, in which order, and under which field of the
// TCP tree Wireshark hangs each. Two callers file them:
//   - the decoder (main/decode/layers/tcp.ts, tcp-analysis.ts) hangs each on its field while it
//     builds the tree, one part at a time (ack, connection, each verdict), in the order below;
//   - the session's Expert Info (main/session/tcp-expert-items.ts) files all of a segment's items
//     at once (fileTcpExpertItems) from its columns, without a decode.
// Every item is in Wireshark's Sequence group and shows under the TCP protocol.
import type { ExpertItem } from '../decode/field'
import type { TcpFrameAnalysis } from './result'
import { TCP_FLAG } from './segment'
import { EXPERT, VERDICT, VERDICTS, type ExpertDef, type VerdictDef } from './verdicts'

/** The group of every item here (Wireshark's PI_SEQUENCE). */
export const TCP_EXPERT_GROUP = 'sequence' satisfies ExpertItem['group']

/** The protocol every item here shows under (the TCP tree's short name). */
export const TCP_EXPERT_PROTOCOL = 'TCP'

/** The flags that file an item of their own. */
const CONNECTION_FLAGS = TCP_FLAG.SYN | TCP_FLAG.FIN | TCP_FLAG.RST

/** The item of each TCP Fast Open verdict. */
const TFO_EXPERTS: Record<NonNullable<TcpFrameAnalysis['tfo']>, ExpertDef> = {
  'syn-cookie': EXPERT.tfoSyn,
  'ack-data': EXPERT.tfoAck,
  'ignored-data': EXPERT.tfoIgnored,
}

/** The field an item hangs under, by its Wireshark name. */
export type TcpExpertParent = 'tcp.ack' | 'tcp.flags' | 'tcp.flags.syn' | 'tcp.flags.fin' | 'tcp.flags.reset' | 'tcp.analysis.flags' | 'tcp.analysis.duplicate_ack_frame'

/** Receives one item: what it is, its message, and the field it hangs under. */
export type FileTcpExpert = (def: ExpertDef, message: string, parent: TcpExpertParent) => void

/** What a segment's expert items depend on. May be read lazily (getters): each is read only when a rule needs it. */
export interface TcpExpertFacts {
  /** The 12 flag bits. */
  readonly flags: number
  readonly srcPort: number
  readonly dstPort: number
  /** The acknowledgment number is not 0 while the ACK flag is not set (ackNonzeroWithoutAck). */
  readonly ackNonzero: boolean
  /** TcpFrameAnalysis: on a FIN, whether this side closes first (undefined: not known). */
  readonly finFirst: boolean | undefined
  readonly tfo: TcpFrameAnalysis['tfo']
  /** TcpFrameAnalysis.analysed: the segment has a SEQ/ACK analysis; its verdicts count only then. */
  readonly analysed: boolean
  /** The verdict bits (VERDICT). */
  readonly verdicts: number
  /** The duplicate ACK's number, read only when the verdicts say one. */
  readonly dupAckNum: number
}

/** The TCP header's values the facts come from. */
export interface TcpExpertHeader {
  flags: number
  srcPort: number
  dstPort: number
  /** The raw acknowledgment number. */
  ack: number
}

/** tcp.ack.nonzero's rule: an acknowledgment number that is not 0 while the ACK flag is not set. */
export function ackNonzeroWithoutAck(flags: number, ack: number): boolean {
  return (flags & TCP_FLAG.ACK) === 0 && ack !== 0
}

/** The facts of a decoded segment: its header and the TCP engine's analysis of it. */
export function segmentExpertFacts(header: TcpExpertHeader, a: Pick<TcpFrameAnalysis, 'finFirst' | 'tfo' | 'analysed' | 'flags' | 'dupAckNum'>): TcpExpertFacts {
  return {
    flags: header.flags,
    srcPort: header.srcPort,
    dstPort: header.dstPort,
    ackNonzero: ackNonzeroWithoutAck(header.flags, header.ack),
    finFirst: a.finFirst,
    tfo: a.tfo,
    analysed: a.analysed,
    verdicts: a.flags,
    dupAckNum: a.dupAckNum,
  }
}

/** Every item of the segment, in the order the decoder files them. */
export function fileTcpExpertItems(facts: TcpExpertFacts, file: FileTcpExpert): void {
  // Most segments file nothing: no flag of note, no Fast Open, no verdict, no odd number.
  if ((facts.flags & CONNECTION_FLAGS) === 0 && facts.verdicts === 0 && facts.tfo === undefined && !facts.ackNonzero) return
  fileAckItems(facts, file)
  fileConnectionItems(facts, file)
  const verdicts = facts.verdicts
  if (!verdicts || !facts.analysed) return
  for (const verdict of VERDICTS) if (verdicts & verdict.bit) fileVerdictItems(verdict, facts, file)
}

/** The note on the acknowledgment number (filed with the tcp.ack field). */
export function fileAckItems(facts: Pick<TcpExpertFacts, 'ackNonzero'>, file: FileTcpExpert): void {
  if (facts.ackNonzero) file(EXPERT.ackNonzero, EXPERT.ackNonzero.message, 'tcp.ack')
}

/** The Chat/Note/Warn items of SYN, SYN-ACK, FIN and RST, and the TCP Fast Open verdicts (filed after the flags). */
export function fileConnectionItems(facts: TcpExpertFacts, file: FileTcpExpert): void {
  const flags = facts.flags
  if ((flags & CONNECTION_FLAGS) === 0 && facts.tfo === undefined) return
  if (flags & TCP_FLAG.SYN) {
    if (flags & TCP_FLAG.ACK) file(EXPERT.synAck, `${EXPERT.synAck.message}: server port ${facts.srcPort}`, 'tcp.flags.syn')
    else file(EXPERT.syn, `${EXPERT.syn.message}: server port ${facts.dstPort}`, 'tcp.flags.syn')
  }
  if (flags & TCP_FLAG.FIN) {
    file(EXPERT.fin, EXPERT.fin.message, 'tcp.flags.fin')
    const finFirst = facts.finFirst
    if (finFirst !== undefined) {
      const closing = finFirst ? EXPERT.finActive : EXPERT.finPassive
      file(closing, closing.message, 'tcp.flags')
    }
  }
  if (flags & TCP_FLAG.RST) file(EXPERT.rst, EXPERT.rst.message, 'tcp.flags.reset')
  const tfo = facts.tfo
  if (tfo !== undefined) file(TFO_EXPERTS[tfo], TFO_EXPERTS[tfo].message, 'tcp.flags')
}

/**
 * The items of one verdict the segment has (filed in the SEQ/ACK analysis, verdict by verdict
 * in VERDICTS order, and only when the segment is analysed).
 */
export function fileVerdictItems(verdict: VerdictDef, facts: Pick<TcpExpertFacts, 'dupAckNum'>, file: FileTcpExpert): void {
  if (verdict.bit === VERDICT.DUPLICATE_ACK) file(EXPERT.duplicateAck, `${EXPERT.duplicateAck.message} (#${facts.dupAckNum})`, 'tcp.analysis.duplicate_ack_frame')
  else for (const expert of verdict.experts) file(expert, expert.message, 'tcp.analysis.flags')
}
