// What the lab assistant answers from: one connection replayed with its steps, the analysis of
// each of its frames, and the decoded field trees of its handshake and teardown segments.
import type { Field } from '../../decode/field'
import type { ConnectionTimeline, Step } from '../../tcp/step'

/** What is kept of each frame besides its step. */
export interface LabFrame {
  frame: number
  /** Capture time, seconds since the epoch. */
  time: number
  /** tcp.analysis.ack_rtt (seconds) and tcp.analysis.acks_frame (0: none). */
  ackRtt?: number
  ackedFrame: number
  /** tcp.analysis.bytes_in_flight (0: none). */
  bytesInFlight: number
  /** The frame a retransmission repeats (0: none). */
  rtoFrame: number
  /** The payload in a few words, when it is readable text. */
  payload?: string
}

export interface LabInput {
  timeline: ConnectionTimeline & { steps: Step[] }
  /** By frame, for every frame of the connection. */
  frames: ReadonlyMap<number, LabFrame>
  /** The decoded field trees of the frames labFieldFrames() names, by frame. */
  trees: ReadonlyMap<number, Field[]>
}
