import { describe, expect, it } from 'vitest'
import { CATALOGS, format, m, type MessageKey } from '../../../../main/teach/catalog'
import { en } from '../../../../main/teach/locales/en'
import { zhCN } from '../../../../main/teach/locales/zh-CN'
import { LANGS } from '../../../../main/teach/lang'
import { explainConnection } from '../../../../main/teach/explain-step'
import { noteMsg, kindMsg, titleMsg, topicBody, topicTitle } from '../../../../main/teach/phrases'
import { renderConnection } from '../../../../main/teach/render'
import { TOPIC_IDS } from '../../../../main/teach/topics'
import type { NoteCode, StepKind } from '../../../../main/tcp/step'
import { normal, SCENARIOS } from './scenarios'

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!))].sort()

/** Text that must never reach a student. */
const LEAKS = /\{\w+\}|undefined|NaN|\[object Object\]/

const NOTE_CODES: NoteCode[] = [
  'retransmission', 'fast-retransmission', 'spurious-retransmission', 'out-of-order', 'lost-segment', 'ack-lost-segment', 'duplicate-ack',
  'zero-window', 'window-full', 'reused-ports', 'syn-retry', 'syn-backoff', 'simultaneous-open', 'synack-retry', 'tfo-cookie-request',
  'tfo-cookie', 'tfo-data-accepted', 'tfo-data-ignored', 'data-on-third', 'half-close', 'time-wait', 'crossed', 'rst-in-flight', 'refused',
  'not-captured-opening', 'roles-guessed', 'no-answer',
]

const STEP_KINDS: StepKind[] = [
  'syn', 'syn-retry', 'syn-crossed', 'syn-ack', 'syn-ack-retry', 'handshake-ack', 'handshake-ack-data', 'refusal', 'data', 'ack', 'keep-alive',
  'keep-alive-ack', 'window-probe', 'window-update', 'fin', 'fin-ack-of-fin', 'fin-second', 'fin-merged', 'fin-crossed', 'last-ack', 'closing-ack', 'fin-retry',
  'rst', 'rst-after-close', 'other',
]

