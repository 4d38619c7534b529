// `tcplens summary FILE`: one line per frame, as tshark prints them by default: No., Time,
// Source → Destination, Protocol, Length, Info, with tshark's column widths.
import type { CaptureInfo, RawFrame } from '../capture/source'
import type { DecodedFrame } from '../decode/frame'
import { formatTime } from '../decode/format'
import { DecodePass } from '../decode/pass'
import { captureFileArgument, parseArgs } from './argv'
import { LineWriter } from './output'
import { readCapture } from './read-capture'
import type { CliIo } from './run'

/** Digits after the point tshark shows for an interface's timestamp resolution. */
function timeDecimals(info: CaptureInfo, raw: RawFrame): number {
  const resolution = info.interfaces[raw.interfaceId]?.tsResolution
  if (!resolution || resolution.base !== 10) return 9
  return Math.min(9, Math.max(0, resolution.exponent))
}

/** One line as tshark writes it: numbers right-aligned, addresses padded to 12. */
function summaryLine(frame: DecodedFrame, time: string): string {
  const { source, destination, protocol, info } = frame.columns
  return `${String(frame.raw.no).padStart(5)} ${time.padStart(10)} ${source.padStart(12)} \u2192 ${destination.padEnd(12)} ${protocol} ${frame.raw.origLen} ${info}`
}

export async function summaryCommand(args: readonly string[], io: CliIo): Promise<number> {
  const file = captureFileArgument(parseArgs(args, { withValue: ['-r'] }), 'usage: tcplens summary FILE')
  const out = new LineWriter(io.stdout)
  const status = await readCapture(file, io, async (reader) => {
    const pass = new DecodePass(reader.info)
    for await (const batch of reader.batches()) {
      for (const raw of batch) {
        const frame = pass.decode(raw)
        const time = frame.timeRelative ? formatTime(frame.timeRelative, timeDecimals(reader.info, raw)) : ''
        await out.line(summaryLine(frame, time))
      }
    }
  })
  await out.flush()
  return status
}
