// Runs @doyensec/electronegativity over one folder, offline, and writes what it found as JSON.
// A child process of test/security/electronegativity.test.ts: the tool registers globals (its
// i18n `__`) and loads `got`, which this process replaces so that nothing reaches the network
// (the tool would fetch translations and Electron's release list).
//   node electronegativity-scan.mjs <folder> <electron version> <excluded checks, comma-separated> <output.json>
import { readFileSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { argv, cwd, exit, stderr } from 'node:process'

const offline = () => Promise.reject(new Error('offline: the security test never uses the network'))
offline.head = offline
const load = Module._load
Module._load = function loadOffline(request, ...rest) {
  return request === 'got' ? Object.assign(offline, { default: offline }) : load.call(this, request, ...rest)
}

const requireFromProject = createRequire(join(cwd(), 'package.json'))
const tool = requireFromProject.resolve('@doyensec/electronegativity')
const toolModule = requireFromProject(tool)
const run = toolModule.default ?? toolModule
const { LoaderDirectory } = requireFromProject(join(dirname(tool), 'loader'))
const { Parser } = requireFromProject(join(dirname(tool), 'parser'))

async function main() {
  const [folder, electronVersion, excluded, output] = argv.slice(2)
  const report = await run(
    { input: folder, electronVersionOverride: electronVersion, excludeFromScan: excluded.split(',').filter(Boolean).map((c) => c.toLowerCase()), isRelative: true },
    false,
  )
  // Which files the tool reads, and which of them give it a syntax tree (the rest it skips silently).
  const loader = new LoaderDirectory()
  await loader.load(folder)
  const parser = new Parser(false, true)
  const listed = [...loader.list_files]
  const parsed = listed.filter((file) => {
    try {
      return parser.parse(file, readFileSync(file, 'utf8'))[1] !== null
    } catch {
      return false
    }
  })
  const name = (file) => (file === 'N/A' ? file : relative(folder, file).split('\\').join('/'))
  writeFileSync(
    output,
    JSON.stringify({
      listed: listed.map(name).sort(),
      parsed: parsed.map(name).sort(),
      errors: report.errors.map((e) => ({ file: name(e.file), message: e.message, tolerable: e.tolerable })),
      issues: report.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: i.file,
        line: i.location.line,
        column: i.location.column,
        sample: (i.sample ?? '').trim(),
        manualReview: Boolean(i.manualReview),
      })),
    }),
  )
}

main().catch((error) => {
  stderr.write(`${error && error.stack ? error.stack : String(error)}\n`)
  exit(1)
})
