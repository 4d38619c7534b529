// One TCP conversation as Wireshark counts them (one tcp.stream): its two endpoints, one flow
// per direction, and what is known of it as a whole (completeness, times, the initial RTT).
import type { Timestamp } from '../decode/field'
import { TcpFlow } from './endpoint'

export interface TcpEndpointAddress {
  address: string
  port: number
}

export class TcpConversation {
  readonly flows: [TcpFlow, TcpFlow] = [new TcpFlow(), new TcpFlow()]
  /** tcp.completeness bits: 1 SYN, 2 SYN-ACK, 4 ACK, 8 data, 16 FIN, 32 RST. */
  completeness = 0
  /** When its first frame and its latest frame were captured (prevTime is updated in place). */
  readonly firstTime: Timestamp
  readonly prevTime: Timestamp
  /** When the latest SYN (without ACK) was seen. */
  lastSynTime?: Timestamp
  /**
   * The initial RTT: latest SYN to the first pure ACK. A zero RTT counts as not known, as in
   * Wireshark, so the next pure ACK measures it again.
   */
  initialRtt?: Timestamp
  /** The SYN carried data with a Fast Open cookie. */
  tfoSynData = false

  constructor(
    readonly stream: number,
    /** [0] sent the first captured frame of the conversation. */
    readonly endpoints: [TcpEndpointAddress, TcpEndpointAddress],
    time: Timestamp,
  ) {
    this.firstTime = { sec: time.sec, nsec: time.nsec }
    this.prevTime = { sec: time.sec, nsec: time.nsec }
  }
}

/** The two endpoints' address/port pair, the same whichever side is named first (port reuse). */
export function endpointPairKey(conv: TcpConversation): string {
  const [a, b] = conv.endpoints
  const x = `${a.address} ${a.port}`
  const y = `${b.address} ${b.port}`
  return x < y ? `${x} ${y}` : `${y} ${x}`
}
