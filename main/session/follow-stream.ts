// Follow TCP Stream: each side's payload, in capture order, each byte once. Which bytes of a
// segment are new is decided from the packet index alone (relative seq, payload length, SYN):
// per direction the highest sequence number delivered so far; a segment wholly below it is a
// retransmission and adds nothing, one that overlaps it adds its tail, one beyond it (a gap: a
// segment not captured) adds all of it. Unlike Wireshark, segments that arrive out of order are
// not put back in sequence order: a late segment below the highest number seen counts as a
// retransmission. The byte counts cover the whole stream; the chunks stop at FOLLOW_BYTE_LIMIT.
import { TextDecoder } from 'node:util'
import type { FollowChunk, FollowStream, RoleName } from '../../preload/contract/dto'
import { ApiFailure } from '../api/port'
import type { ConnectionTimeline } from '../tcp/step'
import { TCP_FLAG } from '../tcp/segment'
import type { CaptureIndexer } from './capture-indexer'
import type { FrameDecoder } from './frame-decoder'
import { ROW_MARK } from './packet-index'
import { payloadOf } from './tcp-payload'

/** Payload bytes handed over at most (before base64). */
export const FOLLOW_BYTE_LIMIT = 4 << 20

interface NewBytes {
  frame: number
  from: RoleName
  /** Of the segment's payload, the new part [skip, length). */
  skip: number
  length: number
}

export async function followStream(stream: number, connection: ConnectionTimeline | undefined, indexer: CaptureIndexer, decoder: FrameDecoder, limit = FOLLOW_BYTE_LIMIT): Promise<FollowStream> {
  const conversation = indexer.tracker.conversations[stream]
  if (!conversation || !connection) throw new ApiFailure('bad-argument', `there is no TCP stream ${stream}`)
  const client = connection.client
  const clientIndex = conversation.endpoints[0].address === client.address && conversation.endpoints[0].port === client.port ? 0 : 1
  const pieces = newBytes(indexer, indexer.tcp.framesOf(stream), clientIndex)
  const bytes = { client: 0, server: 0 }
  for (const p of pieces) bytes[p.from] += p.length - p.skip

  const chunks: FollowChunk[] = []
  let handed = 0
  let truncated = false
  const text = new Utf8Check()
  for (const piece of pieces) {
    if (handed >= limit) {
      truncated = true
      break
    }
    const payload = payloadOf(await decoder.decode(piece.frame))
    let data = payload.subarray(piece.skip, piece.length)
    if (handed + data.length > limit) {
      data = data.subarray(0, limit - handed)
      truncated = true
    }
    if (data.length === 0) continue
    handed += data.length
    text.add(piece.from, data)
    chunks.push({ from: piece.from, frame: piece.frame, data: Buffer.from(data).toString('base64') })
  }
  return {
    stream,
    client: { address: client.address, port: client.port },
    server: { address: connection.server.address, port: connection.server.port },
    bytes,
    encoding: text.valid(!truncated) ? 'utf-8' : 'ascii',
    chunks,
    truncated,
  }
}

/**
 * Whether each side's bytes, read as one stream, are UTF-8: a character may be split between two
 * segments of a side (the other side's chunks in between).
 */
class Utf8Check {
  private ok = true
  private readonly decoders: Record<RoleName, TextDecoder> = { client: new TextDecoder('utf-8', { fatal: true }), server: new TextDecoder('utf-8', { fatal: true }) }

  add(from: RoleName, data: Uint8Array): void {
    if (this.ok) this.ok = this.decodes(() => this.decoders[from].decode(data, { stream: true }))
  }

  /** Every byte so far is UTF-8; with `ended`, no side stops in the middle of a character. */
  valid(ended: boolean): boolean {
    if (this.ok && ended) this.ok = this.decodes(() => this.decoders.client.decode()) && this.decodes(() => this.decoders.server.decode())
    return this.ok
  }

  private decodes(decode: () => string): boolean {
    try {
      decode()
      return true
    } catch {
      return false
    }
  }
}

/** Each segment's new payload bytes, from the index. */
function newBytes(indexer: CaptureIndexer, frames: readonly number[], clientIndex: 0 | 1): NewBytes[] {
  const { index } = indexer
  const delivered: Record<RoleName, number | undefined> = { client: undefined, server: undefined }
  const out: NewBytes[] = []
  for (const frame of frames) {
    const row = frame - 1
    const length = index.payloadLength[row]!
    if (length <= 0 || (index.kind[row]! & ROW_MARK.RELATIVE) === 0) continue
    const from: RoleName = indexer.tcp.sentByPeer(frame) === (clientIndex === 1) ? 'client' : 'server'
    // The payload starts after the SYN's sequence number.
    const start = (index.seq[row]! + (index.tcpFlags[row]! & TCP_FLAG.SYN ? 1 : 0)) >>> 0
    const end = start + length
    const highest = delivered[from] ?? start
    if (end <= highest) continue
    const skip = Math.max(0, highest - start)
    out.push({ frame, from, skip, length })
    delivered[from] = end
  }
  return out
}
