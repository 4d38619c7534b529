import { describe, expect, it } from 'vitest'
import { filterFieldList } from '../../../../main/filter/field-list'
import { FIELD_TITLES_ZH_CN } from '../../../../main/filter/field-titles-zh-CN'
import { allFieldDefs } from '../../../../main/decode/field'

const HAN = /\p{Script=Han}/u

function entry(name: string) {
  const found = filterFieldList().find((info) => info.name === name)
  if (!found) throw new Error(`${name} is not in the list`)
  return found
}

describe('filter/field-list', () => {
  it('should list every registered field, except _ws.text, which tshark 4.0 does not accept in a filter', () => {
    const listed = new Set(filterFieldList().map((info) => info.name))
    const registered = [...allFieldDefs()].map((def) => def.name).filter((name) => name !== '_ws.text')
    expect(registered.filter((name) => !listed.has(name))).toEqual([])
    expect(listed.size).toBe(registered.length)
    expect(listed.has('_ws.text')).toBe(false)
  })

  it('should give every field a Chinese title of its own, not the English one', () => {
    const untranslated = filterFieldList().filter((info) => !HAN.test(info.title['zh-CN']) || info.title['zh-CN'] === info.title.en)
    expect(untranslated.map((info) => info.name)).toEqual([])
  })

  it('should have no Chinese title for a name the decoders do not register', () => {
    const listed = new Set(filterFieldList().map((info) => info.name))
    expect(Object.keys(FIELD_TITLES_ZH_CN).filter((name) => !listed.has(name))).toEqual([])
  })

  it('should keep the English title of the registry, which is the tree title', () => {
    expect(entry('tcp.seq_raw').title.en).toBe('Sequence Number (raw)')
    expect(entry('ip.ttl').title.en).toBe('Time to Live')
    expect(filterFieldList().every((info) => info.title.en.length > 0)).toBe(true)
  })

  it('should word the Chinese titles as a TCP textbook does, keeping the usual abbreviations', () => {
    expect(entry('tcp.flags.syn').title['zh-CN']).toBe('SYN 标志（同步）')
    expect(entry('tcp.seq').title['zh-CN']).toBe('序号（相对）')
    expect(entry('tcp.ack').title['zh-CN']).toBe('确认号（相对）')
    expect(entry('tcp.analysis.retransmission').title['zh-CN']).toBe('重传（分析）')
    expect(entry('ip.ttl').title['zh-CN']).toBe('生存时间（TTL）')
    expect(entry('tcp.window_size').title['zh-CN']).toBe('窗口大小（已按窗口缩放计算）')
  })

  it('should list names once each, sorted', () => {
    const names = filterFieldList().map((info) => info.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  it('should mark the protocols, which a filter can test for existence, and name them in full', () => {
    for (const name of ['frame', 'eth', 'vlan', 'sll', 'ip', 'ipv6', 'tcp', 'udp', 'icmp', 'icmpv6', 'arp']) {
      expect(entry(name), name).toMatchObject({ protocol: true, type: 'Protocol' })
    }
    expect(entry('tcp').title).toEqual({ en: 'Transmission Control Protocol', 'zh-CN': '传输控制协议（TCP）' })
    expect(entry('udp').title.en).toBe('User Datagram Protocol')
    expect(entry('tcp.srcport').protocol).toBe(false)
    expect(entry('tcp.analysis.flags').protocol).toBe(false)
  })

  it('should describe each value type in the words of `tshark -G fields` and `tshark -G ftypes`', () => {
    // Each row checked against tshark 4.0.17: the field's FT_* and that type's description.
    const expected: Record<string, string> = {
      'tcp.analysis.retransmission': 'Label', // FT_NONE
      tcp: 'Protocol', // FT_PROTOCOL
      'tcp.options.mss': 'Protocol', // FT_PROTOCOL: TCP options are protocols in Wireshark
      'tcp.flags.syn': 'Boolean',
      'ip.ttl': 'Unsigned integer (1 byte)',
      'tcp.srcport': 'Unsigned integer (2 bytes)',
      'ipv6.flow': 'Unsigned integer (3 bytes)',
      'tcp.seq': 'Unsigned integer (4 bytes)',
      'tcp.window_size_scalefactor': 'Signed integer (4 bytes)',
      'eth.src': 'Ethernet or other MAC address',
      'ip.addr': 'IPv4 address',
      'ipv6.dst': 'IPv6 address',
      'tcp.payload': 'Byte sequence',
      'tcp.flags.str': 'Character string',
      'frame.time_relative': 'Time offset', // FT_RELATIVE_TIME
      'frame.time_epoch': 'Time offset', //    FT_RELATIVE_TIME as well, in 4.0
      'tcp.analysis.acks_frame': 'Frame number',
      'icmp.resptime': 'Floating point (double-precision)',
    }
    const actual = Object.fromEntries(Object.keys(expected).map((name) => [name, entry(name).type]))
    expect(actual).toEqual(expected)
  })

  it('should build the list once and share it, frozen', () => {
    const first = filterFieldList()
    expect(filterFieldList()).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(Object.isFrozen(first[0])).toBe(true)
    expect(Object.isFrozen(first[0]!.title)).toBe(true)
  })
})
