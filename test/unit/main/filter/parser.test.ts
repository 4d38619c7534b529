import { describe, expect, it } from 'vitest'
import type { TestNode, ValueNode } from '../../../../main/filter/ast'
import { FilterFailure } from '../../../../main/filter/messages'
import { parseFilter } from '../../../../main/filter/parser'

/** The tree as a compact string: (a || (b && c)), (x == 1), … */
function shape(node: TestNode): string {
  switch (node.kind) {
    case 'or':
    case 'and':
      return `(${shape(node.left)} ${node.kind === 'or' ? '||' : '&&'} ${shape(node.right)})`
    case 'not':
      return `!${shape(node.operand)}`
    case 'exists':
      return value(node.value)
    case 'compare':
      return `(${value(node.left)} ${node.op} ${value(node.right)})`
    case 'contains':
    case 'matches':
      return `(${value(node.left)} ${node.kind} ${value(node.right)})`
    case 'in':
      return `(${value(node.left)} in {${node.elements.map((e) => (e.kind === 'value' ? value(e.value) : `${value(e.low)}..${value(e.high)}`)).join(', ')}})`
  }
}

function value(node: ValueNode): string {
  switch (node.kind) {
    case 'word':
      return node.text
    case 'string':
    case 'char':
      return node.text
    case 'layer':
      return `${value(node.operand)}#${node.layers.map((l) => `${l.from}-${l.to}`).join(',')}`
    case 'slice':
      return `${value(node.operand)}[${node.ranges.map((r) => `${r.start}:${r.length ?? ''}`).join(',')}]`
    case 'call':
      return `${node.name}(${node.args.map(value).join(', ')})`
    case 'arithmetic':
      return `{${value(node.left)} ${node.op} ${value(node.right)}}`
    case 'negate':
      return `-${value(node.operand)}`
  }
}

const parsed = (text: string) => shape(parseFilter(text))

function parseError(text: string) {
  try {
    parseFilter(text)
  } catch (error) {
    if (error instanceof FilterFailure) return error.error
    throw error
  }
  throw new Error(`"${text}" should not parse`)
}

