// "Apply as Filter" for a line of the detail tree, as Wireshark builds it: the field's name for a
// protocol or a presence-only field (`tcp`, `tcp.analysis.retransmission`), else
// `name == value` with the value written so the filter reads it back exactly (`tcp.flags.syn == 1`,
// `ip.src == 10.0.0.1`, `tcp.flags == 0x0012`, `tcp.payload == 47:45:54`, strings quoted and
// escaped, times in seconds). Text-only lines have none.
import type { Field, Timestamp } from '../decode/field'
import { formatTime } from '../decode/format'
import { HEX_BYTE } from '../decode/format'

/** Registered for the detail tree only; a filter cannot name it. */
const TEXT_ONLY = '_ws.text'

export function filterExpressionFor(field: Field): string | undefined {
  const name = field.name
  if (!name || name === TEXT_ONLY) return undefined
  const value = valueLiteral(field)
  if (value === null) return name
  return value === undefined ? undefined : `${name} == ${value}`
}

/** The value as a filter literal; null: the field is tested for presence; undefined: no filter. */
function valueLiteral(field: Field): string | null | undefined {
  const value = field.value
  switch (field.def.type) {
    case 'protocol':
    case 'none':
      return null
    case 'bool':
      return value ? '1' : '0'
    case 'bytes':
      return value instanceof Uint8Array && value.length > 0 ? colonHex(value) : null
    case 'string':
      return typeof value === 'string' ? quoted(value) : undefined
    case 'time':
      return isTimestamp(value) ? formatTime(value) : undefined
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined
    default:
      // Integers as `tshark -T fields` writes them (hex for hex fields), addresses as text.
      return value === null || value === undefined || typeof value === 'object' ? undefined : field.display
  }
}

function colonHex(bytes: Uint8Array): string {
  let out = HEX_BYTE[bytes[0]]
  for (let i = 1; i < bytes.length; i++) out += ':' + HEX_BYTE[bytes[i]]
  return out
}

/** A string literal: backslash and quote escaped, control characters as \xHH. */
function quoted(text: string): string {
  let out = '"'
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (char === '\\' || char === '"') out += '\\' + char
    else if (code < 0x20 || code === 0x7f) out += '\\x' + HEX_BYTE[code]
    else out += char
  }
  return out + '"'
}

function isTimestamp(value: unknown): value is Timestamp {
  return typeof value === 'object' && value !== null && 'sec' in value && 'nsec' in value
}
