// Is node_modules/cap built for the runtime that will load it? `npm test` asks for Node first
// (native:check), since `npm run dist` leaves it built for Electron (electron-builder's npmRebuild
// rebuilds it in place). When the ABI differs it rebuilds, then reads the ABI again and fails
// loudly if it is still wrong (see the nodedir trap in native-rebuild.ts).
//
//   tsx main/packaging/native-abi.ts --runtime node|electron [--check-only]
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { readModuleAbi } from './native-module-abi'
import { failedForNetwork, rebuildCommand, runRebuild, type RunRebuild, type Runtime } from './native-rebuild'

export const CAP_BINARY = 'node_modules/cap/build/Release/cap.node'

/** The ABI a runtime loads: Node's own, or Electron's (its abi_version file, else node-abi). */
export function runtimeAbi(runtime: Runtime, root: string): number | undefined {
  if (runtime === 'node') return Number(process.versions.modules)
  const file = join(root, 'node_modules/electron/abi_version')
  if (existsSync(file)) return Number(readFileSync(file, 'utf8').trim())
  const version = electronVersion(root)
  if (!version) return undefined
  try {
    const nodeAbi = createRequire(join(root, 'package.json'))('node-abi') as { getAbi(target: string, runtime: string): string }
    return Number(nodeAbi.getAbi(version, 'electron'))
  } catch {
    return undefined
  }
}

export function electronVersion(root: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version
  } catch {
    return undefined
  }
}

/** The ABI cap.node was built for; undefined when it cannot be read; null when there is no cap.node. */
export function builtAbi(root: string): number | undefined | null {
  const file = join(root, CAP_BINARY)
  if (!existsSync(file)) return null
  return readModuleAbi(readFileSync(file))
}

export type NativeOutcome =
  | { kind: 'not-installed' }
  | { kind: 'match'; abi: number }
  | { kind: 'rebuilt'; from: number | undefined; abi: number }
  | { kind: 'mismatch'; built: number | undefined; wanted: number }
  | { kind: 'rebuild-failed'; network: boolean }
  | { kind: 'still-wrong'; built: number | undefined; wanted: number }
  | { kind: 'unknown-runtime'; runtime: Runtime }

export interface NativeCheckOptions {
  runtime: Runtime
  root: string
  checkOnly?: boolean
  rebuild?: RunRebuild
  /** The ABI of cap.node (default: read from node_modules); injected by tests. */
  readBuilt?: () => number | undefined | null
  /** node_modules/cap is there (default: its package.json exists); injected by tests. */
  installed?: () => boolean
  env?: NodeJS.ProcessEnv
}

export async function ensureNativeAbi(options: NativeCheckOptions): Promise<NativeOutcome> {
  const { runtime, root } = options
  const readBuilt = options.readBuilt ?? (() => builtAbi(root))
  const installed = options.installed ?? (() => existsSync(join(root, 'node_modules/cap/package.json')))
  // Without libpcap at install time npm drops the optional cap; opening files needs no cap.
  if (!installed()) return { kind: 'not-installed' }
  // cap without cap.node: a rebuild that stopped half-way (node-gyp rebuild cleans first) is built again.
  const built = readBuilt() ?? undefined
  const wanted = runtimeAbi(runtime, root)
  if (wanted === undefined) return { kind: 'unknown-runtime', runtime }
  if (built === wanted) return { kind: 'match', abi: built }
  if (options.checkOnly) return { kind: 'mismatch', built, wanted }
  const command = rebuildCommand({ runtime, electronVersion: electronVersion(root), moduleDir: join(root, 'node_modules/cap') }, options.env ?? process.env)
  const result = await (options.rebuild ?? runRebuild)(command)
  if (!result.ok) return { kind: 'rebuild-failed', network: failedForNetwork(result.output) }
  const after = readBuilt()
  if (after !== wanted) return { kind: 'still-wrong', built: after ?? undefined, wanted }
  return { kind: 'rebuilt', from: built, abi: after }
}

const abiText = (abi: number | undefined) => (abi === undefined ? 'an ABI it does not show (not built, stripped, or an unknown format)' : `ABI ${abi}`)

/** What the CLI says, and whether that is a failure. */
export function describeOutcome(outcome: NativeOutcome, runtime: Runtime): { text: string; failed: boolean } {
  switch (outcome.kind) {
    case 'not-installed':
      return { text: 'cap is not installed (libpcap was probably not there at npm install). Live capture is off; opening files needs no cap.', failed: false }
    case 'match':
      return { text: `cap is built for ${runtime} (ABI ${outcome.abi}).`, failed: false }
    case 'rebuilt':
      return { text: outcome.from === undefined ? `cap was built for ${runtime} (ABI ${outcome.abi}).` : `cap was rebuilt for ${runtime}: ABI ${outcome.from} → ABI ${outcome.abi}.`, failed: false }
    case 'mismatch':
      return { text: `cap is built for ${abiText(outcome.built)}, ${runtime} needs ABI ${outcome.wanted}. Run: tsx main/packaging/native-abi.ts --runtime ${runtime}`, failed: true }
    case 'rebuild-failed':
      return {
        text: outcome.network
          ? `Rebuilding cap for ${runtime} failed: node-gyp could not download headers (no network?).`
          : `Rebuilding cap for ${runtime} failed (node-gyp's output is above; libpcap-dev and a C++ toolchain are needed).`,
        failed: true,
      }
    case 'still-wrong':
      return {
        text:
          `cap was rebuilt for ${runtime} but is built for ${abiText(outcome.built)}, not ABI ${outcome.wanted}. ` +
          'A global nodedir setting (npm config get nodedir; ~/.npmrc nodedir=…) makes node-gyp use Node\'s headers whatever the target: remove it, or run this script, which clears it for Electron.',
        failed: true,
      }
    case 'unknown-runtime':
      return { text: `The ABI of ${runtime} is unknown (is the electron package installed?).`, failed: true }
  }
}

function parseArguments(argv: readonly string[]): { runtime: Runtime; checkOnly: boolean } {
  const at = argv.indexOf('--runtime')
  const runtime = at >= 0 ? argv[at + 1] : 'node'
  if (runtime !== 'node' && runtime !== 'electron') throw new Error('usage: native-abi.ts --runtime node|electron [--check-only]')
  return { runtime, checkOnly: argv.includes('--check-only') }
}

async function main(): Promise<void> {
  const { runtime, checkOnly } = parseArguments(process.argv.slice(2))
  const outcome = await ensureNativeAbi({ runtime, checkOnly, root: resolve(__dirname, '../..') })
  const { text, failed } = describeOutcome(outcome, runtime)
  ;(failed ? console.error : console.log)(`native:check: ${text}`)
  if (failed) process.exitCode = 1
}

if (require.main === module) void main()
