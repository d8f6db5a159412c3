// The B2B transport builds one TLS context per pool: with an extra CA, a context per connection would re-parse
// every system root (tens of ms of main-thread CPU each time). Bad material keeps the plain options, so the
// connection fails and is classified exactly as before.
import { strict as assert } from 'assert';
import { createPrivateKey } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { connectOptions, sharedConnectOptions } from '../../src/core/nexi/http';
import { loadOrCreatePki, pkiPaths } from '../../src/core/sandbox/pki';

describe('B2B transport TLS options', function () {
  this.timeout(60000);
  let dir: string;
  let material: { cert: string; key: string; ca: string };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-tls-'));
    await loadOrCreatePki(path.join(dir, 'pki'));
    const files = pkiPaths(path.join(dir, 'pki'));
    material = { cert: fs.readFileSync(files['client.crt'], 'utf8'), key: fs.readFileSync(files['client.key'], 'utf8'), ca: fs.readFileSync(files['ca.crt'], 'utf8') };
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a usable certificate, key and extra CA become one shared secure context (no per-connection ca list)', () => {
    const shared = sharedConnectOptions(material);
    assert.deepEqual(Object.keys(shared), ['secureContext']);
    assert.ok((shared.secureContext as { context?: unknown }).context, 'a tls.SecureContext');
    // The plain options still carry the system roots plus the extra CA, for the one-off diagnosis socket.
    assert.ok((connectOptions(material).ca as string[]).length > 1);
  });

  it('material that cannot make a context falls back to the plain options (the connection then fails as before)', () => {
    const encrypted = createPrivateKey(material.key).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'right' }) as string;
    const fallback = sharedConnectOptions({ cert: material.cert, key: encrypted, passphrase: 'wrong', ca: material.ca });
    assert.equal(fallback.secureContext, undefined);
    assert.equal(fallback.passphrase, 'wrong');
    assert.equal(fallback.key, encrypted);
  });
});