describe('filter/parser', () => {
  it('should bind && tighter than || (tshark 4.0: `a || b && c` selects as `a || (b && c)`)', () => {
    expect(parsed('a || b && c')).toBe('(a || (b && c))')
    expect(parsed('a && b || c')).toBe('((a && b) || c)')
    expect(parsed('a or b and c')).toBe('(a || (b && c))')
  })

  it('should make ! negate a whole relation (tshark 4.0: `!tcp.flags.syn == 1` is `!(tcp.flags.syn == 1)`)', () => {
    expect(parsed('!tcp.flags.syn == 1')).toBe('!(tcp.flags.syn any_eq 1)')
    expect(parsed('not a && b')).toBe('(!a && b)')
    expect(parsed('!!tcp')).toBe('!!tcp')
  })

  it('should bind & tighter than a comparison (`tcp.flags & 0x12 == 0x12` is `(tcp.flags & 0x12) == 0x12`)', () => {
    expect(parsed('tcp.flags & 0x12 == 0x12')).toBe('({tcp.flags & 0x12} any_eq 0x12)')
  })

  it('should give * / % precedence over + -, and + - over &', () => {
    expect(parsed('a + b * c & d')).toBe('{{a + {b * c}} & d}')
    expect(parsed('a - b - c')).toBe('{{a - b} - c}')
    expect(parsed('-a == -1')).toBe('(-a any_eq -1)')
  })

  it('should group arithmetic with braces and tests with parentheses', () => {
    expect(parsed('{a + 1} * 2 == 4')).toBe('({{a + 1} * 2} any_eq 4)')
    expect(parsed('(a || b) && c')).toBe('((a || b) && c)')
  })

  it('should chain comparisons as 4.0 does (`a == b == c` is `a == b && b == c`)', () => {
    expect(parsed('a < b < c')).toBe('((a lt b) && (b lt c))')
  })

  it('should read sets with values and ranges, separated by commas', () => {
    expect(parsed('tcp.port in {80, 443, 8000..8080}')).toBe('(tcp.port in {80, 443, 8000..8080})')
    expect(parsed('tcp.port in{1 .. 100}')).toBe('(tcp.port in {1..100})')
  })

  it('should read slices, layers (before the slice), and function calls', () => {
    expect(parsed('tcp[13] & 0x02')).toBe('{tcp[13:1] & 0x02}')
    expect(parsed('frame[-2:] == 00')).toBe('(frame[-2:] any_eq 00)')
    expect(parsed('frame[12-13, :2] == 00')).toBe('(frame[12:2,0:2] any_eq 00)')
    expect(parsed('ip.src#1[0] == ac')).toBe('(ip.src#1-1[0:1] any_eq ac)')
    expect(parsed('ip.src#[1-2] == 1.2.3.4')).toBe('(ip.src#1-2 any_eq 1.2.3.4)')
    expect(parsed('len(tcp.payload) > 100')).toBe('(len(tcp.payload) gt 100)')
    expect(parsed('max(tcp.srcport, tcp.dstport) == 80')).toBe('(max(tcp.srcport, tcp.dstport) any_eq 80)')
  })

  it('should read contains, matches and its ~ spelling', () => {
    expect(parsed('frame contains "GET"')).toBe('(frame contains "GET")')
    expect(parsed('tcp.payload ~ "^GET"')).toBe('(tcp.payload matches "^GET")')
  })

  it('should keep the span of every node', () => {
    const node = parseFilter('  tcp.port == 80  ')
    expect(node).toMatchObject({ kind: 'compare', span: { start: 2, end: 16 }, opSpan: { start: 11, end: 13 } })
  })

  it('should refuse a set without commas, at the second member (tshark: "443" was unexpected in this context.)', () => {
    const error = parseError('tcp.port in {80 443}')
    expect(error).toMatchObject({ code: 'unexpected-token', start: 16, end: 19 })
    expect(error.message.en).toBe('"443" was unexpected in this context.')
  })

  it('should refuse an incomplete filter (tshark: Unexpected end of filter expression.)', () => {
    for (const text of ['tcp.port ==', 'tcp.port == 80 &&', '(tcp.port == 80', '!', 'tcp.port #']) {
      const error = parseError(text)
      expect(error.message.en, text).toBe('Unexpected end of filter expression.')
      expect(error.start, text).toBe(text.length)
    }
  })

  it('should refuse tokens where they cannot be, naming them', () => {
    expect(parseError('tcp.port == 80)')).toMatchObject({ start: 14, end: 15 })
    expect(parseError('tcp.port = 80').message.en).toBe('"=" was unexpected in this context.')
    expect(parseError('tcp.port == 80 tcp')).toMatchObject({ start: 15, end: 18 })
    expect(parseError('(tcp.srcport) == 80')).toMatchObject({ start: 14, end: 16 })
    expect(parseError('tcp.port in {80,}').message.en).toBe('"}" was unexpected in this context.')
    expect(parseError('tcp.srcport == 1:2')).toMatchObject({ start: 16, end: 18 })
  })

  it('should refuse a layer that is not a number or a bracket (tshark: Expected digit or "[", not "-")', () => {
    expect(parseError('ip.src#-1 == 1.2.3.4').message.en).toBe('Expected digit or "[", not "-"')
  })

  it('should check slice ranges as 4.0 does', () => {
    expect(parseError('frame[1-1] == 05').message.en).toBe("Range 1-1 isn't valid because 1 is greater or equal than 1")
    expect(parseError('frame[0:0] == 00').message.en).toBe("Range 0:0 isn't valid because length 0 isn't positive")
    expect(parseError('frame[1:1-2] == 00')).toMatchObject({ code: 'bad-range', start: 6, end: 11 })
    expect(parseError('frame[] == 00').message.en).toBe('"]" was unexpected in this context.')
  })
})
