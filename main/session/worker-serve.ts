// The session worker's message loop, apart from the thread so it can be tested over an
// in-process channel: each request runs the SessionCore method it names and is answered with
// its id (an ApiFailure as its code and message); the core's events are posted as they come. A
// live capture's growth is a notice, passed on at once and answered with nothing.
import { getHeapStatistics } from 'node:v8'
import { ApiFailure } from '../api/port'
import type { SessionCore } from './session-core'
import type { WorkerInbound, WorkerMemory, WorkerMessage, WorkerMethod, WorkerRequest } from './worker-protocol'

/** The side of a MessagePort the loop needs (parentPort, or a MessageChannel's port in tests). */
export interface RequestPort {
  on(event: 'message', listener: (message: WorkerInbound) => void): unknown
  postMessage(message: WorkerMessage): void
}

type Handler = (core: SessionCore, args: unknown[]) => unknown

// The arguments were validated by the backend (main/api); the core checks their ranges.
const HANDLERS: Record<WorkerMethod, Handler> = {
  openPath: (core, [path, options]) => core.openPath(path as string, options as { displayName?: string; session?: number }),
  openLive: (core, [path, live, options]) => core.openLive(path as string, live as Parameters<SessionCore['openLive']>[1], options as { displayName?: string; session?: number }),
  saveAs: (core, [path, options]) => core.saveAs(path as string, options as { displayed: boolean }),
  cancelOpen: (core) => core.cancelOpen(),
  close: (core) => core.close(),
  status: (core) => core.status(),
  setView: (core, [spec]) => core.setView(spec as Parameters<SessionCore['setView']>[0]),
  cancelWork: (core) => core.cancelWork(),
  rows: (core, [start, count]) => core.rows(start as number, count as number),
  positionOf: (core, [frame]) => core.positionOf(frame as number),
  packet: (core, [frame]) => core.packet(frame as number),
  connections: (core) => core.connections(),
  narrative: (core, [stream, lang]) => core.narrative(stream as number, lang as Parameters<SessionCore['narrative']>[1]),
  lab: (core, [stream, lang]) => core.lab(stream as number, lang as Parameters<SessionCore['lab']>[1]),
  flowGraph: (core, [lang]) => core.flowGraph(lang as Parameters<SessionCore['flowGraph']>[0]),
  expertInfo: (core) => core.expertInfo(),
  followStream: (core, [stream]) => core.followStream(stream as number),
  dispose: (core) => core.dispose(),
  openFiles: (core) => core.openFiles,
  memory: () => memory(),
}

export function serveSession(core: SessionCore, port: RequestPort): void {
  port.on('message', (message) => {
    if ('notice' in message) {
      // The host checked the size; a notice has no one to fail to.
      try {
        core.liveGrew(message.size, message.ended)
      } catch {
        // ignored: see above
      }
      return
    }
    void answer(core, message).then((answered) => post(port, answered))
  })
}

/**
 * Posts an answer; one that cannot be cloned (a bug) is answered as an internal failure instead,
 * rather than an unhandled rejection that would end the worker and fail the capture.
 */
function post(port: RequestPort, message: WorkerMessage): void {
  try {
    port.postMessage(message)
  } catch (error) {
    if (message.kind !== 'answer') throw error
    const reason = error instanceof Error ? error.message : String(error)
    port.postMessage({ kind: 'answer', id: message.id, ok: false, error: { code: 'internal', message: `session worker: the answer could not be sent: ${reason}` } })
  }
}

async function answer(core: SessionCore, { id, method, args }: WorkerRequest): Promise<WorkerMessage> {
  try {
    const handler = HANDLERS[method]
    if (!handler) throw new ApiFailure('bad-argument', `the session worker has no method ${String(method)}`)
    return { kind: 'answer', id, ok: true, value: await handler(core, args) }
  } catch (error) {
    const failure = error instanceof ApiFailure ? error : new ApiFailure('internal', `session worker: ${error instanceof Error ? error.message : String(error)}`)
    return { kind: 'answer', id, ok: false, error: { code: failure.code, message: failure.message } }
  }
}

function memory(): WorkerMemory {
  const usage = process.memoryUsage()
  const heap = getHeapStatistics()
  return { heapUsed: heap.used_heap_size, heapTotal: heap.total_heap_size, external: usage.external, arrayBuffers: usage.arrayBuffers, rss: usage.rss }
}
