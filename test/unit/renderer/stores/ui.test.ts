import { describe, expect, it } from 'vitest'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { setUp } from '../harness'

describe('stores/ui', () => {
  it('should give the focus back to where it was when the dialog closes', () => {
    setUp()
    const before = document.createElement('button')
    document.body.append(before)
    before.focus()
    const ui = useUiStore()
    ui.openDialog('about')
    document.body.focus()
    ui.openDialog('shortcuts')
    ui.closeDialog()
    expect(document.activeElement).toBe(before)
    before.remove()
  })
})
