// The one place that decides a TCP segment's expert items (main/tcp/expert-items.ts): which
// items, with Wireshark's severities and messages, in the decoder's order, under which field.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TCP } from '../../../../main/decode/layers/tcp'
import {
  ackNonzeroWithoutAck,
  fileAckItems,
  fileConnectionItems,
  fileTcpExpertItems,
  fileVerdictItems,
  segmentExpertFacts,
  TCP_EXPERT_GROUP,
  TCP_EXPERT_PROTOCOL,
  type TcpExpertFacts,
  type TcpExpertParent,
} from '../../../../main/tcp/expert-items'
import { TCP_FLAG } from '../../../../main/tcp/segment'
import { EXPERT, VERDICT, VERDICTS, type ExpertDef, type Severity } from '../../../../main/tcp/verdicts'

interface Filed {
  name: string
  severity: Severity
  message: string
  parent: TcpExpertParent
}

const PLAIN: TcpExpertFacts = { flags: TCP_FLAG.ACK, srcPort: 40000, dstPort: 80, ackNonzero: false, finFirst: undefined, tfo: undefined, analysed: true, verdicts: 0, dupAckNum: 0 }

/** What `fill` files, as plain data. */
function filed(fill: (file: (def: ExpertDef, message: string, parent: TcpExpertParent) => void) => void): Filed[] {
  const out: Filed[] = []
  fill((def, message, parent) => out.push({ name: def.name, severity: def.severity, message, parent }))
  return out
}

const itemsOf = (facts: Partial<TcpExpertFacts>) => filed((file) => fileTcpExpertItems({ ...PLAIN, ...facts }, file))

