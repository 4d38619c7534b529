// The filter-text fuzzer: display filters made by mutating FUZZ_FILTERS (characters inserted,
// deleted, replaced, spans repeated, tokens of the language put anywhere, two filters spliced),
// compiled as the filter bar compiles them, and run on decoded frames of the corpus.
// A crash: compileFilter's 'internal' error (what it makes of an exception it did not foresee),
// an error whose span is outside the text or whose message is empty, a compiled filter whose
// checked test throws on a frame (the app would silently drop that frame), or an answer that is
// not a boolean.
import { openCaptureBytes } from '../../main/capture/open'
import { CaptureError } from '../../main/capture/source'
import type { DecodedFrame } from '../../main/decode/frame'
import { DecodePass } from '../../main/decode/pass'
import { compileFilter, decodedFrameFields, type FrameFields } from '../../main/filter'
import { checkFilter } from '../../main/filter/checker'
import { parseFilter } from '../../main/filter/parser'
import type { Corpus } from './corpus'
import { FUZZ_FILTERS } from './filters'
import { describe } from './pipeline'
import { Random } from '../fixtures/random'

const TOKENS = [
  'tcp', 'ip', 'frame', 'eth', 'udp', 'tcp.port', 'tcp.flags', 'tcp.flags.syn', 'ip.addr', 'ip.src', 'ipv6.addr', 'eth.src', 'tcp.payload',
  'tcp.analysis.flags', 'frame.time_relative', 'frame.len', 'tcp.options', 'nosuch', 'len(', 'count(', 'upper(', 'lower(', 'string(', 'max(', 'abs(',
  '0', '1', '-1', '0x', '0xffffffff', '4294967296', '1e309', '1.5', '10.0.0.0/8', '/33', '::', 'fe80::1%', '00:11:22', 'ff:', '"', '"\\x', '"\\', "'",
  '\\', '[', ']', '[0]', '[-1]', '[1:]', '[0-0]', '[:4294967295]', '[1,2-]', '{', '}', '{1..}', '..', ',', '(', ')', '$', '@', '#', '${', 'r"',
  '==', '!=', '===', '~=', '>', '<', '>=', '<=', 'eq', 'contains', 'matches', '~', 'in', 'not in', '&&', '||', '!', 'and', 'or', 'xor', 'not',
  '&', '+', '-', '*', '/', '%', 'matches "(', 'matches "(?', '(?-i)', '\u0000', '\u00e9', '中', '\n',
]
const CHARS = 'tcpiframe.0123456789abcdefx:/-_ "\'\\[](){},.=!~<>&|+*%#$@r'

export function filterText(runSeed: number, index: number): { text: string; what: string } {
  const random = Random.forInput(runSeed ^ 0x5f17e2, index)
  let text = random.pick(FUZZ_FILTERS)
  const edits: string[] = []
  for (let n = random.between(1, 4); n > 0; n--) {
    const at = random.int(text.length + 1)
    switch (random.int(6)) {
      case 0:
        text = text.slice(0, at) + random.pick(CHARS.split('')) + text.slice(at)
        edits.push(`insert@${at}`)
        break
      case 1:
        text = text.slice(0, at) + text.slice(at + random.between(1, 6))
        edits.push(`delete@${at}`)
        break
      case 2:
        text = text.slice(0, at) + random.pick(CHARS.split('')) + text.slice(at + 1)
        edits.push(`replace@${at}`)
        break
      case 3: {
        const end = Math.min(text.length, at + random.between(1, 12))
        text = text.slice(0, end) + text.slice(at, end) + text.slice(end)
        edits.push(`repeat@${at}`)
        break
      }
      case 4:
        text = text.slice(0, at) + (random.chance(0.5) ? ' ' : '') + random.pick(TOKENS) + (random.chance(0.5) ? ' ' : '') + text.slice(at)
        edits.push(`token@${at}`)
        break
      default: {
        const other = random.pick(FUZZ_FILTERS)
        text = text.slice(0, at) + other.slice(random.int(other.length))
        edits.push(`splice@${at}`)
      }
    }
  }
  return { text, what: edits.join(' ') }
}

/** Frames the mutated filters run on: the first frames of every seed that decode, a few each. */
export async function filterFrames(corpus: Corpus, perSeed = 2): Promise<FrameFields[]> {
  const out: DecodedFrame[] = []
  for (const seed of corpus.seeds) {
    if (!seed.name.startsWith('fixture:')) continue
    let reader
    try {
      reader = await openCaptureBytes(seed.stored)
      const pass = new DecodePass(reader.info)
      let n = 0
      for await (const raw of reader.frames()) {
        out.push(pass.decode({ ...raw, bytes: raw.bytes.slice() }))
        if (++n === perSeed) break
      }
    } catch (err) {
      if (!(err instanceof CaptureError)) throw err
    } finally {
      await reader?.close()
    }
  }
  return out.map((frame) => decodedFrameFields(frame))
}

/** A crash's description, or undefined when the text compiled cleanly (to a filter or to an error inside it). */
export function runFilterText(text: string, frames: readonly FrameFields[]): string | undefined {
  let result
  try {
    result = compileFilter(text)
  } catch (error) {
    return `compileFilter threw: ${describe(error)}`
  }
  if (!result.ok) {
    const { start, end, message, code } = result.error
    if (code === 'internal') return `compileFilter: internal error: ${message.en}`
    if (!(0 <= start && start <= end && end <= text.length)) return `error span [${start}, ${end}) outside the text (${text.length} characters): ${message.en}`
    if (!message.en || !message['zh-CN']) return `error ${code} without a message in both languages`
    return undefined
  }
  // The compiled filter hides a throw (the frame does not pass); the checked test underneath shows it.
  const { test } = checkFilter(parseFilter(text), text)
  for (const frame of frames) {
    let answer
    try {
      answer = test(frame)
    } catch (error) {
      return `the filter threw on a frame: ${describe(error)}`
    }
    if (typeof answer !== 'boolean' || typeof result.filter.matches(frame) !== 'boolean') return `the filter answered ${String(answer)}, not a boolean`
  }
  return undefined
}
