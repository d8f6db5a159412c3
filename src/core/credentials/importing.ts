// Where imported material goes. planImport() decides, from what a file holds and what is stored already, which
// fields to write and delete, what to check and what the user must confirm first. It writes nothing: the adapter
// applies the plan only after every check passed and every confirmation was given, so bad input changes nothing.
import { KeyObject, X509Certificate } from 'crypto';
import type { CertificateFlavour } from '../environments';
import { Finding, assertUsableKey, checkCertificate, clientAuthOid, expectedKey, inspectCertificate, publicKeyId, readPrivateKey } from './certificates';
import { keyUsageOf, readPkcs12 } from './containers';
import { CredentialError } from './errors';
import type { FieldId } from './fields';
import { Material } from './material';
import { msg, text } from './messages';
import { PemBlock } from './pem';

export type ImportTarget = 'auto' | 'certificate' | 'privateKey' | 'pkcs12' | 'caBundle';

export const importTargets: readonly ImportTarget[] = ['auto', 'certificate', 'privateKey', 'pkcs12', 'caBundle'];

/** The environment's client certificate as stored now, opened (keys decrypted in memory only). */
export interface StoredCertificateState {
  readonly mode: 'none' | 'pem' | 'pkcs12';
  readonly certificate?: X509Certificate;
  readonly key?: KeyObject;
  readonly pendingKey?: KeyObject;
  readonly pendingKeyPem?: string;
}

export interface ImportContext {
  readonly environmentLabel: string;
  readonly flavour: CertificateFlavour;
  readonly now: Date;
  readonly stored: StoredCertificateState;
  /**
   * Names the source in messages, e.g. `"nexi.p7b"` or `"the clipboard"` (in the reader's language; Italian messages
   * put it after a colon or in parentheses, so a bare noun such as "appunti" reads right).
   */
  readonly where: string;
}

export interface ImportPlan {
  /** Field → new value; `undefined` deletes the field. Fields not listed stay as they are. */
  readonly writes: Partial<Record<FieldId, string | undefined>>;
  /** One line for the user: what was imported. */
  readonly summary: string;
  readonly findings: readonly Finding[];
  /** Questions the user must answer "yes" to before the plan is applied. */
  readonly confirmations: readonly string[];
}

const date = (d: Date): string => d.toISOString().slice(0, 10);

function describeCertificate(certificate: X509Certificate): string {
  const info = inspectCertificate(certificate);
  return text('describeCertificate', { name: info.commonName ?? info.subject, date: date(info.notAfter) });
}

function sameKey(a: KeyObject | undefined, b: KeyObject | undefined): boolean {
  return !!a && !!b && publicKeyId(a) === publicKeyId(b);
}

function errorConfirmation(findings: readonly Finding[]): string[] {
  const errors = findings.filter((f) => f.severity === 'error');
  return errors.length ? [text('certificateHasProblems', { problems: errors.map((e) => e.message).join(' ') })] : [];
}

function replaceKeyConfirmation(ctx: ImportContext, newKey: KeyObject): string[] {
  const { stored } = ctx;
  if (!stored.key || sameKey(stored.key, newKey)) return [];
  return [text('replaceKey', { environment: ctx.environmentLabel })];
}

/** Certificate and key together (a PEM file with both, or a PKCS#12 bundle). */
function planPair(certificate: X509Certificate, key: KeyObject, ctx: ImportContext, writes: Partial<Record<FieldId, string | undefined>>): ImportPlan {
  assertUsableKey(key);
  const findings = checkCertificate(certificate, { now: ctx.now, flavour: ctx.flavour, key });
  return {
    writes: {
      certificate: inspectCertificate(certificate).pem,
      ...(sameKey(ctx.stored.pendingKey, key) ? { pendingPrivateKey: undefined } : {}),
      ...writes,
    },
    summary: text('pairSummary', { certificate: describeCertificate(certificate) }),
    findings,
    confirmations: [...replaceKeyConfirmation(ctx, key), ...errorConfirmation(findings)],
  };
}

