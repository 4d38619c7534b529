// Raw IP: no link header at all (LINKTYPE_RAW 101, and its older numbers 12 and 14; 228 is
// IPv4 only, 229 IPv6 only).
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { decodeData } from './data'
import { decodeIpv4 } from './ipv4'
import { decodeIpv6 } from './ipv6'

export const RAW = defineFields({
  raw: { name: 'raw', title: 'Raw packet data', type: 'protocol', short: 'Raw' },
})

function rawNode(d: Dissection, span: Span, parent: Field | null): void {
  d.protocol(parent, RAW.raw, span.start, 0, 'Raw packet data')
  d.protocolColumn = 'Raw'
  d.info = 'Raw packet data'
}

/** Either IP version, told apart by the first nibble. */
export function decodeRaw(d: Dissection, span: Span, parent: Field | null): void {
  rawNode(d, span, parent)
  const version = span.end > span.start ? d.bytes[span.start] >> 4 : -1
  if (version === 4) decodeIpv4(d, span, parent)
  else if (version === 6) decodeIpv6(d, span, parent)
  else decodeData(d, span, parent)
}

// LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229) name the version themselves: the IP decoder
// takes the frame directly, with no "raw" layer (as in Wireshark).
