// Can the server capture on loopback here? Asked of the built CLI in a child process, so that the
// Playwright processes never load the native `cap` module themselves (a native module loaded in
// the test runner is one more thing that can take it down at exit).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const CLI = resolve(__dirname, '../../out/main/cli.js')

export type LiveSupport = { ok: true; loopback: string } | { ok: false; why: string }

/** The loopback interface's name, from `tcplens capture -D` ("2. lo (Loopback)"). */
function loopbackName(): string | undefined {
  const listed = spawnSync(process.execPath, [CLI, 'capture', '-D'], { encoding: 'utf8' })
  return /^\d+\. (\S+) \(Loopback\)/m.exec(listed.stdout)?.[1]
}

/** One second of capture on loopback with the built CLI: it works, or what it said. */
export function liveSupport(): LiveSupport {
  const loopback = loopbackName()
  if (!loopback) return { ok: false, why: 'tcplens capture -D lists no loopback interface (is cap installed?)' }
  const folder = mkdtempSync(join(tmpdir(), 'tcplens-e2e-support-'))
  try {
    const run = spawnSync(process.execPath, [CLI, 'capture', '-i', loopback, '-a', 'duration:1', '-w', join(folder, 'probe.pcapng')], { encoding: 'utf8' })
    if (run.status === 0) return { ok: true, loopback }
    return { ok: false, why: `cannot capture on ${loopback} here: ${run.stderr.trim().split('\n').slice(-2).join(' ')}` }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
