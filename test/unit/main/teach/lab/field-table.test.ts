import { beforeAll, describe, expect, it } from 'vitest'
import type { LabFieldTable, LabReport } from '../../../../../preload/contract/dto'
import { labOf } from '../../../../fixtures/teaching-views'

const row = (table: LabFieldTable, field: string) => {
  const found = table.rows.find((r) => r.field === field)
  if (!found) throw new Error(`no row ${field} in frame ${table.frame}`)
  return found
}

describe('teach/lab/field-table', () => {
  let report: LabReport
  beforeAll(async () => {
    report = await labOf('tcp-scenario-four-way-close')
  })

  it('should have a table for every handshake and teardown segment, titled with its step', () => {
    expect(report.fieldTables.map((t) => t.frame)).toEqual([1, 2, 3, 8, 9, 10, 11])
    expect(report.fieldTables[0]!.title).toBe('Handshake step 1: SYN (client → server), frame 1')
    expect(report.fieldTables[6]!.title).toBe('Close step 4: ACK (client → server), frame 11')
  })

  it("should list the SYN's header fields in order, with their sizes in bits", () => {
    const syn = report.fieldTables[0]!
    expect(syn.rows.slice(0, 6).map((r) => [r.field, r.bits])).toEqual([
      ['tcp.srcport', 16],
      ['tcp.dstport', 16],
      ['tcp.seq', 32],
      ['tcp.ack', 32],
      ['tcp.hdr_len', 4],
      ['tcp.flags', 12],
    ])
    for (const f of ['tcp.window_size_value', 'tcp.checksum', 'tcp.urgent_pointer']) expect(row(syn, f).bits).toBe(16)
    expect(row(syn, 'tcp.flags.res').bits).toBe(3)
  })

  it('should show the SYN flag set and the ACK flag not set, each one bit', () => {
    const syn = report.fieldTables[0]!
    expect(row(syn, 'tcp.flags.syn')).toMatchObject({ name: 'SYN flag', bits: 1, value: '1 (set)' })
    expect(row(syn, 'tcp.flags.ack')).toMatchObject({ bits: 1, value: '0 (not set)' })
    expect(row(syn, 'tcp.seq')).toMatchObject({ value: '0 (raw 1000)', meaning: 'seq = 0 (relative): the client’s ISN; a SYN consumes one sequence number' })
    expect(row(syn, 'tcp.ack').meaning).toContain('not used')
  })

  it("should list the SYN's options: MSS with its value and meaning", () => {
    const mss = row(report.fieldTables[0]!, 'tcp.options.mss')
    expect(mss).toMatchObject({ name: 'Option: MSS', bits: 32, value: '1460 bytes' })
    expect(mss.meaning).toContain('1460')
    expect(row(report.fieldTables[0]!, 'tcp.options.wscale').meaning).toContain('2^7 = 128')
    expect(row(report.fieldTables[0]!, 'tcp.options').bits).toBe(160)
  })

  it("should explain a later segment's window as scaled, and a FIN's seq as consuming one number", () => {
    const fin = report.fieldTables[3]!
    expect(row(fin, 'tcp.flags.fin').value).toBe('1 (set)')
    expect(row(fin, 'tcp.seq').meaning).toContain('a FIN consumes one sequence number, so the server acknowledges 102')
    expect(row(fin, 'tcp.window_size_value').meaning).toContain('64256 = 502 × 128')
  })
})
