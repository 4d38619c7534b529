// The capture files the end-to-end tests open, written by the project's own fixture code into a
// folder of their own (nothing here exists only on one machine).
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scenarioBytes } from '../fixtures/tcp-scenarios'
import { cut } from '../fixtures/damage'

export const E2E_DIR = join(tmpdir(), 'tcplens-e2e-captures')

export const CAPTURES = {
  /** SYN, SYN-ACK, ACK, a request and answer, then the four-way close from the client. */
  handshake: join(E2E_DIR, 'handshake.pcap'),
  /** The same capture cut in the middle of a record. */
  damaged: join(E2E_DIR, 'damaged.pcap'),
  /** Not a capture at all. */
  notCapture: join(E2E_DIR, 'notes.txt'),
}

export function writeE2eCaptures(): void {
  mkdirSync(E2E_DIR, { recursive: true })
  const handshake = scenarioBytes('tcp-scenario-four-way-close')
  writeFileSync(CAPTURES.handshake, handshake)
  writeFileSync(CAPTURES.damaged, cut(handshake, handshake.length - 30))
  writeFileSync(CAPTURES.notCapture, 'These are a student\'s notes, not a capture.\n')
}
