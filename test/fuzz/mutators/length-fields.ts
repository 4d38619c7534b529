// Length-field corruption: one or two of the fields the layout names (pcap caplen and origlen,
// pcapng block total lengths, EPB captured and original lengths, option lengths; IP total length
// and header length, TCP data offset, IPv6 payload length, UDP length …) set to an interesting
// value, nudged by a little, or set to anything.
import { asStored, hex, INTERESTING, writeSite, type Mutator } from './mutator'

export const lengthFields: Mutator = {
  name: 'length-fields',
  mutate(seed, random) {
    const bytes = seed.plain.slice()
    // A seed's sites are all inside it; a seed made by another mutation may be shorter.
    const sites = seed.sites.filter((s) => s.offset + s.size <= bytes.length)
    if (sites.length === 0) return asStored(seed, bytes, 'no length field to corrupt', random)
    const edits: string[] = []
    for (let n = random.between(1, 2); n > 0; n--) {
      const site = random.pick(sites)
      const width = site.bitmask !== undefined ? bitsIn(site.bitmask) : site.size * 8
      const max = width >= 32 ? 0xffffffff : 2 ** width - 1
      const current = readMasked(bytes, site)
      const roll = random.next()
      const value = roll < 0.4 ? Math.min(max, random.pick(INTERESTING[site.size])) : roll < 0.8 ? clamp(current + random.between(-8, 8), 0, max) : random.int(max + 1)
      writeSite(bytes, site, value)
      edits.push(`${site.name} at ${hex(site.offset)} ${current} → ${value}`)
    }
    return asStored(seed, bytes, edits.join('; '), random)
  },
}

function readMasked(bytes: Uint8Array, site: { offset: number; size: number; littleEndian: boolean; bitmask?: number }): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const v = site.size === 1 ? view.getUint8(site.offset) : site.size === 2 ? view.getUint16(site.offset, site.littleEndian) : view.getUint32(site.offset, site.littleEndian)
  if (site.bitmask === undefined) return v
  return (v & site.bitmask) >>> Math.log2(site.bitmask & -site.bitmask)
}

function bitsIn(mask: number): number {
  let n = 0
  for (let m = mask >>> 0; m; m >>>= 1) n += m & 1
  return n
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n))
