// A browser-mode connection's backend over a real session worker: the page owns its worker, and
// when the page goes (the backend disposed), no worker is left, even one an open under way was
// about to start.
import { mkdtempSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createBrowserBackend } from '../../../../main/server/browser-backend'
import { createServerFiles } from '../../../../main/server/files'
import { SessionHost } from '../../../../main/session/session-host'
import { SettingsStore } from '../../../../main/settings/store'
import { CaptureFiles } from '../session/capture-files'
import { sharedFoldersPolicy } from '../../../../main/api/path-policy'

const files = new CaptureFiles()
afterAll(() => files.remove())

async function connection(samplePath?: () => Promise<string>) {
  const settings = await SettingsStore.open(mkdtempSync(join(files.dir, 'settings-')))
  return createBrowserBackend({
    files: createServerFiles({ startDir: files.dir }),
    settings,
    paths: sharedFoldersPolicy([files.dir]),
    createSessions: () => new SessionHost({ workerPath: resolve(__dirname, '../../../../main/session/worker.ts'), execArgv: ['--require', 'tsx/cjs'] }),
    samplePath,
  })
}

describe('server/browser-backend: the page owns its worker', () => {
  it('should end the worker when the page goes while a capture loads', async () => {
    const before = SessionHost.liveWorkers
    const backend = await connection()
    expect(await backend.call('open', [{ kind: 'path', path: await files.large(200) }])).toMatchObject({ ok: true })
    expect(SessionHost.liveWorkers).toBe(before + 1)
    await backend.dispose()
    expect(SessionHost.liveWorkers).toBe(before)
  })

  it('should end the worker an open under way starts after the page went', async () => {
    const before = SessionHost.liveWorkers
    const backend = await connection()
    const capture = files.fixture('tcp-scenario-four-way-close')
    expect(await backend.call('open', [{ kind: 'path', path: capture }])).toMatchObject({ ok: true })
    // The page opens another file and goes at once: the open is ending the first worker.
    const reopening = backend.call('open', [{ kind: 'path', path: capture }])
    await backend.dispose()
    await reopening
    expect(SessionHost.liveWorkers).toBe(before)
  })

  it('should start no worker for an open that was still waiting for its file when the page went', async () => {
    const before = SessionHost.liveWorkers
    let sampleReady!: (path: string) => void
    const backend = await connection(() => new Promise((resolvePath) => (sampleReady = resolvePath)))
    const opening = backend.call('open', [{ kind: 'sample' }])
    await backend.dispose()
    sampleReady(files.fixture('tcp-scenario-four-way-close'))
    expect(await opening).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(SessionHost.liveWorkers).toBe(before)
  })

  it('should refuse calls once the page went', async () => {
    const backend = await connection()
    await backend.dispose()
    expect(await backend.call('status', [])).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
