// The installed app is also the `tcplens` command: the Linux packages link it onto the PATH as
// /usr/bin/tcplens, so `tcplens conv lab.pcapng` must print the connections, not open a window.
// A launch whose first argument names a command runs the command line; any other launch (a file,
// nothing, Chromium's switches) opens the window.
import { isCommandName } from './help'

const HELP_WORDS = ['help', '--help', '-h']

export interface AppLaunch {
  /** app.isPackaged: the packaged app has no app-folder argument after the executable. */
  packaged: boolean
}

/** The command line's arguments when the launch names a command, else undefined. */
export function cliArgsFromAppArgv(argv: readonly string[], { packaged }: AppLaunch): string[] | undefined {
  const args = argv.slice(packaged ? 1 : 2)
  const first = args[0]
  return first !== undefined && (isCommandName(first) || HELP_WORDS.includes(first)) ? args : undefined
}
