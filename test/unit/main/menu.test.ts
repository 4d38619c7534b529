import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { Lang } from '../../../preload/contract/dto'

const setApplicationMenu = vi.fn()
vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => setApplicationMenu(menu) },
}))

const { ACCELERATORS, installApplicationMenu, menuLanguage, menuTemplate } = await import('../../../main/menu')
const { DEFAULT_PREFERENCES } = await import('../../../main/settings/preferences')

const RECENT = [
  { path: '/home/s/a&b.pcap', name: 'a&b.pcap', openedAt: 2 },
  { path: '/home/s/lab.pcapng', name: 'lab.pcapng', openedAt: 1 },
]

function build(lang: Lang, overrides: Partial<Parameters<typeof menuTemplate>[1]> = {}) {
  const actions = { command: vi.fn(), openRecent: vi.fn(), openSample: vi.fn(), closeCapture: vi.fn(), setPreferences: vi.fn() }
  const template = menuTemplate(lang, { platform: 'linux', preferences: { ...DEFAULT_PREFERENCES }, recent: RECENT, hasCapture: true, ...overrides }, actions)
  return { template, actions }
}

/** Every item of a template, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

function item(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = items(template).find((each) => each.id === id)
  if (!found) throw new Error(`no menu item ${id}`)
  return found
}

const click = (entry: MenuItemConstructorOptions) => (entry.click as () => void)()

describe('main/menu', () => {
  it('should have File, Edit, View, Go, Capture, Statistics and Help menus in English', () => {
    expect(build('en').template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Go', '&Capture', '&Statistics', '&Help'])
  })

  it('should have the same menus in Chinese', () => {
    expect(build('zh-CN').template.map((menu) => menu.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '跳转(&G)', '捕获(&C)', '统计(&S)', '帮助(&H)'])
  })

  it('should give every item with an id the same structure and a translated label in both languages', () => {
    const en = items(build('en').template).filter((i) => i.id)
    const zh = items(build('zh-CN').template).filter((i) => i.id)
    expect(zh.map((i) => i.id)).toEqual(en.map((i) => i.id))
    const untranslated = en.filter((i, n) => i.label === zh[n].label && !/^(view\.language\.(en|zh-CN)|file\.recent\.\d)$/.test(i.id!))
    expect(untranslated.map((i) => i.id)).toEqual([])
    expect(item(build('zh-CN').template, 'go.to').label).toBe('转至分组…')
  })

  it('should put the accelerators on the right items', () => {
    const { template } = build('zh-CN')
    expect(item(template, 'file.open').accelerator).toBe('CmdOrCtrl+O')
    expect(item(template, 'file.close').accelerator).toBe('CmdOrCtrl+W')
    expect(item(template, 'file.quit').accelerator).toBe('CmdOrCtrl+Q')
    expect(item(template, 'go.to').accelerator).toBe('CmdOrCtrl+G')
    expect(item(template, 'go.next').accelerator).toBe(ACCELERATORS.next)
    expect(item(template, 'view.zoom-in')).toMatchObject({ role: 'zoomIn', accelerator: 'CmdOrCtrl+=' })
    expect(item(template, 'view.zoom-reset')).toMatchObject({ role: 'resetZoom', accelerator: 'CmdOrCtrl+0' })
    const accelerators = items(template).flatMap((i) => (i.accelerator ? [i.accelerator] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it("should give Ctrl+E to Start when nothing is captured and to Stop while capturing, as Wireshark does", () => {
    const idle = build('en').template
    expect(item(idle, 'capture.start')).toMatchObject({ accelerator: 'CmdOrCtrl+E', enabled: true })
    expect(item(idle, 'capture.stop')).toMatchObject({ enabled: false })
    expect(item(idle, 'capture.stop').accelerator).toBeUndefined()
    const live = build('en', { capturing: true, hasCapture: true }).template
    expect(item(live, 'capture.stop')).toMatchObject({ accelerator: 'CmdOrCtrl+E', enabled: true })
    expect(item(live, 'capture.start').accelerator).toBeUndefined()
    expect(item(live, 'capture.restart')).toMatchObject({ accelerator: 'CmdOrCtrl+R', enabled: true })
    expect(item(live, 'capture.options').accelerator).toBe('CmdOrCtrl+K')
    expect(item(live, 'file.save')).toMatchObject({ accelerator: 'CmdOrCtrl+S', enabled: true })
  })

  it('should send the renderer the commands it handles', () => {
    const { template, actions } = build('en')
    const expected: Record<string, string> = {
      'file.open': 'open-file',
      'go.next': 'go-next',
      'go.previous': 'go-previous',
      'go.first': 'go-first',
      'go.last': 'go-last',
      'go.to': 'go-to-packet',
      'statistics.conversations': 'show-conversations',
      'statistics.expert': 'show-expert',
      'statistics.follow': 'follow-stream',
      'help.shortcuts': 'show-shortcuts',
      'help.about': 'show-about',
      'view.packets': 'view-packets',
      'view.diagram': 'view-diagram',
      'view.flow': 'view-flow',
      'file.save': 'save',
      'file.save-as': 'save-as',
      'file.export-specified': 'export-specified',
      'capture.options': 'capture-options',
      'capture.start': 'capture-start',
      'capture.stop': 'capture-stop',
      'capture.restart': 'capture-restart',
      'capture.demo': 'demo-connection',
      'capture.connect': 'connect-to',
    }
    for (const [id, command] of Object.entries(expected)) {
      click(item(template, id))
      expect(actions.command).toHaveBeenLastCalledWith(command)
    }
  })

  it('should open recent files, the sample and close the capture in main', () => {
    const { template, actions } = build('en')
    expect(item(template, 'file.recent.0').label).toBe('a&&b.pcap')
    click(item(template, 'file.recent.1'))
    expect(actions.openRecent).toHaveBeenCalledWith('/home/s/lab.pcapng')
    click(item(template, 'file.sample'))
    expect(actions.openSample).toHaveBeenCalled()
    click(item(template, 'file.close'))
    expect(actions.closeCapture).toHaveBeenCalled()
    expect(actions.command).not.toHaveBeenCalled()
  })

  it('should say so when there are no recent files', () => {
    expect(item(build('zh-CN', { recent: [] }).template, 'file.recent.none')).toMatchObject({ label: '没有最近打开的文件', enabled: false })
  })

  it('should check the current theme, language, time format and font size, and change them', () => {
    const { template, actions } = build('en', { preferences: { language: 'zh-CN', theme: 'dark', timeFormat: 'delta', fontScale: 1.25 } })
    expect(item(template, 'view.theme.dark').checked).toBe(true)
    expect(item(template, 'view.theme.light').checked).toBe(false)
    expect(item(template, 'view.language.zh-CN')).toMatchObject({ type: 'radio', checked: true, label: '简体中文' })
    expect(item(template, 'view.language.en').label).toBe('English')
    expect(item(template, 'view.time.delta').checked).toBe(true)
    expect(item(template, 'view.large-font')).toMatchObject({ type: 'checkbox', checked: true })
    click(item(template, 'view.language.system'))
    expect(actions.setPreferences).toHaveBeenLastCalledWith({ language: 'system' })
    click(item(template, 'view.time.epoch'))
    expect(actions.setPreferences).toHaveBeenLastCalledWith({ timeFormat: 'epoch' })
    click(item(template, 'view.large-font'))
    expect(actions.setPreferences).toHaveBeenLastCalledWith({ fontScale: 1 })
    const normal = build('en')
    click(item(normal.template, 'view.large-font'))
    expect(normal.actions.setPreferences).toHaveBeenLastCalledWith({ fontScale: 1.25 })
  })

  it('should disable Close, Go and Statistics without a capture', () => {
    const { template } = build('en', { hasCapture: false })
    for (const id of ['file.close', 'go.next', 'go.to', 'statistics.conversations', 'statistics.expert']) expect(item(template, id).enabled, id).toBe(false)
    expect(item(template, 'file.open').enabled).not.toBe(false)
  })

  it('should follow macOS conventions: an app menu with About and Quit', () => {
    const { template } = build('zh-CN', { platform: 'darwin' })
    expect(template[0].label).toBe('TCP Lens')
    expect(item(template, 'app.quit')).toMatchObject({ role: 'quit', label: '退出 TCP Lens' })
    expect(item(template, 'app.about').label).toBe('关于 TCP Lens')
    expect(items(template).some((i) => i.id === 'file.quit' || i.id === 'help.about')).toBe(false)
  })

  it('should resolve the "system" language preference', () => {
    expect(menuLanguage('system', 'zh-CN')).toBe('zh-CN')
    expect(menuLanguage('en', 'zh-CN')).toBe('en')
  })

  it('should install the built menu as the application menu', () => {
    installApplicationMenu('en', { platform: 'linux', preferences: { ...DEFAULT_PREFERENCES }, recent: [], hasCapture: false }, build('en').actions)
    expect(setApplicationMenu).toHaveBeenCalledWith({ template: expect.arrayContaining([expect.objectContaining({ label: '&File' })]) })
  })
})
