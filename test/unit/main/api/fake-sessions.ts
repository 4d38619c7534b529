// A CaptureSessions that records what it was asked and answers canned values: the backend and
// the transports are tested without the worker (main/session/ is tested on its own).
import { basename } from 'node:path'
import { vi } from 'vitest'
import type { CaptureSessions, SessionEvent } from '../../../../main/api/port'
import type { CaptureStatus, ConnectionDto, FileInfo } from '../../../../preload/contract/dto'

type Listener = <E extends keyof SessionEvent>(event: E, data: SessionEvent[E]) => void

export const EMPTY_STATUS: CaptureStatus = { session: 0, state: 'empty', packets: 0, connections: 0 }

const FAKE_CONNECTION: ConnectionDto = {
  stream: 0,
  client: { address: '10.0.0.1', port: 40000, state: 'TIME-WAIT' },
  server: { address: '10.0.0.2', port: 80, state: 'CLOSED' },
  rolesGuessed: false,
  open: 'three-way',
  close: 'four-way',
  closeInitiator: 'client',
  completeness: 31,
  firstFrame: 1,
  lastFrame: 10,
  packets: 10,
  bytes: { client: 100, server: 1000 },
  irtt: 0.02,
  duration: 1,
  startTime: 1_700_000_000,
  variants: [],
}

export function fileInfo(path: string): FileInfo {
  return { name: basename(path), path, size: 100, format: 'pcapng', compressed: false }
}

export function fakeSessions() {
  const listeners = new Set<Listener>()
  const sessions = {
    openPath: vi.fn(async (path: string, options?: { displayName?: string }) => ({ ...fileInfo(path), ...(options?.displayName ? { name: options.displayName } : {}) })),
    cancelOpen: vi.fn(async () => EMPTY_STATUS),
    close: vi.fn(async () => EMPTY_STATUS),
    status: vi.fn(async () => EMPTY_STATUS),
    setView: vi.fn(async () => ({ count: 0, total: 0 })),
    cancelWork: vi.fn(async () => null),
    rows: vi.fn(async (start: number) => ({ start, rows: [], count: 0 })),
    positionOf: vi.fn(async () => -1),
    packet: vi.fn(async (frame: number) => ({ frame, tree: [], sources: [] })),
    connections: vi.fn(async () => []),
    narrative: vi.fn(async (stream: number, lang: 'en' | 'zh-CN') => ({ stream, lang, connection: FAKE_CONNECTION, title: '', summary: [], steps: [], topics: [], mermaid: '' })),
    lab: vi.fn(async (stream: number, lang: 'en' | 'zh-CN') => ({ stream, lang, answers: [], rtt: { alpha: 0.125, samples: [] }, timeSequence: [], fieldTables: [] })),
    flowGraph: vi.fn(async (lang: 'en' | 'zh-CN') => ({ lang, hosts: [], rows: [], connections: [] })),
    expertInfo: vi.fn(async () => ({ counts: { chat: 0, note: 0, warn: 0, error: 0 }, entries: [] })),
    followStream: vi.fn(async () => {
      throw new Error('not in this fake')
    }),
    openLive: vi.fn(async (path: string) => fileInfo(path)),
    liveGrew: vi.fn((size: number, ended: boolean) => void [size, ended]),
    saveAs: vi.fn(async (path: string) => ({ path, name: basename(path), format: path.endsWith('.pcap') ? ('pcap' as const) : ('pcapng' as const), packets: 0, bytes: 0 })),
    onEvent: vi.fn((listener: Listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }),
    dispose: vi.fn(async () => undefined),
  } satisfies CaptureSessions
  return {
    sessions,
    listenerCount: () => listeners.size,
    emit<E extends keyof SessionEvent>(event: E, data: SessionEvent[E]) {
      for (const listener of listeners) listener(event, data)
    },
  }
}
