// The lab assistant: the standard TCP lab questions answered from one connection of the capture,
// each with the frames the answer rests on, in zh-CN or en.
import type { LabReport } from '../../../preload/contract/dto'
import type { ConnectionTimeline, Step } from '../../tcp/step'
import type { Lang } from '../lang'
import type { LabInput } from './lab-input'

export type { LabFrame, LabInput } from './lab-input'

/** The frames whose field trees the per-field table shows: the handshake and teardown segments. */
export function labFieldFrames(timeline: ConnectionTimeline & { steps: Step[] }): number[] {
  return timeline.steps.filter((s) => s.step.length > 0).map((s) => s.frame)
}

/** The lab answers for one connection (PLACEHOLDER: being written). */
export function labReport(input: LabInput, lang: Lang): LabReport {
  return { stream: input.timeline.stream, lang, answers: [], rtt: { alpha: 0.125, samples: [] }, timeSequence: [], fieldTables: [] }
}
