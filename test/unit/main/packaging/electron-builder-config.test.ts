import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'

// electron-builder cannot package here (no Electron binary, no network), but its own schema
// check runs offline: a typo in electron-builder.yml fails this test, not a release.
const root = resolve(__dirname, '../../../../')
const config = load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>

interface Target {
  target: string
  arch: string[]
}
interface FileAssociation {
  ext: string
  mimeType?: string
  role?: string
}
const platform = (name: string) => config[name] as Record<string, unknown>
const targets = (name: string) => platform(name)['target'] as Target[]
const archsOf = (name: string) => Object.fromEntries(targets(name).map((t) => [t.target, t.arch]))
const associations = (name?: string) => [...(config['fileAssociations'] as FileAssociation[]), ...((name ? platform(name)['fileAssociations'] : []) as FileAssociation[])]

describe('electron-builder.yml', () => {
  it('should pass electron-builder\'s own configuration schema', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config')
    const debug = { isEnabled: false, add: () => undefined, save: async () => undefined }
    await expect(validateConfiguration(config as never, debug as never)).resolves.toBeUndefined()
  })

  it('should package only the built bundles, and keep the native capture module and the worker out of the asar', () => {
    expect(config['files']).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']))
    expect(config['files']).not.toContain('out/**')
    expect(config['asarUnpack']).toEqual(expect.arrayContaining(['node_modules/cap/**', 'out/main/**']))
    expect(config['npmRebuild']).toBe(true)
  })

  it('should build NSIS and portable for Windows, x64 and arm64', () => {
    expect(archsOf('win')).toEqual({ nsis: ['x64', 'arm64'], portable: ['x64', 'arm64'] })
  })

  it('should build dmg and zip for macOS, x64 and arm64, with the hardened runtime and an entitlements file that exists', () => {
    expect(archsOf('mac')).toEqual({ dmg: ['x64', 'arm64'], zip: ['x64', 'arm64'] })
    expect(platform('mac')['hardenedRuntime']).toBe(true)
    const entitlements = platform('mac')['entitlements'] as string
    expect(existsSync(resolve(root, entitlements))).toBe(true)
    const plist = readFileSync(resolve(root, entitlements), 'utf8')
    for (const key of ['allow-jit', 'allow-unsigned-executable-memory', 'disable-library-validation']) expect(plist).toContain(`com.apple.security.cs.${key}`)
  })

  it('should build AppImage, deb and rpm for Linux, x64 and arm64, as tcplens in Education', () => {
    expect(archsOf('linux')).toEqual({ AppImage: ['x64', 'arm64'], deb: ['x64', 'arm64'], rpm: ['x64', 'arm64'] })
    expect(platform('linux')['executableName']).toBe('tcplens')
    expect(platform('linux')['category']).toBe('Education')
  })

  it('should open .pcap, .cap and .pcapng everywhere, and .pcap.gz where the OS matches two-part extensions', () => {
    expect(associations().map((a) => a.ext)).toEqual(['pcap', 'cap', 'pcapng'])
    expect(associations('linux').map((a) => a.ext)).toContain('pcap.gz')
    expect(associations('mac').map((a) => a.ext)).toContain('pcap.gz')
    expect(associations('linux').every((a) => a.role === 'Viewer' && a.mimeType)).toBe(true)
    expect(new Set(associations('linux').map((a) => a.mimeType))).toEqual(new Set(['application/vnd.tcpdump.pcap', 'application/x-pcapng']))
  })

  it('should ship the sample captures and the Linux capture-rights script as extra resources', () => {
    expect(config['extraResources']).toContainEqual({ from: 'out/samples', to: 'samples' })
    const linuxResources = platform('linux')['extraResources'] as Array<{ from: string; to: string }>
    expect(linuxResources).toContainEqual({ from: 'main/packaging/linux/tcplens-capture-rights.sh', to: 'tcplens-capture-rights.sh' })
    expect(existsSync(resolve(root, linuxResources[0]!.from))).toBe(true)
  })

  it('should use our deb/rpm install scripts, which keep electron-builder\'s work and grant no capture rights', () => {
    for (const target of ['deb', 'rpm']) {
      const options = platform(target)
      const install = readFileSync(resolve(root, options['afterInstall'] as string), 'utf8')
      expect(install).toContain("update-alternatives --install '/usr/bin/${executable}'")
      expect(install).toContain('chrome-sandbox')
      expect(install).toContain('tcplens-capture-rights.sh')
      expect(install).not.toMatch(/^\s*setcap/m)
      expect(existsSync(resolve(root, options['afterRemove'] as string))).toBe(true)
    }
  })
})
