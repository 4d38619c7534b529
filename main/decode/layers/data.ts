// Bytes no decoder claims: Wireshark's "data" protocol.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'

export const DATA = defineFields({
  data: { name: 'data', title: 'Data', type: 'protocol' },
  bytes: { name: 'data.data', title: 'Data', type: 'bytes' },
  len: { name: 'data.len', title: 'Length', type: 'int32' },
})

/**
 * Shows the rest of `span` as data (nothing if it is empty): the bytes that were captured,
 * which may be fewer than were sent when the snapshot length cut the frame.
 */
export function decodeData(d: Dissection, span: Span, parent: Field | null): void {
  const length = span.end - span.start
  if (length <= 0) return
  const node = d.protocol(parent, DATA.data, span.start, length, `Data (${length} byte${length === 1 ? '' : 's'})`)
  d.add(node, DATA.bytes, span.start, length, d.bytes.slice(span.start, span.end))
  d.generated(node, DATA.len, length)
}
