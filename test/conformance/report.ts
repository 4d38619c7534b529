// A maintainer's report: per-field agreement of TCP Lens with a directory of tshark references.
//   npx tsx test/conformance/report.ts REFERENCE_DIR CAPTURE_DIR [FIELD_PREFIX...]
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { compareRows, ourRows } from './compare'
import { readReference } from './tsv'

async function main(): Promise<void> {
  const [refDir, captureDir, ...prefixes] = process.argv.slice(2)
  const total = new Map<string, { cells: number; agree: number }>()
  const examples = new Map<string, string[]>()
  for (const name of readdirSync(refDir).filter((n) => n.endsWith('.tsv')).sort()) {
    const capture = name.replace(/\.tsv$/, '')
    const reference = readReference(join(refDir, name))
    if (reference.fields.length === 0) continue
    const fields = reference.fields.filter((f) => prefixes.length === 0 || prefixes.some((p) => f.startsWith(p)))
    const { rows, error } = await ourRows(readFileSync(join(captureDir, capture)), fields)
    const result = compareRows(reference, rows, fields)
    if (error) console.log(`${capture}: read stopped: ${error.message}`)
    for (const [field, t] of result.tally) {
      const sum = total.get(field) ?? { cells: 0, agree: 0 }
      sum.cells += t.cells
      sum.agree += t.agree
      total.set(field, sum)
    }
    for (const m of result.mismatches) {
      const list = examples.get(m.field) ?? []
      if (list.length < 4) list.push(`${capture}#${m.frame}: ours=${JSON.stringify(m.ours)} tshark=${JSON.stringify(m.tshark)}`)
      examples.set(m.field, list)
    }
  }
  let cells = 0
  let agree = 0
  for (const [field, t] of total) {
    cells += t.cells
    agree += t.agree
    if (t.agree !== t.cells) {
      console.log(`${field}: ${t.agree}/${t.cells}`)
      for (const e of examples.get(field) ?? []) console.log(`    ${e}`)
    }
  }
  console.log(`all fields: ${agree}/${cells} cells agree (${((100 * agree) / cells).toFixed(3)} %) over ${total.size} fields`)
}

void main()
