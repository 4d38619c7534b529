// The renderer's Content Security Policy, written once: the Electron window sends it as a header
// (main/window.ts), browser mode's server sends it with its own WebSocket address added
// (main/server/headers.ts), and renderer/index.html carries the same policy in a meta tag for the
// file:// load (a test keeps them equal). No inline or eval'd script, nothing from elsewhere.

/** The policy; `connect` adds sources to connect-src (browser mode's WebSocket). */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The Electron window's policy: it connects to nothing but its own files. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()
