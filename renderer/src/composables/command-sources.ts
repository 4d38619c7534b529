// Where commands come from: the Electron menu (api.onMenu) and the page's own shortcuts. A menu
// item's accelerator and the page may both see one key press; the second report is dropped.
import { onBeforeUnmount, onMounted } from 'vue'
import type { MenuCommand } from '../../../preload/contract/api'
import { useApiStore } from '../stores/api'
import { commandForKey } from './shortcuts'

const DUPLICATE_MS = 300

/**
 * `takesKey`: whether a page shortcut's command applies now; when it does not, the key is left to
 * the browser (Ctrl+R reloads the page unless there is a capture to restart).
 */
export function useCommandSources(run: (command: MenuCommand) => unknown, takesKey: (command: MenuCommand) => boolean = () => true): void {
  let last: { command: MenuCommand; at: number } | null = null
  let unsubscribe: (() => void) | null = null

  function fire(command: MenuCommand): void {
    const now = Date.now()
    if (last && last.command === command && now - last.at < DUPLICATE_MS) return
    last = { command, at: now }
    void run(command)
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.defaultPrevented) return
    const command = commandForKey(event)
    if (!command || !takesKey(command)) return
    event.preventDefault()
    fire(command)
  }

  onMounted(() => {
    window.addEventListener('keydown', onKeyDown)
    unsubscribe = useApiStore().current().onMenu(fire)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeyDown)
    unsubscribe?.()
  })
}
