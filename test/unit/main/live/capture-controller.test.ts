import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CaptureInterfaces, LiveStats } from '../../../../preload/contract/dto'
import { CaptureProblemError, captureProblem } from '../../../../main/capture/capture-problem'
import { CaptureController, temporaryName, type CaptureControllerDeps, type RunHandle } from '../../../../main/live/capture-controller'
import type { CaptureRunOptions, CaptureRunStats } from '../../../../main/live/capture-run'
import type { PreparedConnection } from '../../../../main/demo/scenarios'
import { fakeSessions } from '../api/fake-sessions'

const INTERFACES: CaptureInterfaces = {
  available: true,
  interfaces: [
    { name: 'eth0', addresses: ['192.168.1.20'], loopback: false, recommended: true },
    { name: 'lo', addresses: ['127.0.0.1', '::1'], loopback: true, recommended: false },
  ],
}

const stats = (over: Partial<CaptureRunStats> = {}): CaptureRunStats => ({ state: 'capturing', packets: 0, bytes: 0, packetsPerSecond: 0, bytesPerSecond: 0, dropped: 0, elapsedMs: 0, ...over })

/** A run that writes a 32-byte header at start, and 100 more bytes per `flush()`. */
class FakeRun implements RunHandle {
  readonly stopped: Promise<CaptureRunStats>
  private finish!: (s: CaptureRunStats) => void
  size = 32
  constructor(readonly options: CaptureRunOptions) {
    this.stopped = new Promise((resolve) => (this.finish = resolve))
    options.onCommitted?.(this.size)
  }
  flush(packets: number): void {
    this.size += 100
    this.options.onCommitted?.(this.size)
    this.options.onStats?.(stats({ packets }))
  }
  stops = 0
  async stop(): Promise<CaptureRunStats> {
    this.stops++
    this.options.onCommitted?.(this.size)
    this.finish(stats({ state: 'stopped', packets: 3, stopReason: 'user' }))
    return this.stopped
  }
}

