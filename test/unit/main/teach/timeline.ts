// Builds ConnectionTimeline objects by hand for the narrative's tests: each segment names its
// sender, flags, length, kind and state changes; seq/ack (relative and raw), the refs the
// arithmetic points to (seqFrom, ackOf), before/after states and the summary are worked out
// the way main/tcp/steps.ts fills them in.
import type {
  CloseKind,
  ConnectionTimeline,
  Note,
  OpenKind,
  Phase,
  Role,
  SegmentRef,
  StateReason,
  Step,
  StepKind,
  StepOptions,
  Variant,
} from '../../../../main/tcp/step'
import type { TcpState } from '../../../../main/tcp/states'
import { TCP_FLAG } from '../../../../main/tcp/segment'

const { FIN, SYN, RST, ACK } = TCP_FLAG

export interface SegmentSpec {
  /** "SYN", "SYN,ACK", "PSH,ACK"… */
  flags: string
  kind: StepKind
  phase: Phase
  step?: number[]
  len?: number
  /** Seconds after the previous segment (default 0.01). */
  after?: number
  /** Overrides (relative): a retransmission or a keep-alive repeats an old seq; by default ack covers all the peer sent. */
  seq?: number
  ack?: number
  /** [role, new state, reason] in order; `frame` overrides the frame a change is attributed to. */
  changes?: [Role, TcpState, StateReason, number?][]
  notes?: Note[]
  options?: StepOptions
  window?: number
  scale?: number
  verdicts?: number
}

export interface Side {
  address: string
  port: number
  isn: number
  state: TcpState
}

const other = (r: Role): Role => (r === 'client' ? 'server' : 'client')

export class TimelineBuilder {
  readonly steps: Step[] = []
  private readonly next: Record<Role, number>
  private readonly refs: Record<Role, SegmentRef[]> = { client: [], server: [] }
  private readonly states: Record<Role, TcpState>
  private time = 0
  private frame: number

  constructor(
    readonly client: Side = { address: '192.168.1.23', port: 60526, isn: 3458217409, state: 'CLOSED' },
    readonly server: Side = { address: '203.0.113.10', port: 80, isn: 1209837465, state: 'LISTEN' },
    options: { firstFrame?: number; startSeq?: { client: number; server: number } } = {},
  ) {
    this.frame = options.firstFrame ?? 1
    this.next = options.startSeq ? { ...options.startSeq } : { client: 0, server: 0 }
    this.states = { client: client.state, server: server.state }
  }

  send(from: Role, spec: SegmentSpec): this {
    const to = other(from)
    const flags = spec.flags.split(',').reduce((f, n) => f | TCP_FLAG[n.trim() as keyof typeof TCP_FLAG], 0)
    const syn = (flags & SYN) !== 0
    const fin = (flags & FIN) !== 0
    const hasAck = (flags & ACK) !== 0
    const length = spec.len ?? 0
    const seq = spec.seq ?? this.next[from]
    const ack = hasAck ? (spec.ack ?? this.next[to]) : 0
    if (this.steps.length > 0) this.time += spec.after ?? 0.01
    const frame = this.frame++
    const consumed = length + (syn ? 1 : 0) + (fin ? 1 : 0)
    const nextSeq = seq + consumed
    const end = (r: SegmentRef) => r.seq + r.length + (r.syn ? 1 : 0) + (r.fin ? 1 : 0)
    const seqFrom = syn ? undefined : [...this.refs[from]].reverse().find((r) => end(r) === seq)
    const ackOf = hasAck ? [...this.refs[to]].reverse().find((r) => end(r) === ack) : undefined
    const before = { ...this.states }
    const changes = (spec.changes ?? []).map(([role, state, reason, at]) => {
      const change = { role, from: this.states[role], to: state, frame: at ?? frame, reason }
      this.states[role] = state
      return change
    })
    const scale = spec.scale ?? (syn ? 1 : 128)
    const windowRaw = spec.window ?? (syn ? 64240 : 502)
    const labelBase = flags & RST ? (hasAck ? 'RST-ACK' : 'RST') : syn ? (hasAck ? 'SYN-ACK' : 'SYN') : fin ? (hasAck ? 'FIN-ACK' : 'FIN') : length > 0 ? 'data' : 'ACK'
    const label = length > 0 && labelBase !== 'data' ? `${labelBase} + data` : labelBase
    const isn = (r: Role) => (r === 'client' ? this.client.isn : this.server.isn)
    this.steps.push({
      frame,
      time: Math.round(this.time * 1e6) / 1e6,
      phase: spec.phase,
      step: spec.step ?? [],
      from,
      kind: spec.kind,
      label,
      before,
      after: { ...this.states },
      changes,
      segment: {
        flags,
        relative: true,
        seq,
        ack,
        rawSeq: (isn(from) + seq) >>> 0,
        rawAck: hasAck ? (isn(to) + ack) >>> 0 : 0,
        length,
        nextSeq,
        windowRaw,
        window: windowRaw * scale,
        options: spec.options ?? {},
      },
      ...(seqFrom && { seqFrom }),
      ...(ackOf && { ackOf }),
      verdicts: spec.verdicts ?? 0,
      notes: spec.notes ?? [],
    })
    if (consumed > 0 && nextSeq > this.next[from]) {
      this.refs[from].push({ frame, from, seq, length, syn, fin })
      this.next[from] = nextSeq
    }
    return this
  }

  timeline(summary: { open: OpenKind; close: CloseKind; closeInitiator?: Role | 'both' | null; variants?: Variant[]; irtt?: number | null; rolesGuessed?: boolean; completeness?: number; stream?: number }): ConnectionTimeline {
    const bytes = { client: 0, server: 0 }
    for (const s of this.steps) bytes[s.from] += Math.max(0, s.segment.length)
    const last = this.steps[this.steps.length - 1]!
    return {
      stream: summary.stream ?? 0,
      client: { address: this.client.address, port: this.client.port, state: this.states.client },
      server: { address: this.server.address, port: this.server.port, state: this.states.server },
      rolesGuessed: summary.rolesGuessed ?? false,
      open: summary.open,
      close: summary.close,
      closeInitiator: summary.closeInitiator ?? null,
      completeness: summary.completeness ?? 0,
      firstFrame: this.steps[0]!.frame,
      lastFrame: last.frame,
      packets: this.steps.length,
      bytes,
      irtt: summary.irtt ?? null,
      duration: last.time,
      startTime: 1700000000,
      variants: summary.variants ?? [],
      steps: this.steps,
    }
  }
}
