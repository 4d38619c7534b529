import { describe, expect, it } from 'vitest'
import { describeConnection, type DescribedStep } from '../../../../main/teach/describe'
import { explainConnection } from '../../../../main/teach/explain-step'
import type { Lang } from '../../../../main/teach/lang'
import type { ConnectionTimeline } from '../../../../main/tcp/step'
import { fastOpen, halfClose, keepAlive, mergedClose, midStream, normal, refused, rstAbort, simultaneousClose, simultaneousOpen, unanswered } from './scenarios'

/** The step of one frame, in words of one language. */
function stepAt(t: ConnectionTimeline, frame: number, lang: Lang): DescribedStep {
  return describeConnection(t, lang).steps.find((s) => s.frame === frame)!
}

/** The arithmetic lines of one frame, in one language. */
const arith = (t: ConnectionTimeline, frame: number, lang: Lang): string[] => stepAt(t, frame, lang).arithmetic

const notes = (t: ConnectionTimeline, frame: number, lang: Lang): string[] => stepAt(t, frame, lang).notes

describe('teach/explain-step: the arithmetic, pointing to earlier frames', () => {
  describe('a normal connection (handshake, data, four-way close)', () => {
    const t = normal()

    it('should explain the SYN: a random ISN shown as relative 0, and that the SYN consumes one', () => {
      expect(arith(t, 1, 'en')).toEqual([
        'seq = 0 (relative; raw 3458217409): the client’s initial sequence number (ISN). Each side picks its ISN at random, so a raw number like 3458217409 means little by itself; Wireshark and TCP Lens count from the ISN, which makes the SYN 0.',
        'ack: not used. The ACK flag is not set: a first SYN has nothing to acknowledge yet (the field holds 0).',
        'next seq = seq + 1 = 0 + 1 = 1: a SYN consumes one sequence number, although it carries no data.',
      ])
      expect(arith(t, 1, 'zh-CN')).toEqual([
        'seq = 0（相对值；原始值 3458217409）：这是客户端的初始序列号 ISN。ISN 由每一端随机选取，所以像 3458217409 这样的原始值本身没有什么意义；Wireshark 和 TCP Lens 都从 ISN 开始计数，于是 SYN 的相对序列号是 0。',
        'ack：无效。没有置 ACK 标志：第一个 SYN 还没有什么可以确认的（该字段的值为 0）。',
        '下一个序列号 next seq = seq + 1 = 0 + 1 = 1：SYN 虽然不携带数据，却要占用一个序列号。',
      ])
    })

    it('should derive the SYN-ACK’s ack from the client’s SYN in frame 1', () => {
      expect(arith(t, 2, 'en')[1]).toBe('ack = 1 = 0 + 1: the client’s SYN in frame 1 consumed one sequence number, so the next number the server expects is 1.')
      expect(arith(t, 2, 'zh-CN')[1]).toBe('ack = 1 = 0 + 1：客户端在第 1 帧发出的 SYN 占用了一个序列号，所以服务器期待的下一个序列号是 1。')
    })

    it('should derive the third segment’s seq from its own SYN and its ack from the server’s SYN', () => {
      expect(arith(t, 3, 'en')).toEqual([
        'seq = 1 = 0 + 1: its own SYN in frame 1 consumed one sequence number.',
        'ack = 1 = 0 + 1: the server’s SYN in frame 2 consumed one sequence number, so the next number the client expects is 1.',
        'A pure ACK consumes no sequence number: the client’s next segment again carries seq = 1.',
      ])
      expect(arith(t, 3, 'zh-CN')).toEqual([
        'seq = 1 = 0 + 1：它在第 1 帧发出的 SYN 占用了一个序列号。',
        'ack = 1 = 0 + 1：服务器在第 2 帧发出的 SYN 占用了一个序列号，所以客户端期待的下一个序列号是 1。',
        '纯 ACK 不占用序列号：客户端的下一个报文段仍然是 seq = 1。',
      ])
    })

    it('should count data: next seq = seq + len, and an ACK covers every byte up to ack − 1', () => {
      expect(arith(t, 4, 'en')[2]).toBe('next seq = seq + len = 1 + 365 = 366: the client’s next new byte will be number 366.')
      expect(arith(t, 4, 'zh-CN')[2]).toBe('下一个序列号 next seq = seq + len = 1 + 365 = 366：客户端要发送的下一个新字节编号为 366。')
      expect(arith(t, 5, 'en').slice(1, 3)).toEqual([
        'ack = 366 = 1 + 365: the client’s 365 data bytes in frame 4 (seq 1) have arrived; the next byte the server expects is 366.',
        'An ACK is cumulative: ack = 366 acknowledges every byte up to ack − 1 = 365, not only those in frame 4.',
      ])
      expect(arith(t, 5, 'zh-CN').slice(1, 3)).toEqual([
        'ack = 366 = 1 + 365：客户端在第 4 帧发送的 365 字节数据（seq 1）已经收到，服务器期待的下一个字节是 366。',
        'ACK 是累计确认：ack = 366 确认了 ack − 1 = 365 及之前的所有字节，而不只是第 4 帧中的数据。',
      ])
    })

    it('should show that each FIN consumes one sequence number', () => {
      expect(arith(t, 8, 'en')[0]).toBe('seq = 366 = 1 + 365: its own 365 data bytes in frame 4 (seq 1) came just before.')
      expect(arith(t, 8, 'en')[3]).toBe('next seq = seq + 1 = 366 + 1 = 367: a FIN consumes one sequence number, although it carries no data.')
      expect(arith(t, 9, 'en')[1]).toBe('ack = 367 = 366 + 1: the client’s FIN in frame 8 consumed one sequence number; an ack past it acknowledges the FIN.')
      expect(arith(t, 11, 'en').slice(0, 2)).toEqual([
        'seq = 367 = 366 + 1: its own FIN in frame 8 consumed one sequence number.',
        'ack = 777 = 776 + 1: the server’s FIN in frame 10 consumed one sequence number; an ack past it acknowledges the FIN.',
      ])
      expect(arith(t, 11, 'zh-CN').slice(0, 2)).toEqual([
        'seq = 367 = 366 + 1：它在第 8 帧发出的 FIN 占用了一个序列号。',
        'ack = 777 = 776 + 1：服务器在第 10 帧发出的 FIN 占用了一个序列号；确认号越过它，就表示确认了这个 FIN。',
      ])
    })

    it('should say how long TIME-WAIT lasts where the client enters it, without the tcp_fin_timeout myth', () => {
      const [en] = notes(t, 10, 'en')
      expect(en).toBe(
        'The client is now in TIME-WAIT and stays there for 2MSL: 60 s on Linux (fixed), or 240 s with the MSL of 120 s that RFC 9293 suggests. (`tcp_fin_timeout` does not change it: that is the FIN-WAIT-2 timeout.)',
      )
      expect(notes(t, 10, 'zh-CN')[0]).toContain('Linux 上固定为 60 秒；按 RFC 9293 建议的 MSL = 120 秒计算则是 240 秒')
    })
  })

  it('should explain the merged FIN of a three-segment close (steps 2 and 3)', () => {
    const t = mergedClose()
    const d = stepAt(t, 9, 'en')
    expect(d.title).toBe('Close steps 2 and 3 in one segment')
    expect(stepAt(t, 9, 'zh-CN').title).toBe('第 2、3 次挥手（合并在一个报文段中）')
    expect(d.arithmetic.slice(0, 3)).toEqual([
      'seq = 776 = 1 + 775: its own 775 data bytes in frame 6 (seq 1) came just before.',
      'ack = 367 = 366 + 1: the client’s FIN in frame 8 consumed one sequence number; an ack past it acknowledges the FIN.',
      'next seq = seq + 1 = 776 + 1 = 777: a FIN consumes one sequence number, although it carries no data.',
    ])
    expect(d.states).toEqual([
      'client: FIN-WAIT-1 → TIME-WAIT (the peer’s FIN arrived, and it also acknowledged its own FIN)',
      'server: CLOSE-WAIT → LAST-ACK (it sent its FIN)',
    ])
    expect(arith(t, 10, 'en')[1]).toBe('ack = 777 = 776 + 1: the server’s FIN in frame 9 consumed one sequence number; an ack past it acknowledges the FIN.')
  })

  it('should explain a simultaneous open: the repeated ISN, and that the SYN-ACK is no retransmission', () => {
    const t = simultaneousOpen()
    expect(arith(t, 3, 'en').slice(0, 2)).toEqual([
      'seq = 0 (raw 3458217409): the same ISN as in frame 1. The SYN is repeated; it does not start another connection.',
      'ack = 1 = 0 + 1: the server’s SYN in frame 2 consumed one sequence number, so the next number the client expects is 1.',
    ])
    expect(arith(t, 4, 'zh-CN').slice(0, 2)).toEqual([
      'seq = 0（原始值 1209837465）：与第 2 帧的 ISN 相同。这是再次发送同一个 SYN，并不是另一条新连接。',
      'ack = 1 = 0 + 1：客户端在第 1 帧发出的 SYN 占用了一个序列号，所以服务器期待的下一个序列号是 1。',
    ])
    expect(notes(t, 2, 'en')[0]).toBe('Simultaneous open: the client’s SYN (frame 1) and this SYN crossed. Both sides open actively; the server was not listening.')
    expect(notes(t, 4, 'en')[0]).toBe(
      'Not a retransmission, although Wireshark marks it as one: in a simultaneous open each side sends its own SYN-ACK, and this one is the server’s answer to the client’s SYN.',
    )
    expect(notes(t, 4, 'zh-CN')[0]).toBe('这不是重传，尽管 Wireshark 把它标成了重传：同时打开时双方各自发送 SYN-ACK，这个是服务器对客户端的 SYN 的回应。')
    expect(notes(t, 3, 'en')[0]).not.toContain('Wireshark')
  })

  it('should explain a simultaneous close: the crossing FIN acknowledges only the data', () => {
    const t = simultaneousClose()
    expect(arith(t, 9, 'en')[1]).toBe('ack = 366 = 1 + 365: the client’s 365 data bytes in frame 4 (seq 1) have arrived; the next byte the server expects is 366.')
    expect(notes(t, 9, 'en')).toEqual(['This segment and frame 8 crossed in the network: each side sent its own before the other’s arrived.'])
    expect(arith(t, 10, 'zh-CN')[1]).toBe('ack = 777 = 776 + 1：服务器在第 9 帧发出的 FIN 占用了一个序列号；确认号越过它，就表示确认了这个 FIN。')
    // Both sides end in TIME-WAIT: the narrative says so for each (derived from the state changes).
    expect(notes(t, 10, 'en')[0]).toMatch(/^The server is now in TIME-WAIT and stays there for 2MSL: 60 s on Linux/)
    expect(notes(t, 11, 'en')[0]).toMatch(/^The client is now in TIME-WAIT/)
    const x = explainConnection(t).steps[9]!
    expect(x.states.changes[0]).toMatchObject({ role: 'server', from: 'CLOSING', to: 'TIME-WAIT', cause: 'received' })
  })

  it('should explain a refusal: the RST-ACK acknowledges the SYN, and a RST consumes nothing', () => {
    const t = refused()
    expect(arith(t, 2, 'en').slice(1)).toEqual([
      'ack = 1 = 0 + 1: the client’s SYN in frame 1 consumed one sequence number, so the next number the server expects is 1.',
      'A RST consumes no sequence number and is never acknowledged.',
    ])
    expect(arith(t, 2, 'zh-CN')[2]).toBe('RST 不占用序列号，也从不被确认。')
    expect(notes(t, 2, 'en')).toEqual([
      'Connection refused: nothing listens on port 81. The RST-ACK acknowledges the SYN (ack = its seq + 1), so the client accepts it; `connect()` fails with ECONNREFUSED.',
    ])
  })

  it('should explain SYN retries: the same ISN, the doubling gaps, and Linux’s 63 s', () => {
    const t = unanswered()
    expect(arith(t, 2, 'en')[0]).toBe('seq = 0 (raw 3458217409): the same ISN as in frame 1. The SYN is repeated; it does not start another connection.')
    expect(notes(t, 3, 'en')).toEqual(['SYN retry 2, 2 s after the previous SYN (frame 2): each wait is twice the one before (exponential backoff).'])
    expect(notes(t, 4, 'en')[1]).toBe(
      'No answer: the gaps between the SYNs were 1, 2, 4 s (7 s in all), doubling each time. Linux (`tcp_syn_retries` = 6) sends its last retry 1 + 2 + 4 + 8 + 16 + 32 = 63 s after the first SYN and gives up at about 127 s.',
    )
    expect(notes(t, 4, 'zh-CN')[1]).toBe(
      '始终没有回应：各个 SYN 之间的间隔依次为 1、2、4 秒（共 7 秒），每次翻倍。Linux（`tcp_syn_retries` = 6）在第一个 SYN 之后 1 + 2 + 4 + 8 + 16 + 32 = 63 秒发出最后一次重传，大约在 127 秒时放弃。',
    )
  })

  it('should explain a half-close: data after the peer’s FIN, and the FIN in the client’s later seq', () => {
    const t = halfClose()
    expect(arith(t, 7, 'en')[2]).toBe('next seq = seq + len = 1 + 1000 = 1001: the server’s next new byte will be number 1001.')
    expect(notes(t, 7, 'en')).toEqual(['Half-close: the client has closed its sending direction with a FIN, but this direction is still open, so the server keeps sending.'])
    expect(notes(t, 7, 'zh-CN')).toEqual(['半关闭：客户端已经用 FIN 关闭了自己的发送方向，但这个方向仍然打开，所以服务器还在继续发送。'])
    expect(arith(t, 9, 'en').slice(0, 3)).toEqual([
      'seq = 102 = 101 + 1: its own FIN in frame 5 consumed one sequence number.',
      'ack = 2001 = 1001 + 1000: the server’s 1000 data bytes in frame 8 (seq 1001) have arrived; the next byte the client expects is 2001.',
      'An ACK is cumulative: ack = 2001 acknowledges every byte up to ack − 1 = 2000, not only those in frame 8.',
    ])
  })

  it('should explain a RST abort and the plain RST answering data still in flight', () => {
    const t = rstAbort()
    expect(arith(t, 6, 'en')).toEqual([
      'seq = 101 = 1 + 100: its own 100 data bytes in frame 4 (seq 1) came just before.',
      'ack = 1 = 0 + 1: the server’s SYN in frame 2 consumed one sequence number, so the next number the client expects is 1.',
      'A RST consumes no sequence number and is never acknowledged.',
    ])
    expect(notes(t, 8, 'en')).toEqual(['This RST answers frame 7, which the server sent before the reset in frame 6 reached it.'])
    expect(notes(t, 8, 'zh-CN')).toEqual(['这个 RST 是在回应第 7 帧：服务器发出那个报文段时，第 6 帧的 RST 还没有到达它那里。'])
  })

  it('should explain a connection caught mid-stream: bases from seq − 1 and ack − 1, roles guessed', () => {
    const t = midStream()
    expect(arith(t, 1, 'en').slice(0, 2)).toEqual([
      'seq = 1 (raw 2000000001): the SYN was not captured, so the ISN is unknown. As Wireshark does, TCP Lens takes this first segment’s seq − 1 as the base, which makes it 1.',
      'ack = 1 (raw 4294967001): the server’s SYN was not captured either, so the first ACK seen sets the base of that direction (its ack − 1), which makes this 1.',
    ])
    expect(arith(t, 2, 'zh-CN')[0]).toBe('seq = 1：正是客户端在第 1 帧用 ack = 1 要求的下一个序列号。')
    expect(notes(t, 1, 'en')[1]).toBe('Roles guessed: without the SYN, port 52100 looks ephemeral next to port 443, so its side is taken as the client.')
  })

  it('should explain a keep-alive probe: seq one below the next new number', () => {
    const t = keepAlive()
    expect(arith(t, 8, 'en')[0]).toBe('seq = 365 = 366 − 1: one below the next new sequence number. The server has already received that number, so it must answer with an ACK.')
    expect(arith(t, 8, 'zh-CN')[0]).toBe('seq = 365 = 366 − 1：比下一个新序列号小 1。服务器早已收到过这个序列号，所以必须回复一个 ACK。')
    expect(arith(t, 8, 'en').some((line) => line.startsWith('A pure ACK'))).toBe(false)
  })

  it('should explain TCP Fast Open: the SYN’s data takes numbers after the SYN’s own', () => {
    const t = fastOpen()
    expect(arith(t, 1, 'en')[2]).toBe(
      'next seq = seq + 1 + len = 0 + 1 + 10 = 11: this segment carries a SYN and 10 data bytes; SYN and FIN take one sequence number each, data one per byte, so the next new number is 11.',
    )
    expect(arith(t, 2, 'en')[1]).toBe('ack = 11 = 0 + 1 + 10: the client sent a SYN and 10 data bytes in frame 1, 11 sequence numbers in all; the next number the server expects is 11.')
    expect(arith(t, 3, 'zh-CN')[0]).toBe('seq = 11 = 0 + 1 + 10：它在第 1 帧发送了 SYN 和 10 字节数据，一共占用 11 个序列号。')
    expect(notes(t, 2, 'en')).toEqual(['Fast Open: the server accepted the data in the SYN; its SYN-ACK acknowledges the SYN and the data.'])
  })
})

