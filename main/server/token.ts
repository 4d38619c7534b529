// The browser mode's secret: a random token in the printed URL, then an HttpOnly cookie.
// Whoever can read the terminal (this machine's user) gets in; a page from elsewhere cannot
// guess it, and the comparison takes the same time whatever the guess.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 random bytes, URL-safe (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** Constant-time equality: both sides are hashed first, so even their lengths do not leak. */
export function tokensEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** The cookie's name carries the port: cookies are shared by every port of 127.0.0.1. */
export function cookieName(port: number): string {
  return `tcplens_${port}`
}

/**
 * Every value of one cookie in a Cookie header, in order. There can be several: a page on
 * another port of 127.0.0.1 may set a cookie of the same name (cookies ignore the port).
 */
export function readCookies(header: string | undefined, name: string): string[] {
  if (!header) return []
  const values: string[] = []
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq >= 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim())
  }
  return values
}

/** The Set-Cookie header that lets the browser in from now on, for this server's life. */
export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`
}
