// The teaching views in the real browser mode, at a classroom projector's 1280×720: each variant
// of opening and closing drawn as it happened (screenshots kept for a person to look at), an
// arrow's packet selected in the tree below, playback advancing the state boxes and the
// checklist in both languages, the flow graph, the lab assistant, the quiz and the exports.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { LESSONS } from './captures'
import { expect, keepScreenshot, test } from './serve'

test.use({ viewport: { width: 1280, height: 720 } })

const arrow = (frame: number) => `[data-testid="diagram-arrow"][data-frame="${frame}"]`

async function diagramOf(open: (file?: string) => Promise<Page>, file: string): Promise<Page> {
  const page = await open(file)
  await expect(page.getByTestId('packet-row').first()).toBeVisible()
  await page.getByTestId('view-tab-diagram').click()
  await expect(page.getByTestId('teach-view')).toBeVisible()
  await expect(page.getByTestId('diagram-arrow').first()).toBeVisible()
  return page
}

/** Compact spacing (the whole connection in view), and the step that makes the variant selected. */
async function showVariant(page: Page, arrowOfVariant: ReturnType<Page['locator']>): Promise<void> {
  await page.getByTestId('teach-spacing').getByText('Compact').click()
  await arrowOfVariant.scrollIntoViewIfNeeded()
  await arrowOfVariant.click()
  await expect(page.getByTestId('step-narrative')).toBeVisible()
}

