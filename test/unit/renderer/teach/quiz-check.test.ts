import { describe, expect, it } from 'vitest'
import { checkAnswer, isAnswered, parseQuizNumber } from '../../../../renderer/src/teach/quiz-check'
import { QUIZ_FLAGS, QUIZ_STATES, type QuizQuestion } from '../../../../renderer/src/teach/quiz-questions'

function question(kind: QuizQuestion['kind'], expected: QuizQuestion['expected'], choices: readonly string[] = []): QuizQuestion {
  return { id: `2:${kind}`, step: 1, frame: 2, kind, sender: 'server', role: 'server', receives: false, choices, expected, explanation: ['why'] }
}

describe('teach/quiz-check', () => {
  it('should read whole numbers as students type them, and nothing else', () => {
    expect(parseQuizNumber('101')).toBe(101)
    expect(parseQuizNumber(' 1 001 ')).toBe(1001)
    expect(parseQuizNumber('4,294,967,295')).toBe(4294967295)
    expect(parseQuizNumber('-1')).toBeNull()
    expect(parseQuizNumber('1.5')).toBeNull()
    expect(parseQuizNumber('0 + 1')).toBeNull()
    expect(parseQuizNumber('')).toBeNull()
  })

  it('should check a number exactly', () => {
    const ack = question('ack', { type: 'number', value: 1 })
    expect(checkAnswer(ack, { type: 'number', text: ' 1 ' })).toEqual({ correct: true, expected: '1', given: '1', missing: [], extra: [] })
    expect(checkAnswer(ack, { type: 'number', text: '1001' }).correct).toBe(false)
    expect(checkAnswer(ack, { type: 'number', text: 'one' })).toMatchObject({ correct: false, given: 'one' })
  })

  it('should check flags as a set, and say which are missing and which extra', () => {
    const flags = question('flags', { type: 'set', values: ['SYN', 'ACK'] }, QUIZ_FLAGS)
    expect(checkAnswer(flags, { type: 'set', values: ['ACK', 'SYN'] })).toMatchObject({ correct: true, expected: 'SYN + ACK', given: 'SYN + ACK' })
    expect(checkAnswer(flags, { type: 'set', values: ['SYN', 'PSH'] })).toEqual({ correct: false, expected: 'SYN + ACK', given: 'SYN + PSH', missing: ['ACK'], extra: ['PSH'] })
  })

  it('should check a choice as it is', () => {
    const state = question('state', { type: 'choice', value: 'ESTABLISHED' }, QUIZ_STATES)
    expect(checkAnswer(state, { type: 'choice', value: 'ESTABLISHED' }).correct).toBe(true)
    expect(checkAnswer(state, { type: 'choice', value: 'SYN-RECEIVED' })).toMatchObject({ correct: false, expected: 'ESTABLISHED', given: 'SYN-RECEIVED' })
  })

  it('should take an empty field or no flag as no answer', () => {
    expect(isAnswered(undefined)).toBe(false)
    expect(isAnswered({ type: 'number', text: '  ' })).toBe(false)
    expect(isAnswered({ type: 'set', values: [] })).toBe(false)
    expect(isAnswered({ type: 'number', text: '0' })).toBe(true)
    expect(isAnswered({ type: 'choice', value: 'no' })).toBe(true)
  })
})
