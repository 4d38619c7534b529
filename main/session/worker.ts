// The session worker's entry (built as out/main/session-worker.js): one SessionCore, answering
// the main thread's requests (worker-serve.ts), so reading and decoding never block the main
// process. The host starts one worker per open capture and ends it on close.
import { parentPort, workerData } from 'node:worker_threads'
import { SessionCore } from './session-core'
import { serveSession } from './worker-serve'
import type { WorkerOptions } from './worker-protocol'

if (!parentPort) throw new Error('main/session/worker.ts runs as a worker thread (see SessionHost)')
const port = parentPort
const options = (workerData ?? {}) as WorkerOptions
serveSession(
  new SessionCore((event, data) => port.postMessage({ kind: 'event', event, data }), { tmpDir: options.tmpDir, progressIntervalMs: options.progressIntervalMs }),
  port,
)