test.describe('teaching views in browser mode', () => {
  test('should draw the classic session with its states, phases, payloads and TIME-WAIT, and select an arrow’s packet', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.classic)
    await expect(page.getByTestId('diagram-arrow')).toHaveCount(11)
    await expect(page.locator(arrow(4))).toContainText('GET /index.html')
    await expect(page.locator(arrow(6))).toContainText('200 OK')
    await expect(page.locator('[data-testid="diagram-phase"]')).toHaveCount(3)
    await expect(page.locator('[data-testid="diagram-time-wait"][data-role="client"]')).toBeVisible()
    await expect(page.locator('[data-testid="diagram-state-box"][data-role="client"][data-state="SYN-SENT"]')).toBeVisible()
    await expect(page.locator('[data-testid="diagram-state-box"][data-role="server"][data-state="LAST-ACK"]')).toBeVisible()
    await keepScreenshot(page, 'teach-1-classic')

    await page.locator(arrow(2)).click()
    await expect(page.getByTestId('step-narrative')).toContainText('SYN-ACK')
    await expect(page.locator('[data-testid="tree-node"][data-field="tcp"]')).toContainText('Src Port: 80')
    await expect(page.locator('[data-testid="state-node"][data-state="SYN-RECEIVED"]')).toHaveAttribute('data-server', 'true')
    await keepScreenshot(page, 'teach-2-classic-step-2')
  })

  test('should draw a merged FIN-ACK as one arrow carrying steps 2 and 3', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.merged)
    const merged = page.locator('[data-testid="diagram-arrow"][data-steps="2,3"]')
    await expect(merged).toHaveCount(1)
    await showVariant(page, merged)
    await expect(page.getByTestId('step-narrative')).toContainText('FIN')
    await keepScreenshot(page, 'teach-3-merged-close')
  })

  test('should cross the SYNs of a simultaneous open', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.simultaneousOpen)
    await expect(page.locator('[data-testid="diagram-state-box"][data-state="SYN-RECEIVED"]')).toHaveCount(2)
    await showVariant(page, page.locator('[data-testid="diagram-arrow"][data-index="1"]'))
    await keepScreenshot(page, 'teach-4-simultaneous-open')
  })

  test('should cross the FINs of a simultaneous close, both sides through CLOSING to TIME-WAIT', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.simultaneousClose)
    await expect(page.locator('[data-testid="diagram-state-box"][data-state="CLOSING"]')).toHaveCount(2)
    await expect(page.getByTestId('diagram-time-wait')).toHaveCount(2)
    await showVariant(page, page.getByTestId('diagram-arrow').filter({ hasText: 'FIN' }).nth(1))
    await keepScreenshot(page, 'teach-5-simultaneous-close')
  })

  test('should draw a refused SYN met by RST', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.refused)
    await expect(page.getByTestId('diagram-arrow')).toHaveCount(2)
    await expect(page.getByTestId('diagram-arrow').nth(1)).toContainText('RST')
    await showVariant(page, page.getByTestId('diagram-arrow').nth(1))
    await expect(page.getByTestId('step-narrative')).toContainText('refuse')
    await keepScreenshot(page, 'teach-6-refused')
  })

  test('should draw an RST abort with the RSTs that answer data still in flight', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.rstAbort)
    await expect(page.getByTestId('diagram-arrow').filter({ hasText: 'RST' })).toHaveCount(3)
    await showVariant(page, page.getByTestId('diagram-arrow').filter({ hasText: 'RST' }).first())
    await keepScreenshot(page, 'teach-7-rst-abort')
  })

  test('should collapse a long data phase into one block that expands on click', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.longDownload)
    const block = page.getByTestId('diagram-data-block')
    // 3,000 data segments and 1,500 ACKs, the request and its ACK.
    await expect(block).toContainText('4,502 segments')
    const arrows = await page.getByTestId('diagram-arrow').count()
    expect(arrows).toBeLessThan(20)
    await keepScreenshot(page, 'teach-8-long-download-collapsed')
    await block.click()
    await expect.poll(() => page.getByTestId('diagram-arrow').count()).toBeGreaterThan(arrows)
  })

  test('should advance the state boxes and the checklist as playback steps, in both languages', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.classic)
    await page.getByTestId('playback-rewind').click()
    await expect(page.getByTestId('playback-position')).toHaveText('Before the first step')
    await expect(page.getByTestId('diagram-arrow')).toHaveCount(0)
    await page.getByTestId('teach-view').press('ArrowRight')
    await expect(page.getByTestId('playback-position')).toHaveText('Step 1 of 11')
    await expect(page.locator('[data-testid="diagram-state-box"][data-state="SYN-SENT"]')).toBeVisible()
    await expect(page.locator('[data-testid="state-node"][data-state="SYN-SENT"]')).toHaveAttribute('data-client', 'true')
    await page.getByTestId('playback-next').click()
    await expect(page.getByTestId('playback-position')).toHaveText('Step 2 of 11')
    // After step 2 the client knows all four facts; the server only after step 3.
    const checklist = page.getByTestId('knowledge-checklist')
    await expect(checklist.locator('[data-side="client"][data-known="true"]')).toHaveCount(6)
    await checklist.scrollIntoViewIfNeeded()
    await keepScreenshot(page, 'teach-9-playback-step-2')

    await page.getByTestId('language-switch').selectOption('zh-CN')
    await expect(page.getByTestId('playback-position')).toHaveText('第 2 步，共 11 步')
    await expect(page.getByTestId('step-narrative')).toContainText('第 2 次握手')
    await page.getByTestId('playback-next').click()
    await expect(checklist.locator('[data-side="server"][data-known="true"]')).toHaveCount(6)
    await expect(page.locator('[data-testid="state-edge"][data-taken="server"]')).toHaveCount(1)
    await page.getByTestId('state-machine').scrollIntoViewIfNeeded()
    await keepScreenshot(page, 'teach-10-playback-zh')
  })

  test('should draw every connection of the capture in the flow graph', async ({ open }) => {
    const page = await open(LESSONS.portReuse)
    await expect(page.getByTestId('packet-row').first()).toBeVisible()
    await page.getByTestId('view-tab-flow').click()
    await expect(page.getByTestId('flow-counts')).toHaveText('2 connections, 20 packets')
    await expect(page.getByTestId('flow-row').first()).toContainText('(1) SYN [SYN]')
    await expect(page.getByTestId('flow-host')).toHaveCount(2)
    await page.getByTestId('flow-row').nth(3).click()
    await expect(page.getByTestId('flow-selected')).toContainText('Frame 4')
    await keepScreenshot(page, 'teach-11-flow-graph')
  })

  test('should answer the lab questions and quiz the next step', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.classic)
    await page.getByTestId('teach-panel-lab').click()
    await expect(page.locator('[data-testid="lab-answer"]').first()).toBeVisible()
    await keepScreenshot(page, 'teach-12-lab')
    await page.getByTestId('teach-panel-quiz').click()
    await page.getByTestId('quiz-toggle').click()
    await expect(page.getByTestId('quiz-question').first()).toBeVisible()
    await keepScreenshot(page, 'teach-13-quiz')
  })

  test('should export the diagram as SVG, PNG and Mermaid, and a lab report that prints', async ({ open }) => {
    const page = await diagramOf(open, LESSONS.classic)
    await page.getByTestId('export-toggle').click()
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()])
    expect(svg.suggestedFilename()).toBe('tcp-stream-0.svg')
    await page.getByTestId('export-toggle').click()
    const [mermaid] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-mermaid').click()])
    expect(mermaid.suggestedFilename()).toMatch(/^tcp-stream-0.*\.mmd$/)
    expect(readFileSync(await mermaid.path(), 'utf8').startsWith('sequenceDiagram')).toBe(true)

    // Playback has revealed one step: the files still hold the whole connection.
    await page.getByTestId('playback-rewind').click()
    await page.getByTestId('playback-next').click()
    await page.getByTestId('export-toggle').click()
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()])
    expect(png.suggestedFilename()).toBe('tcp-stream-0.png')
    expect([...readFileSync(await png.path()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    await page.getByTestId('export-toggle').click()
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()])
    expect(report.suggestedFilename()).toBe('tcp-stream-0-report.en.html')
    const html = readFileSync(await report.path(), 'utf8')
    expect(html).not.toContain('<script')
    expect(html.match(/data-testid="diagram-arrow"/g)).toHaveLength(11)
    expect(html).toContain('GET /index.html')
  })
})
