// `tcplens serve [FILE] [--port N] [--root DIR]... [--no-open]`: browser mode. Serves the built renderer and the
// contract over a WebSocket on 127.0.0.1 (main/server), prints the address with its token, opens
// the default browser, and opens FILE (or the bundled sample) for every page that connects. The
// page may open and save files only in the shared folders: each --root, by default the home
// folder, the current folder and FILE's folder (main/api/path-policy.ts sharedFoldersPolicy).
// Runs until SIGINT or SIGTERM. Exit status: 0; 1 for bad arguments (as every command); 2 when
// it cannot serve: the file cannot be read, the interface is not built, the port is taken.
import { existsSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { sharedFoldersPolicy } from '../api/path-policy'
import type { BackendPort, CaptureControl, CaptureSessions } from '../api/port'
import { openCapture } from '../capture/open'
import { CaptureError } from '../capture/source'
import { sampleCapturePath } from '../sample/sample-file'
import { createBrowserBackend } from '../server/browser-backend'
import { SERVE_MESSAGES } from '../server/console-messages'
import { openBrowser } from '../server/open-browser'
import { startServer, type RunningServer } from '../server/server'
import { browserSettingsFolder } from '../server/settings-folder'
import { SessionHost } from '../session/session-host'
import { CaptureController } from '../live/capture-controller'
import { mainBundleDir } from '../bundle-dir'
import { SettingsStore } from '../settings/store'
import { systemLanguage } from '../teach'
import { UsageError, parseArgs } from './argv'
import type { CliIo } from './run'
import { commandUsage } from './help'

const USAGE = commandUsage('serve')

/** What `serve` uses from the machine; tests replace parts of it. */
export interface ServeEnvironment {
  /** A new capture session for each connection. */
  createSessions: () => CaptureSessions
  /** Live capture over a connection's session (absent in tests that need none). */
  createCapture?: (sessions: CaptureSessions) => CaptureControl
  /** The built renderer (out/renderer). */
  rendererDir: string
  settingsFolder: string
  samplePath: () => Promise<string>
  env: NodeJS.ProcessEnv
  cwd: string
  /** The user's home folder: shared with the page unless --root says otherwise. */
  home: string
  openBrowser: (url: string, warn: (detail: string) => void) => void
  /** Resolves when the server must stop (default: the first SIGINT or SIGTERM). */
  untilStopped: () => Promise<void>
  /** Told once the server listens (tests talk to it from here). */
  onListening?: (server: RunningServer) => void
}

/**
 * The folder of the built main bundle (out/main), where session-worker.js is: this code may sit
 * in cli.js itself or in a shared chunk (out/main/chunks/).
 */

/**
 * The built renderer next to the bundle: out/main → out/renderer. From the sources (tsx, tests)
 * main/cli → out/renderer. The first that has an index.html, else the bundle's.
 */
export function builtRendererDir(here: string = __dirname): string {
  const candidates = [resolve(mainBundleDir(here), '../renderer'), resolve(here, '../../out/renderer')]
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]
}

function untilSignal(): Promise<void> {
  return new Promise((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolveStop()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

function defaultEnvironment(): ServeEnvironment {
  return {
    // Each connection has its own worker thread (out/main/session-worker.js).
    createSessions: () => new SessionHost(),
    createCapture: (sessions) => new CaptureController({ sessions }),
    rendererDir: builtRendererDir(),
    settingsFolder: browserSettingsFolder(),
    samplePath: () => sampleCapturePath(),
    env: process.env,
    cwd: process.cwd(),
    home: homedir(),
    openBrowser: (url, warn) => openBrowser(url, warn),
    untilStopped: untilSignal,
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`)
  return Number(text)
}

/** Whether the file is a capture TCP Lens can open; the reason when it is not. */
async function captureProblem(file: string): Promise<string | null> {
  try {
    const reader = await openCapture(file)
    await reader.close()
    return null
  } catch (error) {
    if (error instanceof CaptureError) return error.message
    throw error
  }
}

export async function serveCommand(args: readonly string[], io: CliIo, overrides: Partial<ServeEnvironment> = {}): Promise<number> {
  const parsed = parseArgs(args, { withValue: ['--port', '--root'], flags: ['--no-open'] })
  if (parsed.positional.length > 1 || (parsed.values.get('--port')?.length ?? 0) > 1) throw new UsageError(USAGE)
  const port = parsePort(parsed.values.get('--port')?.[0])
  const machine = { ...defaultEnvironment(), ...overrides }
  const say = SERVE_MESSAGES[systemLanguage(machine.env)]

  const file = parsed.positional[0] === undefined ? undefined : resolve(machine.cwd, parsed.positional[0])
  if (file) {
    const problem = await captureProblem(file)
    if (problem) {
      io.stderr.write(`tcplens: ${parsed.positional[0]}: ${problem}\n`)
      return 2
    }
  }
  const startDir = file ? dirname(file) : machine.cwd
  const roots = parsed.values.get('--root')?.map((root) => resolve(machine.cwd, root)) ?? [machine.home, machine.cwd, startDir]
  const missing = roots.find((root) => !isFolder(root))
  if (missing) {
    io.stderr.write(`tcplens: ${say.noFolder(missing)}\n`)
    return 2
  }
  const shared = sharedFoldersPolicy(roots)
  // The file named on the command line opens even outside the shared folders: the user chose it.
  if (file) shared.grant(file)
  const indexHtml = join(machine.rendererDir, 'index.html')
  if (!existsSync(indexHtml)) {
    io.stderr.write(`tcplens: ${say.notBuilt(indexHtml)}\n`)
    return 2
  }

  const settings = await SettingsStore.open(machine.settingsFolder)
  const start = file ? { kind: 'path' as const, path: file } : { kind: 'sample' as const }
  let server: RunningServer
  try {
    server = await startServer({
      rootDir: machine.rendererDir,
      port,
      startDir,
      shared,
      createBackend: (files) => createBrowserBackend({ files, settings, paths: shared, createSessions: machine.createSessions, createCapture: machine.createCapture, samplePath: machine.samplePath }),
      // Each page starts on FILE (or the sample); its status and progress reach the page as events.
      onConnection: (backend: BackendPort) => void backend.call('open', [start]),
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    io.stderr.write(`tcplens: ${say.portInUse(port)}\n`)
    return 2
  }

  io.stdout.write(say.serving(file ?? say.sample, server.url))
  io.stdout.write(say.sharing(shared.roots))
  const ci = machine.env['CI'] === 'true' || machine.env['CI'] === '1'
  if (!parsed.flags.has('--no-open') && !ci) machine.openBrowser(server.url, (detail) => io.stderr.write(`tcplens: ${say.browserFailed(detail)}\n`))
  machine.onListening?.(server)

  await machine.untilStopped()
  io.stdout.write(say.stopping)
  await server.close()
  return 0
}
