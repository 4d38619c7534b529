export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

export async function runCli(args: string[], io: CliIo): Promise<number> {
  io.stdout.write(`tcplens ${args.join(' ')}\n`)
  return 0
}
