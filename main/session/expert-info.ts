// Expert Info: every expert item the decoder files (DecodedFrame.expert: the TCP analysis
// verdicts, the SYN/FIN/RST chat items, malformed and cut-short packets, checksum and protocol
// warnings …), grouped as Wireshark's dialog groups them (severity, then group, then message),
// with a count and the frames as evidence; plus TCP Lens's own capture-level findings (a SYN
// flood) and the damage that ended the file early, which Wireshark reports elsewhere.
//
// What Wireshark shows that TCP Lens does not: items of protocols it does not decode (HTTP, TLS,
// DNS …), the "Comment" group for packet comments, reassembly items of TCP segments (TCP Lens does
// not reassemble TCP), and the items its second pass adds (e.g. "Response in frame N").
import type { ExpertEntry, ExpertInfo, Severity } from '../../preload/contract/dto'
import type { Field } from '../decode/field'
import type { DecodedFrame } from '../decode/frame'
import type { CaptureError } from '../capture/source'
import type { CaptureFinding } from '../tcp/step'
import { findingMsg } from '../teach/phrases'
import { format } from '../teach'

/** Evidence frames kept per entry (`count` is the true number). */
export const EXPERT_FRAME_LIMIT = 1000

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warn', 'note', 'chat']

export class ExpertCollector {
  private readonly entries = new Map<string, ExpertEntry>()

  /** Files a frame's expert items. */
  add(frame: DecodedFrame): void {
    if (frame.expert.length === 0) return
    const protocols = protocolOfFields(frame)
    for (const item of frame.expert) {
      const protocol = (item.field && protocols.get(item.field)) || frame.stopped?.layer || frame.columns.protocol
      this.file(item.severity, item.group, protocol, item.message, [frame.raw.no])
    }
  }

  /** One expert item of `frame`, named without a decode (e.g. from the TCP columns). */
  addItem(frame: number, severity: Severity, group: string, protocol: string, message: string): void {
    this.file(severity, group, protocol, message, [frame])
  }

  /** TCP Lens's capture-level findings (SYN floods), worded in English as the items are. */
  addFinding(finding: CaptureFinding): void {
    this.file(finding.severity, 'sequence', 'TCP', format(findingMsg(finding), 'en'), finding.frames, finding.count)
  }

  /** The damage that ended the read early: the frames before it were read. */
  addDamage(error: CaptureError): void {
    this.file('error', 'malformed', 'File', error.message, error.frame !== undefined ? [error.frame] : [])
  }

  result(): ExpertInfo {
    const counts: Record<Severity, number> = { error: 0, warn: 0, note: 0, chat: 0 }
    const entries = [...this.entries.values()]
    for (const e of entries) counts[e.severity] += e.count
    entries.sort(
      (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compare(a.group, b.group) || compare(a.message, b.message) || compare(a.protocol, b.protocol),
    )
    return { counts, entries }
  }

  private file(severity: Severity, group: string, protocol: string, message: string, frames: readonly number[], count = frames.length || 1): void {
    const key = `${severity}\u0000${group}\u0000${protocol}\u0000${message}`
    let entry = this.entries.get(key)
    if (!entry) {
      entry = { severity, group, protocol, message, count: 0, frames: [] }
      this.entries.set(key, entry)
    }
    entry.count += count
    for (const frame of frames) if (entry.frames.length < EXPERT_FRAME_LIMIT && entry.frames.at(-1) !== frame) entry.frames.push(frame)
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Each field's protocol: the short name of the top-level node it is in ("TCP", "IPv4" …). */
function protocolOfFields(frame: DecodedFrame): Map<Field, string> {
  const out = new Map<Field, string>()
  const visit = (field: Field, protocol: string) => {
    out.set(field, protocol)
    for (const child of field.children ?? []) visit(child, protocol)
  }
  for (const top of frame.tree) visit(top, top.def.short ?? top.def.title)
  return out
}
