import { describe, expect, it } from 'vitest'
import { combineFilters, SAVED_FILTERS, streamFilter } from '../../../../renderer/src/composables/filter-expressions'

describe('composables/filter-expressions', () => {
  it('should offer the classics of a TCP lab', () => {
    expect(Object.fromEntries(SAVED_FILTERS.map((saved) => [saved.id, saved.filter]))).toEqual({
      handshake: 'tcp.flags.syn == 1',
      teardown: 'tcp.flags.fin == 1 || tcp.flags.reset == 1',
      retransmissions: 'tcp.analysis.retransmission || tcp.analysis.fast_retransmission || tcp.analysis.spurious_retransmission',
    })
  })

  it('should write the filter of one connection', () => {
    expect(streamFilter(3)).toBe('tcp.stream == 3')
  })

  it("should join a field's filter to the current text as Wireshark's Apply as Filter variants do", () => {
    expect(combineFilters('tcp', 'ip.ttl == 64', 'selected')).toBe('ip.ttl == 64')
    expect(combineFilters('tcp', 'ip.ttl == 64', 'not-selected')).toBe('!(ip.ttl == 64)')
    expect(combineFilters(' tcp.port == 80 ', 'ip.ttl == 64', 'and-selected')).toBe('(tcp.port == 80) && (ip.ttl == 64)')
    expect(combineFilters('a || b', 'ip.ttl == 64', 'or-selected')).toBe('(a || b) || (ip.ttl == 64)')
  })

  it('should use the field alone when there is nothing to join it to', () => {
    expect(combineFilters('', 'ip.ttl == 64', 'and-selected')).toBe('ip.ttl == 64')
    expect(combineFilters('  ', 'ip.ttl == 64', 'or-selected')).toBe('ip.ttl == 64')
  })
})
