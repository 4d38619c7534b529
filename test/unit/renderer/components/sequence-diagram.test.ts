// SequenceDiagram.vue mounted with real engine narratives: what it draws, and how it answers a
// click, a hover, the raw/relative toggle and playback.
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionNarrative } from '../../../../preload/contract/api'
import SequenceDiagram from '../../../../renderer/src/components/sequence/SequenceDiagram.vue'
import { httpSessionCapture, longDownloadCapture } from '../../../fixtures/lesson-captures'
import { narrativeOf } from '../../../fixtures/teaching-views'
import { mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

let fourWay: ConnectionNarrative
let merged: ConnectionNarrative
let http: ConnectionNarrative
let download: ConnectionNarrative
let simultaneousZh: ConnectionNarrative

beforeAll(async () => {
  fourWay = await narrativeOf('tcp-scenario-four-way-close')
  merged = await narrativeOf('tcp-scenario-three-segment-close')
  http = await narrativeOf(httpSessionCapture())
  download = await narrativeOf(longDownloadCapture(100))
  simultaneousZh = await narrativeOf('tcp-scenario-simultaneous-close', 0, 'zh-CN')
}, 60_000)

type Props = InstanceType<typeof SequenceDiagram>['$props']

function mountDiagram(narrative: ConnectionNarrative, props: Partial<Props> = {}, language: 'en' | 'zh-CN' = 'en') {
  const harness = setUp()
  harness.i18n.global.locale.value = language
  const last = narrative.steps.length - 1
  return mountWith(SequenceDiagram, harness, {
    props: { narrative, numbers: 'relative', spacing: 'time', dataExpanded: false, selected: -1, revealed: last, travel: 1, ...props },
  })
}

type Wrapper = ReturnType<typeof mountDiagram>
const arrows = (wrapper: Wrapper) => wrapper.findAll('[data-testid="diagram-arrow"]')
const arrowOfFrame = (wrapper: Wrapper, frame: number) => wrapper.get(`[data-testid="diagram-arrow"][data-frame="${frame}"]`)
const states = (wrapper: Wrapper) => wrapper.findAll('[data-testid="diagram-state-box"]').map((box) => `${box.attributes('data-role')}:${box.attributes('data-state')}`)

describe('SequenceDiagram', () => {
  it('should draw lifelines, one arrow per step, state boxes, phases, TIME-WAIT and the capture line', () => {
    const wrapper = mountDiagram(fourWay)
    expect(wrapper.find('[data-testid="sequence-diagram"]').exists()).toBe(true)
    expect(arrows(wrapper).map((a) => Number(a.attributes('data-frame')))).toEqual(fourWay.steps.map((s) => s.frame))
    expect(arrows(wrapper)[0]!.attributes('data-index')).toBe('0')
    expect(states(wrapper)).toEqual(expect.arrayContaining(['client:SYN-SENT', 'server:SYN-RECEIVED', 'client:TIME-WAIT', 'server:LAST-ACK']))
    expect(wrapper.findAll('[data-testid="diagram-phase"]').map((p) => p.attributes('data-phase'))).toEqual(['three-way-handshake', 'data-transfer', 'four-way-teardown'])
    expect(wrapper.findAll('[data-testid="diagram-time-wait"]').map((t) => t.attributes('data-role'))).toEqual(['client'])
    expect(wrapper.get('[data-testid="diagram-time-wait"]').text()).toContain('60 s')
    expect(wrapper.get('[data-testid="diagram-time-wait"]').text()).toContain('4 min')
    expect(wrapper.get('[data-testid="diagram-capture-line"]').attributes('data-source')).toBe('handshake')
    expect(wrapper.text()).toContain('192.0.2.10:40000')
    expect(wrapper.get('[data-phase="three-way-handshake"]').findAll('text').map((line) => line.text())).toEqual(['Three-way', 'handshake'])
  })

  it('should draw a merged FIN-ACK as one arrow labelled with steps 2 and 3', () => {
    const wrapper = mountDiagram(merged)
    const fin = wrapper.get('[data-testid="diagram-arrow"][data-steps="2,3"]')
    expect(fin.get('[data-testid="diagram-arrow-head"]').text()).toContain('②③')
    expect(fin.get('[data-testid="diagram-arrow-head"]').text()).toContain('FIN, ACK')
  })

  it('should show the payload summary and the numbers on the arrows', () => {
    const wrapper = mountDiagram(http)
    const get = http.steps.find((s) => s.payload === 'GET /index.html')!
    const arrow = arrowOfFrame(wrapper, get.frame)
    expect(arrow.get('[data-testid="diagram-arrow-head"]').text()).toContain('“GET /index.html”')
    expect(arrow.get('[data-testid="diagram-arrow-numbers"]').text()).toBe(`seq=1 ack=1 len=${get.segment.length}`)
  })

  it('should emit select with the step index on a click and on Enter, and highlight the selected arrow', async () => {
    const wrapper = mountDiagram(fourWay, { selected: 1 })
    await arrows(wrapper)[2]!.trigger('click')
    await arrows(wrapper)[4]!.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('select')).toEqual([[2], [4]])
    expect(arrows(wrapper)[1]!.classes()).toContain('is-selected')
    expect(arrows(wrapper)[2]!.classes()).not.toContain('is-selected')
    expect(arrows(wrapper)[0]!.attributes('tabindex')).toBe('0')
  })

  it('should show raw numbers when asked, and both in the arrow’s title', async () => {
    const wrapper = mountDiagram(fourWay)
    const synAck = fourWay.steps[1]!.segment
    const numbers = () => arrows(wrapper)[1]!.get('[data-testid="diagram-arrow-numbers"]').text()
    expect(numbers()).toBe('seq=0 ack=1 len=0')
    await wrapper.setProps({ numbers: 'raw' })
    expect(numbers()).toBe(`seq=${synAck.rawSeq} ack=${synAck.rawAck} len=0`)
    const title = arrows(wrapper)[1]!.get('title').text()
    expect(title).toContain('seq=0 ack=1')
    expect(title).toContain(`seq=${synAck.rawSeq}`)
  })

  it('should show the seq/ack arithmetic on hover, with dashed lines back to the frames the numbers come from', async () => {
    const wrapper = mountDiagram(fourWay)
    const index = fourWay.steps.findIndex((s) => s.kind === 'fin-second')
    const step = fourWay.steps[index]!
    await arrows(wrapper)[index]!.trigger('mouseenter')
    const card = wrapper.get('[data-testid="diagram-hover-card"]')
    expect(wrapper.findAll('[data-testid="diagram-hover-arithmetic"]').map((line) => line.text())).toEqual(step.arithmetic)
    expect(step.arithmetic.length).toBeGreaterThan(0)
    expect(card.text()).toContain(`${step.segment.rawSeq}`)
    const traces = wrapper.findAll('[data-testid="diagram-provenance"]').map((p) => [p.attributes('data-kind'), Number(p.attributes('data-frame'))])
    expect(traces).toEqual([
      ['seq', step.seqFrom],
      ['ack', step.ackOf],
    ])
    await arrows(wrapper)[index]!.trigger('mouseleave')
    expect(wrapper.find('[data-testid="diagram-hover-card"]').exists()).toBe(false)
  })

  it('should hide the steps after the revealed one and move a dot along the travelling one; its arrival states wait for it', async () => {
    const wrapper = mountDiagram(fourWay, { revealed: 2, travel: 0.5 })
    expect(arrows(wrapper)).toHaveLength(3)
    expect(wrapper.find('[data-testid="diagram-travel-dot"]').exists()).toBe(true)
    expect(states(wrapper)).not.toContain('server:ESTABLISHED')
    expect(states(wrapper)).toContain('client:ESTABLISHED')
    await wrapper.setProps({ travel: 1 })
    expect(states(wrapper)).toContain('server:ESTABLISHED')
    expect(wrapper.find('[data-testid="diagram-travel-dot"]').exists()).toBe(false)
    await wrapper.setProps({ revealed: -1 })
    expect(arrows(wrapper)).toHaveLength(0)
    expect(states(wrapper)).toEqual(['client:CLOSED', 'server:LISTEN'])
    expect(wrapper.findAll('[data-testid="diagram-time-wait"]')).toHaveLength(0)
  })

  it('should collapse a long data phase into one block that asks to expand on click', async () => {
    const wrapper = mountDiagram(download)
    const block = wrapper.get('[data-testid="diagram-data-block"]')
    expect(block.text()).toContain('Data transfer:')
    expect(arrows(wrapper)).toHaveLength(7)
    await block.trigger('click')
    expect(wrapper.emitted('toggle-data')).toHaveLength(1)
    await wrapper.setProps({ dataExpanded: true })
    expect(wrapper.find('[data-testid="diagram-data-block"]').exists()).toBe(false)
    expect(arrows(wrapper)).toHaveLength(download.steps.length)
    await wrapper.get('[data-testid="diagram-data-collapse"]').trigger('click')
    expect(wrapper.emitted('toggle-data')).toHaveLength(2)
  })

  it('should speak Chinese: phase names, roles and the TIME-WAIT label', () => {
    const wrapper = mountDiagram(simultaneousZh, {}, 'zh-CN')
    expect(wrapper.text()).toContain('三次握手')
    expect(wrapper.text()).toContain('同时关闭')
    expect(wrapper.text()).toContain('客户端')
    expect(wrapper.findAll('[data-testid="diagram-time-wait"]')).toHaveLength(2)
    expect(wrapper.get('[data-testid="diagram-time-wait"]').text()).toContain('60 秒')
  })

  it('should expose a self-contained SVG for export', () => {
    const wrapper = mountDiagram(fourWay)
    const svg = (wrapper.vm as unknown as { svgElement(): SVGSVGElement | null }).svgElement()!
    expect(svg.tagName.toLowerCase()).toBe('svg')
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg')
    expect(Number(svg.getAttribute('width'))).toBeGreaterThan(0)
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`)
    const style = svg.querySelector('style')!
    expect(style.textContent).toContain('.sq-arrow')
    expect(style.textContent).toMatch(/var\(--accent, #[0-9a-f]{6}\)/)
  })
})

describe('SequenceDiagram export', () => {
  it('should copy the whole diagram for export while playback has revealed only its first step', async () => {
    const wrapper = mountDiagram(fourWay, { revealed: 0, travel: 0.5, selected: 0 })
    expect(arrows(wrapper)).toHaveLength(1)
    const copy = await (wrapper.vm as unknown as { completeSvg(): Promise<SVGSVGElement | null> }).completeSvg()
    expect(copy!.querySelectorAll('[data-testid="diagram-arrow"]')).toHaveLength(fourWay.steps.length)
    expect(copy!.querySelector('[data-testid="diagram-travel-dot"]')).toBeNull()
    expect(copy!.querySelectorAll('[data-testid="diagram-time-wait"]')).toHaveLength(1)
    await wrapper.vm.$nextTick()
    expect(arrows(wrapper)).toHaveLength(1)
    expect(wrapper.find('[data-testid="diagram-travel-dot"]').exists()).toBe(true)
  })
})