function planPkcs12(der: Buffer, ctx: ImportContext, passphrase: string | undefined): ImportPlan {
  const contents = readPkcs12(der, passphrase ?? '');
  const plan = planPair(contents.certificate, contents.key, ctx, {
    pkcs12: der.toString('base64'),
    pkcs12Passphrase: passphrase ? passphrase : undefined,
    privateKey: undefined,
    privateKeyPassphrase: undefined,
  });
  return { ...plan, summary: text('pkcs12Summary', { summary: plan.summary }) };
}

function openKey(block: PemBlock, passphrase: string | undefined): KeyObject {
  const key = readPrivateKey(block, passphrase);
  assertUsableKey(key);
  return key;
}

function keyWrites(block: PemBlock, passphrase: string | undefined): Partial<Record<FieldId, string | undefined>> {
  return {
    privateKey: block.text,
    privateKeyPassphrase: block.encrypted ? passphrase : undefined,
    pkcs12: undefined,
    pkcs12Passphrase: undefined,
  };
}

function planKey(block: PemBlock, ctx: ImportContext, passphrase: string | undefined): ImportPlan {
  const key = openKey(block, passphrase);
  const { stored } = ctx;
  const confirmations = replaceKeyConfirmation(ctx, key);
  const findings: Finding[] = [];
  if (stored.certificate && !stored.certificate.checkPrivateKey(key)) {
    findings.push({ code: 'CERT_KEY_MISMATCH', severity: 'error', message: text('keyNotForCertificate', { certificate: describeCertificate(stored.certificate) }) });
    confirmations.push(text('keyNotForCertificateConfirm', { certificate: describeCertificate(stored.certificate) }));
  }
  const bits = key.asymmetricKeyDetails?.modulusLength;
  return {
    writes: { ...keyWrites(block, passphrase), ...(sameKey(stored.pendingKey, key) ? { pendingPrivateKey: undefined } : {}) },
    summary: text(block.encrypted ? 'keySummaryEncrypted' : 'keySummary', { bits: String(bits) }),
    findings,
    confirmations,
  };
}

function planCertificate(certificate: X509Certificate, ctx: ImportContext): ImportPlan {
  const { stored } = ctx;
  const writes: Partial<Record<FieldId, string | undefined>> = { certificate: inspectCertificate(certificate).pem };
  let key = stored.key;
  let summary = describeCertificate(certificate);
  const confirmations: string[] = [];
  if (stored.pendingKey && stored.pendingKeyPem && certificate.checkPrivateKey(stored.pendingKey)) {
    // The certificate Nexi signed for the CSR made while another key was stored: the new key takes over.
    key = stored.pendingKey;
    Object.assign(writes, { privateKey: stored.pendingKeyPem, privateKeyPassphrase: undefined, pendingPrivateKey: undefined, pkcs12: undefined, pkcs12Passphrase: undefined });
    summary = text('pendingKeyTakesOver', { certificate: summary });
  } else if (stored.mode === 'pkcs12' && stored.key) {
    // A certificate on its own replaces the bundle's certificate: keep the bundle's key as a PEM key beside it.
    Object.assign(writes, { privateKey: stored.key.export({ type: 'pkcs8', format: 'pem' }) as string, privateKeyPassphrase: undefined, pkcs12: undefined, pkcs12Passphrase: undefined });
    confirmations.push(text('pkcs12CertificateReplaced', { environment: ctx.environmentLabel }));
  }
  const findings = checkCertificate(certificate, { now: ctx.now, flavour: ctx.flavour, ...(key ? { key } : {}) });
  return { writes, summary, findings, confirmations: [...confirmations, ...errorConfirmation(findings)] };
}

