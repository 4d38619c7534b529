// IP addresses as text and back: for pcapng Name Resolution Blocks, and for every address the
// decoder shows. IPv6 text follows RFC 5952, as Wireshark prints it.

export function ipv4Text(bytes: Uint8Array, offset = 0): string {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`
}

/**
 * RFC 5952 text: lower case, leading zeros dropped, the longest run (of two or more) of zero
 * groups as "::" (the first of equal runs). IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible
 * (::a.b.c.d) addresses keep a dotted tail, as inet_ntop and Wireshark write them.
 */
export function ipv6Text(bytes: Uint8Array, offset = 0): string {
  const groups: number[] = []
  for (let i = 0; i < 8; i++) groups.push((bytes[offset + 2 * i] << 8) | bytes[offset + 2 * i + 1])
  let bestStart = -1
  let bestLength = 1 // a single zero group is never shortened (RFC 5952 4.2.2)
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLength) {
      bestStart = i
      bestLength = j - i
    }
    i = j
  }
  const hex = (from: number, to: number) =>
    groups
      .slice(from, to)
      .map((g) => g.toString(16))
      .join(':')
  if (bestStart < 0) return hex(0, 8)
  if (bestStart === 0 && bestLength === 5 && groups[5] === 0xffff) return `::ffff:${ipv4Text(bytes, offset + 12)}`
  if (bestStart === 0 && bestLength === 6) return `::${ipv4Text(bytes, offset + 12)}`
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`
}

/** Parses dotted IPv4 text; undefined when it is not exactly four numbers 0–255. */
export function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  const out = new Uint8Array(4)
  for (let i = 0; i < 4; i++) {
    if (!/^\d{1,3}$/.test(parts[i])) return undefined
    const n = Number(parts[i])
    if (n > 255) return undefined
    out[i] = n
  }
  return out
}

/** Parses IPv6 text (with "::" and an optional dotted IPv4 tail); undefined when malformed. */
export function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return []
    const out: number[] = []
    const items = part.split(':')
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseIpv4(item)
        if (!v4) return undefined
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3])
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(item)) return undefined
        out.push(parseInt(item, 16))
      }
    }
    return out
  }
  const head = groupsOf(halves[0])
  const tail = halves.length === 2 ? groupsOf(halves[1]) : []
  if (!head || !tail) return undefined
  const missing = 8 - head.length - tail.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail]
  const out = new Uint8Array(16)
  groups.forEach((g, i) => {
    out[2 * i] = g >> 8
    out[2 * i + 1] = g & 0xff
  })
  return out
}
