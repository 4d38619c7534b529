import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'

// electron-builder cannot package here (no Electron binary, no network), but its own schema
// check runs offline: a typo in electron-builder.yml fails this test, not a release.
const config = load(readFileSync(resolve(__dirname, '../../../../electron-builder.yml'), 'utf8')) as Record<string, unknown>

describe('electron-builder.yml', () => {
  it('should pass electron-builder\'s own configuration schema', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config')
    const debug = { isEnabled: false, add: () => undefined, save: async () => undefined }
    await expect(validateConfiguration(config as never, debug as never)).resolves.toBeUndefined()
  })

  it('should package the built app and keep the native capture module out of the asar', () => {
    expect(config['files']).toContain('out/**')
    expect(config['asarUnpack']).toContain('node_modules/cap/**')
  })

  it('should build for Windows, macOS and Linux', () => {
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['win', 'mac', 'linux']))
  })
})
