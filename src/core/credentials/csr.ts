// "Create key and CSR for the Nexi portal": the equivalent of spec §14.2's
//   openssl req -nodes -newkey rsa:2048 -keyout NOMEAPP.key -out NOMEAPP.csr \
//     -subj '/CN=NOMEAPP/O=NEXI/OU=API Security - STAGING/L=Milano/C=IT/' -addext 'extendedKeyUsage=clientAuth'
// without openssl: Node generates the RSA-2048 key, node-forge (required lazily) encodes and signs the PKCS#10
// request with SHA-256, like openssl's default. Attribute strings are UTF8String except C (PrintableString), as
// openssl's default `string_mask = utf8only` writes them.
import { generateKeyPair } from 'crypto';
import type * as ForgeModule from 'node-forge';
import type { CertificateFlavour } from '../environments';
import { CredentialError } from './errors';
import { msg, text as textOf, type CredentialMessageKey, type MessageParams } from './messages';

export interface CsrSubject {
  readonly CN: string;
  readonly O: string;
  readonly OU: string;
  readonly L: string;
  readonly C: string;
}

export const subjectOrder: readonly (keyof CsrSubject)[] = ['CN', 'O', 'OU', 'L', 'C'];

/** The placeholder the user replaces with the app's name (Nexi's example uses NOMEAPP, "app name"). */
export const appNamePlaceholder = 'APPNAME';

/**
 * The subject of spec §14.2 for an environment. Nexi documents only the staging OU ("API Security - STAGING");
 * for production we drop " - STAGING" **[inference]**, and the user can edit every attribute before the CSR is made.
 */
export function defaultCsrSubject(flavour: CertificateFlavour, commonName = appNamePlaceholder): CsrSubject {
  return { CN: commonName, O: 'NEXI', OU: flavour === 'production' ? 'API Security' : 'API Security - STAGING', L: 'Milano', C: 'IT' };
}

/** openssl's `-subj` form: `/CN=MyApp/O=NEXI/OU=API Security - STAGING/L=Milano/C=IT`. */
export function formatSubjectLine(subject: CsrSubject): string {
  return subjectOrder.map((k) => `/${k}=${subject[k]}`).join('');
}

const valueCharacters = /^[A-Za-z0-9 .,'()\-_:&@]+$/;

type SubjectProblem = { readonly key: CredentialMessageKey; readonly params?: MessageParams };

function checkSubjectLine(line: string): { subject: CsrSubject } | { problem: SubjectProblem } {
  const text = line.trim().replace(/\/$/, '');
  if (!text.startsWith('/')) return { problem: { key: 'subjectFormat' } };
  const parts = text.slice(1).split('/');
  const values: Partial<Record<keyof CsrSubject, string>> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim();
    if (eq <= 0 || !(subjectOrder as readonly string[]).includes(key)) return { problem: { key: 'subjectUnknownAttribute', params: { part } } };
    if (values[key as keyof CsrSubject] !== undefined) return { problem: { key: 'subjectTwice', params: { key } } };
    if (value === '') return { problem: { key: 'subjectEmpty', params: { key } } };
    if (!valueCharacters.test(value)) return { problem: { key: 'subjectSpecialCharacters', params: { key } } };
    if (value.length > 64) return { problem: { key: 'subjectTooLong', params: { key } } };
    values[key as keyof CsrSubject] = value;
  }
  const missing = subjectOrder.filter((k) => values[k] === undefined);
  if (missing.length) return { problem: { key: 'subjectMissing', params: { missing: missing.map((k) => `${k}=`).join(', ') } } };
  if (values.CN === appNamePlaceholder) return { problem: { key: 'subjectPlaceholder', params: { placeholder: appNamePlaceholder } } };
  if (!/^[A-Za-z0-9._-]+$/.test(values.CN!)) return { problem: { key: 'subjectAppName' } };
  if (!/^[A-Z]{2}$/.test(values.C!)) return { problem: { key: 'subjectCountry' } };
  return { subject: values as CsrSubject };
}

/**
 * Parses and checks an openssl-style subject line. Nexi asks to avoid special characters (spec §14.2), so values
 * take letters, digits, spaces and . , ' ( ) - _ : & @ only; the app name (CN) takes letters, digits, "-", "_" and ".".
 * The problem is written in the current core locale.
 */
export function parseSubjectLine(line: string): { subject?: CsrSubject; problem?: string } {
  const checked = checkSubjectLine(line);
  return 'subject' in checked ? { subject: checked.subject } : { problem: textOf(checked.problem.key, checked.problem.params) };
}

export interface KeyAndCsr {
  /** Unencrypted PKCS#8 PEM: goes straight into SecretStorage and nowhere else. */
  readonly privateKeyPem: string;
  readonly csrPem: string;
}

export async function createKeyAndCsr(subject: CsrSubject): Promise<KeyAndCsr> {
  const checked = checkSubjectLine(formatSubjectLine(subject));
  if (!('subject' in checked)) throw new CredentialError('CSR_SUBJECT_INVALID', msg(checked.problem.key, checked.problem.params), msg('subjectInvalidNext'));
  const { privateKey, publicKey } = await new Promise<{ privateKey: string; publicKey: string }>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }, (err, pub, priv) =>
      err ? reject(err) : resolve({ privateKey: priv, publicKey: pub }),
    ),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const forge = require('node-forge') as typeof ForgeModule;
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(publicKey);
  csr.setSubject(
    subjectOrder.map((shortName) => ({
      shortName,
      value: checked.subject![shortName],
      // @types/node-forge types valueTagClass as a Class; forge reads it as the string Type.
      valueTagClass: (shortName === 'C' ? forge.asn1.Type.PRINTABLESTRING : forge.asn1.Type.UTF8) as unknown as ForgeModule.asn1.Class,
    })),
  );
  csr.setAttributes([{ name: 'extensionRequest', extensions: [{ name: 'extKeyUsage', clientAuth: true }] }]);
  csr.sign(forge.pki.privateKeyFromPem(privateKey) as ForgeModule.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { privateKeyPem: privateKey, csrPem: forge.pki.certificationRequestToPem(csr).replace(/\r\n/g, '\n') };
}
