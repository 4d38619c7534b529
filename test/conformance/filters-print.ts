// Prints the conformance filters one per line, for test/fixtures/tshark/filter-reference.sh:
//   npx tsx test/conformance/filters-print.ts valid|invalid
import { INVALID_FILTERS, VALID_FILTERS } from './filters-list'

const which = process.argv[2]
const list = which === 'valid' ? VALID_FILTERS : which === 'invalid' ? INVALID_FILTERS : undefined
if (!list) {
  process.stderr.write('usage: filters-print.ts valid|invalid\n')
  process.exit(2)
}
for (const { filter } of list) {
  if (/[\r\n]/.test(filter)) throw new Error(`a filter must be one line: ${JSON.stringify(filter)}`)
  process.stdout.write(`${filter}\n`)
}
