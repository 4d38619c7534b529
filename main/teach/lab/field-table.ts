// The per-field table of a handshake or teardown segment: its TCP header read from the decoded
// tree (Wireshark's field names and values), each field with its size and what it means here.
import type { LabFieldRow, LabFieldTable } from '../../../preload/contract/dto'
import type { Field } from '../../decode/field'
import type { ConnectionTimeline, Step } from '../../tcp/step'
import { otherRole } from '../../tcp/step'
import { format, m } from '../catalog'
import { explainContext, explainStep } from '../explain-step'
import type { Lang } from '../lang'
import { labelText, titleMsg } from '../phrases'
import { HEADER_FIELDS, OPTION_FIELDS, OTHER_OPTION, type FieldSpec, type RowContext } from './field-meaning'
import { frame, role } from './words'

function findTcp(tree: readonly Field[]): Field | undefined {
  for (const f of tree) {
    if (f.name === 'tcp') return f
    const inner = f.children ? findTcp(f.children) : undefined
    if (inner) return inner
  }
  return undefined
}

function row(field: Field, spec: FieldSpec, ctx: RowContext, lang: Lang): LabFieldRow {
  const value = spec.value(field, ctx)
  return {
    field: field.name,
    name: format({ key: spec.name }, lang),
    bits: spec.bits(field),
    value: typeof value === 'string' ? value : format(value, lang),
    meaning: format(spec.meaning(field, ctx), lang),
  }
}

/** The rows of the header's fields in tree order: the flags' bits after the flags, each option after the options. */
export function fieldRows(tcp: Field, step: Step, lang: Lang): LabFieldRow[] {
  const ctx: RowContext = { step, tcp }
  const rows: LabFieldRow[] = []
  for (const field of tcp.children ?? []) {
    if (field.generated || field.hidden) continue
    const spec = HEADER_FIELDS[field.name]
    if (!spec) continue
    rows.push(row(field, spec, ctx, lang))
    const parts = field.name === 'tcp.flags' || field.name === 'tcp.options' ? (field.children ?? []) : []
    for (const part of parts) {
      if (part.generated || part.hidden) continue
      const partSpec = field.name === 'tcp.flags' ? HEADER_FIELDS[part.name] : (OPTION_FIELDS[part.name] ?? OTHER_OPTION)
      if (partSpec) rows.push(row(part, partSpec, ctx, lang))
    }
  }
  return rows
}

/** One table per segment whose tree was decoded, in capture order. */
export function fieldTables(timeline: ConnectionTimeline & { steps: Step[] }, trees: ReadonlyMap<number, Field[]>, lang: Lang): LabFieldTable[] {
  const out: LabFieldTable[] = []
  // Once for the connection: per step it would make the tables quadratic in the steps.
  const context = explainContext(timeline.steps)
  timeline.steps.forEach((step, index) => {
    const tree = trees.get(step.frame)
    const tcp = tree ? findTcp(tree) : undefined
    if (!tcp) return
    const title = m('lab.table.title', {
      title: titleMsg(explainStep(timeline, index, context)),
      label: labelText(step.label, lang),
      from: role(step.from),
      to: role(otherRole(step.from)),
      frame: frame(step.frame),
    })
    out.push({ frame: step.frame, title: format(title, lang), rows: fieldRows(tcp, step, lang) })
  })
  return out
}
