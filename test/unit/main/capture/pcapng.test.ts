import { describe, expect, it } from 'vitest'
import { openCaptureBytes } from '../../../../main/capture/open'
import type { TsResolution } from '../../../../main/capture/source'
import { encodePcapng, type FrameToWrite } from '../../../../main/capture/writer'
import {
  concat,
  END_OF_OPTIONS,
  enhancedPacket,
  interfaceBlock,
  option,
  payload,
  rawBlock,
  readClean,
  sectionHeader,
  build,
} from './read-all'

const frame = (n: number, extra: Partial<FrameToWrite> = {}): FrameToWrite => ({
  tsSec: 1_700_000_000 + n,
  tsNsec: n * 1000,
  bytes: payload(n, 40 + n),
  ...extra,
})

/** Tick counts, and what tshark 4.0.17 prints as frame.time_epoch for them at each if_tsresol. */
const TICKS: Array<[number, number]> = [
  [0, 1],
  [0, 999_999_999],
  [1, 0],
  [0x12345, 0x89abcdef],
  [0xffffffff, 0xffffffff],
  [0x0000ffff, 0xfffffff0],
  [400, 7],
]
const TSHARK: Array<[string, TsResolution, number, string[]]> = [
  ['10^-6 (the default)', { base: 10, exponent: 6 }, 0, ['0.000001000', '999.999999000', '4294.967296000', '320256546.164207000', '18446744073709.551615000', '281474976.710640000', '1717986.918407000']],
  ['10^-9', { base: 10, exponent: 9 }, 0, ['0.000000001', '0.999999999', '4.294967296', '320256.546164207', '18446744073.709551615', '281474.976710640', '1717.986918407']],
  ['10^-7', { base: 10, exponent: 7 }, 0, ['0.000000100', '99.999999900', '429.496729600', '32025654.616420700', '1844674407370.955161500', '28147497.671064000', '171798.691840700']],
  ['10^-3', { base: 10, exponent: 3 }, 0, ['0.001000000', '999999.999000000', '4294967.296000000', '320256546164.207000000', '18446744073709551.615000000', '281474976710.640000000', '1717986918.407000000']],
  ['10^0', { base: 10, exponent: 0 }, 0, ['1.000000000', '999999999.000000000', '4294967296.000000000', '320256546164207.000000000', '-1.000000000', '281474976710640.000000000', '1717986918407.000000000']],
  ['10^-12 (the nanosecond product wraps at 2^64)', { base: 10, exponent: 12 }, 0, ['0.000000000', '0.000999999', '0.004294967', '320.016738491', '18446744.018369319', '281.013808108', '1.017010643']],
  ['10^-19', { base: 10, exponent: 19 }, 0, ['0.000000000', '0.000000000', '0.000000000', '0.000000000', '1.000000001', '0.000000001', '0.000000000']],
  ['2^-10', { base: 2, exponent: 10 }, 0, ['0.000976562', '976562.499023437', '4194304.000000000', '312750533363.483398437', '18014398509481983.999023437', '274877906943.984375000', '1677721600.006835937']],
  ['2^-20', { base: 2, exponent: 20 }, 0, ['0.000000953', '953.674315452', '4096.000000000', '305420442.737776756', '17592186044415.999999046', '268435455.999984741', '1638400.000006675']],
  ['2^-24', { base: 2, exponent: 24 }, 0, ['0.000000059', '59.604644715', '256.000000000', '19088777.671111047', '1099511627775.999999940', '16777215.999999046', '102400.000000417']],
  ['2^-30', { base: 2, exponent: 30 }, 0, ['0.000000000', '0.931322573', '4.000000000', '298262.151111110', '17179869183.999999999', '262143.999999985', '1600.000000006']],
  ['2^-32', { base: 2, exponent: 32 }, 0, ['0.000000000', '0.232830643', '1.000000000', '74565.537777777', '4294967295.999999999', '65535.999999996', '400.000000001']],
  ['2^-40 (the nanosecond product wraps at 2^64)', { base: 2, exponent: 40 }, 0, ['0.000000000', '0.000909494', '0.003906250', '291.003196488', '16777215.010144255', '255.010144255', '1.008851872']],
  ['2^-63', { base: 2, exponent: 63 }, 0, ['0.000000000', '0.000000000', '0.000000000', '0.000000000', '1.000000001', '0.000000001', '0.000000000']],
  ['10^-6 with if_tsoffset 1000', { base: 10, exponent: 6 }, 1000, ['1000.000001000', '1999.999999000', '5294.967296000', '320257546.164207000', '18446744074709.551615000', '281475976.710640000', '1718986.918407000']],
  ['10^-6 with if_tsoffset -1000', { base: 10, exponent: 6 }, -1000, ['-1000.000001000', '-1.999999000', '3294.967296000', '320255546.164207000', '18446744072709.551615000', '281473976.710640000', '1716986.918407000']],
]

