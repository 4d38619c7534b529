// The benchmark's own capture: many complete TCP connections (handshake, request, a response
// in MSS-sized segments each acknowledged, four-way close), written as pcap with the project's
// packet builder and streaming writer. Deterministic, so runs are comparable.
import { createCaptureFileWriter } from '../../main/capture/writer'
import { ethernet, ipv4, tcp, tcpOption, ETHERTYPE, IPPROTO } from '../fixtures/packets'

export interface BenchCaptureOptions {
  connections: number
  /** Segments per connection, handshake and close included (≥ 10). */
  packetsPerConnection: number
  /** Payload bytes of each response segment. */
  segmentSize: number
}

const CLIENT_MAC = '02:00:00:00:00:01'
const SERVER_MAC = '02:00:00:00:00:02'

/** Response segments per connection (each acknowledged), besides handshake, request and close. */
function responseSegments(o: BenchCaptureOptions): number {
  return Math.max(1, Math.floor((o.packetsPerConnection - 8) / 2))
}

/** How many frames the capture holds: per connection 4 to open and ask, 2 per segment, 4 to close. */
export function benchFrameCount(o: BenchCaptureOptions): number {
  return o.connections * (8 + 2 * responseSegments(o))
}

/** Writes the capture and returns how many frames it holds. */
export async function generateBenchCapture(path: string, o: BenchCaptureOptions): Promise<number> {
  const writer = await createCaptureFileWriter(path, 'pcap', { linkType: 1, snapLen: 262144 })
  const payload = new Uint8Array(o.segmentSize).fill(0x61)
  const request = new TextEncoder().encode('GET /index.html HTTP/1.1\r\nHost: example\r\n\r\n')
  let sec = 1_700_000_000
  let usec = 0
  const tick = () => {
    usec += 137
    if (usec >= 1_000_000) {
      usec -= 1_000_000
      sec++
    }
    return { tsSec: sec, tsNsec: usec * 1000 }
  }
  for (let c = 0; c < o.connections; c++) {
    const client = `10.${(c >> 16) & 255}.${(c >> 8) & 255}.${(c & 255) || 1}`
    const server = '192.0.2.80'
    const cport = 10000 + (c % 50000)
    let cseq = (c * 2654435761) >>> 0
    let sseq = (c * 40503 + 12345) >>> 0
    const frame = async (fromClient: boolean, flags: Parameters<typeof tcp>[0]['flags'], data?: Uint8Array, options?: Uint8Array[]) => {
      const seg = tcp({
        srcPort: fromClient ? cport : 80,
        dstPort: fromClient ? 80 : cport,
        seq: fromClient ? cseq : sseq,
        ack: fromClient ? sseq : cseq,
        flags,
        window: 502,
        options,
        payload: data,
        ip: { src: fromClient ? client : server, dst: fromClient ? server : client },
      })
      const ip = ipv4({ src: fromClient ? client : server, dst: fromClient ? server : client, protocol: IPPROTO.TCP, payload: seg, ttl: 64, dontFragment: true })
      const bytes = ethernet({ src: fromClient ? CLIENT_MAC : SERVER_MAC, dst: fromClient ? SERVER_MAC : CLIENT_MAC, etherType: ETHERTYPE.IPV4, payload: ip, pad: true })
      await writer.write({ ...tick(), bytes })
    }
    const syn = [tcpOption.mss(1460), tcpOption.sackPermitted(), tcpOption.nop(), tcpOption.windowScale(7)]
    await frame(true, ['SYN'], undefined, syn)
    cseq = (cseq + 1) >>> 0
    await frame(false, ['SYN', 'ACK'], undefined, syn)
    sseq = (sseq + 1) >>> 0
    await frame(true, ['ACK'])
    await frame(true, ['PSH', 'ACK'], request)
    cseq = (cseq + request.length) >>> 0
    const segments = responseSegments(o)
    for (let s = 0; s < segments; s++) {
      await frame(false, ['ACK'], payload)
      sseq = (sseq + payload.length) >>> 0
      await frame(true, ['ACK'])
    }
    await frame(false, ['FIN', 'ACK'])
    sseq = (sseq + 1) >>> 0
    await frame(true, ['ACK'])
    await frame(true, ['FIN', 'ACK'])
    cseq = (cseq + 1) >>> 0
    await frame(false, ['ACK'])
  }
  const frames = writer.frames
  await writer.close()
  return frames
}
