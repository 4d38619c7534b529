// `tcplens explain FILE [--stream N] [--lang zh-CN|en] [--format text|markdown|mermaid]`: the
// narrated timeline of each TCP connection (or of one), in the system's language by default.
import { captureFileArgument, parseArgs, UsageError } from './argv'
import { feedConnections } from './connections'
import { LineWriter } from './output'
import { readCapture } from './read-capture'
import type { CliIo } from './run'
import { ConnectionTimelines } from '../tcp/steps'
import { parseFormat, parseLang, renderCaptureParts, systemLanguage, type Format, type Lang } from '../teach'
import { commandUsage } from './help'

const USAGE = commandUsage('explain')

function option<T>(value: string | undefined, parse: (v: string) => T, fallback: T): T {
  if (value === undefined) return fallback
  try {
    return parse(value)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function parseStream(value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`--stream takes a tcp.stream number, not "${value}"`)
  return Number(value)
}

export async function explainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { withValue: ['-r', '--stream', '--lang', '--format'] })
  const file = captureFileArgument(parsed, USAGE)
  const stream = option(parsed.values.get('--stream')?.[0], parseStream, undefined as number | undefined)
  const lang: Lang = option(parsed.values.get('--lang')?.[0], parseLang, systemLanguage())
  const format: Format = option(parsed.values.get('--format')?.[0], parseFormat, 'text')

  const timelines = new ConnectionTimelines({ recordSteps: stream === undefined ? true : (s) => s === stream })
  const status = await readCapture(file, io, (reader) => feedConnections(reader, timelines))
  const { connections, findings } = timelines.finish()
  const chosen = stream === undefined ? connections : connections.filter((c) => c.stream === stream)
  if (stream !== undefined && chosen.length === 0) {
    io.stderr.write(`tcplens: ${file} has no TCP stream ${stream} (${connections.length ? `streams 0–${connections.length - 1}` : 'no TCP connections'})\n`)
    return status || 1
  }
  const out = new LineWriter(io.stdout)
  // The capture-level findings belong to the whole capture, not to one chosen stream.
  for (const part of renderCaptureParts(chosen, stream === undefined ? findings : [], { lang, format })) await out.line(part)
  await out.flush()
  return status
}
