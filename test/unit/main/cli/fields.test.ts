import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../../../main/filter'
import { fixtureFile as file, tcplens } from './run-cli'

describe('cli/fields', () => {
  it('should print one line per frame, tab-separated, every occurrence joined by a comma', async () => {
    // The QinQ fixture's first frame has two VLAN tags: vlan.id occurs twice.
    const { code, stdout, stderr } = await tcplens('fields', file('link-qinq-3tags'), '-e', 'frame.number', '-e', 'vlan.id', '-e', 'eth.type')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const [first] = stdout.trimEnd().split('\n')
    const [number, ids, type] = first.split('\t')
    expect(number).toBe('1')
    expect(ids.split(',').length).toBeGreaterThanOrEqual(2)
    expect(type).toMatch(/^0x[0-9a-f]{4}$/)
  })

  it('should honour -E header, separator, occurrence, aggregator and quote as tshark does', async () => {
    const path = file('link-qinq-3tags')
    const all = await tcplens('fields', path, '-e', 'frame.number', '-e', 'vlan.id', '-E', 'header=y', '-E', 'separator=,', '-E', 'aggregator=/s', '-E', 'quote=d')
    const [header, row] = all.stdout.split('\n')
    expect(header).toBe('frame.number,vlan.id')
    expect(row).toMatch(/^"1","\d+ \d+( \d+)?"$/)
    const first = await tcplens('fields', path, '-e', 'vlan.id', '-E', 'occurrence=f')
    const last = await tcplens('fields', path, '-e', 'vlan.id', '-E', 'occurrence=l')
    const ids = row.split(',')[1].replace(/"/g, '').split(' ')
    expect(first.stdout.split('\n')[0]).toBe(ids[0])
    expect(last.stdout.split('\n')[0]).toBe(ids[ids.length - 1])
    const spaced = await tcplens('fields', path, '-e', 'frame.number', '-e', 'frame.len', '-E', 'separator=/s')
    expect(spaced.stdout.split('\n')[0]).toMatch(/^1 \d+$/)
  })

  it('should print tshark formats: 9-decimal epoch, hex ip.id and tcp.flags, MAC addresses, the dotted flags string', async () => {
    const { stdout } = await tcplens('fields', file('link-ethernet'), '-e', 'frame.time_epoch', '-e', 'ip.id', '-e', 'tcp.flags', '-e', 'eth.src', '-e', 'tcp.flags.str', '-e', 'tcp.options.sack_perm')
    const [epoch, id, flags, mac, str, sackPerm] = stdout.split('\n')[0].split('\t')
    expect(epoch).toMatch(/^\d+\.\d{9}$/)
    expect(id).toMatch(/^0x[0-9a-f]{4}$/)
    expect(flags).toBe('0x0002')
    expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/)
    expect(str).toBe('··········S·')
    // A SYN with SACK permitted: presence-only option "protocols" print their bytes.
    expect(sackPerm).toBe('0402')
  })

  it('should name the fields it does not know, like tshark, and exit 1', async () => {
    const { code, stdout, stderr } = await tcplens('fields', file('link-ethernet'), '-e', 'frame.number', '-e', 'tcp.bogus', '-e', 'nope')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe("tcplens: Some fields aren't valid:\n\ttcp.bogus\n\tnope\n")
  })

  it('should print only the frames -Y selects, with the TCP analysis of the whole capture', async () => {
    // tshark -n -r tcp-scenario-retransmission-timeout.pcap -Y tcp.analysis.retransmission: frames 5 and 6.
    const path = file('tcp-scenario-retransmission-timeout')
    const { code, stdout, stderr } = await tcplens('fields', path, '-Y', 'tcp.analysis.retransmission', '-e', 'frame.number', '-e', 'tcp.seq')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toBe('5\t1\n6\t1\n')
    const handshake = await tcplens('fields', path, '-Y', 'tcp.flags.syn == 1 && tcp.flags.ack == 0', '-e', 'frame.number')
    expect(handshake.stdout).toBe('1\n')
  })

  it('should print the header line even when -Y selects no frame', async () => {
    const { code, stdout } = await tcplens('fields', file('tcp-scenario-refused'), '-Y', 'udp', '-e', 'frame.number', '-E', 'header=y')
    expect(code).toBe(0)
    expect(stdout).toBe('frame.number\n')
  })

  it('should take the last -Y, and print every frame for a blank one, as tshark does', async () => {
    const path = file('tcp-scenario-refused')
    expect((await tcplens('fields', path, '-Y', 'frame.number == 1', '-Y', 'frame.number == 2', '-e', 'frame.number')).stdout).toBe('2\n')
    expect((await tcplens('fields', path, '-Y', '  ', '-e', 'frame.number')).stdout).toBe('1\n2\n')
  })

  it('should refuse a filter with a mistake before reading the file: the message, the filter, a caret under the mistake, exit 2', async () => {
    const filter = 'tcp.port == 80 80'
    const refused = compileFilter(filter)
    if (refused.ok) throw new Error(`${filter} should not compile`)
    const { code, stdout, stderr } = await tcplens('fields', join(tmpdir(), 'tcplens-no-such-file.pcap'), '-Y', filter, '-e', 'frame.number')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(`tcplens: ${refused.error.message.en}\n    tcp.port == 80 80\n                   ^~\n`)
  })

  it('should give the filter mistake in Chinese with --lang zh-CN', async () => {
    const refused = compileFilter('tcp.nonexistent')
    if (refused.ok) throw new Error('tcp.nonexistent should not compile')
    const { code, stderr } = await tcplens('fields', file('tcp-scenario-refused'), '-Y', 'tcp.nonexistent', '-e', 'frame.number', '--lang', 'zh-CN')
    expect(code).toBe(2)
    expect(stderr).toBe(`tcplens: ${refused.error.message['zh-CN']}\n    tcp.nonexistent\n    ^~~~~~~~~~~~~~~\n`)
    expect((await tcplens('fields', file('tcp-scenario-refused'), '-e', 'frame.number', '--lang', 'fr')).code).toBe(1)
  })

  it('should print the frames before the damage, then one line that says where, and exit 2', async () => {
    const { code, stdout, stderr } = await tcplens('fields', file('damaged-cut-record-data'), '-e', 'frame.number')
    expect(code).toBe(2)
    expect(stdout).toBe('1\n2\n')
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/cut short in the middle of frame 3 \(record at byte \d+/)
  })

  it('should refuse a file that is not a capture, in one line, with exit 2', async () => {
    const { code, stdout, stderr } = await tcplens('fields', file('damaged-bad-magic'), '-e', 'frame.number')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^tcplens: .*damaged-bad-magic\.pcap: not a pcap or pcapng file.*\n$/)
  })

  it('should say "empty file" for a zero-byte file and exit 0, as tshark does', async () => {
    const { code, stdout, stderr } = await tcplens('fields', file('damaged-empty'), '-e', 'frame.number')
    expect(code).toBe(0)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/empty file/)
  })

  it('should stop at a record that claims more than 262144 bytes, with exit 2', async () => {
    const { code, stderr } = await tcplens('fields', file('damaged-caplen-huge'), '-e', 'frame.number')
    expect(code).toBe(2)
    expect(stderr).toMatch(/262145.*262144|262144.*262145/)
  })

  it('should report a missing file without a stack trace', async () => {
    const { code, stderr } = await tcplens('fields', join(tmpdir(), 'tcplens-no-such-file.pcap'), '-e', 'frame.number')
    expect(code).toBe(2)
    expect(stderr.split('\n')).toHaveLength(2)
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/)
  })

  it('should explain its usage when -e is missing or an -E option is wrong', async () => {
    expect((await tcplens('fields', file('link-ethernet'))).stderr).toMatch(/name at least one field with -e/)
    expect((await tcplens('fields', file('link-ethernet'), '-e', 'frame.number', '-E', 'occurrence=x')).code).toBe(1)
    expect((await tcplens('fields')).code).toBe(1)
  })
})

