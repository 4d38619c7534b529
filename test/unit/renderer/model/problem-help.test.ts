import { describe, expect, it } from 'vitest'
import type { CaptureProblem } from '../../../../preload/contract/api'
import { createUiI18n } from '../../../../renderer/src/locales'
import { NPCAP_URL, problemHelp, setcapCommand, type Translate } from '../../../../renderer/src/model/problem-help'

function translator(lang: 'en' | 'zh-CN'): Translate {
  const i18n = createUiI18n(lang)
  return (key, params) => i18n.global.t(key, params ?? {})
}

function problem(code: CaptureProblem['code'], platform: string, extra: Partial<CaptureProblem> = {}): CaptureProblem {
  return { code, platform, message: 'socket: Operation not permitted', ...extra }
}

const commands = (help: ReturnType<typeof problemHelp>): string[] => help.parts.flatMap((part) => (part.kind === 'command' ? [part.command] : []))
const words = (help: ReturnType<typeof problemHelp>): string => help.parts.map((part) => (part.kind === 'command' ? '' : part.text)).join('\n')

describe('model/problem-help', () => {
  it('should give Linux the setcap line for the program, the group way, and never "run as root"', () => {
    const help = problemHelp(problem('permission', 'linux', { program: '/opt/TCP Lens/tcplens' }), translator('en'))
    expect(help.title).toBe('TCP Lens may not capture packets')
    expect(commands(help)[0]).toBe("sudo setcap cap_net_raw,cap_net_admin=eip '/opt/TCP Lens/tcplens'")
    expect(commands(help)[1]).toContain('usermod -a -G pcap')
    expect(words(help)).toContain('Do not run the whole application as root')
    expect(help.message).toBe('socket: Operation not permitted')
  })

  it('should give the group its rights after the group owns the program (chgrp clears file capabilities)', () => {
    const lines = commands(problemHelp(problem('permission', 'linux', { program: '/usr/bin/tcplens' }), translator('en')))[1]!.split('\n')
    const chgrp = lines.findIndex((line) => line.startsWith('sudo chgrp pcap'))
    const setcap = lines.findIndex((line) => line.startsWith('sudo setcap'))
    expect(chgrp).toBeGreaterThanOrEqual(0)
    expect(setcap).toBeGreaterThan(chgrp)
  })

  it('should word the same help in Chinese, with the same commands', () => {
    const en = problemHelp(problem('permission', 'linux', { program: '/usr/bin/tcplens' }), translator('en'))
    const zh = problemHelp(problem('permission', 'linux', { program: '/usr/bin/tcplens' }), translator('zh-CN'))
    expect(zh.title).toBe('TCP Lens 没有抓包权限')
    expect(commands(zh)).toEqual(commands(en))
    expect(commands(zh)[0]).toBe(setcapCommand('/usr/bin/tcplens'))
    expect(words(zh)).toContain('不要以 root 身份运行整个程序')
  })

  it('should send macOS to ChmodBPF', () => {
    const help = problemHelp(problem('permission', 'darwin'), translator('en'))
    expect(words(help)).toContain('ChmodBPF')
    expect(commands(help)).toContain('sudo dseditgroup -o edit -a "$USER" -t user access_bpf')
  })

  it('should send Windows to Npcap in WinPcap API-compatible Mode', () => {
    for (const code of ['permission', 'no-npcap', 'no-capture-module'] as const) {
      const help = problemHelp(problem(code, 'win32'), translator('en'))
      const link = help.parts.find((part) => part.kind === 'link')
      expect(link).toMatchObject({ href: NPCAP_URL })
      expect(link?.kind === 'link' && link.text).toContain('WinPcap API-compatible Mode')
      expect(link?.kind === 'link' && link.text).toContain('https://npcap.com')
    }
  })

  it('should say what to install when the capture module is missing, and that files still open', () => {
    const help = problemHelp(problem('no-capture-module', 'linux', { message: "Cannot find module 'cap'" }), translator('en'))
    expect(help.title).toBe('The capture module is not installed')
    expect(commands(help)[0]).toContain('libpcap-dev')
    expect(words(help)).toContain('Opening capture files still works')
    const zh = problemHelp(problem('no-capture-module', 'linux'), translator('zh-CN'))
    expect(words(zh)).toContain('照样可以打开抓包文件')
  })

  it('should give the installed app its capture-rights script (grant, a group, revoke), never a bare setcap', () => {
    const rightsScript = '/opt/TCP Lens/resources/tcplens-capture-rights.sh'
    for (const lang of ['en', 'zh-CN'] as const) {
      const help = problemHelp(problem('permission', 'linux', { program: '/opt/TCP Lens/tcplens', rightsScript }), translator(lang))
      expect(commands(help)).toEqual([
        `sudo '${rightsScript}' grant`,
        `sudo '${rightsScript}' grant --group tcplens\nsudo usermod -a -G tcplens "$USER"`,
        `sudo '${rightsScript}' revoke`,
      ])
      expect(words(help)).not.toContain('live.problem')
    }
    expect(words(problemHelp(problem('permission', 'linux', { rightsScript }), translator('en')))).toContain('an upgrade undoes it')
  })

  it('should ask the installed app for libpcap only, with nothing to rebuild', () => {
    const linux = problemHelp(problem('no-capture-module', 'linux', { installed: true }), translator('en'))
    expect(commands(linux)).toEqual(['sudo apt-get install libpcap0.8   # Debian, Ubuntu\nsudo dnf install libpcap        # Fedora, RHEL'])
    expect(words(linux)).toContain('Opening capture files still works')
    const mac = problemHelp(problem('no-capture-module', 'darwin', { installed: true }), translator('zh-CN'))
    expect(commands(mac)).toEqual([])
    expect(words(mac)).toContain('重新安装 TCP Lens')
  })

  it('should word every problem code in both languages', () => {
    for (const code of ['no-capture-module', 'permission', 'no-npcap', 'no-device', 'bad-filter', 'failed'] as const) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const help = problemHelp(problem(code, 'linux'), translator(lang))
        expect(help.title).not.toContain('live.problem')
        expect(words(help)).not.toContain('live.problem')
        expect(help.parts.length).toBeGreaterThan(0)
      }
    }
  })
})
