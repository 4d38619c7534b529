// One connection told step by step (main/teach's describeConnection) in the language asked for,
// with the engine's facts beside each step for the diagram: its numbers, state changes, notes
// and the frames its seq and ack come from. It tells a connection replayed by connection-replay.ts.
import type { ConnectionNarrative, Lang, NarrativeStep } from '../../preload/contract/dto'
import { ApiFailure } from '../api/port'
import type { Step } from '../tcp/step'
import { describeExplanation, explainConnection, format, renderMermaid, type DescribedStep } from '../teach'
import { topicBody, topicTitle } from '../teach/phrases'
import type { TopicId } from '../teach/topics'
import { connectionDto } from './connection-dto'
import type { ReplayedConnection, ReplayedFrame } from './connection-replay'
import { segmentFacts, stateChanges, stepMarks } from './step-dto'

/** One replayed connection (connection-replay.ts) told in `lang`. */
export function narrate(replayed: ReplayedConnection, lang: Lang): ConnectionNarrative {
  const { timeline, frames } = replayed
  const explanation = explainConnection(timeline)
  const described = describeExplanation(explanation, lang)
  return {
    stream: timeline.stream,
    lang,
    connection: connectionDto(timeline),
    title: described.title,
    summary: described.summary,
    steps: timeline.steps.map((step, i) => narrativeStep(step, described.steps[i]!, explanation.steps[i]!.topics, frames.get(step.frame))),
    topics: described.topics.map((id) => topicCard(id, lang)),
    mermaid: renderMermaid(explanation, lang),
  }
}

function topicCard(id: TopicId, lang: Lang): ConnectionNarrative['topics'][number] {
  return { id, title: format(topicTitle(id), lang), text: format(topicBody(id), lang).split('\n\n') }
}

function narrativeStep(step: Step, told: DescribedStep, topicIds: readonly TopicId[], replayed: ReplayedFrame | undefined): NarrativeStep {
  if (told.frame !== step.frame) throw new ApiFailure('internal', `the narrative of frame ${told.frame} does not match step ${step.frame}`)
  const out: NarrativeStep = {
    frame: step.frame,
    time: step.time,
    phase: step.phase,
    step: [...step.step],
    from: step.from,
    kind: step.kind,
    label: step.label,
    before: { ...step.before },
    after: { ...step.after },
    changes: stateChanges(step),
    segment: segmentFacts(step),
    verdicts: step.verdicts,
    marks: stepMarks(step),
    topicIds: [...topicIds],
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
  if (step.seqFrom) out.seqFrom = step.seqFrom.frame
  if (step.ackOf) out.ackOf = step.ackOf.frame
  if (replayed?.payload !== undefined) out.payload = replayed.payload
  return out
}
