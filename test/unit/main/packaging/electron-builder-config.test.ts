import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
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
      expect(install).toContain('tcplens-capture-rights.sh')
      expect(install).not.toMatch(/^\s*setcap/m)
      expect(existsSync(resolve(root, options['afterRemove'] as string))).toBe(true)
    }
  })

  describe('the deb/rpm scripts, run with every command they call replaced by a recorder', () => {
    it('should install: tcplens on the PATH, the sandbox helper, the MIME and desktop databases, and print the rights command', () => {
      const { calls, stdout } = runPackageScript('after-install.sh', [])
      expect(calls).toContain("update-alternatives --install /usr/bin/tcplens tcplens /opt/TCP Lens/tcplens 100")
      expect(calls).toContainEqual(expect.stringMatching(/^chmod (0755|4755) \/opt\/TCP Lens\/chrome-sandbox$/))
      expect(calls).toContain('update-mime-database /usr/share/mime')
      expect(calls).toContain('update-desktop-database /usr/share/applications')
      expect(calls.filter((call) => call.startsWith('setcap'))).toEqual([])
      expect(stdout).toContain("sudo '/opt/TCP Lens/resources/tcplens-capture-rights.sh' grant [--group tcplens]")
    })

    it('should remove the command and, only when the package is gone, the loader entry of the rights script', () => {
      const upgrade = runPackageScript('after-remove.sh', ['upgrade'])
      expect(upgrade.calls).toContain('update-alternatives --remove tcplens /opt/TCP Lens/tcplens')
      expect(upgrade.calls.filter((call) => call.startsWith('ldconfig'))).toEqual([])
      for (const removal of ['remove', 'purge', '0']) {
        const removed = runPackageScript('after-remove.sh', [removal], { loaderEntry: true })
        expect(removed.calls).toContain('rm -f /etc/ld.so.conf.d/tcplens.conf /usr/local/lib/tcplens/libffmpeg.so')
        expect(removed.calls).toContain('ldconfig')
      }
    })
  })
})

/**
 * Runs a deb/rpm script as electron-builder would write it (its macros filled in for TCP Lens),
 * with PATH holding only recorders for the commands it calls: nothing on this machine changes.
 */
function runPackageScript(name: string, args: string[], options: { loaderEntry?: boolean } = {}): { calls: string[]; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tcplens-pkg-script-'))
  try {
    const log = join(dir, 'calls.log')
    const bin = join(dir, 'bin')
    mkdirSync(bin)
    const commands = ['update-alternatives', 'ln', 'rm', 'rmdir', 'readlink', 'chmod', 'unshare', 'update-mime-database', 'update-desktop-database', 'apparmor_status', 'apparmor_parser', 'ldconfig', 'cp', 'setcap']
    for (const command of commands) {
      // apparmor_status fails: no AppArmor here, as on Debian by default.
      const status = command === 'apparmor_status' ? 1 : 0
      writeFileSync(join(bin, command), `#!/bin/bash\necho "${command} $*" >> '${log}'\nexit ${status}\n`, { mode: 0o755 })
    }
    const source = readFileSync(resolve(root, 'main/packaging/linux', name), 'utf8').replaceAll('${executable}', 'tcplens').replaceAll('${sanitizedProductName}', 'TCP Lens')
    // The loader entry exists or not as the test says: the script's [ -f ] reads the real file, so point it at ours.
    const script = source.replaceAll('/etc/ld.so.conf.d/tcplens.conf ]', `${options.loaderEntry ? log : join(dir, 'absent')} ]`)
    writeFileSync(join(dir, name), script)
    const result = spawnSync('/bin/bash', [join(dir, name), ...args], { env: { PATH: bin }, encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []
    return { calls, stdout: result.stdout }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
