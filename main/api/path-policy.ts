// Which paths a request may open. In Electron the renderer is not trusted with the file system:
// a path is opened only when the user chose it (the open dialog, a drop on the window, the
// command line, a second launch, the macOS Dock) or it is on the recent list. In browser mode the
// user browses the folders the server shares (sharedFoldersPolicy) in the page.
import { realpathSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'

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

/**
 * Browser mode's folders: what `tcplens serve` shares with the page (--root, by default the home
 * folder and the folder it started in). The page may list, open and save only inside them, and
 * open the files granted besides (the one named on the command line). Links are followed before
 * the check, so a link inside that points outside does not open the outside.
 */
export interface SharedFolders extends PathPolicy {
  /** The shared folders, as real paths. */
  readonly roots: readonly string[]
  /** True for a path inside a shared folder (a file that does not exist yet: its folder is). */
  contains(path: string): boolean
}

/** The real path of `path`, or of its nearest existing folder joined with the rest. */
function realPathOf(path: string): string {
  const full = resolve(path)
  try {
    return realpathSync(full)
  } catch {
    const parent = dirname(full)
    return parent === full ? full : join(realPathOf(parent), basename(full))
  }
}

function isInside(root: string, path: string): boolean {
  const rest = relative(root, path)
  return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest))
}

export function sharedFoldersPolicy(folders: readonly string[]): SharedFolders {
  const roots = [...new Set(folders.map(realPathOf))]
  const chosen = chosenPathsPolicy()
  const contains = (path: string) => {
    const real = realPathOf(path)
    return roots.some((root) => isInside(root, real))
  }
  return {
    roots,
    contains,
    grant: (path) => chosen.grant(path),
    allows: (path) => chosen.allows(path) || contains(path),
  }
}
