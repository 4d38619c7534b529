// The display filter's seams, declared once: what a compiled filter is, what it reads from a
// frame, and how it reports a mistake. The language (lexer, parser, checker, evaluator) is
// behind compileFilter (main/filter/index.ts); where the values come from is behind FrameFields,
// so the same compiled filter runs over a decoded frame (decoded-frame-fields.ts) and over the
// session's packet index (main/session/index-frame-fields.ts).
import type { FieldDef } from '../decode/field'

/**
 * One field's value, as the filter compares it. The representation depends only on the field's
 * FieldType, so a value from the index and one from a decoded tree are the same JavaScript value:
 *   uint8 … uint32, int32, framenum   number
 *   bool                              number: 1 when set (any non-zero bits), else 0
 *   uint64                            bigint
 *   double                            number
 *   ipv4                              number: the address as an unsigned 32-bit integer
 *   ipv6, ether, bytes                Uint8Array (16, 6 or any number of bytes)
 *   protocol                          Uint8Array: the captured bytes the protocol covers
 *   string                            string
 *   time                              bigint: nanoseconds (relative and absolute times alike)
 *   none                              null (it can only be tested for presence)
 */
export type FilterValue = number | bigint | string | Uint8Array | null

/** A field a filter names, resolved against the field registry once, when it is compiled. */
export interface FilterField {
  /** Wireshark's name: tcp.flags.syn, ip.addr, tcp … */
  readonly name: string
  readonly def: FieldDef
  /**
   * True when the filter only asks whether the frame has this field (`tcp`, `tcp.analysis.flags`),
   * never its value: a source that knows presence but not the value (the packet index knows a
   * frame has TCP, not its bytes) can answer it. When the same field is used both ways, false.
   */
  readonly presenceOnly: boolean
}

/** What a filter reads from one frame. */
export interface FrameFields {
  /**
   * Every occurrence of the field in the frame, in tree order, hidden ones included (ip.addr is
   * two occurrences: the source and the destination). Empty when the frame does not have it.
   * The array may be reused by the next call: read it before asking again.
   */
  values(field: FilterField): readonly FilterValue[]
}

/** Where in the filter text a mistake is: [start, end) in UTF-16 code units. */
export interface FilterSpan {
  start: number
  end: number
}

export type FilterLang = 'en' | 'zh-CN'

/** A mistake in a filter: a message in both languages, and where it is. Never thrown. */
export interface FilterError extends FilterSpan {
  /** A stable code for tests and the UI (e.g. 'unexpected-token', 'unknown-field'). */
  code: string
  message: Record<FilterLang, string>
}

/** A filter that compiled: test frames with it as often as needed. */
export interface DisplayFilter {
  /** The text it was compiled from. */
  readonly text: string
  /** Every field it reads (protocols included), each once. */
  readonly fields: readonly FilterField[]
  /** Does the frame pass? Never throws. */
  matches(frame: FrameFields): boolean
}

export type CompileResult = { ok: true; filter: DisplayFilter } | { ok: false; error: FilterError }
