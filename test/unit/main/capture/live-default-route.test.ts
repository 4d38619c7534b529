import { describe, expect, it } from 'vitest'
import { defaultRouteFromIpv4Table, defaultRouteFromIpv6Table, findDefaultRoute } from '../../../../main/capture/default-route'

// /proc/net/route and /proc/net/ipv6_route as this project's CI machine prints them.
const IPV4 = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0
eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
`
const IPV6 = `fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0
00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000003 00000000 00000003     eth0
00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo
`

describe('capture/default-route', () => {
  it('should take the default IPv4 route with the lowest metric', () => {
    expect(defaultRouteFromIpv4Table(IPV4)).toBe('eth0')
    expect(defaultRouteFromIpv4Table(IPV4.split('\n').slice(0, 1).join('\n'))).toBeUndefined()
  })

  it("should take the IPv6 default route, never the kernel's unreachable one on lo", () => {
    expect(defaultRouteFromIpv6Table(IPV6)).toBe('eth0')
    expect(defaultRouteFromIpv6Table(IPV6.split('\n')[2])).toBeUndefined()
  })

  it('should fall back from IPv4 to IPv6 on Linux', async () => {
    const route = await findDefaultRoute({
      platform: 'linux',
      readText: async (path) => (path.endsWith('ipv6_route') ? IPV6 : ''),
      localAddressToward: async () => undefined,
    })
    expect(route).toEqual({ interfaceName: 'eth0' })
  })

  it('should ask for the local address of a route elsewhere, and answer nothing offline', async () => {
    const asked: string[] = []
    const probes = (local: string | undefined) => ({
      platform: 'darwin',
      readText: async () => '',
      localAddressToward: async (host: string) => {
        asked.push(host)
        return local
      },
    })
    expect(await findDefaultRoute(probes('192.0.2.2'))).toEqual({ localAddress: '192.0.2.2' })
    expect(asked).toEqual(['192.0.2.1'])
    expect(await findDefaultRoute(probes(undefined))).toEqual({})
  })
})
