// The captured bytes of a decoded frame's TCP payload (the tcp.payload field), for Follow Stream
// and for the few words a diagram arrow shows of a request or a status line.
import type { DecodedFrame } from '../decode/frame'
import { walkFields } from '../decode/field'

/** The captured bytes of the frame's TCP payload (tcp.payload; empty if none). */
export function payloadOf(frame: DecodedFrame): Uint8Array {
  let payload: Uint8Array | undefined
  walkFields(frame.tree, (field) => {
    if (!payload && field.name === 'tcp.payload' && field.value instanceof Uint8Array) payload = field.value
  })
  return payload ?? new Uint8Array(0)
}
