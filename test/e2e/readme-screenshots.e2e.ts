// The README's screenshots, taken from the real app in browser mode on the bundled sample, at
// 1280×800 in the light theme. Each test first asserts what its caption says the picture shows,
// so a UI change that breaks a caption fails here instead of leaving a wrong picture. They are
// written to test-results/readme/; with README_SHOTS=1, to .github/readme/ (the committed ones):
//   README_SHOTS=1 npx playwright test -c test/e2e/playwright.config.ts readme-screenshots
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './serve'

test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })

const SHOTS_DIR = resolve(__dirname, process.env['README_SHOTS'] === '1' ? '../../.github/readme' : '../../test-results/readme')

const row = (frame: number) => `[data-testid="packet-row"][data-frame="${frame}"]`
const node = (field: string) => `[data-testid="tree-node"][data-field="${field}"]`
const arrow = (frame: number) => `[data-testid="diagram-arrow"][data-frame="${frame}"]`

async function shoot(page: Page, name: string): Promise<void> {
  // No blinking caret or half-finished transition in a picture that is committed.
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, animations: 'disabled', caret: 'hide' })
}

/** The bundled sample (what `tcplens serve` opens without a file), in the light theme. */
async function openSample(open: (file?: string) => Promise<Page>): Promise<Page> {
  const page = await open()
  await expect(page.locator(row(1))).toBeVisible()
  await expect(page.getByTestId('status-file')).toHaveText('tcp-lens-sample.pcapng')
  await page.getByTestId('theme-switch').selectOption('light')
  return page
}

/**
 * The diagram of the sample's first connection (handshake, GET and 200 OK, four-way close) with
 * the whole height for it, every segment on its own row.
 */
async function diagramOfFirstConnection(page: Page): Promise<void> {
  await page.locator(row(1)).click()
  await page.getByTestId('view-tab-diagram').click()
  await expect(page.getByTestId('teach-view')).toBeVisible()
  await expect(page.getByTestId('diagram-arrow')).toHaveCount(11)
  await page.getByTestId('view-panes-toggle').click()
  await expect(page.getByTestId('pane-bytes')).toBeHidden()
  await page.getByTestId('teach-spacing').locator('input[value="compact"]').check()
}

interface Prediction {
  flags?: string[]
  seq?: string
  ack?: string
  /** The state each side enters, by role. */
  state?: Partial<Record<'client' | 'server', string>>
}

/** Answers the quiz's open questions about the next segment as a student would, then submits. */
async function predict(page: Page, prediction: Prediction): Promise<void> {
  const question = (kind: string) => page.locator(`[data-testid="quiz-question"][data-kind="${kind}"]`)
  const choose = (kind: string, value: string) => question(kind).locator(`[data-testid="quiz-choice"][data-value="${value}"]`).click()
  for (const flag of prediction.flags ?? []) await choose('flags', flag)
  if (prediction.seq !== undefined) await question('seq').getByTestId('quiz-answer-input').fill(prediction.seq)
  if (prediction.ack !== undefined) await question('ack').getByTestId('quiz-answer-input').fill(prediction.ack)
  for (const [role, state] of Object.entries(prediction.state ?? {})) {
    await page.locator(`[data-testid="quiz-question"][data-kind="state"][data-id$=":state:${role}"] [data-testid="quiz-choice"][data-value="${state}"]`).click()
  }
  await page.getByTestId('quiz-submit').click()
  // Playback moves the revealed segment along its arrow: wait until it has arrived.
  await expect(page.getByTestId('diagram-travel-dot')).toHaveCount(0)
}

