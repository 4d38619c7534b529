// Test helpers for the session: a capture through the session's pass (CaptureIndexer, with a
// FrameDecoder over its bytes) and through the full decoder (DecodePass), and decoded frames as
// plain data, so a frame decoded alone can be compared with the full pass's with toEqual.
import { openFrameAccessBytes } from '../../../../main/capture/access'
import { openCaptureBytes } from '../../../../main/capture/open'
import { CaptureError } from '../../../../main/capture/source'
import type { Field, FieldValue } from '../../../../main/decode/field'
import type { DecodedFrame } from '../../../../main/decode/frame'
import { DecodePass } from '../../../../main/decode/pass'
import { CaptureIndexer } from '../../../../main/session/capture-indexer'
import { FrameDecoder } from '../../../../main/session/frame-decoder'
import { analysisData } from './two-passes'

export interface IndexedCapture {
  indexer: CaptureIndexer
  decoder: FrameDecoder
  error?: CaptureError
  close(): Promise<void>
}

/** The session's pass over a capture's bytes, and a decoder of its frames; undefined when it does not open. */
export async function indexBytes(bytes: Uint8Array): Promise<IndexedCapture | undefined> {
  let reader
  try {
    reader = await openCaptureBytes(bytes)
  } catch (error) {
    if (error instanceof CaptureError) return undefined
    throw error
  }
  const indexer = new CaptureIndexer(reader.info)
  let error: CaptureError | undefined
  try {
    for await (const batch of reader.batches()) for (const raw of batch) indexer.add(raw)
  } catch (caught) {
    if (!(caught instanceof CaptureError)) throw caught
    error = caught
  } finally {
    await reader.close()
  }
  const access = await openFrameAccessBytes(bytes, reader.info)
  return { indexer, decoder: new FrameDecoder(indexer, async () => access), error, close: () => access.close() }
}

/** Every frame through DecodePass, as plain data (the frames before any damage). */
export async function fullPass(bytes: Uint8Array): Promise<Map<number, object>> {
  const frames = new Map<number, object>()
  const reader = await openCaptureBytes(bytes)
  const pass = new DecodePass(reader.info)
  try {
    for await (const batch of reader.batches()) for (const raw of batch) frames.set(raw.no, frameData(pass.decode(raw)))
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error
  } finally {
    await reader.close()
  }
  return frames
}

/**
 * A decoded frame as plain data: columns, protocols, the tree (each field's line, value, bytes
 * and byte source), expert items (and the bytes of the field each is about), byte sources, the
 * TCP analysis.
 */
export function frameData(frame: DecodedFrame): object {
  return {
    no: frame.raw.no,
    columns: frame.columns,
    protocols: frame.protocols,
    tree: frame.tree.map(fieldData),
    expert: frame.expert.map((e) => ({ severity: e.severity, group: e.group, message: e.message, field: e.field && { name: e.field.name, offset: e.field.offset, length: e.field.length } })),
    sources: frame.sources.map((s) => ({ name: s.name, bytes: Buffer.from(s.bytes).toString('hex') })),
    timeRelative: frame.timeRelative,
    analysis: frame.tcpAnalysis && analysisData(frame.tcpAnalysis),
  }
}

function fieldData(field: Field): object {
  return {
    name: field.name,
    label: field.label,
    display: field.display,
    value: valueData(field.value),
    offset: field.offset,
    length: field.length,
    source: field.source,
    generated: field.generated,
    hidden: field.hidden,
    bits: field.bits,
    children: field.children?.map(fieldData),
  }
}

/** A field's value as plain data (bytes as hex: a view into a reused buffer must not change later). */
function valueData(value: FieldValue): unknown {
  return value instanceof Uint8Array ? `bytes ${Buffer.from(value).toString('hex')}` : value
}

/** Every frame through DecodePass as decoded (bytes copied), before any damage. */
export async function fullPassFrames(bytes: Uint8Array): Promise<DecodedFrame[]> {
  const frames: DecodedFrame[] = []
  const reader = await openCaptureBytes(bytes)
  const pass = new DecodePass(reader.info)
  try {
    for await (const batch of reader.batches()) for (const raw of batch) frames.push(pass.decode({ ...raw, bytes: raw.bytes.slice() }))
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error
  } finally {
    await reader.close()
  }
  return frames
}
