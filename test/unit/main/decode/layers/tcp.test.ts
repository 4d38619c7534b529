// The decoder files a TCP segment's expert items (main/decode/layers/tcp.ts, tcp-analysis.ts)
// through main/tcp/expert-items.ts: the very items it decides, in its order, each shown as a
// field under the field Wireshark puts it (the flag it is about, the ACK number, the analysis).
import { describe, expect, it } from 'vitest'
import { walkFields, type Field } from '../../../../../main/decode/field'
import type { DecodedFrame } from '../../../../../main/decode/frame'
import { fileTcpExpertItems, segmentExpertFacts, TCP_EXPERT_GROUP, type TcpExpertParent } from '../../../../../main/tcp/expert-items'
import { SegmentBuilder } from '../../../../fixtures/segments'
import { decodeFrames } from '../decode-helpers'

/** Each field's parent, over the frame's whole tree. */
function parents(frame: DecodedFrame): Map<Field, Field> {
  const out = new Map<Field, Field>()
  walkFields(frame.tree, (field) => {
    for (const child of field.children ?? []) out.set(child, field)
  })
  return out
}

/** The TCP engine's items of a decoded frame, as expert-items.ts decides them: [message, parent]. */
function decided(frame: DecodedFrame): Array<[string, TcpExpertParent]> {
  const out: Array<[string, TcpExpertParent]> = []
  fileTcpExpertItems(segmentExpertFacts(frame.tcp!, frame.tcpAnalysis!), (_def, message, parent) => out.push([message, parent]))
  return out
}

/** What the decoder filed: [message, the name of the field its field hangs under]. */
function filed(frame: DecodedFrame): Array<[string, string]> {
  const up = parents(frame)
  return frame.expert.map((item) => [item.message, up.get(item.field!)!.name])
}

/**
 * A connection with every kind of item: a SYN whose acknowledgment number is set without ACK,
 * the SYN-ACK, data, two duplicate ACKs, a retransmission, both FINs, and a reset.
 */
function story(): DecodedFrame[] {
  const b = new SegmentBuilder()
    .client({ flags: ['SYN'], ack: 77 })
    .server({ flags: ['SYN', 'ACK'] })
    .client()
    .client({ flags: ['PSH', 'ACK'], data: 100, lost: true })
    .client({ flags: ['PSH', 'ACK'], data: 100 })
    .server()
    .server()
    .server()
    .client({ flags: ['PSH', 'ACK'], data: 100, seq: 1001, replay: true })
    .server()
    .client({ flags: ['FIN', 'ACK'] })
    .server({ flags: ['FIN', 'ACK'] })
    .client()
    .client({ flags: ['RST'] })
  return decodeFrames(b.captured().map((f) => f.bytes))
}

describe('decode/layers/tcp: expert items', () => {
  const frames = story()

  it('should file, on every segment, exactly the items expert-items.ts decides, in its order, under the field it names', () => {
    for (const frame of frames) {
      expect(filed(frame), `frame ${frame.raw.no}`).toEqual(decided(frame))
      for (const item of frame.expert) expect(item.group).toBe(TCP_EXPERT_GROUP)
    }
  })

  it('should show each item as a generated field of its own name, worded as its message', () => {
    const frame = frames[0]
    const syn = frame.expert.find((item) => item.field?.name === 'tcp.connection.syn')!
    expect(syn.field!.text).toBe('Connection establish request (SYN): server port 80')
    expect(syn.field!.generated).toBe(true)
  })

  it('should cover every place an item hangs: the ACK number, each flag, the flags, the analysis flags and the duplicated frame', () => {
    const places = new Set(frames.flatMap((frame) => filed(frame).map(([, parent]) => parent)))
    expect([...places].sort()).toEqual(['tcp.ack', 'tcp.analysis.duplicate_ack_frame', 'tcp.analysis.flags', 'tcp.flags', 'tcp.flags.fin', 'tcp.flags.reset', 'tcp.flags.syn'])
  })
})
