// Conformance: every frame of the 39 public captures in ../shared/captures, decoded by TCP Lens,
// against tshark 4.0's own view of them (committed in test/fixtures/tshark), column by column.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { addTally, checkCapture, engineFrames, formatTally, profileDiffers } from './check'
import { describeSharedCaptures, REPO } from './captures-dir'
import { DECODE_COLUMNS_OF_TSHARK_REFERENCE, engineOwnsCell, TCP_ENGINE_COLUMNS } from './owned-fields'
import type { FieldTally } from './compare'

const DECODE_REFERENCE = join(REPO, 'test/fixtures/tshark/decode-shared')
const TSHARK_REFERENCE = join(REPO, 'test/fixtures/tshark/shared')

function recordedHashes(dir: string): Map<string, string> {
  const lines = readFileSync(join(dir, 'captures.sha256'), 'utf8').trim().split('\n')
  return new Map(lines.map((l) => [l.slice(66), l.slice(0, 64)]))
}

const names = readdirSync(DECODE_REFERENCE).filter((n) => n.endsWith('.tsv')).map((n) => n.slice(0, -4)).sort()

describeSharedCaptures('conformance: shared captures against tshark', undefined, (dir, corpus) => {
  const hashes = recordedHashes(DECODE_REFERENCE)
  const decodeTotal = new Map<string, FieldTally>()
  const columnsTotal = new Map<string, FieldTally>()
  const engineTotal = new Map<string, FieldTally>()

  afterAll(() => {
    process.stdout.write(formatTally('\ndecode fields, shared captures (decode-reference.sh)', decodeTotal))
    process.stdout.write(formatTally('decoding columns of tshark-reference.sh, shared captures', columnsTotal))
    process.stdout.write(formatTally('TCP engine columns of tshark-reference.sh, shared captures', engineTotal))
  })

  it('has a reference for every capture in the corpus, made from these exact files', () => {
    expect(names).toEqual(corpus)
    for (const name of corpus) {
      const sha = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')
      expect(sha, `${name} differs from the file the reference was made from`).toBe(hashes.get(name))
    }
  })

  for (const name of names) {
    it(`${name}: every decoded field is what tshark shows`, async () => {
      const bytes = readFileSync(join(dir, name))
      const analysis = engineFrames(join(TSHARK_REFERENCE, `${name}.tsv`))
      const decode = await checkCapture(name, bytes, join(DECODE_REFERENCE, `${name}.tsv`), analysis)
      addTally(decodeTotal, decode.tally)
      const columns = await checkCapture(name, bytes, join(TSHARK_REFERENCE, `${name}.tsv`), analysis, DECODE_COLUMNS_OF_TSHARK_REFERENCE, profileDiffers(join(DECODE_REFERENCE, `${name}.tsv`)))
      addTally(columnsTotal, columns.tally)
      expect(decode.frames.ours).toBe(decode.frames.tshark)
      expect(decode.ourError).toBeUndefined()
      expect(decode.unexplained.slice(0, 10)).toEqual([])
      expect(columns.unexplained.slice(0, 10)).toEqual([])
      const engine = await checkCapture(name, bytes, join(TSHARK_REFERENCE, `${name}.tsv`), analysis, TCP_ENGINE_COLUMNS, profileDiffers(join(DECODE_REFERENCE, `${name}.tsv`)), engineOwnsCell)
      addTally(engineTotal, engine.tally)
      expect(engine.unexplained.slice(0, 10)).toEqual([])
    })
  }
})
