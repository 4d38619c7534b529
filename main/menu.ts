// The application menu, in English and 简体中文, rebuilt by main/index.ts when the language, the
// recent files or the presence of a capture change. menuTemplate() is pure: what each item does
// is an action passed in (a `menu` event for what the renderer handles, main's own work for the
// rest), so the menu is tested without Electron.
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { Lang, LanguagePreference, MenuCommand, Preferences, RecentFile, ThemePreference, TimeFormat } from '../preload/contract/dto'
import { FONT_SCALE, LANGUAGE_PREFERENCES, THEME_PREFERENCES, TIME_FORMATS } from './settings/preferences'

export interface MenuState {
  platform: string
  preferences: Preferences
  recent: readonly RecentFile[]
  /** A capture is open (or loading): Close, Go and Statistics apply. */
  hasCapture: boolean
  /** A live capture is running: Stop applies, Start does not. */
  capturing?: boolean
}

export interface MenuActions {
  /** Asks the renderer (the `menu` event). */
  command(command: MenuCommand): void
  openRecent(path: string): void
  openSample(): void
  closeCapture(): void
  setPreferences(changes: Partial<Preferences>): void
}

type MenuLabels = typeof EN_LABELS

const EN_LABELS = {
  file: '&File',
  open: 'Open…',
  openRecent: 'Open Recent',
  noRecent: 'No Recent Files',
  openSample: 'Open Sample Capture',
  close: 'Close',
  save: 'Save',
  saveAs: 'Save As…',
  exportSpecified: 'Export Specified Packets…',
  quit: 'Quit',
  quitApp: 'Quit TCP Lens',
  edit: '&Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: '&View',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  resetZoom: 'Actual Size',
  fullScreen: 'Full Screen',
  theme: 'Theme',
  themes: { system: 'Follow System', light: 'Light', dark: 'Dark' } satisfies Record<ThemePreference, string>,
  language: 'Language',
  followSystem: 'Follow System',
  timeFormat: 'Time Display Format',
  timeFormats: {
    relative: 'Seconds Since First Packet',
    delta: 'Seconds Since Previous Packet',
    absolute: 'Time of Day',
    epoch: 'Seconds Since 1970-01-01 (Epoch)',
  } satisfies Record<TimeFormat, string>,
  largeFont: 'Large Font',
  viewPackets: 'Packet List',
  viewDiagram: 'Connection Diagram',
  viewFlow: 'Flow Graph',
  go: '&Go',
  next: 'Next Packet',
  previous: 'Previous Packet',
  first: 'First Packet',
  last: 'Last Packet',
  goTo: 'Go to Packet…',
  capture: '&Capture',
  captureOptions: 'Options…',
  captureStart: 'Start',
  captureStop: 'Stop',
  captureRestart: 'Restart',
  demoConnection: 'Demo Connection…',
  connectTo: 'Connect to Host:Port…',
  statistics: '&Statistics',
  conversations: 'Conversations',
  expert: 'Expert Information',
  follow: 'Follow TCP Stream',
  help: '&Help',
  shortcuts: 'Keyboard Shortcuts',
  about: 'About TCP Lens',
  services: 'Services',
  hide: 'Hide TCP Lens',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
}

/** Typed as the English labels: a label missing in Chinese fails the type check. */
const ZH_CN_LABELS: MenuLabels = {
  file: '文件(&F)',
  open: '打开…',
  openRecent: '最近打开',
  noRecent: '没有最近打开的文件',
  openSample: '打开示例抓包',
  close: '关闭',
  save: '保存',
  saveAs: '另存为…',
  exportSpecified: '导出特定分组…',
  quit: '退出',
  quitApp: '退出 TCP Lens',
  edit: '编辑(&E)',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图(&V)',
  zoomIn: '放大',
  zoomOut: '缩小',
  resetZoom: '实际大小',
  fullScreen: '全屏',
  theme: '主题',
  themes: { system: '跟随系统', light: '浅色', dark: '深色' },
  language: '语言',
  followSystem: '跟随系统',
  timeFormat: '时间显示格式',
  timeFormats: {
    relative: '自第一个分组以来的秒数',
    delta: '自上一个分组以来的秒数',
    absolute: '当日时间',
    epoch: '自 1970-01-01 以来的秒数（Epoch）',
  },
  largeFont: '大字体',
  viewPackets: '数据包列表',
  viewDiagram: '连接时序图',
  viewFlow: '流图',
  go: '跳转(&G)',
  next: '下一个分组',
  previous: '上一个分组',
  first: '第一个分组',
  last: '最后一个分组',
  goTo: '转至分组…',
  capture: '捕获(&C)',
  captureOptions: '选项…',
  captureStart: '开始',
  captureStop: '停止',
  captureRestart: '重新开始',
  demoConnection: '演示连接…',
  connectTo: '连接到主机:端口…',
  statistics: '统计(&S)',
  conversations: '会话',
  expert: '专家信息',
  follow: '追踪 TCP 流',
  help: '帮助(&H)',
  shortcuts: '键盘快捷键',
  about: '关于 TCP Lens',
  services: '服务',
  hide: '隐藏 TCP Lens',
  hideOthers: '隐藏其他',
  showAll: '全部显示',
}

