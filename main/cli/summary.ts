// `tcplens summary FILE [-Y FILTER]`: one line per frame (per frame the filter selects), as
// tshark prints them by default: No., Time, Source → Destination, Protocol, Length, Info, with
// tshark's column widths.
import type { CaptureInfo, RawFrame } from '../capture/source'
import type { DecodedFrame } from '../decode/frame'
import { formatTime } from '../decode/format'
import { DecodePass } from '../decode/pass'
import { captureFileArgument, parseArgs } from './argv'
import { frameSelector, INVALID_FILTER_STATUS } from './display-filter'
import { LineWriter } from './output'
import { readCapture } from './read-capture'
import type { CliIo } from './run'
import { commandUsage } from './help'

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
  const parsed = parseArgs(args, { withValue: ['-r', '-Y', '--lang'] })
  const file = captureFileArgument(parsed, commandUsage('summary'))
  const selects = frameSelector(parsed, io)
  if (!selects) return INVALID_FILTER_STATUS
  const out = new LineWriter(io.stdout)
  const status = await readCapture(file, io, async (reader) => {
    const pass = new DecodePass(reader.info)
    for await (const batch of reader.batches()) {
      for (const raw of batch) {
        // Every frame is decoded, in order, so that the TCP analysis sees them all (tshark's one pass).
        const frame = pass.decode(raw)
        if (!selects(frame)) continue
        const time = frame.timeRelative ? formatTime(frame.timeRelative, timeDecimals(reader.info, raw)) : ''
        await out.line(summaryLine(frame, time))
      }
    }
  })
  await out.flush()
  return status
}
