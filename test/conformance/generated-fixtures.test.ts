// Conformance: every fixture of the catalogue (test/fixtures/catalog.ts), built in code, decoded
// by TCP Lens and compared with tshark 4.0's view of the same bytes (test/fixtures/tshark).
// Needs nothing from outside the repository.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FIXTURES } from '../fixtures/catalog'
import { addTally, checkCapture, engineFrames, formatTally, profileDiffers } from './check'
import { REPO } from './captures-dir'
import { DECODE_COLUMNS_OF_TSHARK_REFERENCE, engineOwnsCell, TCP_ENGINE_COLUMNS } from './owned-fields'
import type { FieldTally } from './compare'
import { readStatus } from './tsv'

const DECODE_REFERENCE = join(REPO, 'test/fixtures/tshark/decode-generated')
const TSHARK_REFERENCE = join(REPO, 'test/fixtures/tshark/generated')

const recorded = new Map(
  readFileSync(join(TSHARK_REFERENCE, 'fixtures.sha256'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => [line.slice(66), line.slice(0, 64)] as const),
)

describe('conformance: fixtures built in code against tshark', () => {
  const decodeTotal = new Map<string, FieldTally>()
  const columnsTotal = new Map<string, FieldTally>()
  const engineTotal = new Map<string, FieldTally>()
  const scratch = mkdtempSync(join(tmpdir(), 'tcplens-conformance-'))

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true })
    process.stdout.write(formatTally('\ndecode fields, generated fixtures (decode-reference.sh)', decodeTotal))
    process.stdout.write(formatTally('decoding columns of tshark-reference.sh, generated fixtures', columnsTotal))
    process.stdout.write(formatTally('TCP engine columns of tshark-reference.sh, generated fixtures', engineTotal))
  })

  it('has a reference for every fixture, made from the same bytes the catalogue builds now', () => {
    expect([...recorded.keys()].sort()).toEqual(FIXTURES.map((f) => f.file).sort())
    for (const fixture of FIXTURES) {
      const sha = createHash('sha256').update(fixture.bytes()).digest('hex')
      expect(sha, `${fixture.file}: the catalogue changed; run test/fixtures/tshark/regenerate.sh`).toBe(recorded.get(fixture.file))
    }
  })

  for (const fixture of FIXTURES) {
    it(`${fixture.file}: decodes as tshark does`, async () => {
      const bytes = fixture.bytes()
      writeFileSync(join(scratch, fixture.file), bytes)
      const analysisTsv = join(TSHARK_REFERENCE, `${fixture.file}.tsv`)
      const tshark = readStatus(join(TSHARK_REFERENCE, `${fixture.file}.status`))
      if (tshark.exitStatus === 2 && readFileSync(analysisTsv, 'utf8') === '') {
        // tshark could not open it at all (bad magic): neither do we, with a clean error.
        const { ourRows } = await import('./compare')
        const ours = await ourRows(bytes, ['frame.number'])
        expect(ours.rows).toEqual([])
        expect(ours.error?.code).toBe('not-capture')
        return
      }
      const analysis = engineFrames(analysisTsv)
      const decode = await checkCapture(fixture.file, bytes, join(DECODE_REFERENCE, `${fixture.file}.tsv`), analysis)
      const columns = await checkCapture(fixture.file, bytes, analysisTsv, analysis, DECODE_COLUMNS_OF_TSHARK_REFERENCE, profileDiffers(join(DECODE_REFERENCE, `${fixture.file}.tsv`)))
      addTally(decodeTotal, decode.tally)
      addTally(columnsTotal, columns.tally)
      // The same frames, and a damaged file is damaged for both (an empty file is not).
      expect(decode.frames.ours).toBe(decode.frames.tshark)
      expect(decode.ourError !== undefined && decode.ourError !== 'empty').toBe(tshark.exitStatus === 2)
      expect(decode.unexplained.slice(0, 10)).toEqual([])
      expect(columns.unexplained.slice(0, 10)).toEqual([])
      const engine = await checkCapture(fixture.file, bytes, analysisTsv, analysis, TCP_ENGINE_COLUMNS, profileDiffers(join(DECODE_REFERENCE, `${fixture.file}.tsv`)), engineOwnsCell)
      addTally(engineTotal, engine.tally)
      expect(engine.unexplained.slice(0, 10)).toEqual([])
    })
  }
})
