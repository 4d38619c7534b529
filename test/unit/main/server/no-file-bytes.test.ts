// Browser mode lets the page open any file the server's user can read (the page's own Open
// dialog browses the server's folders; the token is the gate). What it must never do is hand a
// file's bytes to the page unless the file is a capture it opened: a file that is not a capture
// is refused without echoing its contents, a folder listing carries names and sizes only, and
// nothing else (follow stream, packet bytes, save) reaches a file that was not opened.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BackendPort } from '../../../../main/api/port'
import { createBrowserBackend } from '../../../../main/server/browser-backend'
import { createServerFiles } from '../../../../main/server/files'
import { SessionHost } from '../../../../main/session/session-host'
import { SettingsStore } from '../../../../main/settings/store'
import { sharedFoldersPolicy } from '../../../../main/api/path-policy'

/** Words that must never come back to the page. */
const SECRET = 'TOP-SECRET-7f3a9c: the exam answers'

let folder: string
let backend: BackendPort

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'tcplens-no-bytes-'))
  mkdirSync(join(folder, 'private'))
  writeFileSync(join(folder, 'private', 'answers.txt'), `${SECRET}\n`.repeat(50))
  // Starts like a pcapng Section Header Block, then the secret: damaged at once.
  writeFileSync(join(folder, 'private', 'fake.pcapng'), Buffer.concat([Buffer.from([0x0a, 0x0d, 0x0d, 0x0a]), Buffer.from(SECRET)]))
  writeFileSync(join(folder, 'private', 'answers.pcap'), SECRET)
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

beforeEach(async () => {
  const settings = await SettingsStore.open(mkdtempSync(join(folder, 'settings-')))
  backend = createBrowserBackend({
    files: createServerFiles({ startDir: folder }),
    settings,
    paths: sharedFoldersPolicy([folder]),
    createSessions: () => new SessionHost({ workerPath: resolve(__dirname, '../../../../main/session/worker.ts'), execArgv: ['--require', 'tsx/cjs'] }),
  })
})
afterEach(() => backend.dispose())

/** Every answer, whole, as the page would receive it. */
async function answer(method: string, ...args: unknown[]): Promise<string> {
  return JSON.stringify(await backend.call(method, args))
}

/** Opens and waits for the capture to settle (loaded or failed), answering every word the page got. */
async function openAndSettle(path: string): Promise<string> {
  const words = [await answer('open', { kind: 'path', path })]
  for (let i = 0; i < 100; i++) {
    const status = await answer('status')
    words.push(status)
    if (!status.includes('"state":"loading"')) break
    await new Promise((done) => setTimeout(done, 20))
  }
  return words.join('\n')
}

describe('server: no bytes of a file that is not an opened capture reach the page', () => {
  for (const name of ['answers.txt', 'fake.pcapng', 'answers.pcap']) {
    it(`should refuse ${name} without echoing any of it`, async () => {
      const words = await openAndSettle(join(folder, 'private', name))
      expect(words).not.toContain('TOP-SECRET')
      expect(words).not.toContain('exam answers')
      expect(await answer('rows', 0, 10)).not.toContain('TOP-SECRET')
      expect(await answer('packet', 1)).not.toContain('TOP-SECRET')
      expect(await answer('followStream', 0)).not.toContain('TOP-SECRET')
    })
  }

  it('should refuse a folder and a missing file with their names only', async () => {
    expect(await openAndSettle(join(folder, 'private'))).not.toContain('TOP-SECRET')
    expect(await answer('open', { kind: 'path', path: join(folder, 'missing.pcap') })).toMatch(/"ok":false/)
  })

  it('should list a folder as names, kinds and sizes, never contents', async () => {
    const listing = await backend.call('listDirectory', [join(folder, 'private')])
    expect(listing).toMatchObject({ ok: true })
    const entries = (listing as { value: { entries: object[] } }).value.entries
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(['capture', 'kind', 'name', 'path', 'size'])
    expect(JSON.stringify(listing)).not.toContain('TOP-SECRET')
    // A file given as a folder is refused, not read.
    expect(await answer('listDirectory', join(folder, 'private', 'answers.txt'))).not.toContain('TOP-SECRET')
  })

  it('should give no packet, stream or save when nothing is open', async () => {
    for (const [method, args] of [['packet', [1]], ['followStream', [0]], ['rows', [0, 10]], ['connections', []]] as const) {
      expect(await backend.call(method, [...args]), method).toMatchObject({ ok: false, error: { code: 'no-capture' } })
    }
    const target = join(folder, 'written.pcapng')
    expect(await backend.call('saveCapture', [{ kind: 'path', path: target, displayed: false }])).toMatchObject({ ok: false })
    expect(existsSync(target)).toBe(false)
  })
})
