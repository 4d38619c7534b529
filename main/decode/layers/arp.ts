// ARP (RFC 826) and its relatives that share the packet format: RARP (RFC 903), Inverse ARP
// (RFC 2390), DRARP. As Wireshark's packet-arp.c: the Info text tells requests, replies,
// gratuitous ARPs, probes and announcements (RFC 5227) apart, and an IPv4 address seen at a
// second MAC address is reported as a duplicate.
import { OutOfBounds, type Dissection, type Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { ipv4Text, macText } from '../addresses'
import { bytesToHex } from '../format'
import { ETHERTYPES } from '../names'

/** Byte layout of the fixed part; the addresses follow at 8, sized by the two size bytes. */
export const ARP_LAYOUT = { hwType: 0, protoType: 2, hwSize: 4, protoSize: 5, opcode: 6, addresses: 8 } as const

export const ARP_OP = {
  REQUEST: 1,
  REPLY: 2,
  RREQUEST: 3,
  RREPLY: 4,
  DRARP_REQUEST: 5,
  DRARP_REPLY: 6,
  DRARP_ERROR: 7,
  IREQUEST: 8,
  IREPLY: 9,
  ATMARP_NAK: 10,
} as const

/** Wireshark's op_vals. */
const OPCODES: Record<number, string> = {
  1: 'request',
  2: 'reply',
  3: 'reverse request',
  4: 'reverse reply',
  5: 'drarp request',
  6: 'drarp reply',
  7: 'drarp error',
  8: 'inverse request',
  9: 'inverse reply',
  10: 'arp nak',
  11: 'mars request',
  12: 'mars multi',
  13: 'mars mserv',
  14: 'mars join',
  15: 'mars leave',
  16: 'mars nak',
  17: 'mars unserv',
  18: 'mars sjoin',
  19: 'mars sleave',
  20: 'mars grouplist request',
  21: 'mars grouplist reply',
  22: 'mars redirect map',
  23: 'mapos unarp',
  24: 'experimental 1',
  25: 'experimental 2',
  0: 'reserved',
  65535: 'reserved',
}

/** Wireshark's arp_hrd_vals (the hardware types a capture meets, and the rest of IANA's list). */
const HW_TYPES: Record<number, string> = {
  0: 'NET/ROM pseudo', 1: 'Ethernet', 2: 'Experimental Ethernet', 3: 'AX.25', 4: 'ProNET', 5: 'Chaos', 6: 'IEEE 802', 7: 'ARCNET',
  8: 'Hyperchannel', 9: 'Lanstar', 10: 'Autonet Short Address', 11: 'Localtalk', 12: 'LocalNet', 13: 'Ultra link', 14: 'SMDS',
  15: 'Frame Relay DLCI', 16: 'ATM', 17: 'HDLC', 18: 'Fibre Channel', 19: 'ATM (RFC 2225)', 20: 'Serial Line', 21: 'ATM',
  22: 'MIL-STD-188-220', 23: 'Metricom STRIP', 24: 'IEEE 1394.1995', 25: 'MAPOS', 26: 'Twinaxial', 27: 'EUI-64', 28: 'HIPARP',
  29: 'IP and ARP over ISO 7816-3', 30: 'ARPSec', 31: 'IPsec tunnel', 32: 'InfiniBand', 33: 'TIA-102 Project 25 CAI',
  34: 'Wiegand Interface', 35: 'Pure IP', 36: 'Experimental 1', 37: 'HFI', 256: 'Experimental 2', 257: 'AEthernet',
  260: 'Notional KISS type', 264: 'ADAPT', 270: 'ROSE', 271: 'CCITT X.25', 272: 'Boards with X.25 in firmware',
  280: 'Controller Area Network', 512: 'PPP', 513: 'Cisco HDLC', 516: 'LAPB', 517: "Digital's DDCMP protocol", 518: 'Raw HDLC',
  519: 'Raw IP', 768: 'IPIP tunnel', 769: 'IP6IP6 tunnel', 770: 'Frame Relay Access Device', 771: 'SKIP vif', 772: 'Loopback',
  774: 'Fiber Distributed Data Interface', 775: 'AP1000 BIF', 776: 'sit0 device - IPv6-in-IPv4', 777: 'IP over DDP tunneller',
  778: 'GRE over IP', 779: 'PIMSM register interface', 780: 'High Performance Parallel Interface', 781: 'Nexus 64Mbps Ash',
  782: 'Acorn Econet', 783: 'Linux-IrDA', 784: 'Point to point fibrechannel', 785: 'Fibrechannel arbitrated loop',
  786: 'Fibrechannel public loop', 787: 'Fibrechannel fabric', 800: 'Magic type ident for TR', 801: 'IEEE 802.11',
  802: 'IEEE 802.11 + Prism2 header', 803: 'IEEE 802.11 + radiotap header', 804: 'IEEE 802.15.4', 805: 'IEEE 802.15.4 network monitor',
  820: 'PhoNet media type', 821: 'PhoNet pipe header', 822: 'CAIF media type', 823: 'GRE over IPv6', 824: 'Netlink',
  825: 'IPv6 over LoWPAN', 826: 'Vsock monitor header', 65535: 'Void type, nothing is known', 65534: 'zero header length',
}

const DRARP_STATUS: Record<number, string> = { 1: 'restricted', 2: 'no address', 3: 'serverdown', 4: 'moved', 5: 'failure' }

export const ARP = defineFields({
  arp: { name: 'arp', title: 'Address Resolution Protocol', type: 'protocol', short: 'ARP/RARP' },
  hwType: { name: 'arp.hw.type', title: 'Hardware type', type: 'uint16', base: 'dec', values: HW_TYPES },
  protoType: { name: 'arp.proto.type', title: 'Protocol type', type: 'uint16', base: 'hex', values: ETHERTYPES },
  hwSize: { name: 'arp.hw.size', title: 'Hardware size', type: 'uint8', base: 'dec' },
  protoSize: { name: 'arp.proto.size', title: 'Protocol size', type: 'uint8', base: 'dec' },
  opcode: { name: 'arp.opcode', title: 'Opcode', type: 'uint16', base: 'dec', values: OPCODES },
  isGratuitous: { name: 'arp.isgratuitous', title: 'Is gratuitous', type: 'bool' },
  isProbe: { name: 'arp.isprobe', title: 'Is probe', type: 'bool' },
  isAnnouncement: { name: 'arp.isannouncement', title: 'Is announcement', type: 'bool' },
  srcHw: { name: 'arp.src.hw', title: 'Sender hardware address', type: 'bytes' },
  srcHwMac: { name: 'arp.src.hw_mac', title: 'Sender MAC address', type: 'ether' },
  srcProto: { name: 'arp.src.proto', title: 'Sender protocol address', type: 'bytes' },
  srcProtoIpv4: { name: 'arp.src.proto_ipv4', title: 'Sender IP address', type: 'ipv4' },
  dstHw: { name: 'arp.dst.hw', title: 'Target hardware address', type: 'bytes' },
  dstHwMac: { name: 'arp.dst.hw_mac', title: 'Target MAC address', type: 'ether' },
  dstProto: { name: 'arp.dst.proto', title: 'Target protocol address', type: 'bytes' },
  dstProtoIpv4: { name: 'arp.dst.proto_ipv4', title: 'Target IP address', type: 'ipv4' },
  drarpErrorStatus: { name: 'arp.dst.drarp_error_status', title: 'DRARP error status', type: 'uint16', base: 'dec', values: DRARP_STATUS },
  duplicateFrame: { name: 'arp.duplicate-address-frame', title: 'Frame showing earlier use of IP address', type: 'framenum' },
  duplicateSeconds: { name: 'arp.seconds-since-duplicate-address-frame', title: 'Seconds since earlier frame seen', type: 'uint32', base: 'dec' },
})

/** Ethernet-like hardware addresses (Wireshark's ARP_HW_IS_ETHER). */
function hwIsEther(type: number, length: number): boolean {
  return (type === 1 || type === 6) && length === 6
}

/** IPv4 protocol addresses (ARP_PRO_IS_IPv4; 0xcc is AX.25's IP). */
function protoIsIpv4(type: number, length: number): boolean {
  return (type === 0x0800 || type === 0xcc) && length === 4
}

export function decodeArp(d: Dissection, span: Span, parent: Field | null): void {
  const L = ARP_LAYOUT
  const at = span.start
  const b = d.bytes
  d.enter(ARP.arp)
  // Named ARP with an empty Info until the addresses are read, so that a short packet shows as
  // a short ARP packet.
  d.protocolColumn = 'ARP'
  d.info = ''
  const hwType = d.u16(span, at)
  const node = d.attach(parent, ARP.arp, at, Math.max(0, Math.min(span.end, span.reported) - at), ARP.arp.title)
  d.add(node, ARP.hwType, at, 2, hwType)
  const protoType = d.uintField(node, ARP.protoType, span, at + L.protoType, 2).value as number
  const hwSize = d.uint(node, ARP.hwSize, span, at + L.hwSize, 1)
  const protoSize = d.uint(node, ARP.protoSize, span, at + L.protoSize, 1)
  const op = d.uintField(node, ARP.opcode, span, at + L.opcode, 2).value as number

  // The packet ends where its sizes say; what follows is the link layer's padding or trailer.
  const total = L.addresses + 2 * hwSize + 2 * protoSize
  if (at + total > span.reported) throw new OutOfBounds('malformed', span.reported)
  d.setLength(span, total)
  d.resize(node, total)

  switch (op) {
    case ARP_OP.RREQUEST:
    case ARP_OP.RREPLY:
      d.protocolColumn = 'RARP'
      break
    case ARP_OP.DRARP_REQUEST:
    case ARP_OP.DRARP_REPLY:
    case ARP_OP.DRARP_ERROR:
      d.protocolColumn = 'DRARP'
      break
    case ARP_OP.IREQUEST:
    case ARP_OP.IREPLY:
      d.protocolColumn = 'Inverse ARP'
      break
    case 23:
      d.protocolColumn = 'MAPOS'
      break
    default:
      if (op >= 11 && op <= 22) d.protocolColumn = 'MARS'
  }

  const sha = at + L.addresses
  const spa = sha + hwSize
  const tha = spa + protoSize
  const tpa = tha + hwSize
  d.need(span, sha, total - L.addresses)
  const hw = (offset: number) => (hwSize === 0 ? '<No address>' : hwIsEther(hwType, hwSize) ? macText(b, offset) : bytesToHex(b.subarray(offset, offset + hwSize)))
  const proto = (offset: number) => (protoSize === 0 ? '<No address>' : protoIsIpv4(protoType, protoSize) ? ipv4Text(b, offset) : bytesToHex(b.subarray(offset, offset + protoSize)))
  const ether = hwIsEther(hwType, hwSize)
  const ipv4 = protoIsIpv4(protoType, protoSize)

  // RFC 826 has no duplicate check, but an IPv4 address that moves to a new MAC address is
  // worth a warning (Wireshark keeps a table of the bindings it has seen).
  let duplicate: { ip: string; mac: string; earlier: { mac: string; frame: number; sec: number } } | undefined
  const hooks = d.context
  if ((op === ARP_OP.REQUEST || op === ARP_OP.REPLY) && ether && ipv4 && hooks.arpBinding) {
    const usable = (macAt: number, ipAt: number) => (b[macAt] & 1) === 0 && b.subarray(macAt, macAt + 6).some((x) => x !== 0) && b.subarray(ipAt, ipAt + 4).some((x) => x !== 0)
    const check = (macAt: number, ipAt: number) => {
      const ip = ipv4Text(b, ipAt)
      const mac = macText(b, macAt)
      const earlier = hooks.arpBinding!(ip, mac, d.raw.no, d.raw.tsSec)
      if (earlier) duplicate = { ip, mac, earlier }
    }
    if (usable(sha, spa)) check(sha, spa)
    if (usable(tha, tpa) && op !== ARP_OP.REQUEST && duplicate?.ip !== ipv4Text(b, tpa)) check(tha, tpa)
  }

  // Gratuitous: the same sender and target protocol address. A request with no target hardware
  // address is an announcement; from 0.0.0.0 it is a probe (RFC 5227).
  const sameAddress = b.subarray(spa, spa + protoSize).every((x, i) => x === b[tpa + i])
  const thaZero = b.subarray(tha, tha + 6).every((x) => x === 0)
  const gratuitous = (op === ARP_OP.REQUEST || op === ARP_OP.REPLY) && sameAddress
  const announcement = gratuitous && op === ARP_OP.REQUEST && thaZero
  const probe = !gratuitous && op === ARP_OP.REQUEST && thaZero && b.subarray(spa, spa + 4).every((x) => x === 0)
  d.info = arpInfo(op, { sha: hw(sha), spa: proto(spa), tha: hw(tha), tpa: proto(tpa) }, gratuitous, announcement, probe)

  let opName = OPCODES[op]
  if (opName !== undefined) {
    if (gratuitous && op === ARP_OP.REQUEST) opName = 'request/gratuitous ARP'
    if (gratuitous && op === ARP_OP.REPLY) opName = 'reply/gratuitous ARP'
    if (probe) opName = 'ARP Probe'
    if (announcement) opName = 'ARP Announcement'
    node.text = `${ARP.arp.title} (${opName})`
  } else node.text = `${ARP.arp.title} (opcode 0x${op.toString(16).padStart(4, '0')})`
  if (gratuitous) d.generated(node, ARP.isGratuitous, true)
  if (probe) d.generated(node, ARP.isProbe, true)
  if (announcement) d.generated(node, ARP.isAnnouncement, true)
  if (hwSize) d.add(node, ether ? ARP.srcHwMac : ARP.srcHw, sha, hwSize, ether ? macText(b, sha) : b.slice(sha, sha + hwSize))
  if (protoSize) d.add(node, ipv4 ? ARP.srcProtoIpv4 : ARP.srcProto, spa, protoSize, ipv4 ? ipv4Text(b, spa) : b.slice(spa, spa + protoSize))
  if (hwSize) d.add(node, ether ? ARP.dstHwMac : ARP.dstHw, tha, hwSize, ether ? macText(b, tha) : b.slice(tha, tha + hwSize))
  if (protoSize && op !== ARP_OP.DRARP_ERROR) d.add(node, ipv4 ? ARP.dstProtoIpv4 : ARP.dstProto, tpa, protoSize, ipv4 ? ipv4Text(b, tpa) : b.slice(tpa, tpa + protoSize))
  else if (protoSize) d.add(node, ARP.drarpErrorStatus, tpa, 1, b[tpa])

  if (duplicate) {
    const { ip, mac, earlier } = duplicate
    const report = d.text(parent, at, 0, `[Duplicate IP address detected for ${ip} (${mac}) - also in use by ${earlier.mac} (frame ${earlier.frame})]`)
    report.generated = true
    const frameField = d.generated(report, ARP.duplicateFrame, earlier.frame, at, 0)
    d.note('warn', 'sequence', `Duplicate IP address configured (${ip})`, frameField)
    d.generated(report, ARP.duplicateSeconds, d.raw.tsSec - earlier.sec, at, 0)
    d.info += ` (duplicate use of ${ip} detected!)`
  }
}

/** The MARS (RFC 2022) message names Wireshark puts in the Info column, by opcode. */
const MARS_MESSAGES: Record<number, string> = {
  11: 'request',
  12: 'MULTI request',
  13: 'MSERV request',
  14: 'JOIN request',
  15: 'LEAVE',
  16: 'NAK',
  17: 'UNSERV request',
  18: 'SJOIN request',
  19: 'SLEAVE',
  20: 'grouplist request',
  21: 'grouplist reply',
  22: 'redirect map',
}

function arpInfo(op: number, a: { sha: string; spa: string; tha: string; tpa: string }, gratuitous: boolean, announcement: boolean, probe: boolean): string {
  switch (op) {
    case ARP_OP.REQUEST:
      if (gratuitous) return announcement ? `ARP Announcement for ${a.tpa}` : `Gratuitous ARP for ${a.tpa} (Request)`
      if (probe) return `Who has ${a.tpa}? (ARP Probe)`
      return `Who has ${a.tpa}? Tell ${a.spa}`
    case ARP_OP.REPLY:
      return gratuitous ? `Gratuitous ARP for ${a.spa} (Reply)` : `${a.spa} is at ${a.sha}`
    case ARP_OP.RREQUEST:
    case ARP_OP.IREQUEST:
    case ARP_OP.DRARP_REQUEST:
      return `Who is ${a.tha}? Tell ${a.sha}`
    case ARP_OP.RREPLY:
    case ARP_OP.DRARP_REPLY:
      return `${a.tha} is at ${a.tpa}`
    case ARP_OP.DRARP_ERROR:
      return 'DRARP Error'
    case ARP_OP.IREPLY:
      return `${a.sha} is at ${a.spa}`
    case ARP_OP.ATMARP_NAK:
      return 'ARP NAK'
    case 23:
      return `MAPOS UNARP request from ${a.sha} at ${a.spa}`
    case 24:
      return `Experimental 1 ( opcode ${op} )`
    case 25:
      return `Experimental 2 ( opcode ${op} )`
    case 0:
    case 65535:
      return `Reserved opcode ${op}`
    default:
      if (MARS_MESSAGES[op]) return `MARS ${MARS_MESSAGES[op]} from ${a.sha} at ${a.spa}`
      return `Unknown ARP opcode 0x${op.toString(16).padStart(4, '0')}`
  }
}
