import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { seqAdd, seqGe, seqGt, seqLe, seqLt, seqSub } from '../../../../main/tcp/seq'

describe('tcp/seq', () => {
  it('should order numbers across the wrap at 2^32', () => {
    expect(seqLt(0xfffffff0, 0x00000010)).toBe(true)
    expect(seqGt(0x00000010, 0xfffffff0)).toBe(true)
    expect(seqLe(0xfffffff0, 0xfffffff0)).toBe(true)
    expect(seqGe(0x00000000, 0xffffffff)).toBe(true)
    expect(seqLt(5, 5)).toBe(false)
  })

  it('should add and subtract modulo 2^32', () => {
    expect(seqAdd(0xfffffff0, 0x20)).toBe(0x10)
    expect(seqSub(0x10, 0xfffffff0)).toBe(0x20)
    expect(seqSub(0xfffffff0, 0xfffffff0)).toBe(0)
  })

  it('should agree with the distance for any pair less than 2^31 apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 0x7fffffff }), (a, d) => {
        const b = seqAdd(a, d)
        return seqLt(a, b) && seqGt(b, a) && !seqLt(b, a) && seqSub(b, a) === d
      }),
    )
  })
})