describe('cli/info', () => {
  it('should summarise a pcapng file: format, link types, interfaces, packets, times, comments', async () => {
    const { code, stdout } = await tcplens('info', file('pcapng-comments'))
    expect(code).toBe(0)
    expect(stdout).toMatch(/File format: +pcapng/)
    expect(stdout).toMatch(/Interfaces: +\d+/)
    expect(stdout).toMatch(/Packets: +\d+/)
    expect(stdout).toMatch(/First packet time: +\d{4}-\d\d-\d\dT/)
    expect(stdout).toMatch(/Comment: /)
  })

  it('should say a gzip-compressed file is one', async () => {
    const { stdout } = await tcplens('info', file('gzip-pcapng'))
    expect(stdout).toMatch(/pcapng, gzip-compressed/)
  })

  it('should give no packet times when the records carry none (Simple Packet Blocks)', async () => {
    const { code, stdout } = await tcplens('info', file('pcapng-spb'))
    expect(code).toBe(0)
    expect(stdout).toMatch(/Packets: +\d+/)
    expect(stdout).not.toMatch(/First packet time|1970/)
  })

  it('should count the frames before damage and exit 2', async () => {
    const { code, stdout, stderr } = await tcplens('info', file('damaged-pcapng-cut-block'))
    expect(code).toBe(2)
    expect(stdout).toMatch(/Packets: +2/)
    expect(stderr).toMatch(/frame 3/)
  })
})

describe('cli', () => {
  it('should print its usage for help and fail on an unknown command', async () => {
    expect((await tcplens('help')).stdout).toMatch(/fields FILE \[-Y FILTER\] -e FIELD/)
    const unknown = await tcplens('frobnicate')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/)
  })
})
