import { describe, expect, it, vi } from 'vitest'
import { guardWindowClose, unsavedGuard, type UnsavedGuardParts } from '../../../main/unsaved-guard'

function parts(over: Partial<UnsavedGuardParts> = {}): UnsavedGuardParts {
  return {
    isUnsaved: () => true,
    ask: vi.fn(async () => 'save' as const),
    save: vi.fn(async () => ({ ok: true as const, value: { path: '/labs/a.pcapng' } })),
    showSaveError: vi.fn(async () => undefined),
    ...over,
  }
}

describe('main/unsaved-guard', () => {
  it('should not ask when nothing is unsaved', async () => {
    const given = parts({ isUnsaved: () => false })
    expect(await unsavedGuard(given)()).toBe(true)
    expect(given.ask).not.toHaveBeenCalled()
  })

  it('should go on after a save, and not after a cancelled save dialog', async () => {
    expect(await unsavedGuard(parts())()).toBe(true)
    expect(await unsavedGuard(parts({ save: async () => ({ ok: true, value: null }) }))()).toBe(false)
  })

  it("should go on for Don't Save and stay for Cancel", async () => {
    expect(await unsavedGuard(parts({ ask: async () => 'discard' }))()).toBe(true)
    expect(await unsavedGuard(parts({ ask: async () => 'cancel' }))()).toBe(false)
  })

  it('should show why a save failed, and stay', async () => {
    const given = parts({ save: async () => ({ ok: false, error: { code: 'io', message: 'EACCES: permission denied' } }) })
    expect(await unsavedGuard(given)()).toBe(false)
    expect(given.showSaveError).toHaveBeenCalledWith({ code: 'io', message: 'EACCES: permission denied' })
  })

  it('should hold a window close until the guard lets it go, then close it', async () => {
    let listener!: (event: { preventDefault(): void }) => void
    const window = { on: (_event: 'close', l: typeof listener) => (listener = l), close: vi.fn(), isDestroyed: () => false }
    let answer = false
    guardWindowClose(window, async () => answer, () => true)
    const held = { preventDefault: vi.fn() }
    listener(held)
    await vi.waitFor(() => expect(held.preventDefault).toHaveBeenCalled())
    expect(window.close).not.toHaveBeenCalled()
    answer = true
    listener({ preventDefault: vi.fn() })
    await vi.waitFor(() => expect(window.close).toHaveBeenCalled())
    const free = { preventDefault: vi.fn() }
    listener(free) // the close that follows goes through
    expect(free.preventDefault).not.toHaveBeenCalled()
  })
})
