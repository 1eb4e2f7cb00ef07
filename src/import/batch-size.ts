/**
 * How many lines an import writes per transaction. Without a size given, it starts small and
 * doubles while batches commit well within the transaction's time limit (under a sixth of it),
 * and halves after one that came close (over half of it); a batch that runs out of time (or
 * memory) is retried at half its size, a few times at most, and that size is not reached again. The time limit is IMPORT_TIMEOUT_MS.
 */
export class BatchSize {
  /** Attempts at one batch (the first and its retries at half size) before the import fails. */
  static readonly maxAttempts = 4;
  private current: number;
  private max: number;

  /** `fixed`: always that size (unless a batch times out); otherwise from `startSize` up to `maxSize`. */
  constructor(
    private readonly limitMs: number,
    options: { fixed?: number } = {},
  ) {
    this.current = options.fixed ?? startSize;
    this.max = options.fixed ?? maxSize;
  }

  get size(): number {
    return this.current;
  }

  /** Learns from a batch of `lines` lines that committed in `elapsedMs`. */
  committed(lines: number, elapsedMs: number): void {
    if (elapsedMs > this.limitMs / 2) this.current = Math.max(1, Math.floor(this.current / 2));
    // Only a full batch says what its size costs (the last one of a bundle may be short).
    else if (lines >= this.current && elapsedMs < this.limitMs / 6) this.current = Math.min(this.max, this.current * 2);
  }

  /** After a batch of `lines` lines ran out of time or memory: retry with half of it, and never grow back to it. */
  tooLarge(lines: number): void {
    this.current = Math.max(1, Math.floor(Math.min(this.current, lines) / 2));
    this.max = Math.max(this.current, Math.min(this.max, lines - 1));
  }
}

const startSize = 500;
const maxSize = 20_000;
