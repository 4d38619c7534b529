// What the client and the server of each demo scenario do, step by step, written as the story a
// student should then find in the capture. Both sockets are half-open capable (allowHalfOpen), so
// every FIN here is one a script sends on purpose, never one Node sends by itself.
import { setTimeout as sleep } from 'node:timers/promises'
import type { DemoScenario } from '../../preload/contract/dto'
import type { LabSocket } from './lab-socket'
import { LESSON_ANSWER, LESSON_ANSWER_BYTES, LESSON_REQUEST, LESSON_REQUEST_BYTES } from './lesson-exchange'
import type { DemoSide } from './scenario-journal'

export interface ScenarioContext {
  /** Aborted when the demo is closed: a script waiting on a timer stops. */
  signal: AbortSignal
}

export interface ScenarioScript {
  /** One line for `tcplens demo --list` and the UI's tooltip. */
  summary: string
  /** False when nothing listens on the port (the refused connection). */
  listens: boolean
  /** Socket errors that ARE this scenario's result (a refusal, a reset), not a failure. */
  expectedErrors: Partial<Record<DemoSide, readonly string[]>>
  client(client: LabSocket, context: ScenarioContext): Promise<void>
  server?(server: LabSocket, context: ScenarioContext): Promise<void>
}

/**
 * Linux sends the first keep-alive probe after TCP_KEEPIDLE and the next ones every TCP_KEEPINTVL.
 * setKeepAlive(true, 1000) sets the idle time to 1 s, and Node 20's libuv (1.46) also sets the
 * interval to 1 s (measured on lo: probes 1.03 s and 2.05 s after the last data). Staying idle
 * 2.6 s therefore shows two probes and their ACKs with half a second to spare, and the scenario
 * stays under about 3 s. (A libuv that left the interval at the system's 75 s would show one.)
 */
/**
 * How long the side that receives the first FIN takes before it closes too, as an application
 * finishing its work would. Longer than Linux's delayed-ACK time (40 ms at least), so its kernel
 * ACKs the FIN on its own first: the four segments of the classic close, one arrow each. (Closing
 * at once lets TCP send that ACK together with its own FIN: three segments, the merged close.)
 */
const CLOSE_PAUSE_MS = 150

const KEEP_ALIVE_DELAY_MS = 1000
const KEEP_ALIVE_IDLE_MS = 2600

async function sendRequest(client: LabSocket): Promise<void> {
  await client.connected()
  client.send(LESSON_REQUEST, 'sent-request')
}

async function readRequest(server: LabSocket): Promise<void> {
  await server.received(LESSON_REQUEST_BYTES)
  server.note('received-request')
}

async function answerRequest(server: LabSocket): Promise<void> {
  await readRequest(server)
  server.send(LESSON_ANSWER, 'sent-answer')
}

async function readAnswer(client: LabSocket): Promise<void> {
  await client.received(LESSON_ANSWER_BYTES)
  client.note('received-answer')
}

export const SCENARIO_SCRIPTS: Readonly<Record<DemoScenario, ScenarioScript>> = {
  normal: {
    summary: 'handshake, a request and its answer, then the client closes first',
    listens: true,
    expectedErrors: {},
    async client(client) {
      await sendRequest(client)
      await readAnswer(client)
      client.finish()
    },
    // The server closes a moment after the client's FIN: its kernel ACKs that FIN first.
    async server(server, { signal }) {
      await answerRequest(server)
      await server.peerFinished()
      await sleep(CLOSE_PAUSE_MS, undefined, { signal })
      server.finish()
    },
  },

  'server-close': {
    summary: 'handshake, a request and its answer, then the server closes first',
    listens: true,
    expectedErrors: {},
    async client(client, { signal }) {
      await sendRequest(client)
      await readAnswer(client)
      await client.peerFinished()
      await sleep(CLOSE_PAUSE_MS, undefined, { signal })
      client.finish()
    },
    async server(server) {
      await answerRequest(server)
      server.finish()
    },
  },

  'half-close': {
    summary: 'the client sends its request and closes its sending side at once; the server still answers, then closes',
    listens: true,
    expectedErrors: {},
    async client(client) {
      await sendRequest(client)
      client.finish()
      await readAnswer(client)
    },
    // The answer is written only after the client's FIN arrived: data on a half-closed connection.
    async server(server) {
      await readRequest(server)
      await server.peerFinished()
      server.send(LESSON_ANSWER, 'sent-answer')
      server.finish()
    },
  },

  refused: {
    summary: 'a connection to a closed port: the SYN is answered by RST-ACK (connection refused)',
    listens: false,
    expectedErrors: { client: ['ECONNREFUSED'] },
    async client() {
      // Nothing to do: the kernel refuses the SYN and the socket closes with ECONNREFUSED.
    },
  },

  'rst-abort': {
    summary: 'a request and its answer, then the client aborts with SO_LINGER 0: RST instead of FIN',
    listens: true,
    expectedErrors: { server: ['ECONNRESET'] },
    async client(client) {
      await sendRequest(client)
      await readAnswer(client)
      client.abort()
    },
    async server(server) {
      await answerRequest(server)
    },
  },

  'keep-alive': {
    summary: 'a request and its answer, then silence: keep-alive probes every second and their ACKs; then a normal close',
    listens: true,
    expectedErrors: {},
    async client(client, { signal }) {
      await client.connected()
      client.socket.setKeepAlive(true, KEEP_ALIVE_DELAY_MS)
      client.note('keep-alive-on')
      client.send(LESSON_REQUEST, 'sent-request')
      await readAnswer(client)
      client.note('idle')
      await sleep(KEEP_ALIVE_IDLE_MS, undefined, { signal })
      client.finish()
    },
    async server(server) {
      await answerRequest(server)
      await server.peerFinished()
      server.finish()
    },
  },
}
