// Fields: what a decoded frame is made of. Every field carries its Wireshark name, its value,
// and the bytes it came from (absolute offset and length in the frame), so the detail tree,
// the hex pane, `tcplens fields` and the display filters all read the same thing.
import { fieldDisplay, fieldLabel } from './format'


/** The value types of Wireshark's fields (FT_*), as far as TCP Lens uses them. */
export type FieldType =
  | 'protocol' //  a protocol, or a named subtree (FT_PROTOCOL)
  | 'none' //      presence only (FT_NONE)
  | 'bool' //      FT_BOOLEAN
  | 'uint8'
  | 'uint16'
  | 'uint24'
  | 'uint32'
  | 'uint64' //    value is a bigint
  | 'int32'
  | 'ether' //     6 bytes, value is the text aa:bb:cc:dd:ee:ff
  | 'ipv4' //      value is the dotted text
  | 'ipv6' //      value is the RFC 5952 text
  | 'bytes' //     value is a Uint8Array
  | 'string'
  | 'time' //      FT_RELATIVE_TIME: value is a Timestamp (seconds + nanoseconds)
  | 'framenum' //  a frame number
  | 'double'

/** How an integer is shown (Wireshark's BASE_*). */
export type FieldBase = 'dec' | 'hex' | 'hex_dec' | 'dec_hex' | 'none'

/** A time or a time difference, exact to the nanosecond. */
export interface Timestamp {
  sec: number
  nsec: number
}

export type FieldValue = number | bigint | boolean | string | Uint8Array | Timestamp | null

/** The static description of a field: one per Wireshark name, shared by every occurrence. */
export interface FieldDef {
  /** Wireshark's filter name: `tcp.seq_raw`, `ip.src`, `tcp` … */
  name: string
  /** The field's title in the tree: "Sequence Number (raw)". */
  title: string
  type: FieldType
  base?: FieldBase
  /** For bit fields: the mask within the bytes the field covers (tcp.flags.syn: 0x002). */
  bitmask?: number
  /** For bit fields: the width in bits of the bytes the mask applies to (default: length × 8). */
  bitWidth?: number
  /** Names for values (Wireshark's value_string): shown in the tree, never in `fields`. */
  values?: Readonly<Record<number, string>>
  /** Texts for a boolean's true and false (default "True"/"False"). */
  tfs?: readonly [string, string]
  /** Appended to the value in the tree: " bytes", " seconds". */
  unit?: string
  /**
   * For 'protocol' fields: what `tcplens fields` prints. Wireshark prints a real protocol's
   * summary line, but the bytes (in hex) of the small "protocols" that TCP options are, and the
   * bare name of a protocol item added without text (the hidden _ws.malformed of an expert item).
   */
  protocolDisplay?: 'text' | 'bytes' | 'name'
  /** For protocols: the short name Wireshark uses in messages ("TCP", "IPv4"). */
  short?: string
}

/** An expert item: something worth a user's attention, with its severity and group. */
export interface ExpertItem {
  severity: 'chat' | 'note' | 'warn' | 'error'
  group: 'checksum' | 'sequence' | 'response' | 'request' | 'undecoded' | 'reassemble' | 'protocol' | 'malformed' | 'debug' | 'comment' | 'deprecated'
  /** One line, as Wireshark words it where Wireshark has the same item. */
  message: string
  /** The field the item is about, if any. */
  field?: Field
}

/** One occurrence of a field in a frame. */
export class Field {
  /** Sub-fields, in tree order. */
  children?: Field[]
  /** Analysis results have no bytes of their own: Wireshark shows them in [brackets]. */
  generated = false
  /** In the filter namespace but not shown in the tree (ip.addr, tcp.port …). */
  hidden = false
  /** The tree line, when it is not the usual "Title: value". */
  text?: string
  /** For bit fields: the container's bits under the mask, unshifted (for the bit picture). */
  bits?: number
  /**
   * Which of the frame's byte sources (DecodedFrame.sources) `offset` and `length` are in:
   * 0 is the frame itself; a layer decoded from a reassembled IP datagram points into another.
   */
  source = 0

  constructor(
    readonly def: FieldDef,
    /** Absolute offset of the field's first byte in its byte source (the frame, unless `source` says otherwise). */
    readonly offset: number,
    /** Number of bytes the field covers (0 for generated fields with no bytes). */
    public length: number,
    /** Set once, when the field is made; frame.protocols is filled in when the frame is done. */
    public value: FieldValue,
  ) {}

  get name(): string {
    return this.def.name
  }

  get bitmask(): number | undefined {
    return this.def.bitmask
  }

  /** The line in the detail tree: "Source Port: 443", ".... ..1. = Syn: Set". */
  get label(): string {
    return fieldLabel(this)
  }

  /** The value as `tshark -T fields` prints it: "443", "0x0012", "aa:bb:cc:dd:ee:ff". */
  get display(): string {
    return fieldDisplay(this)
  }

  add(child: Field): Field {
    ;(this.children ??= []).push(child)
    return child
  }
}

/** Every field name TCP Lens knows, for `tcplens fields -e` and the display filters. */
const registry = new Map<string, FieldDef>()

/**
 * Declares a set of fields; every decoder declares its own at load time. One name may have
 * several declarations (sll.pkttype is 2 bytes in SLL, 1 in SLL2), as in Wireshark.
 */
export function defineFields<K extends string>(defs: Record<K, FieldDef>): Record<K, FieldDef> {
  for (const def of Object.values<FieldDef>(defs)) {
    if (!registry.has(def.name)) registry.set(def.name, def)
  }
  return defs
}

export function fieldDef(name: string): FieldDef | undefined {
  return registry.get(name)
}

/** Every registered field, the first declaration of each name (load the decoders first). */
export function allFieldDefs(): IterableIterator<FieldDef> {
  return registry.values()
}

/** Visits every field of a tree, depth first, in tree order. */
export function walkFields(fields: readonly Field[], visit: (field: Field) => void): void {
  for (const field of fields) {
    visit(field)
    if (field.children) walkFields(field.children, visit)
  }
}
