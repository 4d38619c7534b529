import { beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionNarrative } from '../../../../preload/contract/api'
import { checkAnswer } from '../../../../renderer/src/teach/quiz-check'
import { MAX_QUESTIONS_PER_STEP, quizQuestions, type QuizQuestion } from '../../../../renderer/src/teach/quiz-questions'
import { longDownloadCapture } from '../../../fixtures/lesson-captures'
import { narrativeOf } from '../../../fixtures/teaching-views'

const SCENARIOS = [
  'tcp-scenario-four-way-close',
  'tcp-scenario-server-closes',
  'tcp-scenario-three-segment-close',
  'tcp-scenario-simultaneous-close',
  'tcp-scenario-half-close',
  'tcp-scenario-simultaneous-open',
  'tcp-scenario-refused',
  'tcp-scenario-syn-retries',
  'tcp-scenario-synack-retransmitted',
  'tcp-scenario-data-on-third',
  'tcp-scenario-rst-abort',
  'tcp-scenario-keep-alive',
  'tcp-scenario-mid-stream',
  'tcp-scenario-fast-retransmission',
  'tcp-scenario-retransmission-timeout',
  'tcp-scenario-zero-window',
  'tcp-scenario-out-of-order',
] as const

const told = new Map<string, { en: ConnectionNarrative; zh: ConnectionNarrative }>()
let download: ConnectionNarrative

beforeAll(async () => {
  for (const name of SCENARIOS) told.set(name, { en: await narrativeOf(name, 0, 'en'), zh: await narrativeOf(name, 0, 'zh-CN') })
  download = await narrativeOf(longDownloadCapture(2000), 0, 'en')
}, 60_000)

function questionsOf(name: (typeof SCENARIOS)[number], lang: 'en' | 'zh' = 'en'): QuizQuestion[] {
  return quizQuestions(told.get(name)![lang])
}

/** The questions asked before the step of this frame. */
function before(name: (typeof SCENARIOS)[number], frame: number): QuizQuestion[] {
  return questionsOf(name).filter((q) => q.frame === frame)
}

function find(questions: QuizQuestion[], kind: QuizQuestion['kind'], role?: string): QuizQuestion {
  const found = questions.find((q) => q.kind === kind && (role === undefined || q.role === role))
  if (!found) throw new Error(`no ${kind} question ${role ?? ''} among ${questions.map((q) => q.id).join(', ')}`)
  return found
}

