// The `tcplens` command's help, written once: the overview (`tcplens help`), each command's page
// (`tcplens help conv`, `tcplens conv --help`), and the one-line usage a command prints when its
// arguments are wrong. The README's CLI reference follows these pages.

export const COMMAND_NAMES = ['fields', 'summary', 'conv', 'explain', 'info', 'capture', 'demo', 'serve'] as const
export type CommandName = (typeof COMMAND_NAMES)[number]

interface CommandHelp {
  /** What follows `tcplens` (one line per form). */
  synopsis: readonly string[]
  /** One or two lines for the overview. */
  summary: string
  /** Each option and what it does. */
  options: ReadonlyArray<readonly [string, string]>
  /** Lines after the options: details, then an example. */
  notes: readonly string[]
}

const FILE = ['FILE', 'a pcap or pcapng capture, gzip-compressed or not (also -r FILE, as tshark takes it)'] as const
const FILTER = ['-Y FILTER', "only the frames a display filter in Wireshark 4.0's language selects; a filter with a mistake is shown underlined and the exit status is 2"] as const
const LANG = ['--lang en|zh-CN', "the language of messages (default: the system's)"] as const

const HELP: Record<CommandName, CommandHelp> = {
  fields: {
    synopsis: ['fields FILE [-Y FILTER] -e FIELD... [-E OPTION]... [--lang en|zh-CN]'],
    summary: 'one line per frame, as tshark -T fields prints it',
    options: [
      FILE,
      ['-e FIELD', "a field by Wireshark's name (frame.number, ip.src, tcp.flags, tcp.seq_raw …); repeat for more columns"],
      ['-E header=y|n', 'a first line naming the fields'],
      ['-E separator=/t|/s|C', 'between fields: tab (default), space, or the character C'],
      ['-E occurrence=f|l|a', 'a field present several times: first, last, or all (default)'],
      ['-E aggregator=/s|C', 'between the occurrences of one field (default ,)'],
      ['-E quote=d|s|n', 'quote values with double or single quotes, or not (default)'],
      FILTER,
      LANG,
    ],
    notes: ['Values are written exactly as tshark writes them.', '', 'example: tcplens fields lab.pcapng -Y tcp.flags.syn==1 -e frame.number -e ip.src -e tcp.seq -E header=y'],
  },
  summary: {
    synopsis: ['summary FILE [-Y FILTER] [--lang en|zh-CN]'],
    summary: 'one line per frame, as tshark prints them: No., Time, Source, Destination, Protocol, Length, Info',
    options: [FILE, FILTER, LANG],
    notes: ["example: tcplens summary lab.pcapng -Y 'tcp.stream == 0'"],
  },
  conv: {
    synopsis: ['conv FILE [--json]'],
    summary: 'the TCP connections: endpoints, packets, bytes, how each opened and closed, both sides\' final states',
    options: [FILE, ['--json', 'one JSON document instead of the table']],
    notes: ['example: tcplens conv lab.pcapng'],
  },
  explain: {
    synopsis: ['explain FILE [--stream N] [--lang zh-CN|en] [--format text|markdown|mermaid]'],
    summary: "each connection step by step: flags, seq/ack arithmetic, both sides' states and why",
    options: [
      FILE,
      ['--stream N', 'only the connection tcp.stream == N (default: every connection)'],
      ['--lang zh-CN|en', "the language of the explanation (default: the system's)"],
      ['--format text|markdown|mermaid', 'plain text (default), Markdown, or a Mermaid sequence diagram'],
    ],
    notes: ['example: tcplens explain lab.pcapng --stream 0 --lang zh-CN'],
  },
  info: {
    synopsis: ['info FILE'],
    summary: 'what the capture file is: format, interfaces, packets, times',
    options: [FILE],
    notes: ['example: tcplens info lab.pcapng'],
  },
  capture: {
    synopsis: ['capture -D', 'capture -i IFACE [-f BPF] [-c COUNT] [-a duration:SEC] [-a filesize:KB] -w FILE'],
    summary: 'lists the interfaces, or captures live to FILE (pcapng, or pcap for *.pcap) until a stop condition or Ctrl+C',
    options: [
      ['-D', 'the interfaces to capture on, numbered (as tshark -D lists them)'],
      ['-i IFACE', 'the interface, by name or by its number in -D'],
      ['-f BPF', 'a capture filter in libpcap\'s language (for example "tcp port 80"), checked before the capture starts'],
      ['-c COUNT', 'stop after COUNT packets'],
      ['-a duration:SEC', 'stop after SEC seconds'],
      ['-a filesize:KB', 'stop when the file reaches KB kilobytes'],
      ['-w FILE', 'the file to write'],
    ],
    notes: [
      'Packets are stamped on arrival in TCP Lens (about 0.1 ms precision): the capture library',
      'gives no timestamp. Capturing needs capture rights (see the README); the error says how.',
      '',
      "example: tcplens capture -i lo -f 'tcp port 8080' -c 50 -w lab.pcapng",
    ],
  },
  demo: {
    synopsis: ['demo [SCENARIO] -w FILE', 'demo --list'],
    summary: 'makes a TCP connection on 127.0.0.1 and captures it on the loopback interface',
    options: [
      ['SCENARIO', 'normal (default), server-close, half-close, refused, rst-abort, keep-alive'],
      ['-w FILE', 'the file to write'],
      ['--list', 'the scenarios and what each shows'],
    ],
    notes: ['Needs capture rights on the loopback interface.', '', 'example: tcplens demo half-close -w half-close.pcapng'],
  },
  serve: {
    synopsis: ['serve [FILE] [--port N] [--root DIR]... [--no-open]'],
    summary: 'the app in your browser, on this machine only (127.0.0.1, with a secret token)',
    options: [
      ['FILE', 'the capture to open (default: the bundled sample)'],
      ['--port N', 'the port to listen on (default: any free port)'],
      ['--root DIR', 'a folder the page may open and save files in; repeat for more (default: the home folder, the current folder and FILE\'s folder)'],
      ['--no-open', 'print the address instead of opening the browser'],
    ],
    notes: ['The address printed carries the token; without it the page answers 401.', 'Outside the shared folders the page can neither list, open nor save.', '', 'example: tcplens serve lab.pcapng --no-open'],
  },
}

