import { describe, expect, it } from 'vitest'
import { commandForKey, FOCUS_FILTER, isFocusFilterKey, SHORTCUTS, shortcutLabel } from '../../../../renderer/src/composables/shortcuts'

const stroke = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
})

describe('composables/shortcuts', () => {
  it('should map the page shortcuts to the menu commands', () => {
    expect(commandForKey(stroke('o', { ctrlKey: true }))).toBe('open-file')
    expect(commandForKey(stroke('G', { ctrlKey: true }))).toBe('go-to-packet')
    expect(commandForKey(stroke('ArrowRight', { ctrlKey: true }))).toBe('go-next')
    expect(commandForKey(stroke('ArrowLeft', { metaKey: true }))).toBe('go-previous')
    expect(commandForKey(stroke('C', { ctrlKey: true, shiftKey: true }))).toBe('show-conversations')
    expect(commandForKey(stroke('F1'))).toBe('show-shortcuts')
    expect(commandForKey(stroke('1', { altKey: true }))).toBe('view-packets')
    expect(commandForKey(stroke('2', { altKey: true }))).toBe('view-diagram')
    expect(commandForKey(stroke('3', { altKey: true }))).toBe('view-flow')
    expect(commandForKey(stroke('2'))).toBeNull()
  })

  it('should leave plain keys to the focused list and tree', () => {
    expect(commandForKey(stroke('ArrowRight'))).toBeNull()
    expect(commandForKey(stroke('o'))).toBeNull()
    expect(commandForKey(stroke('c', { ctrlKey: true }))).toBeNull()
  })

  it('should go to the filter bar on Ctrl+/ or ⌘/, with or without Shift', () => {
    expect(isFocusFilterKey(stroke('/', { ctrlKey: true }))).toBe(true)
    expect(isFocusFilterKey(stroke('/', { metaKey: true, shiftKey: true }))).toBe(true)
    expect(isFocusFilterKey(stroke('/'))).toBe(false)
    expect(isFocusFilterKey(stroke('/', { ctrlKey: true, altKey: true }))).toBe(false)
    expect(shortcutLabel(FOCUS_FILTER)).toBe('Ctrl+/')
    expect(shortcutLabel(FOCUS_FILTER, true)).toBe('⌘/')
  })

  it('should label shortcuts for the platform', () => {
    const follow = SHORTCUTS.find((shortcut) => shortcut.command === 'follow-stream')!
    expect(shortcutLabel(follow)).toBe('Ctrl+Alt+Shift+T')
    expect(shortcutLabel(SHORTCUTS[0], true)).toBe('⌘O')
  })
})
