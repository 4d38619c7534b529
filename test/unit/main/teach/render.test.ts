import { describe, expect, it } from 'vitest'
import { displayWidth, mdInline, parseFormat, renderCapture, renderConnection, renderFindings } from '../../../../main/teach/render'
import { mermaidAlias, mermaidText } from '../../../../main/teach/mermaid'
import type { CaptureFinding } from '../../../../main/tcp/step'
import { TimelineBuilder } from './timeline'
import { halfClose, mergedClose, midStream, normal, rstAbort, SCENARIOS, simultaneousOpen } from './scenarios'

const lines = (text: string) => text.split('\n')

describe('teach/render: text', () => {
  const en = renderConnection(normal(), { lang: 'en', format: 'text' })
  const zh = renderConnection(normal(), { lang: 'zh-CN', format: 'text' })

  it('should open with the connection: roles, kinds of opening and closing, initiator, completeness, iRTT', () => {
    expect(lines(en).slice(0, 7)).toEqual([
      'TCP stream 0: client 192.168.1.23:60526 → server 203.0.113.10:80',
      '  Opening: three-way handshake',
      '  Closing: four-way close (FIN, ACK, FIN, ACK), started by the client',
      '  Frames 1–11: 11 packets in 5.0936 s; payload: 365 bytes from the client, 775 bytes from the server',
      '  Initial round-trip time (iRTT): 23.6 ms, from the SYN to the third segment',
      '  Completeness: 31 = SYN + SYN-ACK + ACK + data + FIN: the connection was captured from its opening to its end',
      '  Final states: client TIME-WAIT, server CLOSED',
    ])
    expect(lines(zh).slice(0, 3)).toEqual(['TCP 流 0：客户端 192.168.1.23:60526 → 服务器 203.0.113.10:80', '  建立：三次握手', '  关闭：四次挥手（FIN、ACK、FIN、ACK），由客户端先发起'])
    expect(en).toContain('which sees each segment slightly before or after the far side does. A state change is shown at the frame whose sending or receipt causes it.')
    expect(zh).toContain('每次状态变化都记在引起它的那一帧上（发出或收到该帧）')
  })

  it('should narrate each handshake and close step with its number as taught, states and why', () => {
    expect(en).toContain('Frame 1 · 0.000000 s · Handshake step 1 · client → server · SYN\n')
    expect(en).toContain('Frame 9 · 5.073600 s · Close step 2 · server → client · ACK\n')
    expect(en).toContain('      • client: CLOSED → SYN-SENT (it sent its SYN)\n      • server: stays in LISTEN\n')
    expect(zh).toContain('第 2 帧 · 0.023500 秒 · 第 2 次握手 · 服务器 → 客户端 · SYN-ACK\n')
    expect(zh).toContain('第 10 帧 · 5.083600 秒 · 第 3 次挥手 · 服务器 → 客户端 · FIN-ACK\n')
    expect(zh).toContain('      • 客户端：FIN-WAIT-2 → TIME-WAIT（收到对方的 FIN：对方不再发送数据）\n')
    expect(en).toContain(
      '    Sent: SYN (0x002) · seq 0 (raw 3458217409) · ack not used (no ACK flag) · len 0 · window 64240 (a SYN’s window is never scaled) · options: MSS 1460, SACK permitted, timestamps, window scale 7 (×128)\n',
    )
  })

  it('should draw the checklist after each handshake step, columns aligned in both languages', () => {
    const table = (text: string, header: string) => {
      const at = lines(text).indexOf(lines(text).find((l) => l.trimStart().startsWith(header))!)
      return lines(text).slice(at, at + 7)
    }
    const step1 = table(en, 'What each side knows now')
    expect(step1).toEqual([
      '    What each side knows now      client  server',
      '      my sending works            ✗       ✗',
      '      my receiving works          ✗       ✓ (new)',
      '      the peer’s sending works    ✗       ✓ (new)',
      '      the peer’s receiving works  ✗       ✗',
      '      the peer knows my ISN       ✗       ✗',
      '      I know the peer’s ISN       ✗       ✓ (new)',
    ])
    const zhTable = table(zh, '双方现在确认了什么')
    expect(zhTable[0]).toBe('    双方现在确认了什么    客户端  服务器')
    // CJK characters take two columns: the marks line up under the headers.
    const column = (line: string, mark: string) => displayWidth(line.slice(0, line.indexOf(mark)))
    expect(column(zhTable[2]!, '✓')).toBe(column(zhTable[0]!, '服务器'))
    expect(column(zhTable[1]!, '✗')).toBe(column(zhTable[0]!, '客户端'))
    expect(en).toContain('      The server now knows all of it: both directions work, and each side has the other’s ISN.\n')
    expect(zh).toContain('      客户端至此全部确认：两个方向都能正常收发，双方也都知道对方的 ISN。\n')
  })

  it('should keep data steps to one line each', () => {
    const data = lines(en).filter((l) => /^ {2}Frame [4-7] /.test(l))
    expect(data).toEqual([
      '  Frame 4 · 0.033600 s · client → server · data · [PSH, ACK] · seq=1 len=365 · next seq = seq + len = 1 + 365 = 366 · ack=1 · win=64256 = 502 × 128',
      '  Frame 5 · 0.043600 s · server → client · ACK · [ACK] · seq=1 len=0 · ack=366: has every byte up to 365 · win=64256 = 502 × 128',
      '  Frame 6 · 0.053600 s · server → client · data · [PSH, ACK] · seq=1 len=775 · next seq = seq + len = 1 + 775 = 776 · ack=366: has every byte up to 365 · win=64256 = 502 × 128',
      '  Frame 7 · 0.063600 s · client → server · ACK · [ACK] · seq=366 len=0 · ack=776: has every byte up to 775 · win=64256 = 502 × 128',
    ])
    expect(lines(en).some((l) => l.includes('Frame 4') && l.includes('Why these numbers'))).toBe(false)
    expect(lines(zh).filter((l) => l.startsWith('  第 4 帧'))).toEqual([
      '  第 4 帧 · 0.033600 秒 · 客户端 → 服务器 · 数据 · [PSH, ACK] · seq=1 len=365 · 下一个 seq = seq + len = 1 + 365 = 366 · ack=1 · win=64256 = 502 × 128',
    ])
    const half = renderConnection(halfClose(), { lang: 'en', format: 'text' })
    expect(lines(half).filter((l) => l.startsWith('  Frame 7 '))).toHaveLength(1)
    expect(half).toContain('· Half-close: the client has closed its sending direction with a FIN, but this direction is still open, so the server keeps sending.')
  })

  it('should render a long data phase as one line per segment', () => {
    const b = new TimelineBuilder()
    b.send('client', { flags: 'SYN', kind: 'syn', phase: 'open', step: [1], changes: [['client', 'SYN-SENT', 'sent-syn']] })
    b.send('server', { flags: 'SYN,ACK', kind: 'syn-ack', phase: 'open', step: [2], changes: [['server', 'SYN-RECEIVED', 'answered-syn'], ['client', 'ESTABLISHED', 'received-syn-ack']] })
    b.send('client', { flags: 'ACK', kind: 'handshake-ack', phase: 'open', step: [3], changes: [['server', 'ESTABLISHED', 'received-ack-of-syn']] })
    for (let i = 0; i < 200; i++) b.send('server', { flags: 'ACK', len: 1448, kind: 'data', phase: 'data' })
    const out = renderConnection(b.timeline({ open: 'three-way', close: 'none', variants: ['still-open'] }), { lang: 'en', format: 'text' })
    const data = lines(out).filter((l) => / · server → client · data · /.test(l))
    expect(data).toHaveLength(200)
    expect(data[199]).toContain('seq=288153 len=1448 · next seq = seq + len = 288153 + 1448 = 289601')
  })

  it('should list the linked topics once, at the end', () => {
    const background = en.slice(en.indexOf('\nBackground\n'))
    expect(background).toContain('  ■ Why three segments, and not two?')
    expect(en.split('■ Why TIME-WAIT lasts 2MSL')).toHaveLength(2)
    expect(en.split('■ Why three segments, and not two?')).toHaveLength(2)
    expect(en).toContain('    See also: Why four segments to close (and sometimes three)?; Why TIME-WAIT lasts 2MSL\n')
    expect(background).toContain('it does not: it sets how long an orphaned connection waits in FIN-WAIT-2 for the peer’s FIN.')
    expect(background).not.toContain('`')
    expect(zh).toContain('\n背景知识\n')
    expect(zh).toContain('  ■ 为什么 TIME-WAIT 要等 2MSL')
    expect(renderConnection(normal(), { lang: 'en', format: 'text', topics: false })).not.toContain('■')
  })
})

