// Redaction for anything that may be logged or shown: house style §6 — the logger redacts whatever looks
// like a bearer token, a JWE/JWS, a PEM block or a client secret, and never shows an unmasked PAN.
import { detached } from './text';

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
 * Masks every card number that passes the Luhn check, keeping the first 6 and last 4 digits (PCI DSS): a run of 13–19
 * digits, or one written in groups ("4111 1111 1111 1111", "3782-822463-10005", "4111%201111%201111%201111": see
 * {@link maskGroups}). `keep` lists digit strings known to be identifiers, not card numbers (a 13-digit epoch-millisecond
 * callerTrxId passes Luhn one time in ten).
 */
export function maskPans(text: string, keep?: ReadonlySet<string>): string {
  if (text.length < 13) return text; // no card number (most keys, values and sentences)
  const shapes = panShapes(text);
  if (shapes === 0) return text;
  // The few short texts that get this far come again and again in a log (an EMV value with a long run of digits, in
  // every URI of a terminal), and hold no card number: looked at once. Only texts found to hold none are kept (no card
  // number is held for longer than its text), and only when nothing is kept (a kept identifier can be one).
  if (text.length <= cleanLimit && cleanTexts.has(text)) return text;
  const runs = shapes & runShape ? text.replace(panRuns, (digits) => (luhnValid(digits) && !keep?.has(digits) ? maskPan(digits) : digits)) : text;
  const out = shapes & groupShape ? maskGroups(runs, (digits) => luhnValid(digits) && !keep?.has(digits)) : runs;
  if (out === text && (keep === undefined || keep.size === 0) && text.length <= cleanLimit) {
    if (cleanTexts.size >= cleanCount) cleanTexts.clear();
    // A copy: a slice of a log keeps the whole piece it was cut from alive.
    cleanTexts.add(detached(text));
  }
  return out;
}

/** Texts of card-number shape found lately to hold none, keeping nothing (see maskPans): at most this many, this long. */
const cleanTexts = new Set<string>();
const cleanCount = 256;
const cleanLimit = 256;

/**
 * Masks every card number, Luhn-valid or not (a mistyped PAN is still a PAN): what a field that holds one (`pan`,
 * CT112) shows. Runs of 13–19 digits and numbers written in groups.
 */
export function maskEveryPan(text: string): string {
  const runs = text.replace(/\d{13,19}/g, (d) => maskPan(d));
  return panShapes(text) & groupShape ? maskGroups(runs, () => true) : runs;
}

/** Runs of 13–19 digits: what maskPans looks at first. */
const panRuns = /(?<![0-9])[0-9]{13,19}(?![0-9])/g;

/** Whether `text` holds what maskPans masks when it keeps nothing. */
export function holdsPan(text: string | undefined): boolean {
  // The texts that get past maskPans' first looks are few and come again: those found clean are known after.
  return text !== undefined && maskPans(text) !== text;
}

/** The length of the separator a card number's groups can have at `i` (a space, `-`, `+`, `%20`), or 0. */
function separatorAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 32 || c === 45 || c === 43) return 1;
  return c === 37 && text.charCodeAt(i + 1) === 50 && text.charCodeAt(i + 2) === 48 ? 3 : 0;
}

/**
 * Masks the card numbers written in groups where `mask(digits)` says so: two or more groups of 3–6 digits, each
 * joined to the next by one separator (a space, `-`, `+`, or `%20` as a query writes a space), 13–19 digits in all.
 * Card numbers are printed and typed that way (4-4-4-4, Amex 4-6-5, 4-4-4-4-3); dates, times, phone numbers and
 * amounts have shorter groups or fewer digits. In a longer chain of groups, each part of 13–19 digits is looked at,
 * leftmost and longest first. A run of 13–19 digits right after `%20` is looked at too. The digits are masked as
 * maskPan does, the separators kept.
 */
function maskGroups(text: string, mask: (digits: string) => boolean): string {
  // The digit runs of the text (`%20` is a separator, not digits), [start, end) each.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (separatorAt(text, i) === 3) i += 3;
    else if (isDigit(text.charCodeAt(i))) {
      const start = i;
      while (i < text.length && isDigit(text.charCodeAt(i)) && separatorAt(text, i) !== 3) i++;
      starts.push(start);
      ends.push(i);
    } else i++;
  }
  let out: string[] | undefined;
  let copied = 0;
  const grouped = (k: number): boolean => ends[k]! - starts[k]! >= 3 && ends[k]! - starts[k]! <= 6;
  const joined = (k: number): boolean => grouped(k) && grouped(k + 1) && separatorAt(text, ends[k]!) === starts[k + 1]! - ends[k]!;
  for (let a = 0; a < starts.length; a++) {
    let best = -1;
    let digits = text.slice(starts[a]!, ends[a]!);
    let candidate = '';
    // A run of 13–19 digits alone is one the first pass could not see: after `%20` ("Shop%204111…" read as 204111…).
    if (digits.length >= 13 && digits.length <= 19 && mask(digits)) {
      best = a;
      candidate = digits;
    }
    if (!grouped(a) && best < 0) continue;
    // The longest part from group `a` that is a card number to mask.
    for (let b = a; b + 1 < starts.length && joined(b); b++) {
      digits += text.slice(starts[b + 1]!, ends[b + 1]!);
      if (digits.length > 19) break;
      if (digits.length >= 13 && mask(digits)) {
        best = b + 1;
        candidate = digits;
      }
    }
    if (best < 0) continue;
    out ??= [];
    const masked = maskPan(candidate);
    let d = 0;
    for (let k = a; k <= best; k++) {
      out.push(text.slice(copied, starts[k]!), masked.slice(d, d + ends[k]! - starts[k]!));
      d += ends[k]! - starts[k]!;
      copied = ends[k]!;
    }
    a = best;
  }
  return out === undefined ? text : out.join('') + text.slice(copied);
}

