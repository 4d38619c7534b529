// A CaptureSessions that records the files it was asked to open and says so with a `capture`
// event, for testing browser mode without the session worker (main/session is tested on its own).
import { basename } from 'node:path'
import { ApiFailure, type CaptureSessions, type SessionEvent } from '../../../../main/api/port'
import type { CaptureStatus, FileInfo } from '../../../../preload/contract/dto'

type Listener = <E extends keyof SessionEvent>(event: E, data: SessionEvent[E]) => void

export interface FakeSessions extends CaptureSessions {
  opened: string[]
  disposed: boolean
}

export function fakeSessions(): FakeSessions {
  const listeners = new Set<Listener>()
  let status: CaptureStatus = { session: 0, state: 'empty', packets: 0, connections: 0 }
  const noCapture = async (): Promise<never> => {
    throw new ApiFailure('no-capture', 'No capture is open')
  }
  const sessions: FakeSessions = {
    opened: [],
    disposed: false,
    async openPath(path: string, options?: { displayName?: string }): Promise<FileInfo> {
      sessions.opened.push(path)
      const file: FileInfo = { name: options?.displayName ?? basename(path), path, size: 100, format: 'pcap', compressed: false }
      status = { session: status.session + 1, state: 'ready', file, packets: 10, connections: 1 }
      for (const listener of listeners) listener('capture', status)
      return file
    },
    status: async () => status,
    cancelOpen: async () => status,
    close: async () => status,
    setView: noCapture,
    rows: noCapture,
    positionOf: noCapture,
    packet: noCapture,
    connections: noCapture,
    narrative: noCapture,
    lab: noCapture,
    flowGraph: noCapture,
    expertInfo: noCapture,
    followStream: noCapture,
    cancelWork: async () => null,
    openLive: (path: string) => sessions.openPath(path),
    liveGrew: () => undefined,
    saveAs: noCapture,
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async dispose() {
      sessions.disposed = true
    },
  }
  return sessions
}
