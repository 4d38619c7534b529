// A connection as a Mermaid sequence diagram: the client and the server as participants, one
// arrow per step (frame, step as taught, label, seq/ack), and the states as `Note over` lines.
//
// Mermaid reads `#` and `;` in a message as syntax, and a participant's alias ends at `:`, `,`,
// `;`, `-`, `+` or `>`; all of them are written as entity codes (`#58;`), which Mermaid turns
// back into the characters when it draws.
import { format, m } from './catalog'
import type { ConnectionExplanation, StepExplanation } from './explain-step'
import type { Lang } from './lang'
import { endpoint, labelText, summaryMsgs, titleMsg } from './phrases'
import { LINUX_TIME_WAIT_SECONDS } from '../tcp/states'
import type { Role } from '../tcp/step'

/** Text after the colon of a message or a note. */
export function mermaidText(text: string): string {
  return text
    .replace(/`([^`]*)`/g, '$1')
    .replace(/[#;]/g, (ch) => `#${ch.codePointAt(0)};`)
    .replace(/\r?\n/g, '<br/>')
}

/** A participant's alias (it may not contain : , ; - + > # or a newline as such). */
export function mermaidAlias(text: string): string {
  return text.replace(/[#:,;\-+<>]/g, (ch) => `#${ch.codePointAt(0)};`).replace(/\r?\n/g, ' ')
}

const ID: Record<Role, string> = { client: 'C', server: 'S' }

function arrowText(step: StepExplanation, lang: Lang): string {
  const s = step.sent
  const parts = [format(m('step.frame', { n: step.frame }), lang)]
  if (step.step.length > 0 || !step.compact) parts.push(format(titleMsg(step), lang))
  parts.push(labelText(step.label, lang))
  const numbers = [`seq=${s.seq}`]
  if (s.hasAck) numbers.push(`ack=${s.ack}`)
  if (s.length > 0) numbers.push(`len=${s.length}`)
  parts.push(numbers.join(' '))
  return parts.join(' · ')
}

function stateNote(step: StepExplanation, role: Role, lang: Lang): string | null {
  const changes = step.states.changes.filter((c) => c.role === role)
  if (changes.length === 0) return null
  const chain = changes.map((c) => (c.to === 'TIME-WAIT' ? format(m('mermaid.timeWait', { linux: LINUX_TIME_WAIT_SECONDS }), lang) : c.to))
  return chain.join(' → ')
}

/** The diagram (valid Mermaid `sequenceDiagram` syntax), one statement per line. */
export function renderMermaid(c: ConnectionExplanation, lang: Lang): string {
  const f = (key: 'role.client' | 'role.server') => format(m(key), lang)
  const lines = ['sequenceDiagram']
  lines.push(`    participant C as ${mermaidAlias(`${f('role.client')} ${endpoint(c.client)}`)}`)
  lines.push(`    participant S as ${mermaidAlias(`${f('role.server')} ${endpoint(c.server)}`)}`)
  const [open, close] = summaryMsgs(c).map((msg) => format(msg, lang))
  lines.push(`    Note over C,S: ${mermaidText(`${format(m('mermaid.stream', { stream: c.stream }), lang)} · ${open} · ${close}`)}`)
  const first = c.steps[0]
  if (first) {
    lines.push(`    Note over C: ${mermaidText(first.states.before.client)}`)
    lines.push(`    Note over S: ${mermaidText(first.states.before.server)}`)
  }
  for (const step of c.steps) {
    const arrow = step.sent.flagNames.includes('RST') ? '-x' : '->>'
    lines.push(`    ${ID[step.from]}${arrow}${ID[step.to]}: ${mermaidText(arrowText(step, lang))}`)
    for (const role of ['client', 'server'] as const) {
      const note = stateNote(step, role, lang)
      if (note) lines.push(`    Note over ${ID[role]}: ${mermaidText(note)}`)
    }
  }
  return lines.join('\n') + '\n'
}
