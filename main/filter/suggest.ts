// "Did you mean …?": the registered field name closest to a name the filter does not know, so a
// typo (tcp.flgs.syn), a dropped level (tcp.syn) or a wrong protocol prefix (ip.srcport) points
// at the field the student meant. Wireshark only says the name is unknown.
import { allFieldDefs } from '../decode/field'
// Every decoder declares its fields when it loads: load them all before listing the names.
import '../decode/frame'

let names: string[] | undefined

/** The known name closest to `name`, when one is close enough to be what was meant. */
export function closestFieldName(name: string): string | undefined {
  if (!/^[a-z_][a-z0-9_.-]*$/i.test(name) || name.length < 2) return undefined
  names ??= [...allFieldDefs()].map((def) => def.name).filter((n) => n && !n.startsWith('_ws.'))
  const lower = name.toLowerCase()
  if (names.includes(lower)) return lower
  const limit = Math.max(1, Math.min(3, Math.floor(lower.length / 4)))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of names) {
    if (Math.abs(candidate.length - lower.length) > limit) continue
    const distance = editDistance(lower, candidate, bestDistance)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  if (bestDistance <= 1) return best
  return sameLastPart(lower) ?? best
}

/**
 * tcp.syn → tcp.flags.syn, ip.srcport → tcp.srcport: a name ending in the same part, of the same
 * protocol when there is one, else TCP's (for a known protocol's name); the shortest such name.
 */
function sameLastPart(name: string): string | undefined {
  const parts = name.split('.')
  if (parts.length < 2) return undefined
  const last = parts[parts.length - 1]!
  const endingSo = names!.filter((n) => n.endsWith('.' + last)).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
  const protocol = parts[0]!
  const sameProtocol = endingSo.find((n) => n.startsWith(protocol + '.'))
  // Another protocol's field only when the name starts with a protocol TCP Lens knows (ip.srcport).
  return sameProtocol ?? (names!.includes(protocol) ? endingSo.find((n) => n.startsWith('tcp.')) : undefined)
}

/** Edits (insert, delete, substitute, swap two neighbours) from a to b; stops counting past `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let previous2: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let smallest = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1)
      row.push(value)
      smallest = Math.min(smallest, value)
    }
    if (smallest >= cap) return cap
    previous2 = previous
    previous = row
  }
  return previous[b.length]!
}