describe('teach/quiz-questions', () => {
  describe('the classic four-way close', () => {
    it("should ask the SYN-ACK's flags before step 2, answered SYN + ACK", () => {
      const flags = find(before('tcp-scenario-four-way-close', 2), 'flags')
      expect(flags.sender).toBe('server')
      expect(flags.expected).toEqual({ type: 'set', values: ['SYN', 'ACK'] })
      expect(flags.choices).toEqual(['SYN', 'ACK', 'FIN', 'RST', 'PSH'])
    })

    it("should ask the SYN-ACK's ack, 1, explained as 0 + 1 because the SYN consumed one number", () => {
      const ack = find(before('tcp-scenario-four-way-close', 2), 'ack')
      expect(ack.expected).toEqual({ type: 'number', value: 1 })
      expect(ack.explanation.join(' ')).toContain('ack = 1 = 0 + 1')
      expect(ack.explanation.join(' ')).toContain('consumed one sequence number')
      expect(ack.explanation.every((line) => line.startsWith('ack'))).toBe(true)
    })

    it('should ask the state the client enters when the SYN-ACK arrives: ESTABLISHED', () => {
      const state = find(before('tcp-scenario-four-way-close', 2), 'state', 'client')
      expect(state.receives).toBe(true)
      expect(state.expected).toEqual({ type: 'choice', value: 'ESTABLISHED' })
      expect(state.choices).toContain('SYN-RECEIVED')
      expect(state.choices).not.toContain('UNKNOWN')
      expect(state.explanation).toEqual([expect.stringContaining('client: SYN-SENT → ESTABLISHED')])
    })

    it("should ask the server's state after it answers: SYN-RECEIVED, explained by its own line", () => {
      const state = find(before('tcp-scenario-four-way-close', 2), 'state', 'server')
      expect(state.receives).toBe(false)
      expect(state.expected).toEqual({ type: 'choice', value: 'SYN-RECEIVED' })
      expect(state.explanation).toEqual([expect.stringContaining('server: LISTEN → SYN-RECEIVED')])
    })

    it("should not ask the SYN-ACK's seq: the server's ISN cannot be predicted", () => {
      expect(before('tcp-scenario-four-way-close', 2).some((q) => q.kind === 'seq')).toBe(false)
    })

    it("should ask the first SYN its flags (SYN), its relative seq (0) and the client's SYN-SENT", () => {
      const first = before('tcp-scenario-four-way-close', 1)
      expect(first.map((q) => q.kind)).toEqual(['flags', 'seq', 'state'])
      expect(find(first, 'flags').expected).toEqual({ type: 'set', values: ['SYN'] })
      expect(find(first, 'seq').expected).toEqual({ type: 'number', value: 0 })
      expect(find(first, 'state', 'client').expected).toEqual({ type: 'choice', value: 'SYN-SENT' })
    })

    it('should not ask an ack of a segment without the ACK flag', () => {
      expect(before('tcp-scenario-four-way-close', 1).some((q) => q.kind === 'ack')).toBe(false)
    })

    it('should ask the last ACK its seq (the FIN consumed one) and ack', () => {
      const last = before('tcp-scenario-four-way-close', 11)
      expect(find(last, 'seq').expected).toEqual({ type: 'number', value: 102 })
      expect(find(last, 'ack').expected).toEqual({ type: 'number', value: 1002 })
      expect(find(last, 'state', 'server').expected).toEqual({ type: 'choice', value: 'CLOSED' })
    })

    it('should ask every step of the opening and the closing, and the first segment and ACK of each side', () => {
      const frames = [...new Set(questionsOf('tcp-scenario-four-way-close').map((q) => q.frame))]
      expect(frames).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    })
  })

  it('should ask the merged FIN-ACK of a three-segment close for FIN + ACK, and the TIME-WAIT it sends the client to', () => {
    const merged = before('tcp-scenario-three-segment-close', 9)
    expect(find(merged, 'flags').expected).toEqual({ type: 'set', values: ['FIN', 'ACK'] })
    expect(find(merged, 'state', 'client').expected).toEqual({ type: 'choice', value: 'TIME-WAIT' })
  })

  describe('simultaneous open', () => {
    it('should ask the crossed SYN its flags: SYN alone, and both sides then in SYN-RECEIVED', () => {
      const crossed = before('tcp-scenario-simultaneous-open', 2)
      expect(find(crossed, 'flags').expected).toEqual({ type: 'set', values: ['SYN'] })
      expect(find(crossed, 'state', 'server').expected).toEqual({ type: 'choice', value: 'SYN-RECEIVED' })
      expect(find(crossed, 'state', 'client').expected).toEqual({ type: 'choice', value: 'SYN-RECEIVED' })
    })

    it('should ask whether the second SYN-ACK is a retransmission: it is not, whatever Wireshark says', () => {
      const answer = find(before('tcp-scenario-simultaneous-open', 3), 'retransmission')
      expect(answer.expected).toEqual({ type: 'choice', value: 'no' })
      expect(answer.explanation.join(' ')).toContain('Not a retransmission')
    })
  })

  it('should ask the refusal its flags (RST + ACK), its ack and the client closed', () => {
    const refusal = before('tcp-scenario-refused', 2)
    expect(find(refusal, 'flags').expected).toEqual({ type: 'set', values: ['RST', 'ACK'] })
    expect(find(refusal, 'ack').expected).toEqual({ type: 'number', value: 1 })
    expect(find(refusal, 'state', 'client').expected).toEqual({ type: 'choice', value: 'CLOSED' })
    expect(refusal.some((q) => q.kind === 'seq')).toBe(false)
  })

  it('should ask only "a retransmission?" of each SYN retry (yes)', () => {
    const retries = questionsOf('tcp-scenario-syn-retries').filter((q) => q.frame > 1)
    expect(retries.length).toBe(6)
    expect(retries.every((q) => q.kind === 'retransmission' && q.expected.type === 'choice' && q.expected.value === 'yes')).toBe(true)
  })

  it('should ask the fast retransmission and the cumulative ACK that follows it', () => {
    expect(find(before('tcp-scenario-fast-retransmission', 14), 'retransmission').expected).toEqual({ type: 'choice', value: 'yes' })
    expect(find(before('tcp-scenario-fast-retransmission', 14), 'seq').expected).toEqual({ type: 'number', value: 1001 })
    expect(find(before('tcp-scenario-fast-retransmission', 15), 'ack').expected).toEqual({ type: 'number', value: 5001 })
  })

  it('should ask whether an out-of-order segment is a retransmission (no)', () => {
    expect(find(before('tcp-scenario-out-of-order', 7), 'retransmission').expected).toEqual({ type: 'choice', value: 'no' })
  })

  it('should ask no number that was not revealed: a keep-alive seq, the numbers of a connection seen mid-stream', () => {
    expect(before('tcp-scenario-keep-alive', 8).some((q) => q.kind === 'seq')).toBe(false)
    const first = before('tcp-scenario-mid-stream', 1)
    expect(first.some((q) => q.kind === 'seq' || q.kind === 'ack' || q.kind === 'state')).toBe(false)
  })

  it('should ask a long download only a few questions, not one per segment', () => {
    expect(download.steps.length).toBeGreaterThan(2000)
    const questions = quizQuestions(download)
    expect(questions.length).toBeLessThan(60)
    expect(new Set(questions.filter((q) => download.steps[q.step]!.phase === 'data').map((q) => q.step)).size).toBeLessThanOrEqual(8)
  })

  describe('in every scenario', () => {
    it('should ask at most four questions before a step, each with an explanation', () => {
      for (const name of SCENARIOS) {
        const questions = questionsOf(name)
        expect(questions.length, name).toBeGreaterThan(0)
        const perStep = new Map<number, number>()
        for (const q of questions) {
          perStep.set(q.step, (perStep.get(q.step) ?? 0) + 1)
          expect(q.explanation.length, q.id).toBeGreaterThan(0)
          expect(q.explanation.every((line) => line.trim() !== ''), q.id).toBe(true)
        }
        expect(Math.max(...perStep.values()), name).toBeLessThanOrEqual(MAX_QUESTIONS_PER_STEP)
      }
    })

    it('should ask the same questions in Chinese, explained in Chinese', () => {
      for (const name of SCENARIOS) {
        const en = questionsOf(name, 'en')
        const zh = questionsOf(name, 'zh')
        expect(zh.map((q) => [q.id, q.expected]), name).toEqual(en.map((q) => [q.id, q.expected]))
        for (const q of zh) expect(q.explanation.join(''), q.id).toMatch(/[\u4e00-\u9fff]/)
      }
    })

    it('should check its own expected answers right and another answer wrong', () => {
      for (const name of SCENARIOS) {
        for (const q of questionsOf(name)) {
          const e = q.expected
          const right = e.type === 'number' ? { type: 'number' as const, text: String(e.value) } : e.type === 'set' ? { type: 'set' as const, values: [...e.values].reverse() } : e
          const wrong =
            e.type === 'number' ? { type: 'number' as const, text: String(e.value + 1) } : e.type === 'set' ? { type: 'set' as const, values: [...e.values, e.values.includes('PSH') ? 'FIN' : 'PSH'] } : { type: 'choice' as const, value: q.choices.find((c) => c !== e.value)! }
          expect(checkAnswer(q, right).correct, q.id).toBe(true)
          expect(checkAnswer(q, wrong).correct, q.id).toBe(false)
        }
      }
    })
  })
})
