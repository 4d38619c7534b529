// A long request's `work` events: throttled, one last event with done === total, and silence once
// the request is no longer wanted.
import { describe, expect, it } from 'vitest'
import type { WorkProgress } from '../../../../preload/contract/dto'
import { WorkReporter } from '../../../../main/session/work-reporter'

function reporter(intervalMs: number, wanted: () => boolean = () => true) {
  const sent: WorkProgress[] = []
  const work = new WorkReporter((w) => sent.push(w), { session: 3, task: 'sort' }, wanted, intervalMs)
  return { work, sent }
}

describe('session/work-reporter', () => {
  it('should send the session, the task and the frames done out of the total', () => {
    const { work, sent } = reporter(0)
    work.progress(0, 500)
    work.progress(200, 500)
    expect(sent).toEqual([
      { session: 3, task: 'sort', done: 0, total: 500 },
      { session: 3, task: 'sort', done: 200, total: 500 },
    ])
  })

  it('should end with exactly one done === total, sent by finish and never by progress', () => {
    const { work, sent } = reporter(0)
    work.progress(0, 500)
    work.progress(500, 500)
    work.finish()
    work.finish()
    work.progress(500, 500)
    expect(sent.map((w) => w.done)).toEqual([0, 499, 500])
    expect(sent.filter((w) => w.done === w.total)).toHaveLength(1)
  })

  it('should send at most one progress per interval, but always the end', () => {
    const { work, sent } = reporter(60_000)
    for (let done = 0; done < 1000; done += 100) work.progress(done, 1000)
    work.finish()
    expect(sent.map((w) => w.done)).toEqual([0, 1000])
  })

  it('should fall silent once the request is no longer wanted, the end included', () => {
    let wanted = true
    const { work, sent } = reporter(0, () => wanted)
    work.progress(0, 1000)
    wanted = false
    work.progress(500, 1000)
    work.finish()
    expect(sent.map((w) => w.done)).toEqual([0])
  })

  it('should send no end for a task that reported nothing (a quick way needed no progress)', () => {
    const { work, sent } = reporter(0)
    work.finish()
    expect(sent).toEqual([])
  })
})
