// Which interface holds the default route (where traffic to the internet leaves), so the
// interface list can recommend it. Linux reads the kernel's routing tables; elsewhere a UDP
// socket is connect()ed to a TEST-NET address and asked for its local address: a UDP connect
// only chooses a route, it sends nothing.
import { createSocket } from 'node:dgram'
import { readFile } from 'node:fs/promises'

export interface DefaultRoute {
  /** The interface's name, when the OS says it (Linux). */
  interfaceName?: string
  /** The local address the route uses (the interface is the one holding it). */
  localAddress?: string
}

export interface DefaultRouteProbes {
  platform: string
  readText(path: string): Promise<string>
  /** The local address a UDP socket connected to `host` would send from. */
  localAddressToward(host: string, family: 4 | 6): Promise<string | undefined>
}

const RTF_UP = 0x1
const RTF_REJECT = 0x200
// TEST-NET-1 and the IPv6 documentation prefix: routable like any public address, never used.
const PROBE_V4 = '192.0.2.1'
const PROBE_V6 = '2001:db8::1'

/** /proc/net/route: "Iface Destination Gateway Flags RefCnt Use Metric Mask …" in hex. */
export function defaultRouteFromIpv4Table(text: string): string | undefined {
  let best: { name: string; metric: number } | undefined
  for (const line of text.split('\n').slice(1)) {
    const [name, destination, , flags, , , metric, mask] = line.trim().split(/\s+/)
    if (!name || destination !== '00000000' || mask !== '00000000') continue
    if ((parseInt(flags, 16) & RTF_UP) === 0) continue
    const m = parseInt(metric, 10)
    if (!best || m < best.metric) best = { name, metric: m }
  }
  return best?.name
}

/** /proc/net/ipv6_route: "dest plen src splen nexthop metric refcnt use flags iface", hex. */
export function defaultRouteFromIpv6Table(text: string): string | undefined {
  let best: { name: string; metric: number } | undefined
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/)
    if (fields.length < 10) continue
    const [destination, prefix, , , , metricHex, , , flagsHex, name] = fields
    if (!/^0+$/.test(destination) || prefix !== '00' || name === 'lo') continue
    const flags = parseInt(flagsHex, 16)
    // The kernel's own "unreachable" default (flags RTF_REJECT, metric ffffffff) is no route.
    if ((flags & RTF_UP) === 0 || (flags & RTF_REJECT) !== 0) continue
    const metric = parseInt(metricHex, 16)
    if (!best || metric < best.metric) best = { name, metric }
  }
  return best?.name
}

function udpLocalAddress(host: string, family: 4 | 6): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket(family === 4 ? 'udp4' : 'udp6')
    const done = (address: string | undefined) => {
      socket.close()
      resolve(address)
    }
    socket.on('error', () => done(undefined))
    socket.connect(9, host, () => {
      try {
        done(socket.address().address)
      } catch {
        done(undefined)
      }
    })
  })
}

export const systemProbes: DefaultRouteProbes = {
  platform: process.platform,
  readText: (path) => readFile(path, 'utf8'),
  localAddressToward: udpLocalAddress,
}

async function linuxDefaultRoute(probes: DefaultRouteProbes): Promise<string | undefined> {
  const read = (path: string) => probes.readText(path).catch(() => '')
  return defaultRouteFromIpv4Table(await read('/proc/net/route')) ?? defaultRouteFromIpv6Table(await read('/proc/net/ipv6_route'))
}

/** The default route's interface or local address; {} when there is none (offline). */
export async function findDefaultRoute(probes: DefaultRouteProbes = systemProbes): Promise<DefaultRoute> {
  if (probes.platform === 'linux') {
    const interfaceName = await linuxDefaultRoute(probes)
    if (interfaceName) return { interfaceName }
  }
  const localAddress = (await probes.localAddressToward(PROBE_V4, 4)) ?? (await probes.localAddressToward(PROBE_V6, 6))
  return localAddress && localAddress !== '0.0.0.0' && localAddress !== '::' ? { localAddress } : {}
}
