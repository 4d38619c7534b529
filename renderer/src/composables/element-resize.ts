// Calls back when an element appears and whenever its size changes (a ResizeObserver, where the
// environment has one), and stops when the component goes: the one way the windowed lists, the
// diagram and the plots learn their size.
import { onBeforeUnmount, watch, type Ref } from 'vue'

export function useElementResize(target: Ref<HTMLElement | null | undefined>, onResize: (element: HTMLElement) => void): void {
  let observer: ResizeObserver | undefined
  const stop = (): void => {
    observer?.disconnect()
    observer = undefined
  }
  watch(
    target,
    (element) => {
      stop()
      if (!element) return
      onResize(element)
      if (typeof ResizeObserver === 'undefined') return
      observer = new ResizeObserver(() => onResize(element))
      observer.observe(element)
    },
    { immediate: true, flush: 'post' },
  )
  onBeforeUnmount(stop)
}
