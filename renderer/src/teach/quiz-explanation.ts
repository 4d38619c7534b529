// Why a step is what it is, taken from the narrative's own words (in its language): the
// explanation a quiz question shows once it is answered. Pure functions over NarrativeStep.
import type { NarrativeStep, RoleName } from '../../../preload/contract/api'

/** Arithmetic lines that start with the field's name ("seq = 1 = 0 + 1: …", "ack：无效…"). */
function arithmeticAbout(step: NarrativeStep, field: 'seq' | 'ack'): string[] {
  const pattern = new RegExp(`^${field}\\b`)
  const lines = step.arithmetic.filter((line) => pattern.test(line))
  return lines.length > 0 ? lines : [...step.arithmetic]
}

/** How seq was derived ("seq = 1 = 0 + 1: its own SYN in frame 1 consumed one sequence number"). */
export function seqExplanation(step: NarrativeStep): string[] {
  return arithmeticAbout(step, 'seq')
}

/** How ack was derived ("ack = 1 = 0 + 1: the client’s SYN in frame 1 consumed one…"). */
export function ackExplanation(step: NarrativeStep): string[] {
  return arithmeticAbout(step, 'ack')
}

/**
 * The narrative's state lines of one endpoint. The narrative lists the client's lines first, then
 * the server's: one per state change, or one "stays in …" line when its state did not change.
 */
export function stateLines(step: NarrativeStep, role: RoleName): string[] {
  const count = (who: RoleName) => Math.max(1, step.changes.filter((change) => change.role === who).length)
  const clientLines = count('client')
  if (step.states.length !== clientLines + count('server')) return [...step.states]
  return role === 'client' ? step.states.slice(0, clientLines) : step.states.slice(clientLines)
}

/** What the step does, and its flags as sent ("SYN, ACK (0x012)"). */
export function flagsExplanation(step: NarrativeStep): string[] {
  return [step.sent[0], step.does].filter((line): line is string => Boolean(line))
}

/** The state an endpoint enters, and why. */
export function stateExplanation(step: NarrativeStep, role: RoleName): string[] {
  return stateLines(step, role)
}

/** Whether the segment repeats an earlier one: the step's notes (retransmission, SYN retry…) and what it does. */
export function retransmissionExplanation(step: NarrativeStep): string[] {
  return [...step.notes, step.does].filter(Boolean)
}
