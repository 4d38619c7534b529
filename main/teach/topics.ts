// Capture-level topics: the "why" behind what a connection shows (why three segments, why
// four, why 2MSL, SYN floods…). Each topic is an id plus the numbers its text quotes; the words
// are in the catalogs (topic.<id>.title / topic.<id>.body). Steps and connections link to them.
import type { ConnectionTimeline, NoteCode, Step, StepKind, Variant } from '../tcp/step'
import { LINUX_TIME_WAIT_SECONDS, RFC_MSL_SECONDS } from '../tcp/states'
import { LINUX_SYN_BACKOFF_SECONDS } from '../tcp/steps'

export const TOPIC_IDS = [
  'relative-seq',
  'three-way',
  'syn-flood',
  'data-on-third',
  'syn-retry',
  'simultaneous-open',
  'tfo',
  'seq-ack',
  'retransmission',
  'keep-alive',
  'four-way',
  'half-close',
  'simultaneous-close',
  'time-wait',
  'rst',
  'mid-stream',
  'port-reuse',
  'capture-point',
] as const

export type TopicId = (typeof TOPIC_IDS)[number]

/**
 * When Linux sends its last SYN retry (63 s), and when connect() gives up (127 s): the waits
 * before its tcp_syn_retries = 6 retries start at the initial RTO of 1 s (RFC 6298) and double,
 * and after the last retry it waits twice as long again.
 */
export function linuxSynTimeline(): { gaps: number[]; lastRetry: number; finalWait: number; givesUp: number } {
  const gaps = [...LINUX_SYN_BACKOFF_SECONDS]
  const lastRetry = gaps.reduce((a, b) => a + b, 0)
  const finalWait = 2 * gaps[gaps.length - 1]!
  return { gaps, lastRetry, finalWait, givesUp: lastRetry + finalWait }
}

/** Linux keep-alive defaults: tcp_keepalive_time, tcp_keepalive_intvl, tcp_keepalive_probes. */
const LINUX_KEEPALIVE = { time: 7200, interval: 75, probes: 9 } as const

/** The numbers each topic's text quotes (placeholders of topic.<id>.body). */
export function topicParams(id: TopicId): Record<string, number | string> {
  switch (id) {
    case 'time-wait':
      return {
        linux: LINUX_TIME_WAIT_SECONDS,
        msl: RFC_MSL_SECONDS,
        mslMinutes: RFC_MSL_SECONDS / 60,
        twoMslMinutes: (2 * RFC_MSL_SECONDS) / 60,
      }
    case 'syn-retry': {
      const t = linuxSynTimeline()
      return {
        retries: t.gaps.length,
        rto: t.gaps[0]!,
        sum: `${t.gaps.join(' + ')} = ${t.lastRetry}`,
        lastRetry: t.lastRetry,
        finalWait: t.finalWait,
        givesUp: t.givesUp,
      }
    }
    case 'keep-alive':
      return { ...LINUX_KEEPALIVE, hours: LINUX_KEEPALIVE.time / 3600 }
    default:
      return {}
  }
}

const BY_KIND: Partial<Record<StepKind, TopicId[]>> = {
  syn: ['three-way'],
  'syn-retry': ['syn-retry'],
  'syn-crossed': ['simultaneous-open'],
  'syn-ack': ['three-way', 'syn-flood'],
  'syn-ack-retry': ['three-way', 'retransmission'],
  'handshake-ack': ['three-way'],
  'handshake-ack-data': ['three-way', 'data-on-third'],
  refusal: ['rst'],
  data: ['seq-ack'],
  ack: ['seq-ack'],
  'keep-alive': ['keep-alive'],
  'keep-alive-ack': ['keep-alive'],
  fin: ['four-way'],
  'fin-ack-of-fin': ['four-way', 'half-close'],
  'fin-second': ['four-way'],
  'fin-merged': ['four-way'],
  'fin-crossed': ['simultaneous-close'],
  'last-ack': ['time-wait'],
  'closing-ack': ['simultaneous-close', 'time-wait'],
  'fin-retry': ['retransmission'],
  rst: ['rst'],
  'rst-after-close': ['rst'],
}

