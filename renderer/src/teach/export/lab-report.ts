// A lab report for one connection as one self-contained HTML file: the connection's title and
// summary, the sequence diagram (inline SVG), the step table, the narrative of each step, the lab
// answers and the header-field tables, in one language. No scripts, no external resources, A4 when
// printed. Every text from the capture or the narrative is escaped.
import type { ConnectionNarrative, LabFieldTable, LabReport, Lang, NarrativeStep, RoleName } from '../../../../preload/contract/api'
import { en, zhCN } from '../../locales/teach/quiz'
import { escapeHtml, escapeWithCode } from './html-escape'
import { reportRows, type ReportRow } from './report-steps'
import { REPORT_CSS } from './report-style'
import { inlineSvg } from './svg-file'

export type ReportWords = typeof en.report

export interface LabReportInput {
  narrative: ConnectionNarrative
  /** The lab assistant's answers in the same language (null: not available). */
  lab: LabReport | null
  /** The diagram's SVG markup (null: not drawn). */
  svg: string | null
  /** The capture file's name, and when the report was made (both shown as given). */
  file?: string
  madeAt?: string
}

const WORDS: Record<Lang, ReportWords> = { en: en.report, 'zh-CN': zhCN.report }
const FLAG_ACK = 0x10
const ROLES: RoleName[] = ['client', 'server']
/** Nothing may be loaded or run, whatever the file holds. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

export function reportWords(lang: Lang): ReportWords {
  return WORDS[lang]
}

/** A report word with its {parameters} filled in. */
function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

const lines = (items: readonly string[], tag = 'p'): string => items.map((line) => `<${tag}>${escapeWithCode(line)}</${tag}>`).join('')
const list = (items: readonly string[]): string => (items.length ? `<ul>${lines(items, 'li')}</ul>` : '')

function section(title: string, body: string, className = ''): string {
  return `<section${className ? ` class="${className}"` : ''}><h2>${escapeHtml(title)}</h2>${body}</section>`
}

function statesAfter(step: NarrativeStep, words: ReportWords): string {
  return ROLES.map((role) => {
    const changed = step.before[role] !== step.after[role]
    return `<span${changed ? ' class="changed"' : ''}>${escapeHtml(words[role])} ${escapeHtml(step.after[role])}</span>`
  }).join('<br>')
}

function segmentCell(step: NarrativeStep): string {
  const payload = step.payload ? ` <q class="payload">${escapeHtml(step.payload)}</q>` : ''
  return `${escapeHtml(step.label)}${payload}`
}

function stepRow(step: NarrativeStep, words: ReportWords): string {
  const segment = step.segment
  const cells = [
    `<td class="num">${escapeHtml(step.frame)}</td>`,
    `<td class="num">${escapeHtml(step.time.toFixed(6))}</td>`,
    `<td>${escapeHtml(step.direction)}</td>`,
    `<td>${segmentCell(step)}</td>`,
    `<td class="mono">${escapeHtml(segment.flagNames.join(', '))}</td>`,
    `<td class="num">${escapeHtml(segment.seq)}</td>`,
    `<td class="num">${(segment.flags & FLAG_ACK) !== 0 ? escapeHtml(segment.ack) : '—'}</td>`,
    `<td class="num">${segment.length >= 0 ? escapeHtml(segment.length) : '?'}</td>`,
    `<td>${statesAfter(step, words)}</td>`,
  ]
  return `<tr>${cells.join('')}</tr>`
}

function omittedRow(row: Extract<ReportRow, { type: 'omitted' }>, words: ReportWords): string {
  return `<tr class="omitted"><td colspan="9">${escapeHtml(fill(words.omitted, row))}</td></tr>`
}

function stepTable(rows: readonly ReportRow[], words: ReportWords): string {
  const heads = [words.frame, words.time, words.direction, words.segment, words.flags, words.seq, words.ack, words.len, words.statesAfter]
  const head = `<thead><tr>${heads.map((word) => `<th scope="col">${escapeHtml(word)}</th>`).join('')}</tr></thead>`
  const body = rows.map((row) => (row.type === 'step' ? stepRow(row.step, words) : omittedRow(row, words))).join('')
  return `<table class="steps">${head}<tbody>${body}</tbody></table>`
}

