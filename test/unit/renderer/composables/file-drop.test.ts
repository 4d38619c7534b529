import { describe, expect, it, vi } from 'vitest'
import { MAX_UPLOAD_BYTES as SERVER_LIMIT } from '../../../../main/api/validate'
import { MAX_UPLOAD_BYTES, openLocalFile } from '../../../../renderer/src/composables/file-drop'
import { useMessagesStore } from '../../../../renderer/src/stores/messages'
import { setUp } from '../harness'

/** A File as the browser hands it over, whose reading the test can see. */
function droppedFile(name: string, size: number) {
  const arrayBuffer = vi.fn(async () => new Uint8Array(Math.min(size, 64)).buffer)
  return { file: { name, size, arrayBuffer } as unknown as File, arrayBuffer }
}

describe('composables/file-drop', () => {
  it('should take as much as the server accepts', () => {
    expect(MAX_UPLOAD_BYTES).toBe(SERVER_LIMIT)
  })

  it('should refuse a file larger than an upload may be before reading it, and say why', async () => {
    const harness = setUp({ transport: 'browser' })
    const upload = vi.spyOn(harness.api, 'upload')
    const { file, arrayBuffer } = droppedFile('campus-day.pcapng', MAX_UPLOAD_BYTES + 1)
    await openLocalFile(file)
    expect(arrayBuffer).not.toHaveBeenCalled()
    expect(upload).not.toHaveBeenCalled()
    const [notice] = useMessagesStore().items
    expect(notice).toMatchObject({ kind: 'info', key: 'drop.tooLarge', params: { name: 'campus-day.pcapng', mib: 101, limit: 100 } })
  })

  it('should upload a file within the limit', async () => {
    const harness = setUp({ transport: 'browser' })
    const upload = vi.spyOn(harness.api, 'upload')
    const { file, arrayBuffer } = droppedFile('lab.pcap', 64)
    await openLocalFile(file)
    expect(arrayBuffer).toHaveBeenCalledOnce()
    expect(upload).toHaveBeenCalledWith('lab.pcap', expect.any(String))
  })
})
