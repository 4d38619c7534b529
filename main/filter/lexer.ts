// The display filter's tokens, with their [start, end) positions, by Wireshark 4.0's lexical
// rules (checked against tshark 4.0.17):
// - a word is a run of letters, digits, _ . and - (it stops before "..", so {1..100} is 1 .. 100);
//   words that are addresses or byte strings may hold colons (00:1a:2b, fe80::1, 10.0.0.0/8);
//   elsewhere a colon starts a stray token of its own (tshark: `":5" was unexpected`);
// - keywords: eq ne gt lt ge le any_eq all_ne all_eq any_ne contains matches in and or not;
// - "…" strings with \\ \" \n \t \r \a \b \f \v \xHH \OOO escapes, raw strings r"…", and
//   character constants 'c' (an integer);
// - a slice's brackets hold its range text ([0:2], [-1], [1-3,5]): one token, read by slice.ts.
import { parseIpv6 } from '../capture/address-text'
import { fail, MESSAGES } from './messages'
import type { FilterSpan } from './types'

export type CompareOp = 'any_eq' | 'all_ne' | 'all_eq' | 'any_ne' | 'gt' | 'ge' | 'lt' | 'le'

export type TokenKind =
  | 'word' //     an unparsed word: a field name or a literal, decided by the checker
  | 'string' //   "…" or r"…" (value: the text after escapes)
  | 'char' //     'c' (value: its code)
  | 'slice' //    […] (value: the text between the brackets)
  | 'stray' //    a colon outside an address (":5" in 0:5): never expected
  | 'compare' //  == != === !== ~= > >= < <= and their keywords (op)
  | 'contains'
  | 'matches'
  | 'in'
  | 'and'
  | 'or'
  | 'not'
  | '(' | ')' | '{' | '}' | ',' | '..' | '#'
  | '&' | '+' | '-' | '*' | '/' | '%'
  | 'eof'

export interface Token extends FilterSpan {
  kind: TokenKind
  /** The token as written. */
  text: string
  /** The value of a string or character constant, the inside of a slice. */
  value?: string | number
  /** For comparisons: which one. */
  op?: CompareOp
}

const KEYWORDS: Readonly<Record<string, Pick<Token, 'kind' | 'op'>>> = {
  eq: { kind: 'compare', op: 'any_eq' },
  any_eq: { kind: 'compare', op: 'any_eq' },
  ne: { kind: 'compare', op: 'all_ne' },
  all_ne: { kind: 'compare', op: 'all_ne' },
  all_eq: { kind: 'compare', op: 'all_eq' },
  any_ne: { kind: 'compare', op: 'any_ne' },
  gt: { kind: 'compare', op: 'gt' },
  ge: { kind: 'compare', op: 'ge' },
  lt: { kind: 'compare', op: 'lt' },
  le: { kind: 'compare', op: 'le' },
  contains: { kind: 'contains' },
  matches: { kind: 'matches' },
  in: { kind: 'in' },
  and: { kind: 'and' },
  or: { kind: 'or' },
  not: { kind: 'not' },
}

/** Symbols, longest first so "===" wins over "==". */
const SYMBOLS: ReadonlyArray<[string, Pick<Token, 'kind' | 'op'>]> = [
  ['===', { kind: 'compare', op: 'all_eq' }],
  ['!==', { kind: 'compare', op: 'any_ne' }],
  ['==', { kind: 'compare', op: 'any_eq' }],
  ['!=', { kind: 'compare', op: 'all_ne' }],
  ['~=', { kind: 'compare', op: 'any_ne' }],
  ['>=', { kind: 'compare', op: 'ge' }],
  ['<=', { kind: 'compare', op: 'le' }],
  ['&&', { kind: 'and' }],
  ['||', { kind: 'or' }],
  ['..', { kind: '..' }],
  ['>', { kind: 'compare', op: 'gt' }],
  ['<', { kind: 'compare', op: 'lt' }],
  ['~', { kind: 'matches' }],
  ['!', { kind: 'not' }],
  ['(', { kind: '(' }],
  [')', { kind: ')' }],
  ['{', { kind: '{' }],
  ['}', { kind: '}' }],
  [',', { kind: ',' }],
  ['#', { kind: '#' }],
  ['&', { kind: '&' }],
  ['+', { kind: '+' }],
  ['-', { kind: '-' }],
  ['*', { kind: '*' }],
  ['/', { kind: '/' }],
  ['%', { kind: '%' }],
]

const WORD_START = /[A-Za-z0-9_:]/
const WORD_CHAR = /[A-Za-z0-9_.-]/
/** Byte strings and MAC addresses (00:1a:2b, 00-1a-2b, 0021.6a5b.7d4a) and IPv4 CIDR blocks. */
const ADDRESS_WORDS: readonly RegExp[] = [
  /[0-9A-Fa-f]{2}(?:[:.-][0-9A-Fa-f]{2})+/y,
  /[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}/y,
  /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d+/y,
]
/** What an IPv6 address (with a prefix) may be made of; it is a word only if it is one. */
const IPV6_RUN = /[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:\/\d+)?/y
/** A colon outside an address starts a stray token (the colon and the hex digits after it). */
const STRAY_COLON = /:[0-9A-Fa-f]*/y

