import { beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionNarrative, LabReport } from '../../../../preload/contract/api'
import { buildLabReport } from '../../../../renderer/src/teach/export/lab-report'
import { DATA_HEAD, DATA_TAIL, reportRows } from '../../../../renderer/src/teach/export/report-steps'
import { longDownloadCapture } from '../../../fixtures/lesson-captures'
import { SegmentBuilder } from '../../../fixtures/segments'
import { labOf, narrativeOf } from '../../../fixtures/teaching-views'

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><style>.a{fill:red}</style><text class="a">SYN</text></svg>'

/** A visit whose request is an attack on whoever prints it. */
function hostileCapture(): Uint8Array {
  return new SegmentBuilder()
    .client({ flags: ['SYN'] })
    .server({ flags: ['SYN', 'ACK'], after: 10 })
    .client({ after: 10 })
    .client({ flags: ['PSH', 'ACK'], data: new TextEncoder().encode('<script>alert(1)</script>\r\n') })
    .server({ after: 10 })
    .client({ flags: ['FIN', 'ACK'] })
    .server({ flags: ['FIN', 'ACK'], after: 10 })
    .client({ after: 10 })
    .pcap()
}

let hostile: ConnectionNarrative
let hostileLab: LabReport
let zh: ConnectionNarrative
let zhLab: LabReport
let download: ConnectionNarrative

beforeAll(async () => {
  hostile = await narrativeOf(hostileCapture(), 0, 'en')
  hostileLab = await labOf(hostileCapture(), 0, 'en')
  zh = await narrativeOf('tcp-scenario-four-way-close', 0, 'zh-CN')
  zhLab = await labOf('tcp-scenario-four-way-close', 0, 'zh-CN')
  download = await narrativeOf(longDownloadCapture(500), 0, 'en')
}, 30_000)

describe('teach/export/lab-report', () => {
  it('should print a payload holding <script> as text, and hold no script at all', () => {
    expect(hostile.steps.some((step) => step.payload === '<script>alert(1)</script>')).toBe(true)
    const html = buildLabReport({ narrative: hostile, lab: hostileLab, svg: SVG })
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\son[a-z]+=/i)
  })

  it('should be self-contained: no external resource, and a policy that loads none', () => {
    const html = buildLabReport({ narrative: hostile, lab: hostileLab, svg: SVG })
    expect(html).not.toMatch(/\s(src|href)=/i)
    expect(html).not.toMatch(/@import|url\(/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
  })

  it('should print on A4', () => {
    const html = buildLabReport({ narrative: hostile, lab: null, svg: null })
    expect(html).toContain('@page { size: A4;')
    expect(html).toContain('@media print')
  })

  it('should hold the diagram inline, its style kept', () => {
    const html = buildLabReport({ narrative: hostile, lab: null, svg: `<?xml version="1.0" encoding="UTF-8"?>\n${SVG}` })
    expect(html).toContain(SVG)
    expect(html).not.toContain('<?xml')
  })

  it('should say when the diagram was not drawn', () => {
    expect(buildLabReport({ narrative: hostile, lab: null, svg: null })).toContain('The diagram was not drawn when this report was made.')
  })

  it('should give the step table: frame, time, direction, segment, flags, seq, ack, len, states after', () => {
    const html = buildLabReport({ narrative: hostile, lab: null, svg: null })
    const doc = new DOMParser().parseFromString(html, 'text/html')
    const table = doc.querySelector('table.steps')!
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Frame', 'Time (s)', 'Direction', 'Segment', 'Flags', 'Seq', 'Ack', 'Len', 'States after'])
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))
    expect(rows).toHaveLength(hostile.steps.length)
    expect(rows[0]).toEqual(['1', '0.000000', 'client → server', 'SYN', 'SYN', '0', '—', '0', 'client SYN-SENTserver LISTEN'])
    expect(rows[1]!.slice(4, 7)).toEqual(['SYN, ACK', '0', '1'])
    expect(rows[3]![3]).toBe('data <script>alert(1)</script>')
  })

  it("should tell each step's narrative and the lab answers", () => {
    const html = buildLabReport({ narrative: hostile, lab: hostileLab, svg: null })
    const doc = new DOMParser().parseFromString(html, 'text/html')
    expect(doc.querySelectorAll('article.step')).toHaveLength(hostile.steps.length)
    expect(doc.querySelector('article.step h3')!.textContent).toBe(hostile.steps[0]!.headline)
    expect(html).toContain('ack = 1 = 0 + 1')
    expect(doc.querySelectorAll('article.answer')).toHaveLength(hostileLab.answers.length)
    expect(doc.querySelectorAll('table.fields').length).toBe(hostileLab.fieldTables.length)
  })

  it('should be written in Chinese for a Chinese narrative', () => {
    const html = buildLabReport({ narrative: zh, lab: zhLab, svg: null })
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('TCP 实验报告')
    expect(html).toContain('<th scope="col">确认号</th>')
    expect(html).toContain(zh.title)
    expect(html).toContain(zhLab.answers[0]!.question)
  })

  it('should list a long data phase by its beginning, its end and its marked segments', () => {
    const rows = reportRows(download.steps)
    const dataSteps = download.steps.filter((step) => step.phase === 'data')
    const listed = rows.filter((row) => row.type === 'step' && row.step.phase === 'data')
    const marked = dataSteps.filter((step) => step.marks.length > 0).length
    expect(listed.length).toBeLessThanOrEqual(DATA_HEAD + DATA_TAIL + marked)
    const omitted = rows.filter((row) => row.type === 'omitted')
    expect(omitted.reduce((sum, row) => sum + (row.type === 'omitted' ? row.count : 0), 0)).toBe(dataSteps.length - listed.length)
    const html = buildLabReport({ narrative: download, lab: null, svg: null })
    expect(html).toMatch(/\d+ more data segments \(frames \d+–\d+\) are left out here\./)
  })
})
