// Save, Save As and Export Specified Packets: the open capture's frames (all of them, or the ones
// a view shows) written to a file in capture order, as pcap when the name ends in .pcap and pcapng
// otherwise. Records are copied as the file has them (time, captured bytes, length on the wire,
// interface, comments where the format keeps them): a pcapng copy keeps every interface with its
// options. The file appears whole or not at all: it is written beside the target under a hidden
// temporary name, flushed to disk, then renamed over the target; on failure the temporary goes.
import { randomBytes } from 'node:crypto'
import { open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { SavedFile } from '../../preload/contract/dto'
import { ApiFailure } from '../api/port'
import { createCaptureFileWriter, DEFAULT_SNAPLEN, type CaptureFileWriter, type PcapngInterfaceToWrite } from '../capture/writer'
import type { CaptureFormat, CaptureInfo, InterfaceInfo, RawFrame, TsResolution } from '../capture/source'
import { linkTypeName } from '../decode/names'
import type { CaptureLoad } from './capture-load'
import { expertStrategy } from './expert-scan'
import { giveWay } from './full-scan'
import { rereadRecords } from './reread-records'

/** What a save reads: the loaded capture's file, its pass (interfaces, frames) and its records by offset. */
export type SaveSource = Pick<CaptureLoad, 'path' | 'packets' | 'indexer' | 'decoder'>

export interface SaveOptions {
  /** Only these frames (any order; written in capture order); default every frame read so far. */
  frames?: ArrayLike<number>
  /** False once the save is no longer wanted (the capture was closed): it stops, writing nothing. */
  wanted?: () => boolean
  /** Opens the output (tests inject one that fails). */
  createWriter?: typeof createCaptureFileWriter
}

/** Writes `source`'s frames to `path` atomically; answers what was written. */
export async function saveCapture(source: SaveSource, path: string, options: SaveOptions = {}): Promise<SavedFile> {
  // The session reads the open file again by offset: replacing it would move its frames.
  if (await sameFile(path, source.path)) throw new ApiFailure('bad-argument', `${path} is the capture that is open: save it under another name`)
  const format = /\.pcap$/i.test(path) ? 'pcap' : 'pcapng'
  const frames = framesToSave(source.packets, options.frames)
  const temporary = join(dirname(path), `.${basename(path)}.tcplens-${randomBytes(6).toString('hex')}.tmp`)
  const output = new SaveOutput(temporary, format, source.indexer.info, options.createWriter ?? createCaptureFileWriter)
  try {
    await copyRecords(source, frames, (raw) => output.write(raw), options.wanted ?? (() => true))
    if (output.frames !== frames.length) throw new ApiFailure('io', `${source.path} changed while it was saved: ${output.frames} of ${frames.length} frames could be read again`)
    await output.close()
    await flushToDisk(temporary)
    await rename(temporary, path)
    await flushFolder(dirname(path))
  } catch (error) {
    await output.close().catch(() => undefined)
    await rm(temporary, { force: true })
    throw saveFailure(path, error)
  }
  const { size } = await stat(path)
  return { path, name: basename(path), format, packets: frames.length, bytes: size }
}

/** Both paths name one existing file (a link, another spelling). */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [one, other] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)])
  return one !== undefined && other !== undefined && one.dev === other.dev && one.ino === other.ino
}

/** The frame numbers to write, ascending and each once. */
function framesToSave(packets: number, chosen: ArrayLike<number> | undefined): Uint32Array {
  if (!chosen) return Uint32Array.from({ length: packets }, (_, i) => i + 1)
  const frames = Uint32Array.from(chosen).sort()
  for (const frame of frames) if (frame < 1 || frame > packets) throw new ApiFailure('bad-argument', `there is no frame ${frame} to save (the capture has ${packets})`)
  return frames.filter((frame, i) => i === 0 || frame !== frames[i - 1])
}

/**
 * Hands `visit` each frame of `frames` (ascending) in order: by file offset when they are few,
 * else by reading the file again from the start (far cheaper than many random reads).
 */
async function copyRecords(source: SaveSource, frames: Uint32Array, visit: (raw: RawFrame) => Promise<void>, wanted: () => boolean): Promise<void> {
  const between = async () => {
    await giveWay()
    if (!wanted()) throw new ApiFailure('cancelled', 'saving was cancelled (the capture was closed)')
  }
  if (frames.length === 0) return
  if (expertStrategy(frames.length, source.packets) === 'random-access') {
    for (const [i, frame] of frames.entries()) {
      await visit(await source.decoder.raw(frame))
      if (i % 256 === 255) await between()
    }
    return
  }
  const last = frames[frames.length - 1]!
  let next = 0
  await rereadRecords(
    source.path,
    last,
    () => (raw) => {
      if (raw.no !== frames[next]) return
      next++
      return visit(raw)
    },
    between,
  )
}

/** The file being written: opened at the first frame (a pcap header needs that frame's link type). */
class SaveOutput {
  private writer?: CaptureFileWriter
  private opening?: Promise<CaptureFileWriter>
  /** pcap: the link type of the file, and the first frame that set it. */
  private linkType?: { type: number; frame: number }
  frames = 0

