// Every mistake a display filter can have, in English and Chinese. The English follows tshark
// 4.0's wording where tshark has a message for the same mistake ("443" was unexpected in this
// context.), so a lab sheet's hint still fits; the Chinese says the same thing naturally.
import type { FilterError, FilterLang, FilterSpan } from './types'
import { closestFieldName } from './suggest'

export interface FilterMessage {
  code: string
  message: Record<FilterLang, string>
}

function message(code: string, en: string, zh: string): FilterMessage {
  return { code, message: { en, 'zh-CN': zh } }
}

/** Thrown inside the compiler only; compileFilter turns it into a FilterError. */
export class FilterFailure extends Error {
  constructor(readonly error: FilterError) {
    super(error.message.en)
  }
}

/** Stops compiling with `what` at `span`. */
export function fail(what: FilterMessage, span: FilterSpan): never {
  throw new FilterFailure({ ...what, start: span.start, end: span.end })
}

/** `what`, with a hint at the known field `name` was probably meant to be. */
function withSuggestion(what: FilterMessage, name: string): FilterMessage {
  const suggestion = closestFieldName(name)
  if (!suggestion || suggestion === name) return what
  return { code: what.code, message: { en: `${what.message.en} Did you mean ${suggestion}?`, 'zh-CN': `${what.message['zh-CN']}你是不是想写 ${suggestion}？` } }
}

/** Shows a piece of the filter inside a message, as tshark does: "443". */
const q = (text: string) => `"${text}"`

