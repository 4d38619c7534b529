// SEAM (implementation pending): `tcplens capture`.
import type { CliIo } from './run'

export async function captureCommand(args: readonly string[], io: CliIo): Promise<number> {
  void args
  io.stderr.write('tcplens capture: not implemented yet\n')
  return 1
}
