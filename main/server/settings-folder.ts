// Where browser mode keeps its settings (preferences, recent files): $XDG_CONFIG_HOME/tcplens,
// else ~/.config/tcplens.
import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'

export function browserSettingsFolder(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env['XDG_CONFIG_HOME']
  // The XDG spec: a relative path is invalid and must be ignored.
  return xdg && isAbsolute(xdg) ? join(xdg, 'tcplens') : join(home, '.config', 'tcplens')
}