describe('teach/render: markdown', () => {
  const md = renderConnection(mergedClose(), { lang: 'en', format: 'markdown' })

  it('should give headings, bullet lists, a checklist table and one bullet per data step', () => {
    expect(md.startsWith('## TCP stream 0: client 192.168.1.23:60526 → server 203.0.113.10:80\n\n- Opening: three-way handshake\n')).toBe(true)
    expect(md).toContain('### Frame 9 · 0.083600 s · Close steps 2 and 3 in one segment · server → client · FIN-ACK\n')
    expect(md).toContain('- **Why these numbers**:\n  - seq = 776 = 1 + 775: its own 775 data bytes in frame 6 (seq 1) came just before.\n')
    expect(md).toContain('| What each side knows now | client | server |\n| --- | :-: | :-: |\n| my sending works | ✗ | ✗ |\n')
    expect(lines(md).filter((l) => l.startsWith('- Frame '))).toHaveLength(4)
    expect(md).toContain('#### Why TIME-WAIT lasts 2MSL')
    expect(md).toContain('`net.ipv4.tcp_fin_timeout`')
    const zh = renderConnection(mergedClose(), { lang: 'zh-CN', format: 'markdown' })
    expect(zh).toContain('- **数字从何而来**：\n')
    expect(zh).toContain('### 第 9 帧 · 0.083600 秒 · 第 2、3 次挥手（合并在一个报文段中） · 服务器 → 客户端 · FIN-ACK')
  })

  it('should escape Markdown outside code spans', () => {
    expect(mdInline('a_b *c* [d] <e> `x_y*`')).toBe('a\\_b \\*c\\* \\[d\\] \\<e\\> `x_y*`')
  })
})

