// One decoded frame as the detail pane and the hex pane receive it (PacketDetail): the field tree
// as plain data (pre-order ids, the tree line, the value as `tshark -T fields` prints it, the
// bytes each field covers, bit masks, generated marks, expert items, links to other frames) and
// the frame's byte sources in base64, and the display filter that selects each field's value
// ("Apply as filter"). Hidden fields (ip.addr, tcp.port …) are filters' business,
// not the tree's: they are left out.
import type { ByteSourceDto, FieldNode, PacketDetail } from '../../preload/contract/dto'
import type { ExpertItem, Field } from '../decode/field'
import type { DecodedFrame } from '../decode/frame'
import { filterExpressionFor } from '../filter'

export function packetDetail(frame: DecodedFrame): PacketDetail {
  const experts = new Map<Field, ExpertItem>()
  for (const item of frame.expert) if (item.field && !experts.has(item.field)) experts.set(item.field, item)
  let nextId = 0
  const node = (field: Field): FieldNode => {
    const out: FieldNode = {
      id: nextId++,
      name: field.name,
      label: field.label,
      value: field.display,
      source: field.source,
      offset: field.offset,
      length: field.length,
      generated: field.generated,
    }
    if (field.bitmask !== undefined) out.bitmask = field.bitmask
    const expert = experts.get(field)
    if (expert) out.expert = { severity: expert.severity, group: expert.group, message: expert.message }
    if (field.def.type === 'framenum' && typeof field.value === 'number' && field.value > 0) out.link = field.value
    const filter = field.name ? filterExpressionFor(field) : undefined
    if (filter) out.filter = filter
    const children = nodes(field.children)
    if (children.length) out.children = children
    return out
  }
  const nodes = (fields: readonly Field[] | undefined): FieldNode[] => (fields ?? []).filter((f) => !f.hidden).map(node)
  return { frame: frame.raw.no, tree: nodes(frame.tree), sources: frame.sources.map(byteSource) }
}

/** "Frame (74 bytes)", "Reassembled IPv4 (2,960 bytes)", as Wireshark labels its byte tabs. */
function byteSource(source: { name: string; bytes: Uint8Array }): ByteSourceDto {
  const n = source.bytes.length
  return { label: `${source.name} (${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'})`, bytes: Buffer.from(source.bytes).toString('base64') }
}