describe('teach/explain-step: structure', () => {
  it('should record what was sent, raw and relative, with the window scaled', () => {
    const x = explainConnection(normal()).steps
    expect(x[0]!.sent).toMatchObject({ flagNames: ['SYN'], seq: 0, rawSeq: 3458217409, hasAck: false, length: 0, window: 64240, scale: null, options: { mss: 1460, wsShift: 7 } })
    expect(x[3]!.sent).toMatchObject({ flagNames: ['PSH', 'ACK'], seq: 1, ack: 1, rawSeq: 3458217410, rawAck: 1209837466, length: 365, windowRaw: 502, window: 64256, scale: 128 })
    expect(x[1]!.arithmetic[1]).toEqual({ kind: 'ack-of', value: 1, base: 0, terms: [{ what: 'syn', amount: 1 }], ref: { frame: 1, from: 'client', seq: 0, length: 0, syn: true, fin: false } })
  })

  it('should say whether sending or receiving caused each change', () => {
    const x = explainConnection(normal()).steps[7]!
    expect(x.states.changes.map((c) => [c.role, c.to, c.cause])).toEqual([
      ['client', 'FIN-WAIT-1', 'sent'],
      ['server', 'CLOSE-WAIT', 'received'],
    ])
    const crossed = explainConnection(simultaneousOpen()).steps[1]!
    expect(crossed.states.changes.find((c) => c.reason === 'syns-crossed')).toMatchObject({ role: 'server', frame: 1, cause: 'received' })
  })

  it('should link steps to the topics that explain them', () => {
    const x = explainConnection(normal())
    expect(x.steps[0]!.topics).toEqual(['relative-seq', 'three-way'])
    expect(x.steps[1]!.topics).toEqual(['three-way', 'syn-flood'])
    expect(x.steps[9]!.topics).toEqual(['four-way', 'time-wait'])
    expect(x.topics).toEqual(['relative-seq', 'three-way', 'syn-flood', 'seq-ack', 'four-way', 'half-close', 'time-wait'])
    expect(explainConnection(unanswered()).topics).toContain('syn-retry')
    expect(explainConnection(simultaneousOpen()).topics).toEqual(expect.arrayContaining(['simultaneous-open', 'capture-point']))
    expect(explainConnection(simultaneousClose()).topics).toContain('simultaneous-close')
    expect(explainConnection(fastOpen()).topics).toContain('tfo')
    expect(explainConnection(keepAlive()).topics).toContain('keep-alive')
    expect(explainConnection(midStream()).topics).toContain('mid-stream')
    expect(explainConnection(refused()).topics).toContain('rst')
  })
})
