// Wireshark's TCP analysis verdicts (TCP_A_* in packet-tcp.c): each a bit in a frame's flags,
// with the expert item Wireshark files for it (name, severity, message) and the prefix it puts
// in the Info column. The table is in the order Wireshark reports them; each report is
// prepended to the Info column, so the last one reported stands first.

export const VERDICT = {
  RETRANSMISSION: 0x0001,
  LOST_SEGMENT: 0x0002,
  ACK_LOST_SEGMENT: 0x0004,
  KEEP_ALIVE: 0x0008,
  DUPLICATE_ACK: 0x0010,
  ZERO_WINDOW: 0x0020,
  ZERO_WINDOW_PROBE: 0x0040,
  ZERO_WINDOW_PROBE_ACK: 0x0080,
  KEEP_ALIVE_ACK: 0x0100,
  OUT_OF_ORDER: 0x0200,
  FAST_RETRANSMISSION: 0x0400,
  WINDOW_UPDATE: 0x0800,
  WINDOW_FULL: 0x1000,
  REUSED_PORTS: 0x2000,
  SPURIOUS_RETRANSMISSION: 0x4000,
} as const

export type Severity = 'chat' | 'note' | 'warn' | 'error'

export interface ExpertDef {
  /** The expert item's filter name (it shows as a field of that name). */
  name: string
  severity: Severity
  message: string
}

export interface VerdictDef {
  bit: number
  /** Stable code for TCP Lens's own data (conv --json, the UI). */
  code: string
  /** Info-column prefix, without the trailing space. */
  info: string
  /** Expert items filed for the verdict, in order. */
  experts: ExpertDef[]
}

export const EXPERT = {
  retransmission: { name: 'tcp.analysis.retransmission', severity: 'note', message: 'This frame is a (suspected) retransmission' },
  fastRetransmission: { name: 'tcp.analysis.fast_retransmission', severity: 'note', message: 'This frame is a (suspected) fast retransmission' },
  spuriousRetransmission: { name: 'tcp.analysis.spurious_retransmission', severity: 'note', message: 'This frame is a (suspected) spurious retransmission' },
  outOfOrder: { name: 'tcp.analysis.out_of_order', severity: 'warn', message: 'This frame is a (suspected) out-of-order segment' },
  reusedPorts: { name: 'tcp.analysis.reused_ports', severity: 'note', message: 'A new tcp session is started with the same ports as an earlier session in this trace' },
  lostSegment: { name: 'tcp.analysis.lost_segment', severity: 'warn', message: 'Previous segment(s) not captured (common at capture start)' },
  ackLostSegment: { name: 'tcp.analysis.ack_lost_segment', severity: 'warn', message: "ACKed segment that wasn't captured (common at capture start)" },
  windowUpdate: { name: 'tcp.analysis.window_update', severity: 'chat', message: 'TCP window update' },
  windowFull: { name: 'tcp.analysis.window_full', severity: 'warn', message: 'TCP window specified by the receiver is now completely full' },
  keepAlive: { name: 'tcp.analysis.keep_alive', severity: 'note', message: 'TCP keep-alive segment' },
  keepAliveAck: { name: 'tcp.analysis.keep_alive_ack', severity: 'note', message: 'ACK to a TCP keep-alive segment' },
  duplicateAck: { name: 'tcp.analysis.duplicate_ack', severity: 'note', message: 'Duplicate ACK' },
  zeroWindowProbe: { name: 'tcp.analysis.zero_window_probe', severity: 'note', message: 'TCP Zero Window Probe' },
  zeroWindow: { name: 'tcp.analysis.zero_window', severity: 'warn', message: 'TCP Zero Window segment' },
  zeroWindowProbeAck: { name: 'tcp.analysis.zero_window_probe_ack', severity: 'note', message: 'ACK to a TCP Zero Window Probe' },
  syn: { name: 'tcp.connection.syn', severity: 'chat', message: 'Connection establish request (SYN)' },
  synAck: { name: 'tcp.connection.sack', severity: 'chat', message: 'Connection establish acknowledge (SYN+ACK)' },
  fin: { name: 'tcp.connection.fin', severity: 'chat', message: 'Connection finish (FIN)' },
  finActive: { name: 'tcp.connection.fin_active', severity: 'note', message: 'This frame initiates the connection closing' },
  finPassive: { name: 'tcp.connection.fin_passive', severity: 'note', message: 'This frame undergoes the connection closing' },
  rst: { name: 'tcp.connection.rst', severity: 'warn', message: 'Connection reset (RST)' },
  tfoSyn: { name: 'tcp.analysis.tfo_syn', severity: 'note', message: 'TCP SYN with TFO Cookie' },
  tfoAck: { name: 'tcp.analysis.tfo_ack', severity: 'note', message: 'TCP SYN-ACK accepting TFO data' },
  tfoIgnored: { name: 'tcp.analysis.tfo_ignored', severity: 'note', message: 'TCP SYN-ACK ignoring TFO data' },
  ackNonzero: { name: 'tcp.ack.nonzero', severity: 'note', message: 'The acknowledgment number field is nonzero while the ACK flag is not set' },
  urgentNonzero: { name: 'tcp.urgent_pointer.non_zero', severity: 'note', message: 'The urgent pointer field is nonzero while the URG flag is not set' },
} as const satisfies Record<string, ExpertDef>

