import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UsageError } from '../../../../main/cli/argv'
import { captureCommand, interfaceLine, stopConditions, type CaptureEnvironment } from '../../../../main/cli/capture'
import type { DefaultRouteProbes } from '../../../../main/capture/default-route'
import { ETH0, LO, ethernetFrame, fakeCap, type OpenAnswer } from '../capture/live-fake-cap'

let dir: string
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'tcplens-cli-capture-'))))
afterEach(() => rm(dir, { recursive: true, force: true }))

const noRoute: DefaultRouteProbes = { platform: 'linux', readText: async () => '', localAddressToward: async () => undefined }
const viaEth0: DefaultRouteProbes = { ...noRoute, readText: async (p) => (p === '/proc/net/route' ? 'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\neth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\n' : '') }

function sink() {
  let text = ''
  return { stream: new Writable({ write: (c, _e, done) => ((text += String(c)), done()) }), text: () => text }
}

/** Runs `tcplens capture ARGS` with a fake cap; `interrupt` fires the Ctrl+C. */
async function capture(args: string[], options: { answer?: (d: string, f: string) => OpenAnswer; during?: (deliver: (b: Uint8Array) => void, interrupt: () => void) => void } = {}) {
  const cap = fakeCap([LO, ETH0, { name: 'any', description: 'Pseudo-device that captures on all interfaces', addresses: [] }], options.answer)
  const out = sink()
  const err = sink()
  let interrupt = () => undefined as void
  const env: Partial<CaptureEnvironment> = {
    cap,
    routeProbes: viaEth0,
    interrupted: () => ({ signal: new Promise<void>((resolve) => (interrupt = resolve)), dispose: () => undefined }),
    onCapturing: () => {
      const [handle] = cap.open()
      options.during?.((bytes) => handle.deliver(bytes), interrupt)
    },
  }
  const code = await captureCommand(args, { stdout: out.stream, stderr: err.stream }, env)
  return { code, stdout: out.text(), stderr: err.text(), cap }
}

describe('cli/capture -D', () => {
  it('should list the interfaces numbered as tshark -D does, the recommended one marked', async () => {
    const { code, stdout } = await capture(['-D'])
    expect(code).toBe(0)
    expect(stdout).toBe('1. eth0 (recommended: default route)\n2. lo (Loopback)\n3. any (Pseudo-device that captures on all interfaces)\n')
  })

  it('should word one line of the list', () => {
    expect(interfaceLine(4, { name: 'eth1', addresses: [], loopback: false, recommended: false })).toBe('4. eth1')
  })
})

describe('cli/capture -i … -w …', () => {
  it("should say Capturing on 'IFACE', stop on Ctrl+C and say how many packets it captured", async () => {
    const path = join(dir, 'x.pcapng')
    const result = await capture(['-i', 'lo', '-f', 'tcp', '-w', path], {
      during: (deliver, interrupt) => {
        deliver(ethernetFrame(1))
        deliver(ethernetFrame(2))
        interrupt()
      },
    })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe("Capturing on 'lo'\n2 packets captured\n")
    expect(result.cap.handles[0].filter).toBe('tcp')
  })

  it('should take the interface by its number in the -D list and stop after -c packets', async () => {
    const result = await capture(['-i', '2', '-c', '1', '-w', join(dir, 'x.pcap')], { during: (deliver) => [1, 2, 3].forEach((n) => deliver(ethernetFrame(n))) })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe("Capturing on 'lo'\n1 packet captured\n")
  })

  it("should exit 2 with libpcap's message for a filter that does not compile", async () => {
    const result = await capture(['-i', 'lo', '-f', 'tcp port and', '-w', join(dir, 'x.pcapng')], {
      answer: (_d, f) => (f ? { error: "can't parse filter expression: syntax error" } : 'ETHERNET'),
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`tcplens: invalid capture filter "tcp port and" for interface 'lo': can't parse filter expression: syntax error\n`)
  })

  it('should exit 2 with the fix when the OS refuses to capture', async () => {
    const result = await capture(['-i', 'lo', '-w', join(dir, 'x.pcapng')], { answer: () => ({ error: 'socket: Operation not permitted' }) })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('socket: Operation not permitted')
    if (process.platform === 'linux') expect(result.stderr).toContain('sudo setcap cap_net_raw,cap_net_admin=eip')
  })

  it('should refuse a capture without -w, or with conditions it does not know', async () => {
    await expect(capture(['-i', 'lo'])).rejects.toThrow(UsageError)
    await expect(capture(['-i', 'lo', '-a', 'files:3', '-w', 'x'])).rejects.toThrow(/duration:SEC or filesize:KB/)
    await expect(capture(['-i', '9', '-w', join(dir, 'x.pcapng')])).rejects.toThrow(/no interface number 9/)
  })

  it('should read -c, -a duration and -a filesize (kB of 1000 bytes) as stop conditions', () => {
    expect(stopConditions('10', ['duration:5', 'filesize:1500'])).toEqual({ packets: 10, seconds: 5, megabytes: 1.5 })
    expect(() => stopConditions('0', [])).toThrow(UsageError)
  })
})
