import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { captureProblem, captureRightsScript, classifyCaptureError, describeCaptureProblem, runsInstalled } from '../../../../main/capture/capture-problem'

describe('capture/capture-problem: classifying what libpcap said', () => {
  it.each([
    ['socket: Operation not permitted', 'linux', 'permission'],
    ["You don't have permission to capture on that device (socket: Operation not permitted)", 'linux', 'permission'],
    ['(cannot open BPF device) /dev/bpf0: Permission denied', 'darwin', 'permission'],
    ['No such device exists', 'linux', 'no-device'],
    ["eth9: That device doesn't exist", 'linux', 'no-device'],
    ["can't parse filter expression: syntax error", 'linux', 'bad-filter'],
    ["unknown host 'nowhere'", 'linux', 'bad-filter'],
    ['something else entirely', 'linux', 'failed'],
  ])('should read "%s" on %s as %s', (message, platform, code) => {
    expect(classifyCaptureError(message, { platform, program: '/usr/bin/node' })).toMatchObject({ code, message, platform })
  })

  it('should name the program needing the rights for a Linux permission problem only', () => {
    expect(classifyCaptureError('socket: Operation not permitted', { platform: 'linux', program: '/opt/TCP Lens/tcplens' }).program).toBe('/opt/TCP Lens/tcplens')
    expect(classifyCaptureError('/dev/bpf0: Permission denied', { platform: 'darwin' }).program).toBeUndefined()
  })

  it('should read a failed load as no-npcap on Windows when Npcap\'s DLLs are missing, else no-capture-module', () => {
    expect(classifyCaptureError('The specified module could not be found.\r\n\\\\?\\C:\\app\\cap.node', { platform: 'win32', loading: true }).code).toBe('no-npcap')
    expect(classifyCaptureError('libpcap.so.0.8: cannot open shared object file', { platform: 'linux', loading: true }).code).toBe('no-capture-module')
  })
})

describe('capture/capture-problem: describeCaptureProblem', () => {
  it('should give Linux the setcap line for the program, the group alternative, and never "run as root"', () => {
    const text = describeCaptureProblem(captureProblem('permission', 'socket: Operation not permitted', { platform: 'linux', program: '/usr/bin/node' }))
    expect(text).toContain('socket: Operation not permitted')
    expect(text).toContain('sudo setcap cap_net_raw,cap_net_admin=eip /usr/bin/node')
    expect(text).toContain('usermod -aG pcap')
    expect(text).toContain('Do not run TCP Lens as root')
  })

  it('should give macOS the ChmodBPF approach', () => {
    const text = describeCaptureProblem(captureProblem('permission', '/dev/bpf0: Permission denied', { platform: 'darwin' }))
    expect(text).toContain('ChmodBPF')
    expect(text).toContain('access_bpf')
  })

  it('should send Windows to npcap.com in WinPcap API-compatible mode', () => {
    const text = describeCaptureProblem(captureProblem('no-npcap', 'The specified module could not be found.', { platform: 'win32' }))
    expect(text).toContain('https://npcap.com')
    expect(text).toContain('WinPcap API-compatible Mode')
  })

  it('should say what to install when cap is missing, and that files still open', () => {
    const text = describeCaptureProblem(captureProblem('no-capture-module', "Cannot find module 'cap'", { platform: 'linux' }))
    expect(text).toContain('libpcap-dev')
    expect(text).toContain('libpcap-devel')
    expect(text).toContain('npm rebuild cap')
    expect(text).toContain('Opening capture files still works')
  })
})

describe('capture/capture-problem: the installed app\'s capture-rights script', () => {
  it('should find the script in resources/ next to an installed binary, and nothing elsewhere', () => {
    const shipped = '/opt/TCP Lens/resources/tcplens-capture-rights.sh'
    expect(captureRightsScript('/opt/TCP Lens/tcplens', (path) => path === shipped)).toBe(shipped)
    expect(captureRightsScript('/usr/bin/node', () => false)).toBeUndefined()
  })

  it('should tell the renderer about the script with the problem, for a Linux permission problem only', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tcplens-installed-'))
    try {
      mkdirSync(join(folder, 'resources'))
      writeFileSync(join(folder, 'resources', 'tcplens-capture-rights.sh'), '')
      const installed = classifyCaptureError('socket: Operation not permitted', { platform: 'linux', program: join(folder, 'tcplens') })
      expect(installed.rightsScript).toBe(join(folder, 'resources', 'tcplens-capture-rights.sh'))
      expect(classifyCaptureError('socket: Operation not permitted', { platform: 'linux', program: '/usr/bin/node' }).rightsScript).toBeUndefined()
      expect(classifyCaptureError('/dev/bpf0: Permission denied', { platform: 'darwin' }).rightsScript).toBeUndefined()
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('should mark a module that fails to load in an installed app, and ask only for libpcap there', () => {
    expect(runsInstalled('/opt/TCP Lens/resources/app.asar/out/main')).toBe(true)
    expect(runsInstalled('C:\\Program Files\\TCP Lens\\resources\\app.asar\\out\\main')).toBe(true)
    expect(runsInstalled('/work/main/out/main')).toBe(false)
    const problem = classifyCaptureError('libpcap.so.0.8: cannot open shared object file', { platform: 'linux', loading: true, installed: true })
    expect(problem).toMatchObject({ code: 'no-capture-module', installed: true })
    const text = describeCaptureProblem(problem)
    expect(text).toContain('sudo apt-get install libpcap0.8')
    expect(text).not.toContain('npm rebuild')
    expect(classifyCaptureError("Cannot find module 'cap'", { platform: 'linux', loading: true, installed: false }).installed).toBeUndefined()
  })

  it('should give the installed app the script (grant, --group, revoke) instead of a bare setcap', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tcplens-installed-'))
    try {
      mkdirSync(join(folder, 'resources'))
      writeFileSync(join(folder, 'resources', 'tcplens-capture-rights.sh'), '')
      const text = describeCaptureProblem(captureProblem('permission', 'socket: Operation not permitted', { platform: 'linux', program: join(folder, 'tcplens') }))
      const script = join(folder, 'resources', 'tcplens-capture-rights.sh')
      expect(text).toContain(`sudo '${script}' grant`)
      expect(text).toContain(`sudo '${script}' grant --group tcplens`)
      expect(text).toContain('revoke')
      expect(text).not.toContain('sudo setcap')
      expect(text).toContain('Do not run TCP Lens as root')
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
