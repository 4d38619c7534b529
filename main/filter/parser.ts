// A hand-written recursive-descent parser for Wireshark 4.0's display filters. The grammar and
// precedence, as tshark 4.0.17 parses them (each checked on a capture where the readings differ):
//
//   filter     := or
//   or         := and (("||" | "or") and)*          `a || b && c` is `a || (b && c)`
//   and        := not (("&&" | "and") not)*
//   not        := ("!" | "not") not | "(" or ")" | relation
//   relation   := value (compare value)*            `a == b == c` is `a == b && b == c`
//               | value ("contains" | "matches" | "~") value
//               | value "in" "{" element ("," element)* "}"
//               | value                             a presence test, or a non-zero result
//   element    := value (".." value)?
//   value      := sum ("&" sum)*                    `tcp.flags & 0x12 == 0x12` is `(tcp.flags & 0x12) == 0x12`
//   sum        := product (("+" | "-") product)*
//   product    := unary (("*" | "/" | "%") unary)*
//   unary      := "-" unary | "+" unary | postfix
//   postfix    := primary ("#" layers)? slice?      ip.src#1[0]; the layer comes first
//   primary    := word | word "(" (value ("," value)*)? ")" | string | char | "{" value "}"
//
// `!a == b` is `!(a == b)`: "!" negates a whole relation. Parentheses group tests only; "{ }"
// groups arithmetic. Where 4.0 differs from later versions, 4.0 is followed: no `not in` and no
// `true`/`false` literals (later versions have both), `!==` is any_ne like `~=`, `matches` is
// case-insensitive unless the pattern says (?-i), and `{ }` both groups arithmetic and makes sets.
import { spanOf, type LayerRange, type SetElement, type TestNode, type ValueNode } from './ast'
import { tokenize, type Token, type TokenKind } from './lexer'
import { fail, MESSAGES } from './messages'
import { parseRanges } from './slice'

export function parseFilter(text: string): TestNode {
  return new Parser(tokenize(text)).filter()
}

class Parser {
  private at = 0

  constructor(private readonly tokens: Token[]) {}

  filter(): TestNode {
    const test = this.or()
    this.expect('eof')
    return test
  }

  private peek(): Token {
    return this.tokens[this.at]
  }

  private next(): Token {
    return this.tokens[this.at++]
  }

  private accept(kind: TokenKind): Token | undefined {
    return this.peek().kind === kind ? this.next() : undefined
  }

  private expect(kind: TokenKind): Token {
    const token = this.peek()
    if (token.kind !== kind) unexpected(token)
    return this.next()
  }

  private or(): TestNode {
    let left = this.and()
    while (this.accept('or')) {
      const right = this.and()
      left = { kind: 'or', left, right, span: spanOf(left, right) }
    }
    return left
  }

  private and(): TestNode {
    let left = this.not()
    while (this.accept('and')) {
      const right = this.not()
      left = { kind: 'and', left, right, span: spanOf(left, right) }
    }
    return left
  }

  private not(): TestNode {
    const bang = this.accept('not')
    if (bang) {
      const operand = this.not()
      return { kind: 'not', operand, span: spanOf(bang, operand) }
    }
    const open = this.accept('(')
    if (open) {
      const inner = this.or()
      const close = this.expect(')')
      return { ...inner, span: spanOf(open, close) }
    }
    return this.relation()
  }

  private relation(): TestNode {
    const left = this.value()
    const token = this.peek()
    switch (token.kind) {
      case 'compare':
        return this.comparisons(left)
      case 'contains':
      case 'matches': {
        this.next()
        const right = this.value()
        return { kind: token.kind, opText: token.text, opSpan: token, left, right, span: spanOf(left, right) }
      }
      case 'in':
        return this.membership(left)
      default:
        return { kind: 'exists', value: left, span: left.span }
    }
  }

  /** a < b < c: each comparison with its neighbours, all of them true. */
  private comparisons(first: ValueNode): TestNode {
    let left = first
    let test: TestNode | undefined
    let token: Token | undefined
    while ((token = this.accept('compare'))) {
      const right = this.value()
      const compare: TestNode = { kind: 'compare', op: token.op!, opText: token.text, opSpan: token, left, right, span: spanOf(left, right) }
      test = test ? { kind: 'and', left: test, right: compare, span: spanOf(test, compare) } : compare
      left = right
    }
    return test!
  }

