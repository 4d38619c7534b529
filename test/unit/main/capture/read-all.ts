// Test helpers: read a whole capture into plain data, and build pcapng blocks by hand for the
// damaged and unusual cases the writers do not make.

import { ByteBuilder } from '../../../../main/capture/byte-builder'
import { openCaptureBytes, type CaptureReader, type OpenOptions } from '../../../../main/capture/open'
import { CaptureError, type CaptureInfo, type RawFrame } from '../../../../main/capture/source'

export interface ReadResult {
  /** Absent when the open itself failed. */
  info?: CaptureInfo
  /** Frames with their bytes copied (a batch's views die with the next batch). */
  frames: RawFrame[]
  error?: CaptureError
}

export async function drain(reader: CaptureReader): Promise<Omit<ReadResult, 'info'>> {
  const frames: RawFrame[] = []
  try {
    for await (const batch of reader.batches()) for (const f of batch) frames.push({ ...f, bytes: f.bytes.slice() })
    return { frames }
  } catch (err) {
    if (err instanceof CaptureError) return { frames, error: err }
    throw err
  } finally {
    await reader.close()
  }
}

/** Opens and reads bytes to the end; an error at open is returned like one while reading. */
export async function readAll(bytes: Uint8Array, options?: OpenOptions): Promise<ReadResult> {
  let reader: CaptureReader
  try {
    reader = await openCaptureBytes(bytes, options)
  } catch (err) {
    if (err instanceof CaptureError) return { frames: [], error: err }
    throw err
  }
  return { info: reader.info, ...(await drain(reader)) }
}

/** Reads bytes that must be a clean capture, and fails loudly otherwise. */
export async function readClean(bytes: Uint8Array, options?: OpenOptions): Promise<{ info: CaptureInfo; frames: RawFrame[] }> {
  const { info, frames, error } = await readAll(bytes, options)
  if (error) throw error
  return { info: info!, frames }
}

/** A frame of `length` bytes whose content says which frame it is. */
export function payload(seed: number, length = 60): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (seed * 31 + i * 7) & 0xff)
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

export interface RawBlockOptions {
  littleEndian?: boolean
  /** The length written in the header (default: the true, padded length). */
  length?: number
  /** The length written in the trailer (default: the header's). */
  trailer?: number
}

/** One pcapng block with any body, lengths as given (to damage them). */
export function rawBlock(type: number, body: Uint8Array, options: RawBlockOptions = {}): Uint8Array {
  const out = new ByteBuilder(options.littleEndian ?? true)
  const padded = (body.length + 3) & ~3
  const length = options.length ?? 12 + padded
  out.u32(type).u32(length).bytes(body)
  out.pad4()
  out.u32(options.trailer ?? length)
  return out.take()
}

/** Bytes from a builder callback, in the given byte order. */
export function build(littleEndian: boolean, fill: (out: ByteBuilder) => void): Uint8Array {
  const out = new ByteBuilder(littleEndian)
  fill(out)
  return out.take()
}

/** A Section Header Block with a chosen byte-order magic and version. */
export function sectionHeader(options: { littleEndian?: boolean; magic?: number; major?: number; minor?: number } = {}): Uint8Array {
  const le = options.littleEndian ?? true
  const body = build(le, (o) =>
    o
      .u32(options.magic ?? 0x1a2b3c4d)
      .u16(options.major ?? 1)
      .u16(options.minor ?? 0)
      .u64(-1),
  )
  return rawBlock(0x0a0d0d0a, body, { littleEndian: le })
}

/** An Interface Description Block with raw options bytes. */
export function interfaceBlock(linkType: number, snapLen: number, options: Uint8Array = new Uint8Array(0), littleEndian = true): Uint8Array {
  return rawBlock(
    1,
    build(littleEndian, (o) => o.u16(linkType).u16(0).u32(snapLen).bytes(options)),
    { littleEndian },
  )
}

/** An Enhanced Packet Block with raw tick count and any caplen (to damage it). */
export function enhancedPacket(
  fields: { interfaceId?: number; high?: number; low?: number; data: Uint8Array; capLen?: number; origLen?: number; options?: Uint8Array },
  littleEndian = true,
): Uint8Array {
  const body = build(littleEndian, (o) => {
    o.u32(fields.interfaceId ?? 0)
      .u32(fields.high ?? 0)
      .u32(fields.low ?? 0)
      .u32(fields.capLen ?? fields.data.length)
      .u32(fields.origLen ?? fields.data.length)
      .bytes(fields.data)
      .pad4()
    if (fields.options) o.bytes(fields.options)
  })
  return rawBlock(6, body, { littleEndian })
}

/** One pcapng option (code, length, value padded to 32 bits). */
export function option(code: number, value: Uint8Array | string, littleEndian = true): Uint8Array {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value
  return build(littleEndian, (o) => o.u16(code).u16(bytes.length).bytes(bytes).pad4())
}

export const END_OF_OPTIONS = new Uint8Array(4)
