import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, parse } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sharedFoldersPolicy } from '../../../../main/api/path-policy'
import { ApiFailure } from '../../../../main/api/port'
import { createServerFiles, folderFailure, listDirectory, MAX_SAFE_NAME_BYTES, safeFileName } from '../../../../main/server/files'

let base: string
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tcplens-files-'))
  mkdirSync(join(base, 'b-folder'))
  mkdirSync(join(base, 'A-folder'))
  writeFileSync(join(base, 'notes.txt'), 'hello')
  writeFileSync(join(base, 'handshake.pcapng'), Buffer.alloc(28))
  writeFileSync(join(base, 'old.PCAP'), Buffer.alloc(24))
  writeFileSync(join(base, 'trace.cap'), Buffer.alloc(24))
  writeFileSync(join(base, 'big.pcap.gz'), Buffer.alloc(10))
  writeFileSync(join(base, 'file10.pcap'), '')
  writeFileSync(join(base, 'file9.pcap'), '')
  if (process.platform !== 'win32') symlinkSync(join(base, 'missing'), join(base, 'broken-link'))
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiFailure)
  return error as ApiFailure
}

describe('server/files: listDirectory', () => {
  it('should list folders first, then files, each in natural name order', async () => {
    const listing = await listDirectory(base)
    expect(listing.path).toBe(base)
    expect(listing.parent).toBe(dirname(base))
    expect(listing.entries.map((e) => e.name)).toEqual(['A-folder', 'b-folder', 'big.pcap.gz', 'file9.pcap', 'file10.pcap', 'handshake.pcapng', 'notes.txt', 'old.PCAP', 'trace.cap'])
  })

  it('should give each entry its kind, full path, size and whether it looks like a capture', async () => {
    const entries = new Map((await listDirectory(base)).entries.map((e) => [e.name, e]))
    expect(entries.get('A-folder')).toEqual({ name: 'A-folder', path: join(base, 'A-folder'), kind: 'dir', size: 0, capture: false })
    expect(entries.get('handshake.pcapng')).toEqual({ name: 'handshake.pcapng', path: join(base, 'handshake.pcapng'), kind: 'file', size: 28, capture: true })
    expect(entries.get('notes.txt')?.capture).toBe(false)
    expect(entries.get('old.PCAP')?.capture).toBe(true)
    expect(entries.get('big.pcap.gz')?.capture).toBe(true)
    expect(entries.has('broken-link')).toBe(false)
  })

  it('should have no parent at the root', async () => {
    const root = parse(base).root
    expect((await listDirectory(root)).parent).toBeNull()
  })

  it('should answer readable errors: not-found, not a folder', async () => {
    const missing = await failureOf(listDirectory(join(base, 'nowhere')))
    expect(missing.code).toBe('not-found')
    expect(missing.message).toBe(`No such folder: ${join(base, 'nowhere')}`)
    const file = await failureOf(listDirectory(join(base, 'notes.txt')))
    expect(file.code).toBe('bad-argument')
    expect(file.message).toMatch(/Not a folder/)
  })

  it('should say when a folder may not be read, or fails otherwise', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: oops`), { code })
    expect(folderFailure(errno('EACCES'), '/x')).toMatchObject({ code: 'io', message: 'Permission denied: /x' })
    expect(folderFailure(errno('EPERM'), '/x')).toMatchObject({ code: 'io', message: 'Permission denied: /x' })
    expect(folderFailure(errno('EIO'), '/x')).toMatchObject({ code: 'io', message: 'Cannot read the folder /x: EIO: oops' })
  })
})

describe('server/files: the start folder', () => {
  it('should list the start folder by default, and resolve relative paths against it', async () => {
    const files = createServerFiles({ startDir: base })
    expect((await files.listDirectory()).path).toBe(base)
    expect((await files.listDirectory('')).path).toBe(base)
    expect((await files.listDirectory('A-folder')).path).toBe(join(base, 'A-folder'))
    expect((await files.listDirectory(join(base, 'b-folder'))).path).toBe(join(base, 'b-folder'))
  })

  it('should list only inside the shared folders, and offer no way up out of them', async () => {
    const shared = sharedFoldersPolicy([join(base, 'A-folder')])
    const files = createServerFiles({ startDir: join(base, 'A-folder'), shared })
    expect(await files.listDirectory()).toMatchObject({ path: join(base, 'A-folder'), parent: null })
    for (const path of [base, '..', join(base, 'b-folder'), '/etc']) {
      const failure = await failureOf(files.listDirectory(path))
      expect(failure.code).toBe('forbidden')
      expect(failure.message).toContain('--root')
    }
    const wider = createServerFiles({ startDir: join(base, 'A-folder'), shared: sharedFoldersPolicy([base]) })
    expect((await wider.listDirectory()).parent).toBe(base)
  })
})

describe('server/files: names', () => {
  /** Each dropped name and the safe name it becomes. */
  const expectSafeNames = (cases: ReadonlyArray<[given: string, safe: string]>) => {
    for (const [given, safe] of cases) expect(safeFileName(given), JSON.stringify(given)).toBe(safe)
  }

  it('should make a dropped name safe: no folders, no control characters, no leading dots', () => {
    expectSafeNames([
      ['handshake.pcapng', 'handshake.pcapng'],
      ['../../etc/passwd', 'passwd'],
      ['C:\\Users\\me\\trace.pcap', 'trace.pcap'],
      ['.bashrc', 'bashrc'],
      ['a\u0000b\nc.pcap', 'a_b_c.pcap'],
      ['握手.pcapng', '握手.pcapng'],
      ['..', 'upload.pcapng'],
      ['', 'upload.pcapng'],
    ])
    const long = safeFileName(`${'x'.repeat(500)}.pcapng`)
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(MAX_SAFE_NAME_BYTES)
    expect(long.endsWith('.pcapng')).toBe(true)
  })

  it('should keep a long name within what a file system stores (255 bytes), in whole characters', () => {
    for (const name of [`${'握'.repeat(200)}.pcapng`, `${'😀'.repeat(100)}.pcap`]) {
      const safe = safeFileName(name)
      expect(Buffer.byteLength(safe), name).toBeLessThanOrEqual(MAX_SAFE_NAME_BYTES)
      expect(safe).toBe(name.slice(name.length - safe.length))
      expect(Buffer.from(safe).toString(), 'no half of a character').toBe(safe)
    }
  })

  it('should not name a Windows device (CON, NUL, COM1 …), nor end in a dot or a space', () => {
    expectSafeNames([
      ['CON', '_CON'],
      ['nul.pcap', '_nul.pcap'],
      ['Com1.pcap.gz', '_Com1.pcap.gz'],
      ['lpt9 .pcap', '_lpt9 .pcap'],
      ['console.pcap', 'console.pcap'],
      ['trace.pcap. . ', 'trace.pcap'],
      [`${'x'.repeat(300)}. ${'y'.repeat(MAX_SAFE_NAME_BYTES - 7)}.pcap`, `${'y'.repeat(MAX_SAFE_NAME_BYTES - 7)}.pcap`],
    ])
  })
})

describe('server/files: upload', () => {
  it('should write the bytes to a private folder under the sanitized name and answer the path', async () => {
    const files = createServerFiles({ startDir: base })
    const bytes = Buffer.from([0x0a, 0x0d, 0x0d, 0x0a, 1, 2, 3])
    const path = await files.upload('../trace.pcapng', bytes)
    expect(parse(path).base).toBe('trace.pcapng')
    expect(readFileSync(path)).toEqual(bytes)
    const folder = dirname(dirname(path))
    expect(folder.startsWith(tmpdir())).toBe(true)
    if (process.platform !== 'win32') {
      expect(statSync(folder).mode & 0o777).toBe(0o700)
      expect(statSync(path).mode & 0o777).toBe(0o600)
    }
    await files.dispose()
  })

  it('should store a long Chinese name', async () => {
    const files = createServerFiles({ startDir: base })
    const path = await files.upload(`${'三次握手'.repeat(30)}.pcapng`, Buffer.from('bytes'))
    expect(readFileSync(path, 'utf8')).toBe('bytes')
    expect(parse(path).base.endsWith('三次握手.pcapng')).toBe(true)
    await files.dispose()
  })

  it('should keep two uploads of the same name apart', async () => {
    const files = createServerFiles({ startDir: base })
    const a = await files.upload('same.pcap', Buffer.from('one'))
    const b = await files.upload('same.pcap', Buffer.from('two'))
    expect(a).not.toBe(b)
    expect(readFileSync(a, 'utf8')).toBe('one')
    expect(readFileSync(b, 'utf8')).toBe('two')
    await files.dispose()
  })

  it('should remove every upload on dispose', async () => {
    const files = createServerFiles({ startDir: base })
    const path = await files.upload('gone.pcap', Buffer.from('bytes'))
    await files.dispose()
    expect(existsSync(path)).toBe(false)
    expect(existsSync(dirname(dirname(path)))).toBe(false)
  })

  it('should refuse an empty file', async () => {
    const files = createServerFiles({ startDir: base })
    const empty = await failureOf(files.upload('a.pcap', new Uint8Array()))
    expect(empty.code).toBe('bad-argument')
    expect(empty.message).toBe('The file a.pcap is empty.')
    await files.dispose()
  })
})
