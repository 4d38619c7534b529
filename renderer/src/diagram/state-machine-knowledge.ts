// "What each side now knows" at any step. Only handshake steps carry the checklist (the engine's
// step.knowledge); a later step carries the last one forward (nothing new learned), and a step
// before any of them shows it empty.
import type { NarrativeStep } from '../../../preload/contract/api'

export type KnowledgeRow = NonNullable<NarrativeStep['knowledge']>['rows'][number]

/** Where the checklist shown at a step comes from. */
export type ChecklistSource = 'step' | 'carried' | 'empty'

export interface ChecklistAtStep {
  rows: KnowledgeRow[]
  /** In words, what this step taught each side (empty unless `source` is 'step'). */
  learned: string[]
  source: ChecklistSource
  /** The step whose checklist this is, and its frame (−1 when empty). */
  from: number
  frame: number
}

function lastWithKnowledge(steps: readonly NarrativeStep[], index: number): number {
  for (let i = Math.min(index, steps.length - 1); i >= 0; i--) if (steps[i]!.knowledge) return i
  return -1
}

/** Nothing known: each fact's label (from any step of the narrative, else `fallbackLabels`) unticked. */
function emptyRows(steps: readonly NarrativeStep[], fallbackLabels: readonly string[]): KnowledgeRow[] {
  const labels = steps.find((s) => s.knowledge)?.knowledge!.rows.map((r) => r.label) ?? fallbackLabels
  return labels.map((label) => ({ label, client: false, server: false, newClient: false, newServer: false }))
}

/**
 * The checklist after step `index` (−1: before the first step). `fallbackLabels` names the facts
 * when no step of the narrative carries a checklist (an opening that was not captured).
 */
export function checklistAt(steps: readonly NarrativeStep[], index: number, fallbackLabels: readonly string[]): ChecklistAtStep {
  const from = lastWithKnowledge(steps, index)
  if (from < 0) return { rows: emptyRows(steps, fallbackLabels), learned: [], source: 'empty', from: -1, frame: -1 }
  const { knowledge, frame } = steps[from]!
  if (from === index) return { rows: knowledge!.rows.map((r) => ({ ...r })), learned: [...knowledge!.learned], source: 'step', from, frame }
  return { rows: knowledge!.rows.map((r) => ({ ...r, newClient: false, newServer: false })), learned: [], source: 'carried', from, frame }
}

/** Whether a side knows every fact of the checklist. */
export function knowsAll(checklist: ChecklistAtStep, side: 'client' | 'server'): boolean {
  return checklist.rows.length > 0 && checklist.rows.every((r) => r[side])
}
