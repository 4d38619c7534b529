// One fuzzed capture through the app's own path: the SessionCore the session worker runs (as
// `tcplens serve` and the Electron app use it), over the capture written to a file.
//   open + the pass (reader → index pass → TCP engine → connection timelines)
//   every row of the packet list (Info column), every frame's detail tree (details pane)
//   the first connections: the narrative in both languages, the lab answers, Follow Stream
//   Expert Info, the flow graph, a sort by the Info column
//   a few filters as the list's view (the session's index pass, then its decode of the frames the
//   index cannot decide), and every FUZZ_FILTERS filter on every frame's field tree, decoding the
//   file in one stream (full-scan.ts)
// The only clean failure is the documented one: the file is not a capture, or is damaged (the
// session's 'unsupported' / 'damaged', from a CaptureError). Anything else is a crash.
import { unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ErrorCode } from '../../preload/contract/api'
import { ApiFailure } from '../../main/api/port'
import { compileFilter, decodedFrameFields } from '../../main/filter'
import type { DisplayFilter } from '../../main/filter/types'
import { scanDecoded } from '../../main/session/full-scan'
import { MAX_PAGE_ROWS, SessionCore } from '../../main/session/session-core'
import { FUZZ_FILTERS, SESSION_FILTERS } from './filters'

export interface PipelineResult {
  /** How the capture ended: not opened (not a capture, or damaged in its header), read whole, or damaged after some frames. */
  ending: 'refused' | 'read' | 'damaged'
  frames: number
  connections: number
  /** The first failure that is not the documented clean one, and the stage it happened in. */
  crash?: { stage: string; message: string }
}

/** Connections narrated and followed, per input (the first ones). */
const STREAMS_EXPLAINED = 4
/** Of those, the ones also narrated in Chinese and asked the lab questions. */
const STREAMS_IN_BOTH_LANGUAGES = 2

const COMPILED: ReadonlyArray<{ text: string; filter: DisplayFilter }> = FUZZ_FILTERS.map((text) => {
  const result = compileFilter(text)
  if (!result.ok) throw new Error(`fuzz filter ${JSON.stringify(text)} does not compile: ${result.error.message.en}`)
  return { text, filter: result.filter }
})

/** Stops the pipeline at the first crash. */
class Crashed extends Error {
  constructor(
    readonly stage: string,
    readonly reason: string,
  ) {
    super(reason)
  }
}

/** Runs `work`; a failure with one of the `allowed` codes is clean (undefined), anything else a crash. */
async function stage<T>(name: string, work: () => Promise<T>, allowed: readonly ErrorCode[] = []): Promise<T | undefined> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof ApiFailure && allowed.includes(error.code)) return undefined
    throw new Crashed(name, describe(error))
  }
}

export function describe(error: unknown): string {
  if (error instanceof ApiFailure) return `ApiFailure(${error.code}): ${error.message}`
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 6).join('\n')}` : ''}`
  return String(error)
}

/** Runs one input through the session; `workDir` is where its file (and a gzip spool) go. */
export async function runPipeline(bytes: Uint8Array, workDir: string): Promise<PipelineResult> {
  const path = join(workDir, 'input.capture')
  await writeFile(path, bytes)
  const core = new SessionCore(() => {}, { tmpDir: workDir, progressIntervalMs: 60_000 })
  const result: PipelineResult = { ending: 'refused', frames: 0, connections: 0 }
  try {
    await explore(core, path, result)
  } catch (error) {
    result.crash = error instanceof Crashed ? { stage: error.stage, message: error.reason } : { stage: 'pipeline', message: describe(error) }
  } finally {
    await core.dispose().catch((error: unknown) => (result.crash ??= { stage: 'dispose', message: describe(error) }))
    await unlink(path).catch(() => {})
  }
  return result
}

async function explore(core: SessionCore, path: string, result: PipelineResult): Promise<void> {
  const opened = await stage('open', () => core.openPath(path), ['unsupported', 'damaged'])
  if (!opened) return
  await stage('read', () => core.loaded())
  const status = core.status()
  if (status.error && status.error.code !== 'damaged') throw new Crashed('read', `status ${status.error.code}: ${status.error.message}`)
  result.ending = status.error ? 'damaged' : 'read'
  const packets = (result.frames = status.packets)

  for (let start = 0; start < packets; start += MAX_PAGE_ROWS) await stage('rows', () => core.rows(start, MAX_PAGE_ROWS))
  // The details pane asks for one frame at a time; these go concurrently, a page at a time (cheaper, the same answers).
  for (let first = 1; first <= packets; first += MAX_PAGE_ROWS) {
    const page = Array.from({ length: Math.min(MAX_PAGE_ROWS, packets - first + 1) }, (_, i) => first + i)
    await Promise.all(page.map((frame) => stage(`packet ${frame}`, () => core.packet(frame))))
  }

  const connections = (await stage('connections', () => core.connections()))!
  result.connections = connections.length
  for (const [i, { stream }] of connections.slice(0, STREAMS_EXPLAINED).entries()) {
    // A connection over the narration limit is refused as 'unsupported', on purpose.
    await stage(`narrative ${stream} en`, () => core.narrative(stream, 'en'), ['unsupported'])
    await stage(`follow ${stream}`, () => core.followStream(stream))
    if (i >= STREAMS_IN_BOTH_LANGUAGES) continue
    await stage(`narrative ${stream} zh-CN`, () => core.narrative(stream, 'zh-CN'), ['unsupported'])
    await stage(`lab ${stream}`, () => core.lab(stream, 'en'), ['unsupported'])
  }
  await stage('expert info', () => core.expertInfo())
  await stage('flow graph', () => core.flowGraph('en'))
  await stage('sort by info', () => core.setView({ sort: { column: 'info', descending: false } }))

  for (const text of SESSION_FILTERS) await stage(`filter ${text}`, () => core.setView({ filter: text }))
  await stage('filters on field trees', () =>
    scanDecoded(
      path,
      packets,
      (frame) => {
        const fields = decodedFrameFields(frame)
        for (const { filter } of COMPILED) filter.matches(fields)
      },
      () => true,
    ),
  )
}
