// A long request's `work` events (a sort by a text column, Expert Info streaming the file again):
// how many of its frames are done, throttled as the load's progress is (throttle.ts), then a last
// one with done === total when it has finished. Nothing is sent once the request is no longer
// wanted (a newer view replaced it, the capture was closed), so a cancelled task falls silent.
import type { WorkProgress } from '../../preload/contract/dto'
import { Throttle } from './throttle'

export type WorkTask = WorkProgress['task']

export class WorkReporter {
  private readonly throttle: Throttle
  /** The total of the last report asked for; undefined: nothing was reported yet. */
  private total?: number
  private finished = false

  constructor(
    private readonly send: (work: WorkProgress) => void,
    private readonly work: { session: number; task: WorkTask },
    private readonly wanted: () => boolean,
    intervalMs?: number,
  ) {
    this.throttle = new Throttle(intervalMs)
  }

  /**
   * `done` frames of `total`: sent unless one was sent less than an interval ago. Only finish()
   * says done === total (the last frame decoded is not yet the end of the task: a sort still sorts).
   */
  progress(done: number, total: number): void {
    this.total = total
    if (this.finished || !this.wanted() || !this.throttle.take()) return
    this.send({ ...this.work, done: Math.max(0, Math.min(done, total - 1)), total })
  }

  /** The end (done === total), sent once, if the task reported its progress and is still wanted. */
  finish(): void {
    if (this.finished || this.total === undefined || !this.wanted()) return
    this.finished = true
    this.send({ ...this.work, done: this.total, total: this.total })
  }
}
