// Expert Info over a whole capture without decoding every frame: the expert items of each plain
// TCP segment (expert-marks.ts) are named from the TCP columns (tcp-expert-items.ts), and only the
// other frames (not TCP, damaged, cut short, odd options, fragments …) are decoded in full, as the
// full pass decodes them (FrameDecoder). Frames are filed in capture order, so each entry's
// evidence frames come out exactly as a full decode of every frame gives them.
//
// The frames to decode are read by file offset when they are few, or by streaming the file once
// again when they are many (reading every record costs about as much as a few hundred random
// reads per hundred thousand frames).
import { ApiFailure } from '../api/port'
import type { CaptureLoad } from './capture-load'
import type { ExpertCollector } from './expert-info'
import { giveWay } from './full-scan'
import { rereadRecords } from './reread-records'
import { TcpExpertItems } from './tcp-expert-items'

/** What the scan reads: a loaded capture's pass and decoder, and its file. */
export type ExpertSource = Pick<CaptureLoad, 'path' | 'packets' | 'indexer' | 'decoder'>

export type ExpertStrategy = 'random-access' | 'stream'

/**
 * Random access is used while the frames to decode are at most this share of the capture (one
 * random read costs about as much as streaming this many records).
 */
const RANDOM_ACCESS_SHARE = 1 / 256

/** Frames decoded concurrently by random access, between two chances for other requests. */
const DECODE_CHUNK = 256

/** Plain frames filed between two chances for other requests. */
const FILE_SLICE = 1 << 16

/** How the frames to decode are read, by their number among `packets`. */
export function expertStrategy(toDecode: number, packets: number): ExpertStrategy {
  return toDecode <= packets * RANDOM_ACCESS_SHARE ? 'random-access' : 'stream'
}

export interface ExpertScanOptions {
  /** How to read the frames to decode (default: expertStrategy's choice). */
  strategy?: ExpertStrategy
  /** Streaming the file (the slow way): the frames filed so far, after each batch. */
  onStreamed?: (done: number, total: number) => void
}

/**
 * Files the expert items of frames 1 … `source.packets` in `collector`, in capture order. Throws
 * ApiFailure('cancelled') when `wanted()` turns false between steps.
 */
export async function scanExpertItems(source: ExpertSource, collector: ExpertCollector, wanted: () => boolean, options: ExpertScanOptions = {}): Promise<void> {
  const packets = source.packets
  const toDecode = source.indexer.expertMarks.framesToDecode(packets)
  const scan = new ExpertScan(source, collector, wanted)
  if ((options.strategy ?? expertStrategy(toDecode.length, packets)) === 'random-access') await scan.byRandomAccess(toDecode)
  else await scan.byStreaming(options.onStreamed)
}

class ExpertScan {
  private readonly tcpItems: TcpExpertItems
  /** The next frame to file. */
  private next = 1

  constructor(
    private readonly source: ExpertSource,
    private readonly collector: ExpertCollector,
    private readonly wanted: () => boolean,
  ) {
    this.tcpItems = new TcpExpertItems(source.indexer)
  }

  /** Decodes `toDecode` (in order) by file offset, a chunk at a time; the frames between are plain. */
  async byRandomAccess(toDecode: Uint32Array): Promise<void> {
    for (let at = 0; at < toDecode.length; at += DECODE_CHUNK) {
      const decoded = await this.source.decoder.decodeMany(Array.from(toDecode.subarray(at, at + DECODE_CHUNK)))
      for (const frame of decoded) {
        await this.filePlainUpTo(frame.raw.no)
        this.collector.add(frame)
        this.next = frame.raw.no + 1
      }
      await this.giveWay()
    }
    await this.filePlainUpTo(this.source.packets + 1)
  }

  /** Reads every record again in file order, decoding those that are not plain. */
  async byStreaming(onStreamed?: (done: number, total: number) => void): Promise<void> {
    const { path, packets, indexer, decoder } = this.source
    const marks = indexer.expertMarks
    await rereadRecords(
      path,
      packets,
      // A plain frame is filed at once: only a frame to decode waits.
      () => (raw) => (marks.isPlain(raw.no) ? this.tcpItems.fileItems(raw.no, this.collector) : decoder.decodeRecord(raw).then((frame) => this.collector.add(frame))),
      () => this.giveWay(),
      onStreamed && ((done) => onStreamed(done, packets)),
    )
  }

  /** Files the plain frames from `next` up to (not including) `end`. */
  private async filePlainUpTo(end: number): Promise<void> {
    while (this.next < end) {
      const stop = Math.min(end, this.next + FILE_SLICE)
      for (let frame = this.next; frame < stop; frame++) this.tcpItems.fileItems(frame, this.collector)
      this.next = stop
      if (stop < end) await this.giveWay()
    }
  }

  private async giveWay(): Promise<void> {
    await giveWay()
    if (!this.wanted()) throw new ApiFailure('cancelled', 'expert info was cancelled (the capture was closed or replaced)')
  }
}
