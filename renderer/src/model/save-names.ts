// Names and paths for browser mode's Save dialog (the server's paths: '/' or, on Windows, '\').

/** A folder and a file name as one path, in the folder's own separator. */
export function joinServerPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/'
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`
}

/**
 * The name the Save dialog proposes: the open file's name (a capture file's extension kept, else
 * .pcapng), with "-displayed" before it when only the displayed packets are exported.
 */
export function defaultSaveName(openName: string | undefined, displayed: boolean): string {
  const name = (openName ?? '').split(/[\\/]/).pop() || 'capture.pcapng'
  const match = /^(.*?)(\.pcapng|\.pcap)?(\.gz)?$/i.exec(name)
  const stem = match?.[1] || 'capture'
  const extension = (match?.[2] ?? '.pcapng').toLowerCase()
  return `${stem}${displayed ? '-displayed' : ''}${extension}`
}
