// The contract between the streaming driver (open.ts) and a format's parser (pcap.ts,
// pcapng.ts). The driver owns the buffer and the I/O; a parser turns whole records in the
// buffer into frames, synchronously, and says how many bytes it needs when one is incomplete.

import type { CaptureError, CaptureInfo, RawFrame } from './source'

export interface RecordParser {
  readonly info: CaptureInfo
  /**
   * Parses every whole record in buf[pos, end), where buf[0] is at file offset `base`, and
   * pushes the frames onto `out`. Returns the position where it stopped: the start of the
   * first record not wholly in the buffer (then `need` is that record's full length, or its
   * header's length while the header itself is incomplete), or a position beyond `end` when it
   * skips a record unread (the driver drops the rest of it as it arrives).
   * Throws a CaptureError on damage; the frames already pushed stay good.
   */
  parse(buf: Uint8Array, view: DataView, pos: number, end: number, base: number, out: RawFrame[]): number
  need: number
  /** The error for a file that ends at `fileEnd`, inside the record the last parse stopped at. */
  cutShort(fileEnd: number): CaptureError
}
