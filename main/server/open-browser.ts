// Opening the default browser on a URL: xdg-open (Linux, BSD), open (macOS), start (Windows).
// Best effort: a machine without a browser (a server, a container) only gets a warning.
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { messageOf } from '../api/errors'

export type Spawn = (command: string, args: string[], options: SpawnOptions) => ChildProcess

/** The command that opens `url` on `platform`. */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url] }
    case 'win32':
      // `start` is built into cmd; its first quoted argument is the window title.
      return { command: 'cmd', args: ['/c', 'start', '""', url] }
    default:
      return { command: 'xdg-open', args: [url] }
  }
}

/**
 * Starts the browser without waiting for it; `warn` hears (once) why, when the opener cannot be
 * started or exits with an error ("xdg-open: spawn xdg-open ENOENT").
 */
export function openBrowser(url: string, warn: (message: string) => void, platform: NodeJS.Platform = process.platform, spawn: Spawn = nodeSpawn): void {
  const { command, args } = browserCommand(url, platform)
  let warned = false
  const once = (message: string) => {
    if (!warned) warn(message)
    warned = true
  }
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: platform !== 'win32', windowsVerbatimArguments: platform === 'win32' })
    child.once('error', (error) => once(`${command}: ${error.message}`))
    child.once('exit', (code) => {
      if (code) once(`${command} exited with status ${code}`)
    })
    child.unref()
  } catch (error) {
    once(`${command}: ${messageOf(error)}`)
  }
}
