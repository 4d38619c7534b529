import { describe, expect, it } from 'vitest'
import { sequenceCss } from '../../../../renderer/src/diagram/sequence-style'

describe('diagram/sequence-style', () => {
  const css = sequenceCss(16)

  it('should let a click through the hover lines and the travelling dot to the arrow under them', () => {
    expect(css).toMatch(/\.sq-provenances, \.sq-travel \{ pointer-events: none; \}/)
  })

  it('should carry a fallback colour for every theme variable, so an exported file keeps its colours', () => {
    const uses = [...css.matchAll(/var\((--[\w-]+)(,\s*[^)]+)?\)/g)]
    expect(uses.length).toBeGreaterThan(5)
    for (const use of uses) expect(use[2], use[1]).toBeDefined()
  })
})