/** tshark's "sec.nsec" as (tsSec, tsNsec); seconds past 2^53 round as a Number would. */
const epoch = (text: string) => {
  const [sec, nsec] = text.split('.')
  return [Number(sec), Number(nsec)]
}

describe('capture/pcapng', () => {
  describe('sections', () => {
    it.each([
      ['little-endian', false],
      ['big-endian', true],
    ])('should read a %s section with its options', async (_name, bigEndian) => {
      const file = encodePcapng({
        bigEndian,
        comments: ['first comment', 'second, ünïcode'],
        hardware: 'x86_64',
        os: 'Linux 6.1',
        userApplication: 'TCP Lens tests',
        interfaces: [{ linkType: 1 }],
        frames: [frame(1), frame(2)],
      })
      const { info, frames } = await readClean(file)
      expect(info.format).toBe('pcapng')
      expect(info.sections).toEqual([
        {
          offset: 0,
          littleEndian: !bigEndian,
          version: '1.0',
          comments: ['first comment', 'second, ünïcode'],
          hardware: 'x86_64',
          os: 'Linux 6.1',
          userApplication: 'TCP Lens tests',
        },
      ])
      expect(frames.map((f) => [f.no, f.tsSec, f.tsNsec, f.capLen, f.origLen])).toEqual([
        [1, 1_700_000_001, 1000, 41, 41],
        [2, 1_700_000_002, 2000, 42, 42],
      ])
      expect(frames.map((f) => f.bytes)).toEqual([payload(1, 41), payload(2, 42)])
    })

    it('should read several sections, each with its own byte order and interfaces, numbering interfaces globally', async () => {
      const first = encodePcapng({
        interfaces: [
          { linkType: 1, name: 'eth0' },
          { linkType: 101, name: 'tun0' },
        ],
        frames: [frame(1), frame(2, { interfaceId: 1 })],
      })
      const second = encodePcapng({
        bigEndian: true,
        interfaces: [
          { linkType: 0, name: 'lo0' },
          { linkType: 113, name: 'any', tsResolution: { base: 10, exponent: 9 } },
        ],
        frames: [frame(3, { interfaceId: 1, tsNsec: 123_456_789 }), frame(4, { interfaceId: 0 })],
      })
      const { info, frames } = await readClean(concat(first, second))
      expect(info.sections.map((s) => [s.offset, s.littleEndian])).toEqual([
        [0, true],
        [first.length, false],
      ])
      expect(info.interfaces.map((i) => [i.id, i.section, i.name, i.linkType])).toEqual([
        [0, 0, 'eth0', 1],
        [1, 0, 'tun0', 101],
        [2, 1, 'lo0', 0],
        [3, 1, 'any', 113],
      ])
      expect(frames.map((f) => [f.no, f.interfaceId, f.linkType, f.tsNsec])).toEqual([
        [1, 0, 1, 1000],
        [2, 1, 101, 2000],
        [3, 3, 113, 123_456_789],
        [4, 2, 0, 4000],
      ])
    })

    it('should read version 1.2 sections (written by old tools), as Wireshark does', async () => {
      const file = concat(sectionHeader({ minor: 2 }), interfaceBlock(1, 0), enhancedPacket({ data: payload(1) }))
      const { info, frames } = await readClean(file)
      expect(info.sections[0].version).toBe('1.2')
      expect(frames).toHaveLength(1)
    })
  })

  describe('interfaces', () => {
    it('should read an IDB with its link type, snaplen and options', async () => {
      const file = encodePcapng({
        interfaces: [
          { linkType: 1, snapLen: 96, name: 'eth0', description: 'Intel I219', os: 'Linux', filter: 'tcp port 80' },
          { linkType: 276, snapLen: 0 },
        ],
        frames: [frame(1, { interfaceId: 1 })],
      })
      const { info, frames } = await readClean(file)
      expect(info.interfaces).toEqual([
        { id: 0, section: 0, linkType: 1, snapLen: 96, tsResolution: { base: 10, exponent: 6 }, tsOffset: 0, name: 'eth0', description: 'Intel I219', os: 'Linux', filter: 'tcp port 80' },
        { id: 1, section: 0, linkType: 276, snapLen: 0, tsResolution: { base: 10, exponent: 6 }, tsOffset: 0 },
      ])
      expect([frames[0].interfaceId, frames[0].linkType]).toEqual([1, 276])
    })

    it('should drop the NUL terminators some writers put at the end of option strings', async () => {
      const opts = concat(option(2, 'eth0\0\0'), END_OF_OPTIONS)
      const { info } = await readClean(concat(sectionHeader(), interfaceBlock(1, 0, opts)))
      expect(info.interfaces[0].name).toBe('eth0')
    })

    it('should read an option string up to its first NUL, as Wireshark does (ppp_pcapng-example has junk after it)', async () => {
      const comment = concat(option(1, new Uint8Array([...new TextEncoder().encode('Packet #1'), 0, 0x78, 0x4d, 0x39, 0x87, 0x0c])), END_OF_OPTIONS)
      const file = concat(sectionHeader(), interfaceBlock(1, 0), enhancedPacket({ data: payload(1), options: comment }))
      const { frames } = await readClean(file)
      expect(frames[0].comments).toEqual(['Packet #1'])
    })

    it('should ignore an if_tsresol that is not one byte long, as Wireshark does', async () => {
      const opts = concat(option(9, new Uint8Array([9, 0])), END_OF_OPTIONS)
      const { info, frames } = await readClean(concat(sectionHeader(), interfaceBlock(1, 0, opts), enhancedPacket({ low: 5, data: payload(1) })))
      expect(info.interfaces[0].tsResolution).toEqual({ base: 10, exponent: 6 })
      expect([frames[0].tsSec, frames[0].tsNsec]).toEqual([0, 5000])
    })

    it('should skip unknown option codes and honour padding in both byte orders', async () => {
      for (const le of [true, false]) {
        const opts = concat(option(0x7777, 'abcde', le), option(2, 'x', le), option(0x8001, new Uint8Array(3), le), option(3, 'desc', le), END_OF_OPTIONS)
        const { info } = await readClean(concat(sectionHeader({ littleEndian: le }), interfaceBlock(1, 0, opts, le)))
        expect([info.interfaces[0].name, info.interfaces[0].description]).toEqual(['x', 'desc'])
      }
    })

    it('should grow info as IDBs arrive', async () => {
      const file = encodePcapng({ interfaces: [{ linkType: 1 }], frames: [frame(1)] })
      const later = encodePcapng({ interfaces: [{ linkType: 101 }], frames: [frame(2)] })
      const reader = await openCaptureBytes(concat(file, later), { chunkSize: 64 })
      expect(reader.info.interfaces.map((i) => i.linkType)).toEqual([1])
      const seen: number[] = []
      for await (const f of reader.frames()) seen.push(reader.info.interfaces.length + f.no * 10)
      expect(seen).toEqual([11, 22])
      await reader.close()
    })
  })

  describe('timestamps', () => {
    it.each(TSHARK)('should convert ticks at %s exactly as tshark', async (_name, tsResolution, tsOffset, expected) => {
      const file = encodePcapng({
        interfaces: [{ linkType: 1, tsResolution, tsOffset }],
        frames: [],
        extraBlocks: TICKS.map(([high, low]) => ({ type: 6, body: enhancedPacket({ high, low, data: payload(0, 4) }).subarray(8, -4) })),
      })
      const { frames } = await readClean(file)
      expect(frames.map((f) => [f.tsSec, f.tsNsec])).toEqual(expected.map(epoch))
    })

    it('should apply if_tsoffset to every frame of its interface only', async () => {
      const file = encodePcapng({
        interfaces: [{ linkType: 1, tsOffset: 3600 }, { linkType: 1 }],
        frames: [frame(1, { interfaceId: 0 }), frame(2, { interfaceId: 1 })],
      })
      const { info, frames } = await readClean(file)
      expect(info.interfaces.map((i) => i.tsOffset)).toEqual([3600, 0])
      expect(frames.map((f) => f.tsSec)).toEqual([1_700_000_001, 1_700_000_002])
    })
  })

  describe('packet blocks', () => {
    it('should give EPB comments as frame comments, in order', async () => {
      const file = encodePcapng({ interfaces: [{ linkType: 1 }], frames: [frame(1, { comments: ['one', 'two'] }), frame(2)] })
      const { frames } = await readClean(file)
      expect(frames[0].comments).toEqual(['one', 'two'])
      expect(frames[1].comments).toBeUndefined()
    })

    it('should read the obsolete Packet Block, with its 16-bit interface id and comments', async () => {
      const file = encodePcapng({
        packetBlock: 'pb',
        interfaces: [{ linkType: 1 }, { linkType: 101, tsResolution: { base: 10, exponent: 9 } }],
        frames: [frame(1, { comments: ['hello pb'] }), frame(2, { interfaceId: 1, tsNsec: 7 })],
      })
      const { frames } = await readClean(file)
      expect(frames.map((f) => [f.interfaceId, f.linkType, f.tsSec, f.tsNsec, f.comments])).toEqual([
        [0, 1, 1_700_000_001, 1000, ['hello pb']],
        [1, 101, 1_700_000_002, 7, undefined],
      ])
      expect(frames[1].bytes).toEqual(payload(2, 42))
    })

    it('should read a Simple Packet Block: no time, the first interface, the whole packet', async () => {
      const file = encodePcapng({ packetBlock: 'spb', interfaces: [{ linkType: 101 }], frames: [frame(1), frame(2)] })
      const { frames } = await readClean(file)
      expect(frames.map((f) => [f.no, f.tsSec, f.tsNsec, f.interfaceId, f.linkType, f.capLen, f.origLen])).toEqual([
        [1, 0, 0, 0, 101, 41, 41],
        [2, 0, 0, 0, 101, 42, 42],
      ])
      expect(frames[1].bytes).toEqual(payload(2, 42))
    })

    it('should cut an SPB packet to the interface snaplen', async () => {
      const file = encodePcapng({ packetBlock: 'spb', interfaces: [{ linkType: 1, snapLen: 30 }], frames: [frame(1)] })
      const { frames } = await readClean(file)
      expect([frames[0].capLen, frames[0].origLen]).toEqual([30, 41])
      expect(frames[0].bytes).toEqual(payload(1, 41).subarray(0, 30))
    })

    it('should take an SPB captured length from the block when the packet was snapped shorter than its original length', async () => {
      const spb = rawBlock(3, build(true, (o) => o.u32(100).bytes(payload(1, 40))))
      const { frames } = await readClean(concat(sectionHeader(), interfaceBlock(1, 0), spb))
      expect([frames[0].capLen, frames[0].origLen]).toEqual([40, 100])
    })

    it('should note an EPB caplen over the interface snaplen or the original length', async () => {
      const file = encodePcapng({ interfaces: [{ linkType: 1, snapLen: 41 }], frames: [frame(1), frame(2), frame(3, { origLen: 10 })] })
      const { frames } = await readClean(file)
      expect(frames.map((f) => f.notes?.map((n) => n.code))).toEqual([
        undefined,
        ['caplen-over-snaplen'],
        ['caplen-over-snaplen', 'caplen-over-origlen'],
      ])
      expect(frames[1].notes?.[0].message).toBe('captured length 42 is over the snapshot length 41 of interface 0')
    })
  })

  describe('other blocks', () => {
    it('should keep NRB names, IPv4 and IPv6', async () => {
      const names = [
        { address: '10.0.0.1', names: ['host.a', 'b'] },
        { address: '2001:db8::1', names: ['six.example'] },
        { address: '::ffff:192.0.2.1', names: ['mapped'] },
      ]
      const { info, frames } = await readClean(encodePcapng({ interfaces: [{ linkType: 1 }], names, frames: [frame(1)] }))
      expect(info.names).toEqual(names)
      expect(frames).toHaveLength(1)
    })

    it('should put ISB isb_ifrecv and isb_ifdrop into the interface stats (the last ISB wins)', async () => {
      const file = encodePcapng({
        interfaces: [{ linkType: 1 }, { linkType: 1 }],
        frames: [frame(1)],
        stats: [
          { interfaceId: 1, received: 5, dropped: 1 },
          { interfaceId: 1, received: 100, dropped: 7 },
          { interfaceId: 0, received: 3 },
          { interfaceId: 9, received: 1 }, // no such interface: ignored, as Wireshark does
        ],
      })
      const { info } = await readClean(file)
      expect(info.interfaces.map((i) => i.stats)).toEqual([{ received: 3 }, { received: 100, dropped: 7 }])
    })

    it('should skip unknown and custom blocks by their length', async () => {
      const file = encodePcapng({
        interfaces: [{ linkType: 1 }],
        extraBlocks: [
          { type: 0x00000bad, body: new Uint8Array([0, 0, 0x7e, 0x2a, 1, 2, 3]) },
          { type: 0x40000bad, body: new Uint8Array([0, 0, 0x7e, 0x2a]) },
          { type: 0x0000000a, body: new Uint8Array(20) }, // decryption secrets
          { type: 0x12345678, body: new Uint8Array(0) },
        ],
        frames: [frame(1), frame(2)],
      })
      const { frames } = await readClean(file)
      expect(frames.map((f) => [f.no, f.capLen])).toEqual([
        [1, 41],
        [2, 42],
      ])
    })
  })
})
