import { beforeAll, describe, expect, it } from 'vitest'
import { Field, fieldDef, walkFields } from '../../../../main/decode/field'
import { decodedFrameFields, filterExpressionFor } from '../../../../main/filter'
import { compiled, decodedFixtures, type DecodedFixture } from './filter-helpers'

const def = (name: string) => fieldDef(name)!

describe('filter/field-expression', () => {
  let fixtures: DecodedFixture[]
  beforeAll(async () => {
    fixtures = await decodedFixtures()
  })

  it('should write a boolean as 1 or 0 (Wireshark: tcp.flags.syn == 1)', () => {
    expect(filterExpressionFor(new Field(def('tcp.flags.syn'), 46, 2, true))).toBe('tcp.flags.syn == 1')
    expect(filterExpressionFor(new Field(def('tcp.flags.fin'), 46, 2, false))).toBe('tcp.flags.fin == 0')
  })

  it('should write addresses, ports and lengths as tshark prints them', () => {
    expect(filterExpressionFor(new Field(def('ip.src'), 26, 4, '10.0.0.1'))).toBe('ip.src == 10.0.0.1')
    expect(filterExpressionFor(new Field(def('tcp.port'), 34, 2, 443))).toBe('tcp.port == 443')
    expect(filterExpressionFor(new Field(def('frame.len'), 0, 0, 74))).toBe('frame.len == 74')
    expect(filterExpressionFor(new Field(def('tcp.flags'), 46, 2, 0x12))).toBe('tcp.flags == 0x0012')
  })

  it('should name a protocol or a presence-only field alone', () => {
    expect(filterExpressionFor(new Field(def('tcp'), 34, 20, null))).toBe('tcp')
    expect(filterExpressionFor(new Field(def('tcp.analysis.retransmission'), 0, 0, null))).toBe('tcp.analysis.retransmission')
  })

  it('should write bytes with colons, strings quoted and escaped, and times in seconds', () => {
    expect(filterExpressionFor(new Field(def('tcp.payload'), 54, 3, Uint8Array.of(0x47, 0x45, 0x54)))).toBe('tcp.payload == 47:45:54')
    expect(filterExpressionFor(new Field(def('frame.comment'), 0, 0, 'say "hi"\\\n'))).toBe('frame.comment == "say \\"hi\\"\\\\\\x0a"')
    expect(filterExpressionFor(new Field(def('frame.time_relative'), 0, 0, { sec: 1, nsec: 500 }))).toBe('frame.time_relative == 1.000000500')
  })

  it('should have no filter for a text-only line', () => {
    expect(filterExpressionFor(new Field(def('_ws.text'), 0, 0, null))).toBeUndefined()
  })

  it('should build, for every field of every fixture frame, a filter that compiles and selects that frame', () => {
    let checked = 0
    for (const fixture of fixtures) {
      for (const frame of fixture.frames) {
        const fields = decodedFrameFields(frame)
        walkFields(frame.tree, (field) => {
          const expression = filterExpressionFor(field)
          if (expression === undefined) return
          const filter = compiled(expression)
          if (!filter.matches(fields)) throw new Error(`${fixture.name} frame ${frame.raw.no}: "${expression}" does not select it`)
          checked++
        })
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })
})
