// Italian of errors, credentials, environments and adb: every table complete in the Italian bundle with the same
// placeholders, and real outputs in both languages (English unchanged by default; `message` English for logs,
// userMessage Italian).
import 'reflect-metadata';
import { strict as assert } from 'assert';
import { X509Certificate } from 'crypto';
import { adbMissingMessage, interpretAmStart } from '../../src/core/adb';
import { checkCertificate, readPrivateKey } from '../../src/core/credentials/certificates';
import { createKeyAndCsr, defaultCsrSubject, parseSubjectLine } from '../../src/core/credentials/csr';
import { CredentialError, isCredentialError } from '../../src/core/credentials/errors';
import { fieldSpec, validateTextField } from '../../src/core/credentials/fields';
import { planImport } from '../../src/core/credentials/importing';
import { assessKeyring } from '../../src/core/credentials/keyring';
import { readMaterial } from '../../src/core/credentials/material';
import { parsePem } from '../../src/core/credentials/pem';
// The extension loads the message table on the first message read; imported here so its tables are registered
// before the completeness checks walk them.
import '../../src/core/credentials/messageTable';
import { findSecrets } from '../../src/core/credentials/secretScan';
import { assessCredentials } from '../../src/core/credentials/status';
import { resolveEnvironments, validateEndpointUrl, validateEnvironmentId } from '../../src/core/environments';
import { bundleOf, getLocale, pseudoLocale, setLocale, translatedTables, withLocale } from '../../src/core/l10n';
import { englishErrorInfo } from '../../src/core/nexi/errorTable';
import { errorInfo, NexiError, userMessage, type NexiErrorCode } from '../../src/core/nexi/errors';
import { certificate, encryptedPkcs8, rsaKey, truncatePem, type TestKey } from '../fixtures/pki';

/** Every string leaf of `table` with its path. */
function leaves(table: unknown, path = ''): { path: string; en: string }[] {
  if (typeof table === 'string') return [{ path, en: table }];
  if (table === null || typeof table !== 'object') return [];
  return Object.entries(table).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
}

