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
  const fields = header.split('\t')
  return { fields, rows: rest.map((line) => line.split('\t')) }
}

/** tshark's exit status and stderr, as tshark-reference.sh records them. */
export function readStatus(path: string): { exitStatus: number; stderr: string } {
  const text = readFileSync(path, 'utf8')
  const exitStatus = Number(/exit_status=(\d+)/.exec(text)?.[1] ?? NaN)
  return { exitStatus, stderr: text.split('stderr:\n')[1]?.trim() ?? '' }
}