export const MESSAGES = {
  emptyFilter: () => message('empty-filter', 'The filter is empty.', '过滤表达式为空。'),
  unexpected: (token: string) => message('unexpected-token', `${q(token)} was unexpected in this context.`, `此处不应出现 ${q(token)}。`),
  unexpectedEnd: () => message('unexpected-end', 'Unexpected end of filter expression.', '过滤表达式不完整，意外结束。'),
  unexpectedChar: (char: string) => message('unexpected-token', `${q(char)} was unexpected in this context.`, `此处不应出现 ${q(char)}。`),
  missingQuote: () => message('missing-quote', 'The final quote was missing from a quoted string.', '字符串缺少结尾的引号。'),
  badEscape: (escape: string) => message('bad-escape', `${escape} is not a valid character escape sequence`, `${escape} 不是有效的转义序列`),
  escapeTooLarge: (escape: string) => message('bad-escape', `${escape} is larger than 255.`, `${escape} 大于 255。`),
  charTooLong: (text: string) => message('bad-char', `${text} is too long to be a valid character constant.`, `${text} 太长，不是有效的字符常量。`),
  charEmpty: (text: string) => message('bad-char', `${text} is not a valid character constant.`, `${text} 不是有效的字符常量。`),
  missingBracket: () => message('missing-bracket', 'The right bracket was missing from a slice.', '切片缺少右方括号 "]"。'),
  badRange: (text: string) => message('bad-range', `${q(text)} is not a valid range.`, `${q(text)} 不是有效的字节范围。`),
  rangeOrder: (text: string, from: number, to: number) =>
    message('bad-range', `Range ${text} isn't valid because ${from} is greater or equal than ${to}`, `范围 ${text} 无效：${from} 大于或等于 ${to}`),
  rangeLength: (text: string, length: number) =>
    message('bad-range', `Range ${text} isn't valid because length ${length} isn't positive`, `范围 ${text} 无效：长度 ${length} 不是正数`),
  layerSyntax: (found: string) => message('bad-layer', `Expected digit or "[", not ${q(found)}`, `"#" 后应为数字或 "["，而不是 ${q(found)}`),
  unknownField: (name: string) => withSuggestion(message('unknown-field', `${name} is neither a field nor a protocol name.`, `${name} 既不是字段也不是协议名。`), name),
  unknownFunction: (name: string) => message('unknown-function', `Function '${name}' does not exist`, `函数 '${name}' 不存在`),
  functionArity: (name: string, min: number, max: number) =>
    message(
      'function-arguments',
      min === max ? `Function ${name} can only accept ${max} arguments.` : max === Infinity ? `Function ${name} needs at least ${min} argument.` : `Function ${name} accepts ${min} to ${max} arguments.`,
      min === max ? `函数 ${name} 只能接受 ${max} 个参数。` : max === Infinity ? `函数 ${name} 至少需要 ${min} 个参数。` : `函数 ${name} 接受 ${min} 到 ${max} 个参数。`,
    ),
  functionNeedsField: (name: string) =>
    message('function-arguments', `Only fields can be used as parameter for ${name}()`, `${name}() 的参数只能是字段`),
  functionNeedsString: (name: string) =>
    message('function-arguments', `Only string type fields can be used as parameter for ${name}()`, `${name}() 的参数只能是字符串类型的字段`),
  functionNeedsNumber: (name: string) =>
    message('function-arguments', `Only number type fields can be used as parameter for ${name}()`, `${name}() 的参数只能是数值类型的字段`),
  functionMixedTypes: (name: string) =>
    message('function-arguments', `Arguments to ${name}() must all have the same type`, `${name}() 的各个参数类型必须相同`),
  functionTest: () => message('function-test', 'You cannot test whether a function is present.', '不能测试函数是否存在，请把函数的结果与一个值比较。'),
  literalTest: (text: string) => withSuggestion(message('unknown-field', `${text} is neither a field nor a protocol name.`, `${text} 既不是字段也不是协议名。`), text),
  literalLeft: (op: string, text: string) =>
    withSuggestion(message('literal-left', `Left side of ${q(op)} expression must be a field or function, not ${text}.`, `${q(op)} 的左边必须是字段或函数，而不是 ${text}。`), text),
  constantArithmetic: () => message('constant-arithmetic', 'Constant arithmetic expression on the LHS is invalid.', '算术表达式的左边不能是常量。'),
  twoLiterals: (text: string) => message('literal-left', `${text} must be compared with a field or function.`, `${text} 必须与字段或函数比较。`),
  notComparable: (name: string, type: string, op: string) =>
    message('type-mismatch', `${name} (type=${type}) cannot participate in ${op} comparison.`, `${name}（类型：${type}）不能用于 ${op} 比较。`),
  incompatible: (left: string, right: string) =>
    message('type-mismatch', `${left} and ${right} are not of compatible types.`, `${left} 与 ${right} 的类型不兼容。`),
  notSliceable: (name: string, type: string) =>
    message('type-mismatch', `${q(name)} is a ${type} and cannot be sliced into a sequence of bytes.`, `${q(name)} 是${type}，不能切片为字节序列。`),
  notArithmetic: (name: string, type: string, op: string) =>
    message('type-mismatch', `${name} (type=${type}) cannot be used with the ${q(op)} operator.`, `${name}（类型：${type}）不能用于 ${q(op)} 运算。`),
  matchesNeedsString: () =>
    message('type-mismatch', 'Matches requires a double quoted string on the right side.', '"matches" 的右边必须是带双引号的字符串（正则表达式）。'),
  notInSet: () => message('type-mismatch', 'Only a field may be tested for membership in a set.', '只有字段才能用 "in" 测试是否属于集合。'),
  sliceUnknown: (name: string) => message('unknown-field', `Range is not supported for entity ${name}`, `${name} 不是字段，不能切片`),
  noStringForm: (name: string) => message('function-arguments', `String conversion for field ${q(name)} is not supported`, `字段 ${q(name)} 不支持转换为字符串`),
  badRegex: (reason: string) => message('bad-regex', `Regex compilation error: ${reason}.`, `正则表达式有误：${reason}。`),
  fromString: (type: string, text: string) =>
    message('bad-literal', `${type} cannot be converted from a string (${q(text)}).`, `${type}不能由字符串 ${q(text)} 转换而来。`),
  badNumber: (text: string) => message('bad-literal', `${q(text)} is not a valid number.`, `${q(text)} 不是有效的数字。`),
  tooBig: (text: string, max: string) => message('bad-literal', `${q(text)} too big for this field, maximum ${max}.`, `${q(text)} 超出了该字段的范围，最大为 ${max}。`),
  tooSmall: (text: string, min: string) => message('bad-literal', `${q(text)} too small for this field, minimum ${min}.`, `${q(text)} 超出了该字段的范围，最小为 ${min}。`),
  notAValue: (text: string, field: string) =>
    message('bad-literal', `${q(text)} cannot be found among the possible values for ${field}.`, `${q(text)} 不是 ${field} 的可能取值之一。`),
  badIpv4: (text: string) => message('bad-literal', `${q(text)} is not a valid hostname or IPv4 address.`, `${q(text)} 不是有效的 IPv4 地址（不解析主机名）。`),
  badNetmask: (bits: string) =>
    message('bad-literal', `Netmask bits in a CIDR IPv4 address should be <= 32, not ${bits}`, `CIDR IPv4 地址的掩码位数应 <= 32，而不是 ${bits}`),
  badIpv6: (text: string) => message('bad-literal', `${q(text)} is not a valid hostname or IPv6 address.`, `${q(text)} 不是有效的 IPv6 地址（不解析主机名）。`),
  badPrefix: (bits: string) => message('bad-literal', `Prefix in a IPv6 address should be <= 128, not ${bits}`, `IPv6 地址的前缀长度应 <= 128，而不是 ${bits}`),
  badEther: (text: string) => message('bad-literal', `${q(text)} is not a valid Ethernet address.`, `${q(text)} 不是有效的以太网（MAC）地址。`),
  shortEther: (text: string) =>
    message('bad-literal', `${q(text)} contains too few bytes to be a valid Ethernet address.`, `${q(text)} 的字节数太少，不是有效的以太网（MAC）地址。`),
  badBytes: (text: string) => message('bad-literal', `${q(text)} is not a valid byte string.`, `${q(text)} 不是有效的字节串。`),
  badTime: (text: string) => message('bad-literal', `${q(text)} is not a valid time.`, `${q(text)} 不是有效的时间（以秒为单位，例如 0.5）。`),
  badDouble: (text: string) => message('bad-literal', `${q(text)} is not a valid floating point number.`, `${q(text)} 不是有效的浮点数。`),
  noValue: (name: string, type: string) =>
    message('type-mismatch', `${name} (type=${type}) has no value to compare.`, `${name}（类型：${type}）没有可比较的值。`),
  internal: (reason: string) => message('internal', `The filter could not be compiled: ${reason}`, `无法编译该过滤表达式：${reason}`),
} satisfies Record<string, (...args: never[]) => FilterMessage>

