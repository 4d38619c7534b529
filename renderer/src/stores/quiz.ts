import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { checkAnswer, isAnswered, type QuizCheck, type QuizGiven } from '../teach/quiz-check'
import { questionsByStep, quizQuestions, type QuizQuestion } from '../teach/quiz-questions'
import { useCaptureStore } from './capture'
import { usePlaybackStore } from './playback'
import { useTeachStore } from './teach'

/** What became of a question: answered (and checked), or skipped (check null). */
export interface QuizOutcome {
  given: QuizGiven | null
  check: QuizCheck | null
}

export interface QuizScore {
  correct: number
  answered: number
  skipped: number
}

const NO_SCORE: QuizScore = { correct: 0, answered: 0, skipped: 0 }

/**
 * Quiz mode over the Diagram view's connection: before playback reveals a step, the student
 * predicts it. The questions of the step about to be revealed (playback.index + 1) are asked;
 * answering (or "Reveal") moves playback on, and the step just revealed shows how each answer
 * fared. Moving on with the playback controls instead skips the questions passed. The score is
 * kept for the capture session.
 */
export const useQuizStore = defineStore('quiz', () => {
  const teach = useTeachStore()
  const playback = usePlaybackStore()
  const active = ref(false)
  const questions = computed<QuizQuestion[]>(() => (teach.narrative ? quizQuestions(teach.narrative) : []))
  const byStep = computed(() => questionsByStep(questions.value))
  /** By question id, for the connection `outcomesOf`. */
  const outcomes = shallowRef<Record<string, QuizOutcome>>({})
  let outcomesOf: number | null = null
  /** Answers being given (by question id), not yet checked. */
  const drafts = shallowRef<Record<string, QuizGiven>>({})
  const score = ref<QuizScore>({ ...NO_SCORE })

  /** The step about to be revealed, and its questions. */
  const upcomingStep = computed(() => playback.index + 1)
  const upcoming = computed<QuizQuestion[]>(() => byStep.value.get(upcomingStep.value) ?? [])
  /** The questions of the step just revealed (their outcomes are shown). */
  const revealed = computed<QuizQuestion[]>(() => byStep.value.get(playback.index) ?? [])
  /** The next step after the upcoming one that has questions (−1: none). */
  const nextAsked = computed(() => {
    let best = -1
    for (const step of byStep.value.keys()) if (step > upcomingStep.value && (best < 0 || step < best)) best = step
    return best
  })
  const finished = computed(() => teach.steps.length > 0 && playback.index >= teach.steps.length - 1)

  function record(updates: Record<string, QuizOutcome>): void {
    outcomes.value = { ...outcomes.value, ...updates }
    const next = { ...score.value }
    for (const outcome of Object.values(updates)) {
      if (outcome.check) {
        next.answered++
        if (outcome.check.correct) next.correct++
      } else next.skipped++
    }
    score.value = next
  }

  function unresolved(list: readonly QuizQuestion[]): QuizQuestion[] {
    return list.filter((item) => !outcomes.value[item.id])
  }

  function skip(list: readonly QuizQuestion[]): void {
    const updates: Record<string, QuizOutcome> = {}
    for (const item of unresolved(list)) updates[item.id] = { given: null, check: null }
    if (Object.keys(updates).length > 0) record(updates)
  }

  function forgetOutcomes(): void {
    outcomes.value = {}
    drafts.value = {}
    outcomesOf = teach.narrative?.stream ?? null
  }

  /** Quiz mode on: nothing revealed yet, every question open again. */
  function start(): void {
    active.value = true
    forgetOutcomes()
    playback.rewind()
  }

  function stop(): void {
    active.value = false
    drafts.value = {}
  }

  function setActive(on: boolean): void {
    if (on) start()
    else stop()
  }

  function setDraft(id: string, given: QuizGiven): void {
    drafts.value = { ...drafts.value, [id]: given }
  }

  /** Chooses or unchooses one flag of a flags question. */
  function toggleChoice(id: string, value: string): void {
    const current = drafts.value[id]
    const values = current?.type === 'set' ? current.values : []
    setDraft(id, { type: 'set', values: values.includes(value) ? values.filter((v) => v !== value) : [...values, value] })
  }

  /** Checks the upcoming step's answers (a question left empty is skipped) and reveals the step. */
  function submit(): void {
    const updates: Record<string, QuizOutcome> = {}
    for (const item of unresolved(upcoming.value)) {
      const given = drafts.value[item.id]
      updates[item.id] = isAnswered(given) ? { given, check: checkAnswer(item, given) } : { given: null, check: null }
    }
    if (Object.keys(updates).length > 0) record(updates)
    playback.next()
  }

  /** Reveals the upcoming step without answering (its questions are skipped). */
  function reveal(): void {
    skip(upcoming.value)
    playback.next()
  }

  /** Reveals at once every step up to the next one that has questions (or all, when none has). */
  function skipAhead(): void {
    skip(upcoming.value)
    playback.seek(nextAsked.value >= 0 ? nextAsked.value - 1 : teach.steps.length - 1)
  }

  // Playback moved on some other way (its controls, the scrubber): the questions passed are skipped.
  watch(
    () => playback.index,
    (index, before) => {
      if (!active.value || index <= before || outcomesOf !== (teach.narrative?.stream ?? null)) return
      for (const [step, list] of byStep.value) if (step > before && step <= index) skip(list)
    },
  )
  // Another connection: its questions are all open, and (in quiz mode) nothing is revealed. After the
  // teach store has loaded playback with the new steps, hence 'post'.
  watch(
    () => teach.narrative?.stream ?? null,
    (stream) => {
      if (stream === outcomesOf) return
      forgetOutcomes()
      if (active.value && stream !== null) playback.rewind()
    },
    { flush: 'post' },
  )
  // Another capture session: a new score.
  watch(
    () => useCaptureStore().status.session,
    () => {
      stop()
      forgetOutcomes()
      score.value = { ...NO_SCORE }
    },
  )

  return {
    active,
    questions,
    outcomes,
    drafts,
    score,
    upcomingStep,
    upcoming,
    revealed,
    nextAsked,
    finished,
    start,
    stop,
    setActive,
    setDraft,
    toggleChoice,
    submit,
    reveal,
    skipAhead,
  }
})
