// What appInfo answers: the app's name and version, and where it runs.
import { version } from '../../package.json'
import type { AppInfo, Lang, Transport } from '../../preload/contract/dto'
import { systemLanguage } from '../teach/lang'

export const APP_NAME = 'TCP Lens'
const APP_VERSION: string = version

export interface AppInfoOptions {
  transport: Transport
  /** Default process.platform (the machine that reads the files). */
  platform?: string
  /** Default: main/teach's systemLanguage() from the environment and Node's locale. */
  systemLanguage?: Lang
}

export function appInfo(options: AppInfoOptions): AppInfo {
  return {
    name: APP_NAME,
    version: APP_VERSION,
    transport: options.transport,
    platform: options.platform ?? process.platform,
    systemLanguage: options.systemLanguage ?? systemLanguage(),
    files: options.transport === 'electron' ? 'native' : 'server',
  }
}
