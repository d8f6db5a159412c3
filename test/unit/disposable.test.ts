import { strict as assert } from 'assert';
import { DisposableService } from '../../src/vscode/disposable';

// The base class only uses the `vscode.Disposable` shape, so it runs without VS Code.
class Service extends DisposableService {
  readonly first = this.own({ dispose: () => this.log.push('first') });
  constructor(readonly log: string[]) {
    super();
    this.disposables.push({ dispose: () => log.push('listener') });
  }
}

describe('DisposableService', () => {
  it('disposes of what it owns and what was registered through `disposables`, in order, once', () => {
    const log: string[] = [];
    const service = new Service(log);
    assert.equal(typeof service.first.dispose, 'function', 'own() hands back what it was given');
    service.dispose();
    assert.deepEqual(log, ['first', 'listener']);
    service.dispose();
    assert.deepEqual(log, ['first', 'listener'], 'a second dispose() disposes of nothing again');
  });
});
