// Where the shared capture corpus is: $TCPLENS_CAPTURES, else ../shared/captures next to this
// checkout, else next to the repository this one was cloned from (a fresh clone of a local
// checkout keeps that path as its "origin" remote).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { describe, it } from 'vitest'

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

/** The capture files in the shared corpus folder, by name, sorted. */
export function sharedCaptureNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.(pcap|pcapng)(\.gz)?$/.test(n))
    .sort()
}

/**
 * Declares the tests `body` writes for the shared corpus, in a describe block named `title`, given
 * the corpus folder and its capture names. Without the corpus it says so loudly (`without`: what
 * is tested instead) and declares a single skipped test that names what is missing.
 */
export function describeSharedCaptures(title: string, without: string | undefined, body: (dir: string, names: string[]) => void): void {
  const dir = findSharedCaptures()
  if (!dir) {
    process.stderr.write(loudMissing(`The shared capture corpus (../shared/captures) is MISSING${without ? `: ${without}` : ''}.`))
    describe(title, () => {
      it.skip('needs ../shared/captures (or TCPLENS_CAPTURES): not found', () => {})
    })
    return
  }
  const names = sharedCaptureNames(dir)
  describe(title, () => body(dir, names))
}
