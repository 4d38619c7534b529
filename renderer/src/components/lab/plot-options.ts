// uPlot options of the lab's two charts: axes and series in the theme's colours and the UI's
// font size, labelled in the UI language. x is seconds since the connection's first frame.
import uPlot from 'uplot'
import type { Column } from './plot-data'
import { remPixels, type PlotColors } from './plot-theme'

const font = (scale = 1): string => `${Math.round(remPixels() * scale)}px system-ui, sans-serif`

function axis(colors: PlotColors, label: string, size: number): uPlot.Axis {
  return {
    label,
    stroke: colors.text,
    font: font(0.9),
    labelFont: font(1),
    size: Math.round(size * remPixels()),
    labelSize: Math.round(1.6 * remPixels()),
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
  }
}

const common = (colors: PlotColors, xLabel: string, yLabel: string): Pick<uPlot.Options, 'scales' | 'axes' | 'cursor' | 'legend'> => ({
  scales: { x: { time: false } },
  axes: [axis(colors, xLabel, 2.6), axis(colors, yLabel, 5)],
  cursor: { drag: { x: true, y: true, uni: 40 } },
  legend: { live: true },
})

const points = (size: number, fill: string) => ({ show: true, size: Math.round(size * remPixels()), fill, stroke: fill })

export interface RttWords {
  time: string
  rtt: string
  sample: string
  estimated: string
}

export function rttOptions(colors: PlotColors, words: RttWords): Omit<uPlot.Options, 'width' | 'height'> {
  return {
    ...common(colors, words.time, words.rtt),
    series: [
      { label: words.time },
      { label: words.sample, stroke: colors.data, width: 0, points: points(0.6, colors.data) },
      { label: words.estimated, stroke: colors.ack, width: Math.max(2, remPixels() / 6) },
    ],
  }
}

export interface TimeSequenceWords {
  time: string
  seq: string
  segments: string
  retransmissions: string
  ack: string
  window: string
}

/** Draws each segment as a short vertical bar from its seq to its end, Stevens' way. */
function segmentBars(end: Column, colors: PlotColors): (u: uPlot) => void {
  return (u) => {
    const ctx = u.ctx
    ctx.save()
    ctx.beginPath()
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height)
    ctx.clip()
    ctx.lineWidth = Math.max(2, remPixels() / 6)
    const x = u.data[0]
    for (const [series, colour] of [
      [1, colors.data],
      [2, colors.retransmission],
    ] as const) {
      ctx.strokeStyle = colour
      ctx.beginPath()
      u.data[series]!.forEach((seq, i) => {
        const top = end[i]
        if (seq == null || top == null) return
        const px = u.valToPos(x[i]!, 'x', true)
        ctx.moveTo(px, u.valToPos(seq, 'y', true))
        ctx.lineTo(px, u.valToPos(top, 'y', true))
      })
      ctx.stroke()
    }
    ctx.restore()
  }
}

export function timeSequenceOptions(colors: PlotColors, words: TimeSequenceWords, end: Column): Omit<uPlot.Options, 'width' | 'height'> {
  const stepped = uPlot.paths.stepped?.({ align: 1 })
  const line = Math.max(2, remPixels() / 6)
  const highest = Math.max(0, ...end.filter((v): v is number => v !== null))
  const base = common(colors, words.time, words.seq)
  return {
    ...base,
    // The bars' tops are not a series: the y range is widened to hold them.
    scales: { ...base.scales, y: { range: (_u, min, max) => [Math.min(min, max), Math.max(max, highest)] } },
    series: [
      { label: words.time },
      { label: words.segments, stroke: colors.data, width: 0, points: points(0.5, colors.data) },
      { label: words.retransmissions, stroke: colors.retransmission, width: 0, points: points(0.7, colors.retransmission) },
      { label: words.ack, stroke: colors.ack, width: line, spanGaps: true, paths: stepped },
      { label: words.window, stroke: colors.window, width: line, dash: [6, 4], spanGaps: true, paths: stepped },
    ],
    hooks: { draw: [segmentBars(end, colors)] },
  }
}
