// SessionCore, in process, on a live capture: a pcapng file the test writes a block at a time, as
// CaptureRun does, with liveGrew telling the session how far it is complete. Rows, packets,
// connections, the narrative, the flow graph, expert info and follow stream answer during the
// capture; the status says live (capturing, then stopped) and unsaved; progress keeps coming;
// closing while the session waits for the file never hangs.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CaptureStatus } from '../../../../preload/contract/dto'
import type { SessionCore } from '../../../../main/session/session-core'
import { GrowingFile, PcapngBlocks, scenarioFrames } from '../capture/growing-file'
import { CaptureFiles } from './capture-files'
import { failure, session } from './session-events'

const files = new CaptureFiles()
afterAll(() => files.remove())
let made = 0

const LIVE = { interface: 'lo', filter: 'tcp port 80' }

/** A live file of the four-way close scenario (11 frames), nothing written yet. */
async function liveFile(name = 'tcp-scenario-four-way-close'): Promise<GrowingFile> {
  return new GrowingFile(join(files.dir, `live-${++made}.pcapng`), new PcapngBlocks(await scenarioFrames(name)))
}

/** Resolves once `check` holds (checked after each event loop turn): no timing is asserted. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2))
}

/** Opens `file` live in `core` with its header written and told (before the open answers). */
async function openLive(core: SessionCore, file: GrowingFile): Promise<void> {
  const opening = core.openLive(file.path, LIVE)
  core.liveGrew(file.writeHeader(), false)
  await opening
}

describe('session/session-core: a live capture', () => {
  it('should answer rows, packets, connections, the narrative and the flow graph while capturing', async () => {
    const { core, captures } = session({ progressIntervalMs: 1 })
    const file = await liveFile()
    await openLive(core, file)
    expect(captures.at(-1)).toMatchObject({ state: 'loading', live: { ...LIVE, state: 'capturing' }, unsaved: true, file: { format: 'pcapng' } })

    core.liveGrew(file.writePackets(3), false)
    await until(() => core.status().packets === 3)
    expect(core.status().file?.size).toBe(file.committed)
    expect((await core.rows(0, 100)).rows.map((r) => r.info)).toEqual([expect.stringContaining('[SYN]'), expect.stringContaining('[SYN, ACK]'), expect.stringContaining('[ACK]')])
    expect((await core.packet(2)).tree.map((n) => n.name)).toEqual(['frame', 'eth', 'ip', 'tcp'])
    const [opened] = await core.connections()
    expect(opened).toMatchObject({ open: 'three-way', close: 'none', packets: 3, client: { state: 'ESTABLISHED' }, server: { state: 'ESTABLISHED' } })
    expect((await core.narrative(0, 'en')).steps).toHaveLength(3)
    expect((await core.flowGraph('en')).rows).toHaveLength(3)
    expect(await core.expertInfo()).toMatchObject({ entries: expect.any(Array) })

    core.liveGrew(file.writeRest(), false)
    await until(() => core.status().packets === 11)
    const [closed] = await core.connections()
    expect(closed).toMatchObject({ close: 'four-way', packets: 11 })
    expect((await core.narrative(0, 'zh-CN')).steps).toHaveLength(11)
    expect((await core.followStream(0)).bytes).toEqual({ client: 100, server: 1000 })
    expect(core.status()).toMatchObject({ state: 'loading', live: { state: 'capturing' } })
    await core.dispose()
  })

  it('should end ready and stopped after liveGrew says the end, with the connections a file open gives', async () => {
    const { core, captures } = session()
    const file = await liveFile('tcp-scenario-rst-abort')
    await openLive(core, file)
    core.liveGrew(file.writeRest(), true)
    await core.loaded()
    expect(captures.at(-1)).toMatchObject({ state: 'ready', live: { ...LIVE, state: 'stopped' }, unsaved: true, packets: file.blocks.frames.length })
    const live = await core.connections()

    const other = session().core
    await other.openPath(files.bytes(`whole-${made}.pcapng`, file.blocks.bytes()))
    await other.loaded()
    expect(live).toEqual(await other.connections())
    expect(other.status().live).toBeUndefined()
    await other.dispose()
    await core.dispose()
  })

  it('should take growth told before the open answers, and keep reporting progress while capturing', async () => {
    const { core, progress } = session({ progressIntervalMs: 50 })
    const file = await liveFile()
    const opening = core.openLive(file.path, LIVE)
    // Everything is told before the open has even looked at the file.
    core.liveGrew(file.writeHeader(), false)
    core.liveGrew(file.writePackets(5), false)
    await opening
    await until(() => progress.at(-1)?.packets === 5)
    expect(progress.at(-1)).toMatchObject({ session: 1, packets: 5, connections: 1, totalBytes: file.committed, bytesRead: file.committed })
    // A pause after a burst: the frames of the burst are reported even though nothing follows.
    core.liveGrew(file.writePackets(1), false)
    core.liveGrew(file.writePackets(1), false)
    await until(() => progress.at(-1)?.packets === 7)
    expect(progress.map((p) => p.packets)).toEqual([...progress.map((p) => p.packets)].sort((a, b) => a - b))
    core.liveGrew(file.committed, true)
    await core.loaded()
    await core.dispose()
  })

  it('should not read a block that is only partly written', async () => {
    const { core } = session()
    const file = await liveFile()
    await openLive(core, file)
    core.liveGrew(file.writePackets(2), false)
    file.writePartOfNext(0.6)
    await until(() => core.status().packets === 2)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(core.status()).toMatchObject({ state: 'loading', packets: 2 })
    core.liveGrew(file.writePackets(1), true)
    await core.loaded()
    expect(core.status()).toMatchObject({ state: 'ready', packets: 3 })
    expect(core.status().error).toBeUndefined()
    await core.dispose()
  })

  it('should leave a live capture reading on cancelOpen (stopping it is the capture’s own stop)', async () => {
    const { core } = session()
    const file = await liveFile()
    await openLive(core, file)
    expect(await core.cancelOpen()).toMatchObject({ state: 'loading', live: { state: 'capturing' } })
    core.liveGrew(file.writeRest(), true)
    await core.loaded()
    expect(core.status()).toMatchObject({ state: 'ready', packets: 11 })
    expect(core.status().cancelled).toBeUndefined()
    await core.dispose()
  })

  it('should close while waiting for more of the file, and while waiting for its header, without hanging', async () => {
    const { core } = session()
    const file = await liveFile()
    await openLive(core, file)
    core.liveGrew(file.writePackets(2), false)
    await until(() => core.status().packets === 2)
    expect(await core.close()).toMatchObject({ state: 'empty' })
    expect(core.openFiles).toBe(0)

    const waiting = failure(core.openLive((await liveFile()).path, LIVE))
    await new Promise((resolve) => setTimeout(resolve, 10))
    await core.dispose()
    expect((await waiting).code).toBe('cancelled')
    expect(core.openFiles).toBe(0)
  })

  it('should end the previous live capture’s wait when another capture is opened', async () => {
    const { core } = session()
    const first = await liveFile()
    await openLive(core, first)
    const second = await liveFile('tcp-scenario-refused')
    await openLive(core, second)
    core.liveGrew(second.writeRest(), true)
    await core.loaded()
    expect(core.status()).toMatchObject({ session: 2, state: 'ready', packets: second.blocks.frames.length, live: { state: 'stopped' } })
    await core.dispose()
  })
})

