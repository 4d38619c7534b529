import { describe, expect, it } from 'vitest'
import { inlineSvg, serializeSvg, standaloneSvg, svgSize } from '../../../../renderer/src/teach/export/svg-file'

const DRAWN = '<svg viewBox="0 0 640 480" width="100%" class="diagram"><style>.arrow{stroke:#1a5fd0;stroke-width:2}</style><line class="arrow" x1="0" y1="0" x2="10" y2="10"/><text>GET /index.html</text></svg>'

describe('teach/export/svg-file', () => {
  it('should declare the SVG namespace and an XML header', () => {
    const file = standaloneSvg(DRAWN)
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true)
    expect(file).toContain('xmlns="http://www.w3.org/2000/svg"')
  })

  it('should give a width and height in pixels from the viewBox, replacing a relative width', () => {
    const file = standaloneSvg(DRAWN)
    expect(file).toContain('width="640"')
    expect(file).toContain('height="480"')
    expect(file).not.toContain('100%')
    expect(svgSize(file)).toEqual({ width: 640, height: 480 })
  })

  it('should keep the embedded <style>, the other attributes and stroke-width as they are', () => {
    const file = standaloneSvg(DRAWN)
    expect(file).toContain('<style>.arrow{stroke:#1a5fd0;stroke-width:2}</style>')
    expect(file).toContain('class="diagram"')
    expect(file).toContain('viewBox="0 0 640 480"')
  })

  it('should keep a namespace already declared, once', () => {
    const file = standaloneSvg('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect/></svg>')
    expect(file.match(/xmlns=/g)).toHaveLength(1)
    expect(svgSize(file)).toEqual({ width: 20, height: 10 })
  })

  it('should use the fallback size when the SVG gives none', () => {
    expect(standaloneSvg('<svg><rect/></svg>', { width: 300, height: 200 })).toContain('width="300" height="200"')
  })

  it('should refuse what is not an SVG', () => {
    expect(() => standaloneSvg('<div></div>')).toThrow()
  })

  it('should make inline SVG that cannot run anything', () => {
    const inline = inlineSvg('<?xml version="1.0"?>\n<svg onload="alert(1)"><script>alert(2)</script><foreignObject><p>x</p></foreignObject><text>&lt;script&gt;</text></svg>')
    expect(inline).toBe('<svg><text>&lt;script&gt;</text></svg>')
  })

  it('should serialize a drawn <svg> element as a standalone file', () => {
    const ns = 'http://www.w3.org/2000/svg'
    const svg = document.createElementNS(ns, 'svg')
    svg.setAttribute('viewBox', '0 0 640 480')
    svg.setAttribute('width', '100%')
    const style = document.createElementNS(ns, 'style')
    style.textContent = '.arrow{stroke:#1a5fd0}'
    const text = document.createElementNS(ns, 'text')
    text.textContent = '<script> & GET'
    svg.append(style, text)
    const file = serializeSvg(svg)
    expect(file).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(file).toContain('<style>.arrow{stroke:#1a5fd0}</style>')
    expect(file).toContain('&lt;script&gt; &amp; GET')
    expect(svgSize(file)).toEqual({ width: 640, height: 480 })
  })
})
