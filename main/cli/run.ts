// The `tcplens` command: one subcommand per job, all on the same engine as the app.
import { UsageError } from './argv'
import { captureCommand } from './capture'
import { convCommand } from './conv'
import { demoCommand } from './demo'
import { explainCommand } from './explain'
import { fieldsCommand } from './fields'
import { infoCommand } from './info'
import { serveCommand } from './serve'
import { summaryCommand } from './summary'

export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

const USAGE = `TCP Lens: a Wireshark-style analyzer for learning TCP

usage: tcplens COMMAND [ARGS]

commands:
  fields FILE [-Y FILTER] -e FIELD... [-E OPTION]...
                                           one line per frame, as tshark -T fields prints it
  summary FILE [-Y FILTER]                 one line per frame, as tshark prints them: No., Time,
                                           Source, Destination, Protocol, Length, Info
  conv FILE [--json]                       the TCP connections: endpoints, packets, bytes, how each
                                           opened and closed, both sides' final states
  explain FILE [--stream N] [--lang zh-CN|en] [--format text|markdown|mermaid]
                                           each connection step by step: flags, seq/ack arithmetic,
                                           both sides' states and why (language: the system's)
  info FILE                                what the capture file is: format, interfaces, packets, times
  capture -D                               the interfaces to capture on (as tshark -D lists them)
  capture -i IFACE [-f BPF] [-c COUNT] [-a duration:SEC] [-a filesize:KB] -w FILE
                                           captures live to FILE (pcapng, or pcap for *.pcap);
                                           stops at a condition or on Ctrl+C. Packets are stamped
                                           on arrival in TCP Lens (about 0.1 ms precision)
  demo [SCENARIO] -w FILE [--list]         makes a TCP connection on 127.0.0.1 and captures it on
                                           the loopback interface: normal, server-close, half-close,
                                           refused, rst-abort, keep-alive (default: normal)
  serve [FILE] [--port N] [--no-open]      the app in your browser, on this machine only (127.0.0.1,
                                           with a secret token); opens FILE or the sample capture
  help                                     this text

Field names are Wireshark's (frame.number, ip.src, tcp.flags, tcp.seq_raw…);
-E takes header=y|n, separator=/t|/s|C, occurrence=f|l|a, aggregator=/s|C, quote=d|s|n.
-Y takes a display filter in Wireshark 4.0's language and prints only the frames it selects
(for example -Y 'tcp.flags.syn == 1 && tcp.flags.ack == 0'); a filter with a mistake is shown
with the mistake underlined (--lang zh-CN for the message in Chinese) and the exit status is 2.
`

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args
  try {
    switch (command) {
      case 'fields':
        return await fieldsCommand(rest, io)
      case 'conv':
        return await convCommand(rest, io)
      case 'explain':
        return await explainCommand(rest, io)
      case 'summary':
        return await summaryCommand(rest, io)
      case 'info':
        return await infoCommand(rest, io)
      case 'capture':
        return await captureCommand(rest, io)
      case 'demo':
        return await demoCommand(rest, io)
      case 'serve':
        return await serveCommand(rest, io)
      case undefined:
      case 'help':
      case '-h':
      case '--help':
        io.stdout.write(USAGE)
        return command === undefined ? 1 : 0
      default:
        io.stderr.write(`tcplens: unknown command "${command}"\n\n${USAGE}`)
        return 1
    }
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
