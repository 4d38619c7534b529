// The answers the order-dependent decode hooks gave each frame during the session's pass (UDP
// stream numbers and times, ICMP echo matches, ARP duplicate bindings, IP reassembly), kept as
// numbers so that a frame decoded alone, out of order, is told exactly what the full pass was
// told. Only frames other than plain TCP segments call these hooks; the pass decodes those frames
// in full once, with recording hooks, and the tape keeps what each call answered, in call order.
//
// Layout: for each recorded frame (in frame order) where its entries start in one Float64 tape;
// each entry is a code and its answer's numbers. MAC addresses (ARP) are numbered in a table.
import type { Timestamp } from '../decode/field'
import type { OrderHooks } from '../decode/order-hooks'
import { IpReassembly, type Reassembled } from '../decode/reassembly'
import { GrowingList, lowerBound } from './columns'

const CODE = { UDP_STREAM: 1, UDP_TIMES: 2, ECHO: 3, ARP: 4, REASSEMBLY: 5 } as const

/** A frame's decode asked the tape for something it does not hold: the replay is not exact. */
export class TapeMismatch extends Error {
  constructor(frame: number, what: string) {
    super(`frame ${frame}: the decode asked for ${what}, which the session's pass did not record`)
    this.name = 'TapeMismatch'
  }
}

export class HookTape {
  private readonly frames = new GrowingList(new Uint32Array(0))
  private readonly starts = new GrowingList(new Uint32Array(0))
  private readonly data = new GrowingList(new Float64Array(0))
  private readonly macs: string[] = []
  private readonly macNumbers = new Map<string, number>()

  /** Starts the entries of `frame` (frames in increasing order). */
  begin(frame: number): void {
    this.frames.push(frame)
    this.starts.push(this.data.length)
  }

  /** Hooks that answer as `hooks` do and write each answer to the tape (after begin()). */
  recording(hooks: OrderHooks): OrderHooks {
    const put = (...values: number[]) => {
      for (const v of values) this.data.push(v)
    }
    return {
      udpStream: (key) => {
        const stream = hooks.udpStream(key)
        put(CODE.UDP_STREAM, stream)
        return stream
      },
      udpTimes: (stream, time) => {
        const times = hooks.udpTimes(stream, time)
        put(CODE.UDP_TIMES, times.first.sec, times.first.nsec, times.previous.sec, times.previous.nsec)
        return times
      },
      echoMatch: (key, isRequest, frame, time) => {
        const request = hooks.echoMatch(key, isRequest, frame, time)
        put(CODE.ECHO, request ? request.frame : 0, request?.time.sec ?? 0, request?.time.nsec ?? 0)
        return request
      },
      arpBinding: (ip, mac, frame, sec) => {
        const earlier = hooks.arpBinding(ip, mac, frame, sec)
        put(CODE.ARP, earlier ? this.macNumber(earlier.mac) : -1, earlier?.frame ?? 0, earlier?.sec ?? 0)
        return earlier
      },
    }
  }

  /** A reassembly table whose every add() is written to the tape: the fragments' frames of a completed datagram. */
  recordingReassembly(): IpReassembly {
    const put = (done: Reassembled | undefined) => {
      this.data.push(CODE.REASSEMBLY)
      this.data.push(done ? done.fragments.length : 0)
      if (done) for (const f of done.fragments) this.data.push(f.frame)
    }
    return new (class extends IpReassembly {
      override add(key: string, frame: number, offset: number, data: Uint8Array, more: boolean): Reassembled | undefined {
        const done = super.add(key, frame, offset, data, more)
        put(done)
        return done
      }
    })()
  }

  /** The frames whose fragments `frame` completed a datagram with (itself included), if it did. */
  reassembledFrom(frame: number): number[] | undefined {
    const reader = this.reader(frame)
    if (!reader) return undefined
    while (!reader.done()) {
      const code = reader.next()
      if (code === CODE.REASSEMBLY) {
        const count = reader.next()
        if (count) return Array.from({ length: count }, () => reader.next())
      } else reader.skip(ENTRY_SIZE[code] ?? 0)
    }
    return undefined
  }

