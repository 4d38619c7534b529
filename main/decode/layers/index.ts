// The dispatch rows: which decoder handles which link type, ethertype and IP protocol.
// Adding a protocol means adding its decoder file and a row here.
import { etherTypes, ipProtocols, linkTypes } from '../registry'
import { decodeEthernet } from './ethernet'
import { decodeIeee8021ad, decodeVlan } from './vlan'
import { decodeSll, decodeSll2 } from './sll'
import { decodeLoop, decodeNull } from './null'
import { decodeRaw } from './raw'
import { decodeIpv4 } from './ipv4'
import { decodeIpv6 } from './ipv6'
import { decodeTcp } from './tcp'
import { decodeUdp } from './udp'
import { decodeIcmp } from './icmp'
import { decodeArp } from './arp'
import { decodeIcmpv6 } from './icmpv6'

// LINKTYPE_* values (https://www.tcpdump.org/linktypes.html)
linkTypes.set(0, decodeNull)
linkTypes.set(1, decodeEthernet)
linkTypes.set(12, decodeRaw)
linkTypes.set(14, decodeRaw)
linkTypes.set(101, decodeRaw)
linkTypes.set(108, decodeLoop)
linkTypes.set(113, decodeSll)
linkTypes.set(228, decodeIpv4)
linkTypes.set(229, decodeIpv6)
linkTypes.set(276, decodeSll2)

etherTypes.set(0x0800, decodeIpv4)
etherTypes.set(0x0806, decodeArp)
etherTypes.set(0x86dd, decodeIpv6)
etherTypes.set(0x8100, decodeVlan)
etherTypes.set(0x9100, decodeVlan)
etherTypes.set(0x88a8, decodeIeee8021ad)

ipProtocols.set(1, decodeIcmp)
ipProtocols.set(6, decodeTcp)
ipProtocols.set(17, decodeUdp)
ipProtocols.set(58, decodeIcmpv6)
