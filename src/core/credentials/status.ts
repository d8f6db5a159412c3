// The state of one environment's credentials, as the tree shows it: per field set / missing / expiring / invalid,
// with the checks of certificates.ts run again on display (a certificate that was fine at import expires later).
// The values come in, only verdicts come out: nothing here returns or describes a secret's value.
import { KeyObject, X509Certificate, createPrivateKey } from 'crypto';
import type { CertificateFlavour } from '../environments';
import { CertificateInfo, Finding, checkCertificate, inspectCertificate, readPrivateKey } from './certificates';
import { readPkcs12 } from './containers';
import { isCredentialError } from './errors';
import { FieldId, PlainField, SecretField, fieldSpec, plainFields, secretFields } from './fields';
import type { StoredCertificateState } from './importing';
import { text } from './messages';
import { parsePem } from './pem';

export interface CredentialValues {
  readonly secrets: Partial<Record<SecretField, string>>;
  readonly plain: Partial<Record<PlainField, string>>;
}

export type FieldState = 'set' | 'missing' | 'optional' | 'expiring' | 'invalid';

export interface FieldStatus {
  readonly field: FieldId;
  readonly state: FieldState;
  /** Short text for the tree (never a secret), in the current core locale. */
  readonly detail: string;
  readonly findings: readonly Finding[];
}

export interface CredentialAssessment {
  /** Anything at all is stored for the environment. */
  readonly configured: boolean;
  readonly mode: StoredCertificateState['mode'];
  /** The fields the tree shows, in display order (PKCS#12 and the pending key only when present). */
  readonly fields: readonly FieldStatus[];
  readonly certificate?: CertificateInfo;
  /** The opened certificate and keys, for import planning. */
  readonly stored: StoredCertificateState;
}

interface Opened {
  readonly stored: StoredCertificateState;
  readonly keyProblem?: string;
  readonly pendingProblem?: string;
}

function problemOf(err: unknown): string {
  return isCredentialError(err) ? err.localizedMessage : text('couldNotBeRead');
}

function firstCertificate(pem: string): X509Certificate {
  const block = parsePem(pem).find((b) => b.kind === 'certificate');
  if (!block) throw new Error('no certificate');
  return new X509Certificate(block.der);
}

/** Opens what is stored: the certificate, the key (from PEM or PKCS#12) and a pending key, in memory only. */
function openStoredCredentials(values: CredentialValues): Opened {
  const { secrets, plain } = values;
  let certificate: X509Certificate | undefined;
  try {
    certificate = plain.certificate ? firstCertificate(plain.certificate) : undefined;
  } catch {
    certificate = undefined;
  }
  let key: KeyObject | undefined;
  let keyProblem: string | undefined;
  let mode: StoredCertificateState['mode'] = 'none';
  if (secrets.pkcs12) {
    mode = 'pkcs12';
    try {
      const contents = readPkcs12(Buffer.from(secrets.pkcs12, 'base64'), secrets.pkcs12Passphrase ?? '');
      key = contents.key;
      certificate ??= contents.certificate;
    } catch (err) {
      keyProblem = problemOf(err);
    }
  } else if (secrets.privateKey) {
    mode = 'pem';
    try {
      const block = parsePem(secrets.privateKey).find((b) => b.kind === 'privateKey');
      if (!block) throw new Error('no key');
      key = readPrivateKey(block, secrets.privateKeyPassphrase);
    } catch (err) {
      keyProblem = problemOf(err);
    }
  } else if (certificate) {
    mode = 'pem';
  }
  let pendingKey: KeyObject | undefined;
  let pendingProblem: string | undefined;
  if (secrets.pendingPrivateKey) {
    try {
      pendingKey = createPrivateKey(secrets.pendingPrivateKey);
    } catch {
      pendingProblem = text('couldNotBeRead');
    }
  }
  return {
    stored: {
      mode,
      ...(certificate ? { certificate } : {}),
      ...(key ? { key } : {}),
      ...(pendingKey ? { pendingKey, pendingKeyPem: secrets.pendingPrivateKey! } : {}),
    },
    ...(keyProblem ? { keyProblem } : {}),
    ...(pendingProblem ? { pendingProblem } : {}),
  };
}

const date = (d: Date): string => d.toISOString().slice(0, 10);

function stateOf(findings: readonly Finding[]): FieldState {
  if (findings.some((f) => f.severity === 'error')) return 'invalid';
  return findings.some((f) => f.code === 'CERT_EXPIRING') ? 'expiring' : 'set';
}

function plainStatus(field: PlainField, value: string | undefined, optional = fieldSpec(field).optional): FieldStatus {
  if (value) return { field, state: 'set', detail: value, findings: [] };
  return { field, state: optional ? 'optional' : 'missing', detail: optional ? text('notSetOptional') : text('missing'), findings: [] };
}

