import 'reflect-metadata';
import { strict as assert } from 'assert';
import { X509Certificate, createPrivateKey, createPublicKey } from 'crypto';
import * as x509 from '@peculiar/x509';
import { checkCertificate, inspectCertificate } from '../../src/core/credentials/certificates';
import { createKeyAndCsr, defaultCsrSubject, formatSubjectLine, parseSubjectLine } from '../../src/core/credentials/csr';
import { CredentialError } from '../../src/core/credentials/errors';
import { secretKey, validateTextField } from '../../src/core/credentials/fields';
import { ImportContext, StoredCertificateState, importQuestion, planImport, routeCertificate } from '../../src/core/credentials/importing';
import { needsPassphrase, readMaterial } from '../../src/core/credentials/material';
import { parsePem } from '../../src/core/credentials/pem';
import { assessCredentials } from '../../src/core/credentials/status';
import { openKeyMaterial } from '../../src/core/nexi/connection';
import { NexiError, userMessage } from '../../src/core/nexi/errors';
import { TestKey, certificate, ecKey, encryptedPkcs8, pkcs12, pkcs7, rsaKey, truncatePem } from '../fixtures/pki';

const now = new Date();
const day = 24 * 60 * 60 * 1000;

function ctx(stored: StoredCertificateState = { mode: 'none' }, flavour: ImportContext['flavour'] = 'staging'): ImportContext {
  return { environmentLabel: 'STG', flavour, now, stored, where: 'test.pem' };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof CredentialError, `a CredentialError, got ${String(err)}`);
    // Messages never carry key material.
    assert.doesNotMatch(err.userMessage, /-----BEGIN|MII/);
    return err.code;
  }
  assert.fail('expected a CredentialError');
}

