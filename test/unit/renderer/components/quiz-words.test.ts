import { beforeAll, describe, expect, it } from 'vitest'
import type { Lang } from '../../../../preload/contract/api'
import { choiceText, questionText, verdictText } from '../../../../renderer/src/components/quiz/quiz-words'
import { createUiI18n } from '../../../../renderer/src/locales'
import { quizQuestions, type QuizQuestion } from '../../../../renderer/src/teach/quiz-questions'
import { narrativeOf } from '../../../fixtures/teaching-views'

let questions: QuizQuestion[] = []

beforeAll(async () => {
  for (const name of ['tcp-scenario-four-way-close', 'tcp-scenario-simultaneous-open', 'tcp-scenario-syn-retries', 'tcp-scenario-refused']) {
    questions = questions.concat(quizQuestions(await narrativeOf(name, 0, 'en')))
  }
}, 30_000)

function translator(lang: Lang) {
  const { t } = createUiI18n(lang).global
  return (key: string, params?: Record<string, unknown>) => t(key, params ?? {})
}

describe('components/quiz/quiz-words', () => {
  it('should word every question in both languages, with its roles', () => {
    const kinds = new Set(questions.map((q) => q.kind))
    expect([...kinds].sort()).toEqual(['ack', 'flags', 'retransmission', 'seq', 'state'])
    for (const lang of ['en', 'zh-CN'] as const) {
      const t = translator(lang)
      for (const q of questions) {
        const text = questionText(q, t)
        expect(text, q.id).not.toMatch(/quiz\.|\{/)
        expect(text, q.id).toContain(t(`quiz.role.${q.kind === 'state' ? q.role : q.sender}`))
      }
    }
  })

  it('should say whether the client enters a state on sending or on receiving', () => {
    const t = translator('en')
    const sends = questions.find((q) => q.id === '1:state:client')!
    const receives = questions.find((q) => q.id === '2:state:client')!
    expect(questionText(sends, t)).toBe('Which state does the client enter when it sends this segment?')
    expect(questionText(receives, t)).toBe('Which state does the client enter when this segment arrives?')
    expect(questionText(receives, translator('zh-CN'))).toBe('这个报文段到达后，客户端进入什么状态？')
  })

  it('should word yes and no, and a skipped answer with the right one', () => {
    const retry = questions.find((q) => q.kind === 'retransmission' && q.expected.type === 'choice' && q.expected.value === 'yes')!
    expect(choiceText(retry, 'no', translator('zh-CN'))).toBe('不是')
    expect(verdictText(retry, null, translator('en'))).toBe('Skipped: the answer is Yes.')
  })
})
