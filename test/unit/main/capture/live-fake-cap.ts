// A stand-in for the `cap` module: devices as given, open() answering as a test says (a link type
// name, or libpcap's error), and packets pushed into the buffer the capture gave to open().
import { EventEmitter } from 'node:events'
import type { CapDevice, CapHandle, CapModule } from '../../../../main/capture/live'

export type OpenAnswer = string | { error: string }

export class FakeHandle extends EventEmitter implements CapHandle {
  buffer: Buffer | undefined
  filter = ''
  closed = false

  constructor(private readonly answer: (device: string, filter: string) => OpenAnswer) {
    super()
  }

  open(device: string, filter: string, _bufSize: number, buffer: Buffer): string {
    const answer = this.answer(device, filter)
    if (typeof answer !== 'string') throw new Error(answer.error)
    this.buffer = buffer
    this.filter = filter
    return answer
  }

  close(): void {
    this.closed = true
  }

  /** A packet arriving: its bytes land in cap's buffer, then 'packet' fires (as cap does it). */
  deliver(bytes: Uint8Array): void {
    if (!this.buffer || this.closed) return
    this.buffer.set(bytes)
    this.emit('packet', bytes.length, false)
  }
}

export interface FakeCap extends CapModule {
  handles: FakeHandle[]
  /** The handles opened successfully and not closed. */
  open(): FakeHandle[]
}

export function fakeCap(devices: CapDevice[], answer: (device: string, filter: string) => OpenAnswer = () => 'ETHERNET'): FakeCap {
  const handles: FakeHandle[] = []
  class Cap extends FakeHandle {
    constructor() {
      super(answer)
      handles.push(this)
    }
    static deviceList = () => devices
    static findDevice = () => devices[0]?.name
  }
  return { Cap, handles, open: () => handles.filter((h) => h.buffer && !h.closed) }
}

export const LO: CapDevice = { name: 'lo', addresses: [{ addr: '127.0.0.1' }, { addr: '::1' }], flags: 'PCAP_IF_LOOPBACK' }
export const ETH0: CapDevice = { name: 'eth0', addresses: [{ addr: '192.0.2.2' }] }

/** A 60-byte Ethernet + IPv4 + TCP frame whose last byte says which one it is. */
export function ethernetFrame(seed: number, length = 60): Uint8Array {
  const bytes = new Uint8Array(length)
  bytes[12] = 0x08 // IPv4
  bytes[14] = 0x45
  bytes[16] = ((length - 14) >> 8) & 0xff
  bytes[17] = (length - 14) & 0xff
  bytes[length - 1] = seed & 0xff
  return bytes
}
