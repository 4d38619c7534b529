// What each TCP header field of a handshake or teardown segment means, in a student's words:
// one row per field (port, numbers, header length, the reserved bits, each flag, window,
// checksum, urgent pointer) and per option, with its size in bits and its value.
import type { Field } from '../../decode/field'
import { TCP_FLAG } from '../../tcp/segment'
import { otherRole, type Step } from '../../tcp/step'
import { m, type MessageKey, type Msg } from '../catalog'
import { flagNames } from '../explain-step'
import { hasFlag } from './segments'
import { role } from './words'

export interface RowContext {
  step: Step
  /** The segment's `tcp` protocol field. */
  tcp: Field
}

export interface FieldSpec {
  /** The student's name for the field (a catalog key). */
  name: MessageKey
  bits: (field: Field) => number
  value: (field: Field, ctx: RowContext) => string | Msg
  meaning: (field: Field, ctx: RowContext) => Msg
}

const child = (parent: Field | undefined, name: string): Field | undefined => parent?.children?.find((f) => f.name === name)
const bytesOf = (f: Field): number => f.length * 8
const bits = (n: number) => (): number => n
const display = (f: Field): string => f.display
const people = (ctx: RowContext) => ({ who: role(ctx.step.from), peer: role(otherRole(ctx.step.from)) })
const flagValue = (f: Field): Msg => (f.value ? m('lab.value.set') : m('lab.value.notSet'))
const flag = (name: MessageKey, meaning: MessageKey, width = 1): FieldSpec => ({ name, bits: bits(width), value: flagValue, meaning: (): Msg => ({ key: meaning }) })

function seqMeaning(_f: Field, ctx: RowContext): Msg {
  const s = ctx.step.segment
  const p = { ...people(ctx), seq: s.seq, len: s.length, next: s.nextSeq }
  if (hasFlag(ctx.step, TCP_FLAG.SYN)) return m('lab.meaning.seq.syn', p)
  if (hasFlag(ctx.step, TCP_FLAG.FIN)) return m('lab.meaning.seq.fin', p)
  if (s.length > 0) return m('lab.meaning.seq.data', p)
  return m('lab.meaning.seq.empty', p)
}

function windowMeaning(_f: Field, ctx: RowContext): Msg {
  const s = ctx.step.segment
  const p = { ...people(ctx), window: s.window }
  if (hasFlag(ctx.step, TCP_FLAG.SYN)) return m('lab.meaning.window.syn', p)
  if (s.windowRaw > 0 && s.window !== s.windowRaw) return m('lab.meaning.window.scaled', { ...p, raw: s.windowRaw, scale: s.window / s.windowRaw })
  return m('lab.meaning.window', p)
}

function headerLength(f: Field): { bytes: number; words: number } {
  const bytes = Number(f.value)
  return { bytes, words: bytes / 4 }
}

