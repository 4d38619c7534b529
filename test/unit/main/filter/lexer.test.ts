import { describe, expect, it } from 'vitest'
import { tokenize } from '../../../../main/filter/lexer'
import { FilterFailure } from '../../../../main/filter/messages'

const kinds = (text: string) => tokenize(text).map((t) => t.kind)
const texts = (text: string) => tokenize(text).slice(0, -1).map((t) => t.text)

function lexError(text: string) {
  try {
    tokenize(text)
  } catch (error) {
    if (error instanceof FilterFailure) return error.error
    throw error
  }
  throw new Error(`"${text}" should not tokenize`)
}

describe('filter/lexer', () => {
  it('should give every token its [start, end) and end with eof at the text length', () => {
    const tokens = tokenize('tcp.port == 80')
    expect(tokens.map(({ kind, start, end }) => ({ kind, start, end }))).toEqual([
      { kind: 'word', start: 0, end: 8 },
      { kind: 'compare', start: 9, end: 11 },
      { kind: 'word', start: 12, end: 14 },
      { kind: 'eof', start: 14, end: 14 },
    ])
  })

  it('should read comparison symbols and keywords as 4.0 defines them (!== is any_ne, ~= too)', () => {
    const ops = (text: string) => tokenize(`a ${text} b`)[1].op
    expect([ops('=='), ops('eq'), ops('any_eq')]).toEqual(['any_eq', 'any_eq', 'any_eq'])
    expect([ops('!='), ops('ne'), ops('all_ne')]).toEqual(['all_ne', 'all_ne', 'all_ne'])
    expect([ops('==='), ops('all_eq')]).toEqual(['all_eq', 'all_eq'])
    expect([ops('!=='), ops('~='), ops('any_ne')]).toEqual(['any_ne', 'any_ne', 'any_ne'])
    expect([ops('>'), ops('gt'), ops('>='), ops('ge'), ops('<'), ops('lt'), ops('<='), ops('le')]).toEqual(['gt', 'gt', 'ge', 'ge', 'lt', 'lt', 'le', 'le'])
  })

  it('should read logic, arithmetic and grouping symbols, with and/or/not as keywords', () => {
    expect(kinds('! not && and || or')).toEqual(['not', 'not', 'and', 'and', 'or', 'or', 'eof'])
    expect(kinds('& + - * / % ( ) { } , .. #')).toEqual(['&', '+', '-', '*', '/', '%', '(', ')', '{', '}', ',', '..', '#', 'eof'])
    expect(kinds('contains matches ~ in')).toEqual(['contains', 'matches', 'matches', 'in', 'eof'])
  })

  it('should split 1..100 into 1, .. and 100 (a range in a set)', () => {
    expect(texts('{1..100}')).toEqual(['{', '1', '..', '100', '}'])
    expect(texts('{00:21:6a..00:21:6b}')).toEqual(['{', '00:21:6a', '..', '00:21:6b', '}'])
  })

  it('should keep addresses and byte strings whole', () => {
    expect(texts('ip.addr == 10.0.0.0/8')).toEqual(['ip.addr', '==', '10.0.0.0/8'])
    expect(texts('eth.src == 00:21:6a:5b:7d:4a')).toEqual(['eth.src', '==', '00:21:6a:5b:7d:4a'])
    expect(texts('ipv6.addr == fe80::1/64')).toEqual(['ipv6.addr', '==', 'fe80::1/64'])
    expect(texts('ipv6.addr == ::ffff:1.2.3.4')).toEqual(['ipv6.addr', '==', '::ffff:1.2.3.4'])
    expect(texts('x == 0021.6a5b.7d4a')).toEqual(['x', '==', '0021.6a5b.7d4a'])
  })

  it('should make a colon outside an address a stray token (tshark: ":5" was unexpected)', () => {
    expect(tokenize('0:5').map((t) => [t.kind, t.text])).toEqual([
      ['word', '0'],
      ['stray', ':5'],
      ['eof', ''],
    ])
    expect(texts('00:05:5')).toEqual(['00:05', ':5'])
    expect(texts('abc:def')).toEqual(['abc', ':def'])
  })

  it('should keep a minus inside a word (tcp.srcport-1 is one word in 4.0) but not before it', () => {
    expect(texts('tcp.srcport-1')).toEqual(['tcp.srcport-1'])
    expect(texts('-1')).toEqual(['-', '1'])
  })

  it('should read strings with their escapes', () => {
    const value = (text: string) => tokenize(text)[0].value
    expect(value('"GET"')).toBe('GET')
    expect(value('"a\\"b\\\\c"')).toBe('a"b\\c')
    expect(value('"\\n\\t\\r"')).toBe('\n\t\r')
    expect(value('"\\x41\\x4"')).toBe('A\x04')
    expect(value('"\\101\\0"')).toBe('A\0')
  })

  it('should keep backslashes in raw strings r"…"', () => {
    const token = tokenize('r"\\d+\\""')[0]
    expect(token.kind).toBe('string')
    expect(token.value).toBe('\\d+\\"')
  })

  it("should read a character constant as its code ('P' is 80)", () => {
    expect(tokenize("'P'")[0]).toMatchObject({ kind: 'char', value: 80 })
    expect(tokenize("'\\x50'")[0]).toMatchObject({ kind: 'char', value: 80 })
  })

  it('should read a slice as one token holding its range text', () => {
    expect(tokenize('frame[0:2]')[1]).toMatchObject({ kind: 'slice', value: '0:2', start: 5, end: 10 })
    expect(tokenize('tcp[ 1-3, -1 ]')[1]).toMatchObject({ kind: 'slice', value: ' 1-3, -1 ' })
  })

  it('should fail on a missing final quote, at the end of the text', () => {
    expect(lexError('frame contains "abc')).toMatchObject({ code: 'missing-quote', start: 19, end: 19 })
  })

  it('should fail on an unknown escape, pointing at it (tshark: \\q is not a valid character escape sequence)', () => {
    const error = lexError('frame contains "a\\qb"')
    expect(error).toMatchObject({ code: 'bad-escape', start: 17, end: 19 })
    expect(error.message.en).toBe('\\q is not a valid character escape sequence')
  })

  it('should fail on an octal escape above 255 (tshark: \\777 is larger than 255.)', () => {
    expect(lexError('frame contains "\\777"').message.en).toBe('\\777 is larger than 255.')
  })

  it("should fail on a character constant of two characters (tshark: 'ab' is too long…)", () => {
    expect(lexError("frame contains 'ab'").message.en).toBe("'ab' is too long to be a valid character constant.")
  })

  it('should fail on a slice without its right bracket (tshark: The right bracket was missing from a slice.)', () => {
    expect(lexError('frame[0:2) == 00')).toMatchObject({ code: 'missing-bracket', start: 9 })
  })

  it('should fail on a character no token starts with, naming it', () => {
    const error = lexError('tcp.port == 80 | tcp.port == 1')
    expect(error).toMatchObject({ code: 'unexpected-token', start: 15, end: 16 })
    expect(error.message.en).toBe('"|" was unexpected in this context.')
    expect(lexError('@tcp').message.en).toBe('"@" was unexpected in this context.')
  })
})
