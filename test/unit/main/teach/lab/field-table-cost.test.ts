// The lab's field tables work out the connection's explanation context once, not once per step:
// without it explainStep works it out again for every step, which made the tables quadratic in
// the steps: a connection of 2,000 retransmitted SYN-ACKs held the session worker for 20 s (found
// by npm run fuzz; that capture is test/fuzz/regressions/slow-lab-2000-synack-retransmissions.pcap.gz,
// replayed within the fuzz time bound by test/fuzz/fuzz-seeded.test.ts).
import { describe, expect, it, vi } from 'vitest'
import * as explain from '../../../../../main/teach/explain-step'
import { labOf } from '../../../../fixtures/teaching-views'

vi.mock('../../../../../main/teach/explain-step', async (original) => {
  const real = await original<typeof explain>()
  return { ...real, explainStep: vi.fn(real.explainStep), explainContext: vi.fn(real.explainContext) }
})

describe('teach/lab/field-table: cost', () => {
  it('should hand every step the context worked out once for the connection', async () => {
    vi.mocked(explain.explainStep).mockClear()
    vi.mocked(explain.explainContext).mockClear()
    const report = await labOf('tcp-scenario-syn-retries')
    const calls = vi.mocked(explain.explainStep).mock.calls
    expect(calls.length).toBeGreaterThanOrEqual(report.fieldTables.length)
    for (const [, , context] of calls) expect(context).toBeDefined()
    expect(vi.mocked(explain.explainContext).mock.calls.length).toBe(1)
  })
})
