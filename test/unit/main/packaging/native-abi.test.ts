import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { describeOutcome, ensureNativeAbi, runtimeAbi } from '../../../../main/packaging/native-abi'
import { ELECTRON_HEADERS_URL, failedForNetwork, rebuildCommand, rebuildEnvironment, type RebuildCommand } from '../../../../main/packaging/native-rebuild'

const root = resolve(__dirname, '../../../../')
const NODE_ABI = Number(process.versions.modules)
const ELECTRON_ABI = runtimeAbi('electron', root)!

/** cap.node's ABI as read before and after a rebuild. */
function builtSequence(...abis: Array<number | undefined | null>): () => number | undefined | null {
  let read = 0
  return () => abis[Math.min(read++, abis.length - 1)]
}

describe('packaging/native-abi: the runtime ABIs', () => {
  it('should take Node\'s from process.versions.modules and Electron\'s from node_modules/electron/abi_version', () => {
    expect(runtimeAbi('node', root)).toBe(NODE_ABI)
    expect(ELECTRON_ABI).toBe(150)
  })
})

describe('packaging/native-abi: ensureNativeAbi', () => {
  it('should do nothing when cap.node is built for the runtime', async () => {
    const rebuild = vi.fn()
    await expect(ensureNativeAbi({ runtime: 'node', root, installed: () => true, readBuilt: () => NODE_ABI, rebuild })).resolves.toEqual({ kind: 'match', abi: NODE_ABI })
    expect(rebuild).not.toHaveBeenCalled()
  })

  it('should say cap is not installed, and not fail, when npm left it out (no libpcap)', async () => {
    const rebuild = vi.fn()
    const outcome = await ensureNativeAbi({ runtime: 'node', root, installed: () => false, readBuilt: () => null, rebuild })
    expect(outcome).toEqual({ kind: 'not-installed' })
    expect(describeOutcome(outcome, 'node')).toMatchObject({ failed: false, text: expect.stringContaining('opening files needs no cap') })
    expect(rebuild).not.toHaveBeenCalled()
  })

  it('should rebuild for Node after a dist left it built for Electron, then read the ABI again', async () => {
    const rebuild = vi.fn(async () => ({ ok: true, output: '' }))
    const outcome = await ensureNativeAbi({ runtime: 'node', root, installed: () => true, readBuilt: builtSequence(ELECTRON_ABI, NODE_ABI), rebuild })
    expect(outcome).toEqual({ kind: 'rebuilt', from: ELECTRON_ABI, abi: NODE_ABI })
    expect(rebuild).toHaveBeenCalledOnce()
  })

  it('should build cap again when its cap.node is missing (a rebuild stopped half-way)', async () => {
    const rebuild = vi.fn(async () => ({ ok: true, output: '' }))
    const outcome = await ensureNativeAbi({ runtime: 'node', root, installed: () => true, readBuilt: builtSequence(null, NODE_ABI), rebuild })
    expect(outcome).toEqual({ kind: 'rebuilt', from: undefined, abi: NODE_ABI })
    expect(rebuild).toHaveBeenCalledOnce()
  })

  it('should only report a mismatch with --check-only', async () => {
    const rebuild = vi.fn()
    const outcome = await ensureNativeAbi({ runtime: 'electron', root, installed: () => true, checkOnly: true, readBuilt: () => NODE_ABI, rebuild })
    expect(outcome).toEqual({ kind: 'mismatch', built: NODE_ABI, wanted: ELECTRON_ABI })
    expect(describeOutcome(outcome, 'electron').failed).toBe(true)
    expect(rebuild).not.toHaveBeenCalled()
  })

  it('should fail loudly, naming the nodedir trap, when an "Electron" rebuild still gives Node\'s ABI', async () => {
    const outcome = await ensureNativeAbi({ runtime: 'electron', root, installed: () => true, readBuilt: builtSequence(NODE_ABI, NODE_ABI), rebuild: async () => ({ ok: true, output: '' }) })
    expect(outcome).toEqual({ kind: 'still-wrong', built: NODE_ABI, wanted: ELECTRON_ABI })
    expect(describeOutcome(outcome, 'electron')).toMatchObject({ failed: true, text: expect.stringContaining('nodedir') })
  })

  it('should say when a rebuild failed for lack of network', async () => {
    const outcome = await ensureNativeAbi({ runtime: 'electron', root, installed: () => true, readBuilt: () => NODE_ABI, rebuild: async () => ({ ok: false, output: 'gyp ERR! stack Error: getaddrinfo ENOTFOUND electronjs.org' }) })
    expect(outcome).toEqual({ kind: 'rebuild-failed', network: true })
    expect(describeOutcome(outcome, 'electron').text).toContain('no network')
  })

  it('should hand the rebuild an Electron command with no nodedir in its environment', async () => {
    let command: RebuildCommand | undefined
    const env = { PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_target: '20.0.0' }
    await ensureNativeAbi({ runtime: 'electron', root, installed: () => true, env, readBuilt: builtSequence(NODE_ABI, ELECTRON_ABI), rebuild: async (c) => ((command = c), { ok: true, output: '' }) })
    expect(command?.env).toEqual({ PATH: '/usr/bin' })
    expect(command?.args).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', `--dist-url=${ELECTRON_HEADERS_URL}`, expect.stringMatching(/^--target=45\./)]))
    expect(command?.cwd).toBe(resolve(root, 'node_modules/cap'))
  })
})

describe('packaging/native-rebuild: the rebuild command', () => {
  it('should keep a nodedir for a Node rebuild (Node\'s own headers), and drop outside targets', () => {
    expect(rebuildEnvironment({ npm_config_nodedir: '/usr', npm_config_runtime: 'electron', HOME: '/root' }, 'node')).toEqual({ npm_config_nodedir: '/usr', HOME: '/root' })
  })

  it('should target this Node for a Node rebuild', () => {
    const command = rebuildCommand({ runtime: 'node', moduleDir: '/m' }, {}, 'node-gyp.js')
    expect(command.args).toEqual(['node-gyp.js', 'rebuild', `--arch=${process.arch}`, `--target=${process.versions.node}`])
  })

  it('should refuse an Electron rebuild without Electron\'s version', () => {
    expect(() => rebuildCommand({ runtime: 'electron', moduleDir: '/m' }, {}, 'node-gyp.js')).toThrow(/version/)
  })

  it('should tell a network failure from a compile error', () => {
    expect(failedForNetwork('gyp http GET https://electronjs.org/headers … getaddrinfo EAI_AGAIN')).toBe(true)
    expect(failedForNetwork("fatal error: pcap/pcap.h: No such file or directory")).toBe(false)
  })
})
