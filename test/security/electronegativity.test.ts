// Electronegativity (Doyensec's Electron security linter) over the sources and the built app.
// Offline and deterministic: it runs in a child process (electronegativity-scan.mjs) with the
// network module replaced and the Electron version given, over copies of exactly the folders
// named here. Every HIGH or MEDIUM finding needs a written justification in
// electronegativity.json, and every justification must still match a finding.
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const ROOT = resolve(__dirname, '../..')
const SCANNER = join(__dirname, 'electronegativity-scan.mjs')
const FOLDERS = ['main', 'preload', 'renderer'] as const

type Scan = 'source' | 'bundle'
type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL'

interface Finding {
  id: string
  severity: Severity
  confidence: string
  file: string
  line: number
  column: number
  sample: string
  manualReview: boolean
}

interface ScanReport {
  /** Files the tool lists (relative to the scanned folder, "/"-separated). */
  listed: string[]
  /** Of those, the ones it turns into a syntax tree. */
  parsed: string[]
  errors: Array<{ file: string; message: string; tolerable: boolean }>
  issues: Finding[]
}

interface Justification {
  scan: Scan
  check: string
  file: string
  sample?: string
  severity: Severity
  why: string
}

interface Config {
  excludedChecks: Record<string, string>
  justifications: Justification[]
}

const config = JSON.parse(readFileSync(join(__dirname, 'electronegativity.json'), 'utf8')) as Config
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version

/** The severities a finding may not have without a justification. */
const MUST_JUSTIFY: readonly Severity[] = ['HIGH', 'MEDIUM']

const matches = (j: Justification, scan: Scan, f: Finding): boolean =>
  j.scan === scan && j.check === f.id && j.file === f.file && (j.sample === undefined || f.sample.includes(j.sample))

const describeFinding = (f: Finding) => `${f.severity} ${f.id} ${f.file}:${f.line}:${f.column} ${f.sample}`

/** Every file under `folder` (relative, "/"-separated), as the tool would list them by extension. */
function filesWith(folder: string, extensions: readonly string[]): string[] {
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}

/** Copies the three folders from `base` into a fresh folder and scans that. */
async function scan(base: string, work: string, name: Scan): Promise<ScanReport> {
  const copy = join(work, name)
  for (const folder of FOLDERS) cpSync(join(base, folder), join(copy, folder), { recursive: true })
  const output = join(work, `${name}.json`)
  await run(process.execPath, [SCANNER, copy, ELECTRON_VERSION, Object.keys(config.excludedChecks).join(','), output], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'en-US' },
    timeout: 120_000,
  })
  return JSON.parse(readFileSync(output, 'utf8')) as ScanReport
}

describe('security/electronegativity', () => {
  const out = join(ROOT, 'out')
  let work: string
  const reports = {} as Record<Scan, ScanReport>

  beforeAll(async () => {
    const missing = FOLDERS.filter((folder) => !existsSync(join(out, folder)))
    if (missing.length > 0) {
      throw new Error(`The built app is missing (out/${missing.join(', out/')}): run \`npx electron-vite build\` (npm test builds it first), then run this test again.`)
    }
    work = mkdtempSync(join(tmpdir(), 'tcplens-electronegativity-'))
    ;[reports.source, reports.bundle] = await Promise.all([scan(ROOT, work, 'source'), scan(out, work, 'bundle')])
  }, 180_000)
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  describe('what it reads', () => {
    it('should read and parse every .ts and .html file of main/, preload/ and renderer/', () => {
      // From the copy it scanned: files others add while the test runs do not count.
      const expected = FOLDERS.flatMap((folder) => filesWith(join(work, 'source', folder), ['.ts', '.tsx', '.js', '.html']).map((file) => `${folder}/${file}`)).sort()
      expect(reports.source.listed).toEqual(expected)
      expect(reports.source.parsed).toEqual(expected)
      expect(reports.source.errors).toEqual([])
    })

    it('should not read the .vue components from source, so the renderer bundle they compile to must be read instead', () => {
      const components = filesWith(join(ROOT, 'renderer'), ['.vue'])
      expect(components.length).toBeGreaterThan(0)
      expect(reports.source.listed.filter((file) => file.endsWith('.vue'))).toEqual([])
      const rendererScripts = reports.bundle.parsed.filter((file) => /^renderer\/assets\/.+\.js$/.test(file))
      expect(rendererScripts).toEqual(filesWith(join(work, 'bundle', 'renderer'), ['.js']).map((file) => `renderer/${file}`))
      expect(rendererScripts.length).toBeGreaterThan(0)
    })

    it('should read and parse every script and page of the built bundles', () => {
      const expected = FOLDERS.flatMap((folder) => filesWith(join(work, 'bundle', folder), ['.js', '.html']).map((file) => `${folder}/${file}`)).sort()
      expect(reports.bundle.listed).toEqual(expected)
      expect(reports.bundle.parsed).toEqual(expected)
      expect(reports.bundle.listed).toEqual(expect.arrayContaining(['main/index.js', 'preload/index.js', 'renderer/index.html']))
      expect(reports.bundle.errors).toEqual([])
    })
  })

  describe('the justifications (electronegativity.json)', () => {
    it('should each name its check, file, severity and say why in words', () => {
      for (const j of config.justifications) {
        expect(['source', 'bundle']).toContain(j.scan)
        expect(j.check).toMatch(/^[A-Z_]+_CHECK$/)
        expect(j.why.length, `${j.check} ${j.file}`).toBeGreaterThan(60)
      }
      for (const why of Object.values(config.excludedChecks)) expect(why.length).toBeGreaterThan(60)
    })

    for (const name of ['source', 'bundle'] as const) {
      it(`should leave no high or medium finding of the ${name} scan unjustified`, () => {
        const unjustified = reports[name].issues.filter((f) => MUST_JUSTIFY.includes(f.severity) && !config.justifications.some((j) => matches(j, name, f)))
        expect(unjustified.map(describeFinding), 'fix the code, or justify the finding in test/security/electronegativity.json').toEqual([])
      })

      it(`should keep no stale justification for the ${name} scan, each at the severity the tool gives`, () => {
        for (const j of config.justifications.filter((j) => j.scan === name)) {
          const found = reports[name].issues.filter((f) => matches(j, name, f))
          expect(found.length, `no ${j.check} finding in ${j.file} any more: remove its justification`).toBeGreaterThan(0)
          expect(found.map((f) => f.severity)).toContain(j.severity)
        }
      })
    }
  })
})
