// The lab charts' colours, read from the theme's CSS variables when a chart is made, so the
// light and the dark theme both read well (a canvas cannot use var() itself).
export interface PlotColors {
  text: string
  muted: string
  grid: string
  data: string
  ack: string
  window: string
  retransmission: string
}

const VARIABLES: Record<keyof PlotColors, [string, string]> = {
  text: ['--text', '#1b1b1f'],
  muted: ['--text-muted', '#5c5c66'],
  grid: ['--border', '#d0d0d8'],
  data: ['--accent', '#1a5fd0'],
  ack: ['--severity-warn', '#8a5a00'],
  window: ['--capture-file', '#0b6b2b'],
  retransmission: ['--severity-error', '#c50f1f'],
}

export function plotColors(element: Element): PlotColors {
  const style = getComputedStyle(element)
  const out = {} as PlotColors
  for (const [key, [name, fallback]] of Object.entries(VARIABLES) as [keyof PlotColors, [string, string]][]) out[key] = style.getPropertyValue(name).trim() || fallback
  return out
}

/** Pixels of one rem now (the font-scale setting changes it). */
export function remPixels(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 13
}
