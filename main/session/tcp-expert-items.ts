// The expert items of a plain TCP segment (expert-marks.ts), named from the session's columns
// instead of a full decode. Which items, with which severity and message, is decided by
// main/tcp/expert-items.ts, the code the decoder files them with; here are only the facts it
// asks for, read from the columns when asked (most segments file nothing, and read little).
import { fileTcpExpertItems, TCP_EXPERT_GROUP, TCP_EXPERT_PROTOCOL, type TcpExpertFacts } from '../tcp/expert-items'
import type { TcpFrameAnalysis } from '../tcp/result'
import type { ExpertDef } from '../tcp/verdicts'
import type { CaptureIndexer } from './capture-indexer'
import type { ExpertCollector } from './expert-info'
import type { ExpertMarks } from './expert-marks'
import type { PacketIndex } from './packet-index'
import type { TcpColumns } from './tcp-columns'

type Collector = Pick<ExpertCollector, 'addItem'>

export class TcpExpertItems {
  private readonly facts: ColumnFacts
  /** Where fileItems is filing (one callback for every frame, so filing allocates nothing). */
  private collector: Collector | undefined
  private readonly file = (def: ExpertDef, message: string) => this.collector!.addItem(this.facts.frame, def.severity, TCP_EXPERT_GROUP, TCP_EXPERT_PROTOCOL, message)

  constructor(indexer: CaptureIndexer) {
    this.facts = new ColumnFacts(indexer)
  }

  /** Files the items of `frame`, a plain TCP segment (expert-marks.ts), in the order the decoder files them. */
  fileItems(frame: number, collector: Collector): void {
    this.facts.frame = frame
    this.collector = collector
    fileTcpExpertItems(this.facts, this.file)
  }
}

/** The facts of one frame (`frame`), each read from the session's columns when a rule asks for it. */
export class ColumnFacts implements TcpExpertFacts {
  frame = 0
  private readonly index: PacketIndex
  private readonly tcp: TcpColumns
  private readonly marks: ExpertMarks

  constructor(private readonly indexer: CaptureIndexer) {
    this.index = indexer.index
    this.tcp = indexer.tcp
    this.marks = indexer.expertMarks
  }

  get flags(): number {
    return this.index.tcpFlags[this.frame - 1]!
  }

  get srcPort(): number {
    return this.endpoints()[this.tcp.sentByPeer(this.frame) ? 1 : 0].port
  }

  get dstPort(): number {
    return this.endpoints()[this.tcp.sentByPeer(this.frame) ? 0 : 1].port
  }

  get ackNonzero(): boolean {
    return this.marks.ackNonzero(this.frame)
  }

  get finFirst(): boolean | undefined {
    return this.tcp.finFirst(this.frame)
  }

  get tfo(): TcpFrameAnalysis['tfo'] {
    return this.tcp.tfo(this.frame)
  }

  get analysed(): boolean {
    return this.tcp.analysed(this.frame)
  }

  get verdicts(): number {
    return this.index.verdicts[this.frame - 1]!
  }

  get dupAckNum(): number {
    return this.tcp.dupAckNum(this.frame)
  }

  /** The frame's stream's endpoints (the sender of its first captured frame first). */
  private endpoints() {
    return this.indexer.tracker.conversations[this.index.stream[this.frame - 1]!]!.endpoints
  }
}