  /**
   * Hooks that answer `frame`'s decode from the tape, in call order; `reassembly` (a table already
   * holding the datagram's other fragments, see reassembledFrom; a new one when not given) is
   * checked against the tape too. A call the tape does not hold throws TapeMismatch (the decode
   * marks the frame malformed). The reassembly table is made only when the decode asks for it.
   */
  replaying(frame: number, reassembly?: IpReassembly): TapeReplay {
    return new TapeReplay(this.reader(frame) ?? new TapeReader(frame, EMPTY), this.macs, reassembly)
  }

  private reader(frame: number): TapeReader | undefined {
    const frames = this.frames.view()
    const at = lowerBound(frames, frames.length, frame)
    if (frames[at] !== frame) return undefined
    const end = at + 1 < this.starts.length ? this.starts.at(at + 1) : this.data.length
    return new TapeReader(frame, this.data.view().subarray(this.starts.at(at), end))
  }

  private macNumber(mac: string): number {
    let n = this.macNumbers.get(mac)
    if (n === undefined) {
      n = this.macs.length
      this.macs.push(mac)
      this.macNumbers.set(mac, n)
    }
    return n
  }
}

/** One frame's hooks, answered from its entries on the tape (see HookTape.replaying). */
export class TapeReplay implements OrderHooks {
  private table?: IpReassembly

  constructor(
    private readonly reader: TapeReader,
    private readonly macs: readonly string[],
    private readonly filled?: IpReassembly,
  ) {}

  /** The reassembly table the decode feeds (made on first use: few frames are fragments). */
  get reassembly(): IpReassembly {
    this.table ??= new ReplayedReassembly(this.reader, this.filled ?? new IpReassembly())
    return this.table
  }

  udpStream = (): number => {
    this.reader.expect(CODE.UDP_STREAM, 'a UDP stream')
    return this.reader.next()
  }

  udpTimes = (): { first: Timestamp; previous: Timestamp } => {
    this.reader.expect(CODE.UDP_TIMES, 'UDP stream times')
    return { first: this.reader.time(), previous: this.reader.time() }
  }

  echoMatch = (): { frame: number; time: Timestamp } | undefined => {
    this.reader.expect(CODE.ECHO, 'an ICMP echo match')
    const request = this.reader.next()
    const at = this.reader.time()
    return request ? { frame: request, time: at } : undefined
  }

  arpBinding = (): { mac: string; frame: number; sec: number } | undefined => {
    this.reader.expect(CODE.ARP, 'an ARP binding')
    const mac = this.reader.next()
    const earlier = { frame: this.reader.next(), sec: this.reader.next() }
    return mac < 0 ? undefined : { mac: this.macs[mac]!, ...earlier }
  }
}

/** A reassembly that feeds `filled` and checks each add() against the tape. */
class ReplayedReassembly extends IpReassembly {
  constructor(
    private readonly reader: TapeReader,
    private readonly filled: IpReassembly,
  ) {
    super()
  }

  override add(key: string, at: number, offset: number, data: Uint8Array, more: boolean): Reassembled | undefined {
    this.reader.expect(CODE.REASSEMBLY, 'an IP reassembly')
    const count = this.reader.next()
    this.reader.skip(count)
    const done = this.filled.add(key, at, offset, data, more)
    if ((done?.fragments.length ?? 0) !== count) throw new TapeMismatch(this.reader.frame, 'a reassembly that ended otherwise')
    return done
  }
}

const EMPTY = new Float64Array(0)

/** Numbers after the code, for the entries of fixed size. */
const ENTRY_SIZE: Record<number, number> = { [CODE.UDP_STREAM]: 1, [CODE.UDP_TIMES]: 4, [CODE.ECHO]: 3, [CODE.ARP]: 3 }

class TapeReader {
  private at = 0

  constructor(
    readonly frame: number,
    private readonly values: Float64Array,
  ) {}

  /** Reads the next entry's code, which must be `code`. */
  expect(code: number, what: string): void {
    if (this.done() || this.next() !== code) throw new TapeMismatch(this.frame, what)
  }

  time(): Timestamp {
    return { sec: this.next(), nsec: this.next() }
  }

  done(): boolean {
    return this.at >= this.values.length
  }

  next(): number {
    if (this.at >= this.values.length) throw new TapeMismatch(this.frame, 'more than was recorded')
    return this.values[this.at++]!
  }

  skip(n: number): void {
    this.at += n
  }
}
