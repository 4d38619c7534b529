import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { useElementResize } from '../../../../renderer/src/composables/element-resize'

class FakeObserver {
  static made: FakeObserver[] = []
  observed: Element[] = []
  disconnected = false
  constructor(readonly callback: () => void) {
    FakeObserver.made.push(this)
  }
  observe(element: Element): void {
    this.observed.push(element)
  }
  disconnect(): void {
    this.disconnected = true
  }
}

describe('composables/element-resize', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    FakeObserver.made = []
  })

  it('should measure an element when it appears and when it resizes, and stop with the component', async () => {
    vi.stubGlobal('ResizeObserver', FakeObserver)
    const seen: HTMLElement[] = []
    const shown = ref(false)
    const wrapper = mount(
      defineComponent({
        setup() {
          const target = ref<HTMLElement | null>(null)
          useElementResize(target, (element) => seen.push(element))
          return () => (shown.value ? h('div', { ref: target, class: 'measured' }) : h('p'))
        },
      }),
    )
    expect(seen).toHaveLength(0)
    shown.value = true
    await nextTick()
    await nextTick()
    expect(seen).toHaveLength(1)
    expect(FakeObserver.made).toHaveLength(1)
    FakeObserver.made[0]!.callback()
    expect(seen).toHaveLength(2)
    expect(seen[1]!.className).toBe('measured')
    wrapper.unmount()
    expect(FakeObserver.made[0]!.disconnected).toBe(true)
  })
})
