// The page's keyboard shortcuts: the same commands as the Electron menu, so browser mode works
// without one. One table feeds both the key handler and the shortcuts dialog.
import type { MenuCommand } from '../../../preload/contract/api'

export interface KeyStroke {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** A key with its modifiers. */
export interface KeyChord {
  key: string
  /** Ctrl, or ⌘ on macOS. */
  ctrl: boolean
  shift?: boolean
  alt?: boolean
}

export interface Shortcut extends KeyChord {
  command: MenuCommand
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'open-file', key: 'o', ctrl: true },
  { command: 'save', key: 's', ctrl: true },
  { command: 'save-as', key: 's', ctrl: true, shift: true },
  // Capture, as in Wireshark: options Ctrl+K, stop Ctrl+E, restart Ctrl+R.
  { command: 'capture-options', key: 'k', ctrl: true },
  { command: 'capture-stop', key: 'e', ctrl: true },
  { command: 'capture-restart', key: 'r', ctrl: true },
  { command: 'go-to-packet', key: 'g', ctrl: true },
  { command: 'go-next', key: 'ArrowRight', ctrl: true },
  { command: 'go-previous', key: 'ArrowLeft', ctrl: true },
  { command: 'go-next', key: 'ArrowDown', ctrl: true },
  { command: 'go-previous', key: 'ArrowUp', ctrl: true },
  { command: 'go-first', key: 'Home', ctrl: true },
  { command: 'go-last', key: 'End', ctrl: true },
  { command: 'show-conversations', key: 'c', ctrl: true, shift: true },
  { command: 'show-expert', key: 'e', ctrl: true, shift: true },
  { command: 'follow-stream', key: 't', ctrl: true, shift: true, alt: true },
  { command: 'show-shortcuts', key: 'F1', ctrl: false },
  { command: 'view-packets', key: '1', ctrl: false, alt: true },
  { command: 'view-diagram', key: '2', ctrl: false, alt: true },
  { command: 'view-flow', key: '3', ctrl: false, alt: true },
]

/** Ctrl+/ (⌘/ on macOS) puts the focus in the display-filter bar, as in Wireshark. */
export const FOCUS_FILTER: KeyChord = { key: '/', ctrl: true }

/** Keys of the display-filter bar while it has the focus (for the shortcuts dialog). */
export const FILTER_KEYS = [
  { keys: 'Enter', action: 'filterApply' },
  { keys: 'Tab', action: 'filterAccept' },
  { keys: '↓', action: 'filterHistory' },
  { keys: 'Esc', action: 'filterClose' },
] as const

/** Keys the packet list and the tree handle when they have the focus (for the shortcuts dialog). */
export const FOCUS_KEYS = [
  { keys: '↑', action: 'selectUp' },
  { keys: '↓', action: 'selectDown' },
  { keys: 'PgUp', action: 'pageUp' },
  { keys: 'PgDn', action: 'pageDown' },
  { keys: 'Home', action: 'home' },
  { keys: 'End', action: 'end' },
  { keys: '←', action: 'treeCollapse' },
  { keys: '→', action: 'treeExpand' },
  { keys: 'Esc', action: 'escape' },
] as const

const KEY_NAMES: Record<string, string> = { ArrowRight: '→', ArrowLeft: '←', ArrowUp: '↑', ArrowDown: '↓' }

/** "Ctrl+Shift+C", "⌘G" on macOS. */
export function shortcutLabel(shortcut: KeyChord, mac = false): string {
  const key = KEY_NAMES[shortcut.key] ?? (shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key)
  const parts: string[] = []
  if (shortcut.ctrl) parts.push(mac ? '⌘' : 'Ctrl')
  if (shortcut.alt) parts.push(mac ? '⌥' : 'Alt')
  if (shortcut.shift) parts.push(mac ? '⇧' : 'Shift')
  parts.push(key)
  return parts.join(mac ? '' : '+')
}

/** The label of a command's first shortcut, for a tooltip ("" when it has none). */
export function shortcutFor(command: MenuCommand, mac = false): string {
  const shortcut = SHORTCUTS.find((each) => each.command === command)
  return shortcut ? shortcutLabel(shortcut, mac) : ''
}

/** True when the key stroke is this chord (Ctrl or ⌘ alike). */
export function isChord(stroke: KeyStroke, chord: KeyChord): boolean {
  const ctrl = stroke.ctrlKey || stroke.metaKey
  if (chord.key.toLowerCase() !== stroke.key.toLowerCase()) return false
  return chord.ctrl === ctrl && !!chord.shift === stroke.shiftKey && !!chord.alt === stroke.altKey
}

/** The command a key stroke stands for, or null. */
export function commandForKey(stroke: KeyStroke): MenuCommand | null {
  return SHORTCUTS.find((shortcut) => isChord(stroke, shortcut))?.command ?? null
}

/** Ctrl+/ (⌘/): with or without Shift, which some keyboard layouts need to type "/". */
export function isFocusFilterKey(stroke: KeyStroke): boolean {
  // Field by field: a KeyboardEvent's keys are getters on its prototype, which a spread would not copy.
  const { key, ctrlKey, metaKey, altKey } = stroke
  return isChord({ key, ctrlKey, metaKey, altKey, shiftKey: false }, FOCUS_FILTER)
}