const text = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('credentials', function () {
  this.timeout(60000);
  let key: TestKey;
  let otherKey: TestKey;
  let cert: string;
  let otherCert: string;

  before(() => {
    key = rsaKey();
    otherKey = rsaKey();
    cert = certificate(key, { commonName: 'MyApp' });
    otherCert = certificate(otherKey, { commonName: 'OtherApp' });
  });

  describe('fields', () => {
    it('names secrets with the typed template nexi.<env>.<field>', () => {
      assert.equal(secretKey('stg', 'clientSecret'), 'nexi.stg.clientSecret');
      assert.equal(secretKey('uat', 'privateKey'), 'nexi.uat.privateKey');
    });

    it('validates typed values with a specific message that never repeats the value', () => {
      assert.equal(validateTextField('clientSecret', 's3cr3t-VALUE-123'), undefined);
      const spaced = validateTextField('clientSecret', ' s3cr3t-VALUE-123')!;
      assert.match(spaced, /starts or ends with a space/);
      assert.doesNotMatch(spaced, /s3cr3t/);
      assert.match(validateTextField('merchantUsername', 'not-an-email')!, /e-mail/);
      assert.equal(validateTextField('merchantUsername', 'op@merchant.example'), undefined);
      assert.match(validateTextField('softPosTerminalId', '1234 5678')!, /letters and digits/);
      assert.equal(validateTextField('mobilePosTerminalId', '12345678'), undefined);
      assert.match(validateTextField('clientId', '')!, /cannot be empty/);
      assert.match(validateTextField('clientId', 'a b')!, /spaces/);
    });
  });

  describe('PEM', () => {
    it('reads several blocks and flags encrypted keys', () => {
      const blocks = parsePem(cert + encryptedPkcs8(key, 'pw') + key.pem);
      assert.deepEqual(blocks.map((b) => [b.kind, b.encrypted]), [['certificate', false], ['privateKey', true], ['privateKey', false]]);
    });

    it('detects a block without its END line as truncated', () => {
      assert.equal(code(() => parsePem(key.pem.replace(/-----END PRIVATE KEY-----\n?$/, ''))), 'PEM_TRUNCATED');
    });

    it('detects lines missing in the middle as truncated (the DER length does not add up)', () => {
      assert.equal(code(() => parsePem(truncatePem(cert))), 'PEM_TRUNCATED');
      assert.equal(code(() => parsePem(truncatePem(key.pem))), 'PEM_TRUNCATED');
    });

    it('detects non-Base64 content as corrupt', () => {
      const lines = cert.split('\n');
      lines[3] = lines[3]!.replace(/.{3}$/, '#!%');
      assert.equal(code(() => parsePem(lines.join('\n'))), 'PEM_CORRUPT');
    });
  });

  describe('reading files', () => {
    it('recognises a DER .p7b, a PEM PKCS#7, a DER certificate, a PKCS#12 and Base64 text of a PKCS#12', () => {
      const p7b = readMaterial(pkcs7([cert]), 'nexi.p7b');
      assert.equal(p7b.kind, 'blocks');
      assert.equal(p7b.kind === 'blocks' && p7b.pkcs7 && p7b.certificates.length, 1);
      const p7bPem = readMaterial(pkcs7([cert], 'pem'), 'nexi.p7b');
      assert.equal(p7bPem.kind === 'blocks' && p7bPem.certificates[0]!.fingerprint256, new X509Certificate(cert).fingerprint256);
      const der = readMaterial(new X509Certificate(cert).raw, 'cert.cer');
      assert.equal(der.kind === 'blocks' && der.certificates.length, 1);
      const p12 = pkcs12(key, [cert], 'pw');
      assert.equal(readMaterial(p12, 'a.p12').kind, 'pkcs12');
      assert.equal(readMaterial(text(p12.toString('base64').replace(/.{64}/g, '$&\n')), 'the clipboard').kind, 'pkcs12');
      assert.equal(needsPassphrase(readMaterial(p12, 'a.p12')), 'pkcs12');
      assert.equal(needsPassphrase(readMaterial(text(encryptedPkcs8(key, 'pw')), 'k.key')), 'privateKey');
      assert.equal(needsPassphrase(readMaterial(text(key.pem), 'k.key')), undefined);
    });

    it('reads a DER PKCS#1 RSA key file as a PKCS#8 key', () => {
      const der = key.key.export({ type: 'pkcs1', format: 'der' });
      const m = readMaterial(der, 'k.der');
      assert.ok(m.kind === 'blocks' && m.keys.length === 1 && m.keys[0]!.label === 'PRIVATE KEY');
    });

    it('says nothing was found in unrelated text or bytes', () => {
      assert.equal(code(() => readMaterial(text('hello world'), 'notes.txt')), 'NOTHING_FOUND');
      assert.equal(code(() => readMaterial(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05]), 'x.bin')), 'NOTHING_FOUND');
    });
  });

  describe('certificate checks', () => {
    it('accepts a Nexi-shaped staging certificate with its key', () => {
      assert.deepEqual(checkCertificate(new X509Certificate(cert), { now, flavour: 'staging', key: key.key }), []);
      const info = inspectCertificate(new X509Certificate(cert));
      assert.equal(info.commonName, 'MyApp');
      assert.deepEqual(info.subjectFields.OU, ['API Security - STAGING']);
      assert.equal(info.keyBits, 2048);
      assert.deepEqual(info.extendedKeyUsage, ['1.3.6.1.5.5.7.3.2']);
    });

    it('warns under 30 days before expiry and errs once expired or not yet valid', () => {
      const codes = (pem: string): string[] => checkCertificate(new X509Certificate(pem), { now, flavour: 'staging' }).map((f) => `${f.code}:${f.severity}`);
      assert.deepEqual(codes(certificate(key, { validDays: 10 })), ['CERT_EXPIRING:warning']);
      assert.deepEqual(codes(certificate(key, { validDays: 40 })), []);
      assert.deepEqual(codes(certificate(key, { validDays: -2, notBeforeDays: -30 })), ['CERT_EXPIRED:error']);
      assert.deepEqual(codes(certificate(key, { notBeforeDays: 3 })), ['CERT_NOT_YET_VALID:error']);
    });

    it('requires extendedKeyUsage clientAuth and RSA ≥ 2048', () => {
      const codes = (pem: string): string[] => checkCertificate(new X509Certificate(pem), { now, flavour: 'any' }).map((f) => f.code);
      assert.deepEqual(codes(certificate(key, { extendedKeyUsage: ['serverAuth'] })), ['CERT_NO_CLIENT_AUTH']);
      assert.deepEqual(codes(certificate(key, { extendedKeyUsage: [] })), ['CERT_NO_EKU']);
      assert.deepEqual(codes(certificate(rsaKey(1024))), ['CERT_KEY_TOO_SMALL']);
    });

    it('compares the subject OU with the environment: STAGING under PROD is an error, no STAGING under STG a warning', () => {
      const staging = new X509Certificate(cert);
      const production = new X509Certificate(certificate(key, { organizationalUnit: 'API Security' }));
      assert.deepEqual(checkCertificate(staging, { now, flavour: 'production' }).map((f) => `${f.code}:${f.severity}`), ['CERT_STAGING_IN_PRODUCTION:error']);
      assert.deepEqual(checkCertificate(production, { now, flavour: 'staging' }).map((f) => `${f.code}:${f.severity}`), ['CERT_NOT_STAGING:warning']);
      assert.deepEqual(checkCertificate(production, { now, flavour: 'production' }), []);
    });

    it('finds a certificate that does not belong to the key', () => {
      assert.deepEqual(checkCertificate(new X509Certificate(cert), { now, flavour: 'staging', key: otherKey.key }).map((f) => f.code), ['CERT_KEY_MISMATCH']);
    });
  });

  describe('planning an import', () => {
    it('imports a certificate and key PEM pair into an empty environment', () => {
      const plan = planImport(readMaterial(text(cert + key.pem), 'pair.pem'), 'auto', ctx());
      assert.equal(plan.writes.certificate, new X509Certificate(cert).toString().replace(/\r\n/g, '\n'));
      assert.equal(plan.writes.privateKey, key.pem);
      assert.ok('pkcs12' in plan.writes && plan.writes.pkcs12 === undefined, 'switching to PEM deletes a PKCS#12 bundle');
      assert.deepEqual(plan.confirmations, []);
      assert.match(plan.summary, /MyApp/);
    });

    it('refuses a certificate where a key was expected, a key where a certificate was expected, and a CSR', async () => {
      assert.equal(code(() => planImport(readMaterial(text(cert), 'c.pem'), 'privateKey', ctx())), 'EXPECTED_KEY_GOT_CERTIFICATE');
      assert.equal(code(() => planImport(readMaterial(text(key.pem), 'k.pem'), 'certificate', ctx())), 'EXPECTED_CERTIFICATE_GOT_KEY');
      const { csrPem } = await createKeyAndCsr(defaultCsrSubject('staging', 'MyApp'));
      assert.equal(code(() => planImport(readMaterial(text(csrPem), 'a.csr'), 'auto', ctx())), 'EXPECTED_CERTIFICATE_GOT_CSR');
      assert.equal(code(() => planImport(readMaterial(text(csrPem), 'a.csr'), 'privateKey', ctx())), 'EXPECTED_KEY_GOT_CSR');
    });

    it('needs the passphrase of an encrypted PKCS#8 key, says when it is wrong, and stores the key with it', () => {
      const m = readMaterial(text(encryptedPkcs8(key, 'correct horse')), 'k.key');
      assert.equal(code(() => planImport(m, 'privateKey', ctx())), 'KEY_PASSPHRASE_REQUIRED');
      assert.equal(code(() => planImport(m, 'privateKey', ctx(), 'wrong')), 'KEY_PASSPHRASE_WRONG');
      const plan = planImport(m, 'privateKey', ctx(), 'correct horse');
      assert.match(plan.writes.privateKey!, /BEGIN ENCRYPTED PRIVATE KEY/);
      assert.equal(plan.writes.privateKeyPassphrase, 'correct horse');
      assert.doesNotMatch(plan.summary, /correct horse/);
    });

    it('a wrong passphrase is KEY_PASSPHRASE_WRONG also when it decrypts to undecodable DER (about 1 in 256), when importing and when connecting', () => {
      const pem = encryptedPkcs8(key, 'correct horse');
      // Find a wrong passphrase whose decryption passes the padding check: OpenSSL then reports a DER decoder error.
      let odd: string | undefined;
      for (let i = 0; i < 4000 && odd === undefined; i++) {
        try {
          createPrivateKey({ key: pem, format: 'pem', passphrase: `wrong-${i}` });
        } catch (err) {
          if (!/bad decrypt/i.test((err as Error).message)) odd = `wrong-${i}`;
        }
      }
      assert.ok(odd, 'no wrong passphrase in 4000 decrypted with valid padding');
      assert.equal(code(() => planImport(readMaterial(text(pem), 'k.key'), 'privateKey', ctx(), odd)), 'KEY_PASSPHRASE_WRONG');
      let thrown: unknown;
      try {
        openKeyMaterial({ kind: 'pem', certificate: cert, privateKey: pem, passphrase: odd });
      } catch (err) {
        thrown = err;
      }
      assert.ok(thrown instanceof NexiError && thrown.code === 'KEY_PASSPHRASE_WRONG', String(thrown));
      assert.equal(openKeyMaterial({ kind: 'pem', certificate: cert, privateKey: pem, passphrase: 'correct horse' }).privateKey.type, 'private');
    });

    it('says the certificate and the key look swapped when the key file holds a certificate', () => {
      let thrown: unknown;
      try {
        openKeyMaterial({ kind: 'pem', certificate: key.pem, privateKey: cert });
      } catch (err) {
        thrown = err;
      }
      assert.ok(thrown instanceof NexiError && thrown.code === 'KEY_UNUSABLE', String(thrown));
      assert.match(userMessage(thrown as NexiError), /the key file holds a certificate, not a private key: are the certificate and the key swapped\?/);
    });

    it('opens PKCS#12 bundles (PBES2/AES and legacy 3DES), keeps the exact certificate, and says when the passphrase is wrong', () => {
      for (const algorithm of ['aes256', '3des'] as const) {
        const der = pkcs12(key, [cert], 'p12-pass', algorithm);
        const m = readMaterial(der, 'dev.p12');
        assert.equal(code(() => planImport(m, 'auto', ctx(), 'nope')), 'PKCS12_PASSPHRASE_WRONG');
        const plan = planImport(m, 'auto', ctx(), 'p12-pass');
        assert.equal(plan.writes.pkcs12, der.toString('base64'));
        assert.equal(plan.writes.pkcs12Passphrase, 'p12-pass');
        assert.equal(new X509Certificate(plan.writes.certificate!).fingerprint256, new X509Certificate(cert).fingerprint256);
        assert.ok('privateKey' in plan.writes && plan.writes.privateKey === undefined);
      }
    });

    it('refuses a PKCS#12 without a key or without the key\'s certificate', () => {
      assert.equal(code(() => planImport(readMaterial(pkcs12(key, [otherCert], 'pw'), 'x.p12'), 'auto', ctx(), 'pw')), 'PKCS12_NO_CERTIFICATE');
    });

    it('refuses a .p7b with several certificates, naming them', () => {
      try {
        planImport(readMaterial(pkcs7([cert, otherCert]), 'nexi.p7b'), 'auto', ctx());
        assert.fail('expected an error');
      } catch (err) {
        assert.ok(err instanceof CredentialError);
        assert.equal(err.code, 'P7B_SEVERAL_CERTIFICATES');
        assert.match(err.message, /2 certificates.*MyApp.*OtherApp/);
        assert.match(err.nextStep, /openssl pkcs7 -print_certs/);
      }
    });

    it('refuses a PEM pair whose certificate and key do not belong together', () => {
      assert.equal(code(() => planImport(readMaterial(text(cert + otherKey.pem), 'pair.pem'), 'auto', ctx())), 'CERTIFICATE_KEY_MISMATCH');
    });

    it('refuses keys that are not RSA or smaller than 2048 bits', () => {
      assert.equal(code(() => planImport(readMaterial(text(ecKey().pem), 'ec.key'), 'auto', ctx())), 'KEY_NOT_RSA');
      assert.equal(code(() => planImport(readMaterial(text(rsaKey(1024).pem), 'small.key'), 'auto', ctx())), 'KEY_TOO_SMALL');
    });

    it('asks before replacing a different stored key, and before storing a certificate that does not match it', () => {
      const stored: StoredCertificateState = { mode: 'pem', certificate: new X509Certificate(cert), key: key.key };
      const keyPlan = planImport(readMaterial(text(otherKey.pem), 'k.key'), 'auto', ctx(stored));
      assert.equal(keyPlan.confirmations.length, 2);
      assert.match(keyPlan.confirmations[0]!, /Replace the private key/);
      assert.match(keyPlan.confirmations[1]!, /does not belong to the stored certificate/);
      const certPlan = planImport(readMaterial(text(otherCert), 'c.pem'), 'auto', ctx(stored));
      assert.deepEqual(certPlan.findings.map((f) => f.code), ['CERT_KEY_MISMATCH']);
      assert.equal(certPlan.confirmations.length, 1);
      const same = planImport(readMaterial(text(key.pem), 'k.key'), 'auto', ctx(stored));
      assert.deepEqual(same.confirmations, []);
    });

    it('promotes the key made with the CSR when the certificate Nexi signed for it arrives', () => {
      const stored: StoredCertificateState = { mode: 'pem', certificate: new X509Certificate(cert), key: key.key, pendingKey: otherKey.key, pendingKeyPem: otherKey.pem };
      const plan = planImport(readMaterial(pkcs7([otherCert]), 'renewed.p7b'), 'auto', ctx(stored));
      assert.equal(plan.writes.privateKey, otherKey.pem);
      assert.ok('pendingPrivateKey' in plan.writes && plan.writes.pendingPrivateKey === undefined);
      assert.deepEqual(plan.confirmations, []);
      assert.match(plan.summary, /key created with its CSR is now the private key/);
    });

    it('keeps the PKCS#12 key as a PEM key when a certificate alone replaces the bundle\'s', () => {
      const stored: StoredCertificateState = { mode: 'pkcs12', certificate: new X509Certificate(cert), key: key.key };
      const renewed = certificate(key, { commonName: 'MyApp', validDays: 700 });
      const plan = planImport(readMaterial(text(renewed), 'renewed.pem'), 'certificate', ctx(stored));
      assert.ok(createPrivateKey(plan.writes.privateKey!).equals(key.key));
      assert.ok('pkcs12' in plan.writes && plan.writes.pkcs12 === undefined);
      assert.equal(plan.confirmations.length, 1);
    });

    it('asks before storing a certificate with errors (a staging certificate under PROD)', () => {
      const plan = planImport(readMaterial(text(cert), 'c.pem'), 'certificate', ctx({ mode: 'none' }, 'production'));
      assert.equal(plan.confirmations.length, 1);
      assert.match(plan.confirmations[0]!, /STAGING/);
    });

    describe('a single certificate imported without a target', () => {
      const route = (pem: string, stored: StoredCertificateState = { mode: 'none' }): string => routeCertificate(new X509Certificate(pem), { stored });

      it('is the developer certificate when self-signed with CA:TRUE but issued for clientAuth (never a silent CA)', () => {
        const selfSigned = certificate(key, { commonName: 'DevSelfSigned', ca: true, caKeyUsage: false, extendedKeyUsage: ['clientAuth'] });
        assert.equal(route(selfSigned), 'certificate');
        const plan = planImport(readMaterial(text(selfSigned), 'dev.pem'), 'auto', ctx());
        assert.ok(plan.writes.certificate);
        assert.equal(plan.writes.caBundle, undefined);
        assert.equal(importQuestion(readMaterial(text(selfSigned), 'dev.pem'), ctx()), undefined);
      });

      it('is the developer certificate when it belongs to the stored key or to the key of a pending CSR, whatever its flags', () => {
        const selfSignedCa = certificate(key, { commonName: 'DevCa', ca: true, caKeyUsage: false });
        assert.equal(route(selfSignedCa, { mode: 'pem', key: key.key }), 'certificate');
        assert.equal(route(selfSignedCa, { mode: 'none', pendingKey: key.key, pendingKeyPem: key.pem }), 'certificate');
        // A stored key that is not its key: it cannot be ours, so it is a CA.
        assert.equal(route(selfSignedCa, { mode: 'pem', key: otherKey.key }), 'caBundle');
      });

      it('is a CA when its key usage says certificate signing only', () => {
        assert.equal(route(certificate(rsaKey(), { commonName: 'Proxy CA', ca: true })), 'caBundle');
      });

      it('asks, with both choices explained, when self-signed with CA:TRUE, no key usage and no key to tell', () => {
        const ambiguous = certificate(rsaKey(), { commonName: 'Ambiguous', ca: true, caKeyUsage: false });
        assert.equal(route(ambiguous), 'ask');
        const question = importQuestion(readMaterial(text(ambiguous), 'amb.pem'), ctx());
        assert.ok(question);
        assert.match(question.question, /"Ambiguous" \(test\.pem\) is self-signed/);
        assert.deepEqual(question.choices.map((c) => c.target), ['certificate', 'caBundle']);
        for (const c of question.choices) assert.ok(c.detail.length > 20, 'each choice is explained');
      });
    });

    it('imports CA certificates as the extra CA bundle, and refuses a key there', () => {
      const caKey = rsaKey();
      const ca = certificate(caKey, { commonName: 'Proxy CA', ca: true });
      const auto = planImport(readMaterial(text(ca), 'ca.pem'), 'auto', ctx());
      assert.equal(auto.writes.caBundle, new X509Certificate(ca).toString().replace(/\r\n/g, '\n'));
      const explicit = planImport(readMaterial(text(ca + cert), 'bundle.pem'), 'caBundle', ctx());
      assert.match(explicit.summary, /2 certificates/);
      assert.deepEqual(explicit.findings.map((f) => f.code), ['CERT_IS_CA']);
      assert.equal(code(() => planImport(readMaterial(text(key.pem), 'k.pem'), 'caBundle', ctx())), 'EXPECTED_CA_CERTIFICATES');
    });
  });

  describe('key and CSR for the Nexi portal (spec §14.2)', () => {
    it('creates an RSA-2048 key and a CSR with CN/O/OU/L/C and extendedKeyUsage clientAuth, checked with @peculiar/x509', async () => {
      const { privateKeyPem, csrPem } = await createKeyAndCsr(defaultCsrSubject('staging', 'MyApp'));
      const key = createPrivateKey(privateKeyPem);
      assert.equal(key.asymmetricKeyType, 'rsa');
      assert.equal(key.asymmetricKeyDetails!.modulusLength, 2048);
      const csr = new x509.Pkcs10CertificateRequest(csrPem);
      assert.equal(csr.subject, 'CN=MyApp, O=NEXI, OU=API Security - STAGING, L=Milano, C=IT');
      assert.equal(await csr.verify(), true, 'the CSR signature verifies');
      assert.equal((csr.signatureAlgorithm as { hash?: { name: string } }).hash?.name, 'SHA-256');
      const eku = csr.extensions.find((e): e is x509.ExtendedKeyUsageExtension => e instanceof x509.ExtendedKeyUsageExtension);
      assert.ok(eku, 'the CSR requests an extendedKeyUsage extension');
      assert.deepEqual([...eku.usages], [x509.ExtendedKeyUsage.clientAuth]);
      assert.equal(eku.critical, false);
      const csrSpki = Buffer.from(csr.publicKey.rawData);
      assert.ok(csrSpki.equals(createPublicKey(key).export({ type: 'spki', format: 'der' }) as Buffer), 'the CSR carries the public key of the generated key');
    });

    it('parses and checks openssl-style subject lines', () => {
      assert.equal(formatSubjectLine(defaultCsrSubject('staging', 'MyApp')), '/CN=MyApp/O=NEXI/OU=API Security - STAGING/L=Milano/C=IT');
      assert.deepEqual(parseSubjectLine('/CN=MyApp/O=NEXI/OU=API Security - STAGING/L=Milano/C=IT/').subject, defaultCsrSubject('staging', 'MyApp'));
      assert.match(parseSubjectLine(formatSubjectLine(defaultCsrSubject('staging'))).problem!, /Replace APPNAME/);
      assert.match(parseSubjectLine('/CN=My App!/O=NEXI/OU=x/L=Milano/C=IT').problem!, /special characters/);
      assert.match(parseSubjectLine('/CN=MyApp/O=NEXI/L=Milano/C=IT').problem!, /OU=/);
      assert.match(parseSubjectLine('/CN=MyApp/O=NEXI/OU=x/L=Milano/C=it').problem!, /two-letter/);
      assert.match(parseSubjectLine('CN=MyApp').problem!, /Write the subject as/);
      assert.equal(defaultCsrSubject('production', 'MyApp').OU, 'API Security');
    });
  });

  describe('status for display', () => {
    it('reports an empty environment as not configured, with required fields missing', () => {
      const a = assessCredentials({ secrets: {}, plain: {} }, { flavour: 'staging', now });
      assert.equal(a.configured, false);
      const state = Object.fromEntries(a.fields.map((f) => [f.field, f.state]));
      assert.deepEqual(state, { clientId: 'missing', clientSecret: 'missing', certificate: 'missing', privateKey: 'missing', caBundle: 'optional', softPosTerminalId: 'missing', mobilePosTerminalId: 'missing', merchantUsername: 'optional', deviceId: 'optional', pointOfSale: 'optional' });
    });

    it('shows set, expiring and invalid states, and never a secret value', () => {
      const expiring = certificate(key, { commonName: 'MyApp', validDays: 12 });
      const a = assessCredentials({ secrets: { clientSecret: 'TOP-SECRET-123', privateKey: encryptedPkcs8(key, 'pw'), privateKeyPassphrase: 'pw' }, plain: { clientId: 'app-1', certificate: expiring, softPosTerminalId: '12345678' } }, { flavour: 'staging', now });
      const byField = Object.fromEntries(a.fields.map((f) => [f.field, f]));
      assert.equal(byField.clientSecret!.state, 'set');
      assert.equal(byField.certificate!.state, 'expiring');
      assert.match(byField.certificate!.detail, /^MyApp — Expires in 12 days/);
      assert.equal(byField.privateKey!.state, 'set');
      assert.match(byField.privateKey!.detail, /RSA 2048, encrypted, passphrase stored/);
      assert.equal(byField.mobilePosTerminalId!.state, 'optional', 'one TID is enough');
      assert.doesNotMatch(JSON.stringify(a.fields), /TOP-SECRET-123|BEGIN|"pw"/);

      const mismatched = assessCredentials({ secrets: { privateKey: otherKey.pem }, plain: { certificate: cert } }, { flavour: 'staging', now });
      assert.equal(mismatched.fields.find((f) => f.field === 'certificate')!.state, 'invalid');
      assert.equal(mismatched.fields.find((f) => f.field === 'privateKey')!.state, 'invalid');
    });

    it('shows a PKCS#12 bundle with the key inside it, and a pending key from a CSR', () => {
      const a = assessCredentials({ secrets: { pkcs12: pkcs12(key, [cert], 'pw').toString('base64'), pkcs12Passphrase: 'pw', pendingPrivateKey: otherKey.pem }, plain: { certificate: cert } }, { flavour: 'staging', now });
      const byField = Object.fromEntries(a.fields.map((f) => [f.field, f]));
      assert.equal(a.mode, 'pkcs12');
      assert.equal(byField.pkcs12!.state, 'set');
      assert.match(byField.privateKey!.detail, /in the PKCS#12 bundle/);
      assert.equal(byField.pendingPrivateKey!.state, 'set');
      assert.ok(a.stored.key && a.stored.pendingKey);
    });

    it('marks a PKCS#12 bundle that no longer opens as invalid', () => {
      const a = assessCredentials({ secrets: { pkcs12: pkcs12(key, [cert], 'pw').toString('base64'), pkcs12Passphrase: 'other' }, plain: {} }, { flavour: 'staging', now: new Date(now.getTime() + day) });
      assert.equal(a.fields.find((f) => f.field === 'pkcs12')!.state, 'invalid');
    });
  });
});
