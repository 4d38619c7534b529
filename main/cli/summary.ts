// `tcplens summary FILE`: one line per frame, as tshark prints them by default: No., Time,
// Source → Destination, Protocol, Length, Info, with tshark's column widths.
import type { CaptureInfo, RawFrame } from '../capture/source'
import type { Timestamp } from '../decode/field'
import type { DecodedFrame } from '../decode/frame'
import { DecodePass } from '../decode/pass'
import { timeDiff } from '../decode/time'
import { parseArgs, UsageError } from './argv'
import { LineWriter } from './output'
import { readCapture } from './read-capture'
import type { CliIo } from './run'

/** Digits after the point tshark shows for an interface's timestamp resolution. */
export function timeDecimals(info: CaptureInfo, raw: RawFrame): number {
  const resolution = info.interfaces[raw.interfaceId]?.tsResolution
  if (!resolution || resolution.base !== 10) return 9
  return Math.min(9, Math.max(0, resolution.exponent))
}

/** A relative time with `decimals` digits (truncated, as Wireshark's nstime_to_str). */
export function relativeTimeText(t: Timestamp, decimals: number): string {
  const negative = t.sec < 0
  let sec = t.sec
  let nsec = t.nsec
  if (negative && nsec > 0) {
    sec += 1
    nsec = 1e9 - nsec
  }
  const whole = `${negative ? '-' : ''}${Math.abs(sec)}`
  if (decimals === 0) return whole
  const fraction = String(nsec).padStart(9, '0').slice(0, decimals)
  return `${whole}.${fraction}`
}

/** One line as tshark writes it: numbers right-aligned, addresses padded to 12. */
export function summaryLine(frame: DecodedFrame, time: string): string {
  const { source, destination, protocol, info } = frame.columns
  return `${String(frame.raw.no).padStart(5)} ${time.padStart(10)} ${source.padStart(12)} \u2192 ${destination.padEnd(12)} ${protocol} ${frame.raw.origLen} ${info}`
}

export async function summaryCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { withValue: ['-r'] })
  const file = parsed.values.get('-r')?.[0] ?? parsed.positional[0]
  if (!file || parsed.positional.length > (parsed.values.has('-r') ? 0 : 1)) throw new UsageError('usage: tcplens summary FILE')
  const out = new LineWriter(io.stdout)
  const status = await readCapture(file, io, async (reader) => {
    const pass = new DecodePass(reader.info)
    let first: Timestamp | undefined
    for await (const batch of reader.batches()) {
      for (const raw of batch) {
        const frame = pass.decode(raw)
        const now = { sec: raw.tsSec, nsec: raw.tsNsec }
        first ??= now
        const time = raw.noTimestamp ? '' : relativeTimeText(timeDiff(now, first), timeDecimals(reader.info, raw))
        await out.line(summaryLine(frame, time))
      }
    }
  })
  await out.flush()
  return status
}
