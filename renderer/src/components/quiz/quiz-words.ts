// How a quiz question and its answers are worded in the UI (the locale holds the words).
import type { QuizCheck } from '../../teach/quiz-check'
import { expectedText } from '../../teach/quiz-check'
import type { QuizQuestion } from '../../teach/quiz-questions'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** "Which flags will the server set?", "Which state does the client enter when this segment arrives?" */
export function questionText(question: QuizQuestion, t: Translate): string {
  const sender = t(`quiz.role.${question.sender}`)
  if (question.kind === 'state') return t(question.receives ? 'quiz.ask.stateReceives' : 'quiz.ask.stateSends', { role: t(`quiz.role.${question.role}`) })
  return t(`quiz.ask.${question.kind}`, { sender })
}

/** A choice as shown: flags and states as they are, yes and no in words. */
export function choiceText(question: QuizQuestion, value: string, t: Translate): string {
  return question.kind === 'retransmission' ? t(value === 'yes' ? 'quiz.yes' : 'quiz.no') : value
}

/** An answer (expected or given) as shown. */
export function answerText(question: QuizQuestion, text: string, t: Translate): string {
  return question.kind === 'retransmission' && text !== '' ? choiceText(question, text, t) : text
}

/** The line that says how an answer fared; a skipped question gives its answer. */
export function verdictText(question: QuizQuestion, check: QuizCheck | null, t: Translate): string {
  const expected = answerText(question, check?.expected ?? expectedText(question.expected, question.choices), t)
  if (!check) return t('quiz.result.skipped', { expected })
  return t(check.correct ? 'quiz.result.right' : 'quiz.result.wrong', { expected })
}
