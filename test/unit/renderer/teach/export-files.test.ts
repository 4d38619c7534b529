import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeWithCode } from '../../../../renderer/src/teach/export/html-escape'
import { exportFileName, mermaidFileText } from '../../../../renderer/src/teach/export/files'
import { canvasSize, svgDataUrl } from '../../../../renderer/src/teach/export/png'

describe('teach/export/files', () => {
  it('should name the files after the stream, the report also after its language', () => {
    expect(exportFileName(3, 'svg')).toBe('tcp-stream-3.svg')
    expect(exportFileName(3, 'png')).toBe('tcp-stream-3.png')
    expect(exportFileName(3, 'mermaid')).toBe('tcp-stream-3.mmd')
    expect(exportFileName(3, 'report', 'zh-CN')).toBe('tcp-stream-3-report.zh-CN.html')
  })

  it('should end the Mermaid file with a newline', () => {
    expect(mermaidFileText({ mermaid: 'sequenceDiagram\n    C->>S: SYN' })).toBe('sequenceDiagram\n    C->>S: SYN\n')
    expect(mermaidFileText({ mermaid: 'sequenceDiagram\n' })).toBe('sequenceDiagram\n')
  })
})

describe('teach/export/html-escape', () => {
  it('should escape everything that could open markup or end an attribute', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;')
  })

  it('should show `backticked` values as code, still escaped', () => {
    expect(escapeWithCode('set `tcp_fin_timeout < 60`')).toBe('set <code>tcp_fin_timeout &lt; 60</code>')
  })
})

describe('teach/export/png', () => {
  it('should put the SVG in a base64 data: URL as UTF-8', () => {
    const url = svgDataUrl('<svg><text>三次握手</text></svg>')
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true)
    const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0))
    expect(new TextDecoder().decode(bytes)).toBe('<svg><text>三次握手</text></svg>')
  })

  it('should draw at twice the size, in whole pixels', () => {
    expect(canvasSize({ width: 640.5, height: 480 }, 2)).toEqual({ width: 1281, height: 960 })
  })
})
