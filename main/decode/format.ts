// How a field's value is written: `display` is what `tshark -T fields` prints (and so what
// `tcplens fields` prints), `label` is the line in the detail tree, in Wireshark's style.
import type { Field, FieldDef, FieldValue, Timestamp } from './field'

const HEX_WIDTH: Partial<Record<FieldDef['type'], number>> = { uint8: 2, uint16: 4, uint24: 6, uint32: 8, uint64: 16 }

export function hex(n: number | bigint, width: number): string {
  return '0x' + n.toString(16).padStart(width, '0')
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += HEX_BYTE[bytes[i]]
  return out
}
/** The two hex digits of every byte value. */
export const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/**
 * seconds.nanoseconds as Wireshark writes times and time differences: 9 decimals, or fewer
 * (truncated) for the Time column of a capture with a coarser resolution.
 */
export function formatTime(t: Timestamp, decimals = 9): string {
  if (t.sec < 0 || t.nsec < 0) {
    // A negative difference: Wireshark writes the sign once, before the magnitude.
    let sec = -t.sec
    let nsec = -t.nsec
    if (nsec < 0) {
      sec -= 1
      nsec += 1_000_000_000
    }
    return '-' + formatTime({ sec, nsec }, decimals)
  }
  return decimals === 0 ? String(t.sec) : `${t.sec}.${String(t.nsec).padStart(9, '0').slice(0, decimals)}`
}

/** The value as `tshark -T fields` prints it. */
export function displayValue(def: FieldDef, value: FieldValue, text?: string): string {
  switch (def.type) {
    case 'protocol':
      if (def.protocolDisplay === 'bytes') return value instanceof Uint8Array ? bytesToHex(value) : ''
      if (def.protocolDisplay === 'name') return def.name
      return text ?? def.title
    case 'none':
      return '1'
    case 'bool':
      return value ? '1' : '0'
    case 'uint8':
    case 'uint16':
    case 'uint24':
    case 'uint32':
    case 'uint64':
      if (def.base === 'hex' || def.base === 'hex_dec') return hex(value as number | bigint, HEX_WIDTH[def.type]!)
      return String(value)
    case 'bytes':
      return value instanceof Uint8Array ? bytesToHex(value) : ''
    case 'time':
      return formatTime(value as Timestamp)
    default:
      return String(value)
  }
}

/**
 * The bit picture Wireshark puts before a bit field: ".... ..1." for the SYN bit.
 * `bits` are the container's bits under the mask, not shifted down.
 */
export function bitPattern(bits: number, mask: number, width: number): string {
  let out = ''
  for (let bit = width - 1; bit >= 0; bit--) {
    const m = 2 ** bit
    out += mask & m ? (bits & m ? '1' : '0') : '.'
    if (bit % 4 === 0 && bit !== 0) out += ' '
  }
  return out
}

/** How many bits a mask spans, from its lowest set bit to its highest. */
export function maskWidth(mask: number): number {
  if (mask === 0) return 0
  let low = 0
  while (((mask / 2 ** low) & 1) === 0) low++
  let high = 31
  while (high > low && Math.floor(mask / 2 ** high) % 2 === 0) high--
  return high - low + 1
}

/** The value as the tree shows it: names, units and both bases where Wireshark shows them. */
function valueText(def: FieldDef, value: FieldValue): string {
  switch (def.type) {
    case 'bool': {
      const [yes, no] = def.tfs ?? ['True', 'False']
      return value ? yes : no
    }
    case 'uint8':
    case 'uint16':
    case 'uint24':
    case 'uint32':
    case 'uint64': {
      const n = value as number
      const width = def.bitmask ? Math.max(1, Math.ceil(maskWidth(def.bitmask) / 4)) : HEX_WIDTH[def.type]!
      // A value its table does not name is "Unknown (n)", as Wireshark writes it.
      const named = def.values ? (def.values[n] ?? 'Unknown') : undefined
      let text: string
      switch (def.base) {
        case 'none':
          // BASE_NONE with names (checksum status…): the name alone.
          text = named ?? String(n)
          break
        case 'hex':
          text = named !== undefined ? `${named} (${hex(n, width)})` : hex(n, width)
          break
        case 'hex_dec':
          text = `${hex(n, width)} (${n})`
          break
        case 'dec_hex':
          text = `${n} (${hex(n, width)})`
          break
        default:
          text = named !== undefined ? `${named} (${n})` : String(n)
      }
      return text + (def.unit ?? '')
    }
    case 'time':
      return formatTime(value as Timestamp) + (def.unit ?? ' seconds')
    case 'bytes': {
      const bytes = value as Uint8Array
      return bytes.length > 24 ? bytesToHex(bytes.subarray(0, 24)) + '…' : bytesToHex(bytes)
    }
    default:
      return displayValue(def, value) + (def.unit ?? '')
  }
}

/** The line a field shows in the detail tree. */
export function fieldLabel(field: Field): string {
  if (field.text !== undefined) return field.text
  const def = field.def
  if (def.type === 'protocol' || def.type === 'none') return def.title
  let line = `${def.title}: ${valueText(def, field.value)}`
  if (def.bitmask !== undefined && field.bits !== undefined) {
    line = `${bitPattern(field.bits, def.bitmask, def.bitWidth ?? field.length * 8)} = ${line}`
  }
  return field.generated ? `[${line}]` : line
}

/** `display` and `label` of one occurrence, for callers that hold a Field. */
export function fieldDisplay(field: Field): string {
  return displayValue(field.def, field.value, field.text)
}
