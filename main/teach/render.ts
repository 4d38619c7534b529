// Renderers: a connection's narrated timeline as plain text, Markdown or a Mermaid sequence
// diagram; capture-level findings; the background topics. All words come from the catalogs.
import type { CaptureFinding, ConnectionTimeline } from '../tcp/step'
import { format, m, type Msg } from './catalog'
import { describeExplanation, type DescribedConnection, type DescribedStep } from './describe'
import { explainConnection, type ConnectionExplanation } from './explain-step'
import type { Lang } from './lang'
import { renderMermaid } from './mermaid'
import { findingMsg, topicBody, topicTitle } from './phrases'
import { TOPIC_IDS, type TopicId } from './topics'

export type Format = 'text' | 'markdown' | 'mermaid'
export const FORMATS: readonly Format[] = ['text', 'markdown', 'mermaid']

export interface RenderOptions {
  lang: Lang
  format: Format
  /** Append the background topics the connection links to (default true; not in Mermaid). */
  topics?: boolean
}

/** Parses a `--format` value; anything else throws. */
export function parseFormat(value: string): Format {
  const v = value.trim().toLowerCase()
  if (v === 'md') return 'markdown'
  if ((FORMATS as readonly string[]).includes(v)) return v as Format
  throw new Error(`unknown format "${value}": use text, markdown or mermaid`)
}

// ---- Text helpers ----

/** Code in backticks reads fine without them on a terminal. */
function stripCode(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1')
}

/** Terminal columns of a string: East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
    width += wide ? 2 : 1
  }
  return width
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

// ---- Markdown helpers ----

/** Escapes Markdown outside `code` spans (inline: emphasis, links, HTML). */
export function mdInline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\*_[\]<>|])/g, '\\$1')))
    .join('')
}

const CHECK = '✓'
const CROSS = '✗'

function mark(known: boolean, isNew: boolean, lang: Lang): string {
  if (!known) return CROSS
  return isNew ? format(m('knows.new', { mark: CHECK }), lang) : CHECK
}

// ---- Steps ----

function textStep(d: DescribedStep, lang: Lang): string[] {
  const f = (msg: Msg) => format(msg, lang)
  const label = (key: Parameters<typeof m>[0], text: string) => f(m('labelled', { label: f({ key }), text }))
  if (d.compact) return [`  ${stripCode(d.line)}`]
  const out = [d.headline]
  out.push(`    ${label('section.sent', d.sent.join(' · '))}`)
  out.push(`    ${label('section.does', d.does)}`)
  out.push(`    ${label('section.numbers', '')}`.trimEnd())
  for (const a of d.arithmetic) out.push(`      • ${a}`)
  out.push(`    ${label('section.states', '')}`.trimEnd())
  for (const s of d.states) out.push(`      • ${s}`)
  if (d.knowledge) {
    const header = f(m('knows.header'))
    const client = f(m('role.client'))
    const server = f(m('role.server'))
    const rows = d.knowledge.rows.map((r) => [r.label, mark(r.client, r.newClient, lang), mark(r.server, r.newServer, lang)])
    // The header starts two columns left of the rows; the columns line up after both.
    const w0 = Math.max(displayWidth(header), 2 + Math.max(...rows.map((r) => displayWidth(r[0]!))))
    const w1 = Math.max(displayWidth(client), ...rows.map((r) => displayWidth(r[1]!)))
    out.push(`    ${padEnd(header, w0)}  ${padEnd(client, w1)}  ${server}`)
    for (const r of rows) out.push(`      ${padEnd(r[0]!, w0 - 2)}  ${padEnd(r[1]!, w1)}  ${r[2]}`)
    for (const l of d.knowledge.learned) out.push(`      ${l}`)
  }
  if (d.notes.length > 0) {
    out.push(`    ${label('section.notes', '')}`.trimEnd())
    for (const n of d.notes) out.push(`      • ${n}`)
  }
  if (d.seeAlso.length > 0) out.push(`    ${label('section.seeAlso', d.seeAlso.join(lang === 'zh-CN' ? '；' : '; '))}`)
  return out.map(stripCode)
}

function markdownStep(d: DescribedStep, lang: Lang): string[] {
  const f = (msg: Msg) => format(msg, lang)
  const bold = (key: Parameters<typeof m>[0], text: string) => f(m('labelled', { label: `**${mdInline(f({ key }))}**`, text }))
  if (d.compact) return [`- ${mdInline(d.line)}`]
  const out = [`### ${mdInline(d.headline)}`, '']
  out.push(`- ${bold('section.sent', mdInline(d.sent.join(' · ')))}`)
  out.push(`- ${bold('section.does', mdInline(d.does))}`)
  out.push(`- ${bold('section.numbers', '').trimEnd()}`)
  for (const a of d.arithmetic) out.push(`  - ${mdInline(a)}`)
  out.push(`- ${bold('section.states', '').trimEnd()}`)
  for (const s of d.states) out.push(`  - ${mdInline(s)}`)
  if (d.notes.length > 0) {
    out.push(`- ${bold('section.notes', '').trimEnd()}`)
    for (const n of d.notes) out.push(`  - ${mdInline(n)}`)
  }
  if (d.seeAlso.length > 0) out.push(`- ${bold('section.seeAlso', d.seeAlso.map(mdInline).join(lang === 'zh-CN' ? '；' : '; '))}`)
  if (d.knowledge) {
    out.push('', `| ${mdInline(f(m('knows.header')))} | ${f(m('role.client'))} | ${f(m('role.server'))} |`, '| --- | :-: | :-: |')
    for (const r of d.knowledge.rows) out.push(`| ${mdInline(r.label)} | ${mark(r.client, r.newClient, lang)} | ${mark(r.server, r.newServer, lang)} |`)
    if (d.knowledge.learned.length > 0) out.push('', ...d.knowledge.learned.map((l) => `${mdInline(l)}  `))
  }
  out.push('')
  return out
}