export function isCommandName(name: string | undefined): name is CommandName {
  return (COMMAND_NAMES as readonly (string | undefined)[]).includes(name)
}

/** `usage: tcplens conv FILE [--json]`: what a command prints when its arguments are wrong. */
export function commandUsage(name: CommandName): string {
  return `usage: ${HELP[name].synopsis.map((form) => `tcplens ${form}`).join('\n       ')}\n(tcplens help ${name} for more)`
}

/** Two columns: the left one padded to `width`, the right one on the same line or the next. */
function columns(rows: ReadonlyArray<readonly [string, string]>, width: number, indent = '  '): string[] {
  return rows.map(([left, right]) =>
    left.length < width - 1 ? `${indent}${left.padEnd(width)}${right}` : `${indent}${left}\n${indent}${' '.repeat(width)}${right}`,
  )
}

/** A command's page: `tcplens help NAME` and `tcplens NAME --help`. */
export function commandHelp(name: CommandName): string {
  const help = HELP[name]
  const lines = [
    `usage: ${help.synopsis.map((form) => `tcplens ${form}`).join('\n       ')}`,
    '',
    `${help.summary.charAt(0).toUpperCase()}${help.summary.slice(1)}.`,
    '',
    'options:',
    ...columns(help.options, 34),
    '',
    ...help.notes,
  ]
  return `${lines.join('\n')}\n`
}

/** `tcplens help`: every command in one screen. */
export function overview(): string {
  const rows = COMMAND_NAMES.flatMap((name) => HELP[name].synopsis.map((form, i) => [form, i === 0 ? HELP[name].summary : ''] as const))
  return [
    'TCP Lens: a Wireshark-style analyzer for learning TCP',
    '',
    'usage: tcplens COMMAND [ARGS]',
    '       tcplens help COMMAND      (or tcplens COMMAND --help) for a command\'s options and an example',
    '',
    'commands:',
    ...rows.map(([form, summary]) => (summary ? `  ${form}\n      ${summary}` : `  ${form}`)),
    '',
    "Field names are Wireshark's (frame.number, ip.src, tcp.flags, tcp.seq_raw…); filters are",
    "Wireshark 4.0's display filters (for example -Y 'tcp.flags.syn == 1 && tcp.flags.ack == 0').",
    '',
  ].join('\n')
}
