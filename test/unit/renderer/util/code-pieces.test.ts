import { describe, expect, it } from 'vitest'
import { codePieces } from '../../../../renderer/src/util/code-pieces'
import { escapeWithCode } from '../../../../renderer/src/teach/export/html-escape'

describe('util/code-pieces', () => {
  it('should set the text between backticks as code', () => {
    expect(codePieces('ack = `1000 + 1` = 1001')).toEqual([
      { text: 'ack = ', code: false },
      { text: '1000 + 1', code: true },
      { text: ' = 1001', code: false },
    ])
  })

  it('should leave text with an unmatched backtick as it is', () => {
    expect(codePieces('a ` b')).toEqual([{ text: 'a ` b', code: false }])
  })

  it('should escape both kinds of piece in the exported report', () => {
    expect(escapeWithCode('`<b>` & <i>')).toBe('<code>&lt;b&gt;</code> &amp; &lt;i&gt;')
  })
})
