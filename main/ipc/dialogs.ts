// The native dialogs the Electron shell shows for the contract: the Open dialog (the only way
// besides a drop, the command line and the recent list that a path becomes openable) and the
// message shown when a file main opened by itself (command line, recent menu) cannot be read.
import { dialog, type BaseWindow } from 'electron'
import type { Lang } from '../../preload/contract/dto'
import type { ApiError } from '../../preload/contract/result'
import { CAPTURE_EXTENSIONS } from '../api/capture-names'

const TEXT = {
  en: { open: 'Open Capture File', captures: 'Capture files', all: 'All files', failed: 'The file could not be opened' },
  'zh-CN': { open: '打开抓包文件', captures: '抓包文件', all: '所有文件', failed: '无法打开该文件' },
} satisfies Record<Lang, Record<string, string>>


/** The chosen file's path, or null when the user cancelled. */
export async function chooseCaptureFile(window: BaseWindow, lang: Lang): Promise<string | null> {
  const t = TEXT[lang]
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: t.open,
    properties: ['openFile'],
    filters: [
      { name: t.captures, extensions: [...CAPTURE_EXTENSIONS] },
      { name: t.all, extensions: ['*'] },
    ],
  })
  return canceled || filePaths.length === 0 ? null : filePaths[0]
}

/** Tells the user why a file main opened could not be opened (the error's words are English). */
export async function showOpenError(window: BaseWindow, lang: Lang, error: ApiError): Promise<void> {
  await dialog.showMessageBox(window, { type: 'error', title: 'TCP Lens', message: TEXT[lang].failed, detail: error.message })
}
