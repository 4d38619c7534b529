// Compares TCP Lens with one tshark reference file and returns what disagrees, minus the
// deviations that are explained.
import { compareRows, ourRows, type Mismatch, type FieldTally } from './compare'
import { isDeviation, ownsCell, type EngineFrame } from './owned-fields'
import { readReference, readStatus } from './tsv'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export interface CheckResult {
  frames: { ours: number; tshark: number }
  tally: Map<string, FieldTally>
  /** Disagreements that are not explained deviations. */
  unexplained: Mismatch[]
  /** tshark's exit status on the file, and the code of the error our reader raised, if any. */
  tsharkExit: number
  ourError?: string
}

/**
 * Per frame, what tshark's TCP analysis decided (from the tshark-reference.sh output, which has
 * the analysis columns), for the cells decoding does not own.
 */
export function engineFrames(analysisTsv: string): EngineFrame[] {
  const reference = readReference(analysisTsv)
  const column = (name: string) => reference.fields.indexOf(name)
  const protocols = column('tcp.srcport')
  const retransmission = column('tcp.analysis.retransmission')
  const outOfOrder = column('tcp.analysis.out_of_order')
  return reference.rows.map((row) => ({
    tcp: row[protocols] !== '',
    payloadWithheld: row[retransmission] !== '' || row[outOfOrder] !== '',
  }))
}

/**
 * tshark-reference.sh runs tshark with ICMP/ICMPv6/UDP switched off; TCP Lens decodes the headers
 * quoted inside ICMP errors. On those frames the decoding columns of that reference are not
 * comparable; decode-reference.sh (those protocols on) covers them. This reads which frames they
 * are from the decode reference. (Fragments are comparable: both that reference and the run
 * compared with it reassemble IP.)
 */
export function profileDiffers(decodeTsv: string): boolean[] {
  const reference = readReference(decodeTsv)
  const protocols = reference.fields.indexOf('frame.protocols')
  return reference.rows.map((row) => {
    const layers = row[protocols]?.split(':') ?? []
    return layers.includes('icmp') || layers.includes('icmpv6')
  })
}

/**
 * Whether tshark reassembled IP when it made a reference: decode-reference.sh turns it off
 * (-o ip.defragment:FALSE, recorded in the folder's _meta.txt), tshark-reference.sh leaves
 * tshark's default, on. TCP Lens is run the same way for the comparison.
 */
export function reassemblesIp(referenceTsv: string): boolean {
  const meta = join(dirname(referenceTsv), '_meta.txt')
  return !(existsSync(meta) && readFileSync(meta, 'utf8').includes('ip.defragment:FALSE'))
}

export async function checkCapture(
  capture: string,
  bytes: Uint8Array,
  referenceTsv: string,
  analysis: EngineFrame[],
  fields?: readonly string[],
  skipFrames?: readonly boolean[],
  owns: (field: string, frame: EngineFrame | undefined) => boolean = ownsCell,
): Promise<CheckResult> {
  const reference = readReference(referenceTsv)
  const status = readStatus(referenceTsv.replace(/\.tsv$/, '.status'))
  const columns = fields ?? reference.fields
  const { rows, error } = await ourRows(bytes, columns, reassemblesIp(referenceTsv))
  const result = compareRows(reference, rows, columns, (field, frame) => !skipFrames?.[frame - 1] && owns(field, analysis[frame - 1]))
  const unexplained = result.mismatches.filter((m) => !isDeviation(capture, m.field, m.frame))
  return { frames: result.frames, tally: result.tally, unexplained, tsharkExit: status.exitStatus, ourError: error?.code }
}

/** Adds one capture's tally into a running total. */
export function addTally(total: Map<string, FieldTally>, tally: Map<string, FieldTally>): void {
  for (const [field, t] of tally) {
    const sum = total.get(field) ?? { cells: 0, agree: 0 }
    sum.cells += t.cells
    sum.agree += t.agree
    total.set(field, sum)
  }
}

export function formatTally(title: string, total: Map<string, FieldTally>): string {
  let cells = 0
  let agree = 0
  const lines = [...total].map(([field, t]) => {
    cells += t.cells
    agree += t.agree
    return `  ${field.padEnd(34)} ${String(t.agree).padStart(8)} / ${String(t.cells).padEnd(8)} ${t.cells ? ((100 * t.agree) / t.cells).toFixed(2) : '—'} %`
  })
  return `${title}: ${agree} / ${cells} cells agree (${cells ? ((100 * agree) / cells).toFixed(3) : '—'} %)\n${lines.join('\n')}\n`
}
