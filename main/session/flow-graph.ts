// The all-connections flow graph (Wireshark's Flow Graph with "TCP flows", limited to the
// display filter): every TCP frame of the view as an arrow between two hosts, carrying the step
// its connection's replay gives it (phase, step number, states before and after, notes) and the
// step in one line of the requested language.
import type { FlowGraph, FlowRow, Lang } from '../../preload/contract/dto'
import { ApiFailure } from '../api/port'
import { describeExplanation, explainConnection } from '../teach'
import type { CaptureIndexer } from './capture-indexer'
import { connectionDto } from './connection-dto'
import { replayConnections } from './connection-replay'
import type { FrameDecoder } from './frame-decoder'
import type { PacketView } from './packet-view'
import { segmentFacts, stepMarks } from './step-dto'

/** The most TCP frames the graph shows, and the most frames their connections may hold. */
export const FLOW_ROW_LIMIT = 10_000
export const FLOW_FRAME_LIMIT = 40_000

const NARROW = 'apply a display filter (for example tcp.stream == 0, or tcp.flags.syn == 1 || tcp.flags.fin == 1 || tcp.flags.reset == 1)'

export async function flowGraph(view: PacketView, lang: Lang, indexer: CaptureIndexer, decoder: FrameDecoder, wanted: () => boolean): Promise<FlowGraph> {
  const { index } = indexer
  const shown: number[] = []
  const streams = new Set<number>()
  for (let position = 0, n = view.count(); position < n; position++) {
    const frame = view.frameAt(position)
    const stream = index.stream[frame - 1]!
    if (stream < 0) continue
    if (shown.length === FLOW_ROW_LIMIT) throw new ApiFailure('unsupported', `the flow graph shows at most ${FLOW_ROW_LIMIT} TCP packets; ${NARROW}`)
    shown.push(frame)
    streams.add(stream)
  }
  const replayed = await replayConnections([...streams], indexer, decoder, {
    maxFrames: FLOW_FRAME_LIMIT,
    tooMany: () => `the connections shown hold more than ${FLOW_FRAME_LIMIT} packets; ${NARROW}`,
    wanted,
  })

  const steps = new Map<number, { row: Omit<FlowRow, 'time' | 'src' | 'dst'>; time: number; srcAddress: string; dstAddress: string }>()
  for (const [stream, { timeline, frames }] of replayed) {
    const described = describeExplanation(explainConnection(timeline), lang)
    timeline.steps.forEach((step, i) => {
      const sender = timeline[step.from]
      const receiver = timeline[step.from === 'client' ? 'server' : 'client']
      steps.set(step.frame, {
        time: frames.get(step.frame)?.time ?? 0,
        srcAddress: sender.address,
        dstAddress: receiver.address,
        row: {
          frame: step.frame,
          stream,
          srcPort: sender.port,
          dstPort: receiver.port,
          from: step.from,
          phase: step.phase,
          step: [...step.step],
          kind: step.kind,
          label: step.label,
          segment: segmentFacts(step),
          before: { ...step.before },
          after: { ...step.after },
          marks: stepMarks(step),
          line: described.steps[i]!.line,
        },
      })
    })
  }

  const first = indexer.firstTime ? indexer.firstTime.sec + indexer.firstTime.nsec / 1e9 : 0
  const hosts: string[] = []
  const hostIndex = new Map<string, number>()
  const host = (address: string): number => {
    let i = hostIndex.get(address)
    if (i === undefined) {
      i = hosts.push(address) - 1
      hostIndex.set(address, i)
    }
    return i
  }
  const rows: FlowRow[] = []
  for (const frame of shown) {
    const s = steps.get(frame)
    if (!s) continue // the replay stopped (no longer wanted)
    rows.push({ ...s.row, time: s.time - first, src: host(s.srcAddress), dst: host(s.dstAddress) })
  }
  const connections = [...replayed.values()].map((c) => connectionDto(c.timeline)).sort((a, b) => a.stream - b.stream)
  return { lang, hosts, rows, connections }
}
