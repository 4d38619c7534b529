// The bundled sample on disk: written once into a folder (the user data folder in Electron, the
// temporary folder otherwise) and rewritten only when its bytes change (a newer TCP Lens).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSampleCapture, SAMPLE_FILE_NAME } from './sample-capture'

/** One write per folder for the life of the process. */
const written = new Map<string, Promise<string>>()

async function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(await readFile(path)).equals(bytes)
  } catch {
    return false
  }
}

/** Writes the sample into `folder` unless the same bytes are already there; answers its path. */
export async function writeSampleCapture(folder: string): Promise<string> {
  const path = join(folder, SAMPLE_FILE_NAME)
  const bytes = buildSampleCapture()
  if (await sameBytes(path, bytes)) return path
  await mkdir(folder, { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  return path
}

/** The sample capture's path, writing it on the first call for a folder. */
export function sampleCapturePath(folder: string = join(tmpdir(), 'tcplens')): Promise<string> {
  let path = written.get(folder)
  if (!path) {
    path = writeSampleCapture(folder)
    written.set(folder, path)
    // A failed write is tried again next time.
    path.catch(() => written.delete(folder))
  }
  return path
}