const LABELS: Record<Lang, MenuLabels> = { en: EN_LABELS, 'zh-CN': ZH_CN_LABELS }

/** Each language is named in itself, whatever the menu's language. */
const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' }

export const ACCELERATORS = {
  open: 'CmdOrCtrl+O',
  close: 'CmdOrCtrl+W',
  save: 'CmdOrCtrl+S',
  saveAs: 'CmdOrCtrl+Shift+S',
  captureOptions: 'CmdOrCtrl+K',
  captureStartStop: 'CmdOrCtrl+E',
  captureRestart: 'CmdOrCtrl+R',
  quit: 'CmdOrCtrl+Q',
  zoomIn: 'CmdOrCtrl+=',
  zoomOut: 'CmdOrCtrl+-',
  resetZoom: 'CmdOrCtrl+0',
  next: 'CmdOrCtrl+Down',
  previous: 'CmdOrCtrl+Up',
  first: 'CmdOrCtrl+Home',
  last: 'CmdOrCtrl+End',
  goTo: 'CmdOrCtrl+G',
  follow: 'CmdOrCtrl+Alt+Shift+T',
  viewPackets: 'Alt+1',
  viewDiagram: 'Alt+2',
  viewFlow: 'Alt+3',
  shortcuts: 'F1',
} as const

/** The language the menu speaks for a language preference. */
export function menuLanguage(preference: LanguagePreference, systemLanguage: Lang): Lang {
  return preference === 'system' ? systemLanguage : preference
}

/** A file name shown as a label: "&" would otherwise mark a mnemonic on Windows and Linux. */
const literal = (text: string) => text.replace(/&/g, '&&')

