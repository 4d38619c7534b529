// What each export is called and typed: tcp-stream-3.svg, tcp-stream-3.png, tcp-stream-3.mmd,
// tcp-stream-3-report.zh-CN.html.
import type { ConnectionNarrative, Lang } from '../../../../preload/contract/api'

export type ExportKind = 'svg' | 'png' | 'mermaid' | 'report'

export const EXPORT_TYPES: Record<ExportKind, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  mermaid: 'text/plain',
  report: 'text/html',
}

const EXTENSIONS: Record<Exclude<ExportKind, 'report'>, string> = { svg: 'svg', png: 'png', mermaid: 'mmd' }

export function exportFileName(stream: number, kind: ExportKind, lang?: Lang): string {
  const base = `tcp-stream-${stream}`
  return kind === 'report' ? `${base}-report.${lang ?? 'en'}.html` : `${base}.${EXTENSIONS[kind]}`
}

/** The connection's Mermaid sequenceDiagram as a .mmd file (ending with a newline). */
export function mermaidFileText(narrative: Pick<ConnectionNarrative, 'mermaid'>): string {
  return narrative.mermaid.endsWith('\n') ? narrative.mermaid : `${narrative.mermaid}\n`
}
