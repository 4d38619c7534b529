// The app icon (icon.svg) as PNG at any size, rendered with resvg (no browser, no ImageMagick).
import { Resvg } from '@resvg/resvg-js'

export function renderIconPng(svg: string | Buffer, pixels: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: pixels }, background: 'rgba(0,0,0,0)' }).render().asPng()
}
