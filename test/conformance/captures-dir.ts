// Where the shared capture corpus is: $TCPLENS_CAPTURES, else ../shared/captures next to this
// checkout, else next to the repository this one was cloned from (a fresh clone of a local
// checkout keeps that path as its "origin" remote).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'

export const REPO = resolve(__dirname, '../..')

function originPath(): string | undefined {
  try {
    const url = execFileSync('git', ['-C', REPO, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    const path = url.startsWith('file://') ? url.slice(7) : url
    // "git clone ." records the source as "/path/to/repo/.": normalise before going up.
    return isAbsolute(path) ? resolve(path) : undefined
  } catch {
    return undefined
  }
}

export function findSharedCaptures(): string | undefined {
  const candidates = [process.env['TCPLENS_CAPTURES'], join(REPO, '../shared/captures')]
  const origin = originPath()
  if (origin) candidates.push(join(dirname(origin), 'shared/captures'))
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'SOURCES.md')))
}

/** A message nobody can miss in the test output. */
export function loudMissing(what: string): string {
  const line = '!'.repeat(78)
  return `\n${line}\n!! ${what}\n!! The conformance tests against it are SKIPPED (see the skipped count below).\n!! Set TCPLENS_CAPTURES to the folder of the shared captures to run them.\n${line}\n`
}