function planCaBundle(certificates: readonly X509Certificate[], ctx: ImportContext): ImportPlan {
  const findings: Finding[] = [];
  for (const c of certificates) {
    const info = inspectCertificate(c);
    if (!info.isCA) findings.push({ code: 'CERT_IS_CA', severity: 'warning', message: text('caNotCa', { name: info.commonName ?? info.subject }) });
    if (info.notAfter.getTime() <= ctx.now.getTime()) findings.push({ code: 'CERT_EXPIRED', severity: 'warning', message: text('caExpired', { name: info.commonName ?? info.subject, date: date(info.notAfter) }) });
  }
  return {
    writes: { caBundle: certificates.map((c) => inspectCertificate(c).pem).join('') },
    summary: text(certificates.length === 1 ? 'caBundleSummaryOne' : 'caBundleSummaryMany', { count: certificates.length }),
    findings,
    confirmations: [],
  };
}

function severalCertificates(material: Extract<Material, { kind: 'blocks' }>, ctx: ImportContext): CredentialError {
  const names = material.certificates.map((c) => `"${inspectCertificate(c).commonName ?? inspectCertificate(c).subject}"`).join(', ');
  if (material.pkcs7) {
    return new CredentialError('P7B_SEVERAL_CERTIFICATES', msg('p7bSeveralCertificates', { where: ctx.where, count: material.certificates.length, names }), msg('p7bSeveralCertificatesNext'));
  }
  return new CredentialError('SEVERAL_CERTIFICATES', msg('severalCertificates', { where: ctx.where, count: material.certificates.length, names }), msg('severalCertificatesNext'));
}

/**
 * Decides what importing `material` into an environment writes. `target` narrows what is expected ("a private key
 * was expected, this is a certificate"); 'auto' accepts whatever the material is. Throws a CredentialError for
 * anything unusable; the passphrase opens an encrypted key or a PKCS#12 bundle.
 */
export function planImport(material: Material, target: ImportTarget, ctx: ImportContext, passphrase?: string): ImportPlan {
  if (material.kind === 'pkcs12') {
    if (target === 'caBundle') throw new CredentialError('EXPECTED_CA_CERTIFICATES', msg('pkcs12IntoCaBundle'), msg('pkcs12IntoCaBundleNext'));
    return planPkcs12(material.der, ctx, passphrase);
  }
  if (target === 'pkcs12') throw new CredentialError('EXPECTED_PKCS12', msg('notPkcs12', { where: ctx.where }), msg('notPkcs12Next'));
  const { certificates, keys } = material;

  if (target === 'caBundle') {
    if (keys.length) throw new CredentialError('EXPECTED_CA_CERTIFICATES', msg('caBundleHasKey', { where: ctx.where }), msg('caBundleHasKeyNext'));
    if (!certificates.length) throw new CredentialError('EXPECTED_CA_CERTIFICATES', msg('caBundleNoCertificate', { where: ctx.where }), msg('caBundleNoCertificateNext'));
    return planCaBundle(certificates, ctx);
  }
  if (keys.length > 1) throw new CredentialError('SEVERAL_KEYS', msg('severalKeys', { where: ctx.where, count: keys.length }), msg('severalKeysNext'));

  const key = keys[0];
  if (key && certificates.length > 0) {
    // A key with its certificate (e.g. cert + key in one PEM, or a full chain): the certificate of this key.
    const opened = openKey(key, passphrase);
    const own = certificates.find((c) => c.checkPrivateKey(opened));
    if (!own) throw new CredentialError('CERTIFICATE_KEY_MISMATCH', msg('certificateKeyMismatch', { where: ctx.where }), msg('certificateKeyMismatchNext'));
    return planPair(own, opened, ctx, keyWrites(key, passphrase));
  }
  if (target === 'privateKey') {
    if (!key) throw expectedKey(certificates.length ? 'certificate' : material.csrs ? 'csr' : 'publicKey');
    return planKey(key, ctx, passphrase);
  }
  if (target === 'certificate') {
    if (!certificates.length) {
      if (key) throw new CredentialError('EXPECTED_CERTIFICATE_GOT_KEY', msg('expectedCertificateGotKey'), msg('expectedCertificateGotKeyNext'));
      throw csrInsteadOfCertificate(material.csrs);
    }
    if (certificates.length > 1) throw severalCertificates(material, ctx);
    return planCertificate(certificates[0]!, ctx);
  }
  // auto
  if (key) return planKey(key, ctx, passphrase);
  if (!certificates.length) throw csrInsteadOfCertificate(material.csrs);
  if (material.pkcs7) {
    if (certificates.length > 1) throw severalCertificates(material, ctx);
    return planCertificate(certificates[0]!, ctx);
  }
  if (certificates.length === 1) return routeCertificate(certificates[0]!, ctx) === 'caBundle' ? planCaBundle(certificates, ctx) : planCertificate(certificates[0]!, ctx);
  if (certificates.every((c) => c.ca)) return planCaBundle(certificates, ctx);
  throw severalCertificates(material, ctx);
}

