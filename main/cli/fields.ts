// `tcplens fields FILE [-Y FILTER] -e FIELD… [-E …]`: one line per frame (per frame the filter
// selects), exactly as `tshark -n -r FILE [-Y FILTER] -T fields` prints the same fields with the
// same -E options.
import { DecodePass } from '../decode/pass'
import { fieldDef, type Field } from '../decode/field'
import { fieldDisplay } from '../decode/format'
import type { DecodedFrame } from '../decode/frame'
import { readCapture } from './read-capture'
import { captureFileArgument, UsageError, parseArgs } from './argv'
import type { CliIo } from './run'
import { LineWriter } from './output'
import { frameSelector, INVALID_FILTER_STATUS } from './display-filter'
import { commandUsage } from './help'

export interface FieldsOptions {
  header: boolean
  separator: string
  occurrence: 'f' | 'l' | 'a'
  aggregator: string
  quote: '' | '"' | "'"
}

/** The columns tshark can print as fields (_ws.col.*), from a decoded frame. */
const COLUMNS: Record<string, (frame: DecodedFrame) => string> = {
  '_ws.col.No.': (f) => String(f.raw.no),
  '_ws.col.Source': (f) => f.columns.source,
  '_ws.col.Destination': (f) => f.columns.destination,
  '_ws.col.Protocol': (f) => f.columns.protocol,
  '_ws.col.Length': (f) => String(f.raw.origLen),
  '_ws.col.Info': (f) => f.columns.info,
}

/** Parses tshark's -E options. */
function parseFieldsOptions(values: readonly string[]): FieldsOptions {
  const options: FieldsOptions = { header: false, separator: '\t', occurrence: 'a', aggregator: ',', quote: '' }
  for (const item of values) {
    const eq = item.indexOf('=')
    const key = eq < 0 ? item : item.slice(0, eq)
    const value = eq < 0 ? '' : item.slice(eq + 1)
    switch (key) {
      case 'header':
        if (value !== 'y' && value !== 'n') throw new UsageError(`-E header=${value}: use y or n`)
        options.header = value === 'y'
        break
      case 'separator':
        options.separator = escapeChar(value, 'separator')
        break
      case 'aggregator':
        options.aggregator = escapeChar(value, 'aggregator')
        break
      case 'occurrence':
        if (value !== 'f' && value !== 'l' && value !== 'a') throw new UsageError(`-E occurrence=${value}: use f, l or a`)
        options.occurrence = value
        break
      case 'quote':
        if (value === 'd') options.quote = '"'
        else if (value === 's') options.quote = "'"
        else if (value === 'n') options.quote = ''
        else throw new UsageError(`-E quote=${value}: use d, s or n`)
        break
      default:
        throw new UsageError(`-E ${key}: unknown; use header, separator, occurrence, aggregator or quote`)
    }
  }
  return options
}

/** "/t" is a tab and "/s" a space, as in tshark; otherwise the first character. */
function escapeChar(value: string, what: string): string {
  if (value === '/t') return '\t'
  if (value === '/s') return ' '
  if (value.length === 0) throw new UsageError(`-E ${what}= needs a character`)
  return value[0]
}

/** Names that are neither fields TCP Lens knows nor columns. */
function unknownFields(names: readonly string[]): string[] {
  return names.filter((name) => !(name in COLUMNS) && !fieldDef(name))
}

/** Collects every occurrence of the wanted fields, in tree order (hidden ones included). */
function occurrences(tree: readonly Field[], wanted: ReadonlySet<string>): Map<string, Field[]> {
  const found = new Map<string, Field[]>()
  const visit = (fields: readonly Field[]) => {
    for (const field of fields) {
      if (wanted.has(field.def.name)) {
        const list = found.get(field.def.name)
        if (list) list.push(field)
        else found.set(field.def.name, [field])
      }
      if (field.children) visit(field.children)
    }
  }
  visit(tree)
  return found
}

/** One output line for one frame. */
export function formatFieldsRow(frame: DecodedFrame, names: readonly string[], options: FieldsOptions): string {
  const wanted = new Set(names)
  const found = occurrences(frame.tree, wanted)
  const cells = names.map((name) => {
    const column = COLUMNS[name]
    let text: string
    if (column) text = column(frame)
    else {
      const list = found.get(name)
      if (!list) text = ''
      else if (options.occurrence === 'f') text = fieldDisplay(list[0])
      else if (options.occurrence === 'l') text = fieldDisplay(list[list.length - 1])
      else text = list.map(fieldDisplay).join(options.aggregator)
    }
    return options.quote ? options.quote + text + options.quote : text
  })
  return cells.join(options.separator)
}

export async function fieldsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { withValue: ['-e', '-E', '-Y', '-r', '--lang'] })
  const file = captureFileArgument(parsed, commandUsage('fields'))
  const names = parsed.values.get('-e') ?? []
  if (names.length === 0) throw new UsageError('tcplens fields: name at least one field with -e (for example -e frame.number -e tcp.flags)')
  const unknown = unknownFields(names)
  if (unknown.length > 0) {
    io.stderr.write(`tcplens: Some fields aren't valid:\n${unknown.map((n) => `\t${n}\n`).join('')}`)
    return 1
  }
  const options = parseFieldsOptions(parsed.values.get('-E') ?? [])
  const selects = frameSelector(parsed, io)
  if (!selects) return INVALID_FILTER_STATUS
  const out = new LineWriter(io.stdout)
  if (options.header) await out.line(names.join(options.separator))
  const status = await readCapture(file, io, async (reader) => {
    const pass = new DecodePass(reader.info)
    for await (const batch of reader.batches()) {
      for (const raw of batch) {
        // Every frame is decoded, in order, so that the TCP analysis sees them all (tshark's one pass).
        const frame = pass.decode(raw)
        if (selects(frame)) await out.line(formatFieldsRow(frame, names, options))
      }
    }
  })
  await out.flush()
  return status
}