/** A run of 13 digits or more (what the first pass, `panRuns`, looks at). */
const runShape = 1;
/** 13 digits or more in a stretch of digits and separators, with a separator among them (what maskGroups reads). */
const groupShape = 2;

/**
 * Which shapes of card number `text` may hold (`runShape`, `groupShape`, both or none), in one look at one character in
 * 13: any 13 characters in a row include one of those looked at (and a stretch once measured is passed over whole,
 * so the next look is 13 past its end). A digit or a separator with a
 * digit beside it is measured: the stretch of digits and separators around it, its longest run of digits (`%20`'s
 * digits count there, as the first pass reads them), its digits without those of `%20`, and its separators. A space of
 * prose, and a run of `%20`s (a padded acquirerName, as Nexi POS sends it), pass at once: most texts hold neither shape.
 */
function panShapes(text: string): number {
  // Neither shape without 13 characters in a row that could be part of one, starting with a digit: most texts (a
  // date, an amount, a TID, a sentence) are passed over here by the regular expression engine, which reads strings of
  // every kind V8 makes at full speed (the loop below looked `charCodeAt` up anew for each, among a dozen kinds).
  // Before that, a cheaper look (~5x faster on the texts a decode masks): every shape holds six digits in a row, or
  // two groups of at least three joined by a separator, which the engine finds skipping three characters at a time.
  if (!panHint.test(text) || !panStretch.test(text)) return 0;
  const n = 13;
  let shapes = 0;
  for (let i = n - 1; i < text.length; i += n) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      // The run of digits first: most runs (after `=`, in a date or an amount) have no separator beside them.
      let from = i;
      while (from > 0 && isDigit(text.charCodeAt(from - 1))) from--;
      let to = i + 1;
      while (to < text.length && isDigit(text.charCodeAt(to))) to++;
      if (to - from >= n) shapes |= runShape;
      // Looked at only inside the text: a read past either end costs the optimised loop its code ("out of bounds").
      if (!(from > 0 && isGroupChar(text.charCodeAt(from - 1))) && !(to < text.length && isGroupChar(text.charCodeAt(to)))) {
        if (shapes === (runShape | groupShape)) return shapes;
        i = to;
        continue;
      }
    } else {
      if (!isGroupChar(c)) continue;
      // In a number written in groups every separator has a digit beside it (`%20` the `2` after its `%`).
      if (!isDigit(text.charCodeAt(i - 1)) && !isDigit(text.charCodeAt(i + 1))) continue;
    }
    let start = i;
    while (start > 0 && isGroupChar(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < text.length && isGroupChar(text.charCodeAt(end))) end++;
    let digits = 0;
    let separators = 0;
    let run = 0;
    let longest = 0;
    for (let k = start; k < end; ) {
      const length = separatorAt(text, k);
      if (length === 3) {
        // `%20`: a separator, whose 2 and 0 start a run of digits as panRuns reads it.
        separators++;
        run = 2;
        if (run > longest) longest = run;
        k += 3;
      } else if (length === 1) {
        separators++;
        run = 0;
        k++;
      } else {
        if (isDigit(text.charCodeAt(k))) {
          digits++;
          if (++run > longest) longest = run;
        } else run = 0;
        k++;
      }
    }
    if (longest >= n) shapes |= runShape;
    if (digits >= n && separators > 0) shapes |= groupShape;
    if (shapes === (runShape | groupShape)) return shapes;
    i = end;
  }
  return shapes;
}

/** A digit and the next 12 characters digits or separators (isGroupChar): where 13 digits of a card number start. */
const panStretch = /[0-9][0-9 +%-]{12}/;
/**
 * What any card number maskPans masks holds: a run of 13–19 digits (or one after `%20`) has six digits in a row, and a
 * number in groups of 3–6 digits has a group's last three, a separator, and the next group's first three.
 */
const panHint = /[0-9]{3}(?:[ +-]|%20)?[0-9]{3}/;

function isGroupChar(c: number): boolean {
  return isDigit(c) || c === 32 || c === 45 || c === 43 || c === 37;
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
