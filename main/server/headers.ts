// The security headers of every answer. The Content Security Policy is renderer/index.html's
// meta tag (a test keeps the two equal), with the WebSocket allowed on this server's own port
// only; frame-ancestors works only as a header, so it is enforced here.
import type { OutgoingHttpHeaders } from 'node:http'

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function securityHeaders(port: number): OutgoingHttpHeaders {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
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
