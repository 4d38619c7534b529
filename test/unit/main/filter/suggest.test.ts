import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../../../main/filter'
import { closestFieldName } from '../../../../main/filter/suggest'

describe('filter/suggest: the field a student probably meant', () => {
  it('should mend typos, dropped levels and wrong protocol prefixes', () => {
    expect(closestFieldName('tcp.flgs.syn')).toBe('tcp.flags.syn')
    expect(closestFieldName('tcp.stram')).toBe('tcp.stream')
    expect(closestFieldName('tcp.analysis.retransmision')).toBe('tcp.analysis.retransmission')
    expect(closestFieldName('tpc')).toBe('tcp')
    expect(closestFieldName('tcp.syn')).toBe('tcp.flags.syn')
    expect(closestFieldName('ip.srcport')).toBe('tcp.srcport')
    expect(closestFieldName('frame.length')).toBe('frame.len')
  })

  it('should suggest nothing for names far from every field, or that are not names', () => {
    expect(closestFieldName('tcp.nonexistent')).toBeUndefined()
    expect(closestFieldName('http.request')).toBeUndefined()
    expect(closestFieldName('"GET"')).toBeUndefined()
  })

  it('should add the hint to the message in both languages', () => {
    const result = compileFilter('tcp.flgs.syn == 1')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message.en).toBe('Left side of "==" expression must be a field or function, not tcp.flgs.syn. Did you mean tcp.flags.syn?')
    expect(result.error.message['zh-CN']).toContain('你是不是想写 tcp.flags.syn？')
    expect([result.error.start, result.error.end]).toEqual([0, 12])
  })
})
