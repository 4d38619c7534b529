// Internet checksums (RFC 1071): the one's complement sum, and the checksum fields with their
// status as Wireshark shows them (verified for ICMP/ICMPv6, unverified for IP/TCP/UDP by default).
import type { Dissection } from './dissection'
import type { Field, FieldDef } from './field'
import { hex } from './format'

/** The generated checksum status: Bad 0, Good 1, Unverified 2, Not present 3, Illegal 4. */
export function addChecksumStatus(d: Dissection, parent: Field, def: FieldDef, status: number, offset: number, length = 0): Field {
  return d.generated(parent, def, status, offset, length)
}

/** One's complement sum of big-endian 16-bit words over [start, end), folded to 16 bits. */
export function onesComplementSum(bytes: Uint8Array, start: number, end: number, initial = 0): number {
  let sum = initial
  let i = start
  for (; i + 1 < end; i += 2) sum += (bytes[i] << 8) | bytes[i + 1]
  if (i < end) sum += bytes[i] << 8
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16)
  return sum
}

/** What the checksum field should have held, given the sum over the message (Wireshark's in_cksum_shouldbe). */
function checksumShouldBe(checksum: number, sum: number): number {
  let shouldBe = checksum + (~sum & 0xffff)
  shouldBe = (shouldBe & 0xffff) + (shouldBe >>> 16)
  shouldBe = (shouldBe & 0xffff) + (shouldBe >>> 16)
  return shouldBe
}

/**
 * Adds a checksum Wireshark verifies (proto_tree_add_checksum with VERIFY): "[correct]" and
 * status Good, or "incorrect, should be 0x…", status Bad and a warning. `sum` is the one's
 * complement sum over everything the checksum covers, the checksum field included.
 */
export function addVerifiedChecksum(d: Dissection, parent: Field, defs: { checksum: FieldDef; status: FieldDef }, at: number, checksum: number, sum: number): Field {
  const field = d.add(parent, defs.checksum, at, 2, checksum)
  if (sum === 0xffff) {
    field.text = `${defs.checksum.title}: ${hex(checksum, 4)} [correct]`
    addChecksumStatus(d, parent, defs.status, 1, at)
  } else {
    const shouldBe = checksumShouldBe(checksum, sum)
    field.text = `${defs.checksum.title}: ${hex(checksum, 4)} incorrect, should be ${hex(shouldBe, 4)}`
    d.note('warn', 'checksum', `Bad checksum [should be ${hex(shouldBe, 4)}]`, field)
    addChecksumStatus(d, parent, defs.status, 0, at)
  }
  return field
}

/**
 * Adds a checksum Wireshark does not verify: "[unverified]" (IPv4 says "[validation disabled]")
 * and status Unverified.
 */
export function addUnverifiedChecksum(d: Dissection, parent: Field, defs: { checksum: FieldDef; status: FieldDef }, at: number, checksum: number, why?: string, label = 'unverified'): Field {
  const field = d.add(parent, defs.checksum, at, 2, checksum)
  field.text = `${defs.checksum.title}: ${hex(checksum, 4)} [${label}]${why ? ` [${why}]` : ''}`
  addChecksumStatus(d, parent, defs.status, 2, at)
  return field
}

