// Dispatch tables, as Wireshark's dissector tables: link type → decoder, ethertype → decoder,
// IP protocol number → decoder. Adding a protocol means adding a row (layers/index.ts).
import type { Dissection, Span } from './dissection'
import type { Field } from './field'

/**
 * A layer decoder. It adds its node under `parent` (null: at the top of the tree), decodes what
 * follows it, and returns how many bytes of `span` it covers, when that is less than the span
 * (an IP packet shorter than its frame leaves a trailer). Nothing returned means all of it.
 */
export type Decoder = (d: Dissection, span: Span, parent: Field | null) => number | void

export const linkTypes = new Map<number, Decoder>()
export const etherTypes = new Map<number, Decoder>()
export const ipProtocols = new Map<number, Decoder>()
