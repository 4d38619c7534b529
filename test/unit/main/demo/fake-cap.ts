// A stand-in for the `cap` module: its open() answers a link type or throws libpcap's message
// (permission denied, no device…), and it never delivers a packet. For the error paths of
// captures, on any machine, with or without capture rights.
import type { CapDevice, CapHandle, CapModule } from '../../../../main/capture/live'

export const FAKE_LOOPBACK: CapDevice = { name: 'lo', addresses: [{ addr: '127.0.0.1' }, { addr: '::1' }], flags: 'PCAP_IF_LOOPBACK' }

export function fakeCap(open: () => string, devices: CapDevice[] = [FAKE_LOOPBACK]): CapModule {
  class FakeHandle implements CapHandle {
    open = open
    close() {}
    on() {
      return this
    }
    removeAllListeners() {
      return this
    }
    static deviceList() {
      return devices
    }
    static findDevice() {
      return undefined
    }
  }
  return { Cap: FakeHandle }
}

/** libpcap's words when the process lacks CAP_NET_RAW. */
export const permissionDenied = (): string => {
  throw new Error('socket: Operation not permitted')
}
