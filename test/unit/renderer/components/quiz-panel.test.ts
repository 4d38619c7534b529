import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionNarrative, Lang } from '../../../../preload/contract/api'
import QuizPanel from '../../../../renderer/src/components/quiz/QuizPanel.vue'
import { usePlaybackStore } from '../../../../renderer/src/stores/playback'
import { useQuizStore } from '../../../../renderer/src/stores/quiz'
import { useTeachStore } from '../../../../renderer/src/stores/teach'
import { longDownloadCapture } from '../../../fixtures/lesson-captures'
import { narrativeOf } from '../../../fixtures/teaching-views'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

const told = {} as Record<Lang, ConnectionNarrative>
let download: ConnectionNarrative

beforeAll(async () => {
  told.en = await narrativeOf('tcp-scenario-four-way-close', 0, 'en')
  told['zh-CN'] = await narrativeOf('tcp-scenario-four-way-close', 0, 'zh-CN')
  download = await narrativeOf(longDownloadCapture(30), 0, 'en')
}, 30_000)

afterEach(() => {
  usePlaybackStore().pause()
  document.body.innerHTML = ''
})

async function mountPanel(lang: Lang = 'en', narrative = told[lang]) {
  const harness = setUp()
  harness.api.narrative = () => Promise.resolve({ ok: true as const, value: narrative })
  harness.i18n.global.locale.value = lang
  await useTeachStore().open(0)
  await flushPromises()
  const wrapper = mountWith(QuizPanel, harness, { props: { narrative } })
  await flushPromises()
  return { wrapper, quiz: useQuizStore(), playback: usePlaybackStore() }
}

async function turnOn(wrapper: Awaited<ReturnType<typeof mountPanel>>['wrapper']) {
  await wrapper.get('[data-testid="quiz-toggle"]').setValue(true)
  await flushPromises()
}

describe('components/quiz/QuizPanel', () => {
  it('should explain quiz mode and show the score while it is off', async () => {
    const { wrapper } = await mountPanel()
    expect(wrapper.get('[data-testid="quiz-score"]').text()).toBe('0 of 0 right · 0 skipped')
    expect(wrapper.text()).toContain('Predict each step before it is revealed')
    expect(wrapper.find('[data-testid="quiz-question"]').exists()).toBe(false)
  })

  it('should rewind playback and ask the first step when switched on', async () => {
    const { wrapper, playback } = await mountPanel()
    await turnOn(wrapper)
    expect(playback.index).toBe(-1)
    expect(wrapper.findAll('[data-testid="quiz-question"]').map((q) => q.attributes('data-kind'))).toEqual(['flags', 'seq', 'state'])
    expect(wrapper.text()).toContain('Next segment: frame 1, client → server')
    expect(wrapper.text()).toContain('Which flags will the client set?')
  })

  it('should check the answers to the SYN-ACK, reveal it, and say why', async () => {
    const { wrapper, quiz, playback } = await mountPanel()
    await turnOn(wrapper)
    await wrapper.get('[data-testid="quiz-reveal"]').trigger('click')
    await flushPromises()
    const card = () => wrapper.findAll('[data-testid="quiz-question"]')
    const flags = card().find((q) => q.attributes('data-kind') === 'flags')!
    await flags.get('[data-testid="quiz-choice"][data-value="SYN"]').trigger('click')
    expect(flags.get('[data-value="SYN"]').attributes('aria-pressed')).toBe('true')
    const ack = card().find((q) => q.attributes('data-kind') === 'ack')!
    await ack.get('[data-testid="quiz-answer-input"]').setValue('1')
    await card()
      .find((q) => q.attributes('data-id') === '2:state:client')!
      .get('[data-value="ESTABLISHED"]')
      .trigger('click')
    await wrapper.get('[data-testid="quiz-submit"]').trigger('submit')
    await flushPromises()

    expect(playback.index).toBe(1)
    const results = wrapper.findAll('[data-testid="quiz-result"]')
    expect(results.map((r) => [r.attributes('data-kind'), r.attributes('data-correct'), r.attributes('data-skipped')])).toEqual([
      ['flags', 'false', 'false'],
      ['ack', 'true', 'false'],
      ['state', 'false', 'true'],
      ['state', 'true', 'false'],
    ])
    expect(results[0]!.text()).toContain('Not quite: the answer is SYN + ACK.')
    expect(results[0]!.text()).toContain('Missing: ACK')
    expect(results[1]!.text()).toContain('ack = 1 = 0 + 1')
    expect(wrapper.get('[data-testid="quiz-score"]').text()).toBe('2 of 3 right · 4 skipped')
    expect(quiz.upcoming[0]!.frame).toBe(3)
  })

  it('should word the questions and the explanations in Chinese', async () => {
    const { wrapper } = await mountPanel('zh-CN')
    await turnOn(wrapper)
    expect(wrapper.text()).toContain('客户端会设置哪些标志位？')
    expect(wrapper.text()).toContain('下一个报文段：第 1 帧，客户端 → 服务器')
    await wrapper.get('[data-testid="quiz-reveal"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="quiz-result"]').text()).toContain('已跳过，正确答案是 SYN。')
  })

  it('should offer to go straight to the next question when a step asks nothing', async () => {
    const { wrapper, playback, quiz } = await mountPanel('en', download)
    await turnOn(wrapper)
    while (quiz.upcoming.length > 0) {
      await wrapper.get('[data-testid="quiz-reveal"]').trigger('click')
      await flushPromises()
    }
    const quiet = download.steps[quiz.upcomingStep]!
    expect(wrapper.text()).toContain(`Nothing to predict in frame ${quiet.frame}.`)
    const next = quiz.nextAsked
    await wrapper.get('[data-testid="quiz-skip-ahead"]').trigger('click')
    await flushPromises()
    expect(playback.index).toBe(next - 1)
    expect(wrapper.find('[data-testid="quiz-question"]').exists()).toBe(true)
  })

  it('should say when every step is revealed, and start again', async () => {
    const { wrapper, playback, quiz } = await mountPanel()
    await turnOn(wrapper)
    playback.seek(told.en.steps.length - 1)
    await flushPromises()
    expect(wrapper.text()).toContain('Every step is revealed.')
    expect(quiz.score.skipped).toBeGreaterThan(0)
    await wrapper.get('[data-testid="quiz-restart"]').trigger('click')
    await flushPromises()
    expect(playback.index).toBe(-1)
  })
})
