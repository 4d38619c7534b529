// SEAM (implementation pending): `tcplens demo`.
import type { CliIo } from './run'

export async function demoCommand(args: readonly string[], io: CliIo): Promise<number> {
  void args
  io.stderr.write('tcplens demo: not implemented yet\n')
  return 1
}