const placeholders = (t: string): string[] => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
const codeSpans = (t: string): string[] => [...new Set([...t.matchAll(/`[^`]*`/g)].map((m) => m[0]))].sort();
const urls = (t: string): string[] => [...t.matchAll(/https?:\/\/[A-Za-z0-9~][^\s),]*/g)].map((m) => m[0].replace(/[.;:]$/, '')).sort();

/**
 * Every string of the translated tables whose name starts with `prefix` has an Italian entry in the bundle (key: the
 * English, `/context` appended when the table has one) with the same placeholders, code spans and URLs, and is
 * translated unless listed in `allowSame`. Returns how many strings were checked.
 */
function checkTables(prefix: string, allowSame: readonly string[] = []): number {
  const tables = translatedTables.filter((t) => t.name === prefix || t.name.startsWith(`${prefix}.`));
  assert.ok(tables.length > 0, `${prefix}: tables registered`);
  const italian = bundleOf('it');
  let n = 0;
  for (const table of tables) {
    for (const p of leaves(table.table, table.name)) {
      const key = table.context === undefined ? p.en : `${p.en}/${table.context}`;
      const entry = italian[key];
      const itText = typeof entry === 'object' ? entry.message : entry;
      assert.equal(typeof itText, 'string', `${p.path}: no Italian for ${JSON.stringify(key)}`);
      assert.ok(itText!.trim().length > 0, `${p.path}: empty`);
      assert.deepEqual(placeholders(itText!), placeholders(p.en), `${p.path}: placeholders`);
      assert.deepEqual(codeSpans(itText!), codeSpans(p.en), `${p.path}: code spans`);
      assert.deepEqual(urls(itText!), urls(p.en), `${p.path}: URLs`);
      if (allowSame.includes(p.path)) assert.equal(itText, p.en, `${p.path} is allowed to stay as it is, and does`);
      else assert.notEqual(itText, p.en, `${p.path}: not translated`);
      n++;
    }
  }
  return n;
}

describe('Italian of errors, credentials, environments and adb', function () {
  this.timeout(60000);
  afterEach(() => setLocale('en'));

  describe('tables', () => {
    it('every B2B error has an Italian title, explanation and next step', () => {
      const n = checkTables('errors.info');
      assert.equal(n, Object.keys(englishErrorInfo).length * 3);
      checkTables('errors.texts');
      checkTables('errors.reasons');
      // Product terms Italian practice keeps in English.
      checkTables('errors.missingCredentials', ['errors.missingCredentials.clientId', 'errors.missingCredentials.clientSecret']);
    });

    it('every credentials text has an Italian one with the same placeholders', () => {
      // Product terms Italian practice keeps in English.
      checkTables('credentials', ['credentials.messages.clientIdLabel', 'credentials.messages.clientSecretLabel']);
    });

    it('every environment and adb message has an Italian one', () => {
      checkTables('environments');
      checkTables('adb');
    });

    it('errorInfo reads the table of the current locale at each call', () => {
      assert.equal(errorInfo('TIMEOUT').title, 'Timed out');
      withLocale('it', () => assert.equal(errorInfo('TIMEOUT').title, 'Tempo scaduto'));
      assert.equal(errorInfo('TIMEOUT').title, 'Timed out');
      withLocale('it', () => assert.equal(errorInfo('CANCELLED').title, 'Annullata'));
    });
  });

  describe('NexiError', () => {
    it('keeps `message` English (logs) while userMessage() and nextStep follow the locale', () => {
      const err = new NexiError('TOKEN_INVALID_CLIENT', { status: 401, step: 'token', serverMessage: 'invalid_client' });
      const english = 'TOKEN_INVALID_CLIENT: Client id or secret rejected. The token endpoint refused the client credentials. Server: "invalid_client". (HTTP 401, token)';
      assert.equal(err.message, english);
      assert.equal(userMessage(err), english);
      assert.match(err.nextStep, /^Check the client id \(APP ID\)/);
      withLocale('it', () => {
        assert.equal(err.message, english, 'the logged message stays English');
        assert.equal(userMessage(err), "TOKEN_INVALID_CLIENT: Client id o secret rifiutati. L'endpoint del token ha rifiutato le credenziali del client. Risposta del server: \"invalid_client\". (HTTP 401, token)");
        assert.match(err.nextStep, /^Verificare nel portale Nexi il client id \(APP ID\)/);
      });
    });

    it('logs the English reason and shows people the localized one, formatted when read', () => {
      const err = new NexiError('CANCELLED', { reason: { kind: 'notConfirmed' } });
      assert.match(err.message, /\(not confirmed for production\)$/);
      withLocale('it', () => {
        assert.match(err.message, /\(not confirmed for production\)$/, 'the logged message stays English');
        assert.match(userMessage(err), /\(non confermato per la produzione\)$/);
      });
      const missing = new NexiError('CREDENTIALS_INCOMPLETE', { reason: { kind: 'missing', environment: 'STG', missing: ['clientId', 'certificate', 'privateKey'] } });
      assert.match(missing.message, /\(STG has no client id, certificate, private key\)$/);
      withLocale('it', () => assert.match(userMessage(missing), /\(STG è senza client id, certificato, chiave privata\)$/));
      const noEndpoints = new NexiError('CREDENTIALS_INCOMPLETE', { reason: { kind: 'noEndpoints', environment: 'Sandbox' } });
      assert.match(noEndpoints.message, /\(Sandbox: no endpoints\)$/);
      withLocale('it', () => assert.match(userMessage(noEndpoints), /\(Sandbox: nessun endpoint\)$/));
      const plain = new NexiError('CANCELLED', { cause: 'STG: no endpoints' });
      withLocale('it', () => assert.match(userMessage(plain), /\(STG: no endpoints\)$/, 'a cause worded elsewhere is shown as it is'));
    });

    it('names the fields a server rejected in either language', () => {
      const err = new NexiError('VALIDATION_FAILED', { status: 400, step: 'checkTransaction', fieldErrors: [{ field: 'terminalId', message: 'must not be blank' }] });
      assert.match(err.message, /Fields: terminalId: must not be blank\. \(HTTP 400, checkTransaction\)$/);
      withLocale('it', () => assert.match(userMessage(err), /^VALIDATION_FAILED: Richiesta rifiutata\. .* Campi: terminalId: must not be blank\. \(HTTP 400, checkTransaction\)$/));
    });

    it('every code has a distinct Italian message', () => {
      for (const code of Object.keys(englishErrorInfo) as NexiErrorCode[]) {
        const err = new NexiError(code, { cause: 'x' });
        const it = withLocale('it', () => userMessage(err));
        assert.ok(it.startsWith(`${code}: `), it);
        assert.notEqual(it, err.message, code);
      }
    });

    it('userMessage() of anything else is its message', () => {
      assert.equal(userMessage(new Error('plain')), 'plain');
      assert.equal(userMessage('text'), 'text');
    });
  });

  describe('credentials', () => {
    let key: TestKey;
    let other: TestKey;
    let cert: string;

    before(() => {
      key = rsaKey();
      other = rsaKey();
      cert = certificate(key, { commonName: 'MyApp' });
    });

    function thrown(fn: () => unknown): CredentialError {
      try {
        fn();
      } catch (err) {
        assert.ok(isCredentialError(err), String(err));
        return err;
      }
      assert.fail('expected a CredentialError');
    }

    it('a CredentialError logs English and shows the current locale', () => {
      const block = parsePem(encryptedPkcs8(key, 'right'))[0]!;
      const err = thrown(() => readPrivateKey(block, 'wrong'));
      assert.equal(err.code, 'KEY_PASSPHRASE_WRONG');
      assert.equal(err.message, 'The passphrase does not open the private key.');
      assert.equal(err.userMessage, 'The passphrase does not open the private key. Enter it again (it is case-sensitive); nothing was stored.');
      withLocale('it', () => {
        assert.equal(err.message, 'The passphrase does not open the private key.');
        assert.equal(err.localizedMessage, 'La passphrase non apre la chiave privata.');
        assert.equal(err.userMessage, 'La passphrase non apre la chiave privata. Inserirla di nuovo (fa distinzione tra maiuscole e minuscole); non è stato salvato nulla.');
        assert.equal(userMessage(err), err.userMessage);
      });
    });

    it('an error made with one string (already localized by the caller) shows it as it is', () => {
      const err = new CredentialError('NOTHING_FOUND', 'Gli appunti sono vuoti.', 'Copiare il blocco PEM.');
      withLocale('it', () => assert.equal(err.userMessage, 'Gli appunti sono vuoti. Copiare il blocco PEM.'));
      assert.equal(err.message, 'Gli appunti sono vuoti.');
    });

    it('PEM damage names the block in both languages', () => {
      const err = thrown(() => parsePem(truncatePem(cert)));
      assert.match(err.message, /^The certificate \(block 1, "CERTIFICATE"\)/);
      withLocale('it', () => assert.match(err.userMessage, /^Il certificato \(blocco 1, "CERTIFICATE"\)/));
    });

    it('import errors and plans speak the locale of the moment they are made', () => {
      const material = readMaterial(Buffer.from(cert + certificate(other, { commonName: 'OtherApp' })), 'bundle.pem');
      const ctx = { environmentLabel: 'STG', flavour: 'staging' as const, now: new Date(), stored: { mode: 'none' as const }, where: 'bundle.pem' };
      const err = thrown(() => planImport(material, 'certificate', ctx));
      assert.equal(err.code, 'SEVERAL_CERTIFICATES');
      assert.match(err.message, /^bundle\.pem holds 2 certificates \("MyApp", "OtherApp"\)/);
      withLocale('it', () => assert.match(err.userMessage, /^bundle\.pem: 2 certificati \("MyApp", "OtherApp"\); il certificato sviluppatore è uno solo\. Importare solo/));
      const plan = withLocale('it', () => planImport(readMaterial(Buffer.from(cert), 'app.pem'), 'auto', ctx));
      assert.match(plan.summary, /^certificato "MyApp" \(scade il \d{4}-\d\d-\d\d\)$/);
      assert.match(planImport(readMaterial(Buffer.from(cert), 'app.pem'), 'auto', ctx).summary, /^certificate "MyApp" \(expires \d{4}-\d\d-\d\d\)$/);
    });

    it('certificate findings and the tree status in Italian', () => {
      const c = new X509Certificate(parsePem(certificate(key, { commonName: 'MyApp', organizationalUnit: 'API Security', validDays: 10 }))[0]!.der);
      const en = checkCertificate(c, { now: new Date(), flavour: 'staging' });
      const it = withLocale('it', () => checkCertificate(c, { now: new Date(), flavour: 'staging' }));
      assert.deepEqual(it.map((f) => f.code), en.map((f) => f.code));
      const expiring = it.find((f) => f.code === 'CERT_EXPIRING')!;
      assert.match(expiring.message, /^Scade tra \d+ giorni \(\d{4}-\d\d-\d\d\): creare subito una nuova chiave/);
      assert.match(en.find((f) => f.code === 'CERT_EXPIRING')!.message, /^Expires in \d+ days/);
      assert.match(it.find((f) => f.code === 'CERT_NOT_STAGING')!.message, /^L'OU del soggetto non indica STAGING \(API Security\)/);

      const status = withLocale('it', () => assessCredentials({ secrets: { clientSecret: 'x'.repeat(12) }, plain: {} }, { flavour: 'staging', now: new Date() }));
      const detail = (field: string): string => status.fields.find((f) => f.field === field)!.detail;
      assert.equal(detail('clientSecret'), 'salvato in SecretStorage');
      assert.equal(detail('certificate'), 'mancante');
      assert.equal(detail('caBundle'), 'non impostato (facoltativo)');
      const english = assessCredentials({ secrets: { clientSecret: 'x'.repeat(12) }, plain: {} }, { flavour: 'staging', now: new Date() });
      assert.equal(english.fields.find((f) => f.field === 'caBundle')!.detail, 'not set (optional)');
    });

    it('field labels, descriptions and input checks follow the locale of the moment they are read', () => {
      assert.equal(fieldSpec('caBundle').label, 'Extra CA bundle');
      withLocale('it', () => {
        assert.equal(fieldSpec('caBundle').label, 'Bundle CA aggiuntivo');
        assert.equal(fieldSpec('softPosTerminalId').placeholder, 'ad es. 12345678');
        assert.match(fieldSpec('privateKey').description, /^Chiave privata RSA-2048/);
        assert.equal(validateTextField('softPosTerminalId', 'a b'), 'ID terminale SoftPOS: sono ammesse solo lettere e cifre (al massimo 16), ad es. 12345678.');
        assert.equal(validateTextField('clientSecret', 'a\nb'), 'Il client secret contiene un a capo: incollarlo di nuovo su una sola riga.');
      });
      assert.equal(validateTextField('softPosTerminalId', 'a b'), 'SoftPOS terminal id takes letters and digits only (at most 16), e.g. 12345678.');
      assert.equal(fieldSpec('certificate').placeholder, undefined);
      assert.deepEqual(Object.keys(fieldSpec('clientId')).sort(), ['description', 'id', 'label', 'optional', 'placeholder', 'secret']);
    });

    it('CSR subject problems, also as the error of createKeyAndCsr', async () => {
      assert.equal(parseSubjectLine('/CN=APPNAME/O=NEXI/OU=API Security - STAGING/L=Milano/C=IT').problem, "Replace APPNAME with your app's name as registered in the Nexi portal.");
      withLocale('it', () => assert.equal(parseSubjectLine('/CN=x/O=NEXI').problem, 'Il soggetto richiede anche OU=, L=, C= (spec §14.2).'));
      try {
        await createKeyAndCsr(defaultCsrSubject('staging'));
        assert.fail('APPNAME must be refused');
      } catch (err) {
        assert.ok(isCredentialError(err));
        assert.equal(err.code, 'CSR_SUBJECT_INVALID');
        assert.match(err.message, /^Replace APPNAME/);
        withLocale('it', () => assert.equal(err.userMessage, "Sostituire APPNAME con il nome dell'app registrato nel portale Nexi. Correggere il soggetto e riprovare."));
      }
    });

    it('keyring verdicts and the secret linter in Italian', () => {
      const probe = { platform: 'linux', uiKind: 'desktop' as const, env: {}, argvJson: '{ "password-store": "basic" }' };
      const verdict = withLocale('it', () => assessKeyring(probe));
      assert.ok(verdict.weak);
      assert.match(verdict.message, /^VS Code salva i secret con la "crittografia più debole"/);
      assert.match(verdict.message, /https:\/\/go\.microsoft\.com\/fwlink\/\?linkid=2239490\.$/);
      const english = assessKeyring(probe);
      assert.ok(english.weak);
      assert.match(english.message, /^VS Code stores secrets with "weaker encryption"/);
      const [found] = withLocale('it', () => findSecrets('x\n-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n'));
      assert.match(found!.message, /^Una chiave privata \(PRIVATE KEY\) in un file non escluso da git/);
    });
  });

  describe('environments and adb', () => {
    it('endpoint and id checks in Italian, English by default', () => {
      assert.equal(validateEndpointUrl('http://x.example'), '"http://x.example" does not use https://: credentials are only ever sent over TLS.');
      withLocale('it', () => {
        assert.equal(validateEndpointUrl(''), 'è vuoto: inserire un URL https://.');
        assert.equal(validateEnvironmentId('stg'), '"stg" è un ambiente predefinito: scegliere un altro id.');
        const { environments, problems } = resolveEnvironments({ stg: { baseUrl: 'http://stg.example' }, custom: [{ id: 'uat', baseUrl: 'https://u.example', checkTransactionUrl: '' }] });
        assert.equal(environments.find((e) => e.id === 'sandbox')!.problem, 'la sandbox locale non è in esecuzione.');
        assert.deepEqual(problems.map((p) => p.message), [
          'nexi.endpoints.stg.baseUrl "http://stg.example" non usa https://: le credenziali vengono inviate solo tramite TLS.',
          'nexi.endpoints.custom[0] (uat): un URL è vuoto: inserire un URL https://.',
        ]);
      });
    });

    it('adb answers in Italian', () => {
      withLocale('it', () => {
        assert.deepEqual(interpretAmStart('', 'Error: Activity not started, unable to resolve Intent', 'neximpos://payment?amount=1'), { ok: false, message: 'Sul dispositivo nessuna app apre gli URI neximpos://: Nexi POS è installato?' });
        assert.equal(interpretAmStart('Starting: Intent { }', '', 'neximpos://x').message, 'Avviato.');
        assert.match(adbMissingMessage('darwin'), /^adb \(Android Debug Bridge\) non trovato\. .*`brew install --cask android-platform-tools`/);
      });
      assert.equal(interpretAmStart('Starting: Intent { }', '', 'neximpos://x').message, 'Started.');
    });
  });

  describe('the pseudo-locale (qps-ploc)', () => {
    it('every text of errors, credentials, environments and adb goes through the catalog', () => {
      withLocale(pseudoLocale, () => {
        const err = new NexiError('CREDENTIALS_INCOMPLETE', { reason: { kind: 'missing', environment: 'STG', missing: ['clientId', 'privateKey'] }, serverMessage: 'x' });
        assert.equal(userMessage(err), 'CREDENTIALS_INCOMPLETE: ⟦Credentials incomplete⟧. ⟦The environment lacks something every B2B call needs.⟧ ⟦Server: "x".⟧ (⟦STG has no ⟦client id⟧, ⟦private key⟧⟧)');
        assert.equal(err.nextStep, '⟦Open the Nexi Credentials view and set what is marked missing.⟧');
        assert.equal(errorInfo('TIMEOUT').title, '⟦Timed out⟧');
        let pem: unknown;
        try {
          parsePem(truncatePem(certificate(rsaKey(), { commonName: 'P' })));
        } catch (e) {
          pem = e;
        }
        assert.ok(isCredentialError(pem));
        assert.equal(pem.localizedMessage, '⟦⟦The certificate (block 1, "CERTIFICATE")⟧ is incomplete: its content is shorter than it says, so lines are missing.⟧');
        assert.match(pem.message, /^The certificate \(block 1, "CERTIFICATE"\) is incomplete/, 'the logged message stays English');
        assert.equal(fieldSpec('caBundle').label, '⟦Extra CA bundle⟧');
        assert.equal(validateTextField('clientSecret', 'a\nb'), '⟦The client secret contains a line break: paste it again as one line.⟧');
        assert.equal(validateEndpointUrl(''), '⟦is empty: enter an https:// URL.⟧');
        assert.equal(interpretAmStart('', '', 'neximpos://x').message, '⟦Started.⟧');
      });
    }).timeout(60000);
  });

  it('leaves the locale as it found it', () => {
    assert.equal(getLocale(), 'en');
  });
});