// ---- Topics ----

/** The background topics, each once, as text or Markdown. */
export function renderTopics(ids: readonly TopicId[], lang: Lang, fmt: 'text' | 'markdown' = 'text'): string {
  const ordered = TOPIC_IDS.filter((id) => ids.includes(id))
  if (ordered.length === 0) return ''
  const heading = format(m('section.topics'), lang)
  const out: string[] = []
  if (fmt === 'markdown') {
    out.push(`### ${mdInline(heading)}`, '')
    for (const id of ordered) {
      out.push(`#### ${mdInline(format(topicTitle(id), lang))}`, '')
      for (const para of format(topicBody(id), lang).split('\n\n')) out.push(mdInline(para), '')
    }
    return out.join('\n').trimEnd() + '\n'
  }
  out.push(heading)
  for (const id of ordered) {
    out.push('', `  ■ ${format(topicTitle(id), lang)}`)
    for (const para of format(topicBody(id), lang).split('\n\n')) out.push('', `    ${stripCode(para)}`)
  }
  return out.join('\n') + '\n'
}

// ---- Connections ----

function textConnection(d: DescribedConnection, lang: Lang): string {
  const out = [d.title, ...d.summary.map((s) => `  ${stripCode(s)}`), '']
  if (d.steps.length === 0) out.push(`  ${format(m('conn.noSteps'), lang)}`)
  let previousCompact = false
  for (const step of d.steps) {
    // A blank line before each full step and before a run of one-line steps.
    if ((!step.compact || !previousCompact) && out[out.length - 1] !== '') out.push('')
    out.push(...textStep(step, lang))
    previousCompact = step.compact
  }
  return out.join('\n') + '\n'
}

function markdownConnection(d: DescribedConnection, lang: Lang): string {
  const out = [`## ${mdInline(d.title)}`, '', ...d.summary.map((s) => `- ${mdInline(s)}`), '']
  if (d.steps.length === 0) out.push(mdInline(format(m('conn.noSteps'), lang)), '')
  let previousCompact = false
  for (const step of d.steps) {
    if (!step.compact && previousCompact) out.push('')
    out.push(...markdownStep(step, lang))
    previousCompact = step.compact
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}

/**
 * One connection's narrated timeline: a header (client/server, how it opened and closed, who
 * closed first, completeness, iRTT), then every step (frame, time, step as taught, label,
 * seq/ack, states before → after and why, the arithmetic, the handshake checklist, notes; data
 * steps on one line each), then the linked background topics once.
 */
export function renderConnection(timeline: ConnectionTimeline, options: RenderOptions): string {
  return renderExplained(explainConnection(timeline), options)
}

function renderExplained(explained: ConnectionExplanation, options: RenderOptions): string {
  if (options.format === 'mermaid') return renderMermaid(explained, options.lang)
  const described = describeExplanation(explained, options.lang)
  const body = options.format === 'markdown' ? markdownConnection(described, options.lang) : textConnection(described, options.lang)
  const withTopics = (options.topics ?? true) && described.topics.length > 0
  return withTopics ? `${body}\n${renderTopics(described.topics, options.lang, options.format)}` : body
}

/**
 * Capture-level findings (the SYN-flood warning with its count and sources), followed by the
 * SYN-flood topic unless `topics` is false. Empty string when there are none.
 */
export function renderFindings(findings: readonly CaptureFinding[], lang: Lang, fmt: 'text' | 'markdown' = 'text', topics = true): string {
  if (findings.length === 0) return ''
  const title = format(m('findings.title'), lang)
  const lines = findings.map((fd) => format(findingMsg(fd), lang))
  const ids: TopicId[] = findings.some((fd) => fd.code === 'syn-flood') ? ['syn-flood'] : []
  const out = fmt === 'markdown' ? [`## ${mdInline(title)}`, '', ...lines.map((l) => `- ⚠ ${mdInline(l)}`), ''] : [title, ...lines.map((l) => `  ⚠ ${stripCode(l)}`), '']
  return out.join('\n') + (topics && ids.length ? `\n${renderTopics(ids, lang, fmt)}` : '')
}

/**
 * A whole capture for `tcplens explain`: the findings, then each connection, then every
 * background topic once (text and Markdown). Mermaid: one diagram per connection, separated by
 * a blank line and a `%% stream N` comment (a Mermaid file holds one diagram: split on those).
 */
export function renderCapture(timelines: readonly ConnectionTimeline[], findings: readonly CaptureFinding[], options: RenderOptions): string {
  return [...renderCaptureParts(timelines, findings, options)].join('\n')
}

/**
 * renderCapture in parts (the findings, each connection, the topics), so a long capture can be
 * written out connection by connection.
 */
export function* renderCaptureParts(timelines: Iterable<ConnectionTimeline>, findings: readonly CaptureFinding[], options: RenderOptions): Generator<string> {
  if (options.format === 'mermaid') {
    for (const t of timelines) yield `%% TCP stream ${t.stream}\n${renderConnection(t, options)}`
    return
  }
  const fmt = options.format
  const findingText = renderFindings(findings, options.lang, fmt, false)
  if (findingText) yield findingText
  const topics = new Set<TopicId>()
  if (findings.some((f) => f.code === 'syn-flood')) topics.add('syn-flood')
  for (const t of timelines) {
    const explained = explainConnection(t)
    yield renderExplained(explained, { ...options, topics: false })
    for (const id of explained.topics) topics.add(id)
  }
  if (options.topics ?? true) {
    const text = renderTopics([...topics], options.lang, fmt)
    if (text) yield text
  }
}
