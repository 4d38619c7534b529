// The diagram as a PNG: the standalone SVG drawn onto a canvas at twice its size. The image is
// loaded from a data: URL (the app's Content-Security-Policy allows data: images, not blob:).
import { base64FromBytes } from '../../util/base64'
import type { SvgSize } from './svg-file'

/** `data:image/svg+xml;base64,…` of SVG markup (UTF-8, so Chinese labels survive). */
export function svgDataUrl(markup: string): string {
  return `data:image/svg+xml;base64,${base64FromBytes(new TextEncoder().encode(markup))}`
}

/** The canvas size for an SVG drawn at `scale` (whole pixels, at least 1). */
export function canvasSize(size: SvgSize, scale: number): SvgSize {
  return { width: Math.max(1, Math.ceil(size.width * scale)), height: Math.max(1, Math.ceil(size.height * scale)) }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('the SVG image could not be drawn'))
    image.src = url
  })
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png')
  })
}

/** A PNG of a standalone SVG, `scale` times its size, on `background` (transparent when none). */
export async function renderPng(markup: string, size: SvgSize, scale = 2, background?: string): Promise<Blob> {
  const image = await loadImage(svgDataUrl(markup))
  const target = canvasSize(size, scale)
  const canvas = document.createElement('canvas')
  canvas.width = target.width
  canvas.height = target.height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2D canvas')
  if (background) {
    context.fillStyle = background
    context.fillRect(0, 0, target.width, target.height)
  }
  context.drawImage(image, 0, 0, target.width, target.height)
  return canvasBlob(canvas)
}
