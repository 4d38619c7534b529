// The decode hooks whose answers depend on the order of frames (DecodeContext): UDP conversation
// numbers and times, ICMP echo replies matched to their requests, ARP's address bindings; and the
// interface a frame was captured on. DecodePass feeds them every frame in file order; the session
// (main/session) runs the same hooks once in its pass and replays their answers when it decodes a
// single frame out of order, so both decode a frame alike.
import type { CaptureInfo } from '../capture/source'
import type { DecodeContext } from './dissection'
import type { Timestamp } from './field'

export type OrderHooks = Required<Pick<DecodeContext, 'udpStream' | 'udpTimes' | 'echoMatch' | 'arpBinding'>>

/** Fresh hooks, with no frame seen yet. */
export function createOrderHooks(): OrderHooks {
  const udpStreams = new Map<string, number>()
  /** First and latest frame time of each UDP stream, by stream number. */
  const udpTimes: Array<{ first: Timestamp; previous: Timestamp }> = []
  /** Echo requests waiting for their reply, by matching key (Wireshark's unmatched transactions). */
  const echoRequests = new Map<string, { frame: number; time: Timestamp; answered: boolean }>()
  /** ARP: where each IPv4 address was last seen (MAC, frame, seconds), for duplicate detection. */
  const arpBindings = new Map<string, { mac: string; frame: number; sec: number }>()
  return {
    udpStream: (key) => {
      let stream = udpStreams.get(key)
      if (stream === undefined) {
        stream = udpStreams.size
        udpStreams.set(key, stream)
      }
      return stream
    },
    udpTimes: (stream, time) => {
      const times = udpTimes[stream]
      if (!times) {
        udpTimes[stream] = { first: time, previous: time }
        return { first: time, previous: time }
      }
      const result = { first: times.first, previous: times.previous }
      times.previous = time
      return result
    },
    // As Wireshark's ICMP/ICMPv6 transactions: a later request with the same key replaces the
    // earlier one, and only the first reply to a request is matched with it.
    echoMatch: (key, isRequest, frame, time) => {
      if (isRequest) {
        echoRequests.set(key, { frame, time, answered: false })
        return undefined
      }
      const request = echoRequests.get(key)
      if (!request || request.answered) return undefined
      request.answered = true
      return { frame: request.frame, time: request.time }
    },
    arpBinding: (ip, mac, frame, sec) => {
      // As Wireshark's ARP: the same MAC refreshes the entry, another one is reported and
      // leaves the entry as it was.
      const known = arpBindings.get(ip)
      if (!known) {
        arpBindings.set(ip, { mac, frame, sec })
        return undefined
      }
      if (frame <= known.frame) return undefined
      if (known.mac === mac) {
        known.frame = frame
        known.sec = sec
        return undefined
      }
      return { ...known }
    },
  }
}

/**
 * The interface fields of a frame's context: its name, and frame.interface_id as Wireshark shows
 * it, numbered within its pcapng section (it restarts at 0 in each section).
 */
/** Wireshark shows a frame's interface (frame.interface_id, its name) only for pcapng files. */
export function showsInterface(info: CaptureInfo): boolean {
  return info.format === 'pcapng'
}

export function interfaceContext(info: CaptureInfo, interfaceId: number): Pick<DecodeContext, 'interfaceName' | 'sectionInterfaceId'> {
  const iface = info.interfaces[interfaceId]
  if (!iface) return { interfaceName: undefined, sectionInterfaceId: interfaceId }
  let local = 0
  for (const other of info.interfaces) {
    if (other.id === iface.id) break
    if (other.section === iface.section) local++
  }
  return { interfaceName: iface.name, sectionInterfaceId: local }
}
