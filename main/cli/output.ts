// Buffered text output that respects back-pressure: a million lines go out in large writes,
// and a slow reader (a pipe into `less`) slows us down instead of filling memory.

export class LineWriter {
  private buffer: string[] = []
  private size = 0

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly highWater = 1 << 16,
  ) {}

  /** Queues a line (without its newline); flushes when enough has accumulated. */
  async line(text: string): Promise<void> {
    this.buffer.push(text)
    this.size += text.length + 1
    if (this.size >= this.highWater) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return
    const chunk = this.buffer.join('\n') + '\n'
    this.buffer = []
    this.size = 0
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => this.stream.once('drain', resolve))
    }
  }
}