function part(title: string, body: string): string {
  return body ? `<h4>${escapeHtml(title)}</h4>${body}` : ''
}

function stepNarrative(step: NarrativeStep, words: ReportWords): string {
  const payload = step.payload ? part(words.payload, `<p><q class="payload">${escapeHtml(step.payload)}</q></p>`) : ''
  return [
    `<article class="step phase-${escapeHtml(step.phase)}"><h3>${escapeHtml(step.headline)}</h3>`,
    part(words.does, step.does ? `<p>${escapeWithCode(step.does)}</p>` : ''),
    payload,
    part(words.arithmetic, list(step.arithmetic)),
    part(words.states, list(step.states)),
    part(words.notes, list(step.notes)),
    '</article>',
  ].join('')
}

function narrativeSection(rows: readonly ReportRow[], words: ReportWords): string {
  const body = rows.map((row) => (row.type === 'step' ? stepNarrative(row.step, words) : `<p class="frames">${escapeHtml(fill(words.omitted, row))}</p>`)).join('')
  return section(words.narrative, body)
}

function fieldTable(table: LabFieldTable, words: ReportWords): string {
  const heads = [words.field, words.name, words.bits, words.value, words.meaning]
  const head = `<thead><tr>${heads.map((word) => `<th scope="col">${escapeHtml(word)}</th>`).join('')}</tr></thead>`
  const body = table.rows
    .map((row) => `<tr><td class="mono">${escapeHtml(row.field)}</td><td>${escapeHtml(row.name)}</td><td class="num">${escapeHtml(row.bits)}</td><td class="mono">${escapeHtml(row.value)}</td><td>${escapeWithCode(row.meaning)}</td></tr>`)
    .join('')
  return `<h3>${escapeHtml(table.title)}</h3><table class="fields">${head}<tbody>${body}</tbody></table>`
}

function labSection(lab: LabReport | null, words: ReportWords): string {
  if (!lab) return ''
  const answers = lab.answers
    .map((answer) => {
      const frames = answer.frames.length ? `<p class="frames">${escapeHtml(words.frames)}: ${escapeHtml(answer.frames.join(', '))}</p>` : ''
      return `<article class="answer"><h3>${escapeHtml(answer.question)}</h3>${lines(answer.answer)}${frames}</article>`
    })
    .join('')
  const fields = lab.fieldTables.length ? `<h2>${escapeHtml(words.fields)}</h2>${lab.fieldTables.map((table) => fieldTable(table, words)).join('')}` : ''
  return section(words.lab, answers) + fields
}

function topicsSection(narrative: ConnectionNarrative, words: ReportWords): string {
  if (!narrative.topics.length) return ''
  const body = narrative.topics.map((topic) => `<article class="topic"><h3>${escapeHtml(topic.title)}</h3>${lines(topic.text)}</article>`).join('')
  return section(words.topics, body)
}

function header(input: LabReportInput, words: ReportWords): string {
  const made = [words.madeWith, input.file, input.madeAt].filter((item): item is string => Boolean(item)).map(escapeHtml).join(' · ')
  return `<header><p class="kicker">${escapeHtml(words.title)}</p><h1>${escapeHtml(input.narrative.title)}</h1><p class="made">${made}</p></header>`
}

/** The report's whole HTML text, in the narrative's language. */
export function buildLabReport(input: LabReportInput): string {
  const { narrative } = input
  const words = reportWords(narrative.lang)
  const rows = reportRows(narrative.steps)
  const diagram = input.svg ? inlineSvg(input.svg) : `<p>${escapeHtml(words.noDiagram)}</p>`
  const body = [
    header(input, words),
    section(words.summary, list(narrative.summary)),
    section(words.diagram, diagram, 'diagram'),
    section(words.steps, stepTable(rows, words)),
    narrativeSection(rows, words),
    labSection(input.lab, words),
    topicsSection(narrative, words),
  ].join('\n')
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(narrative.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${words.title} · ${narrative.title}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n')
}
