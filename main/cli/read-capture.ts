// Opening and reading a capture for a CLI command, with tshark's exit statuses: 0, or 2 for a
// file that cannot be read or is damaged (after the frames before the damage were used).
import { openCapture, type CaptureReader } from '../capture/open'
import { CaptureError } from '../capture/source'
import type { CliIo } from './run'

export async function readCapture(file: string, io: CliIo, use: (reader: CaptureReader) => Promise<void>): Promise<number> {
  let reader: CaptureReader | undefined
  try {
    reader = await openCapture(file)
    await use(reader)
    return 0
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error
    io.stderr.write(`tcplens: ${file}: ${error.message}\n`)
    // An empty file is not damaged: it has no frames (tshark, too, exits 0).
    return error.code === 'empty' ? 0 : error.exitCode
  } finally {
    await reader?.close()
  }
}
