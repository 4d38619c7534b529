// cap reports only how many bytes it copied, not how long the packet was on the wire. A packet
// shorter than the snaplen was copied whole; one exactly the snaplen long may have been cut, and
// then its IP header still says how long it was (an estimate: a TCP segmentation offload
// "super-packet" on loopback can exceed what any wire carried, and the IP length is what it is).

const readU16BE = (bytes: Uint8Array, at: number) => (bytes[at] << 8) | bytes[at + 1]

/** Where the IP header starts for a link type, or -1 when unknown. */
function networkOffset(bytes: Uint8Array, linkType: number): number {
  switch (linkType) {
    case 0: // NULL / loopback: a 4-byte address family
      return 4
    case 1: {
      // Ethernet, skipping 802.1Q / 802.1ad tags
      let at = 12
      while (at + 4 <= bytes.length && (readU16BE(bytes, at) === 0x8100 || readU16BE(bytes, at) === 0x88a8)) at += 4
      return at + 2
    }
    case 101: // raw IP
      return 0
    case 113: // Linux cooked capture (SLL)
      return 16
    case 276: // SLL2
      return 20
    default:
      return -1
  }
}

/** The packet's length on the wire: capLen unless it was cut at the snaplen and IP says more. */
export function originalLength(bytes: Uint8Array, linkType: number, snapLen: number): number {
  const capLen = bytes.length
  if (capLen < snapLen) return capLen
  const at = networkOffset(bytes, linkType)
  if (at < 0 || at + 6 > capLen) return capLen
  const version = bytes[at] >> 4
  const ipLength = version === 4 ? readU16BE(bytes, at + 2) : version === 6 ? 40 + readU16BE(bytes, at + 4) : 0
  return Math.max(capLen, at + ipLength)
}
