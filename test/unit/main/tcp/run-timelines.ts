// Runs a capture through the same pass as `tcplens conv` and `explain`: the fast index pass, the
// tracker and the timeline builder.
import { openCaptureBytes } from '../../../../main/capture/open'
import { CaptureError } from '../../../../main/capture/source'
import { feedConnections } from '../../../../main/cli/connections'
import { ConnectionTimelines } from '../../../../main/tcp/steps'
import type { CaptureFinding, ConnectionTimeline, Step } from '../../../../main/tcp/step'

/** A damaged file gives the connections of the frames before the damage, as the CLI prints them. */
export async function timelinesOf(bytes: Uint8Array, recordSteps = true): Promise<{ connections: ConnectionTimeline[]; findings: CaptureFinding[] }> {
  const timelines = new ConnectionTimelines({ recordSteps })
  try {
    const reader = await openCaptureBytes(bytes)
    await feedConnections(reader, timelines).finally(() => reader.close())
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error
  }
  return timelines.finish()
}

/** One line per step: "frame from kind [steps] client/server → client/server". */
export function stepLines(steps: readonly Step[]): string[] {
  return steps.map((s) => `${s.frame} ${s.from} ${s.kind} [${s.step.join(',')}] ${s.before.client}/${s.before.server} → ${s.after.client}/${s.after.server}`)
}
