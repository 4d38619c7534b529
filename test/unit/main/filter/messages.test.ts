import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../../../main/filter/messages'

const CJK = /[\u4e00-\u9fff]/

describe('filter/messages', () => {
  it('should word every message in English and in Chinese', () => {
    for (const [name, make] of Object.entries(MESSAGES)) {
      const { code, message } = (make as (...args: unknown[]) => ReturnType<typeof MESSAGES.unexpected>)('x', 'y', 1, 2)
      expect(code, name).toMatch(/^[a-z-]+$/)
      expect(message.en, name).not.toMatch(CJK)
      expect(message['zh-CN'], name).toMatch(CJK)
    }
  })

  it("should word the English as tshark 4.0 does where tshark has the message", () => {
    expect(MESSAGES.unexpected('443').message.en).toBe('"443" was unexpected in this context.')
    expect(MESSAGES.unknownField('tcp.nonexistent').message.en).toBe('tcp.nonexistent is neither a field nor a protocol name.')
    expect(MESSAGES.unexpectedEnd().message.en).toBe('Unexpected end of filter expression.')
  })

  it('should keep the offending text in the Chinese too', () => {
    expect(MESSAGES.unexpected('==').message['zh-CN']).toBe('此处不应出现 "=="。')
    expect(MESSAGES.unknownField('tcp.nonexistent').message['zh-CN']).toBe('tcp.nonexistent 既不是字段也不是协议名。')
    expect(MESSAGES.tooBig('70000', '65535').message['zh-CN']).toContain('65535')
  })
})
