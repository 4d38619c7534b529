// Value names shown in the tree and in some Info columns, in Wireshark's words.

/** Ethertypes (Wireshark's etype_vals, the ones a classroom capture meets). */
export const ETHERTYPES: Readonly<Record<number, string>> = {
  0x0800: 'IPv4',
  0x0806: 'ARP',
  0x0842: 'Wake on LAN',
  0x22f0: 'IEEE 1722 Audio Video Bridging Transport Protocol',
  0x22f3: 'TRILL',
  0x6002: 'DEC DNA Remote Console',
  0x8035: 'RARP',
  0x809b: 'Appletalk',
  0x80f3: 'AARP',
  0x8100: '802.1Q Virtual LAN',
  0x8137: 'Netware IPX/SPX',
  0x86dd: 'IPv6',
  0x8808: 'MAC Control',
  0x8809: 'Slow Protocols',
  0x8847: 'MPLS label switched packet',
  0x8848: 'MPLS multicast label switched packet',
  0x8863: 'PPPoE Discovery',
  0x8864: 'PPPoE Session',
  0x886f: 'MS NLB heartbeat',
  0x888e: '802.1X Authentication',
  0x8892: 'PROFINET',
  0x88a2: 'ATA over Ethernet',
  0x88a4: 'EtherCAT frame',
  0x88a8: '802.1ad Provider Bridge (Q-in-Q)',
  0x88b8: 'IEC 61850/GOOSE',
  0x88cc: '802.1 Link Layer Discovery Protocol (LLDP)',
  0x88e5: '802.1AE (MACsec)',
  0x88e7: '802.1ah Provider Backbone Bridge (mac-in-mac)',
  0x88f7: 'PTPv2 over Ethernet (IEEE1588)',
  0x8906: 'Fibre Channel over Ethernet',
  0x8914: 'FCoE Initialization Protocol',
  0x9000: 'Loopback',
  0x9100: 'VLAN-tagged frame (Q-in-Q)',
}

/** A checksum's status (Wireshark's proto_checksum_vals). */
export const CHECKSUM_STATUS: Readonly<Record<number, string>> = { 0: 'Bad', 1: 'Good', 2: 'Unverified', 3: 'Not present', 4: 'Illegal' }

/** A one-bit flag's words (Wireshark's tfs_set_notset). */
export const SET_NOT_SET = ['Set', 'Not set'] as const

/** The interface states an extended echo reply reports (RFC 8335 §3), in ICMP and ICMPv6 alike. */
export const EXT_ECHO_STATES: Readonly<Record<number, string>> = { 0: 'Reserved', 1: 'Incomplete', 2: 'Reachable', 3: 'Stale', 4: 'Delay', 5: 'Probe', 6: 'Failed' }

/** IP protocol numbers (Wireshark's ipproto_val). */
export const IP_PROTOCOLS: Readonly<Record<number, string>> = {
  0: 'IPv6 Hop-by-Hop Option',
  1: 'ICMP',
  2: 'IGMP',
  4: 'IPIP',
  6: 'TCP',
  17: 'UDP',
  41: 'IPv6',
  43: 'Routing Header for IPv6',
  44: 'Fragment Header for IPv6',
  47: 'Generic Routing Encapsulation',
  50: 'Encap Security Payload',
  51: 'Authentication Header',
  58: 'ICMPv6',
  59: 'IPv6 No Next Header',
  60: 'Destination Options for IPv6',
  89: 'OSPF IGP',
  103: 'PIM',
  112: 'Virtual Router Redundancy Protocol',
  132: 'Stream Control Transmission Protocol',
  136: 'Lightweight User Datagram Protocol',
}

/** LINKTYPE_* names (tcpdump.org/linktypes.html), with the ones TCP Lens decodes first. */
export const LINK_TYPES: Readonly<Record<number, string>> = {
  0: 'BSD loopback (NULL)',
  1: 'Ethernet',
  12: 'Raw IP',
  14: 'Raw IP',
  101: 'Raw IP',
  108: 'OpenBSD loopback (LOOP)',
  113: 'Linux cooked capture (SLL)',
  228: 'Raw IPv4',
  229: 'Raw IPv6',
  276: 'Linux cooked capture v2 (SLL2)',
  // Read, but shown as data: TCP Lens does not decode these.
  9: 'PPP',
  105: 'IEEE 802.11',
  127: 'IEEE 802.11 + radiotap',
  192: 'PPI',
  220: 'USB (Linux, mmapped)',
}

/** Link types TCP Lens decodes (the others show as data). */
export function linkTypeName(linkType: number): string {
  return LINK_TYPES[linkType] ?? `link type ${linkType}`
}

/** Differentiated Services codepoints (RFC 2474, 2597, 3246, 5865), as Wireshark names them for IPv4 and IPv6. */
export const DSCP: Record<number, string> = {
  0: 'CS0', 8: 'CS1', 10: 'AF11', 12: 'AF12', 14: 'AF13', 16: 'CS2', 18: 'AF21', 20: 'AF22', 22: 'AF23', 24: 'CS3',
  26: 'AF31', 28: 'AF32', 30: 'AF33', 32: 'CS4', 34: 'AF41', 36: 'AF42', 38: 'AF43', 40: 'CS5', 44: 'VOICE-ADMIT', 46: 'EF', 48: 'CS6', 56: 'CS7',
}
/** Explicit Congestion Notification (RFC 3168). */
export const ECN: Record<number, string> = { 0: 'Not-ECT', 1: 'ECT(1)', 2: 'ECT(0)', 3: 'CE' }
