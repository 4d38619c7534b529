// `tcplens info FILE`: a short capinfos-like summary of a capture file.
import type { CaptureInfo, TsResolution } from '../capture/source'
import { linkTypeName } from '../decode/names'
import { formatTime } from '../decode/format'
import { timeDiff } from '../decode/time'
import type { Timestamp } from '../decode/field'
import { captureFileArgument, parseArgs } from './argv'
import { readCapture } from './read-capture'
import type { CliIo } from './run'
import { commandUsage } from './help'

export interface CaptureSummary {
  packets: number
  bytesOnWire: number
  first?: Timestamp
  last?: Timestamp
}

function resolutionText(r: TsResolution): string {
  if (r.base === 10 && r.exponent === 6) return 'microseconds'
  if (r.base === 10 && r.exponent === 9) return 'nanoseconds'
  return `${r.base}^-${r.exponent} s`
}

/** ISO 8601 UTC with the full precision of the timestamp. */
function isoTime(t: Timestamp): string {
  const date = new Date(t.sec * 1000)
  if (Number.isNaN(date.getTime())) return formatTime(t)
  return `${date.toISOString().slice(0, 19)}.${String(t.nsec).padStart(9, '0')}Z`
}

function formatInfo(file: string, info: CaptureInfo, summary: CaptureSummary, damage?: string): string[] {
  const lines: string[] = []
  const format = { pcap: 'pcap (microseconds)', 'pcap-ns': 'pcap (nanoseconds)', pcapng: 'pcapng' }[info.format]
  lines.push(`File name:          ${file}`)
  lines.push(`File format:        ${format}${info.gzip ? ', gzip-compressed' : ''}`)
  const linkTypes = [...new Set(info.interfaces.map((i) => i.linkType))]
  lines.push(`Link type${linkTypes.length === 1 ? ': ' : 's:'}         ${linkTypes.map(linkTypeName).join(', ')}`)
  lines.push(`Interfaces:         ${info.interfaces.length}`)
  for (const iface of info.interfaces) {
    const name = iface.name ? ` ${iface.name}` : ''
    const description = iface.description ? ` (${iface.description})` : ''
    const stats = iface.stats ? `, received ${iface.stats.received ?? '?'}, dropped ${iface.stats.dropped ?? '?'}` : ''
    lines.push(`  ${iface.id}:${name}${description}  ${linkTypeName(iface.linkType)}, snaplen ${iface.snapLen}, ${resolutionText(iface.tsResolution)}${iface.tsOffset ? `, offset ${iface.tsOffset} s` : ''}${stats}`)
  }
  if (info.format === 'pcapng') lines.push(`Sections:           ${info.sections.length}`)
  lines.push(`Packets:            ${summary.packets}`)
  lines.push(`Bytes on the wire:  ${summary.bytesOnWire}`)
  if (summary.first && summary.last) {
    lines.push(`First packet time:  ${isoTime(summary.first)}`)
    lines.push(`Last packet time:   ${isoTime(summary.last)}`)
    lines.push(`Elapsed:            ${formatTime(timeDiff(summary.last, summary.first))} s`)
  }
  const comments = info.sections.flatMap((s) => s.comments)
  for (const comment of comments) lines.push(`Comment:            ${comment}`)
  for (const section of info.sections) {
    if (section.hardware) lines.push(`Capture hardware:   ${section.hardware}`)
    if (section.os) lines.push(`Capture OS:         ${section.os}`)
    if (section.userApplication) lines.push(`Capture program:    ${section.userApplication}`)
  }
  if (info.names.length) lines.push(`Name records:       ${info.names.length}`)
  if (damage) lines.push(`Damage:             ${damage}`)
  return lines
}

export async function infoCommand(args: readonly string[], io: CliIo): Promise<number> {
  const file = captureFileArgument(parseArgs(args, { withValue: [] }), commandUsage('info'))
  const summary: CaptureSummary = { packets: 0, bytesOnWire: 0 }
  let info: CaptureInfo | undefined
  const status = await readCapture(file, io, async (reader) => {
    info = reader.info
    for await (const batch of reader.batches()) {
      for (const frame of batch) {
        summary.packets++
        summary.bytesOnWire += frame.origLen
        // A record with no time (a Simple Packet Block) says nothing about when the capture ran.
        if (frame.noTimestamp) continue
        const time = { sec: frame.tsSec, nsec: frame.tsNsec }
        summary.first ??= time
        summary.last = time
      }
    }
  })
  if (info) io.stdout.write(formatInfo(file, info, summary, status === 0 ? undefined : 'the file is damaged (see the message above); the counts cover the frames before it').join('\n') + '\n')
  return status
}
