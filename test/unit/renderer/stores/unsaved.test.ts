import { describe, expect, it } from 'vitest'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useMessagesStore } from '../../../../renderer/src/stores/messages'
import { useSaveStore } from '../../../../renderer/src/stores/save'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { useUnsavedStore } from '../../../../renderer/src/stores/unsaved'
import { flushPromises, setUp } from '../harness'

/** A fake session whose packets are only in a temporary file. */
async function unsavedCapture(options: Parameters<typeof setUp>[0] = {}) {
  const harness = setUp(options)
  const capture = useCaptureStore()
  await capture.start()
  harness.api.emit('capture', { ...harness.api.captureStatus, unsaved: true })
  if (options.transport === 'browser') await useSettingsStore().start()
  return { harness, capture, unsaved: useUnsavedStore(), ui: useUiStore() }
}

describe('stores/unsaved', () => {
  it('should let a saved capture go without asking', async () => {
    setUp()
    await useCaptureStore().start()
    expect(await useUnsavedStore().mayDiscard()).toBe(true)
    expect(useUiStore().dialog).toBeNull()
  })

  it("should ask, and go on after Don't save", async () => {
    const { unsaved, ui } = await unsavedCapture()
    const decision = unsaved.mayDiscard()
    expect(ui.dialog).toBe('unsaved')
    unsaved.answer('discard')
    expect(await decision).toBe(true)
    expect(ui.dialog).toBeNull()
  })

  it('should stop on Cancel', async () => {
    const { unsaved } = await unsavedCapture()
    const decision = unsaved.mayDiscard()
    unsaved.answer('cancel')
    expect(await decision).toBe(false)
  })

  it('should save as first on Save (Electron: the native dialog), and go on once saved', async () => {
    const { harness, unsaved } = await unsavedCapture()
    const decision = unsaved.mayDiscard()
    unsaved.answer('save')
    expect(await decision).toBe(true)
    expect(harness.api.callsOf('saveCapture')).toEqual([[{ kind: 'dialog', displayed: false }]])
  })

  it('should not go on when Save As was cancelled', async () => {
    const { harness, unsaved } = await unsavedCapture()
    harness.api.saveCapture = async () => ({ ok: true, value: null })
    const decision = unsaved.mayDiscard()
    unsaved.answer('save')
    expect(await decision).toBe(false)
  })

  it("should save to the path chosen in browser mode's Save dialog, and stop when it is closed", async () => {
    const { harness, unsaved, ui } = await unsavedCapture({ transport: 'browser' })
    const saved = unsaved.mayDiscard()
    unsaved.answer('save')
    await flushPromises()
    expect(ui.dialog).toBe('save-server')
    useSaveStore().answerPath('/captures/mine.pcapng')
    expect(await saved).toBe(true)
    expect(harness.api.callsOf('saveCapture')).toEqual([[{ kind: 'path', path: '/captures/mine.pcapng', displayed: false }]])

    harness.api.emit('capture', { ...harness.api.captureStatus, unsaved: true })
    const closed = unsaved.mayDiscard()
    unsaved.answer('save')
    await flushPromises()
    useSaveStore().answerPath(null)
    expect(await closed).toBe(false)
  })

  it('should guard every renderer-initiated open and close of the capture', async () => {
    const { harness, capture, unsaved } = await unsavedCapture()
    const opening = capture.open({ kind: 'sample' })
    unsaved.answer('cancel')
    expect(await opening).toBeNull()
    const uploading = capture.upload('x.pcap', 'AAAA')
    unsaved.answer('cancel')
    expect(await uploading).toBeNull()
    const closing = capture.close()
    unsaved.answer('cancel')
    await closing
    expect(harness.api.callsOf('open')).toEqual([])
    expect(harness.api.callsOf('upload')).toEqual([])
    expect(harness.api.callsOf('close')).toEqual([])

    const reopening = capture.open({ kind: 'sample' })
    unsaved.answer('discard')
    await reopening
    expect(harness.api.callsOf('open')).toEqual([[{ kind: 'sample' }]])
  })
})

describe('stores/save', () => {
  it('should say where the packets went', async () => {
    const { harness } = await unsavedCapture()
    expect(await useSaveStore().saveAs()).toBe(true)
    expect(useMessagesStore().items.at(-1)).toMatchObject({ kind: 'info', key: 'live.save.saved', params: { count: harness.api.rowCount, path: '/captures/saved.pcapng' } })
  })

  it('should export only the displayed packets', async () => {
    const { harness } = await unsavedCapture()
    await useSaveStore().exportSpecified()
    expect(harness.api.callsOf('saveCapture')).toEqual([[{ kind: 'dialog', displayed: true }]])
  })

  it('should save as for an unsaved capture, and have nothing to save for a file', async () => {
    const { harness } = await unsavedCapture()
    await useSaveStore().save()
    expect(harness.api.callsOf('saveCapture')).toHaveLength(1)
    harness.api.emit('capture', { ...harness.api.captureStatus, unsaved: false })
    await useSaveStore().save()
    expect(harness.api.callsOf('saveCapture')).toHaveLength(1)
  })
})
