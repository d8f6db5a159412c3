// Long work in an editor host must give the event loop back regularly (issue 4: never block the extension host for
// more than 50 ms at a time). A Yielder measures the time since the last pause and pauses when a budget is spent;
// the caller supplies how to pause (setImmediate in the extension, nothing in a CLI), so the core stays pure.

export interface CooperativeOptions {
  /** Resolves when other work had its turn (e.g. after `setImmediate`). Default: never pause. */
  readonly pause?: () => Promise<void>;
  /** Milliseconds of work between pauses. Default 10 (well under the 50 ms limit, since one step may overrun it). */
  readonly budgetMs?: number;
  /** Checked at every checkpoint: true stops the work (its result is then undefined). */
  readonly isCancelled?: () => boolean;
  /** Clock, for tests. Default `performance.now`. */
  readonly now?: () => number;
  /**
   * The process's CPU time in ms, when the caller wants to tell work from waiting: a stretch that took long on the
   * clock but little CPU was the thread kept off the processor (another process), not the work.
   */
  readonly cpuNow?: () => number;
  /** Share one Yielder across several calls, so that their work counts against one budget. */
  readonly yielder?: Yielder;
}

export class Yielder {
  private started: number;
  private cpuStarted: number | undefined;
  private readonly clock: () => number;
  /** Pauses taken so far (for logs and tests). */
  pauses = 0;
  /** Longest stretch of work between two pauses so far, in ms: what the host was blocked for at most. */
  longest = 0;
  /**
   * Where the work is (set by the caller as it goes: a line number, a step's name), and where it was when the
   * longest stretch ended: what the editor benchmark names for the extension's longest slice.
   */
  at: string | number | undefined;
  longestAt: string | number | undefined;
  /** CPU time of the longest stretch, ms (with `cpuNow`). */
  longestCpuMs: number | undefined;

  constructor(private readonly options: CooperativeOptions = {}) {
    this.clock = options.now ?? (() => performance.now());
    this.started = this.clock();
    this.cpuStarted = this.options.cpuNow?.();
  }

  /**
   * True when `checkpoint` would pause or stop: lets a loop over many tiny steps (the lines of a document) await
   * only when it must, instead of a promise per step.
   */
  due(): boolean {
    if (this.options.isCancelled?.()) return true;
    return !!this.options.pause && this.clock() - this.started >= (this.options.budgetMs ?? 10);
  }

  /** Pauses when the budget is spent. Returns false when the work was cancelled meanwhile. */
  async checkpoint(): Promise<boolean> {
    if (this.options.isCancelled?.()) return false;
    const spent = this.clock() - this.started;
    if (!this.options.pause || spent < (this.options.budgetMs ?? 10)) return true;
    this.stretch(spent);
    await this.options.pause();
    this.pauses++;
    this.started = this.clock();
    this.cpuStarted = this.options.cpuNow?.();
    return !this.options.isCancelled?.();
  }

  /**
   * The caller awaits other work (which pauses by itself): the stretch so far ends here and counts, and the next
   * begins when `resume` is called, so time spent elsewhere is not counted as this work's.
   */
  suspend(): void {
    this.stretch(this.clock() - this.started);
  }

  resume(): void {
    this.started = this.clock();
    this.cpuStarted = this.options.cpuNow?.();
  }

  /** Ends the measurement: the work since the last pause counts too. Returns `longest`. */
  finish(): number {
    this.stretch(this.clock() - this.started);
    return this.longest;
  }

  private stretch(ms: number): void {
    if (ms <= this.longest) return;
    this.longest = ms;
    this.longestAt = this.at;
    this.longestCpuMs = this.cpuStarted === undefined ? undefined : this.options.cpuNow!() - this.cpuStarted;
  }
}
