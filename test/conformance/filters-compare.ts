// Comparing TCP Lens's selections with tshark's, filter by filter, and the running count the
// suite reports: how many (filter, capture) pairs select exactly the same frames.
import { explainedDeviation } from './filters-deviations'
import type { FilterReference } from './filters-fixture'
import type { Selections } from './filters-select'

export interface FilterMismatch {
  capture: string
  filter: string
  /** Frames we select and tshark does not (at most a few, for the message). */
  onlyOurs: number[]
  /** Frames tshark selects and we do not. */
  onlyTshark: number[]
  /** Why we refused a filter tshark takes. */
  error?: string
}

const SHOWN = 8

function missing(from: readonly number[], frames: readonly number[]): number[] {
  const present = new Set(from)
  return frames.filter((n) => !present.has(n))
}

export interface SelectionComparison {
  /** Filters that select other frames than tshark's where no documented deviation says why. */
  mismatches: FilterMismatch[]
  /** Filters that differ only on frames a deviation (filters-deviations.ts) explains. */
  explained: number
}

/** Compares each filter's selection in `capture` with tshark's. */
export function compareSelections(capture: string, filters: readonly string[], ours: Selections, reference: FilterReference): SelectionComparison {
  const mismatches: FilterMismatch[] = []
  let explained = 0
  for (const filter of filters) {
    const theirs = reference.frames.get(filter) ?? []
    const error = ours.errors.get(filter)
    if (error) {
      mismatches.push({ capture, filter, onlyOurs: [], onlyTshark: theirs.slice(0, SHOWN), error: error.message.en })
      continue
    }
    const mine = ours.frames.get(filter) ?? []
    const differing = [...missing(theirs, mine), ...missing(mine, theirs)]
    if (differing.length === 0) continue
    const fieldsRead = ours.fieldsRead.get(filter) ?? []
    const unexplained = new Set(differing.filter((frame) => !explainedDeviation(capture, fieldsRead, frame)))
    if (unexplained.size === 0) {
      explained++
      continue
    }
    const shown = (frames: number[]) => frames.filter((n) => unexplained.has(n)).slice(0, SHOWN)
    mismatches.push({ capture, filter, onlyOurs: shown(missing(theirs, mine)), onlyTshark: shown(missing(mine, theirs)) })
  }
  return { mismatches, explained }
}

/** One line per mismatch, for a failing test's message and the report. */
export function describeMismatch(m: FilterMismatch): string {
  if (m.error) return `${m.capture}: ${m.filter}  →  we refuse it (${m.error}); tshark selects ${m.onlyTshark.join(',') || 'nothing'}`
  const parts = [m.onlyOurs.length ? `only we select ${m.onlyOurs.join(',')}` : '', m.onlyTshark.length ? `only tshark selects ${m.onlyTshark.join(',')}` : '']
  return `${m.capture}: ${m.filter}  →  ${parts.filter(Boolean).join('; ')}`
}

/** The agreement over every (filter, capture) pair compared so far. */
export class FilterAgreement {
  private pairs = 0
  private explained = 0
  private readonly mismatches: FilterMismatch[] = []

  add(filterCount: number, comparison: SelectionComparison): void {
    this.pairs += filterCount
    this.explained += comparison.explained
    this.mismatches.push(...comparison.mismatches)
  }

  format(title: string): string {
    const agree = this.pairs - this.mismatches.length - this.explained
    const percent = this.pairs ? ((100 * agree) / this.pairs).toFixed(3) : '—'
    const deviations = this.explained ? `; ${this.explained} differ only where a documented deviation says why` : ''
    const byFilter = new Map<string, number>()
    for (const m of this.mismatches) byFilter.set(m.filter, (byFilter.get(m.filter) ?? 0) + 1)
    const lines = [...byFilter].map(([filter, count]) => `  ${String(count).padStart(4)} capture(s) disagree: ${filter}`)
    return `${title}: ${agree} / ${this.pairs} (filter × capture) select the same frames as tshark (${percent} %)${deviations}; ${this.mismatches.length} unexplained\n${lines.join('\n')}${lines.length ? '\n' : ''}`
  }
}
