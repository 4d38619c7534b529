// Runs a capture through the decoder, the tracker and the timeline builder, as the CLI does.
import { openCaptureBytes } from '../../../../main/capture/open'
import { DecodePass } from '../../../../main/decode/pass'
import { ConnectionTimelines } from '../../../../main/tcp/steps'
import type { CaptureFinding, ConnectionTimeline, Step } from '../../../../main/tcp/step'

export async function timelinesOf(bytes: Uint8Array, recordSteps = true): Promise<{ connections: ConnectionTimeline[]; findings: CaptureFinding[] }> {
  const reader = await openCaptureBytes(bytes)
  const pass = new DecodePass(reader.info)
  const timelines = new ConnectionTimelines({ recordSteps })
  const track = pass.tcp.track.bind(pass.tcp)
  pass.tcp.track = (segment) => {
    const analysis = track(segment)
    timelines.observe(segment, analysis)
    return analysis
  }
  for await (const batch of reader.batches()) for (const raw of batch) pass.decode(raw)
  await reader.close()
  return timelines.finish()
}

/** One line per step: "frame from kind [steps] client/server → client/server". */
export function stepLines(steps: readonly Step[]): string[] {
  return steps.map((s) => `${s.frame} ${s.from} ${s.kind} [${s.step.join(',')}] ${s.before.client}/${s.before.server} → ${s.after.client}/${s.after.server}`)
}
