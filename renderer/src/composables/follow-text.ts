// Follow TCP Stream's two views of the payload: text (UTF-8 or ASCII with dots) and a hex dump
// whose offsets count each direction on its own, as Wireshark shows them.
import type { FollowStream, RoleName } from '../../../preload/contract/api'
import { bytesFromBase64 } from '../util/base64'
import { dumpText } from './hex-dump'

export interface FollowBlock {
  from: RoleName
  frame: number
  text: string
}

/** ASCII: printable characters, tab, CR and LF stay; every other byte is a dot. */
export function asciiText(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d ? String.fromCharCode(byte) : '.'
  return text
}

export function followBlocks(stream: FollowStream, view: 'text' | 'hex'): FollowBlock[] {
  // One streaming decoder per direction: a character split between two segments (common in
  // Chinese text) is completed by the sender's next chunk, not cut into two U+FFFD.
  const decoders: Record<RoleName, TextDecoder> = { client: new TextDecoder('utf-8'), server: new TextDecoder('utf-8') }
  const sent: Record<RoleName, number> = { client: 0, server: 0 }
  return stream.chunks.map((chunk) => {
    const bytes = bytesFromBase64(chunk.data)
    let text: string
    if (view === 'hex') text = dumpText(bytes, sent[chunk.from])
    else text = stream.encoding === 'utf-8' ? decoders[chunk.from].decode(bytes, { stream: true }) : asciiText(bytes)
    sent[chunk.from] += bytes.length
    return { from: chunk.from, frame: chunk.frame, text }
  })
}
