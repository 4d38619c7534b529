// IPv4 options (RFC 791 and later): type-length-value, after the fixed 20 bytes.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { ipv4Text } from '../addresses'

const OPTION_NAMES: Record<number, string> = {
  0: 'End of Options List (EOL)',
  1: 'No-Operation (NOP)',
  7: 'Record Route (RR)',
  68: 'Time Stamp (TS)',
  82: 'Traceroute (TR)',
  130: 'Security (SEC)',
  131: 'Loose Source Route (LSR)',
  133: 'Extended Security (ESEC)',
  136: 'Stream ID (SID)',
  137: 'Strict Source Route (SSR)',
  148: 'Router Alert (RA)',
  25: 'Quick-Start (QS)',
}

const CLASSES: Record<number, string> = { 0: 'Control', 1: 'Reserved for future use', 2: 'Debugging and measurement', 3: 'Reserved for future use' }

export const IPV4_OPTIONS = defineFields({
  options: { name: 'ip.options', title: 'Options', type: 'bytes' },
  option: { name: 'ip.opt', title: 'IP Option', type: 'protocol', protocolDisplay: 'bytes' },
  type: { name: 'ip.opt.type', title: 'Type', type: 'uint8', base: 'dec' },
  copy: { name: 'ip.opt.type.copy', title: 'Copy on fragmentation', type: 'bool', bitmask: 0x80, tfs: ['Yes', 'No'] },
  class: { name: 'ip.opt.type.class', title: 'Class', type: 'uint8', base: 'dec', bitmask: 0x60, values: CLASSES },
  number: { name: 'ip.opt.type.number', title: 'Number', type: 'uint8', base: 'dec', bitmask: 0x1f },
  len: { name: 'ip.opt.len', title: 'Length', type: 'uint8', base: 'dec' },
  ptr: { name: 'ip.opt.ptr', title: 'Pointer', type: 'uint8', base: 'dec' },
  recordRoute: { name: 'ip.rec_rt', title: 'Recorded Route', type: 'ipv4' },
  sourceRoute: { name: 'ip.src_rt', title: 'Source Route', type: 'ipv4' },
  routerAlert: { name: 'ip.opt.ra', title: 'Router Alert', type: 'uint16', base: 'dec', values: { 0: 'Router shall examine packet (0)' } },
  timestamp: { name: 'ip.opt.time_stamp', title: 'Time stamp', type: 'uint32', base: 'dec' },
  padding: { name: 'ip.opt.padding', title: 'Padding', type: 'bytes' },
})

/** Decodes `length` bytes of options at `at`; a bad option length ends the list with a note. */
export function decodeIpv4Options(d: Dissection, span: Span, ip: Field, at: number, length: number): void {
  const end = at + length
  const names: string[] = []
  const container = d.add(ip, IPV4_OPTIONS.options, at, length, d.slice(span, at, length))
  let offset = at
  while (offset < end) {
    const type = d.u8(span, offset)
    const name = OPTION_NAMES[type] ?? `Unknown (0x${type.toString(16).padStart(2, '0')})`
    names.push(name.replace(/ \(.*\)$/, ''))
    if (type === 0 || type === 1) {
      const option = d.subtree(container, IPV4_OPTIONS.option, offset, 1, `IP Option - ${name}`)
      addType(d, span, option, offset)
      offset++
      if (type === 0) {
        // Whatever follows End of Options is padding.
        if (offset < end) d.add(container, IPV4_OPTIONS.padding, offset, end - offset, d.slice(span, offset, end - offset))
        break
      }
      continue
    }
    const optionLength = offset + 1 < end ? d.u8(span, offset + 1) : 0
    if (optionLength < 2 || offset + optionLength > end) {
      d.note('error', 'protocol', `${name} option length ${optionLength} is invalid`, container)
      break
    }
    if (!(type in OPTION_NAMES)) {
      // Wireshark shows an option it does not know as a line of text, with no fields.
      d.text(container, offset, optionLength, `${name} (${optionLength} bytes)`)
      offset += optionLength
      continue
    }
    const option = d.subtree(container, IPV4_OPTIONS.option, offset, optionLength, `IP Option - ${name} (${optionLength} bytes)`)
    addType(d, span, option, offset)
    d.uint(option, IPV4_OPTIONS.len, span, offset + 1, 1)
    decodeOptionValue(d, span, option, type, offset, optionLength)
    offset += optionLength
  }
  container.text = `Options: (${length} bytes), ${names.join(', ')}`
}

function addType(d: Dissection, span: Span, option: Field, at: number): void {
  const type = d.uintField(option, IPV4_OPTIONS.type, span, at, 1)
  const raw = type.value as number
  d.bitField(type, IPV4_OPTIONS.copy, at, 1, raw)
  d.bitField(type, IPV4_OPTIONS.class, at, 1, raw)
  d.bitField(type, IPV4_OPTIONS.number, at, 1, raw)
}

function decodeOptionValue(d: Dissection, span: Span, option: Field, type: number, at: number, length: number): void {
  switch (type) {
    case 7: // Record Route
    case 131: // Loose Source Route
    case 137: {
      // Strict Source Route
      d.uint(option, IPV4_OPTIONS.ptr, span, at + 2, 1)
      const def = type === 7 ? IPV4_OPTIONS.recordRoute : IPV4_OPTIONS.sourceRoute
      for (let o = at + 3; o + 4 <= at + length; o += 4) d.add(option, def, o, 4, ipv4Text(d.bytes, o))
      break
    }
    case 68: // Time Stamp
      d.uint(option, IPV4_OPTIONS.ptr, span, at + 2, 1)
      for (let o = at + 4; o + 4 <= at + length; o += 4) d.uint(option, IPV4_OPTIONS.timestamp, span, o, 4)
      break
    case 148: // Router Alert
      if (length === 4) d.uint(option, IPV4_OPTIONS.routerAlert, span, at + 2, 2)
      break
  }
}