test.describe('the README screenshots', () => {
  test('should show the three panes with the SYN-ACK’s acknowledgement number lit in tree and bytes', async ({ open }) => {
    const page = await openSample(open)
    await page.locator(row(2)).click()
    await page.getByTestId('tree-expand-all').click()
    const ack = page.locator(node('tcp.ack'))
    await expect(ack).toContainText('Acknowledgment Number: 1')
    await ack.click()
    // Ethernet (14) + IPv4 (20) + TCP's bytes 8–11: the acknowledgement number is bytes 42–45.
    for (const offset of [42, 43, 44, 45]) await expect(page.locator(`[data-testid="hex-byte"][data-offset="${offset}"]`)).toHaveClass(/highlighted/)
    await expect(page.getByTestId('status-field')).toContainText('tcp.ack (bytes 42–45)')
    await expect(page.getByTestId('status-packets')).toContainText('31')
    // The tree pane starts at the sequence number: relative and raw, then the acknowledgement.
    await page.locator(node('tcp.seq')).evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shoot(page, 'analyzer')
  })

  test('should show the handshake with its states and the SYN-ACK’s seq/ack arithmetic on hover', async ({ open }) => {
    const page = await openSample(open)
    await diagramOfFirstConnection(page)
    await expect(page.locator('[data-testid="diagram-phase"]')).toHaveCount(3)
    for (const [role, state] of [['client', 'SYN-SENT'], ['server', 'SYN-RECEIVED'], ['client', 'ESTABLISHED']]) {
      await expect(page.locator(`[data-testid="diagram-state-box"][data-role="${role}"][data-state="${state}"]`)).toBeInViewport()
    }
    // Frame 2: the server's ISN is its seq 0, and ack = 0 + 1 (the client's SYN took one number).
    await page.locator(arrow(2)).click()
    await page.locator(arrow(2)).hover()
    await expect(page.getByTestId('diagram-hover-card')).toBeVisible()
    await expect(page.getByTestId('diagram-hover-arithmetic').filter({ hasText: 'ack = 1 = 0 + 1' })).toBeVisible()
    await shoot(page, 'diagram-handshake')
  })

  test('should show the teardown with both sides’ states, TIME-WAIT and why ack = 86', async ({ open }) => {
    const page = await openSample(open)
    await diagramOfFirstConnection(page)
    // Frame 9: the server acknowledges the client's FIN (seq 85), so ack = 85 + 1 = 86.
    await page.locator(arrow(9)).click()
    await page.mouse.move(0, 0)
    for (const [role, state] of [['client', 'FIN-WAIT-1'], ['server', 'CLOSE-WAIT'], ['client', 'FIN-WAIT-2'], ['server', 'LAST-ACK'], ['client', 'TIME-WAIT']]) {
      await expect(page.locator(`[data-testid="diagram-state-box"][data-role="${role}"][data-state="${state}"]`)).toBeInViewport()
    }
    await expect(page.locator('[data-testid="diagram-time-wait"][data-role="client"]')).toBeInViewport()
    await expect(page.getByTestId('step-narrative')).toContainText('ack = 86 = 85 + 1')
    await expect(page.getByTestId('diagram-hover-card')).toBeHidden()
    await shoot(page, 'diagram-teardown')
  })

  test('should show the quiz checking a student’s predictions of the SYN-ACK, one of them wrong', async ({ open }) => {
    const page = await openSample(open)
    await diagramOfFirstConnection(page)
    await page.getByTestId('teach-panel-quiz').click()
    await page.getByTestId('quiz-toggle').click()
    await predict(page, { flags: ['SYN'], seq: '0', state: { client: 'SYN-SENT' } })
    await expect(page.getByTestId('quiz-score')).toHaveAttribute('data-correct', '3')
    // The classic mistake: forgetting that the SYN consumed a sequence number. (The server's ISN
    // is not asked: nothing before its SYN-ACK tells it.)
    await predict(page, { flags: ['SYN', 'ACK'], ack: '0', state: { server: 'SYN-RECEIVED', client: 'ESTABLISHED' } })
    await expect(page.getByTestId('diagram-arrow')).toHaveCount(2)
    await expect(page.locator('[data-testid="quiz-result"][data-kind="ack"]')).toHaveAttribute('data-correct', 'false')
    await expect(page.locator('[data-testid="quiz-result"][data-kind="flags"]')).toHaveAttribute('data-correct', 'true')
    await expect(page.getByTestId('quiz-score')).toHaveAttribute('data-answered', '7')
    await expect(page.getByTestId('quiz-score')).toHaveAttribute('data-correct', '6')
    // The panel from its top: the score, then how each prediction fared and why.
    await page.getByTestId('quiz-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await expect(page.locator('[data-testid="quiz-result"][data-kind="ack"]')).toBeInViewport()
    await page.mouse.move(0, 0)
    await shoot(page, 'quiz')
  })

  test('should show the diagram and the step’s explanation in Chinese', async ({ open }) => {
    const page = await openSample(open)
    await page.getByTestId('language-switch').selectOption('zh-CN')
    await diagramOfFirstConnection(page)
    await page.locator(arrow(2)).click()
    await expect(page.getByTestId('step-narrative')).toContainText('第 2 次握手')
    await expect(page.locator('[data-testid="diagram-phase"]').first()).toContainText('三次握手')
    await expect(page.getByTestId('view-tab-diagram')).toHaveText('时序图')
    // The explanation, not a hover card, beside the diagram.
    await page.mouse.move(0, 0)
    await expect(page.getByTestId('diagram-hover-card')).toBeHidden()
    await shoot(page, 'diagram-zh-CN')
  })
})