  constructor(
    private readonly path: string,
    private readonly format: 'pcap' | 'pcapng',
    private readonly info: CaptureInfo,
    private readonly createWriter: typeof createCaptureFileWriter,
  ) {}

  async write(raw: RawFrame): Promise<void> {
    if (this.format === 'pcap') this.checkOneLinkType(raw)
    const writer = await this.open(raw.linkType)
    await writer.write({ tsSec: raw.tsSec, tsNsec: raw.tsNsec, bytes: raw.bytes, origLen: raw.origLen, interfaceId: raw.interfaceId, comments: raw.comments })
    this.frames++
  }

  /** Closes the file (opening it first when no frame was written: a file with no packets). */
  async close(): Promise<void> {
    const writer = await this.open(this.info.interfaces[0]?.linkType ?? 1)
    await writer.close()
  }

  private open(linkType: number): Promise<CaptureFileWriter> {
    if (this.writer) return Promise.resolve(this.writer)
    this.opening ??= this.createWriter(this.path, this.fileFormat(), this.interfaces(linkType), this.section()).then((writer) => (this.writer = writer))
    return this.opening
  }

  /** The first section's comments, hardware and OS, kept in a pcapng copy. */
  private section(): { comments?: string[]; hardware?: string; os?: string } {
    const first = this.info.sections[0]
    if (!first || this.format !== 'pcapng') return {}
    return {
      ...(first.comments.length > 0 && { comments: first.comments }),
      ...(first.hardware !== undefined && { hardware: first.hardware }),
      ...(first.os !== undefined && { os: first.os }),
    }
  }

  private checkOneLinkType(raw: RawFrame): void {
    this.linkType ??= { type: raw.linkType, frame: raw.no }
    if (raw.linkType === this.linkType.type) return
    const [first, other] = [linkTypeName(this.linkType.type), linkTypeName(raw.linkType)]
    throw new ApiFailure('unsupported', `a pcap file holds frames of one link type, but frame ${this.linkType.frame} is ${first} and frame ${raw.no} is ${other}: save as pcapng`)
  }

  private fileFormat(): CaptureFormat {
    if (this.format === 'pcapng') return 'pcapng'
    const fine = this.info.format === 'pcap-ns' || this.info.interfaces.some((iface) => finerThanMicroseconds(iface.tsResolution))
    return fine ? 'pcap-ns' : 'pcap'
  }

  /** pcapng: every interface of the capture, in order (frames keep their interface ids); pcap: the one link type's. */
  private interfaces(linkType: number): PcapngInterfaceToWrite[] {
    if (this.format === 'pcapng') return this.info.interfaces.length ? this.info.interfaces.map(interfaceToWrite) : [{ linkType }]
    const snapLens = this.info.interfaces.filter((iface) => iface.linkType === linkType).map((iface) => iface.snapLen || DEFAULT_SNAPLEN)
    return [{ linkType, snapLen: snapLens.length ? Math.max(...snapLens) : DEFAULT_SNAPLEN }]
  }
}

/** An IDB as the capture had it (the options it had; microseconds and no offset are the defaults). */
function interfaceToWrite(iface: InterfaceInfo): PcapngInterfaceToWrite {
  const microseconds = iface.tsResolution.base === 10 && iface.tsResolution.exponent === 6
  return {
    linkType: iface.linkType,
    snapLen: iface.snapLen,
    ...(iface.name !== undefined && { name: iface.name }),
    ...(iface.description !== undefined && { description: iface.description }),
    ...(iface.os !== undefined && { os: iface.os }),
    ...(iface.filter !== undefined && { filter: iface.filter }),
    ...(iface.comments !== undefined && { comments: iface.comments }),
    ...(!microseconds && { tsResolution: iface.tsResolution }),
    ...(iface.tsOffset !== 0 && { tsOffset: iface.tsOffset }),
  }
}

function finerThanMicroseconds(resolution: TsResolution): boolean {
  return resolution.base ** resolution.exponent > 1e6
}

/** The written bytes reach the disk before the rename makes them the target. */
async function flushToDisk(path: string): Promise<void> {
  const file = await open(path, 'r+')
  try {
    await file.sync()
  } finally {
    await file.close()
  }
}

/** The rename itself reaches the disk (where a folder can be opened and synced: not on Windows). */
async function flushFolder(path: string): Promise<void> {
  const folder = await open(path, 'r').catch(() => undefined)
  if (!folder) return
  await folder
    .sync()
    .catch(() => undefined)
    .finally(() => folder.close())
}

function saveFailure(path: string, error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error
  const errno = (error as NodeJS.ErrnoException | undefined)?.code
  const reason = error instanceof Error ? error.message : String(error)
  if (errno === 'ENOENT') return new ApiFailure('not-found', `cannot save ${path}: its folder does not exist`)
  if (errno) return new ApiFailure('io', `cannot save ${path}: ${reason}`)
  return new ApiFailure('internal', `saving ${path}: ${reason}`)
}
