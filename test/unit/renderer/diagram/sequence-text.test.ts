import { describe, expect, it } from 'vitest'
import { durationParts, headText, numbersText, phaseKey, stepBadge, wrapText } from '../../../../renderer/src/diagram/sequence-text'
import type { ArrowNumbers } from '../../../../renderer/src/diagram/sequence-types'

const SYN_ACK: ArrowNumbers = { relative: true, seq: 0, ack: 1, rawSeq: 3_543_298_123, rawAck: 1_234_567_891, length: 0, hasAck: true }

describe('diagram/sequence-text', () => {
  it('should write the numbers relative by default and raw on request', () => {
    expect(numbersText(SYN_ACK, 'relative')).toBe('seq=0 ack=1 len=0')
    expect(numbersText(SYN_ACK, 'raw')).toBe('seq=3543298123 ack=1234567891 len=0')
  })

  it('should leave ack out when the ACK flag is not set, and say when the length is unknown', () => {
    expect(numbersText({ ...SYN_ACK, hasAck: false, length: -1 }, 'relative')).toBe('seq=0 len=?')
  })

  it('should circle the step numbers, both of them for a merged FIN-ACK', () => {
    expect(stepBadge([1])).toBe('①')
    expect(stepBadge([2, 3])).toBe('②③')
    expect(stepBadge([])).toBe('')
  })

  it('should head a label with the badge, the flags and the payload in quotes', () => {
    expect(headText({ steps: [2], flags: ['SYN', 'ACK'] })).toBe('②  SYN, ACK')
    expect(headText({ steps: [], flags: ['PSH', 'ACK'], payload: 'GET /index.html' })).toBe('PSH, ACK  “GET /index.html”')
    expect(headText({ steps: [], flags: ['ACK'], payload: 'HTTP/1.1 200 OK Content-Type: text/html' })).toMatch(/^ACK {2}“.{21}…”$/)
  })

  it('should say a duration in the unit a person would use', () => {
    expect(durationParts(0.0201)).toEqual({ unit: 'ms', value: '20' })
    expect(durationParts(1)).toEqual({ unit: 's', value: '1' })
    expect(durationParts(74.98995)).toEqual({ unit: 's', value: '75' })
    expect(durationParts(240)).toEqual({ unit: 'min', value: '4' })
  })

  it('should wrap a phase name into the gutter, keeping words whole and breaking Chinese anywhere', () => {
    expect(wrapText('Three-segment close', 12)).toEqual(['Three-segment', 'close'])
    expect(wrapText('Data transfer', 12)).toEqual(['Data', 'transfer'])
    expect(wrapText('Reset (RST)', 12)).toEqual(['Reset (RST)'])
    expect(wrapText('三次握手', 12)).toEqual(['三次握手'])
    expect(wrapText('半关闭（未释放完）', 12)).toEqual(['半关闭（未释', '放完）'])
  })

  it('should name each phase’s locale key in camel case', () => {
    expect(phaseKey('three-way-handshake')).toBe('threeWayHandshake')
    expect(phaseKey('reset')).toBe('reset')
  })
})
