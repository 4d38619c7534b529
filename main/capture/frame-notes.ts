// The notes a reader attaches to a frame that is odd but readable (RawFrame.notes).

import type { ReaderNote } from './source'

/** Notes for a record whose caplen is over its snaplen (0 = no limit) or its original length. */
export function frameNotes(capLen: number, origLen: number, snapLen: number, snapLenFrom: string): ReaderNote[] {
  const notes: ReaderNote[] = []
  if (snapLen !== 0 && capLen > snapLen) {
    notes.push({
      code: 'caplen-over-snaplen',
      message: `captured length ${capLen} is over the snapshot length ${snapLen} of ${snapLenFrom}`,
    })
  }
  if (capLen > origLen) {
    notes.push({ code: 'caplen-over-origlen', message: `captured length ${capLen} is over the original length ${origLen}` })
  }
  return notes
}
