import { describe, expect, it } from 'vitest'
import { formatTime } from '../../../../main/decode/format'
import { fixtureFile as file, tcplens } from './run-cli'

describe('cli/summary', () => {
  it("should print tshark's default lines: No., Time, Source → Destination, Protocol, Length, Info", async () => {
    const { code, stdout, stderr } = await tcplens('summary', file('tcp-scenario-refused'))
    expect(stderr).toBe('')
    expect(code).toBe(0)
    // What `tshark -n -r tcp-scenario-refused.pcap` prints (tshark 4.0.17, same widths).
    expect(stdout).toBe(
      '    1 0.000000000   192.0.2.10 \u2192 198.51.100.20 TCP 74 40000 \u2192 80 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=1000 TSecr=0 WS=128\n' +
        '    2 0.000050000 198.51.100.20 \u2192 192.0.2.10   TCP 60 80 \u2192 40000 [RST, ACK] Seq=1 Ack=1 Win=0 Len=0\n',
    )
  })

  it('should put the analysis prefixes in the Info column', async () => {
    const { stdout } = await tcplens('summary', file('tcp-scenario-retransmission-timeout'))
    // As tshark prints frame 5 of this file.
    const lines = stdout.trimEnd().split('\n')
    expect(lines[4]).toBe('    5 0.230600000   192.0.2.10 \u2192 198.51.100.20 TCP 354 [TCP Retransmission] 40000 \u2192 80 [PSH, ACK] Seq=1 Ack=1 Win=64256 Len=300')
  })

  it('should print only the frames -Y selects, numbered and timed as in the whole capture', async () => {
    // What `tshark -n -r tcp-scenario-zero-window.pcap -Y tcp.analysis.zero_window` prints.
    const { code, stdout, stderr } = await tcplens('summary', file('tcp-scenario-zero-window'), '-Y', 'tcp.analysis.zero_window')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toBe(
      '    6 0.060600000   192.0.2.10 \u2192 198.51.100.20 TCP 60 [TCP ZeroWindow] 40000 \u2192 80 [ACK] Seq=101 Ack=1001 Win=0 Len=0\n' +
        '    8 0.280600000   192.0.2.10 \u2192 198.51.100.20 TCP 60 [TCP ZeroWindow] [TCP ACKed unseen segment] 40000 \u2192 80 [ACK] Seq=101 Ack=1002 Win=0 Len=0\n',
    )
  })

  it('should refuse a filter with a mistake with exit 2 and print no frame', async () => {
    const { code, stdout, stderr } = await tcplens('summary', file('tcp-scenario-zero-window'), '-Y', 'tcp.port ==')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^tcplens: .+\n {4}tcp\.port ==\n +\^~*\n$/)
  })

  it('should show as many decimals as the capture has, truncated', () => {
    expect(formatTime({ sec: 4, nsec: 344_598_999 }, 6)).toBe('4.344598')
    expect(formatTime({ sec: 0, nsec: 50_000 }, 9)).toBe('0.000050000')
    expect(formatTime({ sec: -1, nsec: 500_000_000 }, 3)).toBe('-0.500')
  })

  it('should fail with a usage line when no file is given', async () => {
    const { code, stderr } = await tcplens('summary')
    expect(code).toBe(1)
    expect(stderr).toMatch(/usage: tcplens summary FILE \[-Y FILTER\]/)
  })
})
