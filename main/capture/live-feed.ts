// What the writer of a growing capture file (a live capture) tells its reader: how many bytes of
// the file are complete blocks, and whether it will grow any more. The reader reads no further
// than that and waits for the next growth; only the end (or closing the feed) ends the wait.

export class LiveFeed {
  private size = 0
  private done = false
  private shut = false
  /** Resolves at the next change; replaced by a fresh one each time. */
  private change = deferred()

  /** Bytes [0, committed) of the file are complete. */
  get committed(): number {
    return this.size
  }

  /** The file grows no more: after `committed` bytes comes the end. */
  get ended(): boolean {
    return this.done
  }

  /** Closed: whoever waits stops waiting (the capture was closed before the end). */
  get closed(): boolean {
    return this.shut
  }

  /**
   * The first `size` bytes are complete; `ended`: that is all. Sizes only grow (a smaller one is
   * an older message and changes nothing); after the end nothing changes.
   */
  grow(size: number, ended: boolean): void {
    if (this.done || this.shut) return
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`a live file's size must be an integer ≥ 0, not ${size}`)
    const grew = size > this.size
    if (grew) this.size = size
    if (ended) this.done = true
    if (grew || ended) this.wake()
  }

  /** Ends every wait, now and later. */
  close(): void {
    if (this.shut) return
    this.shut = true
    this.wake()
  }

  /** Resolves at the next growth, the end, or close(). */
  changed(): Promise<void> {
    return this.change.promise
  }

  private wake(): void {
    const current = this.change
    this.change = deferred()
    current.resolve()
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}
