// Address text, as Wireshark writes addresses with name resolution off (-n).

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** aa:bb:cc:dd:ee:ff, lower case. */
export function macText(bytes: Uint8Array, offset: number, length = 6): string {
  let out = HEX[bytes[offset]]
  for (let i = 1; i < length; i++) out += ':' + HEX[bytes[offset + i]]
  return out
}

export function ipv4Text(bytes: Uint8Array, offset: number): string {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run of ≥ 2 zero groups as "::". */
export function ipv6Text(bytes: Uint8Array, offset: number): string {
  const groups: number[] = []
  for (let i = 0; i < 8; i++) groups.push((bytes[offset + 2 * i] << 8) | bytes[offset + 2 * i + 1])
  // An IPv4-mapped or -compatible tail is written dotted, as inet_ntop does.
  let bestStart = -1
  let bestLength = 0
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
  if (bestLength < 2) bestStart = -1
  const hexGroup = (g: number) => g.toString(16)
  const isMapped = bestStart === 0 && bestLength === 5 && groups[5] === 0xffff
  const isCompat = bestStart === 0 && bestLength === 6
  if (isMapped || isCompat) {
    const prefix = isMapped ? '::ffff:' : '::'
    return prefix + ipv4Text(bytes, offset + 12)
  }
  if (bestStart < 0) return groups.map(hexGroup).join(':')
  const head = groups.slice(0, bestStart).map(hexGroup).join(':')
  const tail = groups.slice(bestStart + bestLength).map(hexGroup).join(':')
  return `${head}::${tail}`
}
