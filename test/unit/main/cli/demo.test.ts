import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Writable } from 'node:stream'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { setCapLoaderForTests } from '../../../../main/capture/live'
import { demoCommand } from '../../../../main/cli/demo'
import { describeLive, LOOPBACK } from '../../../fixtures/live-capture'
import { connectionsIn } from '../demo/connections-in'
import { fakeCap, permissionDenied } from '../demo/fake-cap'
import { tcplens } from './run-cli'

const dir = mkdtempSync(join(tmpdir(), 'tcplens-cli-demo-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

class Collect extends Writable {
  text = ''
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

describe('cli/demo', () => {
  afterEach(() => setCapLoaderForTests(undefined))

  it('should list the six scenarios, one line each, with --list', async () => {
    const { code, stdout } = await tcplens('demo', '--list')
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['normal', 'server-close', 'half-close', 'refused', 'rst-abort', 'keep-alive'])
    expect(lines[3]).toMatch(/^refused +a connection to a closed port/)
  })

  it('should refuse an unknown scenario and a missing -w FILE with exit status 1', async () => {
    const unknown = await tcplens('demo', 'syn-flood', '-w', join(dir, 'x.pcapng'))
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('unknown scenario "syn-flood"')
    const noFile = await tcplens('demo', 'normal')
    expect(noFile.code).toBe(1)
    expect(noFile.stderr).toContain('usage: tcplens demo')
  })

  it('should say what to install, with exit status 2, when the capture module cannot be loaded', async () => {
    setCapLoaderForTests(() => {
      throw new Error("Cannot find module 'cap'")
    })
    const { code, stderr } = await tcplens('demo', '-w', join(dir, 'no-cap.pcapng'))
    expect(code).toBe(2)
    expect(stderr).toContain('The capture module (cap) could not be loaded')
    expect(stderr).toContain('npm rebuild cap')
  })

  it('should give the exact fix, with exit status 2, when capturing is not permitted', async () => {
    const stdout = new Collect()
    const stderr = new Collect()
    const code = await demoCommand(['refused', '-w', join(dir, 'denied.pcapng')], { stdout, stderr }, { cap: fakeCap(permissionDenied) })
    expect(code).toBe(2)
    expect(stderr.text).not.toContain('Capturing on')
    expect(stderr.text).toContain('You may not capture packets on this machine: socket: Operation not permitted')
    expect(stderr.text).toContain('setcap cap_net_raw,cap_net_admin=eip')
    expect(stdout.text).toBe('')
  })

  it('should say so when the machine lists no loopback interface', async () => {
    const stdout = new Collect()
    const stderr = new Collect()
    const cap = fakeCap(() => 'ETHERNET', [{ name: 'eth0', addresses: [{ addr: '192.0.2.7' }] }])
    expect(await demoCommand(['-w', join(dir, 'none.pcapng')], { stdout, stderr }, { cap })).toBe(2)
    expect(stderr.text).toContain('no loopback interface')
  })
})

describeLive('cli/demo on the loopback interface', () => {
  it('should capture the refused demo into a readable file, print Capturing on the loopback and the connection as conv does', async () => {
    const path = join(dir, 'refused.pcapng')
    const { code, stdout, stderr } = await tcplens('demo', 'refused', '-w', path)
    expect(code).toBe(0)
    expect(stderr).toContain(`Capturing on '${LOOPBACK}'`)
    expect(stderr).toMatch(/Demo "refused" on 127\.0\.0\.1 port \d+: .*\n2 packets captured to /)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('TCP connections: 1')
    expect(lines[3]).toMatch(/ refused +reset +server +CLOSED +CLOSED /)
    expect(await connectionsIn(path)).toMatchObject([{ open: 'refused', close: 'reset', packets: 2 }])
  })

  it('should play the normal scenario by default, into a pcap file for *.pcap', async () => {
    const path = join(dir, 'normal.pcap')
    const { code, stdout } = await tcplens('demo', '-w', path)
    expect(code).toBe(0)
    expect(stdout).toMatch(/ three-way +(four|three)-way +client +TIME-WAIT +CLOSED /)
    expect(readFileSync(path).readUInt32LE(0)).toBe(0xa1b2c3d4) // pcap's magic, microseconds
    expect(await connectionsIn(path)).toMatchObject([{ open: 'three-way', closeInitiator: 'client' }])
  })
})
