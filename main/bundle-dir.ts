import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The folder of the main bundle (out/main), where session-worker.js is. The bundler may put the
 * code that asks into out/main/chunks/, so the folder of the caller and its parent are tried.
 */
export function mainBundleDir(here: string = __dirname): string {
  return [here, dirname(here)].find((dir) => existsSync(join(dir, 'session-worker.js'))) ?? here
}

/**
 * The session worker's script in the bundle. In a packaged app the bundle is inside app.asar,
 * which a worker thread cannot start from: electron-builder.yml unpacks out/main/ next to it,
 * into app.asar.unpacked, and the worker is started from there.
 */
export function sessionWorkerPath(here: string = __dirname): string {
  return unpackedPath(join(mainBundleDir(here), 'session-worker.js'))
}

/** `…/app.asar/…` → `…/app.asar.unpacked/…` (any other path as it is). */
export function unpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
}
