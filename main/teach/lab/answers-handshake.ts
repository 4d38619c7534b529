// The opening questions of a TCP lab: who talks to whom, the SYN's sequence number and what
// makes it a SYN, the SYN-ACK's numbers and how its ack was derived, and where the data starts.
import { TCP_FLAG } from '../../tcp/segment'
import { otherRole, type Step } from '../../tcp/step'
import { m, type Msg } from '../catalog'
import { flagNames } from '../explain-step'
import type { LabInput } from './lab-input'
import { carriesData, firstOfKind, hasFlag } from './segments'
import { flagsHex, frame, frames, role, type AnswerDraft } from './words'

const u32 = (n: number): number => n >>> 0
const names = (step: Step): string => flagNames(step.segment.flags).join(', ')

export function endpointsAnswer({ timeline }: LabInput): AnswerDraft {
  const steps = timeline.steps
  const syn = firstOfKind(steps, 'syn')
  const { client, server } = timeline
  const lines: Msg[] = [
    syn
      ? m('lab.endpoints.client', { address: client.address, port: client.port, frame: frame(syn.frame) })
      : m('lab.endpoints.clientGuessed', { address: client.address, port: client.port, server: server.port }),
    m('lab.endpoints.server', { address: server.address, port: server.port }),
  ]
  return { id: 'endpoints', question: m('lab.q.endpoints'), lines, frames: [syn?.frame ?? timeline.firstFrame] }
}

export function synAnswer({ timeline }: LabInput): AnswerDraft {
  const steps = timeline.steps
  const syn = firstOfKind(steps, 'syn')
  const question = m('lab.q.syn-seq')
  if (!syn) return { id: 'syn-seq', question, lines: [m('lab.syn.missing', { frame: frame(timeline.firstFrame) })], frames: [timeline.firstFrame] }
  const s = syn.segment
  const lines: Msg[] = [
    m('lab.syn.seq', { frame: frame(syn.frame), raw: s.rawSeq, seq: s.seq }),
    m('lab.syn.flags', { hex: flagsHex(s.flags), names: names(syn) }),
  ]
  if (carriesData(syn)) lines.push(m('lab.syn.data', { len: s.length }))
  const retries = steps.filter((x) => x.kind === 'syn-retry' && x.from === syn.from).map((x) => x.frame)
  if (retries.length > 0) lines.push(m('lab.syn.retries', { count: retries.length + 1, frames: frames(retries) }))
  return { id: 'syn-seq', question, lines, frames: [syn.frame, ...retries] }
}

export function synAckAnswer({ timeline }: LabInput): AnswerDraft {
  const steps = timeline.steps
  const synAck = firstOfKind(steps, 'syn-ack')
  const question = m('lab.q.syn-ack')
  if (!synAck) return { id: 'syn-ack', question, ...missingSynAck(steps, timeline.open, timeline.firstFrame) }
  const s = synAck.segment
  const syn = steps.find((x) => x.frame === synAck.ackOf?.frame) ?? steps.find((x) => x.from !== synAck.from && hasFlag(x, TCP_FLAG.SYN))
  const lines: Msg[] = [
    m('lab.synAck.numbers', { frame: frame(synAck.frame), seqRaw: s.rawSeq, seq: s.seq, ackRaw: s.rawAck, ack: s.ack }),
    m('lab.synAck.flags', { hex: flagsHex(s.flags), names: names(synAck) }),
  ]
  if (syn) lines.push(derivation(synAck, syn))
  const retries = steps.filter((x) => x.kind === 'syn-ack-retry').map((x) => x.frame)
  if (retries.length > 0) lines.push(m('lab.synAck.retries', { frames: frames(retries) }))
  return { id: 'syn-ack', question, lines, frames: [synAck.frame, ...(syn ? [syn.frame] : []), ...retries] }
}

/** How the SYN-ACK's ack follows from the SYN: ISN + 1 (+ the data a Fast Open SYN carried). */
function derivation(synAck: Step, syn: Step): Msg {
  const isn = syn.segment.rawSeq
  const ackRaw = synAck.segment.rawAck
  const over = u32(ackRaw - isn)
  const p = { isn, ackRaw, synFrame: frame(syn.frame), who: role(syn.from) }
  if (over === 1) return m('lab.synAck.derived', p)
  if (carriesData(syn) && over === 1 + syn.segment.length) return m('lab.synAck.derivedData', { ...p, len: syn.segment.length })
  return m('lab.synAck.derivedOther', { ...p, over })
}

function missingSynAck(steps: readonly Step[], open: string, firstFrame: number): { lines: Msg[]; frames: number[] } {
  const refusal = firstOfKind(steps, 'refusal')
  if (refusal) return { lines: [m('lab.synAck.refused', { frame: frame(refusal.frame), ackRaw: refusal.segment.rawAck })], frames: [refusal.frame] }
  const syn = firstOfKind(steps, 'syn')
  if (syn) return { lines: [m('lab.synAck.unanswered', { frame: frame(syn.frame) })], frames: steps.filter((s) => s.from === syn.from).map((s) => s.frame) }
  return { lines: [open === 'not-captured' ? m('lab.synAck.notCaptured') : m('lab.synAck.missing')], frames: [firstFrame] }
}

export function firstDataAnswer({ timeline, frames: facts }: LabInput): AnswerDraft {
  const steps = timeline.steps
  const data = steps.find(carriesData)
  const question = m('lab.q.first-data')
  if (!data) return { id: 'first-data', question, lines: [m('lab.firstData.none')], frames: [timeline.firstFrame, timeline.lastFrame] }
  const s = data.segment
  const who = role(data.from)
  const lines: Msg[] = []
  const ownSyn = steps.find((x) => x.from === data.from && hasFlag(x, TCP_FLAG.SYN))
  const used = [data.frame]
  if (hasFlag(data, TCP_FLAG.SYN)) {
    lines.push(m('lab.firstData.inSyn', { frame: frame(data.frame), who, len: s.length, raw: s.rawSeq, next: u32(s.rawSeq + 1) }))
  } else {
    lines.push(m('lab.firstData.seq', { frame: frame(data.frame), who, len: s.length, seq: s.seq, raw: s.rawSeq }))
    if (ownSyn && u32(s.rawSeq - ownSyn.segment.rawSeq) === 1) {
      lines.push(m('lab.firstData.why', { who, isn: ownSyn.segment.rawSeq, raw: s.rawSeq, synFrame: frame(ownSyn.frame) }))
      used.push(ownSyn.frame)
    } else if (!ownSyn) lines.push(m('lab.firstData.midStream', { who }))
    else lines.push(m('lab.firstData.later', { who, isn: ownSyn.segment.rawSeq, seq: s.seq }))
  }
  const payload = facts.get(data.frame)?.payload
  if (payload) lines.push(m('lab.firstData.payload', { text: payload }))
  const reply = steps.find((x) => x.from === otherRole(data.from) && carriesData(x))
  if (reply && reply.frame !== data.frame) lines.push(m('lab.firstData.peer', { frame: frame(reply.frame), who: role(reply.from), seq: reply.segment.seq, raw: reply.segment.rawSeq }))
  if (reply) used.push(reply.frame)
  return { id: 'first-data', question, lines, frames: used }
}
