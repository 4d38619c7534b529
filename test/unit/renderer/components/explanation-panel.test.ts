import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionNarrative, Lang } from '../../../../preload/contract/api'
import ExplanationPanel from '../../../../renderer/src/components/teach/ExplanationPanel.vue'
import { narrativeOf } from '../../../fixtures/teaching-views'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

let fourWay: ConnectionNarrative
let fourWayZh: ConnectionNarrative
let rstAbort: ConnectionNarrative
let refused: ConnectionNarrative

beforeAll(async () => {
  fourWay = await narrativeOf('tcp-scenario-four-way-close')
  fourWayZh = await narrativeOf('tcp-scenario-four-way-close', 0, 'zh-CN')
  rstAbort = await narrativeOf('tcp-scenario-rst-abort')
  refused = await narrativeOf('tcp-scenario-refused')
}, 60_000)

function mountPanel(narrative: ConnectionNarrative, selected: number, lang: Lang = 'en') {
  const harness = setUp()
  harness.i18n.global.locale.value = lang
  return mountWith(ExplanationPanel, harness, { props: { narrative, selected } })
}

type Wrapper = ReturnType<typeof mountPanel>

const node = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="state-node"][data-node="${id}"]`)
const edge = (wrapper: Wrapper, from: string, to: string) => wrapper.get(`[data-testid="state-edge"][data-from="${from}"][data-to="${to}"]`)
const cell = (wrapper: Wrapper, fact: number, side: string) => wrapper.get(`[data-testid="knowledge-row"][data-fact="${fact}"] [data-side="${side}"]`)

describe('ExplanationPanel', () => {
  it('should tell the selected step: what was sent, what it does, why each number, the states', () => {
    const wrapper = mountPanel(fourWay, 1)
    const step = fourWay.steps[1]!
    const told = wrapper.get('[data-testid="step-narrative"]')
    expect(told.attributes('data-frame')).toBe(String(step.frame))
    expect(told.text()).toContain(step.headline)
    expect(told.text()).toContain(step.sent[0])
    expect(told.get('[data-testid="step-does"]').text()).toBe(step.does)
    expect(told.findAll('[data-testid="step-arithmetic"]').map((p) => p.text())).toEqual(step.arithmetic)
    expect(told.findAll('[data-testid="step-state"]').map((p) => p.text())).toEqual(step.states)
  })

  it('should show the connection’s title and summary when no step is selected', () => {
    const wrapper = mountPanel(fourWay, -1)
    expect(wrapper.find('[data-testid="step-narrative"]').exists()).toBe(false)
    const summary = wrapper.get('[data-testid="connection-summary"]')
    expect(summary.text()).toContain(fourWay.title)
    expect(summary.text()).toContain(fourWay.summary[0])
    expect(wrapper.get('[data-testid="knowledge-checklist"]').attributes('data-source')).toBe('empty')
  })

  it('should highlight both endpoints after a SYN (client SYN-SENT, server LISTEN) and draw CLOSED → SYN-SENT bold', () => {
    const wrapper = mountPanel(fourWay, 0)
    const machine = wrapper.get('[data-testid="state-machine"]')
    expect(node(wrapper, 'syn-sent').attributes()).toMatchObject({ 'data-state': 'SYN-SENT', 'data-client': 'true' })
    expect(node(wrapper, 'syn-sent').attributes('data-server')).toBeUndefined()
    expect(node(wrapper, 'listen').attributes()).toMatchObject({ 'data-state': 'LISTEN', 'data-server': 'true' })
    expect(machine.findAll('[data-client="true"]')).toHaveLength(1)
    expect(machine.findAll('[data-server="true"]')).toHaveLength(1)
    const taken = edge(wrapper, 'CLOSED', 'SYN-SENT')
    expect(taken.attributes('data-taken')).toBe('client')
    expect(taken.classes()).toContain('taken')
    expect(machine.findAll('[data-taken]')).toHaveLength(1)
    expect(wrapper.get('[data-testid="state-legend-client"]').text()).toContain('client: SYN-SENT')
    expect(wrapper.get('[data-testid="state-legend-server"]').text()).toContain('server: LISTEN')
  })

  it('should tick what each side knows, and highlight what this step taught', () => {
    const wrapper = mountPanel(fourWay, 1)
    expect(wrapper.findAll('[data-testid="knowledge-row"]')).toHaveLength(6)
    expect(cell(wrapper, 0, 'client').attributes()).toMatchObject({ 'data-known': 'true', 'data-new': 'true' })
    expect(cell(wrapper, 0, 'server').attributes('data-known')).toBe('false')
    expect(cell(wrapper, 1, 'server').attributes('data-known')).toBe('true')
    expect(cell(wrapper, 1, 'server').attributes('data-new')).toBeUndefined()
    expect(wrapper.findAll('[data-testid="knowledge-learned"]').map((li) => li.text())).toEqual(fourWay.steps[1]!.knowledge!.learned)
  })

  it('should carry the checklist into the data phase, with nothing new', () => {
    const wrapper = mountPanel(fourWay, 3)
    expect(wrapper.get('[data-testid="knowledge-checklist"]').attributes('data-source')).toBe('carried')
    expect(wrapper.findAll('[data-known="true"]')).toHaveLength(12)
    expect(wrapper.findAll('[data-new="true"]')).toHaveLength(0)
    expect(wrapper.get('[data-testid="knowledge-remark"]').text()).toContain(`frame ${fourWay.steps[2]!.frame}`)
  })

  it('should link a note’s evidence frames, and the frames seq and ack come from', async () => {
    const i = rstAbort.steps.findIndex((s) => s.marks.some((m) => m.code === 'rst-in-flight'))
    const wrapper = mountPanel(rstAbort, i)
    const evidence = wrapper.findAll('[data-testid="step-evidence"]')
    expect(evidence.map((link) => Number(link.attributes('data-frame')))).toEqual(rstAbort.steps[i]!.marks[0]!.frames)
    await evidence[0]!.trigger('click')
    const fromAck = mountPanel(fourWay, 1)
    await fromAck.get('[data-testid="step-ack-of"]').trigger('click')
    expect(wrapper.emitted('select-frame')).toEqual([[rstAbort.steps[i]!.marks[0]!.frames[0]]])
    expect(fromAck.emitted('select-frame')).toEqual([[fourWay.steps[1]!.ackOf]])
  })

  it('should put the step’s topic cards first and open, the connection’s others after, folded', () => {
    const wrapper = mountPanel(fourWay, 1)
    const cards = wrapper.findAll('[data-testid="topic-card"]')
    expect(cards.map((c) => c.attributes('data-topic'))).toEqual([
      ...fourWay.steps[1]!.topicIds,
      ...fourWay.topics.map((t) => t.id).filter((id) => !fourWay.steps[1]!.topicIds.includes(id)),
    ])
    expect(cards[0]!.find('[data-testid="topic-body"]').text()).toContain(fourWay.topics.find((t) => t.id === 'three-way')!.text[0]!.slice(0, 40))
    expect(cards.at(-1)!.find('[data-testid="topic-body"]').exists()).toBe(false)
  })

  it('should open a topic card from the step’s “see also” link', async () => {
    const wrapper = mountPanel(fourWay, 1)
    const card = () => wrapper.get('[data-testid="topic-card"][data-topic="syn-flood"]')
    await card().get('button').trigger('click')
    expect(card().find('[data-testid="topic-body"]').exists()).toBe(false)
    const link = wrapper.get('[data-testid="step-see-also"][data-topic="syn-flood"]')
    expect(link.text()).toBe(fourWay.steps[1]!.seeAlso[1])
    await link.trigger('click')
    await flushPromises()
    expect(card().find('[data-testid="topic-body"]').exists()).toBe(true)
  })

  it('should say under the figure why a refusal is not one of its edges', () => {
    const wrapper = mountPanel(refused, refused.steps.findIndex((s) => s.kind === 'refusal'))
    expect(wrapper.findAll('[data-taken]')).toHaveLength(0)
    const lines = wrapper.findAll('[data-testid="state-outside"]')
    expect(lines.map((l) => l.attributes('data-why'))).toEqual(['refused', 'rst'])
    expect(lines[0]!.text()).toContain('server: LISTEN → CLOSED')
    expect(node(wrapper, 'closed-end').attributes()).toMatchObject({ 'data-client': 'true', 'data-server': 'true' })
  })

  it('should work in Chinese', () => {
    const wrapper = mountPanel(fourWayZh, 0, 'zh-CN')
    expect(wrapper.get('[data-testid="step-narrative"]').text()).toContain(fourWayZh.steps[0]!.does)
    expect(wrapper.get('[data-testid="knowledge-checklist"]').text()).toContain('双方现在确认了什么')
    expect(wrapper.get('[data-testid="state-legend-client"]').text()).toContain('客户端：SYN-SENT')
    expect(edge(wrapper, 'CLOSED', 'SYN-SENT').text()).toContain('主动打开')
    expect(node(wrapper, 'syn-sent').text()).toContain('SYN-SENT')
    expect(wrapper.get('[data-testid="topic-card"]').text()).toContain(fourWayZh.topics.find((t) => t.id === fourWayZh.steps[0]!.topicIds[0])!.title)
  })
})
