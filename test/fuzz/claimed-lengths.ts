// Small captures that CLAIM huge lengths: a record of 4 GB in a file of a hundred bytes, a block
// of 0xfffffff0 bytes, a 64 KiB IP datagram in a 60-byte frame. A reader or a decoder that
// believes the claim and allocates it would need gigabytes; the app must read what is there and
// stop at the end. The unit test (claimed-lengths.test.ts) and `npm run bench -- huge` use them.
import { encodePcap, encodePcapng, gzipCapture, type FrameToWrite } from '../../main/capture/writer'
import { ETHERTYPE, ethernet, IPPROTO, ipv4, ipv6, udp } from '../fixtures/packets'
import { exchange, HOST, overEthernet, timed } from '../fixtures/scenarios'
import { pcapngBlocks, pcapRecordOffsets, withU32 } from '../fixtures/damage'

export interface ClaimedLengthCase {
  name: string
  bytes(): Uint8Array
}

const ETH = 1
/** The standard handshake, request, response and close over Ethernet (9 frames). */
const frames = (): FrameToWrite[] => timed(overEthernet(exchange()))
const pcap = () => encodePcap(frames(), { linkType: ETH })
const pcapng = () => encodePcapng({ interfaces: [{ linkType: ETH, snapLen: 0 }], frames: frames() })
const ENHANCED_PACKET = 6

/** The first enhanced packet block of a pcapng file. */
function firstEpb(file: Uint8Array): number {
  const block = pcapngBlocks(file).find((b) => b.type === ENHANCED_PACKET)
  if (!block) throw new Error('no EPB')
  return block.offset
}

/** One Ethernet frame carrying `ip`, in a pcap file, preceded by the standard exchange. */
function withFrame(bytes: Uint8Array): Uint8Array {
  return encodePcap([...frames(), ...timed([bytes], { startSec: 10 })], { linkType: ETH })
}

const v4 = { src: HOST.client.ipv4, dst: HOST.server.ipv4 }
const v6 = { src: HOST.client.ipv6, dst: HOST.server.ipv6 }
/** A TCP header (20 bytes, SYN) whose data offset says 60 bytes. */
const tcpClaiming60 = Uint8Array.of(0x9c, 0x40, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0xf0, 0x02, 0xff, 0xff, 0, 0, 0, 0)

export const CLAIMED_LENGTH_CASES: readonly ClaimedLengthCase[] = [
  {
    name: 'pcap: snaplen 2^31, a record claiming caplen 0xffffffff',
    bytes: () => withU32(withU32(pcap(), 16, 0x80000000, true), pcapRecordOffsets(pcap())[1]! + 8, 0xffffffff, true),
  },
  {
    name: 'pcap: a record claiming caplen 0x7fffffff at the end of the file',
    bytes: () => {
      const file = pcap()
      return withU32(file, pcapRecordOffsets(file).at(-1)! + 8, 0x7fffffff, true)
    },
  },
  {
    name: 'pcap: every record claiming origlen 0xffffffff',
    bytes: () => {
      let file = pcap()
      for (const at of pcapRecordOffsets(file)) file = withU32(file, at + 12, 0xffffffff, true)
      return file
    },
  },
  {
    name: 'pcap.gz: a record claiming caplen 0xffffffff, gzipped',
    bytes: () => gzipCapture(withU32(pcap(), pcapRecordOffsets(pcap())[2]! + 8, 0xffffffff, true)),
  },
  {
    name: 'pcapng: a block claiming total length 0xfffffff0',
    bytes: () => withU32(pcapng(), firstEpb(pcapng()) + 4, 0xfffffff0, true),
  },
  {
    name: 'pcapng: an EPB claiming captured length 0xfffffff0',
    bytes: () => withU32(pcapng(), firstEpb(pcapng()) + 20, 0xfffffff0, true),
  },
  {
    name: 'pcapng: IDB snaplen 2^31, an EPB claiming original length 0xffffffff',
    bytes: () => {
      const file = pcapng()
      const idb = pcapngBlocks(file).find((b) => b.type === 1)!.offset
      return withU32(withU32(file, idb + 12, 0x80000000, true), firstEpb(file) + 24, 0xffffffff, true)
    },
  },
  {
    name: 'pcapng: an option claiming 0xffff bytes, a section length of 2^63',
    bytes: () => {
      const file = encodePcapng({ comments: ['a comment'], interfaces: [{ linkType: ETH, snapLen: 0 }], frames: frames() })
      const view = new DataView(file.buffer)
      view.setUint32(16, 0xffffffff, true)
      view.setUint32(20, 0x7fffffff, true)
      view.setUint16(26, 0xffff, true) // the SHB's first option (the comment) says 64 KiB
      return file
    },
  },
  {
    name: 'IPv4: total length 65535 in a 60-byte frame',
    bytes: () => withFrame(ethernet({ src: HOST.client.mac, dst: HOST.server.mac, etherType: ETHERTYPE.IPV4, payload: ipv4({ ...v4, protocol: IPPROTO.TCP, payload: tcpClaiming60, totalLength: 65535 }), pad: true })),
  },
  {
    name: 'IPv4: a last fragment at offset 65528 claiming a 64 KiB datagram',
    bytes: () =>
      withFrame(ethernet({ src: HOST.client.mac, dst: HOST.server.mac, etherType: ETHERTYPE.IPV4, payload: ipv4({ ...v4, protocol: IPPROTO.UDP, id: 7, fragmentOffset: 65528, payload: new Uint8Array(7) }) })),
  },
  {
    name: 'IPv6: payload length 65535 in a short frame',
    bytes: () => withFrame(ethernet({ src: HOST.client.mac, dst: HOST.server.mac, etherType: ETHERTYPE.IPV6, payload: ipv6({ ...v6, nextHeader: IPPROTO.TCP, payload: tcpClaiming60, payloadLength: 65535 }) })),
  },
  {
    name: 'TCP: data offset 15 (60-byte header) on a 20-byte segment',
    bytes: () => withFrame(ethernet({ src: HOST.client.mac, dst: HOST.server.mac, etherType: ETHERTYPE.IPV4, payload: ipv4({ ...v4, protocol: IPPROTO.TCP, payload: tcpClaiming60 }) })),
  },
  {
    name: 'UDP: length 65535 on an 8-byte datagram',
    bytes: () => withFrame(ethernet({ src: HOST.client.mac, dst: HOST.server.mac, etherType: ETHERTYPE.IPV4, payload: ipv4({ ...v4, protocol: IPPROTO.UDP, payload: udp({ srcPort: 53, dstPort: 53, length: 65535 }) }) })),
  },
]
