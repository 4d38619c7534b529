// TCP options (RFC 9293 §3.1 and the RFCs that added kinds): each one a small subtree, as in
// Wireshark, with its kind, its length and its values.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { MAX_WINDOW_SHIFT } from '../../tcp/segment'

const KINDS: Record<number, string> = {
  0: 'End of Option List',
  1: 'No-Operation',
  2: 'Maximum Segment Size',
  3: 'Window Scale',
  4: 'SACK Permitted',
  5: 'SACK',
  8: 'Time Stamp Option',
  19: 'MD5 Signature Option',
  28: 'User Timeout Option',
  29: 'TCP Authentication Option',
  30: 'Multipath TCP',
  34: 'TCP Fast Open Cookie',
  253: 'RFC3692-style Experiment 1',
  254: 'RFC3692-style Experiment 2',
}

const MPTCP_SUBTYPES: Record<number, string> = {
  0: 'Multipath Capable',
  1: 'Join Connection',
  2: 'Data Sequence Signal',
  3: 'Add Address',
  4: 'Remove Address',
  5: 'Change Subflow Priority',
  6: 'TCP Fallback',
  7: 'Fast TCP Close',
  8: 'TCP Reset',
}

const option = (name: string, title: string) => ({ name, title, type: 'protocol' as const, protocolDisplay: 'bytes' as const })

export const TCP_OPTIONS = defineFields({
  options: { name: 'tcp.options', title: 'Options', type: 'bytes' },
  eol: option('tcp.options.eol', 'TCP Option - End of Option List (EOL)'),
  nop: option('tcp.options.nop', 'TCP Option - No-Operation (NOP)'),
  mss: option('tcp.options.mss', 'TCP Option - Maximum segment size'),
  wscale: option('tcp.options.wscale', 'TCP Option - Window scale'),
  sackPerm: option('tcp.options.sack_perm', 'TCP Option - SACK permitted'),
  sack: option('tcp.options.sack', 'TCP Option - SACK'),
  timestamp: option('tcp.options.timestamp', 'TCP Option - Timestamps'),
  tfo: option('tcp.options.tfo', 'TCP Option - TCP Fast Open'),
  mptcp: { name: 'mptcp', title: 'Multipath Transmission Control Protocol', type: 'protocol', short: 'MPTCP' },
  experimental: option('tcp.options.experimental', 'TCP Option - Experimental'),
  unknown: option('tcp.options.unknown', 'TCP Option - Unknown'),
  kind: { name: 'tcp.option_kind', title: 'Kind', type: 'uint8', base: 'dec', values: KINDS },
  len: { name: 'tcp.option_len', title: 'Length', type: 'uint8', base: 'dec' },
  mssVal: { name: 'tcp.options.mss_val', title: 'MSS Value', type: 'uint16', base: 'dec' },
  wscaleShift: { name: 'tcp.options.wscale.shift', title: 'Shift count', type: 'uint8', base: 'dec' },
  wscaleMultiplier: { name: 'tcp.options.wscale.multiplier', title: 'Multiplier', type: 'uint16', base: 'dec' },
  sackLe: { name: 'tcp.options.sack_le', title: 'left edge', type: 'uint32', base: 'dec' },
  sackRe: { name: 'tcp.options.sack_re', title: 'right edge', type: 'uint32', base: 'dec' },
  sackCount: { name: 'tcp.options.sack.count', title: 'TCP SACK Count', type: 'uint8', base: 'dec' },
  tsval: { name: 'tcp.options.timestamp.tsval', title: 'Timestamp value', type: 'uint32', base: 'dec' },
  tsecr: { name: 'tcp.options.timestamp.tsecr', title: 'Timestamp echo reply', type: 'uint32', base: 'dec' },
  tfoRequest: { name: 'tcp.options.tfo.request', title: 'Fast Open Cookie Request', type: 'none' },
  tfoCookie: { name: 'tcp.options.tfo.cookie', title: 'Fast Open Cookie', type: 'bytes' },
  mptcpSubtype: { name: 'tcp.options.mptcp.subtype', title: 'Multipath TCP subtype', type: 'uint8', base: 'dec', bitmask: 0xf0, values: MPTCP_SUBTYPES },
  mptcpVersion: { name: 'tcp.options.mptcp.version', title: 'Multipath TCP version', type: 'uint8', base: 'dec', bitmask: 0x0f },
  experimentalExid: { name: 'tcp.options.experimental.exid', title: 'Experiment Identifier', type: 'uint16', base: 'hex' },
  experimentalData: { name: 'tcp.options.experimental.data', title: 'Data', type: 'bytes' },
  unknownPayload: { name: 'tcp.options.unknown.payload', title: 'Payload', type: 'bytes' },
})

