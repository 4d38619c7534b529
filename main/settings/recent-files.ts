// The recent-files list: at most ten, the most recent first, one entry per path.
import { basename } from 'node:path'
import type { RecentFile } from '../../preload/contract/dto'
import { isRecord } from './json-file'

export const MAX_RECENT_FILES = 10

/** The list with `path` moved (or added) to the front, stamped `openedAt`. */
export function withRecentFile(list: readonly RecentFile[], path: string, openedAt: number): RecentFile[] {
  const entry: RecentFile = { path, name: basename(path), openedAt }
  return [entry, ...list.filter((file) => file.path !== path)].slice(0, MAX_RECENT_FILES)
}

const isRecentFile = (value: unknown): value is RecentFile =>
  isRecord(value) && typeof value['path'] === 'string' && value['path'] !== '' && typeof value['name'] === 'string' && typeof value['openedAt'] === 'number' && Number.isFinite(value['openedAt'])

/** A valid list from anything stored: malformed entries and repeated paths are dropped. */
export function recentFilesFrom(stored: unknown): RecentFile[] {
  if (!Array.isArray(stored)) return []
  const seen = new Set<string>()
  const list: RecentFile[] = []
  for (const value of stored) {
    if (!isRecentFile(value) || seen.has(value.path)) continue
    seen.add(value.path)
    list.push({ path: value.path, name: value.name, openedAt: value.openedAt })
  }
  return list.slice(0, MAX_RECENT_FILES)
}
