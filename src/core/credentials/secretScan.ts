// The secret linter's core: finds PEM private keys and known client secrets in text. Messages name what was found
// and where it should live instead, never the value.
import type { Diagnostic } from '../types';

export const secretDiagnosticCodes = {
  privateKey: 'NEXI-SEC001',
  clientSecret: 'NEXI-SEC002',
} as const;

export interface KnownSecret {
  readonly environmentLabel: string;
  readonly value: string;
}

/** Values shorter than this are not searched for: they would match ordinary text. */
export const minimumSecretLength = 8;

const begin = /-----BEGIN ((?:RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY)-----/g;

export function findSecrets(text: string, knownSecrets: readonly KnownSecret[] = []): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const m of text.matchAll(begin)) {
    const start = m.index;
    const endLine = `-----END ${m[1]}-----`;
    const endAt = text.indexOf(endLine, start);
    found.push({
      code: secretDiagnosticCodes.privateKey,
      severity: 'warning',
      message: `A private key (${m[1]}) in a file that is not git-ignored: it would be committed. Keep it in VS Code's SecretStorage ("Nexi: Import Certificate, Key or PKCS#12…") and delete it here, or git-ignore the file.`,
      range: { start, end: endAt < 0 ? start + m[0].length : endAt + endLine.length },
    });
  }
  for (const secret of knownSecrets) {
    if (secret.value.length < minimumSecretLength) continue;
    for (let at = text.indexOf(secret.value); at >= 0; at = text.indexOf(secret.value, at + secret.value.length)) {
      found.push({
        code: secretDiagnosticCodes.clientSecret,
        severity: 'warning',
        message: `The client secret of ${secret.environmentLabel} appears here, in a file that is not git-ignored. Keep it only in SecretStorage (the Nexi Credentials view) and remove it from this file; if it was committed, ask Nexi for a new secret.`,
        range: { start: at, end: at + secret.value.length },
      });
    }
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}
