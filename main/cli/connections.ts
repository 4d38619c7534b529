// Feeds a capture's TCP segments, each with the tracker's analysis, to the timeline builder:
// the one pass behind the conv and explain commands. It is the fast index pass (no field
// trees), so a capture of millions of frames takes seconds.
import type { CaptureReader } from '../capture/open'
import { indexCapture } from '../session/index-pass'
import type { ConnectionTimelines } from '../tcp/steps'

export async function feedConnections(reader: CaptureReader, timelines: ConnectionTimelines): Promise<void> {
  // No packet list here: only the TCP engine runs (no index to fill).
  const { error } = await indexCapture(reader, { index: false, onSegment: (segment, analysis) => timelines.observe(segment, analysis) })
  // Damage ends the read as before: the frames before it were fed, the caller reports it.
  if (error) throw error
}
