// How `cap` is rebuilt for a runtime: node-gyp in node_modules/cap, for Electron with its version
// and headers named explicitly. The environment is cleaned first. THE TRAP: a global
// `nodedir` (~/.npmrc `nodedir=/usr`, which npm passes to scripts as npm_config_nodedir) makes
// node-gyp take Node's headers from there whatever --target says, so an "Electron" rebuild
// silently compiles for Node's ABI. native-abi.ts reads the ABI again after every rebuild.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

export type Runtime = 'node' | 'electron'

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'

export interface RebuildCommand {
  command: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
}

// Settings that would override what the command line asks for (npm passes .npmrc settings and
// electron-builder's own to children as npm_config_*; node-gyp reads them, in any letter case).
const OVERRIDES = ['npm_config_target', 'npm_config_runtime', 'npm_config_disturl', 'npm_config_dist_url', 'npm_config_arch', 'npm_config_target_arch']
// Where Node's headers are: right for a Node build (offline machines set it on purpose), the trap
// for an Electron one.
const NODEDIR = ['npm_config_nodedir', 'nodedir']

/** The environment for the rebuild: no target, runtime or headers URL from outside; for Electron no nodedir. */
export function rebuildEnvironment(env: NodeJS.ProcessEnv, runtime: Runtime): NodeJS.ProcessEnv {
  const dropped = new Set(runtime === 'electron' ? [...OVERRIDES, ...NODEDIR] : OVERRIDES)
  return Object.fromEntries(Object.entries(env).filter(([name]) => !dropped.has(name.toLowerCase())))
}

export interface RebuildTarget {
  runtime: Runtime
  /** Electron's version (node_modules/electron/package.json); unused for Node. */
  electronVersion?: string
  moduleDir: string
  arch?: string
}

export function rebuildCommand(target: RebuildTarget, env: NodeJS.ProcessEnv = process.env, nodeGyp = nodeGypScript()): RebuildCommand {
  const args = [nodeGyp, 'rebuild', `--arch=${target.arch ?? process.arch}`]
  if (target.runtime === 'electron') {
    if (!target.electronVersion) throw new Error('rebuilding for Electron needs its version (is the electron package installed?)')
    args.push('--runtime=electron', `--target=${target.electronVersion}`, `--dist-url=${ELECTRON_HEADERS_URL}`)
  } else {
    // This Node's headers: from nodedir when one is set, else node-gyp's cache or a download.
    args.push(`--target=${process.versions.node}`)
  }
  return { command: process.execPath, args, cwd: target.moduleDir, env: rebuildEnvironment(env, target.runtime) }
}

function nodeGypScript(): string {
  return createRequire(__filename).resolve('node-gyp/bin/node-gyp.js')
}

export interface RebuildResult {
  ok: boolean
  /** What node-gyp printed (it is also shown as it runs). */
  output: string
}

export type RunRebuild = (command: RebuildCommand) => Promise<RebuildResult>

/** Runs the rebuild, showing node-gyp's output as it comes and keeping it for the diagnosis. */
export const runRebuild: RunRebuild = (command) =>
  new Promise((resolve) => {
    const child = spawn(command.command, command.args, { cwd: command.cwd, env: command.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer, to: NodeJS.WriteStream) => {
      output += chunk.toString()
      to.write(chunk)
    }
    child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout))
    child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr))
    child.on('error', (error) => resolve({ ok: false, output: output + error.message }))
    child.on('close', (code) => resolve({ ok: code === 0, output }))
  })

const NO_NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up/i

/** node-gyp could not download headers. */
export function failedForNetwork(output: string): boolean {
  return NO_NETWORK.test(output)
}
