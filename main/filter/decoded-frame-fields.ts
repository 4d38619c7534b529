// FrameFields over a decoded frame: the field tree (hidden fields such as ip.addr and tcp.port
// included) walked once, on the first question, into name → occurrences; each name's values are
// converted to the filter's representation (types.ts) the first time a filter asks for it.
//
// A protocol's value is the captured bytes from its first byte to the end of what it carries (its
// header and every layer after it), as in Wireshark, where `tcp contains "GET"` finds the HTTP
// request after the TCP header; slices and len() see only its own item (protocol-value.ts).
import { parseIpv6 } from '../capture/address-text'
import type { Field, Timestamp } from '../decode/field'
import type { DecodedFrame } from '../decode/frame'
import type { FilterField, FilterValue, FrameFields } from './types'
import { protocolValue } from './protocol-value'
import { ipv4Number, timeNanoseconds } from './representation'

const NO_VALUES: readonly FilterValue[] = []

export function decodedFrameFields(frame: DecodedFrame): FrameFields {
  return new DecodedFrameFields(frame)
}

class DecodedFrameFields implements FrameFields {
  private occurrences?: Map<string, Field[]>
  private readonly converted = new Map<string, FilterValue[]>()
  /** For each field that is a protocol: where the bytes it carries end. */
  private readonly protocolEnds = new Map<Field, number>()

  constructor(private readonly frame: DecodedFrame) {}

  values(field: FilterField): readonly FilterValue[] {
    const cached = this.converted.get(field.name)
    if (cached) return cached
    const fields = this.index().get(field.name)
    if (!fields) return NO_VALUES
    const values = fields.map((occurrence) => this.valueOf(occurrence))
    this.converted.set(field.name, values)
    return values
  }

  private index(): Map<string, Field[]> {
    if (this.occurrences) return this.occurrences
    const occurrences = new Map<string, Field[]>()
    const visit = (field: Field): number => {
      let list = occurrences.get(field.name)
      if (!list) occurrences.set(field.name, (list = []))
      list.push(field)
      let end = field.offset + field.length
      for (const child of field.children ?? []) if (child.source === field.source) end = Math.max(end, visit(child))
      else visit(child)
      if (field.def.type === 'protocol') this.protocolEnds.set(field, end)
      return end
    }
    const topEnds = this.frame.tree.map(visit)
    // A top-level protocol also carries every layer after it (in the same byte source).
    for (let i = topEnds.length - 2; i >= 0; i--) {
      const node = this.frame.tree[i]
      const next = this.frame.tree[i + 1]
      if (next.source === node.source) topEnds[i] = Math.max(topEnds[i], topEnds[i + 1])
      if (node.def.type === 'protocol') this.protocolEnds.set(node, topEnds[i])
    }
    this.occurrences = occurrences
    return occurrences
  }

  private valueOf(field: Field): FilterValue {
    const value = field.value
    switch (field.def.type) {
      case 'protocol': {
        const bytes = this.frame.sources[field.source]?.bytes ?? new Uint8Array(0)
        const carried = bytes.subarray(Math.min(field.offset, bytes.length), Math.min(this.protocolEnds.get(field) ?? field.offset + field.length, bytes.length))
        return protocolValue(carried, field.length)
      }
      case 'none':
        return null
      case 'bool':
        return value ? 1 : 0
      case 'ipv4':
        return typeof value === 'string' ? ipv4Number(value) : (value as number)
      case 'ipv6':
        return typeof value === 'string' ? (parseIpv6(value) ?? new Uint8Array(16)) : (value as Uint8Array)
      case 'ether':
        return typeof value === 'string' ? hexBytes(value) : (value as Uint8Array)
      case 'time':
        return timeNanoseconds(value as Timestamp)
      case 'uint64':
        return typeof value === 'bigint' ? value : BigInt(value as number)
      default:
        return value as FilterValue
    }
  }
}

/** aa:bb:cc:dd:ee:ff → its bytes. */
function hexBytes(text: string): Uint8Array {
  const digits = text.replace(/[^0-9A-Fa-f]/g, '')
  const out = new Uint8Array(digits.length >> 1)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16)
  return out
}
