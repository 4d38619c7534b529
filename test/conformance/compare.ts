// Runs TCP Lens over a capture exactly as `tcplens fields` would, and compares it with
// tshark's reference column by column.
import { openCaptureBytes } from '../../main/capture/open'
import { CaptureError } from '../../main/capture/source'
import { DecodePass } from '../../main/decode/pass'
import { formatFieldsRow, type FieldsOptions } from '../../main/cli/fields'
import type { Reference } from './tsv'

export const REFERENCE_OPTIONS: FieldsOptions = { header: false, separator: '\t', occurrence: 'a', aggregator: '|', quote: '' }

export interface OurRows {
  rows: string[][]
  error?: CaptureError
}

/**
 * Our rows for `fields`, plus the capture error that ended the read, if any. IP reassembly is on
 * (tshark-reference.sh, tshark's default) unless `reassembleIp` is false (decode-reference.sh).
 */
export async function ourRows(bytes: Uint8Array, fields: readonly string[], reassembleIp = true): Promise<OurRows> {
  const rows: string[][] = []
  let reader
  try {
    reader = await openCaptureBytes(bytes)
    const pass = new DecodePass(reader.info, { reassembleIp })
    for await (const batch of reader.batches()) {
      for (const raw of batch) rows.push(formatFieldsRow(pass.decode(raw), fields, REFERENCE_OPTIONS).split('\t'))
    }
    return { rows }
  } catch (error) {
    if (error instanceof CaptureError) return { rows, error }
    throw error
  } finally {
    await reader?.close()
  }
}

export interface Mismatch {
  frame: number
  field: string
  ours: string
  tshark: string
}

export interface FieldTally {
  cells: number
  agree: number
}

export interface Comparison {
  frames: { ours: number; tshark: number }
  tally: Map<string, FieldTally>
  mismatches: Mismatch[]
}

/**
 * Compares cell by cell over the fields given (a subset of the reference's columns).
 * Frames present in only one side count as disagreeing in every field. Cells for which `owns`
 * says no are left out of the count.
 */
export function compareRows(reference: Reference, ours: string[][], fields: readonly string[], owns?: (field: string, frame: number) => boolean): Comparison {
  const tally = new Map<string, FieldTally>(fields.map((f) => [f, { cells: 0, agree: 0 }]))
  const mismatches: Mismatch[] = []
  const columns = fields.map((f) => reference.fields.indexOf(f))
  const frames = Math.max(reference.rows.length, ours.length)
  for (let i = 0; i < frames; i++) {
    const theirs = reference.rows[i]
    const mine = ours[i]
    fields.forEach((field, k) => {
      if (owns && !owns(field, i + 1)) return
      const t = tally.get(field)!
      t.cells++
      const tshark = theirs?.[columns[k]] ?? '<no frame>'
      const value = mine?.[k] ?? '<no frame>'
      if (tshark === value) t.agree++
      else mismatches.push({ frame: i + 1, field, ours: value, tshark })
    })
  }
  return { frames: { ours: ours.length, tshark: reference.rows.length }, tally, mismatches }
}
