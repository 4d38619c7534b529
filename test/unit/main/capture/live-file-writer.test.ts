import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArrivalClock, preciseWallMs, splitMicros } from '../../../../main/capture/arrival-clock'
import { LIVE_SNAPLEN, LiveFileWriter, TIMESTAMP_COMMENT } from '../../../../main/capture/live-file-writer'
import { originalLength } from '../../../../main/capture/original-length'
import { readClean } from './read-all'
import { ethernetFrame } from './live-fake-cap'

let dir: string
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'tcplens-live-writer-'))))
afterEach(() => rm(dir, { recursive: true, force: true }))

const T0 = 1_700_000_000_123_456 // epoch µs

describe('capture/live-file-writer', () => {
  it('should write a pcapng the project reads back: the interface, filter, µs timestamps and every packet', async () => {
    const path = join(dir, 'live.pcapng')
    const writer = new LiveFileWriter({ path, linkType: 1, interfaceName: 'lo', description: 'Loopback', filter: 'tcp port 80' })
    await writer.ready
    for (let i = 0; i < 5; i++) expect(writer.append(ethernetFrame(i), T0 + i * 1500)).toBe(true)
    const size = await writer.close()
    expect(size).toBe((await stat(path)).size)

    const { info, frames } = await readClean(new Uint8Array(await readFile(path)))
    expect(info.interfaces[0]).toMatchObject({ linkType: 1, snapLen: LIVE_SNAPLEN, name: 'lo', description: 'Loopback', filter: 'tcp port 80', tsResolution: { base: 10, exponent: 6 } })
    expect(info.sections[0].userApplication).toBe('TCP Lens')
    expect(frames.map((f) => f.bytes[59])).toEqual([0, 1, 2, 3, 4])
    expect(frames[1]).toMatchObject({ tsSec: 1_700_000_000, tsNsec: 124_956_000, capLen: 60, origLen: 60 })
    // The IDB says how the timestamps were taken (Wireshark shows the comment).
    expect(Buffer.from(await readFile(path)).includes(TIMESTAMP_COMMENT)).toBe(true)
  })

  it('should write pcap for a .pcap path', async () => {
    const path = join(dir, 'live.pcap')
    const writer = new LiveFileWriter({ path, linkType: 1, interfaceName: 'lo', filter: '' })
    writer.append(ethernetFrame(7), T0)
    await writer.close()
    const { info, frames } = await readClean(new Uint8Array(await readFile(path)))
    expect(info.format).toBe('pcap')
    expect(frames).toHaveLength(1)
    expect(frames[0]).toMatchObject({ tsSec: 1_700_000_000, tsNsec: 123_456_000 })
  })

  it('should tell onCommitted the header first, then sizes that only grow and end at the file size', async () => {
    const path = join(dir, 'live.pcapng')
    const sizes: number[] = []
    const writer = new LiveFileWriter({ path, linkType: 1, interfaceName: 'lo', filter: '', flushBytes: 200, onCommitted: (n) => sizes.push(n) })
    const header = await writer.ready
    expect(sizes[0]).toBe(header)
    for (let i = 0; i < 20; i++) writer.append(ethernetFrame(i), T0 + i)
    const size = await writer.close()
    expect(sizes.length).toBeGreaterThan(2)
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes)
    expect(sizes.at(-1)).toBe(size)
  })

  it('should drop and count packets while too much waits for the disk, never losing one silently', async () => {
    const path = join(dir, 'live.pcapng')
    // 1 KB may wait: 200 packets appended without yielding overrun it.
    const writer = new LiveFileWriter({ path, linkType: 1, interfaceName: 'lo', filter: '', flushBytes: 256, maxQueuedBytes: 1024 })
    let kept = 0
    for (let i = 0; i < 200; i++) if (writer.append(ethernetFrame(i), T0 + i)) kept++
    await writer.close()
    const { frames } = await readClean(new Uint8Array(await readFile(path)))
    expect(writer.dropped).toBeGreaterThan(0)
    expect(writer.packets).toBe(kept)
    expect(writer.packets + writer.dropped).toBe(200)
    expect(frames).toHaveLength(kept)
  })

  it('should refuse to start when the file cannot be created', async () => {
    const writer = new LiveFileWriter({ path: join(dir, 'no/such/dir/live.pcapng'), linkType: 1, interfaceName: 'lo', filter: '' })
    await expect(writer.ready).rejects.toThrow(/ENOENT/)
    expect(await writer.close()).toBe(0)
  })
})

describe('capture/original-length', () => {
  it('should keep the captured length below the snaplen', () => {
    expect(originalLength(ethernetFrame(0, 100), 1, LIVE_SNAPLEN)).toBe(100)
  })

  it('should read the IPv4 total length of a packet cut at the snaplen', () => {
    const cut = new Uint8Array(LIVE_SNAPLEN)
    cut.set(ethernetFrame(0, 60).subarray(0, 16))
    cut[16] = 0xff // total length 65535 + 14 bytes of Ethernet: longer than what was kept
    cut[17] = 0xff
    expect(originalLength(cut, 1, LIVE_SNAPLEN)).toBe(14 + 65535)
  })

  it('should read the IPv6 payload length behind a cooked (SLL) header', () => {
    const cut = new Uint8Array(LIVE_SNAPLEN)
    cut[16] = 0x60
    cut[20] = 0xff
    cut[21] = 0xf0
    expect(originalLength(cut, 113, LIVE_SNAPLEN)).toBe(16 + 40 + 0xfff0)
  })
})

describe('capture/arrival-clock', () => {
  it('should anchor to wall time once and advance with the monotonic clock, in µs', () => {
    let hr = 5_000_000_000n
    const clock = new ArrivalClock(() => 1_700_000_000_000, () => hr)
    expect(clock.nowMicros()).toBe(1_700_000_000_000_000)
    hr += 123_456_789n
    expect(clock.nowMicros()).toBe(1_700_000_000_123_456)
    expect(splitMicros(1_700_000_000_123_456)).toEqual({ sec: 1_700_000_000, nsec: 123_456_000 })
  })

  it('should anchor with a fraction of a millisecond (Date.now has whole ones), unless the wall clock was set since the process started', () => {
    const anchored = new ArrivalClock(() => 1_700_000_000_000.25, () => 0n)
    expect(anchored.nowMicros()).toBe(1_700_000_000_000_250)
    expect(Number.isInteger(anchored.nowMicros())).toBe(true)
    // The precise clock agrees with Date.now() within a millisecond here: it is the one used.
    expect(Math.abs(preciseWallMs() - Date.now())).toBeLessThanOrEqual(1)
  })

  it('should never go backwards within a run, whatever the wall clock does', () => {
    let wall = 1_700_000_000_000
    const clock = new ArrivalClock(() => wall)
    const first = clock.nowMicros()
    wall -= 60_000 // NTP steps the clock back a minute
    expect(clock.nowMicros()).toBeGreaterThanOrEqual(first)
  })
})
