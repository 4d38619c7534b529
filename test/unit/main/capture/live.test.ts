import { afterEach, describe, expect, it } from 'vitest'
import { CaptureProblemError } from '../../../../main/capture/capture-problem'
import type { DefaultRouteProbes } from '../../../../main/capture/default-route'
import { checkCaptureFilter, linkTypeNumber, listInterfaces, loadCap, loopbackInterface, openInterface, setCapLoaderForTests } from '../../../../main/capture/live'
import { ETH0, LO, fakeCap } from './live-fake-cap'

/** Routing as a test says: never a real socket. */
function probes(route: { table?: string; local?: string; platform?: string }): DefaultRouteProbes {
  return {
    platform: route.platform ?? 'linux',
    readText: async (path) => (path === '/proc/net/route' ? (route.table ?? '') : ''),
    localAddressToward: async () => route.local,
  }
}
const ROUTE_VIA_ETH0 = 'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\nENP\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\n'.replace('ENP', 'eth0')

afterEach(() => setCapLoaderForTests(undefined))

describe('capture/live: loading cap', () => {
  it('should not load cap until a function needs it', () => {
    let loads = 0
    setCapLoaderForTests(() => {
      loads++
      return fakeCap([LO])
    })
    expect(loads).toBe(0)
    loadCap()
    loadCap()
    expect(loads).toBe(1)
  })

  it('should answer no-capture-module with the loader\'s first line when cap cannot load', async () => {
    setCapLoaderForTests(() => {
      throw new Error("Cannot find module 'cap'\nRequire stack:\n- /x/y.js")
    })
    const list = await listInterfaces()
    expect(list).toMatchObject({ available: false, interfaces: [], problem: { code: 'no-capture-module', message: "Cannot find module 'cap'" } })
    expect(() => loadCap()).toThrow(CaptureProblemError)
    expect(await checkCaptureFilter('lo', 'tcp')).toMatchObject({ ok: false, problem: { code: 'no-capture-module' } })
  })
})

describe('capture/live: listInterfaces', () => {
  const any = { name: 'any', description: 'Pseudo-device that captures on all interfaces', addresses: [] }
  const cap = fakeCap([any, LO, ETH0, { name: 'ifb0', addresses: [] }])

  it('should list every interface: the default route\'s first and recommended, then with addresses, loopback, the rest', async () => {
    const list = await listInterfaces(cap, { routeProbes: probes({ table: ROUTE_VIA_ETH0 }) })
    expect(list.available).toBe(true)
    expect(list.interfaces.map((i) => i.name)).toEqual(['eth0', 'lo', 'any', 'ifb0'])
    expect(list.interfaces[0]).toEqual({ name: 'eth0', addresses: ['192.0.2.2'], loopback: false, recommended: true })
    expect(list.interfaces[1]).toMatchObject({ name: 'lo', loopback: true, recommended: false, addresses: ['127.0.0.1', '::1'] })
    expect(list.interfaces[2].description).toBe('Pseudo-device that captures on all interfaces')
  })

  it('should recommend the interface holding the local address of the default route where the OS names none', async () => {
    const list = await listInterfaces(cap, { routeProbes: probes({ platform: 'darwin', local: '192.0.2.2' }) })
    expect(list.interfaces.filter((i) => i.recommended).map((i) => i.name)).toEqual(['eth0'])
  })

  it('should recommend nothing when there is no default route (offline), interfaces with addresses first', async () => {
    const list = await listInterfaces(cap, { routeProbes: probes({}) })
    expect(list.interfaces.some((i) => i.recommended)).toBe(false)
    expect(list.interfaces.map((i) => i.name)).toEqual(['eth0', 'lo', 'any', 'ifb0'])
  })

  it('should mark as loopback an interface with only loopback addresses even without the flag', async () => {
    const list = await listInterfaces(fakeCap([{ name: 'lo0', addresses: [{ addr: '127.0.0.1' }] }]), { routeProbes: probes({}) })
    expect(list.interfaces[0].loopback).toBe(true)
    expect(loopbackInterface(list.interfaces)).toBe('lo0')
  })
})

describe('capture/live: opening an interface and checking a filter', () => {
  const pcap = (device: string, filter: string) => {
    if (device !== 'lo' && device !== 'eth0') return { error: 'No such device exists' }
    if (filter.includes('and and')) return { error: "can't parse filter expression: syntax error" }
    if (filter.includes('weird')) return { error: 'something odd the filter made' }
    return 'ETHERNET'
  }

  it('should answer ok for a filter libpcap compiles, and close what it opened', async () => {
    const cap = fakeCap([LO], pcap)
    expect(await checkCaptureFilter('lo', 'tcp port 80', cap)).toEqual({ ok: true })
    expect(cap.open()).toEqual([])
  })

  it("should answer bad-filter with libpcap's own message", async () => {
    const check = await checkCaptureFilter('lo', 'tcp and and', fakeCap([LO], pcap))
    expect(check).toMatchObject({ ok: false, problem: { code: 'bad-filter', message: "can't parse filter expression: syntax error" } })
  })

  it('should blame the filter when the interface opens without it, whatever libpcap said', async () => {
    const check = await checkCaptureFilter('lo', 'weird', fakeCap([LO], pcap))
    expect(check.problem).toMatchObject({ code: 'bad-filter', message: 'something odd the filter made' })
  })

  it('should answer no-device for an interface that does not exist', async () => {
    expect((await checkCaptureFilter('eth9', 'tcp', fakeCap([LO], pcap))).problem?.code).toBe('no-device')
  })

  it('should answer permission, with the program needing the rights, before looking at the filter', async () => {
    const cap = fakeCap([LO], () => ({ error: 'socket: Operation not permitted' }))
    const check = await checkCaptureFilter('lo', 'tcp and and', cap)
    expect(check.problem?.code).toBe('permission')
    if (process.platform === 'linux') expect(check.problem?.program).toMatch(/node|electron/)
  })

  it('should give the link type as its LINKTYPE number', () => {
    const opened = openInterface(fakeCap([LO], () => 'LINKTYPE_LINUX_SLL'), 'lo', '', 1 << 16, Buffer.alloc(65535))
    expect(opened.linkType).toBe(113)
    expect([linkTypeNumber('ETHERNET'), linkTypeNumber('NULL'), linkTypeNumber('RAW'), linkTypeNumber('Unknown linktype 276'), linkTypeNumber('Unknown linktype 12')]).toEqual([1, 0, 101, 276, 101])
  })

  it('should never close a handle whose open failed (cap 0.2.1 aborts the process on that)', () => {
    const cap = fakeCap([LO], pcap)
    expect(() => openInterface(cap, 'lo', 'tcp and and', 1 << 16, Buffer.alloc(65535))).toThrow(CaptureProblemError)
    const failed = cap.handles.filter((h) => !h.buffer)
    expect(failed).toHaveLength(1)
    expect(failed[0].closed).toBe(false)
  })
})
