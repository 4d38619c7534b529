// Saving a file from the renderer: a Blob behind an <a download> click, which Electron (its save
// dialog) and a browser (its downloads) both honour.

/** Offers `blob` for saving as `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // The click has handed the blob over; revoke once the event loop has moved on.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
}

/** Offers text (UTF-8) for saving. */
export function downloadText(text: string, type: string, name: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), name)
}
