import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mainBundleDir, sessionWorkerPath, unpackedPath } from '../../../main/bundle-dir'

describe('bundle-dir', () => {
  it('should find the session worker next to the bundle, also from a chunk folder', () => {
    const main = mkdtempSync(join(tmpdir(), 'tcplens-bundle-'))
    mkdirSync(join(main, 'chunks'))
    writeFileSync(join(main, 'session-worker.js'), '')
    expect(mainBundleDir(main)).toBe(main)
    expect(mainBundleDir(join(main, 'chunks'))).toBe(main)
    expect(sessionWorkerPath(join(main, 'chunks'))).toBe(join(main, 'session-worker.js'))
  })

  it('should start the worker from app.asar.unpacked in a packaged app', () => {
    expect(unpackedPath('/opt/TCP Lens/resources/app.asar/out/main/session-worker.js')).toBe('/opt/TCP Lens/resources/app.asar.unpacked/out/main/session-worker.js')
    expect(unpackedPath('C:\\TCP Lens\\resources\\app.asar\\out\\main\\session-worker.js')).toBe('C:\\TCP Lens\\resources\\app.asar.unpacked\\out\\main\\session-worker.js')
    expect(unpackedPath('/work/main/out/main/session-worker.js')).toBe('/work/main/out/main/session-worker.js')
  })
})