/** The names Wireshark gives options in the "Options:" line and in its messages. */
const OPTION_NAMES: Record<number, string> = {
  2: 'Maximum segment size',
  3: 'Window scale',
  4: 'SACK permitted',
  5: 'SACK',
  8: 'Timestamps',
  19: 'TCP MD5 signature',
  28: 'User Timeout',
  29: 'TCP-AO',
  30: 'Multipath TCP',
  34: 'TCP Fast Open',
}

/**
 * Decodes the options in [at, at + length). Returns the short words Wireshark appends to the
 * Info column, in order ("MSS=1460", "SACK_PERM"…); the TCP engine reads the option values
 * itself (scanTcpOptions). A length that runs past the header is an expert error and ends the
 * list, as in Wireshark.
 */
export function decodeTcpOptions(d: Dissection, span: Span, tcp: Field, at: number, length: number, sackBase = 0): string[] {
  const info: string[] = []
  // A header length that runs past the packet still shows what is there; reading on fails.
  const shown = Math.max(0, Math.min(length, span.end - at))
  const container = d.add(tcp, TCP_OPTIONS.options, at, length, d.bytes.slice(at, at + shown))
  d.need(span, at, length)
  const names: string[] = []
  const end = at + length
  let offset = at
  while (offset < end) {
    const kind = d.u8(span, offset)
    if (kind === 0 || kind === 1) {
      const node = d.subtree(container, kind === 0 ? TCP_OPTIONS.eol : TCP_OPTIONS.nop, offset, 1, kind === 0 ? TCP_OPTIONS.eol.title : TCP_OPTIONS.nop.title)
      d.uint(node, TCP_OPTIONS.kind, span, offset, 1)
      names.push(kind === 0 ? 'End of Option List (EOL)' : 'No-Operation (NOP)')
      // Wireshark reads on after an EOL: the padding zeros that follow are EOLs too.
      offset++
      continue
    }
    const name = OPTION_NAMES[kind] ?? 'Unknown'
    if (offset + 1 >= end) {
      const text = `${name} (option length = 1 byte says option goes past end of options)`
      d.note('note', 'sequence', text, d.text(container, offset, 1, text))
      break
    }
    const optionLength = d.u8(span, offset + 1)
    const plural = (n: number) => `${n} byte${n === 1 ? '' : 's'}`
    if (optionLength < 2) {
      const text = `${name} (with too-short option length = ${plural(optionLength)})`
      d.note('note', 'sequence', text, d.text(container, offset, 2, text))
      break
    }
    if (offset + optionLength > end) {
      const text = `${name} (option length = ${plural(optionLength)} says option goes past end of options)`
      d.note('note', 'sequence', text, d.text(container, offset, end - offset, text))
      break
    }
    names.push(decodeOption(d, span, container, kind, offset, optionLength, info, sackBase))
    offset += optionLength
  }
  container.text = `Options: (${length} bytes), ${names.join(', ')}`
  return info
}

