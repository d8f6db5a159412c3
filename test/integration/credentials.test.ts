import 'reflect-metadata';
import { strict as assert } from 'assert';
import { X509Certificate, createPrivateKey, createPublicKey } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as x509 from '@peculiar/x509';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { deleteKey, exportKeyChoice, remoteSettingsToldKey } from '../../src/vscode/commands/credentials';
import { CredentialStore } from '../../src/vscode/credentialStore';
import type { Logger } from '../../src/vscode/log';
import { isResultTab } from '../../src/vscode/resultDocuments';
import { TestKey, certificate, encryptedPkcs8, pkcs12, pkcs7, rsaKey, truncatePem } from '../fixtures/pki';
import {
  answerInput,
  assertNoSecretsOutsideSecretStorage,
  closeInput,
  describeItem,
  envNode,
  fieldItems,
  pickItem,
  resetCredentials,
  scratchDir,
  waitForValidation,
  writeFile,
} from './credentialsUtil';
import { activateExtension, run, waitFor } from './util';

describe('credentials (real VS Code, real SecretStorage)', function () {
  this.timeout(60000);
  let api: TestApi;
  let dir: string;
  let key: TestKey;
  let otherKey: TestKey;
  let cert: string;
  let otherCert: string;
  /** Every secret value a test stored: none may ever show up in settings files or globalState. */
  const secrets: string[] = [];
  const clientSecret = 'Zq8-stg-client-SECRET-4711';
  const keyPassphrase = 'correct horse battery';
  const p12Passphrase = 'p12-pass-0815';
  const prodSecret = 'Zq8-prod-SECRET-0042';

  const noLeaks = (): void => assertNoSecretsOutsideSecretStorage(api, [...secrets, ...[key, otherKey].map((k) => k.pem.split('\n')[1]!)]);

  // Each test starts from nothing stored (beforeEach) and seeds what it needs through the public commands, so the
  // suite passes in any order (issue 19; NEXI_TEST_SHUFFLE).
  async function seedClientSecret(): Promise<void> {
    const pending = run('nexi.credentials.set', { environment: 'stg', field: 'clientSecret' });
    await answerInput(api, clientSecret);
    const outcome = await pending;
    assert.equal(outcome.ok, true, outcome.message);
  }
  async function seedCertificate(): Promise<void> {
    const outcome = await run('nexi.credentials.importFile', writeFile(dir, 'MyApp.p7b', pkcs7([cert])), { environment: 'stg' });
    assert.equal(outcome.ok, true, outcome.message);
  }
  /** The STG private key, encrypted with `keyPassphrase` (stored with it). */
  async function seedPrivateKey(): Promise<void> {
    const pending = run('nexi.credentials.importFile', writeFile(dir, 'MyApp.key', encryptedPkcs8(key, keyPassphrase)), { environment: 'stg', field: 'privateKey' });
    await answerInput(api, keyPassphrase);
    const outcome = await pending;
    assert.equal(outcome.ok, true, outcome.message);
  }
  /** A PKCS#12 bundle with a STAGING certificate under PROD, stored after confirming its problems. */
  async function seedProdPkcs12(): Promise<void> {
    api.ui.confirmations.answerNext('Store');
    const pending = run('nexi.credentials.importFile', writeFile(dir, 'dev.p12', pkcs12(key, [cert], p12Passphrase)), { environment: 'prod' });
    await answerInput(api, p12Passphrase);
    const outcome = await pending;
    assert.equal(outcome.ok, true, outcome.message);
  }

  before(async () => {
    ({ api } = await activateExtension());
    dir = scratchDir();
    key = rsaKey();
    otherKey = rsaKey();
    cert = certificate(key, { commonName: 'MyApp' });
    otherCert = certificate(otherKey, { commonName: 'OtherApp' });
    secrets.push(clientSecret, keyPassphrase, p12Passphrase, prodSecret);
  });

  beforeEach(async () => {
    await resetCredentials(api);
  });

  after(async () => {
    await resetCredentials(api);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await closeInput();
    noLeaks();
  });

  it('starts with nothing stored: the tree is empty so the welcome content shows', async () => {
    assert.deepEqual(await api.credentials.provider.getChildren(), []);
  });

  it('sets the client secret through the command: only SecretStorage (nexi.stg.clientSecret) holds it, the tree shows "set"', async () => {
    const pending = run('nexi.credentials.set', { environment: 'stg', field: 'clientSecret' });
    const input = await answerInput(api, ` ${clientSecret}`);
    assert.equal(input.password, true, 'the secret is typed into a password box');
    const message = await waitForValidation(input, /starts or ends with a space/);
    assert.ok(!message.includes(clientSecret));
    await answerInput(api, clientSecret);
    const outcome = await pending;
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal(await api.secrets.get('nexi.stg.clientSecret'), clientSecret);
    const items = await fieldItems(api, 'stg');
    assert.match(describeItem(items.get('clientSecret')), /Client secret \| stored in SecretStorage \| .*state-set/);
    for (const item of items.values()) assert.ok(!describeItem(item).includes(clientSecret), 'no tree item shows the secret');
  });

  it('sets plain fields (client id, terminal ids, merchant e-mail) with specific validation messages', async () => {
    let pending = run('nexi.credentials.set', { environment: 'stg', field: 'clientId' });
    await answerInput(api, 'app-4711');
    assert.equal((await pending).ok, true);
    pending = run('nexi.credentials.set', { environment: 'stg', field: 'merchantUsername' });
    const input = await answerInput(api, 'not-an-email');
    await waitForValidation(input, /operator's e-mail address/);
    await answerInput(api, 'operator@merchant.example');
    assert.equal((await pending).ok, true);
    pending = run('nexi.credentials.set', 'stg');
    await pickItem(api, 'SoftPOS terminal id');
    await answerInput(api, '12345678');
    assert.equal((await pending).ok, true);
    const items = await fieldItems(api, 'stg');
    assert.match(describeItem(items.get('clientId')), /app-4711/);
    assert.match(describeItem(items.get('softPosTerminalId')), /12345678 \| .*state-set/);
    assert.match(describeItem(items.get('mobilePosTerminalId')), /not set \| .*state-optional/, 'one TID is enough (spec §14.6)');
    assert.equal(await api.secrets.get('nexi.stg.clientId'), undefined, 'plain fields are not secrets');
  });

  it('reflects SecretStorage changes made outside the commands', async () => {
    // With a value stored in STG the tree lists every environment, PROD too (with nothing, it shows the welcome).
    await seedClientSecret();
    await api.secrets.store('nexi.prod.clientSecret', prodSecret);
    await waitFor('PROD client secret shown as set', async () => describeItem((await fieldItems(api, 'prod')).get('clientSecret')).includes('state-set'));
    await api.secrets.delete('nexi.prod.clientSecret');
    await waitFor('PROD client secret shown as missing', async () => describeItem((await fieldItems(api, 'prod')).get('clientSecret')).includes('state-missing'));
  });

  it('stores all or nothing: when one secret write fails, every field keeps its old value', async () => {
    // The extension's own SecretStorage, refusing one key as a locked keychain would; the rest is the real thing.
    const env = 'rollback-test';
    const refused = `nexi.${env}.privateKey`;
    const refusing: vscode.SecretStorage = {
      get: (key) => api.secrets.get(key),
      store: async (key, value) => {
        if (key === refused) throw new Error('the keychain refused the write');
        await api.secrets.store(key, value);
      },
      delete: (key) => api.secrets.delete(key),
      onDidChange: api.secrets.onDidChange,
    };
    const errors: string[] = [];
    const log = { trace() {}, debug() {}, info() {}, warn() {}, error: (m: string | Error) => void errors.push(String(m)), show() {}, addKnownSecret() {} };
    const store = new CredentialStore(refusing, api.globalState, log as unknown as Logger);
    try {
      await api.store.apply(env, { clientSecret: 'old-secret', privateKeyPassphrase: 'old-passphrase', clientId: 'old-client' });
      await assert.rejects(
        store.apply(env, { clientSecret: 'new-secret', privateKeyPassphrase: undefined, pkcs12Passphrase: 'new-p12', privateKey: 'new-key', clientId: 'new-client' }),
        /the keychain refused the write/,
      );
      assert.deepEqual(
        await Promise.all(['clientSecret', 'privateKeyPassphrase', 'pkcs12Passphrase', 'privateKey'].map((f) => api.secrets.get(`nexi.${env}.${f}`))),
        ['old-secret', 'old-passphrase', undefined, undefined],
      );
      assert.equal(await api.store.get(env, 'clientId'), 'old-client');
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.doesNotMatch(errors[0]!, /old-secret|new-secret|new-key|old-passphrase|new-p12/, 'no value in the log');
      store.dispose();
    } finally {
      await api.store.clear(env);
    }
  });

  it('imports the certificate from a .p7b file (as Nexi e-mails it) and shows its checks in the tree', async () => {
    const uri = writeFile(dir, 'MyApp.p7b', pkcs7([cert]));
    const outcome = await run('nexi.credentials.importFile', uri, { environment: 'stg' });
    assert.equal(outcome.ok, true, outcome.message);
    assert.match(outcome.message!, /certificate "MyApp"/);
    const item = (await fieldItems(api, 'stg')).get('certificate');
    assert.match(describeItem(item), /MyApp, expires \d{4}-\d\d-\d\d \| .*state-set/);
    assert.match(describeItem(item), /Subject: CN=MyApp, O=NEXI, OU=API Security - STAGING/);
    assert.match(describeItem((await fieldItems(api, 'stg')).get('privateKey')), /missing/);
  });

  it('imports an encrypted PKCS#8 key: a wrong passphrase gets a specific message, the right one stores key and passphrase', async () => {
    await seedCertificate();
    const uri = writeFile(dir, 'MyApp.key', encryptedPkcs8(key, keyPassphrase));
    const pending = run('nexi.credentials.importFile', uri, { environment: 'stg', field: 'privateKey' });
    const input = await answerInput(api, 'wrong passphrase');
    await waitForValidation(input, /passphrase does not open the private key/);
    assert.equal(await api.secrets.get('nexi.stg.privateKey'), undefined, 'nothing stored after a wrong passphrase');
    await answerInput(api, keyPassphrase);
    const outcome = await pending;
    assert.equal(outcome.ok, true, outcome.message);
    assert.match((await api.secrets.get('nexi.stg.privateKey'))!, /BEGIN ENCRYPTED PRIVATE KEY/);
    assert.equal(await api.secrets.get('nexi.stg.privateKeyPassphrase'), keyPassphrase);
    const items = await fieldItems(api, 'stg');
    assert.match(describeItem(items.get('privateKey')), /RSA 2048, encrypted, passphrase stored \| .*state-set/);
    assert.match(describeItem(items.get('certificate')), /state-set/, 'certificate and key match');
  });

  it('offers each tree item the context-menu actions that fit it (set, replace, clear, import, export, set active)', async () => {
    await seedClientSecret();
    await seedCertificate();
    await seedPrivateKey();
    const menus = (vscode.extensions.getExtension('app2app-toolkit.nexi-app2app-toolkit')!.packageJSON.contributes.menus as Record<string, { command: string; when: string; group?: string }[]>)['view/item/context']!;
    const actions = (item: vscode.TreeItem): string[] =>
      [...new Set(menus.filter((m) => m.when.includes('view == nexi.credentials') && [...m.when.matchAll(/viewItem =~ \/(.+?)\/(?= &&|$)/g)].every((r) => new RegExp(r[1]!).test(item.contextValue ?? ''))).map((m) => m.command.replace(/^nexi\.(credentials|environment)\./, '')))].sort();
    const items = await fieldItems(api, 'stg');
    assert.deepEqual(actions(items.get('clientSecret')!), ['clear', 'replace']);
    assert.deepEqual(actions(items.get('mobilePosTerminalId')!), ['set']);
    assert.deepEqual(actions(items.get('certificate')!), ['clear', 'exportCertificate', 'importClipboard', 'importFile']);
    assert.deepEqual(actions(items.get('privateKey')!), ['clear', 'exportPrivateKey', 'importClipboard', 'importFile']);
    assert.deepEqual(actions(items.get('caBundle')!), ['importClipboard', 'importFile']);
    const provider = api.credentials.provider;
    assert.deepEqual(actions(provider.getTreeItem(await envNode(api, 'stg'))), ['clearEnvironment', 'createCsr', 'exportCertificate', 'exportPrivateKey', 'importClipboard', 'importFile', 'set']);
    assert.deepEqual(actions(provider.getTreeItem(await envNode(api, 'prod'))), ['createCsr', 'importClipboard', 'importFile', 'select', 'set']);
  });

  it('rejects bad input with a specific message and changes nothing that was stored', async () => {
    await seedCertificate();
    await seedPrivateKey();
    const before = JSON.stringify(await api.store.read('stg'));
    const cases: [string, unknown[], string][] = [
      ['certificate where a key was expected', [writeFile(dir, 'cert-as-key.pem', cert), { environment: 'stg', field: 'privateKey' }], 'EXPECTED_KEY_GOT_CERTIFICATE'],
      ['truncated PEM', [writeFile(dir, 'truncated.pem', truncatePem(otherCert)), { environment: 'stg' }], 'PEM_TRUNCATED'],
      ['.p7b with several certificates', [writeFile(dir, 'chain.p7b', pkcs7([otherCert, cert])), { environment: 'stg' }], 'P7B_SEVERAL_CERTIFICATES'],
      ['a key where a certificate was expected', [writeFile(dir, 'key-as-cert.pem', otherKey.pem), { environment: 'stg', field: 'certificate' }], 'EXPECTED_CERTIFICATE_GOT_KEY'],
      ['no certificate or key at all', [writeFile(dir, 'notes.txt', 'hello'), { environment: 'stg' }], 'NOTHING_FOUND'],
    ];
    for (const [what, args, code] of cases) {
      const outcome = await run('nexi.credentials.importFile', ...args);
      assert.equal(outcome.code, code, `${what}: ${outcome.message}`);
      assert.ok(outcome.message && outcome.message.length > 40, `${what}: a message with a next step`);
      assert.deepEqual(api.ui.notifications.shown.at(-1), { severity: 'error', message: outcome.message }, `${what}: the user is shown the message`);
      assert.equal(JSON.stringify(await api.store.read('stg')), before, `${what}: nothing changed`);
    }
    // A PKCS#12 with a wrong passphrase, then given up: nothing changes either.
    const pending = run('nexi.credentials.importFile', writeFile(dir, 'other.p12', pkcs12(otherKey, [otherCert], p12Passphrase)), { environment: 'stg' });
    const input = await answerInput(api, 'not it');
    await waitForValidation(input, /passphrase does not open the PKCS#12 file/);
    await closeInput();
    assert.equal((await pending).code, 'CANCELLED');
    assert.equal(JSON.stringify(await api.store.read('stg')), before, 'PKCS#12 with a wrong passphrase: nothing changed');
  });

  it('imports a PKCS#12 bundle into PROD only after confirming its problems (a STAGING certificate under PROD)', async () => {
    const uri = writeFile(dir, 'dev.p12', pkcs12(key, [cert], p12Passphrase));
    let pending = run('nexi.credentials.importFile', uri, { environment: 'prod' });
    await answerInput(api, p12Passphrase);
    assert.equal((await pending).code, 'CANCELLED', 'not confirmed: not stored');
    assert.match(api.ui.confirmations.asked.at(-1)!.message, /subject OU names STAGING/);
    assert.equal(await api.secrets.get('nexi.prod.pkcs12'), undefined);

    api.ui.confirmations.answerNext('Store');
    pending = run('nexi.credentials.importFile', uri, { environment: 'prod' });
    await answerInput(api, p12Passphrase);
    assert.equal((await pending).ok, true);
    assert.equal(await api.secrets.get('nexi.prod.pkcs12'), fs.readFileSync(uri.fsPath).toString('base64'));
    assert.equal(await api.secrets.get('nexi.prod.pkcs12Passphrase'), p12Passphrase);
    const items = await fieldItems(api, 'prod');
    assert.match(describeItem(items.get('pkcs12')), /state-set/);
    assert.match(describeItem(items.get('privateKey')), /in the PKCS#12 bundle/);
    assert.match(describeItem(items.get('certificate')), /subject OU names STAGING .*state-invalid/);
  });

  it('imports from the clipboard', async () => {
    await vscode.env.clipboard.writeText(otherCert);
    const outcome = await run('nexi.credentials.importClipboard', { environment: 'sandbox', field: 'certificate' });
    assert.equal(outcome.ok, true, outcome.message);
    assert.match(describeItem((await fieldItems(api, 'sandbox')).get('certificate')), /OtherApp/);
    await vscode.env.clipboard.writeText('');
  });

  it('exports the certificate, and the private key only after an explicit confirmation', async () => {
    await seedCertificate();
    await seedPrivateKey();
    const certTarget = vscode.Uri.file(path.join(dir, 'exported.pem'));
    const outcome = await run('nexi.credentials.exportCertificate', { environment: 'stg', uri: certTarget });
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal(new X509Certificate(fs.readFileSync(certTarget.fsPath)).fingerprint256, new X509Certificate(cert).fingerprint256);

    const keyTarget = vscode.Uri.file(path.join(dir, 'exported.key'));
    const refused = await run('nexi.credentials.exportPrivateKey', { environment: 'stg', uri: keyTarget });
    assert.equal(refused.code, 'CANCELLED');
    assert.match(api.ui.confirmations.asked.at(-1)!.message, /Export the private key of STG/);
    assert.equal(fs.existsSync(keyTarget.fsPath), false, 'no key file without confirmation');

    api.ui.confirmations.answerNext(exportKeyChoice);
    const exported = await run('nexi.credentials.exportPrivateKey', { environment: 'stg', uri: keyTarget });
    assert.equal(exported.ok, true, exported.message);
    assert.ok(createPrivateKey({ key: fs.readFileSync(keyTarget.fsPath, 'utf8'), passphrase: keyPassphrase }).equals(key.key));
    fs.rmSync(keyTarget.fsPath);
  });

  it('creates a key and CSR for the Nexi portal: the CSR (checked with @peculiar/x509) is saved, the key goes to SecretStorage', async () => {
    // Into an empty environment: the key becomes the private key.
    const target = vscode.Uri.file(path.join(dir, 'SandboxApp.csr'));
    const pending = run('nexi.credentials.createCsr', { environment: 'sandbox', uri: target });
    const input = await waitFor('the subject input', () => (api.ui.prompts.current && 'password' in api.ui.prompts.current ? api.ui.prompts.current : undefined));
    assert.equal(input.value, '/CN=APPNAME/O=NEXI/OU=API Security - STAGING/L=Milano/C=IT');
    await answerInput(api, input.value);
    await waitForValidation(input, /Replace APPNAME/);
    await answerInput(api, '/CN=SandboxApp/O=NEXI/OU=API Security - STAGING/L=Milano/C=IT');
    const outcome = await pending;
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal(outcome.field, 'privateKey');
    const csr = new x509.Pkcs10CertificateRequest(fs.readFileSync(target.fsPath, 'utf8'));
    assert.equal(csr.subject, 'CN=SandboxApp, O=NEXI, OU=API Security - STAGING, L=Milano, C=IT');
    assert.equal(await csr.verify(), true);
    const eku = csr.extensions.find((e): e is x509.ExtendedKeyUsageExtension => e instanceof x509.ExtendedKeyUsageExtension);
    assert.deepEqual([...eku!.usages], [x509.ExtendedKeyUsage.clientAuth]);
    const storedKey = createPrivateKey((await api.secrets.get('nexi.sandbox.privateKey'))!);
    assert.equal(storedKey.asymmetricKeyDetails!.modulusLength, 2048);
    assert.ok(Buffer.from(csr.publicKey.rawData).equals(createPublicKey(storedKey).export({ type: 'spki', format: 'der' }) as Buffer), 'the CSR is for the stored key');
    assert.ok(!fs.readFileSync(target.fsPath, 'utf8').includes('PRIVATE KEY'), 'the CSR file holds no key');
    secrets.push((await api.secrets.get('nexi.sandbox.privateKey'))!.split('\n')[1]!);
  });

  it('renews: a CSR for an environment with a key keeps the current key until the signed certificate arrives', async () => {
    await seedCertificate();
    await seedPrivateKey();
    const currentKey = await api.secrets.get('nexi.stg.privateKey');
    const target = vscode.Uri.file(path.join(dir, 'MyApp-2.csr'));
    const pending = run('nexi.credentials.createCsr', { environment: 'stg', uri: target });
    await answerInput(api, '/CN=MyApp/O=NEXI/OU=API Security - STAGING/L=Milano/C=IT');
    const outcome = await pending;
    assert.equal(outcome.field, 'pendingPrivateKey');
    assert.equal(await api.secrets.get('nexi.stg.privateKey'), currentKey, 'the working key stays');
    const pendingPem = (await api.secrets.get('nexi.stg.pendingPrivateKey'))!;
    secrets.push(pendingPem.split('\n')[1]!);
    assert.match(describeItem((await fieldItems(api, 'stg')).get('pendingPrivateKey')), /awaiting the certificate/);

    // "Nexi" signs the CSR: a certificate for the pending key arrives as .p7b and takes over.
    const pendingKey: TestKey = { pem: pendingPem, key: createPrivateKey(pendingPem) };
    const renewed = certificate(pendingKey, { commonName: 'MyApp', validDays: 730 });
    const imported = await run('nexi.credentials.importFile', writeFile(dir, 'renewed.p7b', pkcs7([renewed])), { environment: 'stg' });
    assert.equal(imported.ok, true, imported.message);
    assert.equal(await api.secrets.get('nexi.stg.privateKey'), pendingPem);
    assert.equal(await api.secrets.get('nexi.stg.pendingPrivateKey'), undefined);
    assert.equal(await api.secrets.get('nexi.stg.privateKeyPassphrase'), undefined);
    const items = await fieldItems(api, 'stg');
    assert.match(describeItem(items.get('certificate')), /state-set/);
    assert.match(describeItem(items.get('privateKey')), /RSA 2048, stored in SecretStorage \| .*state-set/);
  });

  it('clears values through the command; deleting a private key needs a confirmation', async () => {
    await seedClientSecret();
    await seedCertificate();
    await seedPrivateKey();
    let outcome = await run('nexi.credentials.clear', { environment: 'stg', field: 'clientSecret' });
    assert.equal(outcome.ok, true);
    assert.equal(await api.secrets.get('nexi.stg.clientSecret'), undefined);
    assert.match(describeItem((await fieldItems(api, 'stg')).get('clientSecret')), /state-missing/);

    outcome = await run('nexi.credentials.clear', { environment: 'stg', field: 'privateKey' });
    assert.equal(outcome.code, 'CANCELLED');
    assert.ok(await api.secrets.get('nexi.stg.privateKey'), 'kept without confirmation');
    api.ui.confirmations.answerNext(deleteKey);
    outcome = await run('nexi.credentials.clear', { environment: 'stg', field: 'privateKey' });
    assert.equal(outcome.ok, true);
    assert.equal(await api.secrets.get('nexi.stg.privateKey'), undefined);
    assert.match(describeItem((await fieldItems(api, 'stg')).get('privateKey')), /state-missing/);
  });

  it('clears a whole environment after a confirmation', async () => {
    await seedClientSecret();
    await seedProdPkcs12();
    await api.secrets.store('nexi.prod.clientSecret', prodSecret);
    api.ui.confirmations.answerNext(deleteKey);
    const outcome = await run('nexi.credentials.clearEnvironment', { environment: 'prod' });
    assert.equal(outcome.ok, true);
    for (const field of ['pkcs12', 'pkcs12Passphrase', 'clientSecret']) assert.equal(await api.secrets.get(`nexi.prod.${field}`), undefined);
    assert.equal((await envNode(api, 'prod')).assessment.configured, false);
  });

  it('explains instead of failing when a command needs credentials and none are stored', async () => {
    await resetCredentials(api);
    const outcome = await run('nexi.credentials.exportCertificate', { environment: 'stg' });
    assert.equal(outcome.code, 'NO_CREDENTIALS');
    await waitFor('the Credentials view to be shown', () => api.credentials.view.visible);
    assert.deepEqual(await api.credentials.provider.getChildren(), [], 'back to the welcome content');
  });
  it('routes a certificate imported without a field: a self-signed clientAuth one is the Certificate, an ambiguous one is asked about; the message names the row', async () => {
    await resetCredentials(api);
    const devKey = rsaKey();
    const selfSigned = certificate(devKey, { commonName: 'DevSelfSigned', ca: true, caKeyUsage: false, extendedKeyUsage: ['clientAuth'] });
    // As the view's title button runs it: no field, only the environment chosen.
    let outcome = await run('nexi.credentials.importFile', writeFile(dir, 'dev-selfsigned.pem', selfSigned), { environment: 'sandbox' });
    assert.equal(outcome.ok, true, outcome.message);
    assert.match(outcome.message!, /^Imported dev-selfsigned\.pem into Sandbox as Certificate: certificate "DevSelfSigned"/);
    let items = await fieldItems(api, 'sandbox');
    assert.match(describeItem(items.get('certificate')), /DevSelfSigned/);
    assert.doesNotMatch(describeItem(items.get('caBundle')), /DevSelfSigned|state-set/, 'never a silent CA');

    // Every credential row does something when clicked; the Certificate row shows the certificate.
    for (const [field, item] of items) assert.ok(item.command, `the ${field} row has a click command`);
    const click = items.get('certificate')!.command!;
    const shown = (await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []))) as { ok: boolean };
    assert.equal(shown.ok, true);
    const tab = await waitFor('the certificate, shown', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => isResultTab(t) && /Certificate of Sandbox/.test(t.label)));
    const doc = await vscode.workspace.openTextDocument((tab.input as vscode.TabInputCustom).uri);
    assert.match(doc.getText(), /Subject: CN=DevSelfSigned/);
    assert.match(doc.getText(), /-----BEGIN CERTIFICATE-----/);
    await vscode.window.tabGroups.close(tab);

    const ambiguous = certificate(rsaKey(), { commonName: 'Ambiguous', ca: true, caKeyUsage: false });
    await resetCredentials(api);
    const pending = run('nexi.credentials.importFile', writeFile(dir, 'ambiguous.pem', ambiguous), { environment: 'sandbox' });
    await pickItem(api, 'Extra CA bundle');
    outcome = await pending;
    assert.equal(outcome.ok, true, outcome.message);
    assert.match(outcome.message!, /into Sandbox as Extra CA bundle/);
    items = await fieldItems(api, 'sandbox');
    assert.match(describeItem(items.get('caBundle')), /state-set/);
    assert.doesNotMatch(describeItem(items.get('certificate')), /Ambiguous/);
    await resetCredentials(api);
  });
  it('opens the endpoint settings from their rows, saying once why they live under the Remote tab in the browser', async () => {
    await api.globalState.update(remoteSettingsToldKey, undefined);
    await api.store.apply('stg', { clientId: 'settings-test-client' });
    api.ui.notifications.shown.length = 0;
    const endpointRow = async () => {
      const env = await envNode(api, 'stg');
      const group = (await api.credentials.provider.getChildren(env)).find((n) => n.kind === 'group' && n.group === 'endpoints')!;
      return api.credentials.provider.getTreeItem((await api.credentials.provider.getChildren(group))[0]!);
    };
    const click = (await endpointRow()).command!;
    assert.equal(click.command, 'nexi.endpoints.openSettings');
    const first = await run(click.command, ...(click.arguments ?? []));
    assert.deepEqual(first, { ok: true, told: true }, 'this harness runs VS Code in the browser');
    assert.match(api.ui.notifications.shown.at(-1)!.message, /machine-scoped.*Remote tab of Settings/);
    const again = await run(click.command, ...(click.arguments ?? []));
    assert.deepEqual(again, { ok: true, told: false }, 'said once');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await resetCredentials(api);
  });
});
