// Bit flips anywhere in the file as stored: one to eight bits, in the compressed stream of a gzip seed.
import { hex, type Mutator } from './mutator'

export const bitFlip: Mutator = {
  name: 'bit-flip',
  mutate(seed, random) {
    const bytes = seed.stored.slice()
    if (bytes.length === 0) return { bytes, what: 'empty seed, nothing flipped' }
    const flips: string[] = []
    for (let n = random.between(1, 8); n > 0; n--) {
      // Half the time in the first 256 bytes, where the file and record headers are.
      const at = random.chance(0.5) ? random.int(Math.min(256, bytes.length)) : random.int(bytes.length)
      const bit = random.int(8)
      bytes[at] ^= 1 << bit
      flips.push(`${hex(at)}.${bit}`)
    }
    return { bytes, what: `flipped bit${flips.length > 1 ? 's' : ''} ${flips.join(', ')}${seed.gzip ? ' of the gzip stream' : ''}` }
  },
}