describe('tcp/expert-items', () => {
  it('should file nothing for a segment with no flag of note, no verdict, no Fast Open and no odd number', () => {
    expect(itemsOf({})).toEqual([])
    expect(itemsOf({ flags: TCP_FLAG.PSH | TCP_FLAG.ACK | TCP_FLAG.URG | TCP_FLAG.ECE | TCP_FLAG.CWR })).toEqual([])
  })

  it('should name the server port: the destination on a SYN, the source on a SYN-ACK', () => {
    expect(itemsOf({ flags: TCP_FLAG.SYN, srcPort: 40000, dstPort: 443 })).toEqual([
      { name: 'tcp.connection.syn', severity: 'chat', message: 'Connection establish request (SYN): server port 443', parent: 'tcp.flags.syn' },
    ])
    expect(itemsOf({ flags: TCP_FLAG.SYN | TCP_FLAG.ACK, srcPort: 443, dstPort: 40000 })).toEqual([
      { name: 'tcp.connection.sack', severity: 'chat', message: 'Connection establish acknowledge (SYN+ACK): server port 443', parent: 'tcp.flags.syn' },
    ])
  })

  it('should file the FIN chat, then whether this FIN initiates or undergoes the closing when that is known', () => {
    const fin = { name: 'tcp.connection.fin', severity: 'chat', message: 'Connection finish (FIN)', parent: 'tcp.flags.fin' }
    expect(itemsOf({ flags: TCP_FLAG.FIN | TCP_FLAG.ACK })).toEqual([fin])
    expect(itemsOf({ flags: TCP_FLAG.FIN | TCP_FLAG.ACK, finFirst: true })).toEqual([
      fin,
      { name: 'tcp.connection.fin_active', severity: 'note', message: 'This frame initiates the connection closing', parent: 'tcp.flags' },
    ])
    expect(itemsOf({ flags: TCP_FLAG.FIN | TCP_FLAG.ACK, finFirst: false })).toEqual([
      fin,
      { name: 'tcp.connection.fin_passive', severity: 'note', message: 'This frame undergoes the connection closing', parent: 'tcp.flags' },
    ])
  })

  it('should warn about a reset under its flag', () => {
    expect(itemsOf({ flags: TCP_FLAG.RST })).toEqual([{ name: 'tcp.connection.rst', severity: 'warn', message: 'Connection reset (RST)', parent: 'tcp.flags.reset' }])
  })

  it('should note each TCP Fast Open verdict under the flags, after the SYN item', () => {
    expect(itemsOf({ flags: TCP_FLAG.SYN, tfo: 'syn-cookie' }).map((i) => [i.name, i.parent])).toEqual([
      ['tcp.connection.syn', 'tcp.flags.syn'],
      ['tcp.analysis.tfo_syn', 'tcp.flags'],
    ])
    expect(itemsOf({ flags: TCP_FLAG.SYN | TCP_FLAG.ACK, tfo: 'ack-data' }).map((i) => i.message)[1]).toBe('TCP SYN-ACK accepting TFO data')
    expect(itemsOf({ flags: TCP_FLAG.SYN | TCP_FLAG.ACK, tfo: 'ignored-data' }).map((i) => i.message)[1]).toBe('TCP SYN-ACK ignoring TFO data')
  })

  it('should note an acknowledgment number that is not 0 while the ACK flag is not set, under tcp.ack and first', () => {
    expect(ackNonzeroWithoutAck(TCP_FLAG.SYN, 1)).toBe(true)
    expect(ackNonzeroWithoutAck(TCP_FLAG.SYN, 0)).toBe(false)
    expect(ackNonzeroWithoutAck(TCP_FLAG.SYN | TCP_FLAG.ACK, 1)).toBe(false)
    expect(ackNonzeroWithoutAck(TCP_FLAG.RST, 0xffffffff)).toBe(true)
    expect(itemsOf({ flags: TCP_FLAG.SYN, ackNonzero: true }).map((i) => [i.name, i.parent])).toEqual([
      ['tcp.ack.nonzero', 'tcp.ack'],
      ['tcp.connection.syn', 'tcp.flags.syn'],
    ])
  })

  it('should number a duplicate ACK and hang it under the frame it duplicates', () => {
    expect(itemsOf({ verdicts: VERDICT.DUPLICATE_ACK, dupAckNum: 3 })).toEqual([
      { name: 'tcp.analysis.duplicate_ack', severity: 'note', message: 'Duplicate ACK (#3)', parent: 'tcp.analysis.duplicate_ack_frame' },
    ])
  })

  it("should file each verdict's items under the analysis flags, in Wireshark's reporting order", () => {
    const items = itemsOf({ verdicts: VERDICT.OUT_OF_ORDER | VERDICT.FAST_RETRANSMISSION | VERDICT.REUSED_PORTS })
    expect(items.map((i) => i.name)).toEqual(['tcp.analysis.reused_ports', 'tcp.analysis.fast_retransmission', 'tcp.analysis.retransmission', 'tcp.analysis.out_of_order'])
    expect(new Set(items.map((i) => i.parent))).toEqual(new Set(['tcp.analysis.flags']))
    expect(items[3]).toMatchObject({ severity: 'warn', message: 'This frame is a (suspected) out-of-order segment' })
  })

  it('should file no verdict of a segment without a SEQ/ACK analysis', () => {
    expect(itemsOf({ verdicts: VERDICT.RETRANSMISSION | VERDICT.DUPLICATE_ACK, analysed: false })).toEqual([])
    expect(itemsOf({ flags: TCP_FLAG.RST, verdicts: VERDICT.RETRANSMISSION, analysed: false }).map((i) => i.name)).toEqual(['tcp.connection.rst'])
  })

  it('should file all items in the order of its parts, as the decoder files them: ack, connection, each verdict', () => {
    const facts = fc.record({
      flags: fc.integer({ min: 0, max: 0xfff }),
      srcPort: fc.integer({ min: 0, max: 0xffff }),
      dstPort: fc.integer({ min: 0, max: 0xffff }),
      ackNonzero: fc.boolean(),
      finFirst: fc.constantFrom(undefined, true, false),
      tfo: fc.constantFrom(undefined, 'syn-cookie' as const, 'ack-data' as const, 'ignored-data' as const),
      analysed: fc.boolean(),
      verdicts: fc.integer({ min: 0, max: 0x7fff }),
      dupAckNum: fc.integer({ min: 0, max: 1000 }),
    })
    fc.assert(
      fc.property(facts, (f) => {
        const parts = filed((file) => {
          fileAckItems(f, file)
          fileConnectionItems(f, file)
          if (f.analysed) for (const verdict of VERDICTS) if (f.verdicts & verdict.bit) fileVerdictItems(verdict, f, file)
        })
        expect(filed((file) => fileTcpExpertItems(f, file))).toEqual(parts)
      }),
    )
  })

  it("should file only items of the EXPERT table, each with its own severity and either its message or that message with the segment's number", () => {
    const defs = new Map<string, ExpertDef>(Object.values(EXPERT).map((def) => [def.name, def]))
    const items = itemsOf({ flags: 0xfff, ackNonzero: true, finFirst: true, tfo: 'syn-cookie', verdicts: 0x7fff, dupAckNum: 2 })
    expect(items.length).toBeGreaterThan(15)
    for (const item of items) {
      const def = defs.get(item.name)!
      expect(item.severity).toBe(def.severity)
      expect(item.message.startsWith(def.message)).toBe(true)
    }
  })

  it('should read a fact only when a rule needs it (the session reads them from its columns)', () => {
    const read = new Set<string>()
    const lazy = (facts: Partial<TcpExpertFacts>) =>
      new Proxy({ ...PLAIN, ...facts }, {
        get(target, key: string) {
          read.add(key)
          return target[key as keyof TcpExpertFacts]
        },
      })
    fileTcpExpertItems(lazy({ flags: TCP_FLAG.ACK }), () => {})
    expect([...read].sort()).toEqual(['ackNonzero', 'flags', 'tfo', 'verdicts'])
    read.clear()
    fileTcpExpertItems(lazy({ flags: TCP_FLAG.FIN | TCP_FLAG.ACK, verdicts: VERDICT.RETRANSMISSION }), () => {})
    expect(read.has('srcPort') || read.has('dstPort') || read.has('dupAckNum')).toBe(false)
    expect(read.has('finFirst') && read.has('analysed')).toBe(true)
  })

  it('should take the facts of a decoded segment from its header and its analysis', () => {
    const facts = segmentExpertFacts(
      { flags: TCP_FLAG.SYN, srcPort: 40000, dstPort: 80, ack: 7 },
      { finFirst: undefined, tfo: 'syn-cookie', analysed: true, flags: VERDICT.RETRANSMISSION, dupAckNum: 0 },
    )
    expect(facts).toEqual({ flags: TCP_FLAG.SYN, srcPort: 40000, dstPort: 80, ackNonzero: true, finFirst: undefined, tfo: 'syn-cookie', analysed: true, verdicts: VERDICT.RETRANSMISSION, dupAckNum: 0 })
  })

  it("should file in Wireshark's Sequence group, under the protocol the decoder's TCP tree shows", () => {
    expect(TCP_EXPERT_GROUP).toBe('sequence')
    expect(TCP_EXPERT_PROTOCOL).toBe(TCP.tcp.short)
  })
})
