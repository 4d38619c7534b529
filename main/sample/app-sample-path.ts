// Where the Electron app finds its sample capture: the packaged app ships it as an extra resource
// (resources/samples/, electron-builder.yml), read in place; in development, or if that file is
// missing, it is written into the user data folder as before (sample-file.ts).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app } from 'electron'
import { SAMPLE_FILE_NAME } from './sample-capture'
import { sampleCapturePath } from './sample-file'

/** The shipped sample's path, when this is the packaged app and the file is there. */
export function packagedSamplePath(): string | undefined {
  if (!app.isPackaged) return undefined
  const path = join(process.resourcesPath, 'samples', SAMPLE_FILE_NAME)
  return existsSync(path) ? path : undefined
}

export function appSampleCapturePath(): Promise<string> {
  const shipped = packagedSamplePath()
  return shipped ? Promise.resolve(shipped) : sampleCapturePath(app.getPath('userData'))
}
