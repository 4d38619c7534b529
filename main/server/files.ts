// Browser mode's files: the server's folders for the page's Open dialog (listDirectory), and the
// files a page drops, written to a private temporary folder (upload) and then opened by path.
// One ServerFiles per WebSocket connection; dispose() removes its uploads.
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, parse, resolve } from 'node:path'
import type { DirectoryListing } from '../../preload/contract/dto'
import { isCaptureName } from '../api/capture-names'
import { messageOf } from '../api/errors'
import type { SharedFolders } from '../api/path-policy'
import { ApiFailure } from '../api/port'

export interface ServerFiles {
  /** One folder (default: the start folder): folders first, then files, each sorted by name. */
  listDirectory(path?: string): Promise<DirectoryListing>
  /** Writes a dropped file's bytes (the backend decoded its base64) to the private folder and answers its path. */
  upload(name: string, bytes: Uint8Array): Promise<string>
  /** Removes the uploaded files. */
  dispose(): Promise<void>
}

export interface ServerFilesOptions {
  /** Where the Open dialog starts: the folder of the file given on the command line, else the cwd. */
  startDir: string
  /** The folders the page may list (default: all). A folder's parent outside them is not offered. */
  shared?: Pick<SharedFolders, 'contains'>
}

/** File systems store a name of up to 255 bytes (ext4, APFS; NTFS: 255 UTF-16 units): well within. */
export const MAX_SAFE_NAME_BYTES = 200
/** Names Windows gives to devices, whatever the extension ("NUL.pcap" is the null device). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)\s*(\.|$)/i

/** The end of `text` in at most `maxBytes` bytes of UTF-8, in whole characters (the extension stays). */
function lastBytes(text: string, maxBytes: number): string {
  const characters = [...text]
  let bytes = 0
  let start = characters.length
  while (start > 0 && bytes + Buffer.byteLength(characters[start - 1]) <= maxBytes) bytes += Buffer.byteLength(characters[--start])
  return characters.slice(start).join('')
}

/**
 * A dropped file's name made safe to write: no folders, no control or reserved characters, no
 * leading dot, no trailing dot or space, no Windows device name, and short enough in bytes.
 */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  const cleaned = last
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/[.\s]+$/, '')
  const short = lastBytes(cleaned, MAX_SAFE_NAME_BYTES).replace(/^[.\s]+/, '')
  if (short === '') return 'upload.pcapng'
  return WINDOWS_DEVICE.test(short) ? `_${short}` : short
}

/** A failed readdir as the user reads it. */
export function folderFailure(error: unknown, path: string): ApiFailure {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
      return new ApiFailure('not-found', `No such folder: ${path}`)
    case 'ENOTDIR':
      return new ApiFailure('bad-argument', `Not a folder: ${path}`)
    case 'EACCES':
    case 'EPERM':
      return new ApiFailure('io', `Permission denied: ${path}`)
    default:
      return new ApiFailure('io', `Cannot read the folder ${path}: ${messageOf(error)}`)
  }
}

type Entry = DirectoryListing['entries'][number]

async function describeEntry(folder: string, name: string): Promise<Entry | null> {
  const path = join(folder, name)
  try {
    const info = await stat(path) // follows symbolic links; a broken one is left out
    if (info.isDirectory()) return { name, path, kind: 'dir', size: 0, capture: false }
    if (info.isFile()) return { name, path, kind: 'file', size: info.size, capture: isCaptureName(name) }
  } catch {
    // Vanished or unreadable between readdir and stat: not listed.
  }
  return null
}

const byName = (a: Entry, b: Entry): number => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' })

export async function listDirectory(path: string): Promise<DirectoryListing> {
  let names: string[]
  try {
    names = await readdir(path)
  } catch (error) {
    throw folderFailure(error, path)
  }
  const entries = (await Promise.all(names.map((name) => describeEntry(path, name)))).filter((e): e is Entry => e !== null)
  const dirs = entries.filter((e) => e.kind === 'dir').sort(byName)
  const files = entries.filter((e) => e.kind === 'file').sort(byName)
  return { path, parent: parse(path).root === path ? null : dirname(path), entries: [...dirs, ...files] }
}

export function createServerFiles(options: ServerFilesOptions): ServerFiles {
  let uploadDir: Promise<string> | undefined
  let uploads = 0

  const privateFolder = (): Promise<string> =>
    (uploadDir ??= mkdtemp(join(tmpdir(), 'tcplens-upload-')).then(async (dir) => {
      await chmod(dir, 0o700)
      return dir
    }))

  return {
    async listDirectory(path?: string): Promise<DirectoryListing> {
      const folder = resolve(options.startDir, path === undefined || path === '' ? '.' : path)
      const shared = options.shared
      if (!shared) return listDirectory(folder)
      if (!shared.contains(folder)) throw new ApiFailure('forbidden', `${folder} is outside the folders TCP Lens shares with this page (tcplens serve --root DIR chooses them)`)
      const listing = await listDirectory(folder)
      return listing.parent !== null && !shared.contains(listing.parent) ? { ...listing, parent: null } : listing
    },

    async upload(name: string, bytes: Uint8Array): Promise<string> {
      if (bytes.length === 0) throw new ApiFailure('bad-argument', `The file ${basename(name)} is empty.`)
      try {
        // Each upload in its own numbered folder: the name stays as the user knows it.
        const folder = join(await privateFolder(), String(++uploads))
        await mkdir(folder, { mode: 0o700 })
        const path = join(folder, safeFileName(name))
        await writeFile(path, bytes, { mode: 0o600 })
        return path
      } catch (error) {
        throw new ApiFailure('io', `Cannot store the uploaded file: ${messageOf(error)}`)
      }
    },

    async dispose(): Promise<void> {
      const dir = uploadDir
      uploadDir = undefined
      if (dir) await rm(await dir, { recursive: true, force: true }).catch(() => {})
    },
  }
}
