// Some connections replayed with their steps recorded. The session's pass keeps no steps (2
// million frames of steps would not fit), so the narrative, the flow graph and the lab assistant
// decode the frames of the connections they show again, in capture order, and feed a fresh
// timeline builder that records the steps of those streams only. The builder names the
// connection a port reuse follows, so the previous connection on the same address/port pair is
// shown its first frame first. Every step rests on the same segment and analysis the pass saw,
// so the steps are the pass's own.
import { ApiFailure } from '../api/port'
import type { Timestamp } from '../decode/field'
import type { LabFrame } from '../teach/lab'
import { endpointPairKey, type TcpConversation } from '../tcp/conversation'
import type { ConnectionTimeline, Step } from '../tcp/step'
import { ConnectionTimelines } from '../tcp/steps'
import { payloadSummary } from '../teach/payload-summary'
import type { CaptureIndexer } from './capture-indexer'
import type { FrameDecoder } from './frame-decoder'
import { payloadOf } from './tcp-payload'

export interface ReplayedConnection {
  timeline: ConnectionTimeline & { steps: Step[] }
  /** By frame, for every frame of the connection. */
  frames: Map<number, ReplayedFrame>
}

/** What the replay keeps of each frame besides its step: the analysis the lab answers from. */
export type ReplayedFrame = LabFrame

export interface ReplayLimits {
  /** The most frames the streams may hold together (more: ApiFailure 'unsupported', counted so far). */
  maxFrames: number
  /** What to say when they hold more. */
  tooMany: (frames: number) => string
  /** False once the answer is no longer wanted (the replay stops, answering what it has). */
  wanted?: () => boolean
}

const seconds = (t: Timestamp): number => t.sec + t.nsec / 1e9

/** Longer connections are not replayed for the narrative and the lab (their steps would run to hundreds of megabytes of text). */
export const CONNECTION_FRAME_LIMIT = 20_000

/** One connection replayed (at most CONNECTION_FRAME_LIMIT frames), for its narrative and its lab answers. */
export async function replayConnection(stream: number, indexer: CaptureIndexer, decoder: FrameDecoder): Promise<ReplayedConnection> {
  const replayed = await replayConnections([stream], indexer, decoder, {
    maxFrames: CONNECTION_FRAME_LIMIT,
    tooMany: () => `TCP stream ${stream} has ${indexer.tcp.framesOf(stream).length} frames; connections of more than ${CONNECTION_FRAME_LIMIT} frames are not narrated`,
  })
  const connection = replayed.get(stream)
  if (!connection) throw new ApiFailure('internal', `replaying TCP stream ${stream} gave no connection`)
  return connection
}

/** Replays `streams` (TCP stream numbers) with their steps recorded. */
export async function replayConnections(streams: readonly number[], indexer: CaptureIndexer, decoder: FrameDecoder, limits: ReplayLimits): Promise<Map<number, ReplayedConnection>> {
  const wantedStreams = new Set(streams)
  const frames: number[] = []
  let owned = 0
  for (const stream of wantedStreams) {
    const own = indexer.tcp.framesOf(stream)
    if (own.length === 0) throw new ApiFailure('bad-argument', `there is no TCP stream ${stream}`)
    owned += own.length
    if (owned > limits.maxFrames) throw new ApiFailure('unsupported', limits.tooMany(owned))
    for (const f of own) frames.push(f)
    const previous = previousOnPair(indexer.tracker.conversations, stream)
    if (previous >= 0 && !wantedStreams.has(previous)) frames.push(indexer.tcp.firstFrame[previous]!)
  }
  frames.sort((a, b) => a - b)

  const timelines = new ConnectionTimelines({ recordSteps: (s) => wantedStreams.has(s) })
  const kept = new Map<number, Map<number, ReplayedFrame>>()
  for (const stream of wantedStreams) kept.set(stream, new Map())
  for (const frame of frames) {
    if (limits.wanted && !limits.wanted()) break
    let stream = -1
    let replayed: ReplayedFrame | undefined
    const decoded = await decoder.decode(frame, (segment, analysis) => {
      timelines.observe(segment, analysis)
      if (!wantedStreams.has(analysis.stream)) return
      stream = analysis.stream
      replayed = {
        frame,
        time: segment.sec + segment.nsec / 1e9,
        ackRtt: analysis.ackRtt && seconds(analysis.ackRtt),
        ackedFrame: analysis.ackedFrame,
        bytesInFlight: analysis.bytesInFlight,
        rtoFrame: analysis.rtoFrame,
      }
    })
    if (!replayed) continue
    const payload = payloadSummary(payloadOf(decoded))
    if (payload !== undefined) replayed.payload = payload
    kept.get(stream)!.set(frame, replayed)
  }

  const out = new Map<number, ReplayedConnection>()
  for (const timeline of timelines.finish().connections) {
    if (!wantedStreams.has(timeline.stream)) continue
    if (!timeline.steps) throw new ApiFailure('internal', `replaying TCP stream ${timeline.stream} gave no steps`)
    out.set(timeline.stream, { timeline: timeline as ReplayedConnection['timeline'], frames: kept.get(timeline.stream)! })
  }
  return out
}

/** The latest stream before `stream` between the same two address/port endpoints (−1: none). */
function previousOnPair(conversations: readonly TcpConversation[], stream: number): number {
  const key = endpointPairKey(conversations[stream]!)
  for (let s = stream - 1; s >= 0; s--) if (endpointPairKey(conversations[s]!) === key) return s
  return -1
}