/** `sackBase`: SACK edges show relative to it (the peer's base sequence number, as Wireshark). */
function decodeOption(d: Dissection, span: Span, container: Field, kind: number, at: number, length: number, info: string[], sackBase: number): string {
  const head = (def: (typeof TCP_OPTIONS)[keyof typeof TCP_OPTIONS], text: string) => {
    const node = d.subtree(container, def, at, length, text)
    d.uint(node, TCP_OPTIONS.kind, span, at, 1)
    d.uint(node, TCP_OPTIONS.len, span, at + 1, 1)
    return node
  }
  switch (kind) {
    case 2:
      if (length === 4) {
        const mss = d.u16(span, at + 2)
        const node = head(TCP_OPTIONS.mss, `TCP Option - Maximum segment size: ${mss} bytes`)
        d.uint(node, TCP_OPTIONS.mssVal, span, at + 2, 2)
        info.push(`MSS=${mss}`)
        return 'Maximum segment size'
      }
      break
    case 3:
      if (length === 3) {
        const shift = d.u8(span, at + 2)
        const multiplier = 2 ** Math.min(shift, MAX_WINDOW_SHIFT)
        const node = head(TCP_OPTIONS.wscale, `TCP Option - Window scale: ${shift} (multiply by ${multiplier})`)
        d.uint(node, TCP_OPTIONS.wscaleShift, span, at + 2, 1)
        d.add(node, TCP_OPTIONS.wscaleMultiplier, at + 2, 1, multiplier)
        if (shift > MAX_WINDOW_SHIFT) d.note('warn', 'protocol', `Window scale shift exceeds ${MAX_WINDOW_SHIFT}: ${shift}`, node)
        info.push(`WS=${multiplier}`)
        return 'Window scale'
      }
      break
    case 4:
      if (length === 2) {
        head(TCP_OPTIONS.sackPerm, TCP_OPTIONS.sackPerm.title)
        info.push('SACK_PERM')
        return 'SACK permitted'
      }
      break
    case 5: {
      const blocks = Math.floor((length - 2) / 8)
      const edges: Array<[number, number]> = []
      for (let i = 0; i < blocks; i++) edges.push([(d.u32(span, at + 2 + 8 * i) - sackBase) >>> 0, (d.u32(span, at + 6 + 8 * i) - sackBase) >>> 0])
      const node = head(TCP_OPTIONS.sack, `TCP Option - SACK ${edges.map(([l, r]) => `${l}-${r}`).join(' ')}`)
      edges.forEach(([left, right], i) => {
        d.add(node, TCP_OPTIONS.sackLe, at + 2 + 8 * i, 4, left)
        d.add(node, TCP_OPTIONS.sackRe, at + 6 + 8 * i, 4, right)
      })
      d.generated(node, TCP_OPTIONS.sackCount, blocks)
      info.push(...edges.map(([l, r]) => `SLE=${l} SRE=${r}`))
      return 'SACK'
    }
    case 8:
      if (length === 10) {
        const tsval = d.u32(span, at + 2)
        const tsecr = d.u32(span, at + 6)
        const node = head(TCP_OPTIONS.timestamp, `TCP Option - Timestamps: TSval ${tsval}, TSecr ${tsecr}`)
        d.add(node, TCP_OPTIONS.tsval, at + 2, 4, tsval)
        d.add(node, TCP_OPTIONS.tsecr, at + 6, 4, tsecr)
        info.push(`TSval=${tsval}`, `TSecr=${tsecr}`)
        return 'Timestamps'
      }
      break
    case 34: {
      const node = head(TCP_OPTIONS.tfo, length === 2 ? 'TCP Option - TCP Fast Open Cookie Request' : 'TCP Option - TCP Fast Open Cookie')
      if (length === 2) {
        d.add(node, TCP_OPTIONS.tfoRequest, at, 2, null)
        info.push('TFO=R')
      } else {
        const cookie = d.slice(span, at + 2, length - 2)
        d.add(node, TCP_OPTIONS.tfoCookie, at + 2, length - 2, cookie)
        info.push(`TFO=C`)
      }
      return 'TCP Fast Open'
    }
    case 30: {
      // Multipath TCP is a protocol of its own in Wireshark (frame.protocols ends in ":mptcp").
      const subtype = length > 2 ? d.u8(span, at + 2) >> 4 : -1
      const node = d.protocol(container, TCP_OPTIONS.mptcp, at, length, `Multipath Transmission Control Protocol: ${MPTCP_SUBTYPES[subtype] ?? 'Unknown'}`)
      d.protocolColumn = 'MPTCP'
      d.uint(node, TCP_OPTIONS.kind, span, at, 1)
      d.uint(node, TCP_OPTIONS.len, span, at + 1, 1)
      if (length > 2) {
        const byte = d.u8(span, at + 2)
        d.bitField(node, TCP_OPTIONS.mptcpSubtype, at + 2, 1, byte)
        if (subtype === 0) d.bitField(node, TCP_OPTIONS.mptcpVersion, at + 2, 1, byte)
      }
      return 'Multipath TCP'
    }
    case 253:
    case 254: {
      const node = head(TCP_OPTIONS.experimental, TCP_OPTIONS.experimental.title)
      if (length >= 4) {
        const exid = d.uint(node, TCP_OPTIONS.experimentalExid, span, at + 2, 2)
        info.push(`ExID=${exid.toString(16).toUpperCase()}`)
      }
      if (length > 4) d.add(node, TCP_OPTIONS.experimentalData, at + 4, length - 4, d.slice(span, at + 4, length - 4))
      return 'Experimental'
    }
  }
  // An unknown kind, or a known one with the wrong length: kind, length and the raw bytes.
  const node = head(TCP_OPTIONS.unknown, `TCP Option - Unknown (${kind})`)
  if (length > 2) d.add(node, TCP_OPTIONS.unknownPayload, at + 2, length - 2, d.slice(span, at + 2, length - 2))
  return 'Unknown'
}
