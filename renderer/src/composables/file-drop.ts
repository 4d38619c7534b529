// Drag and drop a capture anywhere on the window. Electron hands the path over (the user chose
// the file by dropping it); browser mode sends the file's bytes to the server.
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { useApiStore } from '../stores/api'
import { useCaptureStore } from '../stores/capture'
import { useMessagesStore } from '../stores/messages'
import { base64FromBytes } from '../util/base64'

/**
 * The largest file browser mode takes by upload (main/api/validate.ts MAX_UPLOAD_BYTES; a test
 * keeps them equal). A larger one is refused before it is read, not after.
 */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024

/** Opens a dropped (or picked) file through the transport at hand. */
export async function openLocalFile(file: File): Promise<void> {
  const api = useApiStore().current()
  const capture = useCaptureStore()
  const path = api.pathForFile?.(file) ?? ''
  if (path) {
    await capture.open({ kind: 'path', path })
    return
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    useMessagesStore().notify('drop.tooLarge', { name: file.name, mib: Math.ceil(file.size / 2 ** 20), limit: MAX_UPLOAD_BYTES / 2 ** 20 })
    return
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  await capture.upload(file.name, base64FromBytes(bytes))
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

export function useFileDrop() {
  const dragging = ref(false)
  let depth = 0

  function onDragEnter(event: DragEvent): void {
    if (!hasFiles(event)) return
    event.preventDefault()
    depth++
    dragging.value = true
  }
  function onDragOver(event: DragEvent): void {
    if (!hasFiles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  }
  function onDragLeave(): void {
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  }
  async function onDrop(event: DragEvent): Promise<void> {
    event.preventDefault()
    depth = 0
    dragging.value = false
    const file = event.dataTransfer?.files?.[0]
    if (file) await openLocalFile(file)
  }

  onMounted(() => {
    window.addEventListener('dragenter', onDragEnter)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('drop', onDrop)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('dragenter', onDragEnter)
    window.removeEventListener('dragover', onDragOver)
    window.removeEventListener('dragleave', onDragLeave)
    window.removeEventListener('drop', onDrop)
  })

  return { dragging, onDrop }
}
