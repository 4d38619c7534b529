// SEAM (implementation pending): the wrapper around `cap` (libpcap/Npcap), loaded lazily: nothing
// here loads the native module until a function is called. Interfaces (loopback marked, the
// default route's recommended), capture filter checks, and opening an interface.
import type { CaptureFilterCheck, CaptureInterfaces } from '../../preload/contract/dto'

/** The part of the `cap` module TCP Lens uses (tests pass a fake). */
export interface CapModule {
  Cap: {
    new (): CapHandle
    deviceList(): CapDevice[]
    findDevice(ip?: string): string | undefined
  }
}

export interface CapDevice {
  name: string
  description?: string
  addresses: Array<{ addr: string; netmask?: string; broadaddr?: string }>
  flags?: string
}

export interface CapHandle {
  open(device: string, filter: string, bufSize: number, buffer: Buffer): string
  close(): void
  on(event: 'packet', listener: (nbytes: number, truncated: boolean) => void): unknown
  removeAllListeners(event?: string): unknown
  setMinBytes?(bytes: number): void
}

/** The interfaces to capture on, or why there are none. */
export async function listInterfaces(cap?: CapModule): Promise<CaptureInterfaces> {
  void cap
  throw new Error('listInterfaces is not implemented yet')
}

/** Compiles `filter` on `iface` with libpcap (opens and closes the interface, captures nothing). */
export async function checkCaptureFilter(iface: string, filter: string, cap?: CapModule): Promise<CaptureFilterCheck> {
  void iface
  void filter
  void cap
  throw new Error('checkCaptureFilter is not implemented yet')
}

/** The loopback interface of a list ("lo", "lo0", Npcap's "\\Device\\NPF_Loopback"), if any. */
export function loopbackInterface(interfaces: readonly { name: string; loopback: boolean }[]): string | undefined {
  return interfaces.find((i) => i.loopback)?.name
}
