// Who may talk to the browser mode's server: every request (a page, an asset, the WebSocket)
// must name our loopback address in Host (DNS rebinding), come from our own page when it says
// where it comes from (Origin), and carry the token, in the URL or in the cookie.
import type { IncomingHttpHeaders } from 'node:http'
import { cookieName, readCookies, tokensEqual } from './token'

export type Refusal = 'host' | 'origin' | 'no-token' | 'wrong-token'

export type AccessVerdict =
  /** `tokenInQuery`: the token came in the URL (a page then sets the cookie and redirects). */
  | { ok: true; tokenInQuery: boolean }
  | { ok: false; status: 401 | 403; refusal: Refusal }

export interface AccessRequest {
  url?: string
  headers: IncomingHttpHeaders
}

export interface AccessPolicy {
  port: number
  token: string
  /** WebSocket upgrades: browsers always send Origin there, so its absence is refused. */
  requireOrigin: boolean
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost']

export function allowedHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`)
}

function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`)
}

/** The token in the request's query string, if any. */
function queryToken(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://127.0.0.1').searchParams.get('token')
  } catch {
    return null
  }
}

export function checkAccess(request: AccessRequest, policy: AccessPolicy): AccessVerdict {
  const host = request.headers.host?.toLowerCase()
  if (!host || !allowedHosts(policy.port).includes(host)) return { ok: false, status: 403, refusal: 'host' }

  const origin = request.headers.origin?.toLowerCase()
  if (origin === undefined ? policy.requireOrigin : !allowedOrigins(policy.port).includes(origin)) {
    return { ok: false, status: 403, refusal: 'origin' }
  }

  // A token in the URL wins over the cookie: a newly pasted address replaces an old cookie.
  // Any of the cookies of our name may hold it (one planted by another local page locks no one out).
  const fromQuery = queryToken(request.url)
  const given = (fromQuery === null ? readCookies(request.headers.cookie, cookieName(policy.port)) : [fromQuery]).filter((value) => value !== '')
  if (given.length === 0) return { ok: false, status: 401, refusal: 'no-token' }
  if (!given.some((value) => tokensEqual(value, policy.token))) return { ok: false, status: 403, refusal: 'wrong-token' }
  return { ok: true, tokenInQuery: fromQuery !== null }
}
