// The capture file a launch names on its command line (`tcp-lens lab.pcapng`, a file manager's
// "Open with", a second launch while the app runs). Electron's argv starts with the executable,
// then, when not packaged, the app's folder; Chromium adds its own --switches (a second
// instance's argv has several); the first remaining argument is the file.
import { isAbsolute, resolve } from 'node:path'

export interface LaunchContext {
  /** app.isPackaged: the packaged app has no app folder argument. */
  packaged: boolean
  /** The folder the launch ran in (relative paths are relative to it). */
  cwd: string
}

export function fileFromArgv(argv: readonly string[], { packaged, cwd }: LaunchContext): string | undefined {
  const operands = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'))
  const file = operands[packaged ? 0 : 1]
  if (file === undefined) return undefined
  return isAbsolute(file) ? file : resolve(cwd, file)
}
