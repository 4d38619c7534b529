// Placeholder until the language lands.
import type { DecodedFrame } from '../decode/frame'
import type { FrameFields } from './types'

export function decodedFrameFields(frame: DecodedFrame): FrameFields {
  void frame
  return { values: () => [] }
}
