import { describe, expect, it } from 'vitest'
import { HISTORY_KEY, HISTORY_LIMIT, loadHistory, remember, saveHistory } from '../../../../renderer/src/composables/filter-history'

/** A Storage that keeps its items in a map. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items }
}

describe('composables/filter-history', () => {
  it('should put the latest filter first, each once, trimmed', () => {
    expect(remember(['tcp', 'udp'], 'ip')).toEqual(['ip', 'tcp', 'udp'])
    expect(remember(['tcp', 'udp'], ' udp ')).toEqual(['udp', 'tcp'])
    expect(remember(['tcp'], '   ')).toEqual(['tcp'])
  })

  it('should keep the last 30', () => {
    let history: string[] = []
    for (let stream = 0; stream < 40; stream++) history = remember(history, `tcp.stream == ${stream}`)
    expect(history).toHaveLength(HISTORY_LIMIT)
    expect(history[0]).toBe('tcp.stream == 39')
    expect(history.at(-1)).toBe('tcp.stream == 10')
  })

  it('should save and load the history', () => {
    const storage = memoryStorage()
    saveHistory(['tcp.flags.syn == 1', 'udp'], storage)
    expect(storage.items.get(HISTORY_KEY)).toBe('["tcp.flags.syn == 1","udp"]')
    expect(loadHistory(storage)).toEqual(['tcp.flags.syn == 1', 'udp'])
  })

  it('should read an unreadable or foreign history as none, and skip entries that are not filters', () => {
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '{not json' }))).toEqual([])
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '{"a":1}' }))).toEqual([])
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '["tcp", 3, "", null, "udp"]' }))).toEqual(['tcp', 'udp'])
    expect(loadHistory(undefined)).toEqual([])
  })

  it('should lose the history quietly when the storage refuses it', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(() => saveHistory(['tcp'], refusing)).not.toThrow()
  })
})
