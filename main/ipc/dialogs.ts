// The native dialogs the Electron shell shows for the contract: the Open dialog (the only way
// besides a drop, the command line and the recent list that a path becomes openable) and the
// message shown when a file main opened by itself (command line, recent menu) cannot be read.
import { dialog, type BaseWindow } from 'electron'
import type { Lang } from '../../preload/contract/dto'
import type { ApiError } from '../../preload/contract/result'
import { CAPTURE_EXTENSIONS } from '../api/capture-names'

const TEXT = {
  en: {
    open: 'Open Capture File',
    captures: 'Capture files',
    all: 'All files',
    failed: 'The file could not be opened',
    save: 'Save Capture As',
    pcapng: 'pcapng (Wireshark’s format, keeps interfaces and comments)',
    pcap: 'pcap (libpcap, for older tools)',
    unsaved: 'Do you want to save the packets you captured?',
    unsavedDetail: 'They are only in a temporary file, which is removed when the capture is closed.',
    saveButton: 'Save…',
    discardButton: 'Don’t Save',
    cancelButton: 'Cancel',
    saveFailed: 'The capture could not be saved',
  },
  'zh-CN': {
    open: '打开抓包文件',
    captures: '抓包文件',
    all: '所有文件',
    failed: '无法打开该文件',
    save: '抓包另存为',
    pcapng: 'pcapng（Wireshark 的格式，保留接口和注释）',
    pcap: 'pcap（libpcap 格式，供较老的工具使用）',
    unsaved: '要保存刚才捕获的分组吗？',
    unsavedDetail: '它们只在一个临时文件里，关闭这次捕获时临时文件会被删除。',
    saveButton: '保存…',
    discardButton: '不保存',
    cancelButton: '取消',
    saveFailed: '无法保存抓包',
  },
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

/** Where to save a capture (the extension chooses the format), or null when the user cancelled. */
export async function chooseSavePath(window: BaseWindow, lang: Lang, suggestedName: string): Promise<string | null> {
  const t = TEXT[lang]
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    title: t.save,
    defaultPath: suggestedName,
    filters: [
      { name: t.pcapng, extensions: ['pcapng'] },
      { name: t.pcap, extensions: ['pcap'] },
    ],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  })
  return canceled || !filePath ? null : filePath
}

/** Asked before unsaved packets would be lost (closing the window, opening another file from the menu). */
export async function askToSaveCapture(window: BaseWindow, lang: Lang): Promise<'save' | 'discard' | 'cancel'> {
  const t = TEXT[lang]
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    title: 'TCP Lens',
    message: t.unsaved,
    detail: t.unsavedDetail,
    buttons: [t.saveButton, t.discardButton, t.cancelButton],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  })
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel'
}

/** Tells the user why a save asked from main failed. */
export async function showSaveError(window: BaseWindow, lang: Lang, error: ApiError): Promise<void> {
  await dialog.showMessageBox(window, { type: 'error', title: 'TCP Lens', message: TEXT[lang].saveFailed, detail: error.message })
}
