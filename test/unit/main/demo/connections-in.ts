// The TCP engine's verdict on a capture file: every connection's timeline with its steps, read
// exactly as `tcplens conv --json` reads it.
import { openCapture } from '../../../../main/capture/open'
import { feedConnections } from '../../../../main/cli/connections'
import { ConnectionTimelines } from '../../../../main/tcp/steps'
import type { ConnectionTimeline } from '../../../../main/tcp/step'

export async function connectionsIn(path: string): Promise<ConnectionTimeline[]> {
  const reader = await openCapture(path)
  try {
    const timelines = new ConnectionTimelines({ recordSteps: true })
    await feedConnections(reader, timelines)
    return timelines.finish().connections
  } finally {
    await reader.close()
  }
}