/** Assesses the stored credentials of one environment for display. */
export function assessCredentials(values: CredentialValues, options: { flavour: CertificateFlavour; now: Date }): CredentialAssessment {
  const { secrets, plain } = values;
  const opened = openStoredCredentials(values);
  const { stored } = opened;
  const fields: FieldStatus[] = [];

  fields.push(plainStatus('clientId', plain.clientId));
  fields.push(secrets.clientSecret ? { field: 'clientSecret', state: 'set', detail: text('secretStored'), findings: [] } : { field: 'clientSecret', state: 'missing', detail: text('missing'), findings: [] });

  let certificate: CertificateInfo | undefined;
  if (stored.certificate) {
    certificate = inspectCertificate(stored.certificate);
    const findings = checkCertificate(stored.certificate, { now: options.now, flavour: options.flavour, ...(stored.key ? { key: stored.key } : {}) });
    const state = stateOf(findings);
    const lead = findings.find((f) => f.severity === 'error') ?? findings.find((f) => f.code === 'CERT_EXPIRING');
    const name = certificate.commonName ?? certificate.subject;
    fields.push({ field: 'certificate', state, detail: lead ? `${name} — ${lead.message}` : text('certificateExpires', { name, date: date(certificate.notAfter) }), findings });
  } else if (plain.certificate) {
    fields.push({ field: 'certificate', state: 'invalid', detail: text('storedCertificateUnreadable'), findings: [] });
  } else {
    fields.push({ field: 'certificate', state: 'missing', detail: text('missing'), findings: [] });
  }

  if (stored.mode === 'pkcs12') {
    fields.push(opened.keyProblem ? { field: 'pkcs12', state: 'invalid', detail: opened.keyProblem, findings: [] } : { field: 'pkcs12', state: 'set', detail: text('pkcs12Stored'), findings: [] });
  }
  if (opened.keyProblem && stored.mode === 'pem') {
    fields.push({ field: 'privateKey', state: 'invalid', detail: opened.keyProblem, findings: [] });
  } else if (stored.key) {
    const bits = stored.key.asymmetricKeyDetails?.modulusLength;
    const mismatch = stored.certificate && !stored.certificate.checkPrivateKey(stored.key);
    const where = text(stored.mode === 'pkcs12' ? 'keyInPkcs12' : secrets.privateKeyPassphrase ? 'keyEncryptedPassphraseStored' : 'keyStored');
    fields.push(
      mismatch
        ? { field: 'privateKey', state: 'invalid', detail: text('keyDoesNotMatchCertificate'), findings: [{ code: 'CERT_KEY_MISMATCH', severity: 'error', message: text('keyDoesNotMatchCertificateFinding') }] }
        : { field: 'privateKey', state: 'set', detail: `${String(stored.key.asymmetricKeyType).toUpperCase()} ${bits ?? ''}, ${where}`.replace(' ,', ','), findings: [] },
    );
  } else if (stored.mode !== 'pkcs12') {
    fields.push({ field: 'privateKey', state: 'missing', detail: text('missing'), findings: [] });
  }
  if (secrets.pendingPrivateKey) {
    fields.push(opened.pendingProblem ? { field: 'pendingPrivateKey', state: 'invalid', detail: opened.pendingProblem, findings: [] } : { field: 'pendingPrivateKey', state: 'set', detail: text('pendingKeyAwaiting'), findings: [] });
  }

  if (plain.caBundle) {
    let count = 0;
    try {
      count = parsePem(plain.caBundle).filter((b) => b.kind === 'certificate').length;
    } catch {
      count = 0;
    }
    fields.push(count ? { field: 'caBundle', state: 'set', detail: text(count === 1 ? 'caCountOne' : 'caCountMany', { count }), findings: [] } : { field: 'caBundle', state: 'invalid', detail: text('caBundleUnreadable'), findings: [] });
  } else {
    fields.push(plainStatus('caBundle', undefined));
  }

  // terminal_ids holds one or two TIDs (spec §14.6): with none, both are missing; with one, the other is optional.
  const anyTerminal = !!(plain.softPosTerminalId || plain.mobilePosTerminalId);
  fields.push(plainStatus('softPosTerminalId', plain.softPosTerminalId, anyTerminal));
  fields.push(plainStatus('mobilePosTerminalId', plain.mobilePosTerminalId, anyTerminal));
  fields.push(plainStatus('merchantUsername', plain.merchantUsername));
  fields.push(plainStatus('deviceId', plain.deviceId));
  fields.push(plainStatus('pointOfSale', plain.pointOfSale));

  const configured = secretFields.some((f) => !!secrets[f]) || plainFields.some((f) => !!plain[f]);
  return { configured, mode: stored.mode, fields, ...(certificate ? { certificate } : {}), stored };
}
