import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import ContextMenu from '../../../../renderer/src/components/common/ContextMenu.vue'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

const ITEMS = [
  { id: 'copy-value', label: 'Copy value' },
  { id: 'copy-name', label: 'Copy field name', disabled: true },
  { id: 'apply-filter', label: 'Apply as filter' },
]

async function openMenu() {
  const owner = document.createElement('div')
  owner.tabIndex = 0
  document.body.append(owner)
  owner.focus()
  const wrapper = mountWith(ContextMenu, setUp(), { props: { x: 10, y: 20, items: ITEMS } })
  await flushPromises()
  const item = (id: string) => wrapper.get(`[data-item="${id}"]`).element as HTMLElement
  return { owner, wrapper, item }
}

function press(key: string): void {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
}

describe('components/common/ContextMenu', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('should focus its first item and move between the enabled ones with the arrow keys', async () => {
    const { item } = await openMenu()
    expect(document.activeElement).toBe(item('copy-value'))
    press('ArrowDown')
    expect(document.activeElement).toBe(item('apply-filter'))
    press('ArrowDown')
    expect(document.activeElement).toBe(item('copy-value'))
    press('ArrowUp')
    expect(document.activeElement).toBe(item('apply-filter'))
  })

  it('should close on Escape and give the focus back', async () => {
    const { owner, wrapper } = await openMenu()
    press('Escape')
    expect(wrapper.emitted('close')).toHaveLength(1)
    expect(document.activeElement).toBe(owner)
  })

  it('should give the focus back before it says which item was chosen', async () => {
    const { owner, wrapper, item } = await openMenu()
    let focusedOnSelect: Element | null = null
    await wrapper.setProps({ onSelect: () => (focusedOnSelect = document.activeElement) } as never)
    item('apply-filter').click()
    expect(wrapper.emitted('select')).toEqual([['apply-filter']])
    expect(focusedOnSelect).toBe(owner)
  })
})
