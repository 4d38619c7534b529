// Serving the built renderer (out/renderer): files only, inside the root only. No directory is
// ever listed; "..", encoded or not, absolute paths, backslashes and NUL never leave the root, and
// a symbolic link that points outside it is not followed.
import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'

export type StaticLookup = { kind: 'file'; file: string; size: number } | { kind: 'not-found' } | { kind: 'bad-request' }

function inside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * The file a URL path (as it came, percent-encoded, without the query) names under `root`.
 * `root` must be a real path (no symbolic links in it): see `realpath`.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return { kind: 'bad-request' }
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'not-found' }
  if (decoded === '/') decoded = '/index.html'
  const segments = decoded.slice(1).split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { kind: 'not-found' }

  const candidate = resolve(root, ...segments)
  if (!inside(root, candidate)) return { kind: 'not-found' }
  try {
    const real = await realpath(candidate)
    if (!inside(root, real)) return { kind: 'not-found' }
    const info = await stat(real)
    return info.isFile() ? { kind: 'file', file: real, size: info.size } : { kind: 'not-found' }
  } catch {
    return { kind: 'not-found' }
  }
}
