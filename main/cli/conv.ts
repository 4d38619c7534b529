// `tcplens conv FILE [--json]`: the TCP connections of a capture, as a table (addresses, ports,
// packets, bytes each way, duration, iRTT, how it opened and closed, final states,
// completeness) or as JSON for other tools, with every step and the capture-level findings.
import { captureFileArgument, parseArgs } from './argv'
import { feedConnections } from './connections'
import { LineWriter } from './output'
import { readCapture } from './read-capture'
import type { CliIo } from './run'
import { ConnectionTimelines } from '../tcp/steps'
import type { CaptureFinding, ConnectionTimeline } from '../tcp/step'
import { commandUsage } from './help'

const USAGE = commandUsage('conv')

export async function convCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { withValue: ['-r'], flags: ['--json'] })
  const file = captureFileArgument(parsed, USAGE)
  const json = parsed.flags.has('--json')
  const timelines = new ConnectionTimelines({ recordSteps: json })
  const status = await readCapture(file, io, (reader) => feedConnections(reader, timelines))
  const { connections, findings } = timelines.finish()
  const out = new LineWriter(io.stdout)
  if (json) await writeJson(out, connections, findings)
  else for (const line of convTable(connections, findings)) await out.line(line)
  await out.flush()
  return status
}

/** The JSON document, one connection per line so a million steps never build one huge string. */
async function writeJson(out: LineWriter, connections: readonly ConnectionTimeline[], findings: readonly CaptureFinding[]): Promise<void> {
  await out.line('{ "connections": [')
  for (let i = 0; i < connections.length; i++) await out.line(JSON.stringify(connectionJson(connections[i]!)) + (i + 1 < connections.length ? ',' : ''))
  await out.line('],')
  await out.line(`"expert": ${JSON.stringify(findings)} }`)
}

/** The documented shape (summarize() builds the keys in its order); startTime stays internal. */
function connectionJson(c: ConnectionTimeline): object {
  const { startTime: _startTime, steps = [], ...summary } = c
  return { ...summary, steps }
}

const endpointText = (e: { address: string; port: number }) => (e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`)

/** The text table, columns padded to their widest cell. */
function convTable(connections: readonly ConnectionTimeline[], findings: readonly CaptureFinding[]): string[] {
  const header = ['Stream', 'Client', 'Server', 'Packets', 'Data C→S', 'Data S→C', 'Duration', 'iRTT', 'Open', 'Close', 'Closed by', 'Client state', 'Server state', 'Completeness']
  const rows = connections.map((c) => [
    String(c.stream),
    endpointText(c.client) + (c.rolesGuessed ? '?' : ''),
    endpointText(c.server),
    String(c.packets),
    String(c.bytes.client),
    String(c.bytes.server),
    c.duration.toFixed(6),
    c.irtt === null ? '-' : c.irtt.toFixed(6),
    c.open,
    c.close,
    c.closeInitiator ?? '-',
    c.client.state,
    c.server.state,
    String(c.completeness),
  ])
  const numeric = new Set([0, 3, 4, 5, 6, 7, 13])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const format = (cells: string[]) => cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()
  const lines = [`TCP connections: ${connections.length}`, '', format(header), ...rows.map(format)]
  if (connections.some((c) => c.rolesGuessed)) lines.push('', '?: the opening was not captured; the client is guessed (the endpoint with the higher port).')
  for (const f of findings) {
    lines.push('', `Warning: SYN flood? ${f.count} half-open connections to ${endpointText(f.target)} from ${f.sources} source address${f.sources === 1 ? '' : 'es'} (first SYN in frame ${f.frames[0]}).`)
  }
  return lines
}
