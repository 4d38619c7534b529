import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { useCommands } from '../../../../renderer/src/composables/commands'
import { commandForKey, SHORTCUTS } from '../../../../renderer/src/composables/shortcuts'
import { shouldWarnBeforeUnload } from '../../../../renderer/src/composables/unsaved-unload'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useLiveStore } from '../../../../renderer/src/stores/live'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { flushPromises, mountWith, setUp } from '../harness'
import en from '../../../../renderer/src/locales/en'
import zhCN from '../../../../renderer/src/locales/zh-CN'

enableAutoUnmount(afterEach)

function stroke(key: string, modifiers: { ctrl?: boolean; shift?: boolean } = {}) {
  return { key, ctrlKey: !!modifiers.ctrl, metaKey: false, shiftKey: !!modifiers.shift, altKey: false }
}

/** The commands, from inside a component (useCommands needs a setup). */
async function commandsOf(options: Parameters<typeof setUp>[0] = {}) {
  const harness = setUp(options)
  await useCaptureStore().start()
  let commands!: ReturnType<typeof useCommands>
  mountWith(
    defineComponent({
      setup() {
        commands = useCommands()
        return () => null
      },
    }),
    harness,
  )
  return { harness, commands }
}

describe('capture commands', () => {
  it("should have Wireshark's keys: Ctrl+K options, Ctrl+E stop, Ctrl+R restart, Ctrl+S save, Ctrl+Shift+S save as", () => {
    expect(commandForKey(stroke('k', { ctrl: true }))).toBe('capture-options')
    expect(commandForKey(stroke('e', { ctrl: true }))).toBe('capture-stop')
    expect(commandForKey(stroke('r', { ctrl: true }))).toBe('capture-restart')
    expect(commandForKey(stroke('s', { ctrl: true }))).toBe('save')
    expect(commandForKey(stroke('S', { ctrl: true, shift: true }))).toBe('save-as')
    expect(commandForKey(stroke('E', { ctrl: true, shift: true }))).toBe('show-expert')
  })

  it('should name every shortcut in the shortcuts dialog, in both languages', () => {
    for (const shortcut of SHORTCUTS) {
      expect(en.commands[shortcut.command as keyof typeof en.commands]).toBeTruthy()
      expect(zhCN.commands[shortcut.command as keyof typeof zhCN.commands]).toBeTruthy()
    }
  })

  it('should open the capture, demo and connect dialogs with no capture open', async () => {
    const { commands } = await commandsOf({ initial: 'empty' })
    const ui = useUiStore()
    for (const [command, dialog] of [
      ['capture-options', 'capture'],
      ['demo-connection', 'demo'],
      ['connect-to', 'connect'],
    ] as const) {
      await commands.run(command)
      expect(ui.dialog).toBe(dialog)
      ui.closeDialog()
    }
  })

  it("should open the dialog for 'capture-start' until a capture has options to repeat", async () => {
    const { harness, commands } = await commandsOf()
    await commands.run('capture-start')
    expect(useUiStore().dialog).toBe('capture')
    useUiStore().closeDialog()
    const live = useLiveStore()
    await live.refresh()
    await live.start()
    await commands.run('capture-stop')
    expect(harness.api.callsOf('stopCapture')).toHaveLength(1)
    harness.api.emit('capture', { ...harness.api.captureStatus, unsaved: false })
    await commands.run('capture-start')
    await flushPromises()
    expect(harness.api.callsOf('startCapture')).toHaveLength(2)
  })

  it('should save, save as and export the displayed packets', async () => {
    const { harness, commands } = await commandsOf()
    harness.api.emit('capture', { ...harness.api.captureStatus, unsaved: true })
    await commands.run('save')
    await commands.run('export-specified')
    await commands.run('save-as')
    expect(harness.api.callsOf('saveCapture')).toEqual([[{ kind: 'dialog', displayed: false }], [{ kind: 'dialog', displayed: true }], [{ kind: 'dialog', displayed: false }]])
  })

  it('should warn before leaving the page only in browser mode with unsaved packets', () => {
    expect(shouldWarnBeforeUnload(true, true)).toBe(true)
    expect(shouldWarnBeforeUnload(true, false)).toBe(false)
    expect(shouldWarnBeforeUnload(true, undefined)).toBe(false)
    expect(shouldWarnBeforeUnload(false, true)).toBe(false)
  })
})