export function menuTemplate(lang: Lang, state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = LABELS[lang]
  const mac = state.platform === 'darwin'
  const { preferences } = state
  const send = (command: MenuCommand) => () => actions.command(command)
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  const recentItems: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ id: 'file.recent.none', label: t.noRecent, enabled: false }]
      : state.recent.map((file, i) => ({ id: `file.recent.${i}`, label: literal(file.name), toolTip: file.path, click: () => actions.openRecent(file.path) }))

  const appMenu: MenuItemConstructorOptions = {
    id: 'app',
    label: 'TCP Lens',
    submenu: [
      { id: 'app.about', label: t.about, click: send('show-about') },
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.showAll },
      separator,
      { id: 'app.quit', role: 'quit', label: t.quitApp, accelerator: ACCELERATORS.quit },
    ],
  }

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: t.file,
    submenu: [
      { id: 'file.open', label: t.open, accelerator: ACCELERATORS.open, click: send('open-file') },
      { id: 'file.recent', label: t.openRecent, submenu: recentItems },
      { id: 'file.sample', label: t.openSample, click: () => actions.openSample() },
      separator,
      { id: 'file.close', label: t.close, accelerator: ACCELERATORS.close, enabled: state.hasCapture, click: () => actions.closeCapture() },
      separator,
      { id: 'file.save', label: t.save, accelerator: ACCELERATORS.save, enabled: state.hasCapture, click: send('save') },
      { id: 'file.save-as', label: t.saveAs, accelerator: ACCELERATORS.saveAs, enabled: state.hasCapture, click: send('save-as') },
      { id: 'file.export-specified', label: t.exportSpecified, enabled: state.hasCapture, click: send('export-specified') },
      ...(mac ? [] : [separator, { id: 'file.quit', role: 'quit', label: t.quit, accelerator: ACCELERATORS.quit } satisfies MenuItemConstructorOptions]),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  }

  const radios = <T extends string>(prefix: string, values: readonly T[], label: (value: T) => string, current: T, change: (value: T) => Partial<Preferences>): MenuItemConstructorOptions[] =>
    values.map((value) => ({ id: `${prefix}.${value}`, type: 'radio', label: label(value), checked: value === current, click: () => actions.setPreferences(change(value)) }))

  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: t.view,
    submenu: [
      { id: 'view.zoom-in', role: 'zoomIn', label: t.zoomIn, accelerator: ACCELERATORS.zoomIn },
      { id: 'view.zoom-out', role: 'zoomOut', label: t.zoomOut, accelerator: ACCELERATORS.zoomOut },
      { id: 'view.zoom-reset', role: 'resetZoom', label: t.resetZoom, accelerator: ACCELERATORS.resetZoom },
      { role: 'togglefullscreen', label: t.fullScreen },
      separator,
      { id: 'view.packets', label: t.viewPackets, accelerator: ACCELERATORS.viewPackets, enabled: state.hasCapture, click: send('view-packets') },
      { id: 'view.diagram', label: t.viewDiagram, accelerator: ACCELERATORS.viewDiagram, enabled: state.hasCapture, click: send('view-diagram') },
      { id: 'view.flow', label: t.viewFlow, accelerator: ACCELERATORS.viewFlow, enabled: state.hasCapture, click: send('view-flow') },
      separator,
      { id: 'view.theme', label: t.theme, submenu: radios('view.theme', THEME_PREFERENCES, (v) => t.themes[v], preferences.theme, (theme) => ({ theme })) },
      {
        id: 'view.language',
        label: t.language,
        submenu: radios('view.language', LANGUAGE_PREFERENCES, (v) => (v === 'system' ? t.followSystem : LANGUAGE_NAMES[v]), preferences.language, (language) => ({ language })),
      },
      { id: 'view.time', label: t.timeFormat, submenu: radios('view.time', TIME_FORMATS, (v) => t.timeFormats[v], preferences.timeFormat, (timeFormat) => ({ timeFormat })) },
      {
        id: 'view.large-font',
        type: 'checkbox',
        label: t.largeFont,
        checked: preferences.fontScale >= FONT_SCALE.large,
        click: () => actions.setPreferences({ fontScale: preferences.fontScale >= FONT_SCALE.large ? 1 : FONT_SCALE.large }),
      },
    ],
  }

  const needsCapture = { enabled: state.hasCapture }
  const go: MenuItemConstructorOptions = {
    id: 'go',
    label: t.go,
    submenu: [
      { id: 'go.next', label: t.next, accelerator: ACCELERATORS.next, ...needsCapture, click: send('go-next') },
      { id: 'go.previous', label: t.previous, accelerator: ACCELERATORS.previous, ...needsCapture, click: send('go-previous') },
      { id: 'go.first', label: t.first, accelerator: ACCELERATORS.first, ...needsCapture, click: send('go-first') },
      { id: 'go.last', label: t.last, accelerator: ACCELERATORS.last, ...needsCapture, click: send('go-last') },
      separator,
      { id: 'go.to', label: t.goTo, accelerator: ACCELERATORS.goTo, ...needsCapture, click: send('go-to-packet') },
    ],
  }

  // Wireshark's keys: Ctrl+K options, Ctrl+E starts or stops (whichever applies), Ctrl+R restarts.
  const capturing = state.capturing === true
  const capture: MenuItemConstructorOptions = {
    id: 'capture',
    label: t.capture,
    submenu: [
      { id: 'capture.options', label: t.captureOptions, accelerator: ACCELERATORS.captureOptions, click: send('capture-options') },
      { id: 'capture.start', label: t.captureStart, ...(capturing ? {} : { accelerator: ACCELERATORS.captureStartStop }), enabled: !capturing, click: send('capture-start') },
      { id: 'capture.stop', label: t.captureStop, ...(capturing ? { accelerator: ACCELERATORS.captureStartStop } : {}), enabled: capturing, click: send('capture-stop') },
      { id: 'capture.restart', label: t.captureRestart, accelerator: ACCELERATORS.captureRestart, enabled: capturing, click: send('capture-restart') },
      separator,
      { id: 'capture.demo', label: t.demoConnection, click: send('demo-connection') },
      { id: 'capture.connect', label: t.connectTo, click: send('connect-to') },
    ],
  }

  const statistics: MenuItemConstructorOptions = {
    id: 'statistics',
    label: t.statistics,
    submenu: [
      { id: 'statistics.conversations', label: t.conversations, ...needsCapture, click: send('show-conversations') },
      { id: 'statistics.expert', label: t.expert, ...needsCapture, click: send('show-expert') },
      { id: 'statistics.follow', label: t.follow, accelerator: ACCELERATORS.follow, ...needsCapture, click: send('follow-stream') },
    ],
  }

  const help: MenuItemConstructorOptions = {
    id: 'help',
    role: 'help',
    label: t.help,
    submenu: [
      { id: 'help.shortcuts', label: t.shortcuts, accelerator: ACCELERATORS.shortcuts, click: send('show-shortcuts') },
      ...(mac ? [] : [separator, { id: 'help.about', label: t.about, click: send('show-about') } satisfies MenuItemConstructorOptions]),
    ],
  }

  return [...(mac ? [appMenu] : []), file, edit, view, go, capture, statistics, help]
}

/** Builds the menu and makes it the application's. */
export function installApplicationMenu(lang: Lang, state: MenuState, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(lang, state, actions)))
}
