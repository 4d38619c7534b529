import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionNarrative, LabReport, Lang } from '../../../../preload/contract/api'
import LabAssistant from '../../../../renderer/src/components/lab/LabAssistant.vue'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
import { useTeachStore } from '../../../../renderer/src/stores/teach'
import { labOf, narrativeOf } from '../../../fixtures/teaching-views'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

let reports: Record<Lang, LabReport>
let narrative: ConnectionNarrative

beforeAll(async () => {
  reports = { en: await labOf('tcp-scenario-fast-retransmission'), 'zh-CN': await labOf('tcp-scenario-fast-retransmission', 0, 'zh-CN') }
  narrative = await narrativeOf('tcp-scenario-fast-retransmission')
}, 60_000)

async function mountLab(lang: Lang = 'en') {
  const harness = setUp()
  harness.i18n.global.locale.value = lang
  harness.api.lab = async (_stream: number, asked: Lang) => ({ ok: true, value: reports[asked] })
  harness.api.narrative = async () => ({ ok: true, value: narrative })
  await useSettingsStore().update({ language: lang })
  const wrapper = mountWith(LabAssistant, harness, { props: { stream: 0 } })
  await flushPromises()
  return { harness, wrapper }
}

describe('LabAssistant', () => {
  it('should show every answer: the question, its lines and its frames', async () => {
    const { wrapper } = await mountLab()
    const answers = wrapper.findAll('[data-testid="lab-answer"]')
    expect(answers.map((a) => a.attributes('data-id'))).toEqual(reports.en.answers.map((a) => a.id))
    const synAck = wrapper.get('[data-testid="lab-answer"][data-id="syn-ack"]')
    expect(synAck.get('.lab-question').text()).toBe(reports.en.answers[2]!.question)
    expect(synAck.text()).toContain('1000 + 1 = 1001')
    expect(synAck.find('code').exists()).toBe(true)
    expect(synAck.findAll('[data-testid="lab-frame-link"]').map((b) => b.attributes('data-frame'))).toEqual(['1', '2'])
  })

  it('should show the RTT plot, the time-sequence graph with a direction switch, and a table per segment', async () => {
    const { wrapper } = await mountLab()
    expect(wrapper.get('[data-testid="lab-rtt-plot"]').attributes('data-samples')).toBe('2')
    const graph = wrapper.get('[data-testid="lab-time-sequence"]')
    expect(graph.attributes('data-sender')).toBe('server')
    await wrapper.get('[data-testid="lab-direction"][data-sender="client"]').trigger('click')
    expect(wrapper.get('[data-testid="lab-time-sequence"]').attributes('data-sender')).toBe('client')
    const tables = wrapper.findAll('[data-testid="lab-field-table"]')
    expect(tables.map((t) => t.attributes('data-frame'))).toEqual(reports.en.fieldTables.map((t) => String(t.frame)))
    expect(tables[0]!.get('[data-field="tcp.flags.syn"]').text()).toContain('1 (set)')
  })

  it("should select a frame's step when it is one of the open connection's, else the frame", async () => {
    const { wrapper } = await mountLab()
    const teach = useTeachStore()
    await teach.open(0)
    await flushPromises()
    await wrapper.get('[data-testid="lab-answer"][data-id="retransmissions"] [data-frame="14"]').trigger('click')
    await flushPromises()
    expect(teach.selectedStep?.frame).toBe(14)
    expect(useSelectionStore().frame).toBe(14)
  })

  it('should speak Chinese in a Chinese UI', async () => {
    const { wrapper } = await mountLab('zh-CN')
    expect(wrapper.text()).toContain('实验助手')
    expect(wrapper.text()).toContain(reports['zh-CN'].answers[0]!.question)
    expect(wrapper.text()).toContain('时间-序列号图')
  })
})
