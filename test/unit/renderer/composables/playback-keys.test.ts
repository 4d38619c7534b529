import { describe, expect, it } from 'vitest'
import { playbackKey } from '../../../../renderer/src/composables/playback-keys'

const press = (key: string, target: EventTarget | null = document.body, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  playbackKey({ key, target, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })

describe('composables/playback-keys', () => {
  it('should play or pause with Space and step with ← and →', () => {
    expect(press(' ')).toBe('toggle')
    expect(press('ArrowRight')).toBe('next')
    expect(press('ArrowLeft')).toBe('previous')
    expect(press('Enter')).toBeNull()
  })

  it('should leave the keys to a field, a select, and Space to a focused button', () => {
    expect(press('ArrowLeft', document.createElement('input'))).toBeNull()
    expect(press(' ', document.createElement('textarea'))).toBeNull()
    expect(press('ArrowRight', document.createElement('select'))).toBeNull()
    expect(press(' ', document.createElement('button'))).toBeNull()
    expect(press('ArrowRight', document.createElement('button'))).toBe('next')
  })

  it('should leave chords to the shortcuts (Ctrl+→ is the next packet)', () => {
    expect(press('ArrowRight', document.body, { ctrlKey: true })).toBeNull()
    expect(press(' ', document.body, { shiftKey: true })).toBeNull()
  })
})

describe('composables/playback-keys in a part that keeps its keys', () => {
  it('should leave ← and → to the quiz panel’s choices', () => {
    const panel = document.createElement('section')
    panel.setAttribute('data-own-keys', '')
    const choice = document.createElement('span')
    panel.append(choice)
    document.body.append(panel)
    expect(press('ArrowRight', choice)).toBeNull()
    panel.remove()
  })
})
