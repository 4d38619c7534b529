import { afterEach, describe, expect, it, vi } from 'vitest'
import { fixtureFile as file, tcplens } from './run-cli'

describe('cli/explain', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('should narrate each step with the arithmetic and the states, in English', async () => {
    const { code, stdout, stderr } = await tcplens('explain', file('tcp-scenario-four-way-close'), '--lang', 'en')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('TCP stream 0: client 192.0.2.10:40000 → server 198.51.100.20:80')
    expect(stdout).toContain('Frame 2 · 0.020000 s · Handshake step 2 · server → client · SYN-ACK')
    expect(stdout).toContain('ack = 1 = 0 + 1: the client’s SYN in frame 1 consumed one sequence number')
    expect(stdout).toContain('server: LISTEN → SYN-RECEIVED')
    expect(stdout).toMatch(/TIME-WAIT.*60 s/)
    // The myth is named as a myth: tcp_fin_timeout is the FIN-WAIT-2 timeout.
    expect(stdout).toContain('tcp_fin_timeout sets the TIME-WAIT time; it does not: it sets how long an orphaned connection waits in FIN-WAIT-2')
  })

  it('should speak Chinese with --lang zh-CN, and by default when the locale is Chinese', async () => {
    const chosen = await tcplens('explain', file('tcp-scenario-three-segment-close'), '--lang', 'zh-CN')
    expect(chosen.stdout).toContain('第 1 次握手')
    expect(chosen.stdout).toContain('第 2、3 次挥手')
    vi.stubEnv('LC_ALL', '')
    vi.stubEnv('LC_MESSAGES', '')
    vi.stubEnv('LANGUAGE', '')
    vi.stubEnv('LANG', 'zh_CN.UTF-8')
    const byLocale = await tcplens('explain', file('tcp-scenario-three-segment-close'))
    expect(byLocale.stdout).toBe(chosen.stdout)
    vi.stubEnv('LANG', 'en_US.UTF-8')
    const english = await tcplens('explain', file('tcp-scenario-three-segment-close'))
    expect(english.stdout).toContain('Handshake step 1')
  })

  it('should print one stream as a Mermaid sequence diagram', async () => {
    const { code, stdout } = await tcplens('explain', file('tcp-scenario-port-reuse'), '--stream', '1', '--format', 'mermaid', '--lang', 'en')
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines.slice(0, 2)).toEqual(['%% TCP stream 1', 'sequenceDiagram'])
    expect(lines.filter((l) => /^ {4}[CS]->>[CS]: /.test(l))).toHaveLength(10)
    expect(stdout).not.toContain('TCP stream 0')
  })

  it('should put the SYN-flood warning first', async () => {
    const { stdout } = await tcplens('explain', file('tcp-scenario-syn-flood'), '--lang', 'en', '--format', 'markdown')
    expect(stdout.startsWith('## Capture-level warnings')).toBe(true)
    expect(stdout).toContain('Possible SYN flood: 40 SYNs to 198.51.100.20:80, from 40 different sources')
    expect(stdout.indexOf('SYN flood')).toBeLessThan(stdout.indexOf('## TCP stream 0'))
  })

  it('should refuse an unknown language, format or stream', async () => {
    expect(await tcplens('explain', file('tcp-scenario-refused'), '--lang', 'fr')).toMatchObject({ code: 1, stderr: 'tcplens: unknown language "fr": use zh-CN (or zh) or en\n' })
    expect((await tcplens('explain', file('tcp-scenario-refused'), '--format', 'html')).stderr).toContain('use text, markdown or mermaid')
    expect(await tcplens('explain', file('tcp-scenario-refused'), '--stream', '7')).toMatchObject({ code: 1, stdout: '' })
    expect((await tcplens('explain', file('tcp-scenario-refused'), '--stream', 'x')).stderr).toContain('--stream takes a tcp.stream number')
  })
})
