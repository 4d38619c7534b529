// The lab assistant's answers for one replayed connection: its handshake and teardown frames are
// decoded for the per-field table, and main/teach/lab answers.
import type { Lang, LabReport } from '../../preload/contract/dto'
import type { Field } from '../decode/field'
import { labFieldFrames, labReport } from '../teach/lab'
import type { ReplayedConnection } from './connection-replay'
import type { FrameDecoder } from './frame-decoder'

export async function labAnswers(replayed: ReplayedConnection, lang: Lang, decoder: FrameDecoder): Promise<LabReport> {
  const trees = new Map<number, Field[]>()
  for (const frame of labFieldFrames(replayed.timeline)) trees.set(frame, (await decoder.decode(frame)).tree)
  return labReport({ timeline: replayed.timeline, frames: replayed.frames, trees }, lang)
}
