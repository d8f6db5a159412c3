// The one localisation mechanism of the core, the CLI and the extension (issue #19).
//
// English is the source language and lives in the code: message tables of English templates (`{name}`
// placeholders) and the generated reference data. Every other language is data: the JSON bundles of
// `vscode.l10n` (`l10n/bundle.l10n.<locale>.json`, English message → translation; a message with a context is keyed
// `message/context`), read here through `@vscode/l10n` so the core and the CLI use the very files the extension's
// adapters use, and per-locale overlays for the reference data (`l10n/data/<dataset>.<locale>.json`, code →
// translated fields). Adding a language = adding those files.
//
// The locale is process state, set once by the extension (from `vscode.env.language`) or the CLI (`--lang`, LANG);
// text is looked up at call time, never captured at module load, so a switch takes effect at once. Log lines are
// always English: loggers never translate.
//
// `qps-ploc` is VS Code's pseudo-locale: every message comes back wrapped in ⟦…⟧ (placeholders intact) and every
// overlay field likewise, so a test can prove each user-visible string went through the catalog.

import * as fs from 'fs';
import * as path from 'path';
import { config as loadBundle, t as lookUp, type l10nJsonFormat } from '@vscode/l10n';

/** A BCP 47 language the toolkit speaks: `en`, a language with a bundle in `l10n/`, or the pseudo-locale. */
export type Locale = string;

export const sourceLocale = 'en';
export const pseudoLocale = 'qps-ploc';

type Bundle = Readonly<Record<string, string | { message: string; comment: string[] }>>;

let current: Locale = sourceLocale;
let root: string | undefined;
const bundles = new Map<Locale, Bundle>();
const overlays = new Map<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>();
// Overlaid entries per `dataset.locale`, per code: built once, so a hot loop reads the same object.
const mergedOverlays = new Map<string, Map<string, unknown>>();
let configuredFor: Locale | undefined;

/**
 * Where the `l10n/` folder is. The extension passes its own (`context.extensionUri`); otherwise it is found next
 * to the running code (`dist/` → `../l10n`, `src/core/` → `../../l10n`).
 */
export function configureL10n(options: { readonly root: string }): void {
  root = options.root;
  bundles.clear();
  overlays.clear();
  mergedOverlays.clear();
  configuredFor = undefined;
  locales = undefined;
}

function l10nRoot(): string {
  if (root !== undefined) return root;
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'l10n');
    if (fs.existsSync(path.join(candidate, 'bundle.l10n.json'))) return (root = candidate);
    dir = path.dirname(dir);
  }
  return (root = path.join(__dirname, '..', 'l10n'));
}

/** Every locale with a bundle, English first (the pseudo-locale is not listed: it is for tests). */
export function availableLocales(): Locale[] {
  return [...(locales ??= readLocales())];
}

// The bundle files of the root, read once per root (parseLocale asks for every tag it is given).
let locales: readonly Locale[] | undefined;

function readLocales(): Locale[] {
  let files: string[] = [];
  try {
    files = fs.readdirSync(l10nRoot());
  } catch {
    // No l10n folder (a stripped build): English only.
  }
  const found = files.map((f) => /^bundle\.l10n\.([a-z]{2,3}(?:-[a-z0-9]+)*)\.json$/i.exec(f)?.[1]?.toLowerCase()).filter((l): l is string => !!l);
  return [sourceLocale, ...[...new Set(found)].sort()];
}

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** Whether text is read in the source language (English): nothing to look up, a fast path, never a language branch. */
export function inSourceLocale(): boolean {
  return current === sourceLocale;
}

/** Runs `fn` with `locale` and restores the previous one, also when `fn` throws. */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const previous = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/**
 * A BCP 47 tag (`it`, `it-IT`, `en-US`) or a POSIX locale (`it_IT.UTF-8`, `C`) → a locale the toolkit speaks, or
 * undefined when it speaks none of it (callers fall back to English).
 */
export function parseLocale(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const trimmed = tag.trim().toLowerCase();
  if (trimmed === pseudoLocale) return pseudoLocale;
  const language = trimmed.split(/[-_.@:]/)[0];
  // English is always spoken: no need to list the bundles (activation in English reads no folder).
  if (language === 'c' || language === 'posix' || language === sourceLocale) return sourceLocale;
  return availableLocales().includes(language) ? language : undefined;
}

