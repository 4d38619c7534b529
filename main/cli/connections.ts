// Feeds a capture's TCP segments, each with the tracker's analysis, to the timeline builder:
// the one pass behind the conv and explain commands.
import type { CaptureReader } from '../capture/open'
import { DecodePass } from '../decode/pass'
import type { ConnectionTimelines } from '../tcp/steps'

export async function feedConnections(reader: CaptureReader, timelines: ConnectionTimelines): Promise<void> {
  const pass = new DecodePass(reader.info)
  const track = pass.tcp.track.bind(pass.tcp)
  pass.tcp.track = (segment) => {
    const analysis = track(segment)
    timelines.observe(segment, analysis)
    return analysis
  }
  for await (const batch of reader.batches()) for (const raw of batch) pass.decode(raw)
}
