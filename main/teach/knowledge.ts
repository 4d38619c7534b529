// "What each side now knows" during the handshake: the classic teaching checklist.
//
// A segment that arrives proves that its sender can send and that its receiver can receive; a
// SYN also tells the receiver the sender's ISN. An ACK of my SYN proves that my segment reached
// the peer (my sending and the peer's receiving work) and that the peer has my ISN. So after
// step 1 the server knows that the client can send and that it can itself receive; after step 2
// the client knows all four; after step 3 the server does too.
//
// Each segment's lessons count for its receiver at the frame that carries it (the capture
// point sees it about when it arrives). When the receiver's next segment crossed it (a
// simultaneous open), the lessons count after that crossing segment, as the receiver sent it
// before the other one arrived.
import { TCP_FLAG } from '../tcp/segment'
import { otherRole, type Role, type Step, type StepKind } from '../tcp/step'

/** The six facts, each from one side's own point of view. */
export const FACTS = ['selfSend', 'selfReceive', 'peerSend', 'peerReceive', 'peerKnowsIsn', 'knowsPeerIsn'] as const
export type Fact = (typeof FACTS)[number]

/** The four facts of the classic checklist (without the ISNs). */
export const CHECKLIST: readonly Fact[] = ['selfSend', 'selfReceive', 'peerSend', 'peerReceive']

export interface Knowledge {
  client: Fact[]
  server: Fact[]
}

export interface KnowledgeAfterStep {
  /** What each side knows after this step, in FACTS order. */
  after: Knowledge
  /** What this step taught each side. */
  learned: Knowledge
}

const HANDSHAKE_KINDS: ReadonlySet<StepKind> = new Set([
  'syn',
  'syn-retry',
  'syn-crossed',
  'syn-ack',
  'syn-ack-retry',
  'handshake-ack',
  'handshake-ack-data',
])

const { SYN, ACK } = TCP_FLAG


function sorted(set: ReadonlySet<Fact>): Fact[] {
  return FACTS.filter((f) => set.has(f))
}

/** A SYN that its sender sent again before anything answered it. */
function isLostSyn(steps: readonly Step[], i: number): boolean {
  const step = steps[i]!
  if (step.kind !== 'syn' && step.kind !== 'syn-retry') return false
  for (let j = i + 1; j < steps.length; j++) {
    const later = steps[j]!
    if (later.from !== step.from) return false
    if (later.kind === 'syn-retry') return true
  }
  return false
}

/**
 * The checklist after each handshake step, by index into `steps`. Steps after both sides know
 * all six facts, and steps that are not part of a handshake (data, close, a refusal), get none.
 * Nothing is returned for a capture whose opening is unanswered or was not captured.
 */
export function handshakeKnowledge(steps: readonly Step[]): Map<number, KnowledgeAfterStep> {
  const out = new Map<number, KnowledgeAfterStep>()
  const known: Record<Role, Set<Fact>> = { client: new Set(), server: new Set() }
  const sentSyn: Record<Role, boolean> = { client: false, server: false }
  const answered = steps.some((s) => s.kind === 'syn-ack' || s.kind === 'syn-crossed' || s.kind === 'handshake-ack' || s.kind === 'handshake-ack-data')
  if (!answered) return out
  let deferred: { role: Role; facts: Fact[] }[] = []
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    if (!HANDSHAKE_KINDS.has(step.kind)) {
      if (step.phase === 'open') continue
      break
    }
    if (known.client.size === FACTS.length && known.server.size === FACTS.length) break
    const learned: Record<Role, Set<Fact>> = { client: new Set(), server: new Set() }
    const learn = (role: Role, facts: Fact[]) => {
      for (const f of facts) {
        if (!known[role].has(f)) {
          known[role].add(f)
          learned[role].add(f)
        }
      }
    }
    // Lessons held back because this step's sender had not yet received them.
    for (const d of deferred) learn(d.role, d.facts)
    deferred = []

    const receiver = otherRole(step.from)
    const flags = step.segment.flags
    if (flags & SYN) sentSyn[step.from] = true
    const facts: Fact[] = ['peerSend', 'selfReceive']
    if (flags & SYN) facts.push('knowsPeerIsn')
    if (flags & ACK && sentSyn[receiver]) facts.push('selfSend', 'peerReceive', 'peerKnowsIsn')
    const next = steps[i + 1]
    if (isLostSyn(steps, i) || step.notes.some((n) => n.code === 'no-answer')) {
      // Sent again later, or never answered: nothing shows that it arrived.
    } else if (next && next.kind === 'syn-crossed' && next.from === receiver) deferred.push({ role: receiver, facts })
    else learn(receiver, facts)

    out.set(i, {
      after: { client: sorted(known.client), server: sorted(known.server) },
      learned: { client: sorted(learned.client), server: sorted(learned.server) },
    })
  }
  return out
}