describe('teach/catalog', () => {
  it('should have the same keys in en and zh-CN', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
  })

  it('should use the same placeholders in both languages, for every key', () => {
    for (const key of Object.keys(en) as MessageKey[]) expect([key, placeholders(zhCN[key])]).toEqual([key, placeholders(en[key])])
  })

  it('should have no empty message, and Chinese text in every zh-CN message that has English words in en', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(en[key].length, key).toBeGreaterThan(0)
      const english = /\b(the|a|is|of|and|it)\b/.test(en[key].replace(/\{\w+\}/g, ''))
      // "a SYN" / "a FIN" are SYN / FIN in Chinese.
      if (english && key !== 'term.syn' && key !== 'term.fin') expect(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(zhCN[key]), key).toBe(true)
    }
  })

  it('should keep RFC state names and the standard terms in Chinese', () => {
    const all = Object.values(zhCN).join('\n')
    for (const term of ['三次握手', '四次挥手', '序列号', '确认号', '初始序列号 ISN', '半关闭', '2MSL', '同时打开', '同时关闭', '重传', '保活 keep-alive', '窗口', 'SYN-SENT', 'ESTABLISHED', 'TIME-WAIT', 'FIN-WAIT-2']) {
      expect(all, term).toContain(term)
    }
    expect(zhCN['step.title.open']).toBe('第 {n} 次握手')
    expect(zhCN['step.title.close']).toBe('第 {n} 次挥手')
  })

  it('should throw on a missing parameter rather than print a placeholder', () => {
    expect(() => format({ key: 'step.frame' }, 'en')).toThrow('message step.frame (en): no value for {n}')
    expect(format(m('step.frame', { n: 7 }), 'zh-CN')).toBe('第 7 帧')
  })

  it('should name frames, lists and seconds the way each language does', () => {
    expect(format(m('note.retransmission', { frame: { frames: [8] } }), 'en')).toBe('Retransmission: the same bytes were already sent in frame 8.')
    expect(format(m('note.fast-retransmission', { frame: { frames: [8] }, dupAcks: { frames: [24, 25, 26, 30] } }), 'en')).toContain('the duplicate ACKs in frames 24–26, 30')
    expect(format(m('note.fast-retransmission', { frame: { frames: [8] }, dupAcks: { frames: [24, 25, 26, 30] } }), 'zh-CN')).toContain('第 24–26、30 帧的重复 ACK')
    expect(format(m('note.fast-retransmission.unseen', { dupAcks: { frames: [3, 5, 7] } }), 'en')).toBe(
      'Fast retransmission: the duplicate ACKs in frames 3, 5, 7 asked for these bytes again before the retransmission timer ran out (their first transmission was not captured).',
    )
    expect(format(m('unit.seconds', { n: 63 }), 'zh-CN')).toBe('63 秒')
    const many = { frames: Array.from({ length: 40 }, (_, i) => i * 2 + 1) }
    expect(format(m('finding.syn-flood', { count: 40, target: '10.0.0.1:80', sources: 40, frames: many }), 'en')).toContain('… (40 in all)')
  })

  it('should phrase every note code, step kind, title and topic without leaking a placeholder, even without values', () => {
    const x = explainConnection(normal())
    for (const lang of LANGS) {
      for (const step of x.steps) {
        for (const code of NOTE_CODES) {
          expect(format(noteMsg({ code, frames: [] }, step, { serverPort: 80 }), lang)).not.toMatch(LEAKS)
          expect(format(noteMsg({ code, frames: [3, 5] }, step, { serverPort: 80 }), lang)).not.toMatch(LEAKS)
        }
        for (const kind of STEP_KINDS) expect(format(kindMsg({ ...step, kind }), lang)).not.toMatch(LEAKS)
        expect(format(titleMsg(step), lang)).not.toMatch(LEAKS)
      }
      for (const id of TOPIC_IDS) {
        expect(format(topicTitle(id), lang)).not.toMatch(LEAKS)
        expect(format(topicBody(id), lang)).not.toMatch(LEAKS)
      }
    }
  })

  it('should render every scenario, in every language and format, with no placeholder left', () => {
    for (const [name, build] of Object.entries(SCENARIOS)) {
      for (const lang of LANGS) {
        for (const fmt of ['text', 'markdown', 'mermaid'] as const) {
          const out = renderConnection(build(), { lang, format: fmt })
          expect(out.length, `${name} ${lang} ${fmt}`).toBeGreaterThan(100)
          expect(out, `${name} ${lang} ${fmt}`).not.toMatch(LEAKS)
        }
      }
    }
  })

  it('should tell the TIME-WAIT facts right and not repeat the tcp_fin_timeout myth', () => {
    for (const lang of LANGS) {
      const body = format(topicBody('time-wait'), lang)
      expect(body).toContain('60')
      expect(body).toContain('TCP_TIMEWAIT_LEN')
      expect(body).toContain('FIN-WAIT-2')
    }
    expect(format(topicBody('time-wait'), 'en')).toContain('RFC 9293 suggests MSL = 2 minutes, so 2MSL = 4 minutes. Linux uses a fixed 60 s')
    expect(format(topicBody('syn-retry'), 'en')).toContain('The retries leave 1 + 2 + 4 + 8 + 16 + 32 = 63 s after the first SYN; after one more doubled wait (64 s) `connect()` gives up with ETIMEDOUT, about 127 s after it started.')
    expect(format(topicBody('keep-alive'), 'zh-CN')).toContain('连接空闲 2 小时后发出第一个探测（`net.ipv4.tcp_keepalive_time` = 7200 秒）')
    expect(CATALOGS['zh-CN']).toBe(zhCN)
  })
})
