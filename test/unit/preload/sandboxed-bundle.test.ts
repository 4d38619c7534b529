import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// A sandboxed preload gets a require() that loads only Electron's renderer modules (and a few
// Node ones): the built preload must be one CommonJS file that requires nothing but 'electron'.
const BUILT = resolve(__dirname, '../../../out/preload/index.js')

describe('the built preload', () => {
  it('should be one CommonJS file that requires only electron', () => {
    expect(existsSync(BUILT), `${BUILT} is missing: run \`npm run build\` (npm test does it first)`).toBe(true)
    const code = readFileSync(BUILT, 'utf8')
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(code).not.toMatch(/^\s*import\s/m)
    expect(code).toContain('exposeInMainWorld("tcplens"')
  })
})
