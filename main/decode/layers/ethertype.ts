// The ethertype dispatch that Ethernet, VLAN tags and Linux cooked headers share, with what
// Wireshark does after the payload: padding to the 60-byte minimum, a trailer, maybe an FCS.
import { OutOfBounds, type Dissection, type Span } from '../dissection'
import { defineFields, type Field, type FieldDef } from '../field'
import { ETHERTYPES } from '../names'
import { etherTypes } from '../registry'
import { hex } from '../format'
import { decodeData } from './data'

/** Wireshark's minimum Ethernet frame (without its FCS): a frame whose payload ends before it was padded up to it. */
export const ETH_MIN_FRAME_LENGTH = 60

/**
 * The link types whose header ends in an ethertype handed to decodeEtherType (Ethernet, Linux
 * cooked v1 and v2: ethernet.ts, sll.ts), so the bytes after the payload become padding, a
 * trailer or an FCS (addTrailer). BSD loopback's rare ethertype goes to its decoder directly: no trailer.
 */
export const TRAILER_LINK_TYPES: ReadonlySet<number> = new Set([1, 113, 276])

export const ETH_TRAILER = defineFields({
  padding: { name: 'eth.padding', title: 'Padding', type: 'bytes' },
  trailer: { name: 'eth.trailer', title: 'Trailer', type: 'bytes' },
  fcs: { name: 'eth.fcs', title: 'Frame check sequence', type: 'uint32', base: 'hex' },
  fcsStatus: { name: 'eth.fcs.status', title: 'FCS Status', type: 'uint8', base: 'none', values: { 0: 'Bad', 1: 'Good', 2: 'Unverified' } },
})

/** The layer that carries the ethertype: where its fields go and how its trailer is named. */
export interface EtherTypeOwner {
  /** The owner's node (eth, vlan, sll…): the type, padding and trailer fields go under it. */
  node: Field
  /** The owner's whole span, header included. */
  span: Span
  trailer: FieldDef
  /** 0: the owner never carries an FCS; -1: maybe (guess from the lengths, as Wireshark). */
  fcsLength: 0 | -1
}

/**
 * Decodes `payload` by its ethertype. An unknown type becomes data, with the type in the
 * Protocol column. Bytes after what the payload's decoder claimed become padding/trailer/FCS.
 */
export function decodeEtherType(d: Dissection, type: number, payload: Span, owner: EtherTypeOwner, parent: Field | null): void {
  d.protocols.push('ethertype')
  const reportedBefore = payload.reported
  const decoder = etherTypes.get(type)
  if (!decoder) {
    decodeData(d, payload, parent)
    d.protocolColumn = hex(type, 4)
    const name = ETHERTYPES[type]
    if (name) d.info = name
  } else {
    try {
      decoder(d, payload, parent)
    } catch (error) {
      // Cut short by the snapshot length: the trailer is cut off too. Malformed: say so, then
      // still show the trailer, as Wireshark does.
      if (!(error instanceof OutOfBounds) || error.kind === 'short') throw error
      d.stop('malformed')
    }
  }
  if (payload.reported < reportedBefore && payload.reported < owner.span.end) {
    addTrailer(d, owner, payload.reported)
  }
}

/** Padding, trailer and FCS after a payload that ended at `start`, before its owner's end. */
export function addTrailer(d: Dissection, owner: EtherTypeOwner, start: number): void {
  let captured = owner.span.end - start
  let reported = owner.span.reported - start
  const frameLength = d.raw.origLen
  // A frame of 60 bytes or more whose payload ended before byte 60 was padded.
  const maybePadded = frameLength >= ETH_MIN_FRAME_LENGTH && frameLength - reported < ETH_MIN_FRAME_LENGTH
  let padding = 0
  if (maybePadded) {
    padding = ETH_MIN_FRAME_LENGTH - (frameLength - reported)
    for (let i = 0; i < padding; i++) {
      if (i >= captured || d.bytes[start + i] !== 0) {
        padding = 0
        break
      }
    }
    if (padding > 0) {
      d.add(owner.node, ETH_TRAILER.padding, start, padding, d.bytes.slice(start, start + padding))
      captured -= padding
      reported -= padding
    }
  }
  // Wireshark's guess: a frame of 64 bytes or more with 4 bytes to spare ends in an FCS.
  let fcs = false
  if (owner.fcsLength !== 0 && owner.span.reported - owner.span.start >= 64 && reported >= 4) {
    // The trailer shown is what is left of the captured bytes once the 4 FCS bytes are off.
    captured = captured < reported ? Math.min(captured, reported - 4) : captured - 4
    fcs = true
  }
  const trailerStart = start + padding
  if (captured > 0) {
    d.add(owner.node, owner.trailer, trailerStart, captured, d.bytes.slice(trailerStart, trailerStart + captured))
    if (maybePadded && padding === 0) {
      d.note('warn', 'protocol', "Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros.")
    }
  }
  const fcsAt = trailerStart + Math.max(captured, 0)
  if (fcs && fcsAt + 4 <= owner.span.end) {
    const value = ((d.bytes[fcsAt] << 24) | (d.bytes[fcsAt + 1] << 16) | (d.bytes[fcsAt + 2] << 8) | d.bytes[fcsAt + 3]) >>> 0
    d.add(owner.node, ETH_TRAILER.fcs, fcsAt, 4, value)
    const status = d.add(owner.node, ETH_TRAILER.fcsStatus, fcsAt, 0, 2)
    status.generated = true
  }
}
