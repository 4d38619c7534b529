// The packet list's colours: Wireshark 4.0's default colouring rules (its `colorfilters` file),
// first match wins, keeping those about what TCP Lens decodes, in Wireshark's order. Each rule is
// its Wireshark filter, tested on the frame's fields (hidden ones too, as filters see them).
// Left out, as TCP Lens decodes none of their protocols: HSRP State Change, Spanning Tree
// Topology Change, OSPF State Change, SCTP ABORT, SMB, HTTP (`http || tcp.port == 80 || http2`),
// DCERPC, Routing, System Event; and "TTL low or unexpected" (it needs pim/ospf/vrrp/carp).
import type { ColourClass } from '../../preload/contract/dto'
import { walkFields, type Field } from '../decode/field'
import type { DecodedFrame } from '../decode/frame'

/** What the rules ask of a frame: which fields it has, and their values. */
export class FrameFacts {
  private readonly fields = new Map<string, Field[]>()

  constructor(readonly frame: DecodedFrame) {
    walkFields(frame.tree, (field) => {
      const list = this.fields.get(field.name)
      if (list) list.push(field)
      else this.fields.set(field.name, [field])
    })
  }

  has(name: string): boolean {
    return this.fields.has(name)
  }

  /** Some occurrence of `name` has a value that `test` accepts (a filter's "any" semantics). */
  some(name: string, test: (value: unknown) => boolean): boolean {
    return this.fields.get(name)?.some((field) => test(field.value)) ?? false
  }

  /** The first byte of the first occurrence of `name` (Wireshark's `name[0]`). */
  firstByte(name: string): number | undefined {
    const field = this.fields.get(name)?.[0]
    if (!field || field.length === 0) return undefined
    return this.frame.sources[field.source]?.bytes[field.offset]
  }
}

const BAD = 0
const inSet = (values: readonly number[]) => (value: unknown) => typeof value === 'number' && values.includes(value)
const isBad = (value: unknown) => value === BAD
const isSet = (value: unknown) => value === true || value === 1

export interface ColourRule {
  colour: ColourClass
  /** Wireshark's name and filter, for reference. */
  name: string
  filter: string
  matches(frame: FrameFacts): boolean
}

export const COLOUR_RULES: readonly ColourRule[] = [
  {
    colour: 'bad-tcp',
    name: 'Bad TCP',
    filter: 'tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive && !tcp.analysis.keep_alive_ack',
    matches: (f) => f.has('tcp.analysis.flags') && !f.has('tcp.analysis.window_update') && !f.has('tcp.analysis.keep_alive') && !f.has('tcp.analysis.keep_alive_ack'),
  },
  {
    colour: 'icmp-error',
    name: 'ICMP errors',
    filter: 'icmp.type in { 3..5, 11 } || icmpv6.type in { 1..4 }',
    matches: (f) => f.some('icmp.type', inSet([3, 4, 5, 11])) || f.some('icmpv6.type', inSet([1, 2, 3, 4])),
  },
  { colour: 'arp', name: 'ARP', filter: 'arp', matches: (f) => f.has('arp') },
  { colour: 'icmp', name: 'ICMP', filter: 'icmp || icmpv6', matches: (f) => f.has('icmp') || f.has('icmpv6') },
  { colour: 'tcp-rst', name: 'TCP RST', filter: 'tcp.flags.reset eq 1', matches: (f) => f.some('tcp.flags.reset', isSet) },
  {
    colour: 'checksum-error',
    name: 'Checksum Errors',
    filter: 'eth.fcs.status=="Bad" || ip.checksum.status=="Bad" || tcp.checksum.status=="Bad" || udp.checksum.status=="Bad" || …',
    matches: (f) => ['eth.fcs.status', 'ip.checksum.status', 'tcp.checksum.status', 'udp.checksum.status'].some((name) => f.some(name, isBad)),
  },
  { colour: 'tcp-syn-fin', name: 'TCP SYN/FIN', filter: 'tcp.flags & 0x02 || tcp.flags.fin == 1', matches: (f) => f.some('tcp.flags', (v) => typeof v === 'number' && (v & 0x02) !== 0) || f.some('tcp.flags.fin', isSet) },
  { colour: 'tcp', name: 'TCP', filter: 'tcp', matches: (f) => f.has('tcp') },
  { colour: 'udp', name: 'UDP', filter: 'udp', matches: (f) => f.has('udp') },
  { colour: 'broadcast', name: 'Broadcast', filter: 'eth[0] & 1', matches: (f) => ((f.firstByte('eth') ?? 0) & 1) === 1 },
]

/** The colour of a decoded frame: the first rule it matches, else 'other'. */
export function colourOf(frame: DecodedFrame): ColourClass {
  const facts = new FrameFacts(frame)
  return COLOUR_RULES.find((rule) => rule.matches(facts))?.colour ?? 'other'
}
