import { strict as assert } from 'assert';
import { KeyringProbe, assessKeyring } from '../../src/core/credentials/keyring';
import { findSecrets, secretDiagnosticCodes } from '../../src/core/credentials/secretScan';
import { rsaKey } from '../fixtures/pki';

const linuxDesktop: KeyringProbe = { platform: 'linux', uiKind: 'desktop', env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' } };

describe('credentials safety', () => {
  describe('weak SecretStorage on Linux (heuristic)', () => {
    it('is certain when argv.json selects the basic password store, ignoring commented-out lines', () => {
      const verdict = assessKeyring({ ...linuxDesktop, argvJson: '{\n  // "password-store": "gnome",\n  "enable-crash-reporter": true,\n  "password-store": "basic"\n}' });
      assert.ok(verdict.weak && verdict.certainty === 'certain' && verdict.reason === 'argv-basic');
      assert.match(verdict.message, /weaker encryption/);
      assert.deepEqual(assessKeyring({ ...linuxDesktop, argvJson: '{\n  // "password-store": "basic"\n  "password-store": "gnome-libsecret" /* "password-store": "basic" */\n}' }), { weak: false, reason: 'ok' });
    });

    it('is certain when VS Code was started with --password-store=basic', () => {
      const verdict = assessKeyring({ ...linuxDesktop, ancestorCommandLines: ['/usr/share/code/code --type=utility', '/usr/share/code/code --password-store=basic --unity-launch'] });
      assert.ok(verdict.weak && verdict.reason === 'cli-basic');
      assert.deepEqual(assessKeyring({ ...linuxDesktop, ancestorCommandLines: ['/usr/share/code/code --password-store=gnome-libsecret'] }), { weak: false, reason: 'ok' });
    });

    it('is certain, on any platform, when a secret from an earlier session was not kept', () => {
      const verdict = assessKeyring({ platform: 'darwin', uiKind: 'desktop', env: {}, markerLost: true });
      assert.ok(verdict.weak && verdict.reason === 'secrets-not-persisted' && verdict.certainty === 'certain');
    });

    it('calls a Linux desktop without a D-Bus session bus only likely weak', () => {
      const verdict = assessKeyring({ platform: 'linux', uiKind: 'desktop', env: {} });
      assert.ok(verdict.weak && verdict.certainty === 'likely' && verdict.reason === 'no-session-bus');
    });

    it('does not judge what it cannot see: web and remote windows, other platforms', () => {
      assert.deepEqual(assessKeyring({ platform: 'linux', uiKind: 'web', env: {} }), { weak: false, reason: 'not-applicable' });
      assert.deepEqual(assessKeyring({ platform: 'linux', uiKind: 'desktop', remoteName: 'ssh-remote', env: {} }), { weak: false, reason: 'not-applicable' });
      assert.deepEqual(assessKeyring({ platform: 'win32', uiKind: 'desktop', env: {} }), { weak: false, reason: 'ok' });
    });
  });

  describe('secret scan', () => {
    it('finds PEM private keys of every flavour, also without an END line, with exact ranges', () => {
      const key = rsaKey().pem;
      const text = `const KEY = \`${key}\`;\nlet other = "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEE";`;
      const found = findSecrets(text);
      assert.deepEqual(found.map((d) => d.code), [secretDiagnosticCodes.privateKey, secretDiagnosticCodes.privateKey]);
      assert.equal(text.slice(found[0]!.range.start, found[0]!.range.end), key.trim());
      assert.equal(text.slice(found[1]!.range.start, found[1]!.range.end), '-----BEGIN EC PRIVATE KEY-----');
      assert.deepEqual(findSecrets('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'), [], 'certificates are public');
    });

    it('finds every occurrence of a configured client secret and never repeats it in the message', () => {
      const secret = 'Zq8-client-SECRET-value';
      const text = `NEXI_SECRET=${secret}\n# again: ${secret}\nshort=abc`;
      const found = findSecrets(text, [{ environmentLabel: 'STG', value: secret }, { environmentLabel: 'PROD', value: 'abc' }]);
      assert.deepEqual(found.map((d) => [d.code, text.slice(d.range.start, d.range.end)]), [[secretDiagnosticCodes.clientSecret, secret], [secretDiagnosticCodes.clientSecret, secret]]);
      assert.match(found[0]!.message, /client secret of STG/);
      for (const d of found) assert.ok(!d.message.includes(secret));
    });
  });
});
