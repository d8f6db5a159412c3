// The secret linter's core: finds PEM private keys and known client secrets in text. Messages name what was found
// and where it should live instead, never the value.
import type { Diagnostic } from '../types';
import { text as messageText } from './messages';

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
      message: messageText('secretPrivateKey', { label: m[1]! }),
      range: { start, end: endAt < 0 ? start + m[0].length : endAt + endLine.length },
    });
  }
  for (const secret of knownSecrets) {
    if (secret.value.length < minimumSecretLength) continue;
    for (let at = text.indexOf(secret.value); at >= 0; at = text.indexOf(secret.value, at + secret.value.length)) {
      found.push({
        code: secretDiagnosticCodes.clientSecret,
        severity: 'warning',
        message: messageText('secretClientSecret', { environment: secret.environmentLabel }),
        range: { start: at, end: at + secret.value.length },
      });
    }
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}