describe('teach/render: mermaid', () => {
  /** Every statement of the subset we write: a participant, an arrow, a note. */
  const STATEMENT = /^ {4}(participant [CS] as ([^:;,#\n]|#\d+;)+|[CS](->>|-x)[CS]: [^#;\n]*(#\d+;[^#;\n]*)*|Note over (C|S|C,S): [^#;\n]*(#\d+;[^#;\n]*)*)$/

  it('should be a sequenceDiagram with both participants, one arrow per step and the states as notes', () => {
    const t = normal()
    const out = renderConnection(t, { lang: 'en', format: 'mermaid' })
    const ls = lines(out.trimEnd())
    expect(ls[0]).toBe('sequenceDiagram')
    expect(ls[1]).toBe('    participant C as client 192.168.1.23#58;60526')
    expect(ls[2]).toBe('    participant S as server 203.0.113.10#58;80')
    for (const l of ls.slice(1)) expect(l).toMatch(STATEMENT)
    const arrows = ls.filter((l) => /^ {4}[CS](->>|-x)[CS]: /.test(l))
    expect(arrows).toHaveLength(t.steps!.length)
    expect(arrows[0]).toBe('    C->>S: Frame 1 · Handshake step 1 · SYN · seq=0')
    expect(arrows[1]).toBe('    S->>C: Frame 2 · Handshake step 2 · SYN-ACK · seq=0 ack=1')
    expect(arrows[3]).toBe('    C->>S: Frame 4 · data · seq=1 ack=1 len=365')
    expect(arrows[9]).toBe('    S->>C: Frame 10 · Close step 3 · FIN-ACK · seq=776 ack=367')
    const changes = t.steps!.reduce((n, s) => n + new Set(s.changes.map((c) => c.role)).size, 0)
    expect(ls.filter((l) => /^ {4}Note over [CS]: /.test(l))).toHaveLength(changes + 2)
    expect(ls).toContain('    Note over C: TIME-WAIT (2MSL: 60 s on Linux)')
    expect(ls[3]).toBe('    Note over C,S: TCP stream 0 · Opening: three-way handshake · Closing: four-way close (FIN, ACK, FIN, ACK), started by the client')
  })

  it('should draw a RST as a cross, and Chinese labels in zh-CN', () => {
    const out = renderConnection(rstAbort(), { lang: 'zh-CN', format: 'mermaid' })
    expect(out).toContain('    C-xS: 第 6 帧 · 异常中止 · RST-ACK · seq=101 ack=1\n')
    expect(out).toContain('    participant C as 客户端 192.168.1.23#58;60526\n')
    const simul = renderConnection(simultaneousOpen(), { lang: 'en', format: 'mermaid' })
    expect(simul).toContain('    S->>C: Frame 2 · Handshake step 1 · SYN · seq=0\n    Note over C: SYN-RECEIVED\n    Note over S: SYN-SENT → SYN-RECEIVED\n')
  })

  it('should write every scenario as valid statements, escaping what Mermaid would read as syntax', () => {
    for (const build of Object.values(SCENARIOS)) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const ls = lines(renderConnection(build(), { lang, format: 'mermaid' }).trimEnd())
        expect(ls[0]).toBe('sequenceDiagram')
        for (const l of ls.slice(1)) expect(l).toMatch(STATEMENT)
      }
    }
    expect(mermaidText('a;b #1 `x`\nc')).toBe('a#59;b #35;1 x<br/>c')
    expect(mermaidAlias('server [2001:db8::1]:443')).toBe('server [2001#58;db8#58;#58;1]#58;443')
    const v6 = midStream()
    v6.server = { ...v6.server, address: '2001:db8::1' }
    expect(renderConnection(v6, { lang: 'en', format: 'mermaid' })).toContain('participant S as server [2001#58;db8#58;#58;1]#58;443')
  })
})

describe('teach/render: findings and whole captures', () => {
  const flood: CaptureFinding = { code: 'syn-flood', severity: 'warn', count: 400, frames: Array.from({ length: 400 }, (_, i) => i + 1), target: { address: '203.0.113.10', port: 80 }, sources: 380 }

  it('should warn of a SYN flood with the count, the target and the sources, and explain SYN cookies', () => {
    const en = renderFindings([flood], 'en')
    expect(lines(en)[0]).toBe('Capture-level warnings')
    expect(lines(en)[1]).toBe('  ⚠ Possible SYN flood: 400 SYNs to 203.0.113.10:80, from 380 different sources, never completed the handshake and left half-open connections (frames 1–400).')
    expect(en).toContain('■ Half-open connections, SYN floods and SYN cookies')
    const zh = renderFindings([flood], 'zh-CN', 'markdown')
    expect(zh).toContain('- ⚠ 疑似 SYN 洪泛攻击：发往 203.0.113.10:80 的 400 个 SYN 来自 380 个不同的源地址，都没有完成三次握手，留下了大量半连接（第 1–400 帧）。')
    expect(zh).toContain('#### 半连接、SYN 洪泛与 SYN Cookie')
    expect(renderFindings([], 'en')).toBe('')
    expect(renderFindings([flood], 'en', 'text', false)).not.toContain('■')
  })

  it('should render a capture: findings, each connection, and each topic once for all', () => {
    const second = { ...halfClose(), stream: 1 }
    const out = renderCapture([normal(), second], [flood], { lang: 'en', format: 'text' })
    expect(out.indexOf('Capture-level warnings')).toBe(0)
    expect(out).toContain('TCP stream 0:')
    expect(out).toContain('TCP stream 1:')
    expect(out.split('■ Why TIME-WAIT lasts 2MSL')).toHaveLength(2)
    expect(out.split('■ Half-open connections, SYN floods and SYN cookies')).toHaveLength(2)
    expect(out.indexOf('■ Half-close')).toBeGreaterThan(out.indexOf('TCP stream 1:'))
    const mermaid = renderCapture([normal(), second], [flood], { lang: 'en', format: 'mermaid' })
    expect(mermaid.split('sequenceDiagram')).toHaveLength(3)
    expect(mermaid.startsWith('%% TCP stream 0\nsequenceDiagram\n')).toBe(true)
  })

  it('should parse --format values', () => {
    expect(parseFormat('text')).toBe('text')
    expect(parseFormat('Markdown')).toBe('markdown')
    expect(parseFormat('md')).toBe('markdown')
    expect(parseFormat('mermaid')).toBe('mermaid')
    expect(() => parseFormat('html')).toThrow('unknown format "html": use text, markdown or mermaid')
  })
})
