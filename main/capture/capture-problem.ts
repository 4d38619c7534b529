// Why live capture cannot start, as data: a CaptureProblem (preload/contract/dto.ts) carried by
// the one error type live capture throws. The renderer words each code in the UI language with the
// exact fix for the platform; the CLI prints the English words (describeCaptureProblem).
import { existsSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { CaptureProblem, CaptureProblemCode } from '../../preload/contract/dto'

export class CaptureProblemError extends Error {
  constructor(readonly problem: CaptureProblem) {
    super(problem.message)
    this.name = 'CaptureProblemError'
  }
}

/** A problem on this machine. */
export function captureProblem(code: CaptureProblemCode, message: string, extra: Partial<Pick<CaptureProblem, 'program' | 'platform' | 'rightsScript' | 'installed'>> = {}): CaptureProblem {
  const problem: CaptureProblem = { code, message, platform: extra.platform ?? process.platform }
  if (extra.program) problem.program = extra.program
  if (extra.rightsScript) problem.rightsScript = extra.rightsScript
  if (extra.installed) problem.installed = true
  return problem
}

/** This code runs from an installed app's archive (app.asar), not from a source checkout. */
export function runsInstalled(here: string = __dirname): boolean {
  return /[\\/]app\.asar([\\/]|$)/.test(here)
}

/** The executable that needs the capture rights (setcap works on the real file, not a symlink). */
export function captureProgram(execPath: string = process.execPath): string {
  try {
    return realpathSync(execPath)
  } catch {
    return execPath
  }
}

// libpcap's and the OS's own words for each case. Linux: "socket: Operation not permitted",
// "You don't have permission to capture on that device"; macOS: "(cannot open BPF device)
// /dev/bpf0: Permission denied"; Npcap: "… Access is denied."
const PERMISSION = /operation not permitted|you don't have permission|permission denied|access is denied|EPERM|EACCES/i
const NO_DEVICE = /no such device|doesn't exist|does not exist|cannot find the device/i
// What pcap_compile says about a filter (the usual ones; checkCaptureFilter does not rely on them).
const BAD_FILTER = /can't parse filter expression|syntax error|illegal token|unknown host|illegal qualifier|unknown (port|protocol|network)|out of range|not supported|modifier applied to/i
// Windows: cap.node needs wpcap.dll and Packet.dll from Npcap; without them Windows fails to load
// the module with "The specified module could not be found" naming cap.node itself.
const NPCAP_MISSING = /wpcap\.dll|packet\.dll|npcap|specified module could not be found/i

export interface ClassifyContext {
  platform?: string
  /** The executable needing the rights (default: this one, realpath'd). */
  program?: string
  /** The message came from loading `cap`, not from opening an interface. */
  loading?: boolean
  /** Runs as an installed app (default: runsInstalled()). */
  installed?: boolean
}

/** Turns libpcap's (or the module loader's) message into a CaptureProblem. */
export function classifyCaptureError(message: string, context: ClassifyContext = {}): CaptureProblem {
  const platform = context.platform ?? process.platform
  if (context.loading) {
    const code = platform === 'win32' && NPCAP_MISSING.test(message) ? 'no-npcap' : 'no-capture-module'
    return captureProblem(code, message, { platform, installed: context.installed ?? runsInstalled() })
  }
  if (PERMISSION.test(message)) {
    if (platform !== 'linux') return captureProblem('permission', message, { platform })
    const program = context.program ?? captureProgram()
    return captureProblem('permission', message, { platform, program, rightsScript: captureRightsScript(program) })
  }
  if (NO_DEVICE.test(message)) return captureProblem('no-device', message, { platform })
  if (BAD_FILTER.test(message)) return captureProblem('bad-filter', message, { platform })
  return captureProblem('failed', message, { platform })
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The capture-rights script of an installed TCP Lens (deb/rpm: next to the binary, in resources/),
 * when `program` is one. It must be used instead of a bare setcap there: with file capabilities
 * the loader ignores $ORIGIN, and Electron's binary finds libffmpeg.so through it.
 */
export function captureRightsScript(program: string, exists: (path: string) => boolean = existsSync): string | undefined {
  const script = join(dirname(program), 'resources', 'tcplens-capture-rights.sh')
  return exists(script) ? script : undefined
}

function installedAppPermissionFix(script: string): string[] {
  return [
    'Linux needs the CAP_NET_RAW and CAP_NET_ADMIN capabilities to capture. TCP Lens comes with a script',
    'that gives them to it (once; an upgrade undoes it):',
    `  sudo '${script}' grant`,
    'Trade-off: everyone who can run TCP Lens can then capture. To keep capturing to one group:',
    `  sudo '${script}' grant --group tcplens && sudo usermod -aG tcplens "$USER"`,
    `then log out and in again. \`sudo '${script}' revoke\` takes the rights back.`,
    'Do not run TCP Lens as root.',
  ]
}

function permissionFix(problem: CaptureProblem): string[] {
  if (problem.platform === 'darwin')
    return [
      'macOS lets only members of the access_bpf group read /dev/bpf*. Install Wireshark\'s "ChmodBPF" package',
      '(Install ChmodBPF.pkg in the Wireshark disk image), or do what it does:',
      '  sudo chgrp access_bpf /dev/bpf* && sudo chmod g+rw /dev/bpf*',
      '  sudo dseditgroup -o edit -a "$USER" -t user access_bpf',
      'then log out and in again. Do not run TCP Lens as root.',
    ]
  if (problem.platform === 'win32') return ['Windows refused access to the capture driver: reinstall Npcap from https://npcap.com and do not tick "Restrict Npcap driver\'s access to Administrators only".']
  const program = problem.program ?? captureProgram()
  const script = problem.rightsScript ?? captureRightsScript(program)
  if (script) return installedAppPermissionFix(script)
  return [
    'Linux needs the CAP_NET_RAW and CAP_NET_ADMIN capabilities to capture. Give them to the program',
    'that captures (once; updating the program undoes it):',
    `  sudo setcap cap_net_raw,cap_net_admin=eip ${program}`,
    'Trade-off: everyone who can run that program can then capture (for node: every Node.js program).',
    'To keep capturing to one group, as Wireshark does with dumpcap, let only that group run it:',
    '  sudo groupadd -f pcap && sudo usermod -aG pcap "$USER"',
    `  sudo chgrp pcap ${program} && sudo chmod 750 ${program}`,
    `  sudo setcap cap_net_raw,cap_net_admin=eip ${program}`,
    '(setcap again last: changing a file\'s group clears its capabilities),',
    'then log out and in again (Wireshark\'s own "wireshark" group lets only dumpcap capture, not TCP Lens).',
    'Do not run TCP Lens as root.',
  ]
}

/** An installed app carries its own cap module: only the system's libpcap can be missing. */
function installedModuleFix(platform: string): string {
  if (platform === 'darwin') return 'libpcap is part of macOS: install TCP Lens again.'
  return 'Install libpcap (Debian/Ubuntu: sudo apt-get install libpcap0.8; Fedora/RHEL: sudo dnf install libpcap), then restart TCP Lens.'
}

function moduleFix(problem: CaptureProblem): string[] {
  if (problem.platform === 'win32')
    return ['Install Npcap from https://npcap.com (tick "WinPcap API-compatible Mode"), and its SDK to rebuild cap: npm rebuild cap.', 'Opening capture files still works.']
  if (problem.installed) return [installedModuleFix(problem.platform), 'Opening capture files still works.']
  if (problem.platform === 'darwin') return ['Install the Xcode command line tools (xcode-select --install), then: npm rebuild cap.', 'Opening capture files still works.']
  return [
    'Install libpcap and a C++ toolchain, then rebuild the module:',
    '  Debian/Ubuntu: sudo apt-get install libpcap-dev build-essential',
    '  Fedora/RHEL:   sudo dnf install libpcap-devel gcc-c++ make',
    '  then, in the TCP Lens folder: npm rebuild cap',
    'Opening capture files still works.',
  ]
}

const FIXES: Record<CaptureProblemCode, (problem: CaptureProblem) => string[]> = {
  permission: permissionFix,
  'no-capture-module': moduleFix,
  'no-npcap': () => ['Install Npcap from https://npcap.com and tick "Install Npcap in WinPcap API-compatible Mode".', 'Opening capture files still works.'],
  'no-device': () => ['No interface has that name: list them with `tcplens capture -D`.'],
  'bad-filter': () => ['Capture filters use libpcap\'s language (pcap-filter(7)), e.g. "tcp port 80" or "host 10.0.0.5 and tcp".'],
  failed: () => [],
}

const HEADLINES: Record<CaptureProblemCode, string> = {
  permission: 'You may not capture packets on this machine',
  'no-capture-module': 'The capture module (cap) could not be loaded',
  'no-npcap': 'Npcap is not installed',
  'no-device': 'There is no such interface',
  'bad-filter': 'The capture filter is not valid',
  failed: 'Capturing failed',
}

/** The English explanation and the exact fix for this OS, for the CLI (the UI words its own). */
export function describeCaptureProblem(problem: CaptureProblem): string {
  return [`${HEADLINES[problem.code]}: ${problem.message}`, ...FIXES[problem.code](problem)].join('\n')
}
