// Decoding frames in tests the way `tcplens fields` does, and reading fields back as tshark
// prints them.
import type { CaptureInfo, RawFrame } from '../../../../main/capture/source'
import { formatFieldsRow } from '../../../../main/cli/fields'
import { walkFields, type Field } from '../../../../main/decode/field'
import type { DecodedFrame } from '../../../../main/decode/frame'
import { DecodePass, type DecodePassOptions } from '../../../../main/decode/pass'

const INFO: CaptureInfo = { format: 'pcap', gzip: false, sections: [], interfaces: [], names: [] }

/** A frame's bytes, or its bytes with its length on the wire and its capture time (FrameToWrite fits). */
export type FrameInput = Uint8Array | { bytes: Uint8Array; origLen?: number; tsSec?: number; tsNsec?: number }

/**
 * Decodes frames in file order, on one link type (Ethernet by default), with IP reassembly on
 * unless the options say otherwise (as DecodePass). A frame without a time of its own is captured
 * one second after the previous one.
 */
export function decodeFrames(frames: FrameInput[], linkType = 1, options?: DecodePassOptions): DecodedFrame[] {
  const pass = new DecodePass(INFO, options)
  return frames.map((input, i) => {
    const frame = input instanceof Uint8Array ? { bytes: input } : input
    const bytes = frame.bytes
    const raw: RawFrame = {
      no: i + 1,
      tsSec: frame.tsSec ?? 1_700_000_000 + i,
      tsNsec: frame.tsNsec ?? 0,
      capLen: bytes.length,
      origLen: frame.origLen ?? bytes.length,
      linkType,
      interfaceId: 0,
      bytes,
      fileOffset: 0,
    }
    return pass.decode(raw)
  })
}

export function decodeOne(frame: FrameInput, linkType = 1): DecodedFrame {
  return decodeFrames([frame], linkType)[0]
}

/** What `tshark -T fields -E aggregator=| -e name` prints for the frame. */
export function cell(frame: DecodedFrame, name: string): string {
  return formatFieldsRow(frame, [name], { header: false, separator: '\t', occurrence: 'a', aggregator: '|', quote: '' })
}

/** Every occurrence of a field, in tree order. */
export function find(frame: DecodedFrame, name: string): Field[] {
  const found: Field[] = []
  walkFields(frame.tree, (field) => {
    if (field.name === name) found.push(field)
  })
  return found
}
