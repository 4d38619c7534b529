// Byte overwrites with the values that break arithmetic (0, 0xff, 0x7fffffff, 0x80000000,
// 0xffffffff …), one to three of them, 1, 2 or 4 bytes wide in either byte order: at a random
// place, or over a field the layout names.
import { asStored, hex, INTERESTING, writeSite, type Mutator } from './mutator'

export const interestingValues: Mutator = {
  name: 'interesting-values',
  mutate(seed, random) {
    const bytes = seed.plain.slice()
    const edits: string[] = []
    for (let n = random.between(1, 3); n > 0; n--) {
      const size = random.pick([1, 2, 4] as const)
      if (bytes.length < size) break
      const value = random.pick(INTERESTING[size])
      const site = seed.sites.length && random.chance(0.5) ? random.pick(seed.sites) : undefined
      const offset = site ? site.offset : random.int(bytes.length - size + 1)
      const littleEndian = site ? site.littleEndian : random.chance(0.5)
      if (offset + size > bytes.length) continue
      writeSite(bytes, { offset, size, littleEndian, name: '' }, value)
      edits.push(`${hex(value)} (${size} byte${size > 1 ? 's' : ''}, ${littleEndian ? 'LE' : 'BE'}) at ${hex(offset)}${site ? ` over ${site.name}` : ''}`)
    }
    return asStored(seed, bytes, `wrote ${edits.join('; ') || 'nothing'}`, random)
  },
}