/** The fixed header's fields, by Wireshark name. */
export const HEADER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  'tcp.srcport': { name: 'lab.name.srcport', bits: bits(16), value: display, meaning: (_f, ctx) => m('lab.meaning.srcport', people(ctx)) },
  'tcp.dstport': { name: 'lab.name.dstport', bits: bits(16), value: display, meaning: (_f, ctx) => m('lab.meaning.dstport', people(ctx)) },
  'tcp.seq': {
    name: 'lab.name.seq',
    bits: bits(32),
    value: (f, ctx) => (ctx.step.segment.relative ? m('lab.value.relative', { value: f.display, raw: ctx.step.segment.rawSeq }) : f.display),
    meaning: seqMeaning,
  },
  'tcp.ack': {
    name: 'lab.name.ack',
    bits: bits(32),
    value: (f, ctx) => (ctx.step.segment.relative && hasFlag(ctx.step, TCP_FLAG.ACK) ? m('lab.value.relative', { value: f.display, raw: ctx.step.segment.rawAck }) : String(ctx.step.segment.rawAck)),
    meaning: (_f, ctx) => (hasFlag(ctx.step, TCP_FLAG.ACK) ? m('lab.meaning.ack', { ...people(ctx), ack: ctx.step.segment.ack }) : m('lab.meaning.ack.unused', { raw: ctx.step.segment.rawAck })),
  },
  'tcp.hdr_len': {
    name: 'lab.name.hdrLen',
    bits: bits(4),
    value: (f) => m('lab.value.hdrLen', headerLength(f)),
    meaning: (f) => m('lab.meaning.hdrLen', { ...headerLength(f), options: headerLength(f).bytes - 20 }),
  },
  'tcp.flags': {
    name: 'lab.name.flags',
    bits: bits(12),
    value: (f, ctx) => `${f.display} (${flagNames(ctx.step.segment.flags).join(', ')})`,
    meaning: (_f, ctx) => m('lab.meaning.flags', { names: flagNames(ctx.step.segment.flags).join(', ') || '—' }),
  },
  'tcp.flags.res': { name: 'lab.name.res', bits: bits(3), value: display, meaning: () => m('lab.meaning.res') },
  'tcp.flags.ae': flag('lab.name.ae', 'lab.meaning.ae'),
  'tcp.flags.cwr': flag('lab.name.cwr', 'lab.meaning.cwr'),
  'tcp.flags.ece': flag('lab.name.ece', 'lab.meaning.ece'),
  'tcp.flags.urg': flag('lab.name.urg', 'lab.meaning.urg'),
  'tcp.flags.ack': flag('lab.name.ackFlag', 'lab.meaning.ackFlag'),
  'tcp.flags.push': flag('lab.name.push', 'lab.meaning.push'),
  'tcp.flags.reset': flag('lab.name.reset', 'lab.meaning.reset'),
  'tcp.flags.syn': flag('lab.name.syn', 'lab.meaning.syn'),
  'tcp.flags.fin': flag('lab.name.fin', 'lab.meaning.fin'),
  'tcp.window_size_value': { name: 'lab.name.window', bits: bits(16), value: display, meaning: windowMeaning },
  'tcp.checksum': { name: 'lab.name.checksum', bits: bits(16), value: display, meaning: () => m('lab.meaning.checksum') },
  'tcp.urgent_pointer': {
    name: 'lab.name.urgent',
    bits: bits(16),
    value: display,
    meaning: (f, ctx) => (hasFlag(ctx.step, TCP_FLAG.URG) ? m('lab.meaning.urgent', { n: f.display }) : m('lab.meaning.urgent.unused')),
  },
  'tcp.options': { name: 'lab.name.options', bits: bytesOf, value: (f) => m('lab.value.bytes', { n: f.length }), meaning: (f) => m('lab.meaning.options', { n: f.length }) },
}

/** The value an option's tree line shows after its name ("1460 bytes", "TSval 1000, TSecr 0"). */
function optionValue(f: Field): string | Msg {
  const at = f.label.indexOf(': ')
  return at >= 0 ? f.label.slice(at + 2) : m('lab.value.present')
}

const option = (name: MessageKey, meaning: (f: Field, ctx: RowContext) => Msg): FieldSpec => ({ name, bits: bytesOf, value: optionValue, meaning })

/** The options, by Wireshark name; any other option is named by its kind. */
export const OPTION_FIELDS: Readonly<Record<string, FieldSpec>> = {
  'tcp.options.mss': option('lab.name.mss', (f, ctx) => m('lab.meaning.mss', { ...people(ctx), n: child(f, 'tcp.options.mss_val')?.display ?? '?' })),
  'tcp.options.wscale': option('lab.name.wscale', (f, ctx) => {
    const shift = Number(child(f, 'tcp.options.wscale.shift')?.value ?? 0)
    return m('lab.meaning.wscale', { ...people(ctx), shift, factor: 2 ** shift })
  }),
  'tcp.options.sack_perm': option('lab.name.sackPerm', (_f, ctx) => m('lab.meaning.sackPerm', people(ctx))),
  'tcp.options.sack': option('lab.name.sack', () => m('lab.meaning.sack')),
  'tcp.options.timestamp': option('lab.name.timestamp', (f, ctx) =>
    m('lab.meaning.timestamp', { ...people(ctx), tsval: child(f, 'tcp.options.timestamp.tsval')?.display ?? '?', tsecr: child(f, 'tcp.options.timestamp.tsecr')?.display ?? '?' }),
  ),
  'tcp.options.nop': option('lab.name.nop', () => m('lab.meaning.nop')),
  'tcp.options.eol': option('lab.name.eol', () => m('lab.meaning.eol')),
  'tcp.options.tfo': option('lab.name.tfo', () => m('lab.meaning.tfo')),
}

export const OTHER_OPTION: FieldSpec = option('lab.name.option', (f) => m('lab.meaning.option', { kind: child(f, 'tcp.option_kind')?.display ?? '?' }))
