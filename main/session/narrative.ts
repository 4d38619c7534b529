// One connection told step by step (main/teach's describeConnection), in the language asked for.
// The session's pass keeps no steps (2 million frames of steps would not fit); the connection is
// replayed instead: its frames are decoded again in order and fed to a fresh timeline builder
// that records the steps of this stream only. The builder names the connection a port reuse
// follows, so the previous connection on the same address/port pair is shown its first frame
// first. Every step rests on the same segment and analysis the pass saw, so the steps are the
// pass's own.
import type { ConnectionNarrative, Lang, NarrativeStep } from '../../preload/contract/dto'
import { ApiFailure } from '../api/port'
import type { TcpConversation } from '../tcp/conversation'
import type { Step } from '../tcp/step'
import { ConnectionTimelines } from '../tcp/steps'
import { describeConnection, format, type DescribedStep } from '../teach'
import { topicBody, topicTitle } from '../teach/phrases'
import type { CaptureIndexer } from './capture-indexer'
import type { FrameDecoder } from './frame-decoder'

/** Longer connections are not narrated (their steps would run to hundreds of megabytes of text). */
export const NARRATIVE_FRAME_LIMIT = 20_000

export async function narrate(stream: number, lang: Lang, indexer: CaptureIndexer, decoder: FrameDecoder): Promise<ConnectionNarrative> {
  const frames = indexer.tcp.framesOf(stream)
  if (frames.length === 0) throw new ApiFailure('bad-argument', `there is no TCP stream ${stream}`)
  if (frames.length > NARRATIVE_FRAME_LIMIT) {
    throw new ApiFailure('unsupported', `TCP stream ${stream} has ${frames.length} frames; connections of more than ${NARRATIVE_FRAME_LIMIT} frames are not narrated`)
  }
  const timelines = new ConnectionTimelines({ recordSteps: (s) => s === stream })
  const observe = (segment: Parameters<ConnectionTimelines['observe']>[0], analysis: Parameters<ConnectionTimelines['observe']>[1]) => timelines.observe(segment, analysis)
  const previous = previousOnPair(indexer.tracker.conversations, stream)
  if (previous >= 0) await decoder.decode(indexer.tcp.firstFrame[previous]!, observe)
  for (const frame of frames) await decoder.decode(frame, observe)
  const timeline = timelines.finish().connections.find((c) => c.stream === stream)
  if (!timeline?.steps) throw new ApiFailure('internal', `replaying TCP stream ${stream} gave no steps`)
  const described = describeConnection(timeline, lang)
  return {
    stream,
    lang,
    title: described.title,
    summary: described.summary,
    steps: timeline.steps.map((step, i) => narrativeStep(step, described.steps[i]!)),
    topics: described.topics.map((id) => ({ id, title: format(topicTitle(id), lang), text: format(topicBody(id), lang).split('\n\n') })),
  }
}

/** The latest stream before `stream` between the same two address/port endpoints (−1: none). */
function previousOnPair(conversations: readonly TcpConversation[], stream: number): number {
  const key = pairKey(conversations[stream]!)
  for (let s = stream - 1; s >= 0; s--) if (pairKey(conversations[s]!) === key) return s
  return -1
}

function pairKey(conv: TcpConversation): string {
  const [a, b] = conv.endpoints.map((e) => `${e.address} ${e.port}`)
  return a! < b! ? `${a} ${b}` : `${b} ${a}`
}

function narrativeStep(step: Step, told: DescribedStep): NarrativeStep {
  if (told.frame !== step.frame) throw new ApiFailure('internal', `the narrative of frame ${told.frame} does not match step ${step.frame}`)
  return {
    frame: step.frame,
    phase: step.phase,
    step: [...step.step],
    from: step.from,
    kind: step.kind,
    label: step.label,
    before: { ...step.before },
    after: { ...step.after },
    headline: told.headline,
    title: told.title,
    direction: told.direction,
    sent: told.sent,
    does: told.does,
    arithmetic: told.arithmetic,
    states: told.states,
    knowledge: told.knowledge && {
      rows: told.knowledge.rows.map(({ label, client, server, newClient, newServer }) => ({ label, client, server, newClient, newServer })),
      learned: told.knowledge.learned,
    },
    notes: told.notes,
    seeAlso: told.seeAlso,
    line: told.line,
  }
}
