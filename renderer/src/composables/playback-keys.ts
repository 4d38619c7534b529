// The playback keys of the teaching views: Space plays or pauses, ← and → step. They act when the
// key press happens inside the view (or nowhere in particular), never while typing in a field or
// when a control that uses the key itself has the focus (a button's Space, a slider's arrows).
import { usePlaybackStore } from '../stores/playback'

const OWN_KEYS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

/** True when the focused element would use the key itself (or sits in a part that keeps its keys: data-own-keys). */
function usesKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (OWN_KEYS.has(target.tagName) || target.isContentEditable || target.closest('[data-own-keys]')) return true
  return key === ' ' && (target.tagName === 'BUTTON' || target.getAttribute('role') === 'button')
}

/** The playback command for a key press (null: not a playback key here). */
export function playbackKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>): 'toggle' | 'next' | 'previous' | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return null
  if (usesKey(event.target, event.key)) return null
  if (event.key === ' ') return 'toggle'
  if (event.key === 'ArrowRight') return 'next'
  if (event.key === 'ArrowLeft') return 'previous'
  return null
}

/** A keydown handler for a teaching view's root element. */
export function usePlaybackKeys(): (event: KeyboardEvent) => void {
  const playback = usePlaybackStore()
  return (event) => {
    const command = playbackKey(event)
    if (!command) return
    event.preventDefault()
    playback[command]()
  }
}