const V = VERDICT
const E = EXPERT

/** In Wireshark's reporting order. The duplicate-ACK prefix carries numbers: see infoPrefix. */
export const VERDICTS: readonly VerdictDef[] = [
  { bit: V.REUSED_PORTS, code: 'reused-ports', info: '[TCP Port numbers reused]', experts: [E.reusedPorts] },
  { bit: V.RETRANSMISSION, code: 'retransmission', info: '[TCP Retransmission]', experts: [E.retransmission] },
  { bit: V.FAST_RETRANSMISSION, code: 'fast-retransmission', info: '[TCP Fast Retransmission]', experts: [E.fastRetransmission, E.retransmission] },
  { bit: V.SPURIOUS_RETRANSMISSION, code: 'spurious-retransmission', info: '[TCP Spurious Retransmission]', experts: [E.spuriousRetransmission, E.retransmission] },
  { bit: V.OUT_OF_ORDER, code: 'out-of-order', info: '[TCP Out-Of-Order]', experts: [E.outOfOrder] },
  { bit: V.LOST_SEGMENT, code: 'lost-segment', info: '[TCP Previous segment not captured]', experts: [E.lostSegment] },
  { bit: V.ACK_LOST_SEGMENT, code: 'ack-lost-segment', info: '[TCP ACKed unseen segment]', experts: [E.ackLostSegment] },
  { bit: V.WINDOW_UPDATE, code: 'window-update', info: '[TCP Window Update]', experts: [E.windowUpdate] },
  { bit: V.WINDOW_FULL, code: 'window-full', info: '[TCP Window Full]', experts: [E.windowFull] },
  { bit: V.KEEP_ALIVE, code: 'keep-alive', info: '[TCP Keep-Alive]', experts: [E.keepAlive] },
  { bit: V.KEEP_ALIVE_ACK, code: 'keep-alive-ack', info: '[TCP Keep-Alive ACK]', experts: [E.keepAliveAck] },
  { bit: V.DUPLICATE_ACK, code: 'duplicate-ack', info: '[TCP Dup ACK]', experts: [] },
  { bit: V.ZERO_WINDOW_PROBE, code: 'zero-window-probe', info: '[TCP ZeroWindowProbe]', experts: [E.zeroWindowProbe] },
  { bit: V.ZERO_WINDOW, code: 'zero-window', info: '[TCP ZeroWindow]', experts: [E.zeroWindow] },
  { bit: V.ZERO_WINDOW_PROBE_ACK, code: 'zero-window-probe-ack', info: '[TCP ZeroWindowProbeAck]', experts: [E.zeroWindowProbeAck] },
]

/** The verdicts whose segments Wireshark does not hand to a payload dissector. */
export const PAYLOAD_WITHHELD = V.RETRANSMISSION | V.OUT_OF_ORDER

/** The Info-column prefix of a frame's verdicts, as Wireshark builds it. */
export function infoPrefix(flags: number, dupAckFrame: number, dupAckNum: number): string {
  let prefix = ''
  for (const v of VERDICTS) {
    if (!(flags & v.bit)) continue
    const text = v.bit === V.DUPLICATE_ACK ? `[TCP Dup ACK ${dupAckFrame}#${dupAckNum}]` : v.info
    prefix = `${text} ${prefix}`
  }
  return prefix
}

/** The stable codes of a frame's verdicts, in reporting order. */
export function verdictCodes(flags: number): string[] {
  return VERDICTS.filter((v) => flags & v.bit).map((v) => v.code)
}

/** One verdict as data: what it is, how serious, and the earlier frames it rests on. */
export interface Verdict {
  code: string
  severity: Severity
  /** Evidence: the segment a retransmission repeats, the ACK a duplicate repeats. */
  frames: number[]
}

/** A frame's verdicts in reporting order, each with its severity and evidence frames. */
export function verdictsOf(a: { flags: number; rtoFrame: number; dupAckFrame: number }): Verdict[] {
  const out: Verdict[] = []
  for (const v of VERDICTS) {
    if (!(a.flags & v.bit)) continue
    const repeats = v.bit & (V.RETRANSMISSION | V.FAST_RETRANSMISSION | V.SPURIOUS_RETRANSMISSION) && a.rtoFrame ? [a.rtoFrame] : []
    const frames = v.bit === V.DUPLICATE_ACK && a.dupAckFrame ? [a.dupAckFrame] : repeats
    out.push({ code: v.code, severity: v.experts[0]?.severity ?? E.duplicateAck.severity, frames })
  }
  return out
}
