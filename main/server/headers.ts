// The security headers of every answer. The Content Security Policy is renderer/index.html's
// meta tag (a test keeps the two equal), with the WebSocket allowed on this server's own port
// only; frame-ancestors works only as a header, so it is enforced here.
import type { OutgoingHttpHeaders } from 'node:http'
import { contentSecurityPolicy } from '../content-security-policy'
import { allowedHosts } from './access'

/** The renderer's policy, with the WebSocket allowed on this server's own port only. */
export function serverContentSecurityPolicy(port: number): string {
  return contentSecurityPolicy(allowedHosts(port).map((host) => `ws://${host}`))
}

export function securityHeaders(port: number): OutgoingHttpHeaders {
  return {
    'Content-Security-Policy': serverContentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}

/** index.html and every refusal: never cached. Vite's hashed assets: cached for good. */
export function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store'
}
