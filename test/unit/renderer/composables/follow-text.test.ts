import { describe, expect, it } from 'vitest'
import type { FollowStream } from '../../../../preload/contract/api'
import { asciiText, followBlocks } from '../../../../renderer/src/composables/follow-text'

const stream = (encoding: 'utf-8' | 'ascii', chunks: Array<[from: 'client' | 'server', text: string]>): FollowStream => ({
  stream: 0,
  client: { address: '10.0.0.1', port: 40000 },
  server: { address: '10.0.0.2', port: 80 },
  bytes: { client: 0, server: 0 },
  encoding,
  chunks: chunks.map(([from, text], i) => ({ from, frame: i + 1, data: btoa(text) })),
  truncated: false,
})

describe('composables/follow-text', () => {
  it('should decode UTF-8 text as UTF-8', () => {
    const utf8 = String.fromCharCode(...new TextEncoder().encode('你好'))
    expect(followBlocks(stream('utf-8', [['client', utf8]]), 'text')[0].text).toBe('你好')
  })

  it('should join a character split between two segments of one side, across the other side\'s', () => {
    const bytes = new TextEncoder().encode('你好') // e4 bd a0 e5 a5 bd
    const latin1 = (part: Uint8Array) => String.fromCharCode(...part)
    const blocks = followBlocks(stream('utf-8', [['client', latin1(bytes.subarray(0, 4))], ['server', 'OK'], ['client', latin1(bytes.subarray(4))]]), 'text')
    expect(blocks.map((b) => b.text)).toEqual(['你', 'OK', '好'])
  })

  it('should show ASCII with dots for bytes that are not text, keeping line breaks', () => {
    expect(asciiText(new Uint8Array([0x48, 0x00, 0x0d, 0x0a, 0xff, 0x09]))).toBe('H.\r\n.\t')
  })

  it('should count hex dump offsets per direction', () => {
    const blocks = followBlocks(stream('ascii', [['client', 'abc'], ['server', 'xy'], ['client', 'd']]), 'hex')
    expect(blocks.map((block) => [block.from, block.text.slice(0, 8)])).toEqual([
      ['client', '00000000'],
      ['server', '00000000'],
      ['client', '00000003'],
    ])
  })
})
