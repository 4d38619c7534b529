import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import ModalDialog from '../../../../renderer/src/components/common/ModalDialog.vue'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

function mountDialog() {
  const harness = setUp()
  return mountWith(ModalDialog, harness, {
    props: { title: 'Go to packet' },
    slots: {
      default: () => [h('input', { 'data-testid': 'field' }), h('button', { type: 'button', disabled: true }, 'Off')],
      footer: () => h('button', { type: 'button', 'data-testid': 'last' }, 'Go'),
    },
  })
}

describe('components/common/ModalDialog', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('should be a labelled modal dialog whose close button has a name', () => {
    const wrapper = mountDialog()
    const dialog = wrapper.get('[role="dialog"]')
    expect(dialog.attributes('aria-modal')).toBe('true')
    expect(dialog.attributes('aria-label')).toBe('Go to packet')
    expect(wrapper.get('[data-testid="dialog-close"]').attributes('aria-label')).toBe('Close')
  })

  it('should move the focus inside when it opens', async () => {
    const wrapper = mountDialog()
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('[data-testid="field"]').element)
  })

  it('should keep Tab and Shift+Tab inside, skipping disabled controls', async () => {
    const wrapper = mountDialog()
    await flushPromises()
    const close = wrapper.get('[data-testid="dialog-close"]').element as HTMLElement
    const last = wrapper.get('[data-testid="last"]').element as HTMLElement
    last.focus()
    await wrapper.get('[data-testid="last"]').trigger('keydown', { key: 'Tab' })
    expect(document.activeElement).toBe(close)
    await wrapper.get('[data-testid="dialog-close"]').trigger('keydown', { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(last)
  })

  it('should close on Escape', async () => {
    const wrapper = mountDialog()
    await wrapper.get('[role="dialog"]').trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
