// Nothing captured is lost without asking: before unsaved packets would go (closing the window,
// quitting, opening another file or closing the capture from the menu), the user chooses Save,
// Don't Save or Cancel. Pure over what it is given, so it is tested without Electron.
import type { ApiError } from '../preload/contract/result'

export interface UnsavedGuardParts {
  /** The open capture exists only in a temporary file. */
  isUnsaved(): boolean
  ask(): Promise<'save' | 'discard' | 'cancel'>
  /** Save As: ok with null when the user cancelled the save dialog. */
  save(): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }>
  showSaveError(error: ApiError): Promise<void>
}

/** Answers true when the packets may go: nothing unsaved, saved now, or the user chose not to save. */
export function unsavedGuard(parts: UnsavedGuardParts): () => Promise<boolean> {
  return async () => {
    if (!parts.isUnsaved()) return true
    const answer = await parts.ask()
    if (answer !== 'save') return answer === 'discard'
    const saved = await parts.save()
    if (!saved.ok) await parts.showSaveError(saved.error)
    return saved.ok && saved.value !== null
  }
}

/** The window part: a close with unsaved packets is held until the guard lets it go. */
export function guardWindowClose(
  window: { on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown; close(): void; isDestroyed(): boolean },
  mayDiscard: () => Promise<boolean>,
  isUnsaved: () => boolean,
): void {
  let allowed = false
  window.on('close', (event) => {
    if (allowed || !isUnsaved()) return
    event.preventDefault()
    void mayDiscard().then((go) => {
      if (!go || window.isDestroyed()) return
      allowed = true
      window.close()
    })
  })
}
