// Real captures on the loopback interface, of traffic each test makes itself on 127.0.0.1.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { checkCaptureFilter } from '../../../../main/capture/live'
import { runCli } from '../../../../main/cli/run'
import { CaptureRun } from '../../../../main/live/capture-run'
import { LOOPBACK, describeLive, echoServer, settle, talkTo } from '../../../fixtures/live-capture'
import { readClean } from '../capture/read-all'

let dir: string
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'tcplens-live-'))))
afterEach(() => rm(dir, { recursive: true, force: true }))

interface Sink {
  stream: Writable
  text(): string
  /** Told the whole text so far after each write. */
  onText?(text: string): void
}

function sink(): Sink {
  let text = ''
  const out: Sink = {
    stream: new Writable({
      write: (chunk, _enc, done) => {
        text += String(chunk)
        out.onText?.(text)
        done()
      },
    }),
    text: () => text,
  }
  return out
}

/** `tcplens conv FILE --json`, in-process: the connections the engine found. */
async function connections(path: string): Promise<Array<{ client: { port: number; state: string }; server: { port: number; state: string }; open: string; closeInitiator: string }>> {
  const out = sink()
  expect(await runCli(['conv', path, '--json'], { stdout: out.stream, stderr: sink().stream })).toBe(0)
  return JSON.parse(out.text()).connections
}

describeLive(`live/capture-run on ${LOOPBACK} (real capture)`, () => {
  it('should write a file with the whole connection: handshake, data, and the close', async () => {
    const server = await echoServer()
    const path = join(dir, 'conn.pcapng')
    const run = await CaptureRun.start({ interface: LOOPBACK, filter: `tcp port ${server.port}`, path, stop: { packets: 10 } })
    await talkTo(server.port, 'hello')
    const stats = await Promise.race([run.stopped, settle(2000).then(() => run.stop())])
    await server.close()
    expect(stats).toMatchObject({ packets: 10, dropped: 0, stopReason: 'packets' })

    const { frames } = await readClean(new Uint8Array(await readFile(path)))
    expect(frames).toHaveLength(10)
    const [conn] = await connections(path)
    expect(conn.server.port).toBe(server.port)
    expect(conn.open).toBe('three-way')
    expect(conn.closeInitiator).toBe('client')
    expect(conn.client.state).toBe('TIME-WAIT')
    expect(conn.server.state).toBe('CLOSED')
  })

  it('should keep only what the capture filter lets through', async () => {
    const wanted = await echoServer()
    const other = await echoServer()
    const path = join(dir, 'filtered.pcapng')
    const run = await CaptureRun.start({ interface: LOOPBACK, filter: `tcp port ${wanted.port}`, path })
    await talkTo(other.port)
    await talkTo(wanted.port)
    await talkTo(other.port)
    await settle()
    const stats = await run.stop()
    await Promise.all([wanted.close(), other.close()])
    const found = await connections(path)
    expect(found.map((c) => c.server.port)).toEqual([wanted.port])
    expect(stats.packets).toBe((await readClean(new Uint8Array(await readFile(path)))).frames.length)
  })

  it('should stop by itself after N seconds', async () => {
    const run = await CaptureRun.start({ interface: LOOPBACK, filter: 'tcp port 9', path: join(dir, 'timed.pcap'), stop: { seconds: 0.3 } })
    expect(await run.stopped).toMatchObject({ state: 'stopped', stopReason: 'seconds', packets: 0 })
  })

  it("should refuse an invalid capture filter with libpcap's message", async () => {
    const check = await checkCaptureFilter(LOOPBACK, 'tcp port and')
    expect(check).toMatchObject({ ok: false, problem: { code: 'bad-filter' } })
    expect(check.problem?.message).toMatch(/syntax error/)
    expect(await checkCaptureFilter(LOOPBACK, 'tcp port 80')).toEqual({ ok: true })
  })

  it("should print Capturing on 'lo' from tcplens capture, and the count when it stops", async () => {
    const server = await echoServer()
    const err = sink()
    const path = join(dir, 'cli.pcapng')
    let talked: Promise<void> | undefined
    // The traffic starts when the command says it is capturing, as a student would wait for it.
    err.onText = (text) => {
      if (!talked && text.includes('Capturing on')) talked = talkTo(server.port)
    }
    const code = await runCli(['capture', '-i', LOOPBACK, '-f', `tcp port ${server.port}`, '-c', '10', '-w', path], { stdout: sink().stream, stderr: err.stream })
    await talked
    await server.close()
    expect(code).toBe(0)
    expect(err.text()).toContain(`Capturing on '${LOOPBACK}'`)
    expect(err.text()).toContain('10 packets captured')
    expect((await readClean(new Uint8Array(await readFile(path)))).frames).toHaveLength(10)
  })
})
