// The lab assistant's answers for one connection: the connection is replayed, its handshake and
// teardown frames are decoded for the per-field table, and main/teach/lab answers.
import type { Lang, LabReport } from '../../preload/contract/dto'
import { ApiFailure } from '../api/port'
import type { Field } from '../decode/field'
import { labFieldFrames, labReport } from '../teach/lab'
import type { CaptureIndexer } from './capture-indexer'
import { replayConnections } from './connection-replay'
import type { FrameDecoder } from './frame-decoder'
import { NARRATIVE_FRAME_LIMIT } from './narrative'

export async function labAnswers(stream: number, lang: Lang, indexer: CaptureIndexer, decoder: FrameDecoder): Promise<LabReport> {
  const replayed = await replayConnections([stream], indexer, decoder, {
    maxFrames: NARRATIVE_FRAME_LIMIT,
    tooMany: () => `TCP stream ${stream} has ${indexer.tcp.framesOf(stream).length} frames; the lab assistant reads connections of at most ${NARRATIVE_FRAME_LIMIT} frames`,
  })
  const connection = replayed.get(stream)
  if (!connection) throw new ApiFailure('internal', `replaying TCP stream ${stream} gave no connection`)
  const trees = new Map<number, Field[]>()
  for (const frame of labFieldFrames(connection.timeline)) trees.set(frame, (await decoder.decode(frame)).tree)
  return labReport({ timeline: connection.timeline, frames: connection.frames, trees }, lang)
}
