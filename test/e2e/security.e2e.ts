// Security in a real Chromium: the Content Security Policy stops injected script (browser mode's
// policy, and the Electron window's served with the built renderer), and a capture whose
// payloads are HTML and script is shown as text everywhere it appears, never run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { CONTENT_SECURITY_POLICY } from '../../main/content-security-policy'
import { HOSTILE_PAYLOADS, hostileFrame, hostilePayloadCapture } from '../fixtures/hostile-payload'
import { expect, keepScreenshot, test } from './serve'

const RENDERER = resolve(__dirname, '../../out/renderer')
/** Screenshots kept outside test-results too (another run may clear it). */
const SHOTS = join(tmpdir(), 'b-shots')

const row = (frame: number) => `[data-testid="packet-row"][data-frame="${frame}"]`

async function shot(page: Page, name: string): Promise<void> {
  await keepScreenshot(page, `security-${name}`)
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

interface Violation {
  directive: string
  blocked: string
}

/** Before the page loads: records every CSP violation Chromium reports. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Array<{ directive: string; blocked: string }> = []
    Object.defineProperty(window, '__violations', { value: seen })
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI }))
  })
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations)
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)

/**
 * How an XSS in the UI would inject script, each run in the page by itself. (Not eval: code that
 * Playwright evaluates has DevTools' exemption from the policy, eval included.)
 */
const INJECTIONS: Array<[string, string, () => void]> = [
  [
    'an inline <script> element',
    'script-src-elem',
    () => {
      const script = document.createElement('script')
      script.textContent = 'window.__pwned = "inline script"'
      document.body.append(script)
    },
  ],
  [
    'an <img onerror> handler',
    'script-src-attr',
    () => {
      const holder = document.createElement('div')
      holder.innerHTML = '<img src="data:," onerror="window.__pwned = \'img onerror\'">'
      document.body.append(holder)
    },
  ],
  [
    'an SVG onerror handler',
    'script-src-attr',
    () => {
      const holder = document.createElement('div')
      holder.innerHTML = '<svg><image href="data:," onerror="window.__pwned = \'svg onerror\'"/></svg>'
      document.body.append(holder)
    },
  ],
  [
    'a javascript: URL',
    'script-src-elem',
    () => {
      const link = document.createElement('a')
      link.href = 'javascript:window.__pwned = "javascript: URL"'
      document.body.append(link)
      link.click()
    },
  ],
]

/** Proves the policy holds: each injection is reported by Chromium as a violation, and none ran. */
async function expectInjectionBlocked(page: Page): Promise<void> {
  for (const [what, directive, inject] of INJECTIONS) {
    const before = (await violations(page)).length
    await page.evaluate(inject)
    await expect.poll(async () => (await violations(page)).slice(before), { message: what }).toContainEqual({ directive, blocked: 'inline' })
  }
  // Chromium runs a javascript: URL, were it allowed, in a later task: give it that time.
  await page.waitForTimeout(200)
  expect(await pwned(page)).toBeUndefined()
}

test.describe('security: the Content Security Policy in Chromium', () => {
  test('should block inline script, event handlers and javascript: URLs in browser mode', async ({ page, open }) => {
    await recordViolations(page)
    await open()
    await expect(page.locator(row(1))).toBeVisible()
    await expectInjectionBlocked(page)
    // The app itself needed no exception to the policy.
    expect((await violations(page)).filter((v) => v.blocked !== 'inline')).toEqual([])
  })

  test.describe('the Electron window’s policy', () => {
    let server: Server
    let origin: string

    test.beforeAll(async () => {
      // The built renderer, served with the header main/window.ts puts on every response.
      server = createServer((request, response) => {
        const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
        const file = normalize(join(RENDERER, path === '/' ? 'index.html' : path))
        if (!file.startsWith(RENDERER)) return void response.writeHead(404).end()
        try {
          const body = readFileSync(file)
          const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream'
          response.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY }).end(body)
        } catch {
          response.writeHead(404).end()
        }
      })
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    test.afterAll(async () => {
      await new Promise((done) => server.close(done))
    })

    test('should be the meta tag of the built page that the window loads from file://', () => {
      const html = readFileSync(join(RENDERER, 'index.html'), 'utf8')
      const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
      expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
    })

    test('should block inline script, event handlers and javascript: URLs in the built renderer', async ({ page }) => {
      await recordViolations(page)
      const response = await page.goto(`${origin}/`)
      expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      // The page starts (it has no back end here: no window.tcplens, no server).
      await expect(page.locator('#app')).not.toBeEmpty()
      await expectInjectionBlocked(page)
    })
  })
})

test.describe('security: a capture whose payloads are HTML and script', () => {
  let folder: string
  let capture: string

  test.beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'tcplens-e2e-hostile-'))
    capture = join(folder, 'hostile.pcap')
    writeFileSync(capture, hostilePayloadCapture())
  })
  test.afterAll(() => rmSync(folder, { recursive: true, force: true }))

  /** Nothing of the payloads became an element, a handler or a run script. */
  async function expectNothingRan(page: Page): Promise<void> {
    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? `inline: ${s.textContent}`),
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: document.querySelectorAll('img[src="x"]').length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      payloadTags: [...document.querySelectorAll('b, i')].filter((e) => ['bold?', 'end', 'click'].includes(e.textContent ?? '')).length,
    }))
    expect(found.pwned).toBeUndefined()
    for (const script of found.scripts) expect(script).toMatch(/^\.?\/assets\/[\w-]+\.js$/)
    expect(found).toMatchObject({ handlers: 0, images: 0, javascriptLinks: 0, payloadTags: 0 })
    expect(await violations(page)).toEqual([])
  }

  test('should show every payload as text in Follow Stream (text and hex), the tree, the bytes and the diagram', async ({ page, open }) => {
    await recordViolations(page)
    await open(capture)
    await expect(page.getByTestId('status-packets')).toHaveText('Packets: 19')

    // The packet list: the payload's row, its Info as Wireshark writes it.
    const scriptRow = page.locator(row(hostileFrame('script')))
    await expect(scriptRow).toContainText('Len=33')
    await scriptRow.click()

    // The details tree, every node open: the payload's bytes are a field like any other.
    await page.getByTestId('tree-expand-all').click()
    const payloadNode = page.locator('[data-testid="tree-node"][data-field="tcp.payload"], [data-testid="tree-node"][data-field="data.data"]').first()
    await payloadNode.scrollIntoViewIfNeeded()
    await payloadNode.click()
    await expect(payloadNode).toBeVisible()
    await shot(page, '1-tree-and-bytes')

    // The bytes pane: the ASCII column shows the markup as characters.
    await expect(page.getByTestId('pane-bytes')).toContainText('<script>')
    await expectNothingRan(page)

    // Follow Stream, as text: every payload word for word, the template not evaluated.
    await page.getByTestId('toolbar-follow').click()
    const follow = page.getByTestId('follow-text')
    for (const payload of Object.values(HOSTILE_PAYLOADS)) await expect(follow).toContainText(payload)
    await expect(follow).not.toContainText('49')
    await shot(page, '2-follow-text')
    await expectNothingRan(page)

    // Follow Stream, as hex: the ASCII column again.
    await page.getByTestId('follow-view').selectOption('hex')
    await expect(follow).toContainText('<script>')
    await expect(follow).toContainText('{{ 7*7 }}')
    await shot(page, '3-follow-hex')
    await page.getByTestId('follow-close').click()
    await expectNothingRan(page)

    // The diagram: each data arrow is labelled with its payload's first line, as text.
    await page.getByTestId('view-tab-diagram').click()
    await expect(page.getByTestId('teach-view')).toBeVisible()
    const arrow = (name: keyof typeof HOSTILE_PAYLOADS) => page.locator(`[data-testid="diagram-arrow"][data-frame="${hostileFrame(name)}"]`)
    await expect(arrow('script')).toContainText('<script>')
    await expect(arrow('vueTemplate')).toContainText('{{ 7*7 }}')
    await arrow('imgOnerror').hover()
    await expect(page.getByTestId('diagram-hover-card')).toContainText('<img src=x onerror')
    await shot(page, '4-diagram-hover')
    // The explanation quotes the selected segment's payload, as text.
    await arrow('script').click()
    await expect(page.getByTestId('teach-view')).toContainText(`Payload: ${HOSTILE_PAYLOADS.script}`)
    await shot(page, '5-explanation')
    await expectNothingRan(page)
  })
})