describe('session/session-core: saving a live capture', () => {
  const statusAfter = (captures: CaptureStatus[]) => captures.at(-1)!

  it('should stay unsaved after a save made while capturing, or of the displayed packets only; a whole save after the stop clears it', async () => {
    const { core, captures } = session()
    const file = await liveFile()
    await openLive(core, file)
    core.liveGrew(file.writePackets(4), false)
    await until(() => core.status().packets === 4)
    const early = await core.saveAs(join(files.dir, `early-${made}.pcapng`), { displayed: false })
    expect(early).toMatchObject({ format: 'pcapng', packets: 4 })
    core.liveGrew(file.writeRest(), true)
    await core.loaded()
    // The packets captured after that save are in no file.
    expect(statusAfter(captures)).toMatchObject({ state: 'ready', unsaved: true })

    await core.setView({ filter: 'tcp.flags.syn == 1' })
    expect(await core.saveAs(join(files.dir, `syns-${made}.pcap`), { displayed: true })).toMatchObject({ format: 'pcap', packets: 2 })
    expect(statusAfter(captures).unsaved).toBe(true)

    const whole = await core.saveAs(join(files.dir, `whole-${made}.pcapng`), { displayed: false })
    expect(whole).toMatchObject({ name: `whole-${made}.pcapng`, packets: 11 })
    expect(statusAfter(captures)).toMatchObject({ state: 'ready', unsaved: false, live: { state: 'stopped' } })
    expect(core.status().unsaved).toBe(false)
    // From now on the capture is the saved file, as Wireshark's title says after a save.
    expect(core.status().file).toMatchObject({ name: `whole-${made}.pcapng`, path: join(files.dir, `whole-${made}.pcapng`), format: 'pcapng' })
    expect((await core.rows(0, 1)).rows).toHaveLength(1)
    await core.dispose()
  })
})
