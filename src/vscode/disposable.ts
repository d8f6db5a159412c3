// What the extension's services, providers and views register (emitters, listeners, collections) is theirs to
// dispose of, once, when the extension deactivates. One base class does it instead of a hand-written array and loop
// in each of them (issue 19).
import type * as vscode from 'vscode';

export abstract class DisposableService implements vscode.Disposable {
  /** Pass it as the third argument of `onDid…(listener, thisArg, disposables)`; `own()` adds anything else. */
  protected readonly disposables: vscode.Disposable[] = [];

  /** Disposes of `d` together with this service; returns it, for field initialisers. */
  protected own<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  /** In registration order; a second call does nothing. */
  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
