// The capture filter (BPF) presets the Capture dialog offers, as code: filters are not words to
// translate, only their button names are (locales/capture.ts, live.dialog.preset*).
import type { CaptureInterface } from '../../../preload/contract/api'

export type CaptureFilterPreset = 'tcp' | 'port80' | 'host' | 'flags'

export const CAPTURE_FILTER_PRESETS: readonly CaptureFilterPreset[] = ['tcp', 'port80', 'host', 'flags']

/** What `host X and tcp` writes for X when the interface has no address: one to edit (RFC 5737). */
export const HOST_PLACEHOLDER = '192.0.2.1'

/** The handshakes and teardowns: segments with SYN, FIN or RST. */
export const FLAGS_FILTER = 'tcp[tcpflags] & (tcp-syn|tcp-fin|tcp-rst) != 0'

/** The address the `host X` preset starts from: the interface's first IPv4 address, else its first one. */
export function presetHost(iface: CaptureInterface | undefined): string {
  const addresses = iface?.addresses ?? []
  return addresses.find((address) => !address.includes(':')) ?? addresses[0] ?? HOST_PLACEHOLDER
}

/** A preset's filter text; for `host`, where its address stands (to select it for editing). */
export function presetFilter(preset: CaptureFilterPreset, iface?: CaptureInterface): { filter: string; edit?: [number, number] } {
  switch (preset) {
    case 'tcp':
      return { filter: 'tcp' }
    case 'port80':
      return { filter: 'tcp port 80' }
    case 'flags':
      return { filter: FLAGS_FILTER }
    case 'host': {
      const host = presetHost(iface)
      return { filter: `host ${host} and tcp`, edit: [5, 5 + host.length] }
    }
  }
}
