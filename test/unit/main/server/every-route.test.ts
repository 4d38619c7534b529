// Browser mode's gate on every route: a page, an asset, a missing file, an API-looking path, the
// WebSocket path (as a GET and as an upgrade). Without the token, with a wrong one, from a foreign
// Host or Origin, nothing is served and no socket opens, and no refusal carries a file's bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_JS, INDEX_HTML, SECRET, cookieHeader, get, openSocket, startHarness, upgradeOutcome, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

/** Every kind of path the server could be asked for. */
const ROUTES = ['/', '/index.html', '/assets/index-abc123.js', '/assets/nested/logo.svg', '/assets/link.txt', '/missing.html', '/api/open', '/ws', '/..%2fsecret.txt', '/%2e%2e/private/secret.txt']

/** What a refusal must never contain: the served files and the secret beside the root. */
const expectNoFileBytes = (body: string, what: string) => {
  for (const content of [INDEX_HTML, APP_JS, SECRET]) expect(body.includes(content.trim()), `${what} carries a file's bytes`).toBe(false)
}

interface Attempt {
  what: string
  status: number
  /** The query string (the token) and headers it sends. */
  query: (h: Harness) => string
  headers: (h: Harness) => Record<string, string>
}

const ATTEMPTS: Attempt[] = [
  { what: 'no token', status: 401, query: () => '', headers: () => ({}) },
  { what: 'an empty token', status: 401, query: () => '?token=', headers: () => ({}) },
  { what: 'a wrong token in the URL', status: 403, query: () => '?token=wrong-token', headers: () => ({}) },
  { what: 'a wrong token in the cookie', status: 403, query: () => '', headers: (h) => ({ cookie: `tcplens_${h.server.port}=wrong-token` }) },
  { what: 'the token with one character changed', status: 403, query: (h) => `?token=${h.token.slice(0, -1)}${h.token.endsWith('a') ? 'b' : 'a'}`, headers: () => ({}) },
  { what: 'the token as another port’s cookie', status: 401, query: () => '', headers: (h) => ({ cookie: `tcplens_${h.server.port + 1}=${h.token}` }) },
  { what: 'a foreign Host, with the token', status: 403, query: (h) => `?token=${h.token}`, headers: (h) => ({ host: `evil.example:${h.server.port}` }) },
  { what: 'a rebinding Host that starts with our address', status: 403, query: () => '', headers: (h) => ({ ...cookieHeader(h), host: `127.0.0.1.evil.example:${h.server.port}` }) },
  { what: 'a Host with credentials before our address', status: 403, query: () => '', headers: (h) => ({ ...cookieHeader(h), host: `evil.example@127.0.0.1:${h.server.port}` }) },
  { what: 'the IPv6 loopback as Host', status: 403, query: () => '', headers: (h) => ({ ...cookieHeader(h), host: `[::1]:${h.server.port}` }) },
  { what: 'a foreign Origin, with the cookie', status: 403, query: () => '', headers: (h) => ({ ...cookieHeader(h), origin: 'http://evil.example' }) },
  { what: 'Origin "null" (a sandboxed or file page)', status: 403, query: () => '', headers: (h) => ({ ...cookieHeader(h), origin: 'null' }) },
  { what: 'an Origin that only starts like ours', status: 403, query: () => '', headers: (h) => ({ ...cookieHeader(h), origin: `http://127.0.0.1:${h.server.port}.evil.example` }) },
  { what: 'our address over https', status: 403, query: () => '', headers: (h) => ({ ...cookieHeader(h), origin: `https://127.0.0.1:${h.server.port}` }) },
]

describe('server: every route behind the gate', () => {
  for (const route of ROUTES) {
    it(`should refuse GET and HEAD ${route} to every request that is not our page's`, async () => {
      for (const attempt of ATTEMPTS) {
        for (const method of ['GET', 'HEAD']) {
          const answer = await get(h.server.port, `${route}${attempt.query(h)}`, attempt.headers(h), method)
          expect(answer.status, `${method} ${route} with ${attempt.what}`).toBe(attempt.status)
          expect(answer.headers['set-cookie'], `${route} with ${attempt.what} sets no cookie`).toBeUndefined()
          expectNoFileBytes(answer.body, `${route} with ${attempt.what}`)
        }
      }
    })
  }

  it('should serve no file’s bytes to another method, whatever it carries', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      for (const route of ROUTES) {
        const answer = await get(h.server.port, `${route}?token=${h.token}`, {}, method)
        expect(answer.status, `${method} ${route}`).toBe(405)
        expectNoFileBytes(answer.body, `${method} ${route}`)
      }
    }
  })

  it('should serve nothing outside the root to our own page either', async () => {
    for (const route of ['/assets/link.txt', '/..%2fsecret.txt', '/%2e%2e/private/secret.txt', '/api/open', '/ws']) {
      const answer = await get(h.server.port, route, cookieHeader(h))
      expect(answer.status, route).toBe(404)
      expectNoFileBytes(answer.body, route)
    }
  })
})

describe('server: every WebSocket upgrade behind the gate', () => {
  const port = () => h.server.port
  const REFUSED: Array<[string, () => Parameters<typeof openSocket>[1]]> = [
    ['no token', () => ({ cookie: '' })],
    ['a wrong token in the cookie', () => ({ cookie: `tcplens_${port()}=wrong-token` })],
    ['a wrong token in the URL', () => ({ cookie: '', query: '?token=wrong-token' })],
    ['no Origin', () => ({ origin: null })],
    ['a foreign Origin', () => ({ origin: 'http://evil.example' })],
    ['Origin "null"', () => ({ origin: 'null' })],
    ['our address on another port as Origin', () => ({ origin: `http://127.0.0.1:${port() + 1}` })],
    ['a foreign Host', () => ({ host: `evil.example:${port()}` })],
    ['a rebinding Host', () => ({ host: `127.0.0.1.evil.example:${port()}` })],
    ['our address on another port as Host', () => ({ host: `127.0.0.1:${port() + 1}` })],
  ]
  for (const path of ['/ws', '/', '/api', '/ws/']) {
    it(`should open no socket on ${path} for any request that is not our page's`, async () => {
      for (const [what, options] of REFUSED) {
        const outcome = await upgradeOutcome(openSocket(h, { ...options(), path }))
        expect(outcome.open, `${path} with ${what}`).toBe(false)
        if (!outcome.open) {
          expect(outcome.status, `${path} with ${what}`).toBeGreaterThanOrEqual(400)
          expectNoFileBytes(outcome.body, `${path} with ${what}`)
        }
      }
    })
  }

  it('should open a socket on /ws for our page only, and on no other path', async () => {
    const ours = openSocket(h)
    expect(await upgradeOutcome(ours)).toEqual({ open: true })
    ours.close()
    for (const path of ['/', '/api', '/ws/', '/ws%2f', '/WS']) expect(await upgradeOutcome(openSocket(h, { path })), path).toMatchObject({ open: false, status: 404 })
  })
})
