// The expert items of a plain TCP segment (expert-marks.ts), named from the session's columns
// instead of a full decode: the same items, with the same severities and messages, that
// main/decode/layers/tcp.ts (the nonzero acknowledgment number, addConnectionExperts) and
// tcp-analysis.ts (addSequenceAnalysis) file for it. All are in the "sequence" group and in the TCP tree.
import { TCP_FLAG } from '../tcp/segment'
import { EXPERT, VERDICT, VERDICTS, type ExpertDef } from '../tcp/verdicts'
import type { CaptureIndexer } from './capture-indexer'
import type { ExpertCollector } from './expert-info'

/** The verdicts' bits that file an item (all of them do). */
const ANY_VERDICT = VERDICTS.reduce((bits, v) => bits | v.bit, 0)
const CONNECTION_FLAGS = TCP_FLAG.SYN | TCP_FLAG.FIN | TCP_FLAG.RST

export class TcpExpertItems {
  constructor(private readonly indexer: CaptureIndexer) {}

  /** Files the items of `frame`, a plain TCP segment (expert-marks.ts), in the order the decoder files them. */
  fileItems(frame: number, collector: Pick<ExpertCollector, 'addItem'>): void {
    const row = frame - 1
    const { index, tcp } = this.indexer
    const flags = index.tcpFlags[row]!
    const verdicts = index.verdicts[row]!
    const tfo = tcp.tfo(frame)
    const ackNonzero = this.indexer.expertMarks.ackNonzero(frame)
    // Most segments file nothing: no flag of note, no verdict, no Fast Open, no odd number.
    if ((flags & CONNECTION_FLAGS) === 0 && (verdicts & ANY_VERDICT) === 0 && tfo === undefined && !ackNonzero) return
    const fileDef = (def: ExpertDef, message: string = def.message) => collector.addItem(frame, def.severity, 'sequence', 'TCP', message)

    if (ackNonzero) fileDef(EXPERT.ackNonzero)

    if (flags & TCP_FLAG.SYN) {
      const { src, dst } = this.ports(frame)
      if (flags & TCP_FLAG.ACK) fileDef(EXPERT.synAck, `Connection establish acknowledge (SYN+ACK): server port ${src}`)
      else fileDef(EXPERT.syn, `Connection establish request (SYN): server port ${dst}`)
    }
    if (flags & TCP_FLAG.FIN) {
      fileDef(EXPERT.fin)
      const finFirst = tcp.finFirst(frame)
      if (finFirst !== undefined) fileDef(finFirst ? EXPERT.finActive : EXPERT.finPassive)
    }
    if (flags & TCP_FLAG.RST) fileDef(EXPERT.rst)
    if (tfo === 'syn-cookie') fileDef(EXPERT.tfoSyn)
    if (tfo === 'ack-data') fileDef(EXPERT.tfoAck)
    if (tfo === 'ignored-data') fileDef(EXPERT.tfoIgnored)

    if (!verdicts || !tcp.analysed(frame)) return
    for (const verdict of VERDICTS) {
      if (!(verdicts & verdict.bit)) continue
      if (verdict.bit === VERDICT.DUPLICATE_ACK) fileDef(EXPERT.duplicateAck, `Duplicate ACK (#${tcp.dupAckNum(frame)})`)
      else for (const expert of verdict.experts) fileDef(expert)
    }
  }

  /** The segment's ports: its stream's endpoints, the sender first. */
  private ports(frame: number): { src: number; dst: number } {
    const { index, tcp, tracker } = this.indexer
    const [first, second] = tracker.conversations[index.stream[frame - 1]!]!.endpoints
    return tcp.sentByPeer(frame) ? { src: second.port, dst: first.port } : { src: first.port, dst: second.port }
  }
}
