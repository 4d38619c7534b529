// ConnectionTimelines.snapshot(): a live capture's connections as they stand, summed up without
// settling them, so the engine reads the frames still to come exactly as if no snapshot was taken.
import { describe, expect, it } from 'vitest'
import { openCaptureBytes } from '../../../../main/capture/open'
import type { RawFrame } from '../../../../main/capture/source'
import { IndexPass } from '../../../../main/session/index-pass'
import { ConnectionTimelines } from '../../../../main/tcp/steps'
import { TCP_SCENARIOS, scenarioBytes } from '../../../fixtures/tcp-scenarios'

/** The frames of a capture, each with bytes of its own. */
async function framesOf(bytes: Uint8Array): Promise<RawFrame[]> {
  const reader = await openCaptureBytes(bytes)
  const frames: RawFrame[] = []
  for await (const frame of reader.frames()) frames.push({ ...frame, bytes: frame.bytes.slice() })
  await reader.close()
  return frames
}

/** Feeds the frames through the engine, taking a snapshot after each frame numbered in `snapshotsAfter`. */
function run(frames: RawFrame[], snapshotsAfter: ReadonlySet<number> = new Set()) {
  const timelines = new ConnectionTimelines({ recordSteps: true })
  const pass = new IndexPass((segment, analysis) => timelines.observe(segment, analysis))
  const snapshots: ReturnType<ConnectionTimelines['snapshot']>[] = []
  for (const frame of frames) {
    pass.add(frame)
    if (snapshotsAfter.has(frame.no)) snapshots.push(timelines.snapshot())
  }
  return { finished: timelines.finish(), snapshots }
}

describe('tcp/steps: snapshot of a capture that goes on', () => {
  it.each(TCP_SCENARIOS.map((s) => s.name))('should leave %s to end exactly as a run without snapshots', async (name) => {
    const frames = await framesOf(scenarioBytes(name))
    const everyFrame = new Set(frames.map((f) => f.no))
    const halfWay = new Set([Math.ceil(frames.length / 2)])
    const plain = run(frames).finished
    expect(run(frames, halfWay).finished).toEqual(plain)
    expect(run(frames, everyFrame).finished).toEqual(plain)
  })

  it('should sum up the connections so far: packets, bytes and the states reached', async () => {
    const frames = await framesOf(scenarioBytes('tcp-scenario-four-way-close'))
    const { snapshots } = run(frames, new Set([3, frames.length]))
    const [afterHandshake, atTheEnd] = snapshots.map((s) => s.connections[0]!)
    expect(afterHandshake).toMatchObject({ open: 'three-way', close: 'none', packets: 3, client: { state: 'ESTABLISHED' }, server: { state: 'ESTABLISHED' } })
    expect(afterHandshake!.variants).toContain('still-open')
    expect(atTheEnd).toMatchObject({ close: 'four-way', closeInitiator: 'client', packets: frames.length, client: { state: 'TIME-WAIT' }, server: { state: 'CLOSED' } })
  })

  it('should not settle what the frames so far leave open: an unanswered SYN-ACK stays received until the end', async () => {
    const frames = await framesOf(scenarioBytes('tcp-scenario-syn-flood'))
    const { snapshots, finished } = run(frames, new Set([frames.length]))
    const snapshot = snapshots[0]!
    // So far the client is credited with the SYN-ACK it was sent; only the end of the capture
    // shows it never answered (finish() puts it back in SYN-SENT).
    const answeredSoFar = snapshot.connections.filter((c) => c.client.state === 'ESTABLISHED').length
    const answeredAtEnd = finished.connections.filter((c) => c.client.state === 'ESTABLISHED').length
    expect(answeredSoFar).toBeGreaterThan(answeredAtEnd)
    expect(snapshot.findings.map((f) => f.code)).toEqual(finished.findings.map((f) => f.code))
  })

  it('should give steps that later frames do not lengthen (a copy of the list)', async () => {
    const frames = await framesOf(scenarioBytes('tcp-scenario-four-way-close'))
    const { snapshots } = run(frames, new Set([3]))
    expect(snapshots[0]!.connections[0]!.steps).toHaveLength(3)
  })
})
