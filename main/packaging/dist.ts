// `npm run dist`: the desktop packages for this OS. Builds the bundles, prepares the icons and
// samples, runs electron-builder (--publish never; extra arguments go to it, e.g. `-- --x64`),
// and always ends by putting cap back to the Node build the tests load (electron-builder's
// npmRebuild rebuilt it for Electron in place). Network is needed: Electron's zip, Electron's
// headers for cap, and the packaging tools (NSIS, fpm, AppImage…) are downloaded.
import { spawnSync } from 'node:child_process'
import { lookup } from 'node:dns/promises'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describeOutcome, ensureNativeAbi, runtimeAbi } from './native-abi'
import { readModuleAbi } from './native-module-abi'
import { rebuildEnvironment } from './native-rebuild'

const root = resolve(__dirname, '../..')

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n> ${command} ${args.join(' ')}`)
  return spawnSync(command, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0
}

/**
 * Every cap.node electron-builder packaged must be built for Electron. Seen here: with nodedir=/usr
 * in ~/.npmrc, electron-builder's own rebuild (npmRebuild) compiled cap offline against Node's
 * headers and reported success. Its environment is cleaned (rebuildEnvironment), and this checks.
 */
function packagedCapIsForElectron(): boolean {
  const dist = join(root, 'out/dist')
  const wanted = runtimeAbi('electron', root)
  const binaries = existsSync(dist) ? readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('cap.node')) : []
  let ok = true
  for (const file of binaries) {
    const abi = readModuleAbi(readFileSync(join(dist, file)))
    if (abi === undefined) console.warn(`cannot read the ABI of ${file} (no symbols): not checked`)
    else if (abi !== wanted) {
      console.error(`${file} is built for ABI ${abi}, Electron needs ${wanted}: is a nodedir set (npm config get nodedir)?`)
      ok = false
    }
  }
  return ok
}

async function online(): Promise<boolean> {
  try {
    await lookup('github.com')
    return true
  } catch {
    return false
  }
}

/**
 * @electron/rebuild (electron-builder's npmRebuild) skips a module whose build/Release/.forge-meta
 * names the wanted ABI, without reading the binary: after a rebuild that silently produced Node's
 * ABI (the nodedir trap), the marker said 150 over a cap.node built for 115. Removing it makes the
 * rebuild happen every time.
 */
function forgetRebuildMarker(): void {
  rmSync(join(root, 'node_modules/cap/build/Release/.forge-meta'), { force: true })
}

/** electron-vite, the icons and samples, electron-builder, and the packaged cap's ABI. */
function buildPackages(): boolean {
  if (!run('npx', ['electron-vite', 'build'])) return false
  if (!run('npx', ['tsx', 'main/packaging/prepare-resources.ts'])) return false
  forgetRebuildMarker()
  // Started with node itself, not npx: npx would hand it ~/.npmrc's nodedir again.
  const builderArgs = [join(root, 'node_modules/electron-builder/cli.js'), '--publish', 'never', ...process.argv.slice(2)]
  return run(process.execPath, builderArgs, rebuildEnvironment(process.env, 'electron')) && packagedCapIsForElectron()
}

/** cap back to the Node build the tests load (npm run native:check, in this process). */
async function restoreNodeBuild(): Promise<boolean> {
  const { text, failed } = describeOutcome(await ensureNativeAbi({ runtime: 'node', root }), 'node')
  console.log(`\nnative:check: ${text}`)
  return !failed
}

async function main(): Promise<void> {
  const built = buildPackages()
  const restored = await restoreNodeBuild()
  if (!built) {
    const hint = (await online())
      ? 'electron-builder\'s output above says why.'
      : 'This machine cannot reach github.com: npm run dist needs network access (Electron\'s zip, Electron\'s headers for cap, and the packaging tools are downloaded).'
    console.error(`\nnpm run dist failed. ${hint}`)
  } else console.log('\nPackages are in out/dist.')
  if (!restored) console.error('cap could not be put back to the Node build: run npm run native:check before npm test.')
  process.exitCode = built && restored ? 0 : 1
}

void main()
