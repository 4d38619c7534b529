// The renderer shows captured bytes, so no markup it builds may come from text: Vue's {{ }} and
// attribute bindings escape, but v-html, innerHTML and friends do not. None is used today; this
// keeps it so (a new use must be proved safe in a test of its own and listed here).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const SCANNED = ['renderer/src', 'preload']

/** Ways to turn text into markup or code in a page. */
const RAW_HTML = /v-html|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|createContextualFragment|\bsrcdoc\b|\bDOMParser\b|new Function\s*\(|\beval\s*\(/

/** Uses proved safe elsewhere (file → why). Empty: there are none. */
const ALLOWED: Record<string, string> = {}

function sourceFiles(folder: string): string[] {
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
    .filter((entry) => entry.isFile() && /\.(vue|ts|tsx|js|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('security: no raw HTML in the renderer', () => {
  it('should build no markup from text (v-html, innerHTML, insertAdjacentHTML, document.write, eval …)', () => {
    const files = SCANNED.flatMap((folder) => sourceFiles(join(ROOT, folder)))
    expect(files.length).toBeGreaterThan(50)
    const uses = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${relative(ROOT, file)}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => RAW_HTML.test(line))
        .filter(({ where }) => !Object.hasOwn(ALLOWED, where.split(':')[0])),
    )
    expect(uses).toEqual([])
  })
})
