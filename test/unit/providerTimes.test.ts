import { strict as assert } from 'assert';
import { ProviderTimes } from '../../src/vscode/providerTimes';

class Provider {
  readonly changed = 'event';
  calls: unknown[][] = [];
  provide(a: number, b: number): number {
    this.calls.push([a, b]);
    return a + b;
  }
  async later(ms: number): Promise<string> {
    await new Promise((r) => setTimeout(r, ms));
    return 'done';
  }
  fail(): never {
    throw new Error('boom');
  }
  untimed(): string {
    return this.changed;
  }
}

describe('ProviderTimes (the providers\' own time for the editor benchmark)', () => {
  it('times the named methods, with their own `this` and arguments, and leaves the rest to the provider', () => {
    const times = new ProviderTimes();
    const provider = new Provider();
    const wrapped = times.timed('hover', provider, ['provide']);
    assert.equal(wrapped.provide(2, 3), 5);
    assert.deepEqual(provider.calls, [[2, 3]]);
    assert.equal(wrapped.changed, 'event');
    assert.equal(wrapped.untimed(), 'event');
    assert.equal(times.byKind.hover.calls, 1);
    assert.equal(times.byKind.completion.calls, 0);
  });

  it('counts a promise until it settles', async () => {
    const times = new ProviderTimes();
    const wrapped = times.timed('CodeLens', new Provider(), ['later']);
    const pending = wrapped.later(30);
    assert.equal(times.byKind.CodeLens.calls, 0, 'not counted before it settled');
    assert.equal(await pending, 'done');
    assert.equal(times.byKind.CodeLens.calls, 1);
    // Timers may fire a little early; the time counted covers the wait, not only the synchronous part.
    assert.ok(times.byKind.CodeLens.totalMs >= 20, `counted ${times.byKind.CodeLens.totalMs} ms`);
  });

  it('counts a call that throws and rethrows its error', () => {
    const times = new ProviderTimes();
    const wrapped = times.timed('code action', new Provider(), ['fail']);
    assert.throws(() => wrapped.fail(), /boom/);
    assert.equal(times.byKind['code action'].calls, 1);
  });
});
