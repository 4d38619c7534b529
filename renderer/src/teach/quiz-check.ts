// Checking a quiz answer against the capture: numbers exactly, flags as a set, a choice as it is.
// The result says what was right, what was missing and what was extra, for the panel to word.
import type { QuizExpected, QuizQuestion } from './quiz-questions'

/** What a student gave: a number typed (as text), the flags chosen, or one choice. */
export type QuizGiven = { type: 'number'; text: string } | { type: 'set'; values: string[] } | { type: 'choice'; value: string }

export interface QuizCheck {
  correct: boolean
  /** The expected answer as the panel shows it: "1", "SYN + ACK", "ESTABLISHED", "yes". */
  expected: string
  given: string
  /** For flags: those expected and not chosen, and those chosen and not expected. */
  missing: string[]
  extra: string[]
}

/** A whole number typed by a student ("101", " 1 001 ", "1,001"); null when it is not one. */
export function parseQuizNumber(text: string): number | null {
  const digits = text.replace(/[\s,_]/g, '')
  if (!/^\d+$/.test(digits)) return null
  const value = Number(digits)
  return Number.isSafeInteger(value) ? value : null
}

/** Whether anything was given at all (an empty field or no flag chosen is no answer: the question is skipped). */
export function isAnswered(given: QuizGiven | undefined): given is QuizGiven {
  if (!given) return false
  if (given.type === 'number') return given.text.trim() !== ''
  if (given.type === 'set') return given.values.length > 0
  return given.value !== ''
}

/** The flags in Wireshark's order (as the question's choices list them), joined for reading. */
function setText(values: readonly string[], order: readonly string[]): string {
  return [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(' + ')
}

export function expectedText(expected: QuizExpected, order: readonly string[] = []): string {
  if (expected.type === 'number') return String(expected.value)
  if (expected.type === 'set') return setText(expected.values, order)
  return expected.value
}

function checkSet(question: QuizQuestion, values: string[]): QuizCheck {
  const expected = question.expected.type === 'set' ? question.expected.values : []
  const chosen = [...new Set(values)]
  const missing = expected.filter((value) => !chosen.includes(value))
  const extra = chosen.filter((value) => !expected.includes(value))
  return {
    correct: missing.length === 0 && extra.length === 0,
    expected: setText(expected, question.choices),
    given: setText(chosen, question.choices),
    missing,
    extra,
  }
}

/** Checks a given answer against the question's expected one. */
export function checkAnswer(question: QuizQuestion, given: QuizGiven): QuizCheck {
  const expected = question.expected
  if (expected.type === 'set') return checkSet(question, given.type === 'set' ? given.values : [])
  const none = { missing: [], extra: [] }
  if (expected.type === 'number') {
    const text = given.type === 'number' ? given.text.trim() : ''
    const value = parseQuizNumber(text)
    return { correct: value === expected.value, expected: String(expected.value), given: value === null ? text : String(value), ...none }
  }
  const value = given.type === 'choice' ? given.value : ''
  return { correct: value === expected.value, expected: expected.value, given: value, ...none }
}
