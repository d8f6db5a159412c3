// The extension's own time in each editor provider (issue 17). A hover the user asks for travels from the window to
// the extension host and back; the editor benchmark measures that round trip and, from these counters, the share
// spent in our providers, so a slow answer can be told apart from a busy window or a busy host. Two clock readings
// per call: cheap enough to keep always on.

export type ProviderKind = 'hover' | 'completion' | 'code action' | 'CodeLens';

export interface ProviderTime {
  /** Calls made (for CodeLens: provide and every resolve). */
  calls: number;
  /** Time from entering a provider method until its answer was ready (a promise's: until it settled), summed. */
  totalMs: number;
}

export class ProviderTimes {
  readonly byKind: Readonly<Record<ProviderKind, ProviderTime>> = {
    hover: { calls: 0, totalMs: 0 },
    completion: { calls: 0, totalMs: 0 },
    'code action': { calls: 0, totalMs: 0 },
    CodeLens: { calls: 0, totalMs: 0 },
  };

  /**
   * `provider` with `methods` timed under `kind`. Everything else (events such as onDidChangeCodeLenses) is the
   * provider's own, through the prototype chain.
   */
  timed<P extends object>(kind: ProviderKind, provider: P, methods: readonly (keyof P & string)[]): P {
    const wrapped = Object.create(provider) as Record<string, unknown>;
    for (const name of methods) {
      const method = provider[name] as unknown as (...args: unknown[]) => unknown;
      wrapped[name] = (...args: unknown[]) => this.time(kind, () => method.apply(provider, args));
    }
    return wrapped as P;
  }

  private time<T>(kind: ProviderKind, run: () => T): T {
    const record = this.byKind[kind];
    const start = performance.now();
    const done = (): void => {
      record.calls++;
      record.totalMs += performance.now() - start;
    };
    let result: T;
    try {
      result = run();
    } catch (err) {
      done();
      throw err;
    }
    if (result instanceof Promise) return result.finally(done) as T;
    done();
    return result;
  }
}