/** Splits a filter into tokens; the last one is 'eof'. Fails on a character no token starts with. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (true) {
    while (at < text.length && /\s/.test(text[at])) at++
    if (at >= text.length) break
    const token = nextToken(text, at)
    tokens.push(token)
    at = token.end
  }
  tokens.push({ kind: 'eof', text: '', start: text.length, end: text.length })
  return tokens
}

function nextToken(text: string, at: number): Token {
  const c = text[at]
  if (c === '"') return quotedString(text, at, at + 1, false)
  if (c === 'r' && text[at + 1] === '"') return quotedString(text, at, at + 2, true)
  if (c === "'") return charConstant(text, at)
  if (c === '[') return sliceToken(text, at)
  if (WORD_START.test(c)) return wordToken(text, at)
  for (const [symbol, kind] of SYMBOLS) {
    if (text.startsWith(symbol, at)) return { ...kind, text: symbol, start: at, end: at + symbol.length }
  }
  return fail(MESSAGES.unexpectedChar(String.fromCodePoint(text.codePointAt(at)!)), { start: at, end: at + 1 })
}

function wordToken(text: string, at: number): Token {
  let end = at
  while (end < text.length && WORD_CHAR.test(text[end]) && !text.startsWith('..', end)) end++
  end = Math.max(end, addressEnd(text, at))
  if (end === at) {
    STRAY_COLON.lastIndex = at
    end = at + STRAY_COLON.exec(text)![0].length
    return { kind: 'stray', text: text.slice(at, end), start: at, end }
  }
  const word = text.slice(at, end)
  const keyword = KEYWORDS[word]
  return keyword ? { ...keyword, text: word, start: at, end } : { kind: 'word', text: word, start: at, end }
}

/** Where an address-like word starting at `at` ends (at itself when there is none). */
function addressEnd(text: string, at: number): number {
  let end = at
  const accept = (length: number) => {
    const after = at + length
    if (after > end && (!WORD_CHAR.test(text[after] ?? ' ') || text.startsWith('..', after))) end = after
  }
  for (const pattern of ADDRESS_WORDS) {
    pattern.lastIndex = at
    const match = pattern.exec(text)
    if (match) accept(match[0].length)
  }
  IPV6_RUN.lastIndex = at
  const ipv6 = IPV6_RUN.exec(text)
  if (ipv6 && parseIpv6(ipv6[0].replace(/\/\d+$/, ''))) accept(ipv6[0].length)
  return end
}

function quotedString(text: string, start: number, bodyStart: number, raw: boolean): Token {
  let value = ''
  let at = bodyStart
  while (at < text.length && text[at] !== '"') {
    if (text[at] !== '\\') {
      value += text[at++]
      continue
    }
    if (raw) {
      // A raw string keeps its backslashes; \" is still not the end of it.
      value += text.slice(at, at + 2)
      at += 2
      continue
    }
    const escape = readEscape(text, at)
    value += escape.char
    at = escape.end
  }
  if (at >= text.length) return fail(MESSAGES.missingQuote(), { start: text.length, end: text.length })
  return { kind: 'string', text: text.slice(start, at + 1), start, end: at + 1, value }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  "'": "'",
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
}

/** One escape sequence at text[at] (a backslash): the character it stands for and where it ends. */
function readEscape(text: string, at: number): { char: string; end: number } {
  const next = text[at + 1]
  if (next === undefined) return fail(MESSAGES.missingQuote(), { start: text.length, end: text.length })
  if (next in SIMPLE_ESCAPES) return { char: SIMPLE_ESCAPES[next], end: at + 2 }
  const hex = /^x([0-9A-Fa-f]{1,2})/.exec(text.slice(at + 1, at + 4))
  if (hex) return { char: String.fromCharCode(parseInt(hex[1], 16)), end: at + 1 + hex[0].length }
  const octal = /^[0-7]{1,3}/.exec(text.slice(at + 1, at + 4))
  if (octal) {
    const code = parseInt(octal[0], 8)
    const end = at + 1 + octal[0].length
    if (code > 255) return fail(MESSAGES.escapeTooLarge(text.slice(at, end)), { start: at, end })
    return { char: String.fromCharCode(code), end }
  }
  return fail(MESSAGES.badEscape(text.slice(at, at + 2)), { start: at, end: at + 2 })
}

function charConstant(text: string, start: number): Token {
  const close = text.indexOf("'", start + 1 + (text[start + 1] === '\\' ? 2 : 0))
  if (close < 0) return fail(MESSAGES.missingQuote(), { start: text.length, end: text.length })
  const span = { start, end: close + 1 }
  const body = text.slice(start + 1, close)
  if (body === '') return fail(MESSAGES.charEmpty(text.slice(start, close + 1)), span)
  const escape = body[0] === '\\' ? readEscape(text, start + 1) : { char: body[0], end: start + 2 }
  if (escape.end !== close) return fail(MESSAGES.charTooLong(text.slice(start, close + 1)), span)
  return { kind: 'char', text: text.slice(start, close + 1), ...span, value: escape.char.charCodeAt(0) }
}

/** The characters a slice's range may hold; anything else where "]" should be is reported. */
const RANGE_CHAR = /[0-9A-Za-z_:,\s-]/

function sliceToken(text: string, start: number): Token {
  let at = start + 1
  while (at < text.length && RANGE_CHAR.test(text[at])) at++
  if (text[at] !== ']') return fail(MESSAGES.missingBracket(), { start: at, end: Math.min(at + 1, text.length) })
  return { kind: 'slice', text: text.slice(start, at + 1), start, end: at + 1, value: text.slice(start + 1, at) }
}
