// The diagram's <svg> as a file of its own: the SVG namespace declared, a width and height in
// pixels (an image viewer or a canvas needs them; the view's may be "100%"), its embedded
// <style> kept as it is. String functions, so they are tested without a DOM; serializeSvg is the
// one step that needs one.

const SVG_NS = 'http://www.w3.org/2000/svg'
const XLINK_NS = 'http://www.w3.org/1999/xlink'
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

export interface SvgSize {
  width: number
  height: number
}

const ROOT_TAG = /<svg\b[^>]*>/

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)
  return match ? (match[1] ?? match[2]) : undefined
}

/** A length in pixels ("640", "640px"), or undefined for anything else ("100%", "40em"). */
function pixels(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/.exec(value)
  return match ? Number(match[1]) : undefined
}

function viewBoxSize(tag: string): SvgSize | undefined {
  const parts = (attribute(tag, 'viewBox') ?? '').trim().split(/[\s,]+/).map(Number)
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part)) || parts[2]! <= 0 || parts[3]! <= 0) return undefined
  return { width: parts[2]!, height: parts[3]! }
}

/** The size an SVG file is drawn at: its width and height in pixels, else its viewBox's, else `fallback`. */
export function svgSize(markup: string, fallback?: SvgSize): SvgSize | undefined {
  const tag = ROOT_TAG.exec(markup)?.[0]
  if (!tag) return fallback
  const box = viewBoxSize(tag) ?? fallback
  const width = pixels(attribute(tag, 'width')) ?? box?.width
  const height = pixels(attribute(tag, 'height')) ?? box?.height
  return width !== undefined && height !== undefined ? { width, height } : undefined
}

function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '')
}

/** The root tag with the namespaces and a size in pixels. */
function standaloneRoot(tag: string, markup: string, size: SvgSize | undefined): string {
  let root = tag
  const added: string[] = []
  if (attribute(root, 'xmlns') === undefined) added.push(`xmlns="${SVG_NS}"`)
  if (attribute(root, 'xmlns:xlink') === undefined && markup.includes('xlink:')) added.push(`xmlns:xlink="${XLINK_NS}"`)
  if (size) {
    root = withoutAttribute(withoutAttribute(root, 'width'), 'height')
    added.push(`width="${size.width}"`, `height="${size.height}"`)
  }
  return root.replace(/^<svg\b/, `<svg ${added.join(' ')}`).replace(/^<svg (\s)/, '<svg$1')
}

/** SVG markup as a file: an XML declaration, the namespaces, a width and height in pixels. */
export function standaloneSvg(markup: string, fallback?: SvgSize): string {
  const match = ROOT_TAG.exec(markup)
  if (!match) throw new Error('not an SVG image')
  const size = svgSize(markup, fallback)
  const body = markup.slice(match.index + match[0].length)
  return `${XML_DECLARATION}${standaloneRoot(match[0], markup, size)}${body}`
}

/**
 * SVG markup to put inside an HTML page: no XML declaration, and nothing that could run (scripts,
 * event attributes, foreign HTML). Text the diagram shows is already escaped by the serializer.
 */
export function inlineSvg(markup: string): string {
  return markup
    .replace(/<\?xml[^>]*\?>\s*/g, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*(?:"[^"]*"|'[^']*')/gi, '')
}

/** The diagram as drawn now, as a standalone SVG file's text. */
export function serializeSvg(element: SVGSVGElement): string {
  const box = element.viewBox?.baseVal
  const rect = element.getBoundingClientRect()
  const fallback = box && box.width > 0 && box.height > 0 ? { width: box.width, height: box.height } : rect.width > 0 ? { width: Math.ceil(rect.width), height: Math.ceil(rect.height) } : undefined
  return standaloneSvg(new XMLSerializer().serializeToString(element), fallback)
}
