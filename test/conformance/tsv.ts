// Reading the tshark reference files: tab-separated, a header row of field names, no quoting.
import { readFileSync } from 'node:fs'

export interface Reference {
  fields: string[]
  rows: string[][]
}

export function readReference(path: string): Reference {
  const lines = readFileSync(path, 'utf8').split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const [header, ...rest] = lines
  // tshark writes nothing at all for a file it cannot open.
  const fields = header === undefined ? [] : header.split('\t')
  return withoutCustomBlocks({ fields, rows: rest.map((line) => line.split('\t')) })
}

/**
 * tshark 4.0 lists each pcapng custom block as a record of its own ("Custom Block: PEN = …"),
 * numbered among the frames. TCP Lens skips custom blocks, as it skips every block that is not
 * a packet, so the comparison drops those records and numbers the frames without them.
 */
function withoutCustomBlocks(reference: Reference): Reference {
  const info = reference.fields.indexOf('_ws.col.Info')
  const number = reference.fields.indexOf('frame.number')
  if (info < 0 || !reference.rows.some((row) => row[info]?.startsWith('Custom Block: '))) return reference
  const rows = reference.rows.filter((row) => !row[info]?.startsWith('Custom Block: '))
  if (number >= 0) rows.forEach((row, i) => (row[number] = String(i + 1)))
  return { fields: reference.fields, rows }
}

/** tshark's exit status and stderr, as tshark-reference.sh records them. */
export function readStatus(path: string): { exitStatus: number; stderr: string } {
  const text = readFileSync(path, 'utf8')
  const exitStatus = Number(/exit_status=(\d+)/.exec(text)?.[1] ?? NaN)
  return { exitStatus, stderr: text.split('stderr:\n')[1]?.trim() ?? '' }
}