  private membership(left: ValueNode): TestNode {
    const op = this.next()
    this.expect('{')
    const elements: SetElement[] = []
    do {
      const low = this.value()
      if (this.accept('..')) elements.push({ kind: 'range', low, high: this.value() })
      else elements.push({ kind: 'value', value: low })
    } while (this.accept(','))
    const close = this.expect('}')
    return { kind: 'in', opSpan: op, left, elements, span: spanOf(left, close) }
  }

  value(): ValueNode {
    return this.binary(['&'], () => this.binary(['+', '-'], () => this.binary(['*', '/', '%'], () => this.unary())))
  }

  private binary(ops: readonly TokenKind[], operand: () => ValueNode): ValueNode {
    let left = operand()
    while (ops.includes(this.peek().kind)) {
      const op = this.next()
      const right = operand()
      left = { kind: 'arithmetic', op: op.kind as '+', opSpan: op, left, right, span: spanOf(left, right) }
    }
    return left
  }

  private unary(): ValueNode {
    const minus = this.accept('-')
    if (minus) {
      const operand = this.unary()
      return { kind: 'negate', operand, opSpan: minus, span: spanOf(minus, operand) }
    }
    if (this.accept('+')) return this.unary()
    return this.postfix()
  }

  private postfix(): ValueNode {
    let value = this.primary()
    const hash = this.accept('#')
    if (hash) {
      const layers = this.layers()
      value = { kind: 'layer', operand: value, layers: layers.ranges, span: spanOf(value, layers.span) }
    }
    const slice = this.accept('slice')
    if (slice) {
      const rangeSpan = { start: slice.start + 1, end: slice.end - 1 }
      value = { kind: 'slice', operand: value, ranges: parseRanges(slice.value as string, rangeSpan), span: spanOf(value, slice) }
    }
    return value
  }

  /** After "#": a layer number, or layer ranges in brackets (#[1-2], #[2:2], #[1,3]). */
  private layers(): { ranges: LayerRange[]; span: Token } {
    const token = this.next()
    if (token.kind === 'word' && /^\d+$/.test(token.text)) {
      const layer = Number(token.text)
      return { ranges: [{ from: layer, to: layer }], span: token }
    }
    if (token.kind === 'slice') {
      const rangeSpan = { start: token.start + 1, end: token.end - 1 }
      const ranges = parseRanges(token.value as string, rangeSpan).map((range) => {
        if (range.start < 1 || range.length === undefined) fail(MESSAGES.badRange(token.value as string), rangeSpan)
        return { from: range.start, to: range.start + range.length - 1 }
      })
      return { ranges, span: token }
    }
    if (token.kind === 'eof') fail(MESSAGES.unexpectedEnd(), token)
    return fail(MESSAGES.layerSyntax(token.text.slice(0, 1)), { start: token.start, end: token.start + 1 })
  }

  private primary(): ValueNode {
    const token = this.next()
    switch (token.kind) {
      case 'word':
        if (this.peek().kind === '(') return this.call(token)
        return { kind: 'word', text: token.text, span: token }
      case 'string':
        return { kind: 'string', value: token.value as string, text: token.text, span: token }
      case 'char':
        return { kind: 'char', value: token.value as number, text: token.text, span: token }
      case '{': {
        const inner = this.value()
        const close = this.expect('}')
        return { ...inner, span: spanOf(token, close) }
      }
      default:
        return unexpected(token)
    }
  }

  private call(name: Token): ValueNode {
    this.next()
    const args: ValueNode[] = []
    if (this.peek().kind !== ')') {
      do args.push(this.value())
      while (this.accept(','))
    }
    const close = this.expect(')')
    return { kind: 'call', name: name.text, nameSpan: name, args, span: spanOf(name, close) }
  }
}

function unexpected(token: Token): never {
  if (token.kind === 'eof') fail(MESSAGES.unexpectedEnd(), token)
  return fail(MESSAGES.unexpected(token.text), token)
}
