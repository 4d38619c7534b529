// Conformance of the display filters: every filter of filters-list.ts over every capture (the
// catalogue's fixtures, built in code, always; the shared corpus when it is there) selects exactly
// the frames tshark 4.0 selects with -Y (test/fixtures/tshark/filters, by filter-reference.sh),
// and every invalid filter is refused, as tshark refuses it.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compileFilter } from '../../main/filter'
import { FIXTURES } from '../fixtures/catalog'
import { describeSharedCaptures } from './captures-dir'
import { compareSelections, describeMismatch, FilterAgreement } from './filters-compare'
import { FILTER_REFERENCE, readFilterReference, readInvalidVerdicts, recordedInputs } from './filters-fixture'
import { INVALID_FILTERS, VALID_FILTERS } from './filters-list'
import { ourSelections } from './filters-select'

const FILTERS = VALID_FILTERS.map((f) => f.filter)
const REGENERATE = 'run test/fixtures/tshark/filter-reference.sh'

/** Declares one test per capture: our selections against tshark's, counted into `agreement`. */
function itSelectsAsTshark(capture: string, bytes: () => Uint8Array, agreement: FilterAgreement): void {
  it(`${capture}: every filter selects the frames tshark selects`, async () => {
    const reference = readFilterReference(capture)
    expect([...reference.frames.keys()], `the filter list changed: ${REGENERATE}`).toEqual(FILTERS)
    const ours = await ourSelections(bytes(), FILTERS)
    // A damaged file is damaged for both (an empty one is not damaged).
    expect(ours.readError !== undefined && ours.readError.code !== 'empty', 'damaged for us as for tshark').toBe(reference.exit === 2)
    const comparison = compareSelections(capture, FILTERS, ours, reference)
    agreement.add(FILTERS.length, comparison)
    expect(comparison.mismatches.map(describeMismatch)).toEqual([])
  })
}

describe('conformance: the display-filter list', () => {
  it('should have at least 60 filters tshark takes, each once, and invalid ones tshark refuses', () => {
    expect(FILTERS.length).toBeGreaterThanOrEqual(60)
    expect(new Set(FILTERS).size).toBe(FILTERS.length)
    const verdicts = readInvalidVerdicts()
    expect([...verdicts.keys()], `the invalid list changed: ${REGENERATE}`).toEqual(INVALID_FILTERS.map((f) => f.filter))
    for (const verdict of verdicts.values()) expect(verdict.exit).toBe(2)
  })

  it('should compile every filter tshark takes', () => {
    const refused = FILTERS.map((text) => [text, compileFilter(text)] as const).flatMap(([text, r]) => (r.ok ? [] : [`${text}: ${r.error.message.en}`]))
    expect(refused).toEqual([])
  })
})

describe('conformance: invalid display filters', () => {
  const verdicts = readInvalidVerdicts()
  let samePlace = 0
  let placed = 0

  afterAll(() => {
    process.stdout.write(`\ninvalid display filters: ${INVALID_FILTERS.length} refused; the mistake is where tshark's caret points in ${samePlace} of the ${placed} that tshark places\n`)
  })

  for (const { filter, why } of INVALID_FILTERS) {
    it(`should refuse ${JSON.stringify(filter)} (${why}), with a message in both languages and a place in the text`, () => {
      const result = compileFilter(filter)
      expect(result.ok, `tshark: ${verdicts.get(filter)?.message}`).toBe(false)
      if (result.ok) return
      const { error } = result
      expect(error.message.en).not.toBe('')
      expect(error.message['zh-CN']).not.toBe('')
      expect(error.start).toBeGreaterThanOrEqual(0)
      expect(error.end).toBeGreaterThanOrEqual(error.start)
      expect(error.end).toBeLessThanOrEqual(filter.length)
      const caret = verdicts.get(filter)?.caret
      if (caret) {
        placed++
        if (error.start === caret[0]) samePlace++
      }
    })
  }
})

describe('conformance: display filters on fixtures built in code against tshark', () => {
  const agreement = new FilterAgreement()
  afterAll(() => process.stdout.write(`\n${agreement.format('display filters, generated fixtures')}`))

  it('has a reference for every fixture, made from the same bytes the catalogue builds now', () => {
    const recorded = recordedInputs('fixtures.sha256')
    expect([...recorded.keys()].sort()).toEqual(FIXTURES.map((f) => f.file).sort())
    for (const fixture of FIXTURES) {
      const sha = createHash('sha256').update(fixture.bytes()).digest('hex')
      expect(sha, `${fixture.file}: the catalogue changed; ${REGENERATE}`).toBe(recorded.get(fixture.file))
      expect(existsSync(join(FILTER_REFERENCE, `${fixture.file}.json`))).toBe(true)
    }
  })

  for (const fixture of FIXTURES) itSelectsAsTshark(fixture.file, () => fixture.bytes(), agreement)
})

describeSharedCaptures('conformance: display filters on the shared captures against tshark', 'the display filters are compared on the generated fixtures only', (dir, corpus) => {
  const agreement = new FilterAgreement()
  afterAll(() => process.stdout.write(`\n${agreement.format('display filters, shared captures')}`))

  it('has a reference for every capture in the corpus, made from these exact files', () => {
    const recorded = recordedInputs('captures.sha256')
    expect([...recorded.keys()].sort()).toEqual(corpus)
    for (const name of corpus) {
      const sha = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')
      expect(sha, `${name} differs from the file the reference was made from`).toBe(recorded.get(name))
    }
  })

  for (const name of corpus) itSelectsAsTshark(name, () => readFileSync(join(dir, name)), agreement)
})
