// The packet list's rows: a decoded frame's columns (the very Source, Destination, Protocol and
// Info `tcplens summary` prints), its times as numbers, its colour and its tcp.stream.
import type { PacketRowDto } from '../../preload/contract/dto'
import type { Timestamp } from '../decode/field'
import type { DecodedFrame } from '../decode/frame'
import { colourOf } from './colour-rules'

const seconds = (t: Timestamp | undefined): number | null => (t ? t.sec + t.nsec / 1e9 : null)

/** One row; `delta` is the time since the previous frame (undefined: the record has no time). */
export function packetRow(frame: DecodedFrame, delta: Timestamp | undefined, stream: number): PacketRowDto {
  const raw = frame.raw
  const { source, destination, protocol, info } = frame.columns
  return {
    no: raw.no,
    time: seconds(frame.timeRelative),
    delta: seconds(delta),
    epoch: raw.noTimestamp ? null : raw.tsSec + raw.tsNsec / 1e9,
    source,
    destination,
    protocol,
    length: raw.origLen,
    info,
    colour: colourOf(frame),
    stream,
  }
}
