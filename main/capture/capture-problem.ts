// Why live capture cannot start, as data: a CaptureProblem (preload/contract/dto.ts) carried by
// the one error type live capture throws. The renderer words each code in the UI language with the
// exact fix for the platform; the CLI prints the English words (describeCaptureProblem).
import type { CaptureProblem, CaptureProblemCode } from '../../preload/contract/dto'

export class CaptureProblemError extends Error {
  constructor(readonly problem: CaptureProblem) {
    super(problem.message)
    this.name = 'CaptureProblemError'
  }
}

/** A problem on this machine. */
export function captureProblem(code: CaptureProblemCode, message: string, extra: { program?: string; platform?: string } = {}): CaptureProblem {
  const problem: CaptureProblem = { code, message, platform: extra.platform ?? process.platform }
  if (extra.program) problem.program = extra.program
  return problem
}
