// Truncations: the file cut anywhere, or exactly inside a header (inside a length field the
// layout names, a byte or a few into a record or block header, right after it).
import { cut } from '../../fixtures/damage'
import { asStored, hex, type Mutator } from './mutator'

export const truncate: Mutator = {
  name: 'truncate',
  mutate(seed, random) {
    const plain = seed.plain
    let at: number
    let where: string
    if (seed.sites.length && random.chance(0.6)) {
      const site = random.pick(seed.sites)
      at = site.offset + random.between(-4, site.size)
      where = `inside ${site.name} at ${hex(site.offset)}`
    } else {
      at = random.int(plain.length + 1)
      where = 'anywhere'
    }
    at = Math.max(0, Math.min(plain.length, at))
    return asStored(seed, cut(plain, at), `cut to ${at} of ${plain.length} bytes (${where})`, random)
  },
}
