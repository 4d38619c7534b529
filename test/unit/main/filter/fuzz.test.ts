// An invalid filter is never a crash: random text and random token sequences compile to a filter
// or to a FilterError inside the text, and a compiled filter never throws on a frame.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileFilter, type CompileResult } from '../../../../main/filter'
import { fakeFrame } from './filter-helpers'

const TOKENS = [
  'tcp', 'ip', 'frame', 'eth', 'tcp.port', 'tcp.flags.syn', 'ip.addr', 'ip.src', 'eth.src', 'tcp.payload', 'frame.protocols',
  'frame.time_relative', 'tcp.analysis.flags', 'ipv6.addr', 'nosuch.field', 'len', 'count', 'max', 'upper', 'string',
  '80', '0x12', '0b1', '010', '-1', '1.5', '10.0.0.0/8', 'fe80::1', '00:21:6a:5b:7d:4a', 'aa', 'Set', 'True', 'true',
  '"GET"', '"\\x41"', 'r"\\d"', "'P'", '[0]', '[0:2]', '[-1:]', '[1-3,5]', '[', ']',
  '==', '!=', '===', '!==', '~=', '>', '<', '>=', '<=', 'eq', 'ne', 'contains', 'matches', '~', 'in', '&&', '||', '!',
  'and', 'or', 'not', '&', '+', '-', '*', '/', '%', '(', ')', '{', '}', ',', '..', '#', '#1', ':', '"', "'", '\\',
]

const frame = fakeFrame({
  tcp: [Uint8Array.of(0, 80, 1, 187, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x12)],
  frame: [Uint8Array.of(1, 2, 3)],
  'tcp.port': [80, 443],
  'tcp.flags.syn': [1],
  'ip.addr': [0x0a000001, 0x0a000002],
  'ip.src': [0x0a000001],
  'eth.src': [Uint8Array.of(0, 0x21, 0x6a, 0x5b, 0x7d, 0x4a)],
  'tcp.payload': [new TextEncoder().encode('GET /')],
  'frame.protocols': ['eth:ethertype:ip:tcp'],
  'frame.time_relative': [1_500_000_000n],
  'tcp.analysis.flags': [null],
})

/** A well-formed result: a filter that runs on a frame, or an error inside the text. */
function wellFormed(text: string, result: CompileResult): boolean {
  if (result.ok) {
    expect(typeof result.filter.matches(frame)).toBe('boolean')
    return true
  }
  const { start, end, message, code } = result.error
  expect(0 <= start && start <= end && end <= text.length, `[${start}, ${end}) in ${JSON.stringify(text)}`).toBe(true)
  expect(message.en.length > 0 && message['zh-CN'].length > 0).toBe(true)
  // 'internal' is what compileFilter makes of an exception it did not foresee.
  expect(code, `${JSON.stringify(text)}: ${message.en}`).not.toBe('internal')
  return true
}

describe('filter/compile: fuzzing', () => {
  it('should answer any string with a filter or an error inside it, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => wellFormed(text, compileFilter(text))),
      { numRuns: 3000 },
    )
  })

  it('should answer any sequence of filter tokens with a filter or an error inside it, never a throw', () => {
    const sequence = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 9 })
    const spaced = fc.tuple(sequence, fc.array(fc.constantFrom(' ', '', '  '), { minLength: 9, maxLength: 9 }))
    fc.assert(
      fc.property(spaced, ([tokens, gaps]) => {
        const text = tokens.map((token, i) => token + gaps[i]).join('')
        return wellFormed(text, compileFilter(text))
      }),
      { numRuns: 5000 },
    )
  })

  it('should answer any sequence of printable characters from the language with a filter or an error', () => {
    const chars = fc.constantFrom(...'tcpiframe.0123456789abx:/-_ "\'\\[](){},.=!~<>&|+*%#r'.split(''))
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (list) => {
        const text = list.join('')
        return wellFormed(text, compileFilter(text))
      }),
      { numRuns: 3000 },
    )
  })
})
