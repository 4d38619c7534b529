import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectionNarrative, Lang } from '../../../../preload/contract/api'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { usePlaybackStore } from '../../../../renderer/src/stores/playback'
import { useQuizStore } from '../../../../renderer/src/stores/quiz'
import { useTeachStore } from '../../../../renderer/src/stores/teach'
import { narrativeOf } from '../../../fixtures/teaching-views'
import { flushPromises, setUp, type Harness } from '../harness'

const told: Record<string, Record<Lang, ConnectionNarrative>> = {}

beforeAll(async () => {
  for (const [stream, name] of [[0, 'tcp-scenario-four-way-close'], [1, 'tcp-scenario-refused']] as const) {
    told[stream] = { en: { ...(await narrativeOf(name, 0, 'en')), stream }, 'zh-CN': { ...(await narrativeOf(name, 0, 'zh-CN')), stream } }
  }
}, 30_000)

/** A harness whose api answers narratives from the real engine: stream 0 a four-way close, 1 a refusal. */
function withRealNarratives(): Harness {
  const harness = setUp()
  harness.api.narrative = (stream: number, lang: Lang) => Promise.resolve({ ok: true as const, value: told[stream]![lang] })
  return harness
}

async function openQuiz(stream = 0) {
  const teach = useTeachStore()
  const quiz = useQuizStore()
  await teach.open(stream)
  await flushPromises()
  quiz.start()
  await flushPromises()
  return { teach, quiz, playback: usePlaybackStore() }
}

let playbackToStop: ReturnType<typeof usePlaybackStore> | null = null

beforeEach(() => {
  withRealNarratives()
  playbackToStop = usePlaybackStore()
})

afterEach(() => {
  playbackToStop?.pause()
})

describe('stores/quiz', () => {
  it('should rewind playback when quiz mode starts, and ask the questions of the first step', async () => {
    const { quiz, playback } = await openQuiz()
    expect(quiz.active).toBe(true)
    expect(playback.index).toBe(-1)
    expect(quiz.upcomingStep).toBe(0)
    expect(quiz.upcoming.map((q) => q.kind)).toEqual(['flags', 'seq', 'state'])
  })

  it('should check the answers, score them and reveal the step on submit', async () => {
    const { quiz, playback } = await openQuiz()
    quiz.toggleChoice('1:flags', 'SYN')
    quiz.setDraft('1:seq', { type: 'number', text: '1' })
    quiz.setDraft('1:state:client', { type: 'choice', value: 'SYN-SENT' })
    quiz.submit()
    await flushPromises()
    expect(playback.index).toBe(0)
    expect(quiz.score).toEqual({ correct: 2, answered: 3, skipped: 0 })
    expect(quiz.outcomes['1:seq']!.check).toMatchObject({ correct: false, expected: '0', given: '1' })
    expect(quiz.revealed.map((q) => q.id)).toEqual(['1:flags', '1:seq', '1:state:client'])
    expect(quiz.upcoming.map((q) => q.id)).toContain('2:ack')
  })

  it('should count a question left empty as skipped, not wrong', async () => {
    const { quiz } = await openQuiz()
    quiz.setDraft('1:seq', { type: 'number', text: '0' })
    quiz.submit()
    expect(quiz.score).toEqual({ correct: 1, answered: 1, skipped: 2 })
  })

  it('should skip the questions of a step revealed with "Reveal"', async () => {
    const { quiz, playback } = await openQuiz()
    quiz.reveal()
    await flushPromises()
    expect(playback.index).toBe(0)
    expect(quiz.score).toEqual({ correct: 0, answered: 0, skipped: 3 })
  })

  it('should skip the questions passed with the playback controls', async () => {
    const { quiz, playback } = await openQuiz()
    playback.seek(2)
    await flushPromises()
    expect(quiz.score.skipped).toBe(3 + 4 + 4)
    playback.previous()
    await flushPromises()
    playback.next()
    await flushPromises()
    expect(quiz.score.skipped).toBe(11)
  })

  it('should reveal at once the steps without questions up to the next asked one', async () => {
    const { quiz, playback } = await openQuiz(1)
    expect(quiz.nextAsked).toBe(1)
    quiz.reveal()
    await flushPromises()
    expect(quiz.upcoming.map((q) => q.kind)).toEqual(['flags', 'ack', 'state', 'state'])
    quiz.skipAhead()
    await flushPromises()
    expect(playback.index).toBe(1)
    expect(quiz.finished).toBe(true)
  })

  it('should keep the outcomes when the narrative comes again in another language, explained in it', async () => {
    const { quiz, teach } = await openQuiz()
    quiz.setDraft('1:seq', { type: 'number', text: '0' })
    quiz.submit()
    teach.narrative = told[0]!['zh-CN']
    await flushPromises()
    expect(quiz.outcomes['1:seq']!.check!.correct).toBe(true)
    expect(quiz.revealed[1]!.explanation.join('')).toMatch(/[\u4e00-\u9fff]/)
  })

  it('should open every question again, and rewind, for another connection', async () => {
    const { quiz, teach, playback } = await openQuiz()
    quiz.reveal()
    await teach.open(1)
    await flushPromises()
    expect(playback.index).toBe(-1)
    expect(quiz.outcomes).toEqual({})
    expect(quiz.upcoming[0]!.frame).toBe(1)
    expect(quiz.score.skipped).toBe(3)
  })

  it('should start a new score, quiz mode off, when another capture session starts', async () => {
    const { quiz } = await openQuiz()
    quiz.reveal()
    const capture = useCaptureStore()
    capture.status = { ...capture.status, session: capture.status.session + 1 }
    await flushPromises()
    expect(quiz.score).toEqual({ correct: 0, answered: 0, skipped: 0 })
    expect(quiz.active).toBe(false)
  })
})