describe('main/live/capture-controller', () => {
  let dir: string
  let runs: FakeRun[]
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tcplens-controller-'))
    runs = []
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  function controller(deps: Partial<CaptureControllerDeps> = {}) {
    const fake = fakeSessions()
    const made = new CaptureController({
      sessions: fake.sessions,
      tmpDir: dir,
      deps: {
        listInterfaces: async () => INTERFACES,
        checkFilter: async () => ({ ok: true }),
        startRun: async (options) => {
          await writeFile(options.path, 'header')
          const run = new FakeRun(options)
          runs.push(run)
          return run
        },
        ...deps,
      },
    })
    return { controller: made, sessions: fake.sessions }
  }

  it('should open the temporary file in the session once its header is written, and pass each flush on', async () => {
    const { controller: c, sessions } = controller()
    const started = await c.start({ interface: 'lo', filter: 'tcp' })
    expect(started.file?.path).toMatch(/tcplens_capture-lo_\d{8}-\d{6}_[0-9a-f]{6}\.pcapng$/)
    expect(sessions.openLive).toHaveBeenCalledWith(started.file?.path, { interface: 'lo', filter: 'tcp' })
    expect(sessions.liveGrew).toHaveBeenLastCalledWith(32, false)
    runs[0].flush(5)
    expect(sessions.liveGrew).toHaveBeenLastCalledWith(132, false)
    await c.stop()
    expect(sessions.liveGrew).toHaveBeenLastCalledWith(132, true)
  })

  it('should pass the stop conditions to the run and send its counters as live stats', async () => {
    const { controller: c } = controller()
    const seen: LiveStats[] = []
    c.onStats((s) => seen.push(s))
    await c.start({ interface: 'eth0', filter: '', stop: { packets: 10 } })
    expect(runs[0].options.stop).toEqual({ packets: 10 })
    runs[0].flush(7)
    expect(seen.at(-1)).toMatchObject({ interface: 'eth0', filter: '', packets: 7, state: 'capturing' })
    await c.stop()
    expect(seen.at(-1)).toMatchObject({ state: 'stopped', stopReason: 'user', packets: 3 })
  })

  it('should answer the problem when the capture cannot start, and leave no file behind', async () => {
    const problem = captureProblem('permission', 'socket: Operation not permitted', { platform: 'linux', program: '/usr/bin/tcplens' })
    const { controller: c, sessions } = controller({
      startRun: async () => {
        throw new CaptureProblemError(problem)
      },
    })
    expect(await c.start({ interface: 'eth0', filter: '' })).toEqual({ problem })
    expect(sessions.openLive).not.toHaveBeenCalled()
    await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]))
  })

  it('should restart with the same options, and remove the previous temporary file', async () => {
    const { controller: c } = controller()
    const first = await c.start({ interface: 'lo', filter: 'tcp port 80' })
    const second = await c.restart()
    expect(runs).toHaveLength(2)
    expect(runs[1].options).toMatchObject({ interface: 'lo', filter: 'tcp port 80' })
    expect(second.file?.path).not.toBe(first.file?.path)
    expect(existsSync(first.file!.path)).toBe(false)
    expect(existsSync(second.file!.path)).toBe(true)
    await c.dispose()
    expect(existsSync(second.file!.path)).toBe(false)
  })

  it('should stop capturing when the session cannot open the file', async () => {
    const { controller: c, sessions } = controller()
    sessions.openLive.mockRejectedValueOnce(new Error('worker failed'))
    await expect(c.start({ interface: 'lo', filter: '' })).rejects.toThrow('worker failed')
    expect(runs[0].stops).toBe(1)
  })

  it('should refuse to restart before any capture', async () => {
    const { controller: c } = controller()
    await expect(c.restart()).rejects.toMatchObject({ code: 'no-capture' })
  })

  describe('demos and connections', () => {
    const prepared = (filter: string): PreparedConnection & { closed: boolean } => {
      const connection = {
        filter,
        closed: false,
        play: async () => ({}),
        close: async () => void (connection.closed = true),
      }
      return connection
    }

    /** captureConnection as the real one behaves: a run from start to stop around play(). */
    const captureConnection: CaptureControllerDeps['captureConnection'] = async (connection, options) => {
      const run = new FakeRun({ ...options, filter: connection.filter })
      run.flush(4)
      await connection.play()
      await connection.close()
      return { stats: await run.stop() }
    }

    it('should capture a demo on the loopback interface and answer its connection', async () => {
      const connection = prepared('tcp port 40000')
      const capture = vi.fn(captureConnection)
      const { controller: c, sessions } = controller({ prepareScenario: async () => connection, captureConnection: capture })
      const made = await c.runDemo('half-close')
      expect(capture.mock.calls[0][1].interface).toBe('lo')
      expect(made).toMatchObject({ stream: 0, file: { name: expect.stringMatching(/^tcplens_demo-half-close_/) } })
      expect(sessions.openLive).toHaveBeenCalledWith(made.file?.path, { interface: 'lo', filter: 'tcp port 40000' })
      expect(sessions.liveGrew).toHaveBeenLastCalledWith(132, true)
    })

    it('should say why a demo cannot run when cap is missing', async () => {
      const problem = captureProblem('no-capture-module', "Cannot find module 'cap'")
      const { controller: c } = controller({ listInterfaces: async () => ({ available: false, problem, interfaces: [] }) })
      expect(await c.runDemo('normal')).toEqual({ problem })
    })

    it('should capture a connection to a loopback address on the loopback interface, and to others on the recommended one', async () => {
      const capture = vi.fn(captureConnection)
      const { controller: c } = controller({
        prepareTarget: async (target) => ({ ...prepared(`tcp and host ${target.host} and port ${target.port}`), address: target.host }),
        captureConnection: capture,
      })
      await c.connectTo({ host: '127.0.0.1', port: 8080 })
      await c.connectTo({ host: '192.0.2.7', port: 80 })
      await c.connectTo({ host: '192.0.2.7', port: 80, interface: 'lo' })
      expect(capture.mock.calls.map((call) => call[1].interface)).toEqual(['lo', 'eth0', 'lo'])
    })

    it('should answer a name that does not resolve as the connection error', async () => {
      const { controller: c } = controller({
        prepareTarget: async () => {
          throw new Error('getaddrinfo ENOTFOUND nowhere.invalid')
        },
      })
      expect(await c.connectTo({ host: 'nowhere.invalid', port: 80 })).toEqual({ error: 'getaddrinfo ENOTFOUND nowhere.invalid' })
    })
  })

  it('should name temporary files by what and when, with nothing a file system refuses', () => {
    expect(temporaryName('capture-\\Device\\NPF_{AB}', new Date('2026-11-21T13:20:45Z'))).toMatch(/^tcplens_capture-_Device_NPF__AB__20261121-132045_[0-9a-f]{6}\.pcapng$/)
  })
})
