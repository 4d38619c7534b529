// Test helper: a live capture's temporary file, written by the test a piece at a time as
// CaptureRun writes it (a pcapng section header and IDB first, then one EPB per packet), with the
// committed size (bytes of whole blocks) told to whoever follows the file.
import { appendFileSync, writeFileSync } from 'node:fs'
import { openCaptureBytes } from '../../../../main/capture/open'
import { encodePcapng, type FrameToWrite, type PcapngInterfaceToWrite } from '../../../../main/capture/writer'
import { scenarioBytes } from '../../../fixtures/tcp-scenarios'

/** The frames of a TCP scenario (test/fixtures/tcp-scenarios.ts), to write again as pcapng. */
export async function scenarioFrames(name: string): Promise<FrameToWrite[]> {
  const reader = await openCaptureBytes(scenarioBytes(name))
  const frames: FrameToWrite[] = []
  for await (const raw of reader.frames()) frames.push({ tsSec: raw.tsSec, tsNsec: raw.tsNsec, bytes: raw.bytes.slice(), origLen: raw.origLen })
  await reader.close()
  return frames
}

export const LOOPBACK_ETHERNET: PcapngInterfaceToWrite = { linkType: 1, name: 'lo', filter: 'tcp port 80', tsResolution: { base: 10, exponent: 9 } }

/** A pcapng file cut into its blocks: the header (SHB and IDBs), then one EPB per frame. */
export class PcapngBlocks {
  readonly header: Uint8Array
  readonly packets: Uint8Array[]

  constructor(
    readonly frames: FrameToWrite[],
    readonly interfaces: PcapngInterfaceToWrite[] = [LOOPBACK_ETHERNET],
    readonly comments: string[] = [],
  ) {
    this.header = encodePcapng({ interfaces, frames: [], comments })
    this.packets = frames.map((frame) => encodePcapng({ interfaces, frames: [frame], comments }).subarray(this.header.length))
  }

  /** The whole file. */
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat([this.header, ...this.packets]))
  }
}

/** The file being written: each step appends bytes and answers the size of the whole blocks on disk. */
export class GrowingFile {
  /** Bytes on disk. */
  written = 0
  /** Bytes of whole blocks on disk. */
  committed = 0
  /** Packet blocks wholly written. */
  packetsWritten = 0

  constructor(
    readonly path: string,
    readonly blocks: PcapngBlocks,
  ) {
    writeFileSync(path, new Uint8Array(0))
  }

  /** Writes the section header and the IDBs; the committed size. */
  writeHeader(): number {
    this.append(this.blocks.header)
    this.committed = this.written
    return this.committed
  }

  /** Writes the first `fraction` of the next packet block (not committed). */
  writePartOfNext(fraction = 0.5): void {
    const block = this.blocks.packets[this.packetsWritten]!
    const done = this.written - this.committed
    this.append(block.subarray(done, Math.max(done, Math.floor(block.length * fraction))))
  }

  /** Writes the rest of the next `count` packet blocks; the committed size. */
  writePackets(count = 1): number {
    for (let i = 0; i < count; i++) {
      const block = this.blocks.packets[this.packetsWritten]!
      this.append(block.subarray(this.written - this.committed))
      this.committed = this.written
      this.packetsWritten++
    }
    return this.committed
  }

  /** Every packet block not written yet; the committed size. */
  writeRest(): number {
    return this.writePackets(this.blocks.packets.length - this.packetsWritten)
  }

  private append(bytes: Uint8Array): void {
    appendFileSync(this.path, bytes)
    this.written += bytes.length
  }
}