/**
 * The locale a terminal program should use, as gettext picks one: no locale or a `C`/`POSIX` one (the first set
 * of LC_ALL, LC_MESSAGES, LANG) means English; otherwise the first supported entry of LANGUAGE, then that locale;
 * English when none names a supported language.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  // No locale, or `C`, means untranslated whatever LANGUAGE says (GNU gettext); otherwise LANGUAGE's list comes first.
  if (posix === undefined || /^(c|posix)([._@]|$)/i.test(posix)) return sourceLocale;
  for (const entry of (env.LANGUAGE ?? '').split(':')) {
    const parsed = parseLocale(entry);
    if (parsed) return parsed;
  }
  return parseLocale(posix) ?? sourceLocale;
}

function pseudo(text: string): string {
  return `⟦${text}⟧`;
}

// Keyed by the bare message: `t` looks a message up without its context in the pseudo-locale, since a key
// `message/context` cannot be split back when the message itself holds a "/" (a URL).
const pseudoBundle: Bundle = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? pseudo(key) : undefined) });

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`The translation file ${file} is not valid JSON (${(e as Error).message}); reinstall the toolkit.`);
  }
}

/** The bundle of `locale` (English message → translation), read once per locale. */
export function bundleOf(locale: Locale): Bundle {
  if (locale === pseudoLocale) return pseudoBundle;
  let bundle = bundles.get(locale);
  if (!bundle) {
    bundle = locale === sourceLocale ? {} : ((readJson(path.join(l10nRoot(), `bundle.l10n.${locale}.json`)) as Bundle | undefined) ?? {});
    bundles.set(locale, bundle);
  }
  return bundle;
}

function configure(): void {
  if (configuredFor === current) return;
  loadBundle({ contents: bundleOf(current) as l10nJsonFormat });
  configuredFor = current;
}

/** Values substituted into `{name}` placeholders. */
export type MessageArgs = Readonly<Record<string, string | number | boolean>>;

/**
 * `message` (English, with `{name}` placeholders) in the current locale, its placeholders filled from `args`.
 * `context` tells apart one English message that needs two translations (the bundle key is `message/context`).
 */
export function t(message: string, args?: MessageArgs, context?: string): string {
  configure();
  return context === undefined || current === pseudoLocale ? lookUp(message, args ?? {}) : lookUp({ message, args: args ?? {}, comment: context });
}

/**
 * The current locale's wording of `text`, a string of a table registered with `translated` (so the completeness
 * tests know it): for code that holds such a string rather than its table key (the catalog's specs).
 */
export function tableText(text: string): string {
  return current === sourceLocale ? text : t(text);
}

/**
 * A translation of table `T`: the same keys, every string a string (literal types widened), nested tables
 * translated the same way.
 */
export type Translation<T> = T extends string
  ? string
  : T extends readonly (infer E)[]
    ? readonly Translation<E>[]
    : T extends object
      ? { readonly [K in keyof T]: Translation<T[K]> }
      : T;

/** Every English table handed to `translated`, with its context: the completeness tests walk them. */
export const translatedTables: { readonly name: string; readonly table: unknown; readonly context?: string }[] = [];

function translateDeep(value: unknown, context: string | undefined): unknown {
  if (typeof value === 'string') return t(value, undefined, context);
  if (Array.isArray(value)) return value.map((v) => translateDeep(v, context));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = translateDeep(v, context);
    return out;
  }
  return value;
}

/**
 * The current locale's copy of an English table of templates: every string looked up in the bundle (placeholders
 * kept, to be filled by the caller), built once per locale. `name` names the table in completeness reports.
 * `context` applies to the whole table; `contexts` gives some top-level entries their own (Italian agrees in gender,
 * so "declined" after "la transazione" and after "l'esito" are two bundle keys: `declined/transaction outcome`…).
 */
