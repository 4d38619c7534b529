// The file names that look like captures TCP Lens reads: pcap and pcapng, gzip-compressed or not.
// The name only guides the user (the Open dialog's filter, the browser-mode folder listing's
// mark); the file's magic number decides what it is.

/** Extensions of pcap (.pcap, .cap, .dmp), pcapng (.pcapng) and their gzip forms (.gz, .pcapngz). */
export const CAPTURE_EXTENSIONS: readonly string[] = ['pcapng', 'pcap', 'cap', 'dmp', 'gz', 'pcapngz']

const CAPTURE_NAME = new RegExp(`\\.(${CAPTURE_EXTENSIONS.join('|')})$`, 'i')

/** Whether a file name ends in one of CAPTURE_EXTENSIONS (any case). */
export function isCaptureName(name: string): boolean {
  return CAPTURE_NAME.test(name)
}
