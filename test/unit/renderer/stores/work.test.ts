// The progress of long requests as the busy indicators read it: work events of the open capture's
// session, kept by the request that waits for them, forgotten when such a request starts or ends.
import { describe, expect, it } from 'vitest'
import type { Result, ViewInfo, WorkProgress } from '../../../../preload/contract/api'
import { useApiStore } from '../../../../renderer/src/stores/api'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { TASK_REQUEST, useWorkStore } from '../../../../renderer/src/stores/work'
import { flushPromises, setUp } from '../harness'

const SORT: WorkProgress = { session: 1, task: 'sort', done: 300, total: 1000 }

/** A ready capture (session 1) whose setView answers only when told to. */
async function waitingSetView() {
  const harness = setUp({ rows: 300 })
  await useCaptureStore().start()
  const answers: Array<(result: Result<ViewInfo>) => void> = []
  harness.api.setView = () => new Promise((resolve) => answers.push(resolve))
  const answer = async (at: number) => {
    answers[at]!({ ok: true, value: { count: 300, total: 300 } })
    await flushPromises()
  }
  return { harness, api: useApiStore(), work: useWorkStore(), answer }
}

describe('stores/work', () => {
  it('should say which request waits for each task the back end reports', () => {
    expect(TASK_REQUEST).toEqual({ sort: 'setView', filter: 'setView', 'expert-info': 'expertInfo' })
  })

  it('should keep the last work of the open session while its request is under way', async () => {
    const { harness, api, work, answer } = await waitingSetView()
    void api.call('setView', { sort: { column: 'info', descending: false } })
    harness.api.emit('work', SORT)
    harness.api.emit('work', { ...SORT, session: 2, done: 900 })
    harness.api.emit('work', { ...SORT, session: 0, done: 900 })
    expect(work.progressOf('setView')).toEqual(SORT)
    harness.api.emit('work', { ...SORT, done: 600 })
    expect(work.progressOf('setView')).toMatchObject({ done: 600 })
    expect(work.progressOf('expertInfo')).toBeUndefined()
    await answer(0)
    expect(work.progressOf('setView')).toBeUndefined()
  })

  it('should forget a replaced sort’s progress as soon as the newer request starts', async () => {
    const { harness, api, work, answer } = await waitingSetView()
    void api.call('setView', { sort: { column: 'info', descending: false } })
    harness.api.emit('work', SORT)
    void api.call('setView', { sort: { column: 'source', descending: false } })
    expect(work.progressOf('setView')).toBeUndefined()
    harness.api.emit('work', { ...SORT, done: 10 })
    await answer(0)
    // Any request of the kind ending forgets what was heard; the newer sort's next event (a tenth
    // of a second later at most) shows it again.
    expect(work.progressOf('setView')).toBeUndefined()
    harness.api.emit('work', { ...SORT, done: 20 })
    expect(work.progressOf('setView')).toMatchObject({ done: 20 })
    await answer(1)
    expect(work.progressOf('setView')).toBeUndefined()
  })

  it('should ignore work no request waits for', async () => {
    const { harness, work } = await waitingSetView()
    harness.api.emit('work', SORT)
    harness.api.emit('work', { ...SORT, task: 'expert-info' })
    expect(work.latest).toEqual({})
  })
})
