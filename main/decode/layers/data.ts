// Bytes no decoder claims: Wireshark's "data" protocol.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'

export const DATA = defineFields({
  data: { name: 'data', title: 'Data', type: 'protocol' },
  bytes: { name: 'data.data', title: 'Data', type: 'bytes' },
  len: { name: 'data.len', title: 'Length', type: 'int32' },
})

/** Shows the rest of `span` as data (nothing if it is empty). */
export function decodeData(d: Dissection, span: Span, parent: Field | null): void {
  const length = span.reported - span.start
  if (length <= 0) return
  const node = d.protocol(parent, DATA.data, span.start, Math.min(length, span.end - span.start), `Data (${length} byte${length === 1 ? '' : 's'})`)
  d.add(node, DATA.bytes, span.start, length, d.slice(span, span.start, length))
  d.generated(node, DATA.len, length)
}
