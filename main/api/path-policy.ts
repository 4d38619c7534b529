// Which paths a request may open. In Electron the renderer is not trusted with the file system:
// a path is opened only when the user chose it (the open dialog, a drop on the window, the
// command line, a second launch, the macOS Dock) or it is on the recent list. In browser mode the
// user browses the server's folders in the page, so any readable file may be opened.
import { resolve } from 'node:path'

export interface PathPolicy {
  /** The user chose this path: from now on it may be opened. */
  grant(path: string): void
  allows(path: string): boolean
}

/** Paths granted by a drop are remembered up to this many (the oldest are forgotten first). */
const MAX_GRANTED = 1000

/** Electron: only the paths the user chose. */
export function chosenPathsPolicy(): PathPolicy {
  const granted = new Set<string>()
  return {
    grant(path) {
      const full = resolve(path)
      granted.delete(full)
      granted.add(full)
      if (granted.size > MAX_GRANTED) granted.delete(granted.values().next().value as string)
    },
    allows: (path) => granted.has(resolve(path)),
  }
}

/** Browser mode: any path (the operating system still decides what can be read). */
export function anyPathPolicy(): PathPolicy {
  return { grant: () => undefined, allows: () => true }
}
