import { describe, expect, it } from 'vitest'
import { PAYLOAD_SUMMARY_LENGTH, payloadSummary } from '../../../../main/teach/payload-summary'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('teach/payload-summary', () => {
  it('should name an HTTP request by its method and target, without the version', () => {
    expect(payloadSummary(bytes('GET /index.html HTTP/1.1\r\nHost: a\r\n\r\n'))).toBe('GET /index.html')
    expect(payloadSummary(bytes('POST /login HTTP/1.0\r\n\r\n'))).toBe('POST /login')
  })

  it('should name an HTTP response by its status code and reason', () => {
    expect(payloadSummary(bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello'))).toBe('200 OK')
    expect(payloadSummary(bytes('HTTP/1.1 404 Not Found\r\n\r\n'))).toBe('404 Not Found')
    expect(payloadSummary(bytes('HTTP/1.1 204\r\n\r\n'))).toBe('204')
  })

  it('should give the first line of another text protocol', () => {
    expect(payloadSummary(bytes('220 mail.example ESMTP Postfix\r\n'))).toBe('220 mail.example ESMTP Postfix')
    expect(payloadSummary(bytes('+OK POP3 ready\r\n'))).toBe('+OK POP3 ready')
  })

  it('should shorten a long line to the limit, ending in an ellipsis', () => {
    const summary = payloadSummary(bytes(`GET /${'a'.repeat(100)} HTTP/1.1\r\n`))!
    expect(summary).toHaveLength(PAYLOAD_SUMMARY_LENGTH)
    expect(summary.endsWith('…')).toBe(true)
    expect(summary.startsWith('GET /aaa')).toBe(true)
  })

  it('should say nothing of binary payloads, empty ones or a line too short to mean anything', () => {
    expect(payloadSummary(new Uint8Array([0x16, 0x03, 0x01, 0x02, 0x00]))).toBeUndefined()
    expect(payloadSummary(new Uint8Array(100))).toBeUndefined()
    expect(payloadSummary(new Uint8Array(0))).toBeUndefined()
    expect(payloadSummary(bytes('\r\n'))).toBeUndefined()
    expect(payloadSummary(bytes('ok'))).toBeUndefined()
  })

  it('should leave a payload that holds markup as the text it is (the UI escapes it)', () => {
    expect(payloadSummary(bytes('<script>alert(1)</script>\n'))).toBe('<script>alert(1)</script>')
  })
})
