import { describe, expect, it } from 'vitest'
import { fixtureFile as file, tcplens } from './run-cli'

describe('cli/conv', () => {
  it('should print one row per connection with how it opened and closed and the final states', async () => {
    const { code, stdout, stderr } = await tcplens('conv', file('tcp-scenario-port-reuse'))
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('TCP connections: 2')
    expect(lines[2]).toMatch(/^Stream +Client +Server +Packets +Data C→S +Data S→C +Duration +iRTT +Open +Close +Closed by +Client state +Server state +Completeness$/)
    expect(lines[3]!.trim().split(/ {2,}/)).toEqual(['0', '192.0.2.10:40200', '198.51.100.20:80', '10', '100', '1000', '0.086800', '0.020100', 'three-way', 'three-way', 'client', 'TIME-WAIT', 'CLOSED', '31'])
    expect(lines[4]!.trim().startsWith('1  192.0.2.10:40200')).toBe(true)
  })

  it('should print JSON in the documented shape, with steps and the SYN-flood warning', async () => {
    const { code, stdout } = await tcplens('conv', file('tcp-scenario-syn-flood'), '--json')
    expect(code).toBe(0)
    const doc = JSON.parse(stdout) as { connections: Array<Record<string, unknown>>; expert: Array<Record<string, unknown>> }
    expect(doc.connections).toHaveLength(40)
    expect(Object.keys(doc.connections[0]!).slice(0, 13)).toEqual([
      'stream', 'client', 'server', 'rolesGuessed', 'open', 'close', 'closeInitiator', 'completeness', 'firstFrame', 'lastFrame', 'packets', 'bytes', 'irtt',
    ])
    expect(doc.connections[0]).toMatchObject({
      stream: 0,
      client: { address: '203.0.113.1', port: 1024, state: 'SYN-SENT' },
      server: { address: '198.51.100.20', port: 80, state: 'SYN-RECEIVED' },
      rolesGuessed: false,
      open: 'incomplete',
      close: 'none',
      closeInitiator: null,
      completeness: 3,
      firstFrame: 1,
      lastFrame: 2,
      packets: 2,
      bytes: { client: 0, server: 0 },
      irtt: null,
    })
    const steps = doc.connections[0]!['steps'] as Array<Record<string, unknown>>
    expect(steps[0]).toMatchObject({ frame: 1, phase: 'open', step: [1], from: 'client', label: 'SYN', before: { client: 'CLOSED', server: 'LISTEN' }, after: { client: 'SYN-SENT', server: 'LISTEN' }, notes: [] })
    expect(doc.expert).toHaveLength(1)
    expect(doc.expert[0]).toMatchObject({ code: 'syn-flood', severity: 'warn', count: 40, sources: 40 })
    expect((doc.expert[0]!['frames'] as number[]).length).toBe(40)
  })

  it('should mark guessed roles in the table', async () => {
    const { stdout } = await tcplens('conv', file('tcp-scenario-mid-stream'))
    expect(stdout).toContain('192.0.2.10:40000?')
    expect(stdout).toContain('the client is guessed')
    expect(stdout).toContain('not-captured')
  })

  it('should report an unreadable file with exit status 2', async () => {
    const { code, stderr } = await tcplens('conv', '/nonexistent/x.pcap')
    expect(code).toBe(2)
    expect(stderr).toContain('/nonexistent/x.pcap')
  })
})
