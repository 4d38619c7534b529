// The notes a reader attaches to a frame that is odd but readable (RawFrame.notes).

import type { ReaderNote } from './source'

/**
 * Notes for a record whose caplen is over its snaplen (0 = no limit) or its original length;
 * undefined for the usual record, which has none (nothing is made per frame). The snaplen is
 * the pcapng interface `interfaceId`'s, or without one the pcap file header's.
 */
export function frameNotes(capLen: number, origLen: number, snapLen: number, interfaceId?: number): ReaderNote[] | undefined {
  if (capLen <= origLen && (snapLen === 0 || capLen <= snapLen)) return undefined
  const notes: ReaderNote[] = []
  if (snapLen !== 0 && capLen > snapLen) {
    const from = interfaceId === undefined ? 'the file header' : `interface ${interfaceId}`
    notes.push({
      code: 'caplen-over-snaplen',
      message: `captured length ${capLen} is over the snapshot length ${snapLen} of ${from}`,
    })
  }
  if (capLen > origLen) {
    notes.push({ code: 'caplen-over-origlen', message: `captured length ${capLen} is over the original length ${origLen}` })
  }
  return notes
}
