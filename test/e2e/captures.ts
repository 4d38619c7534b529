// The capture files the end-to-end tests open, written by the project's own fixture code into a
// folder of their own (nothing here exists only on one machine).
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scenarioBytes } from '../fixtures/tcp-scenarios'
import { cut } from '../fixtures/damage'
import { httpSessionCapture, longDownloadCapture } from '../fixtures/lesson-captures'

export const E2E_DIR = join(tmpdir(), 'tcplens-e2e-captures')

export const CAPTURES = {
  /** SYN, SYN-ACK, ACK, a request and answer, then the four-way close from the client. */
  handshake: join(E2E_DIR, 'handshake.pcap'),
  /** The same capture cut in the middle of a record. */
  damaged: join(E2E_DIR, 'damaged.pcap'),
  /** Not a capture at all. */
  notCapture: join(E2E_DIR, 'notes.txt'),
}

/** A folder of their own, so the Open dialog's test sees only the three files above. */
const LESSONS_DIR = join(tmpdir(), 'tcplens-e2e-lessons')

/** One capture per connection variant the Diagram view must draw as it happened. */
export const LESSONS = {
  /** A browser's visit: handshake, GET /index.html, 200 OK, the client's four-way close. */
  classic: join(LESSONS_DIR, 'lesson-classic.pcap'),
  merged: join(LESSONS_DIR, 'lesson-merged-close.pcap'),
  simultaneousOpen: join(LESSONS_DIR, 'lesson-simultaneous-open.pcap'),
  simultaneousClose: join(LESSONS_DIR, 'lesson-simultaneous-close.pcap'),
  refused: join(LESSONS_DIR, 'lesson-refused.pcap'),
  rstAbort: join(LESSONS_DIR, 'lesson-rst-abort.pcap'),
  /** A download of 3,000 segments: its data phase collapses. */
  longDownload: join(LESSONS_DIR, 'lesson-long-download.pcap'),
  /** Two connections on one port pair, one after the other. */
  portReuse: join(LESSONS_DIR, 'lesson-port-reuse.pcap'),
}

export function writeE2eCaptures(): void {
  mkdirSync(E2E_DIR, { recursive: true })
  mkdirSync(LESSONS_DIR, { recursive: true })
  const handshake = scenarioBytes('tcp-scenario-four-way-close')
  writeFileSync(CAPTURES.handshake, handshake)
  writeFileSync(CAPTURES.damaged, cut(handshake, handshake.length - 30))
  writeFileSync(CAPTURES.notCapture, 'These are a student\'s notes, not a capture.\n')
  writeFileSync(LESSONS.classic, httpSessionCapture())
  writeFileSync(LESSONS.merged, scenarioBytes('tcp-scenario-three-segment-close'))
  writeFileSync(LESSONS.simultaneousOpen, scenarioBytes('tcp-scenario-simultaneous-open'))
  writeFileSync(LESSONS.simultaneousClose, scenarioBytes('tcp-scenario-simultaneous-close'))
  writeFileSync(LESSONS.refused, scenarioBytes('tcp-scenario-refused'))
  writeFileSync(LESSONS.rstAbort, scenarioBytes('tcp-scenario-rst-abort'))
  writeFileSync(LESSONS.longDownload, longDownloadCapture(3000))
  writeFileSync(LESSONS.portReuse, scenarioBytes('tcp-scenario-port-reuse'))
}
