// The page's memory through the Chrome DevTools Protocol: the JS heap in use after a forced
// garbage collection (so it is what the page keeps, not what it has not freed yet), the DOM nodes
// Chromium counts, and the elements in the document.
import type { CDPSession, Page } from '@playwright/test'
import { elementCount } from './page-probes'

export interface RendererMemory {
  jsHeapUsedMiB: number
  /** Chromium's count of live DOM nodes (text nodes included). */
  domNodes: number
  /** Elements in the document. */
  elements: number
}

export async function rendererMemory(page: Page, cdp: CDPSession): Promise<RendererMemory> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN
  return {
    jsHeapUsedMiB: metric('JSHeapUsedSize') / 2 ** 20,
    domNodes: metric('Nodes'),
    elements: await page.evaluate(elementCount),
  }
}

/** A CDP session on the page with the Performance domain enabled. */
export async function openMetricsSession(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  return cdp
}
