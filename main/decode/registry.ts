// Dispatch tables, as Wireshark's dissector tables: link type → decoder, ethertype → decoder,
// IP protocol number → decoder. Adding a protocol means adding a row (layers/index.ts).
import type { Dissection, Span } from './dissection'
import type { Field } from './field'

/**
 * A layer decoder. It adds its node under `parent` (null: at the top of the tree) and decodes
 * what follows it. When its protocol covers less than `span` (an IP packet shorter than its
 * frame), it shortens the span with Dissection.setLength, and the caller sees the trailer.
 */
export type Decoder = (d: Dissection, span: Span, parent: Field | null) => void

export const linkTypes = new Map<number, Decoder>()
export const etherTypes = new Map<number, Decoder>()
export const ipProtocols = new Map<number, Decoder>()
