import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionNarrative, LabReport, Lang } from '../../../../preload/contract/api'
import ExportMenu from '../../../../renderer/src/components/teach/ExportMenu.vue'
import { useMessagesStore } from '../../../../renderer/src/stores/messages'
import { narrativeOf, labOf } from '../../../fixtures/teaching-views'
import { flushPromises, mountWith, setUp, type Harness } from '../harness'

enableAutoUnmount(afterEach)

const told = {} as Record<Lang, ConnectionNarrative>
const labs = {} as Record<Lang, LabReport>

beforeAll(async () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    told[lang] = await narrativeOf('tcp-scenario-four-way-close', 0, lang)
    labs[lang] = await labOf('tcp-scenario-four-way-close', 0, lang)
  }
}, 30_000)

/** What was offered for saving: the file name and the blob. */
let saved: Array<{ name: string; blob: Blob }>
let blobs: Map<string, Blob>

beforeEach(() => {
  saved = []
  blobs = new Map()
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`
    blobs.set(url, blob as Blob)
    return url
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href')!)! })
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

function drawnDiagram(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg'
  const svg = document.createElementNS(ns, 'svg')
  svg.setAttribute('viewBox', '0 0 400 300')
  const style = document.createElementNS(ns, 'style')
  style.textContent = '.lifeline{stroke:#5c5c66}'
  const text = document.createElementNS(ns, 'text')
  text.textContent = 'SYN-SENT'
  svg.append(style, text)
  return svg
}

function mountMenu(svg: SVGSVGElement | null = drawnDiagram()): { harness: Harness; wrapper: ReturnType<typeof mountWith> } {
  const harness = setUp()
  harness.api.narrative = (_stream: number, lang: Lang) => Promise.resolve({ ok: true as const, value: told[lang] })
  harness.api.lab = (stream: number, lang: Lang) => {
    harness.api.calls.push({ method: 'lab', args: [stream, lang] })
    return Promise.resolve({ ok: true as const, value: labs[lang] })
  }
  const wrapper = mountWith(ExportMenu, harness, { props: { narrative: told.en, svg: () => svg } })
  return { harness, wrapper }
}

async function click(wrapper: ReturnType<typeof mountWith>, testid: string): Promise<void> {
  await wrapper.get(`[data-testid="${testid}"]`).trigger('click')
  await flushPromises()
}

describe('components/teach/ExportMenu', () => {
  it('should save the diagram as a standalone SVG with its style', async () => {
    const { wrapper } = mountMenu()
    await click(wrapper, 'export-svg')
    expect(saved.map((file) => file.name)).toEqual(['tcp-stream-0.svg'])
    const text = await saved[0]!.blob.text()
    expect(saved[0]!.blob.type).toContain('image/svg+xml')
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(text).toContain('width="400" height="300"')
    expect(text).toContain('<style>.lifeline{stroke:#5c5c66}</style>')
  })

  it('should draw the PNG at twice the size from a data: URL', async () => {
    const drawn: Array<{ src: string; width: number; height: number }> = []
    class FakeImage {
      onload: (() => void) | null = null
      onerror: (() => void) | null = null
      set src(value: string) {
        drawn.push({ src: value, width: 0, height: 0 })
        queueMicrotask(() => this.onload?.())
      }
    }
    vi.stubGlobal('Image', FakeImage)
    const context = { fillStyle: '', fillRect: vi.fn(), drawImage: vi.fn() }
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => context as unknown as CanvasRenderingContext2D)
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, done: BlobCallback) {
      drawn[0]!.width = this.width
      drawn[0]!.height = this.height
      done(new Blob(['png'], { type: 'image/png' }))
    })
    const { wrapper } = mountMenu()
    await click(wrapper, 'export-png')
    expect(drawn[0]!.src.startsWith('data:image/svg+xml;base64,')).toBe(true)
    expect(drawn[0]).toMatchObject({ width: 800, height: 600 })
    expect(context.drawImage).toHaveBeenCalledWith(expect.any(FakeImage), 0, 0, 800, 600)
    expect(context.fillStyle).toBe('#ffffff')
    expect(saved.map((file) => file.name)).toEqual(['tcp-stream-0.png'])
  })

  it('should save the Mermaid text', async () => {
    const { wrapper } = mountMenu()
    await click(wrapper, 'export-mermaid')
    expect(saved.map((file) => file.name)).toEqual(['tcp-stream-0.mmd'])
    expect(await saved[0]!.blob.text()).toBe(told.en.mermaid)
  })

  it('should save a lab report in the UI language with the diagram, the steps and the lab answers', async () => {
    const { harness, wrapper } = mountMenu()
    await click(wrapper, 'export-report')
    expect(harness.api.callsOf('lab')).toEqual([[0, 'en']])
    expect(saved.map((file) => file.name)).toEqual(['tcp-stream-0-report.en.html'])
    const html = await saved[0]!.blob.text()
    expect(html).toContain('<style>.lifeline{stroke:#5c5c66}</style>')
    expect(html).toContain('<table class="steps">')
    expect(html).toContain(labs.en.answers[0]!.question)
    expect(html).not.toMatch(/<script/i)
  })

  it('should offer the report in the other language too', async () => {
    const { harness, wrapper } = mountMenu()
    expect(wrapper.get('[data-testid="export-report-other"]').text()).toBe('中文')
    await click(wrapper, 'export-report-other')
    expect(harness.api.callsOf('lab')).toEqual([[0, 'zh-CN']])
    expect(saved.map((file) => file.name)).toEqual(['tcp-stream-0-report.zh-CN.html'])
    expect(await saved[0]!.blob.text()).toContain('TCP 实验报告')
  })

  it('should say so when the diagram is not drawn, and still make the report without it', async () => {
    const { wrapper } = mountMenu(null)
    await click(wrapper, 'export-svg')
    expect(saved).toEqual([])
    expect(useMessagesStore().items.map((item) => item.key)).toEqual(['quiz.export.noDiagram'])
    await click(wrapper, 'export-report')
    expect(await saved[0]!.blob.text()).toContain('The diagram was not drawn when this report was made.')
  })
})

describe('components/teach/ExportMenu as a drop-down', () => {
  it('should open on its button, close after a choice, on Escape and on a click elsewhere', async () => {
    const { wrapper } = mountMenu()
    const items = () => wrapper.get('.items').element as HTMLElement
    const toggle = wrapper.get('[data-testid="export-toggle"]')
    expect(items().style.display).toBe('none')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(items().style.display).toBe('')
    await click(wrapper, 'export-mermaid')
    expect(items().style.display).toBe('none')
    expect(saved.map((s) => s.name)).toEqual(['tcp-stream-0.mmd'])
    await toggle.trigger('click')
    await wrapper.get('.items').trigger('keydown', { key: 'Escape' })
    expect(items().style.display).toBe('none')
    await toggle.trigger('click')
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await wrapper.vm.$nextTick()
    expect(items().style.display).toBe('none')
  })
})
