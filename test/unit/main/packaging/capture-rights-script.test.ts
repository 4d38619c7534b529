// The Linux capture-rights script against a fake installed app: a tiny C program that, like
// Electron's binary, finds libffmpeg.so in its own folder through RUNPATH $ORIGIN, and prints its
// effective capabilities. Run as the unprivileged user `nobody`, it shows that setcap alone
// breaks that lookup (secure-execution mode) and that the script's loader entry mends it.
// It needs root (setcap, ldconfig, runuser), gcc and setcap (libcap2-bin): skipped loudly otherwise.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SCRIPT = resolve(__dirname, '../../../../main/packaging/linux/tcplens-capture-rights.sh')
// Every Debian has nobody: the unprivileged user a lab machine's students stand for here.
const STUDENT = 'nobody'

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

function whyNot(): string | undefined {
  if (process.platform !== 'linux') return 'file capabilities are Linux only'
  if (process.getuid?.() !== 0) return 'needs root (setcap, ldconfig, runuser)'
  for (const tool of ['gcc', 'setcap', 'getcap', 'ldconfig', 'runuser']) if (!has(tool)) return `${tool} is not installed`
  if (spawnSync('id', [STUDENT]).status !== 0) return `there is no unprivileged user "${STUDENT}" to run the app as`
  return undefined
}

const LIBRARY = 'int tcplens_answer(void) { return 42; }\n'
// Prints the library's answer and the process's effective capabilities (CapEff, hexadecimal).
const PROGRAM = `#include <stdio.h>
#include <string.h>
int tcplens_answer(void);
int main(void) {
  char line[256];
  FILE *status = fopen("/proc/self/status", "r");
  while (status && fgets(line, sizeof line, status)) if (strncmp(line, "CapEff:", 7) == 0) fputs(line, stdout);
  printf("answer %d\\n", tcplens_answer());
  return 0;
}
`
// CAP_NET_ADMIN is bit 12, CAP_NET_RAW bit 13.
const NET_CAPS = (1n << 12n) | (1n << 13n)

interface Run {
  status: number | null
  out: string
}

describe('packaging/linux/tcplens-capture-rights.sh', () => {
  const reason = whyNot()
  if (reason) {
    console.warn(`[capture rights] SKIPPED: ${reason}`)
    it.skip(`SKIPPED: ${reason}`, () => undefined)
    return
  }

  const tag = `tcplens-test-${process.pid}`
  const group = `tcplt${process.pid}`.slice(0, 16)
  let work = ''
  let binary = ''
  let script = ''
  const env = () => ({ ...process.env, TCPLENS_LD_CONF: `/etc/ld.so.conf.d/zz-${tag}.conf`, TCPLENS_LIB_DIR: join(work, 'ld') })

  const runScript = (...args: string[]): Run => {
    const result = spawnSync(script, args, { env: env(), encoding: 'utf8' })
    return { status: result.status, out: result.stdout + result.stderr }
  }
  const runAsStudent = (): Run => {
    const result = spawnSync('runuser', ['-u', STUDENT, '--', binary], { encoding: 'utf8' })
    return { status: result.status, out: result.stdout + result.stderr }
  }
  const effectiveCaps = (out: string): bigint => BigInt(`0x${/CapEff:\s*([0-9a-f]+)/.exec(out)?.[1] ?? '0'}`)

  beforeAll(() => {
    // An install folder the unprivileged user can enter, laid out as the deb installs it.
    work = mkdtempSync(join(tmpdir(), 'tcplens-rights-'))
    chmodSync(work, 0o755)
    const app = join(work, 'app')
    mkdirSync(join(app, 'resources'), { recursive: true })
    writeFileSync(join(work, 'lib.c'), LIBRARY)
    writeFileSync(join(work, 'main.c'), PROGRAM)
    execFileSync('gcc', ['-shared', '-fPIC', '-Wl,-soname,libffmpeg.so', '-o', join(app, 'libffmpeg.so'), join(work, 'lib.c')])
    binary = join(app, 'tcplens')
    execFileSync('gcc', ['-o', binary, join(work, 'main.c'), `-L${app}`, '-lffmpeg', '-Wl,-rpath,$ORIGIN'])
    script = join(app, 'resources', 'tcplens-capture-rights.sh')
    copyFileSync(SCRIPT, script)
    chmodSync(script, 0o755)
  })

  afterAll(() => {
    if (!work) return
    runScript('revoke')
    spawnSync('groupdel', [group])
    rmSync(work, { recursive: true, force: true })
  })

  it('should run the fake app without capabilities before anything is granted', () => {
    const run = runAsStudent()
    expect(run.out).toContain('answer 42')
    expect(effectiveCaps(run.out) & NET_CAPS).toBe(0n)
  })

  it('should show why setcap alone is not enough: $ORIGIN is ignored in secure-execution mode', () => {
    execFileSync('setcap', ['cap_net_raw,cap_net_admin=eip', binary])
    try {
      const run = runAsStudent()
      expect(run.status).not.toBe(0)
      expect(run.out).toContain('libffmpeg.so')
    } finally {
      execFileSync('setcap', ['-r', binary])
    }
  })

  it('should grant the capture capabilities and keep the app starting for an unprivileged user', () => {
    const grant = runScript('grant')
    expect(grant.status, grant.out).toBe(0)
    expect(execFileSync('getcap', [binary], { encoding: 'utf8' })).toMatch(/cap_net_admin,cap_net_raw=eip/)
    const run = runAsStudent()
    expect(run.out).toContain('answer 42')
    expect(effectiveCaps(run.out) & NET_CAPS).toBe(NET_CAPS)
  })

  it('should say how it stands', () => {
    const status = runScript('status')
    expect(status.out).toContain('cap_net_admin,cap_net_raw=eip')
    expect(status.out).toContain(`zz-${tag}.conf`)
  })

  it('should let only the group run it with --group, capabilities set last', () => {
    const grant = runScript('grant', '--group', group)
    expect(grant.status, grant.out).toBe(0)
    expect(execFileSync('stat', ['-c', '%G %a', binary], { encoding: 'utf8' }).trim()).toBe(`${group} 750`)
    expect(execFileSync('getcap', [binary], { encoding: 'utf8' })).toMatch(/cap_net_admin,cap_net_raw=eip/)
    expect(runAsStudent().status).not.toBe(0)
  })

  it('should revoke: no capabilities, root:root 0755, no loader entry, and the app still starts', () => {
    const revoke = runScript('revoke')
    expect(revoke.status, revoke.out).toBe(0)
    expect(execFileSync('getcap', [binary], { encoding: 'utf8' }).trim()).toBe('')
    expect(execFileSync('stat', ['-c', '%U:%G %a', binary], { encoding: 'utf8' }).trim()).toBe('root:root 755')
    expect(runScript('status').out).toContain('loader entry: none')
    const run = runAsStudent()
    expect(run.out).toContain('answer 42')
    expect(effectiveCaps(run.out) & NET_CAPS).toBe(0n)
  })

  it('should refuse an unknown action with its usage', () => {
    const run = runScript('everything')
    expect(run.status).toBe(2)
    expect(run.out).toContain('usage:')
  })
})
