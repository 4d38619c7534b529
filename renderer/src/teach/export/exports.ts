// The four exports of the Diagram view, each from what is on screen to a saved file: the diagram
// as SVG or PNG, the connection as Mermaid, and the lab report (its narrative and lab answers
// asked for in the report's language).
import type { ConnectionNarrative, Lang } from '../../../../preload/contract/api'
import { useApiStore } from '../../stores/api'
import { useCaptureStore } from '../../stores/capture'
import { downloadBlob, downloadText } from './download'
import { EXPORT_TYPES, exportFileName, mermaidFileText } from './files'
import { buildLabReport } from './lab-report'
import { renderPng } from './png'
import { serializeSvg, svgSize } from './svg-file'

/** Something an export could not do, worded by the locale key `quiz.export.${reason}`. */
export class ExportProblem extends Error {
  constructor(readonly reason: 'noDiagram' | 'noAnswer') {
    super(reason)
  }
}

function diagramMarkup(svg: SVGSVGElement | null): string {
  if (!svg) throw new ExportProblem('noDiagram')
  return serializeSvg(svg)
}

export function exportSvg(svg: SVGSVGElement | null, stream: number): void {
  downloadText(diagramMarkup(svg), EXPORT_TYPES.svg, exportFileName(stream, 'svg'))
}

/**
 * Behind the PNG: white. Outside the app the diagram's theme variables are undefined and its
 * stylesheet falls back to the light theme's colours, whatever theme the app shows.
 */
export const PNG_BACKGROUND = '#ffffff'

export async function exportPng(svg: SVGSVGElement | null, stream: number): Promise<void> {
  const markup = diagramMarkup(svg)
  const size = svgSize(markup)
  if (!size) throw new ExportProblem('noDiagram')
  downloadBlob(await renderPng(markup, size, 2, PNG_BACKGROUND), exportFileName(stream, 'png'))
}

export function exportMermaid(narrative: ConnectionNarrative): void {
  downloadText(mermaidFileText(narrative), EXPORT_TYPES.mermaid, exportFileName(narrative.stream, 'mermaid'))
}

/** The lab report in `lang` (the narrative is asked again when the one shown is in the other language). */
export async function exportReport(narrative: ConnectionNarrative, lang: Lang, svg: SVGSVGElement | null): Promise<void> {
  const api = useApiStore()
  const told = narrative.lang === lang ? narrative : await api.request('narrative', narrative.stream, lang)
  if (!told) throw new ExportProblem('noAnswer')
  const lab = (await api.request('lab', narrative.stream, lang)) ?? null
  const html = buildLabReport({
    narrative: told,
    lab,
    svg: svg ? serializeSvg(svg) : null,
    file: useCaptureStore().file?.name,
    madeAt: new Date().toLocaleString(lang),
  })
  downloadText(html, EXPORT_TYPES.report, exportFileName(narrative.stream, 'report', lang))
}
