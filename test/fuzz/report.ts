// The fuzz report: inputs per mutator and how they ended, crashes and hangs (each with the file
// its input was saved to), the slowest input, the rate and the duration, the workers' peak memory.
import type { CampaignResult } from './campaign'

const n = (x: number) => Math.round(x).toLocaleString('en-US')

function duration(ms: number): string {
  const s = Math.round(ms / 1000)
  return s < 60 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(s / 60)} min ${s % 60} s`
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
}

export function formatReport(result: CampaignResult): string {
  const { options, figures, findings, slowest } = result
  const lines: string[] = []
  lines.push(
    `TCP Lens fuzz: seed ${options.seed}, ${n(options.count)} mutated captures + ${n(options.filterCount)} mutated filter texts, ` +
      `${options.jobs} worker${options.jobs === 1 ? '' : 's'}, time bound ${n(options.timeoutMs)} ms per input, heap ${n(options.memoryMb)} MiB per worker`,
    '',
  )
  const rows = [['mutator', 'inputs', 'refused', 'read', 'damaged', 'frames', 'crashes', 'hangs', 'mean ms']]
  const total = { inputs: 0, refused: 0, read: 0, damaged: 0, frames: 0, crashes: 0, hangs: 0, totalMs: 0 }
  for (const [name, f] of Object.entries(figures).sort(([a], [b]) => a.localeCompare(b))) {
    const capture = name !== 'filter-text'
    rows.push([name, n(f.inputs), capture ? n(f.refused) : '', capture ? n(f.read) : '', capture ? n(f.damaged) : '', capture ? n(f.frames) : '', n(f.crashes), n(f.hangs), (f.totalMs / Math.max(1, f.inputs)).toFixed(2)])
    for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += f[key]
  }
  rows.push(['total', n(total.inputs), n(total.refused), n(total.read), n(total.damaged), n(total.frames), n(total.crashes), n(total.hangs), (total.totalMs / Math.max(1, total.inputs)).toFixed(2)])
  lines.push(...table(rows), '')
  const crashes = findings.filter((f) => f.kind !== 'hang')
  const hangs = findings.filter((f) => f.kind === 'hang')
  lines.push(`crashes: ${crashes.length}   hangs: ${hangs.length}`)
  for (const f of findings) {
    lines.push(`  ${f.kind.toUpperCase()} ${f.source} ${f.index >= 0 ? `#${f.index} ` : ''}${f.mutator} on ${f.seed}${f.stage ? ` in ${f.stage}` : ''}: ${f.message.split('\n')[0]}`)
    lines.push(`    what: ${f.text !== undefined ? JSON.stringify(f.text) : f.what}`)
    if (f.saved) lines.push(`    saved: ${f.saved}${f.minimised ? ` (minimised: ${f.minimised})` : ''}`)
  }
  if (slowest) lines.push(`slowest input: ${slowest.ms.toFixed(1)} ms, ${slowest.mutator} on ${slowest.seed}${slowest.index >= 0 ? ` (input #${slowest.index})` : ''}: ${slowest.what}`)
  lines.push(
    `inputs: ${n(result.inputs)} in ${duration(result.durationMs)}, ${(result.inputs / (result.durationMs / 1000)).toFixed(1)} inputs/s`,
    `worker memory: peak resident ${n(result.peakRssMiB)} MiB, peak V8 heap after an input ${n(result.peakHeapMiB)} MiB`,
  )
  return lines.join('\n') + '\n'
}