export function translated<T>(
  name: string,
  english: T,
  options: { readonly context?: string; readonly contexts?: { readonly [K in keyof T]?: string } } = {},
): () => Translation<T> {
  const contexts: Readonly<Record<string, string | undefined>> = options.contexts ?? {};
  const own = Object.keys(contexts);
  if (own.length === 0) translatedTables.push({ name, table: english, context: options.context });
  else {
    const rest = Object.fromEntries(Object.entries(english as object).filter(([k]) => !own.includes(k)));
    translatedTables.push({ name, table: rest, context: options.context });
    for (const k of own) translatedTables.push({ name: `${name}.${k}`, table: (english as Record<string, unknown>)[k], context: contexts[k] });
  }
  const copies = new Map<Locale, Translation<T>>();
  return () => {
    if (current === sourceLocale) return english as Translation<T>;
    let copy = copies.get(current);
    if (copy === undefined) {
      copy = (
        own.length === 0
          ? translateDeep(english, options.context)
          : Object.fromEntries(Object.entries(english as object).map(([k, v]) => [k, translateDeep(v, own.includes(k) ? contexts[k] : options.context)]))
      ) as Translation<T>;
      copies.set(current, copy);
    }
    return copy;
  };
}

/**
 * Replaces each `{name}` in `template` by `values[name]`. Unknown placeholders are left as they are, so a missing
 * value is visible in the output instead of silently vanishing.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  if (template.indexOf('{') < 0) return template;
  const parts = compiledTemplate(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

// Templates parsed once: filling a message was a tenth of explaining a log as a regex replace with a callback
// (measured with `npm run bench`). Templates come from the message tables, so the cache stays small; it is bounded
// all the same, in case a caller passes text of its own.
const templates = new Map<string, readonly string[]>();

/** `template` as text and placeholder names alternating (`['Amount ', 'value', '.']`), as `/\{(\w+)\}/g` reads it. */
function compiledTemplate(template: string): readonly string[] {
  let parts = templates.get(template);
  if (parts !== undefined) return parts;
  const out: string[] = [];
  let text = 0;
  for (let i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
    let e = i + 1;
    while (e < template.length && isWordChar(template.charCodeAt(e))) e++;
    if (e === i + 1 || template.charCodeAt(e) !== 125 /* } */) continue;
    out.push(template.slice(text, i), template.slice(i + 1, e));
    text = e + 1;
    i = e;
  }
  out.push(template.slice(text));
  parts = out;
  if (templates.size >= 4096) templates.clear();
  templates.set(template, parts);
  return parts;
}

/** `\w`: ASCII letters, digits and `_`. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `translated` for a flat table of messages: `say(key, values)` is the current locale's template, filled. */
export function translatedMessages<K extends string>(name: string, english: Readonly<Record<K, string>>): (key: K, values?: Readonly<Record<string, string | number>>) => string {
  const table = translated(name, english);
  return (key, values = {}) => fillTemplate((table() as Readonly<Record<string, string>>)[key]!, values);
}

/** The overlay of `dataset` in `locale` (code → translated fields), read once. */
export function overlayOf(dataset: string, locale: Locale): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
  const key = `${dataset}.${locale}`;
  let table = overlays.get(key);
  if (!table) {
    table = (readJson(path.join(l10nRoot(), 'data', `${dataset}.${locale}.json`)) as typeof table | undefined) ?? {};
    overlays.set(key, table);
  }
  return table;
}

function pseudoFields<T extends object>(english: T): T {
  const out = { ...english } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (typeof v === 'string') out[k] = pseudo(v);
  return out as T;
}

/**
 * Reference data in the current locale: the English entry of `dataset` for `code` with the locale's overlay fields
 * laid over it (fields the overlay lacks stay English). The one function every data table is translated by.
 */
export function overlay<T extends object>(dataset: string, code: string, english: T): T {
  if (current === sourceLocale) return english;
  const key = `${dataset}.${current}`;
  let merged = mergedOverlays.get(key);
  if (!merged) mergedOverlays.set(key, (merged = new Map()));
  let entry = merged.get(code) as T | undefined;
  if (entry === undefined) {
    if (current === pseudoLocale) entry = pseudoFields(english);
    else {
      const fields = overlayOf(dataset, current)[code];
      entry = fields ? ({ ...english, ...fields } as T) : english;
    }
    merged.set(code, entry);
  }
  return entry;
}
