// Why a capture cannot run, and the exact fix for the platform it runs on: one place for the words
// (through a translator, so the UI says them in its language and, with the English messages, a
// command line can print the same) and the commands to type (never translated). Pure: no Vue.
import type { CaptureProblem } from '../../../preload/contract/api'

/** Looks up a message of locales/capture.ts under `live.` (vue-i18n's `t`, or any stand-in). */
export type Translate = (key: string, params?: Record<string, string>) => string

export const NPCAP_URL = 'https://npcap.com'

/** Where the setcap line points when the back end did not name the program. */
export const PROGRAM_PLACEHOLDER = '/path/to/tcplens'

/** A part of the help: words, a command to copy, or words with the Npcap link in them. */
export type HelpPart = { kind: 'text'; text: string } | { kind: 'command'; command: string } | { kind: 'link'; text: string; href: string }

export interface ProblemHelp {
  title: string
  parts: HelpPart[]
  /** libpcap's or the OS's own words, shown as they are (in English). */
  message: string
}

function text(words: string): HelpPart {
  return { kind: 'text', text: words }
}

function command(line: string): HelpPart {
  return { kind: 'command', command: line }
}

/** The setcap line that gives one program the capture rights (Linux). */
export function setcapCommand(program = PROGRAM_PLACEHOLDER): string {
  return `sudo setcap cap_net_raw,cap_net_admin=eip ${quoteIfNeeded(program)}`
}

/**
 * Wireshark's way: only the members of a `pcap` group may run the program with those rights.
 * setcap comes last: changing a file's group clears its capabilities.
 */
export function groupCommands(program = PROGRAM_PLACEHOLDER): string {
  const target = quoteIfNeeded(program)
  return [
    'sudo groupadd --system pcap',
    'sudo usermod -a -G pcap "$USER"',
    `sudo chgrp pcap ${target}`,
    `sudo chmod 750 ${target}`,
    `sudo setcap cap_net_raw,cap_net_admin=eip ${target}`,
  ].join('\n')
}

function quoteIfNeeded(path: string): string {
  return /^[\w./+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`
}

function npcapLink(t: Translate, key: string): HelpPart {
  // The link's words come with a {link} slot; the UI puts the address there and makes it a link.
  return { kind: 'link', text: t(key, { link: NPCAP_URL }), href: NPCAP_URL }
}

function permissionParts(problem: CaptureProblem, t: Translate): HelpPart[] {
  if (problem.platform === 'win32') return [npcapLink(t, 'live.problem.npcap'), text(t('live.problem.npcapAdmin'))]
  if (problem.platform === 'darwin') {
    return [
      text(t('live.problem.darwinPermission')),
      command('sudo dseditgroup -o edit -a "$USER" -t user access_bpf'),
      text(t('live.problem.darwinTemporary')),
      command('sudo chgrp access_bpf /dev/bpf* && sudo chmod g+rw /dev/bpf*'),
      text(t('live.problem.notRoot')),
    ]
  }
  if (problem.rightsScript) return installedLinuxParts(problem.rightsScript, t)
  return [
    text(t('live.problem.linuxPermission')),
    command(setcapCommand(problem.program)),
    text(t('live.problem.linuxTradeoff')),
    text(t('live.problem.linuxGroup')),
    command(groupCommands(problem.program)),
    text(t('live.problem.notRoot')),
  ]
}

/** The installed app (deb/rpm) grants the rights with its own script, never with a bare setcap. */
function installedLinuxParts(script: string, t: Translate): HelpPart[] {
  const run = (args: string) => `sudo ${quoteIfNeeded(script)} ${args}`
  return [
    text(t('live.problem.linuxScript')),
    command(run('grant')),
    text(t('live.problem.linuxScriptTradeoff')),
    command(`${run('grant --group tcplens')}\nsudo usermod -a -G tcplens "$USER"`),
    text(t('live.problem.linuxScriptRevoke')),
    command(run('revoke')),
    text(t('live.problem.notRoot')),
  ]
}

function moduleParts(problem: CaptureProblem, t: Translate): HelpPart[] {
  const parts: HelpPart[] =
    problem.platform === 'win32'
      ? [npcapLink(t, 'live.problem.moduleWindows')]
      : problem.installed
        ? problem.platform === 'darwin'
          ? [text(t('live.problem.moduleInstalledDarwin'))]
          : [text(t('live.problem.moduleInstalledLinux')), command('sudo apt-get install libpcap0.8   # Debian, Ubuntu\nsudo dnf install libpcap        # Fedora, RHEL')]
      : problem.platform === 'darwin'
        ? [text(t('live.problem.moduleDarwin')), command('xcode-select --install\nnpm rebuild cap')]
        : [text(t('live.problem.moduleLinux')), command('sudo apt-get install libpcap-dev build-essential\nnpm rebuild cap')]
  return [...parts, text(t('live.problem.filesStillWork'))]
}

function partsFor(problem: CaptureProblem, t: Translate): HelpPart[] {
  switch (problem.code) {
    case 'permission':
      return permissionParts(problem, t)
    case 'no-npcap':
      return [npcapLink(t, 'live.problem.npcap'), text(t('live.problem.filesStillWork'))]
    case 'no-capture-module':
      return moduleParts(problem, t)
    case 'no-device':
      return [text(t('live.problem.noDevice'))]
    case 'bad-filter':
      return [text(t('live.problem.badFilter'))]
    case 'failed':
      return [text(t('live.problem.failed'))]
  }
}

/** What to tell the user about a capture problem, and what to type to fix it. */
export function problemHelp(problem: CaptureProblem, t: Translate): ProblemHelp {
  return { title: t(`live.problem.title.${problem.code}`), parts: partsFor(problem, t), message: problem.message }
}
