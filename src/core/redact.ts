// Redaction for anything that may be logged or shown: house style §6 — the logger redacts whatever looks
// like a bearer token, a JWE/JWS, a PEM block or a client secret, and never shows an unmasked PAN.

const rules: ReadonlyArray<readonly [RegExp, string | ((m: string, ...g: string[]) => string)]> = [
  // key=value / "key": "value" pairs whose key names a secret.
  [
    /(["']?\b(?:client_secret|clientSecret|client_assertion|clientAssertion|access_token|accessToken|refresh_token|password|passphrase|secret|private_key|privateKey)\b["']?\s*[:=]\s*)(?!\[redacted)("[^"]*"|'[^']*'|[^\s&,;"'}]+)/gi,
    (_m, head: string) => `${head}[redacted]`,
  ],
  // PEM blocks (keys, certificates, CSRs), also when truncated (no END line).
  [/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?(?:-----END \1-----|$)/g, (_m, label: string) => `[redacted ${label.toLowerCase()}]`],
  // Authorization headers and bearer tokens.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, (_m, scheme: string) => `${scheme} [redacted]`],
  // Compact JWE (5 parts) and JWS/JWT (3 parts) — or any prefix of one, however short it was cut: base64url
  // starting with a JOSE header `eyJ` (`{"`), with whatever segments follow.
  [/\beyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)*/g, '[redacted jose]'],
];

/**
 * Masks every run of 13–19 digits that passes the Luhn check, keeping the first 6 and last 4 (PCI DSS). `keep` lists
 * digit runs known to be identifiers, not card numbers (a 13-digit epoch-millisecond callerTrxId passes Luhn one
 * time in ten).
 */
export function maskPans(text: string, keep?: ReadonlySet<string>): string {
  if (text.length < 13 || !hasDigitRun(text, 13)) return text; // no card number (most keys, values and sentences)
  return text.replace(panRuns, (digits) => (luhnValid(digits) && !keep?.has(digits) ? maskPan(digits) : digits));
}

/** Runs of 13–19 digits: what maskPans looks at. */
const panRuns = /(?<![0-9])[0-9]{13,19}(?![0-9])/g;

/** Whether `text` holds what maskPans masks when it keeps nothing: a Luhn-valid run of 13–19 digits. */
export function holdsPan(text: string | undefined): boolean {
  if (text === undefined || text.length < 13 || !hasDigitRun(text, 13)) return false;
  for (const m of text.matchAll(panRuns)) if (luhnValid(m[0])) return true;
  return false;
}

/**
 * Whether `text` holds `n` ASCII digits in a row. Any `n` characters in a row include one of the characters looked
 * at, which are `n` apart; a digit there is measured both ways. Text without such a run (most sentences, keys and
 * values) costs a look at one character in `n`.
 */
function hasDigitRun(text: string, n: number): boolean {
  for (let i = n - 1; i < text.length; i += n) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let start = i;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < text.length && end - start < n && isDigit(text.charCodeAt(end))) end++;
    if (end - start >= n) return true;
    // The run is shorter than `n`: any `n` in a row after it (from `end + 1` on) include `end + n`, looked at next.
    i = end;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function maskPan(digits: string): string {
  if (digits.length <= 10) return '*'.repeat(digits.length);
  return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * Returns `text` with secrets replaced. `knownSecrets` are exact values that must never appear (e.g. the
 * configured client secret); values shorter than 4 characters are ignored to avoid shredding ordinary text.
 */
export function redact(text: string, knownSecrets: readonly string[] = [], options: { keepDigits?: ReadonlySet<string> } = {}): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const [pattern, replacement] of rules) {
    out = out.replace(pattern, replacement as (m: string, ...g: string[]) => string);
  }
  return maskPans(out, options.keepDigits);
}

/** Fields whose values are identifiers, never card numbers, though they may be 13–19 digits long. */
export const identifierFields: ReadonlySet<string> = new Set(['callerTrxId', 'merchantId', 'f42', 'F42']);
