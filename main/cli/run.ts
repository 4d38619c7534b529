// The `tcplens` command: one subcommand per job, all on the same engine as the app.
import { UsageError } from './argv'
import { captureCommand } from './capture'
import { convCommand } from './conv'
import { demoCommand } from './demo'
import { explainCommand } from './explain'
import { fieldsCommand } from './fields'
import { commandHelp, isCommandName, overview, type CommandName } from './help'
import { infoCommand } from './info'
import { serveCommand } from './serve'
import { summaryCommand } from './summary'

export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

type Command = (args: readonly string[], io: CliIo) => Promise<number>

const COMMANDS: Record<CommandName, Command> = {
  fields: fieldsCommand,
  summary: summaryCommand,
  conv: convCommand,
  explain: explainCommand,
  info: infoCommand,
  capture: captureCommand,
  demo: demoCommand,
  serve: serveCommand,
}

const HELP_OPTIONS = ['--help', '-h']

/** `tcplens help [COMMAND]`, `tcplens --help`, and no command at all (which is a usage error). */
function printHelp(topic: string | undefined, io: CliIo): number {
  if (topic === undefined) {
    io.stdout.write(overview())
    return 0
  }
  if (!isCommandName(topic)) {
    io.stderr.write(`tcplens: no command "${topic}"\n\n${overview()}`)
    return 1
  }
  io.stdout.write(commandHelp(topic))
  return 0
}

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args
  try {
    if (command === undefined) {
      io.stderr.write(overview())
      return 1
    }
    if (command === 'help' || HELP_OPTIONS.includes(command)) return printHelp(rest[0], io)
    if (!isCommandName(command)) {
      io.stderr.write(`tcplens: unknown command "${command}"\n\n${overview()}`)
      return 1
    }
    // `tcplens conv --help`: the page, whatever else is on the line (before a `--`).
    const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest
    if (options.some((arg) => HELP_OPTIONS.includes(arg))) return printHelp(command, io)
    return await COMMANDS[command](rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tcplens: ${error.message}\n`)
      return 1
    }
    // A bug: say so in one line, without a stack trace (set TCPLENS_DEBUG=1 for it).
    const message = error instanceof Error ? error.message : String(error)
    io.stderr.write(`tcplens: internal error: ${message}\n`)
    if (process.env['TCPLENS_DEBUG']) io.stderr.write(`${error instanceof Error ? error.stack : ''}\n`)
    return 3
  }
}
