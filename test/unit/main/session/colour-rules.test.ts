// The packet list's colours: Wireshark's default rules, first match wins.
import { describe, expect, it } from 'vitest'
import { colourOf, COLOUR_RULES } from '../../../../main/session/colour-rules'
import { fixture } from '../../../fixtures/catalog'
import { fullPassFrames } from './full-pass'

async function colours(name: string): Promise<string[]> {
  return (await fullPassFrames(fixture(name).bytes())).map(colourOf)
}

describe('session/colour-rules', () => {
  it('should keep Wireshark 4.0’s order of the rules it has', () => {
    expect(COLOUR_RULES.map((r) => r.name)).toEqual(['Bad TCP', 'ICMP errors', 'ARP', 'ICMP', 'TCP RST', 'Checksum Errors', 'TCP SYN/FIN', 'TCP', 'UDP', 'Broadcast'])
  })

  it('should colour a handshake and a close as SYN/FIN, the rest as TCP', async () => {
    expect(await colours('tcp-scenario-four-way-close')).toEqual(['tcp-syn-fin', 'tcp-syn-fin', 'tcp', 'tcp', 'tcp', 'tcp', 'tcp', 'tcp-syn-fin', 'tcp', 'tcp-syn-fin', 'tcp'])
  })

  it('should colour TCP analysis verdicts as Bad TCP, resets as TCP RST', async () => {
    expect(await colours('tcp-scenario-fast-retransmission')).toContain('bad-tcp')
    expect(await colours('tcp-scenario-rst-abort')).toContain('tcp-rst')
  })

  it('should tell ICMP errors, ICMP, ARP and UDP apart', async () => {
    expect(await colours('icmp-errors')).toContain('icmp-error')
    expect(await colours('icmp-echo')).toEqual(expect.arrayContaining(['icmp']))
    expect(new Set(await colours('arp'))).toEqual(new Set(['arp']))
    expect(new Set(await colours('udp'))).toEqual(new Set(['udp']))
  })
})