const BY_NOTE: Partial<Record<NoteCode, TopicId[]>> = {
  retransmission: ['retransmission'],
  'fast-retransmission': ['retransmission'],
  'spurious-retransmission': ['retransmission'],
  'duplicate-ack': ['retransmission'],
  'reused-ports': ['port-reuse', 'time-wait'],
  'syn-retry': ['syn-retry'],
  'syn-backoff': ['syn-retry'],
  'simultaneous-open': ['simultaneous-open'],
  'synack-retry': ['three-way'],
  'tfo-cookie-request': ['tfo'],
  'tfo-cookie': ['tfo'],
  'tfo-data-accepted': ['tfo'],
  'tfo-data-ignored': ['tfo'],
  'data-on-third': ['data-on-third'],
  'half-close': ['half-close'],
  'time-wait': ['time-wait'],
  crossed: ['capture-point'],
  'rst-in-flight': ['rst', 'capture-point'],
  refused: ['rst'],
  'not-captured-opening': ['mid-stream'],
  'roles-guessed': ['mid-stream'],
  'no-answer': ['syn-flood'],
}

const BY_VARIANT: Partial<Record<Variant, TopicId[]>> = {
  'syn-retries': ['syn-retry'],
  'synack-retransmitted': ['three-way', 'retransmission'],
  'data-on-third': ['data-on-third'],
  'fast-open': ['tfo'],
  'keep-alive': ['keep-alive'],
  'port-reuse': ['port-reuse'],
  'half-close': ['half-close'],
  retransmissions: ['retransmission'],
  'rst-in-flight': ['rst'],
}

function ordered(ids: Iterable<TopicId>): TopicId[] {
  const set = new Set(ids)
  return TOPIC_IDS.filter((id) => set.has(id))
}

/** The topics a step links to, from what it is, its notes, options and state changes. */
export function topicsForStep(step: Step, first: { syn: boolean }): TopicId[] {
  const ids: TopicId[] = [...(BY_KIND[step.kind] ?? [])]
  if (first.syn) ids.push('relative-seq')
  for (const note of step.notes) ids.push(...(BY_NOTE[note.code] ?? []))
  if (step.segment.options.tfo) ids.push('tfo')
  for (const change of step.changes) {
    if (change.to === 'TIME-WAIT') ids.push('time-wait')
    if (change.reason === 'syns-crossed' || change.reason === 'received-syn') ids.push('simultaneous-open')
    if (change.reason === 'fins-crossed' || change.to === 'CLOSING') ids.push('simultaneous-close')
    if (change.reason === 'mid-stream') ids.push('mid-stream')
  }
  return ordered(ids)
}

/** The topics a connection's summary links to: its kinds of opening and closing, and variants. */
export function topicsForConnection(timeline: ConnectionTimeline): TopicId[] {
  const ids: TopicId[] = []
  const open: Record<ConnectionTimeline['open'], TopicId[]> = {
    'three-way': ['three-way'],
    simultaneous: ['simultaneous-open', 'capture-point'],
    refused: ['rst'],
    unanswered: ['syn-retry'],
    incomplete: ['three-way', 'syn-flood'],
    'not-captured': ['mid-stream'],
  }
  const close: Record<ConnectionTimeline['close'], TopicId[]> = {
    'four-way': ['four-way', 'time-wait'],
    'three-way': ['four-way', 'time-wait'],
    simultaneous: ['simultaneous-close', 'time-wait', 'capture-point'],
    reset: ['rst'],
    'half-closed': ['half-close'],
    none: [],
  }
  ids.push(...open[timeline.open], ...close[timeline.close])
  for (const v of timeline.variants) ids.push(...(BY_VARIANT[v] ?? []))
  return ordered(ids)
}
