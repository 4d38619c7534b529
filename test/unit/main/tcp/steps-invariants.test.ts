// The timelines hold together on every capture we have (the fixture catalogue and the shared
// corpus), read the way `tcplens conv` and `explain` read them: each step starts in the states
// the previous one ended in, every state change is written in its step's before → after, the
// summary's final states are the last step's, and the steps count the connection's packets.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TCP_STATES } from '../../../../main/tcp/states'
import type { ConnectionTimeline, Role } from '../../../../main/tcp/step'
import { FIXTURES } from '../../../fixtures/catalog'
import { describeSharedCaptures } from '../../../conformance/captures-dir'
import { timelinesOf } from './run-timelines'

async function timelines(bytes: Uint8Array, recordSteps: boolean): Promise<ConnectionTimeline[]> {
  return (await timelinesOf(bytes, recordSteps)).connections
}

const ROLES: Role[] = ['client', 'server']

/** Checks one capture; returns how many steps it has. */
async function expectCoherent(bytes: Uint8Array): Promise<number> {
  const full = await timelines(bytes, true)
  let steps = 0
  for (const c of full) {
    const where = `stream ${c.stream}`
    const list = c.steps!
    expect(list.length, where).toBe(c.packets)
    expect(list[0]!.frame, where).toBe(c.firstFrame)
    expect(list[list.length - 1]!.frame, where).toBe(c.lastFrame)
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!
      const at = `${where}, frame ${s.frame}`
      for (const role of ROLES) {
        expect(TCP_STATES, at).toContain(s.after[role])
        if (i > 0) expect(s.before[role], `${at}: ${role} starts where the previous step ended`).toBe(list[i - 1]!.after[role])
        // The changes of a role chain from its state before to its state after.
        let state = s.before[role]
        for (const change of s.changes.filter((ch) => ch.role === role)) {
          expect(change.from, `${at}: ${role} change from`).toBe(state)
          expect(change.frame, at).toBeLessThanOrEqual(s.frame)
          state = change.to
        }
        expect(state, `${at}: ${role} after its changes`).toBe(s.after[role])
      }
      if (s.step.length) expect(['open', 'close'], at).toContain(s.phase)
      for (const note of s.notes) for (const frame of note.frames) expect(frame, `${at}: ${note.code} evidence`).toBeGreaterThan(0)
    }
    const last = list[list.length - 1]!
    expect([c.client.state, c.server.state], where).toEqual([last.after.client, last.after.server])
    steps += list.length
  }
  // Recording the steps changes nothing in the summaries.
  const lean = await timelines(bytes, false)
  expect(lean).toEqual(full.map(({ steps: _steps, ...rest }) => rest))
  return steps
}

describe('tcp/steps invariants on the fixture catalogue', () => {
  for (const f of FIXTURES) {
    it(`should keep ${f.name}'s timelines coherent`, async () => {
      await expectCoherent(f.bytes())
    })
  }
})

describeSharedCaptures('tcp/steps invariants on the shared captures', 'timelines are checked on the fixtures only', (dir, names) => {
  it('should find the shared captures', () => {
    expect(names.length).toBeGreaterThan(30)
  })
  for (const name of names) {
    it(`should keep ${name}'s timelines coherent`, async () => {
      await expectCoherent(new Uint8Array(readFileSync(join(dir, name))))
    })
  }
})