/**
 * Where one certificate imported without a target goes. The developer certificate: one that belongs to the stored
 * key or to the key made with a pending CSR, one issued for TLS client authentication, or any non-CA certificate.
 * A CA certificate without clientAuth is an extra CA when its key usage says so (certificate signing, no digital
 * signature) or when a stored key shows it is not ours. Otherwise it is `'ask'`: a developer's self-signed
 * certificate often carries CA:TRUE without key usage (OpenSSL's default for `req -x509`).
 */
export function routeCertificate(certificate: X509Certificate, ctx: Pick<ImportContext, 'stored'>): 'certificate' | 'caBundle' | 'ask' {
  const keys = [ctx.stored.key, ctx.stored.pendingKey].filter((k): k is KeyObject => !!k);
  if (keys.some((k) => certificate.checkPrivateKey(k))) return 'certificate';
  const info = inspectCertificate(certificate);
  if (info.extendedKeyUsage?.includes(clientAuthOid) || !info.isCA) return 'certificate';
  if (keys.length > 0) return 'caBundle';
  const usage = keyUsageOf(certificate);
  return usage && usage.keyCertSign && !usage.digitalSignature ? 'caBundle' : 'ask';
}

export interface ImportChoice {
  readonly target: 'certificate' | 'caBundle';
  readonly label: string;
  readonly detail: string;
}

/**
 * The question to ask before an 'auto' import whose certificate could be either the developer certificate or an
 * extra CA (see routeCertificate); undefined when the material decides by itself.
 */
export function importQuestion(material: Material, ctx: ImportContext): { readonly question: string; readonly choices: readonly ImportChoice[] } | undefined {
  if (material.kind !== 'blocks' || material.keys.length || material.pkcs7 || material.certificates.length !== 1) return undefined;
  const certificate = material.certificates[0]!;
  if (routeCertificate(certificate, ctx) !== 'ask') return undefined;
  const name = inspectCertificate(certificate).commonName ?? inspectCertificate(certificate).subject;
  return {
    question: text('askCertificateOrCa', { name, where: ctx.where, environment: ctx.environmentLabel }),
    choices: [
      { target: 'certificate', label: text('choiceCertificate'), detail: text('choiceCertificateDetail') },
      { target: 'caBundle', label: text('choiceCaBundle'), detail: text('choiceCaBundleDetail') },
    ],
  };
}

function csrInsteadOfCertificate(csrs: number): CredentialError {
  if (csrs) {
    return new CredentialError('EXPECTED_CERTIFICATE_GOT_CSR', msg('expectedCertificateGotCsr'), msg('expectedCertificateGotCsrNext'));
  }
  return new CredentialError('NOTHING_FOUND', msg('publicKeyOnly'), msg('publicKeyOnlyNext'));
}
