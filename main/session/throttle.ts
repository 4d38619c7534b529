// The one throttle of the session's progress events: the load's `progress` and a long request's
// `work` both go out at most once per interval (about ten times a second), so a pass over
// millions of frames does not flood the window with messages.

/** The least time between two progress events of one pass or request. */
export const PROGRESS_INTERVAL_MS = 100

export class Throttle {
  private last = Number.NEGATIVE_INFINITY

  constructor(
    private readonly intervalMs: number = PROGRESS_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when a report may go now (the first always may); the report is then counted as sent. */
  take(): boolean {
    const now = this.now()
    if (now - this.last < this.intervalMs) return false
    this.last = now
    return true
  }
}
