import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The folder of the main bundle (out/main), where session-worker.js is. The bundler may put the
 * code that asks into out/main/chunks/, so the folder of the caller and its parent are tried.
 */
export function mainBundleDir(here: string = __dirname): string {
  return [here, dirname(here)].find((dir) => existsSync(join(dir, 'session-worker.js'))) ?? here
}

/** The session worker's script in the bundle. */
export function sessionWorkerPath(here: string = __dirname): string {
  return join(mainBundleDir(here), 'session-worker.js')
}
