import { beforeEach, describe, expect, it } from 'vitest'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useMessagesStore } from '../../../../renderer/src/stores/messages'
import type { FakeApi } from '../fake-api'
import { setUp } from '../harness'

describe('stores/capture', () => {
  let api: FakeApi

  beforeEach(() => {
    api = setUp({ initial: 'empty' }).api
  })

  it('should read the status and the recent files at start, and follow the events', async () => {
    const capture = useCaptureStore()
    await capture.start()
    expect(capture.state).toBe('empty')
    expect(capture.recentFiles.map((file) => file.name)).toEqual(['old.pcap'])
    api.emit('capture', { session: 1, state: 'loading', packets: 10, connections: 1 })
    expect(capture.isLoading).toBe(true)
    expect(capture.hasCapture).toBe(true)
  })

  it('should ignore the events of an earlier session', async () => {
    const capture = useCaptureStore()
    await capture.start()
    api.emit('capture', { session: 3, state: 'loading', packets: 5, connections: 0 })
    api.emit('progress', { session: 3, bytesRead: 50, totalBytes: 100, packets: 5, connections: 0 })
    api.emit('capture', { session: 2, state: 'ready', packets: 999, connections: 9 })
    api.emit('progress', { session: 2, bytesRead: 99, totalBytes: 100, packets: 999, connections: 9 })
    expect(capture.status).toMatchObject({ session: 3, state: 'loading', packets: 5 })
    expect(capture.progress?.bytesRead).toBe(50)
  })

  it('should drop the progress when loading ends', async () => {
    const capture = useCaptureStore()
    await capture.start()
    api.emit('capture', { session: 1, state: 'loading', packets: 0, connections: 0 })
    api.emit('progress', { session: 1, bytesRead: 10, totalBytes: 100, packets: 3, connections: 0 })
    api.emit('capture', { session: 1, state: 'ready', packets: 3, connections: 0, loadMs: 5 })
    expect(capture.progress).toBeNull()
  })

  it('should tell a damaged file (ready with an error) from one that could not be read', async () => {
    const capture = useCaptureStore()
    await capture.start()
    const error = { code: 'damaged' as const, message: 'frame 12 at byte 4096: record cut short', framesRead: 11 }
    api.emit('capture', { session: 1, state: 'ready', packets: 11, connections: 1, error })
    expect(capture.damage).toEqual(error)
    expect(capture.failure).toBeUndefined()
    api.emit('capture', { session: 2, state: 'failed', packets: 0, connections: 0, error: { ...error, code: 'unsupported', framesRead: 0 } })
    expect(capture.failure?.code).toBe('unsupported')
    expect(capture.hasCapture).toBe(false)
  })

  it('should open, cancel and close through the api', async () => {
    const capture = useCaptureStore()
    await capture.start()
    await capture.open({ kind: 'sample' })
    expect(capture.file?.name).toBe('sample.pcapng')
    await capture.cancel()
    expect(capture.status.cancelled).toBe(true)
    await capture.close()
    expect(capture.state).toBe('empty')
    expect(api.callsOf('open')).toEqual([[{ kind: 'sample' }]])
  })

  it('should stop listening when stopped', async () => {
    const capture = useCaptureStore()
    await capture.start()
    expect(api.listenerCount('capture')).toBe(1)
    capture.stop()
    expect(api.listenerCount('capture')).toBe(0)
  })

  it('should show api errors as messages, not throw', async () => {
    const capture = useCaptureStore()
    api.open = () => Promise.resolve({ ok: false, error: { code: 'unsupported', message: 'not a capture file' } })
    expect(await capture.open({ kind: 'path', path: '/x.txt' })).toBeNull()
    expect(useMessagesStore().items).toMatchObject([{ kind: 'error', code: 'unsupported', detail: 'not a capture file' }])
  })
})
