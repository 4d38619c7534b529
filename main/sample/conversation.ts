// Writes a TCP conversation as the story it tells ("client SYN", "server SYN-ACK", "client sends
// the request"): each side remembers what it sent and received, so sequence and acknowledgment
// numbers, Linux's options (MSS, SACK permitted, timestamps, window scale) and the times follow.
import type { FrameToWrite } from '../capture/writer'
import { TCP_FLAG } from '../tcp/segment'
import { encodeTcpFrame, TCP_OPTION } from './tcp-frame'

export interface Host {
  mac: string
  ip: string
}

export interface Endpoint extends Host {
  port: number
  /** Initial sequence number. */
  isn: number
  /** The window field of its SYN, and of its later segments (scaled by 2^7). */
  synWindow: number
  window: number
  ttl: number
  /** Its TCP timestamp clock at the start of the capture (RFC 7323: any value). */
  tsClock: number
}

type FlagName = 'SYN' | 'ACK' | 'PSH' | 'FIN' | 'RST'

export interface SegmentSpec {
  flags: FlagName[]
  /** Payload: text (sent as UTF-8) or bytes. */
  data?: string | Uint8Array
  /** Milliseconds after the capture's previous frame (default 0.1). */
  after?: number
  /** Forces the sequence number (a refusing RST carries 0). */
  seq?: number
}

const WINDOW_SHIFT = 7
const MSS = 1460
const utf8 = new TextEncoder()

/** The frames of one capture on one clock; conversations add to it in time order. */
export class CaptureClock {
  readonly frames: FrameToWrite[] = []
  private elapsedUs = 0

  constructor(readonly startSeconds: number) {}

  /** Lets time pass before the next frame. */
  wait(ms: number): void {
    this.elapsedUs += Math.round(ms * 1000)
  }

  get elapsedMs(): number {
    return this.elapsedUs / 1000
  }

  add(bytes: Uint8Array): void {
    const us = this.elapsedUs
    this.frames.push({ bytes, tsSec: this.startSeconds + Math.floor(us / 1e6), tsNsec: (us % 1e6) * 1000 })
  }
}

interface SideState {
  endpoint: Endpoint
  next: number
  received: number
  ipId: number
  sentSyn: boolean
  /** The peer's last TSval (echoed as TSecr). */
  peerTsval: number
}

export class Conversation {
  private readonly sides: Record<'client' | 'server', SideState>

  constructor(
    private readonly clock: CaptureClock,
    client: Endpoint,
    server: Endpoint,
  ) {
    const state = (endpoint: Endpoint, ipId: number): SideState => ({ endpoint, next: endpoint.isn >>> 0, received: 0, ipId, sentSyn: false, peerTsval: 0 })
    this.sides = { client: state(client, (client.isn >>> 16) ^ 0x5a5a), server: state(server, 0) }
  }

  client(spec: SegmentSpec): this {
    return this.send('client', spec)
  }

  server(spec: SegmentSpec): this {
    return this.send('server', spec)
  }

  private send(from: 'client' | 'server', spec: SegmentSpec): this {
    const me = this.sides[from]
    const peer = this.sides[from === 'client' ? 'server' : 'client']
    this.clock.wait(spec.after ?? 0.1)
    const has = (flag: FlagName) => spec.flags.includes(flag)
    const payload = typeof spec.data === 'string' ? utf8.encode(spec.data) : (spec.data ?? new Uint8Array(0))
    const seq = (spec.seq ?? me.next) >>> 0
    const ack = has('ACK') ? me.received : 0
    const tsval = (me.endpoint.tsClock + Math.floor(this.clock.elapsedMs)) >>> 0
    const options = this.optionsFor(me, peer, has('SYN'), has('RST'), has('ACK'), tsval)
    const end = (seq + payload.length + (has('SYN') ? 1 : 0) + (has('FIN') ? 1 : 0)) >>> 0
    if (spec.seq === undefined) me.next = end
    peer.received = end
    peer.peerTsval = tsval
    if (has('SYN')) me.sentSyn = true
    const flags = spec.flags.reduce((bits, name) => bits | TCP_FLAG[name], 0)
    const { endpoint } = me
    const frame = encodeTcpFrame({
      srcMac: endpoint.mac,
      dstMac: peer.endpoint.mac,
      srcIp: endpoint.ip,
      dstIp: peer.endpoint.ip,
      srcPort: endpoint.port,
      dstPort: peer.endpoint.port,
      seq,
      ack,
      flags,
      window: has('RST') ? 0 : has('SYN') ? endpoint.synWindow : endpoint.window,
      options,
      payload,
      ipId: me.ipId,
      ttl: endpoint.ttl,
    })
    me.ipId = (me.ipId + 1) & 0xffff
    this.clock.add(frame)
    return this
  }

  /** Linux's options: the full set on a SYN, timestamps on the rest once both sides agreed, none on a RST. */
  private optionsFor(me: SideState, peer: SideState, syn: boolean, rst: boolean, ack: boolean, tsval: number): Uint8Array | undefined {
    if (rst) return undefined
    const tsecr = ack ? me.peerTsval : 0
    if (syn) return Uint8Array.from([...TCP_OPTION.mss(MSS), ...TCP_OPTION.sackPermitted(), ...TCP_OPTION.timestamps(tsval, tsecr), ...TCP_OPTION.nop(), ...TCP_OPTION.windowScale(WINDOW_SHIFT)])
    if (me.sentSyn && peer.sentSyn) return Uint8Array.from([...TCP_OPTION.nop(), ...TCP_OPTION.nop(), ...TCP_OPTION.timestamps(tsval, tsecr)])
    return undefined
  }
}
