import { EventEmitter } from 'node:events'
import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { browserCommand, openBrowser, type Spawn } from '../../../../main/server/open-browser'
import { browserSettingsFolder } from '../../../../main/server/settings-folder'

const URL_ = 'http://127.0.0.1:8123/?token=abc_-'

/** A spawn that records its call and hands back a child the test drives. */
function fakeSpawn() {
  const calls: Array<{ command: string; args: string[]; detached?: boolean }> = []
  const child = Object.assign(new EventEmitter(), { unref: () => {} }) as unknown as ChildProcess
  const spawn: Spawn = (command, args, options) => {
    calls.push({ command, args, detached: options.detached })
    return child
  }
  return { calls, child, spawn }
}

describe('server/open-browser', () => {
  it('should use xdg-open on Linux, open on macOS and start on Windows', () => {
    expect(browserCommand(URL_, 'linux')).toEqual({ command: 'xdg-open', args: [URL_] })
    expect(browserCommand(URL_, 'freebsd')).toEqual({ command: 'xdg-open', args: [URL_] })
    expect(browserCommand(URL_, 'darwin')).toEqual({ command: 'open', args: [URL_] })
    expect(browserCommand(URL_, 'win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', URL_] })
  })

  it('should start the opener detached without waiting for it', () => {
    const { calls, spawn } = fakeSpawn()
    const warnings: string[] = []
    openBrowser(URL_, (w) => warnings.push(w), 'linux', spawn)
    expect(calls).toEqual([{ command: 'xdg-open', args: [URL_], detached: true }])
    expect(warnings).toEqual([])
  })

  it('should warn once when the opener is missing or fails', () => {
    const { child, spawn } = fakeSpawn()
    const warnings: string[] = []
    openBrowser(URL_, (w) => warnings.push(w), 'linux', spawn)
    child.emit('error', new Error('spawn xdg-open ENOENT'))
    child.emit('exit', 3)
    expect(warnings).toEqual(['xdg-open: spawn xdg-open ENOENT'])

    const second = fakeSpawn()
    const more: string[] = []
    openBrowser(URL_, (w) => more.push(w), 'darwin', second.spawn)
    second.child.emit('exit', 1)
    expect(more).toEqual(['open exited with status 1'])

    const fine = fakeSpawn()
    const none: string[] = []
    openBrowser(URL_, (w) => none.push(w), 'darwin', fine.spawn)
    fine.child.emit('exit', 0)
    expect(none).toEqual([])
  })

  it('should warn when spawning throws', () => {
    const warnings: string[] = []
    openBrowser(URL_, (w) => warnings.push(w), 'linux', () => {
      throw new Error('EAGAIN')
    })
    expect(warnings).toEqual(['xdg-open: EAGAIN'])
  })
})

describe('server/settings-folder', () => {
  it('should keep browser mode’s settings in $XDG_CONFIG_HOME/tcplens, else ~/.config/tcplens', () => {
    expect(browserSettingsFolder({ XDG_CONFIG_HOME: '/xdg' }, '/home/me')).toBe('/xdg/tcplens')
    expect(browserSettingsFolder({}, '/home/me')).toBe('/home/me/.config/tcplens')
    expect(browserSettingsFolder({ XDG_CONFIG_HOME: 'relative' }, '/home/me')).toBe('/home/me/.config/tcplens')
  })
})
