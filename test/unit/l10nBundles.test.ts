// The extension's translations: package.nls.json / package.nls.it.json (the `%key%` strings of package.json) and
// l10n/bundle.l10n.json / l10n/bundle.l10n.it.json (every `vscode.l10n.t` message of src/, and every message the
// core and the CLI look up through l10n.ts). English is the source: package.nls.json holds exactly the keys
// package.json uses, bundle.l10n.json exactly the messages the sources pass to `vscode.l10n.t` plus the strings of
// the core's translated tables and literal `t()` calls (as `npm run l10n:export` writes it), and Italian has every
// entry of both with the same placeholders, the same command links and the same `code` spans.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { getL10nJson } from '@vscode/l10n-dev';
import { coreL10nEntries, scanSources, withCoreEntries, type BundleEntry } from '../../scripts/l10n-core';

const root = path.resolve(__dirname, '..', '..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;

type Strings = Record<string, string>;

const manifest = readJson<Record<string, unknown>>('package.json');
const nlsEn = readJson<Strings>('package.nls.json');
const nlsIt = readJson<Strings>('package.nls.it.json');
const bundleEn = readJson<Record<string, BundleEntry>>('l10n/bundle.l10n.json');
const bundleIt = readJson<Strings>('l10n/bundle.l10n.it.json');

/** `{0}` (vscode.l10n) and `{name}` placeholders, sorted, without repeats. */
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
/** Targets of `[…](command:…)` links. */
const commandLinks = (text: string): string[] => [...text.matchAll(/\]\((command:[^)]*)\)/g)].map((m) => m[1]!).sort();
/** `code` spans: parameter names, codes, setting ids, file names stay as they are (a translation may repeat one). */
const codeSpans = (text: string): string[] => [...new Set([...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!))].sort();

/** Every `%key%` string anywhere in package.json. */
function manifestKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([\w.:-]+)%$/.exec(value);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(value)) {
    for (const v of value) manifestKeys(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) manifestKeys(v, out);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

interface L10nCall {
  readonly file: string;
  readonly line: number;
  /** The message when the first argument is a string literal. */
  readonly message?: string;
  /** The first argument's text when it is not. */
  readonly nonLiteral?: string;
  /** Positional arguments after the message (undefined when they are given as one object). */
  readonly positional?: number;
}

/** Every `l10n.t(...)` call of the sources (`vscode.l10n.t`, or `l10n.t` of an imported `l10n`), by the TypeScript parser. */
function l10nCalls(): L10nCall[] {
  const calls: L10nCall[] = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 't' &&
        ((ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'l10n') ||
          (ts.isPropertyAccessExpression(node.expression.expression) && node.expression.expression.name.text === 'l10n'))
      ) {
        const [first, ...rest] = node.arguments;
        const where = { file: path.relative(root, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          const objectArgs = rest.length === 1 && ts.isObjectLiteralExpression(rest[0]!);
          calls.push({ ...where, message: first.text, ...(objectArgs ? {} : { positional: rest.length }) });
        } else {
          calls.push({ ...where, nonLiteral: first ? first.getText(source) : '(nothing)' });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

/** Italian entries equal to the English on purpose: proper names, codes, terms Italian keeps. */
// Words Italian keeps as they are (see the glossary in docs/l10n.md).
const sameInItalian = new Set(['displayName', 'staging', 'result 0', 'client id', 'client secret', 'checkTransaction', 'Client id (APP_ID)', 'Client secret', 'URI', '{description} ({notes})']);
// The core's entries that read the same in Italian: brand, product and standard names, parameter names, and templates
// of placeholders and words Italian keeps (byte, contactless).
const sameInItalianCore = new Set<string>([
  '{brand} contactless, kernel {kernel} ({application})',
  '{brand}, contactless',
  '{text}.',
  'callerTrxId {id}',
  '{meaning}, {key} {code}',
  'SoftPOS',
  'MobilePOS',
  'byte {byte}: {value} = {meaning}',
  'byte {byte} ({byteName}): {value} = {meaning}',
  'byte {byte} {bits}: {meaning}',
  '{count} byte',
  'ISO 8583/provenance',
  'EMV/provenance',
  'ISO 4217/provenance',
  'ISO 3166/provenance',
  'Third Party Data (Mastercard)',
  'Byte {from} ({name}): {hex}',
  'CVR byte {byte} {bits}: {meaning}',
  'CVR byte {byte} {bits} ({label}): {meaning}',
  'CVR byte {byte} {bits}: {meaning}: {value}',
  'EMV Common Core Definitions (CCD 4.1)',
  'Mastercard M/Chip Advance',
  'Visa',
  'Mastercard',
  'American Express',
  'JCB',
  'Discover',
  'UnionPay',
  'PagoBANCOMAT',
  'MobilePOS/product',
  'SoftPOS/product',
  '{outcome} (result {result})',
  'contactless/card entry',
]);


/** The English text of a bundle entry (a message with a context is `{ message, comment }`). */
const englishOf = (entry: BundleEntry): string => (typeof entry === 'string' ? entry : entry.message);

function checkTranslation(kind: string, en: Record<string, BundleEntry>, it: Strings): void {
  assert.deepEqual(Object.keys(it).sort(), Object.keys(en).sort(), `${kind}: Italian has exactly the English keys`);
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(en)) {
    const english = englishOf(entry);
    const italian = it[key];
    if (typeof italian !== 'string' || italian.trim() === '') {
      problems.push(`${key}: empty`);
      continue;
    }
    if (placeholders(italian).join() !== placeholders(english).join()) problems.push(`${key}: placeholders ${placeholders(italian).join()} ≠ ${placeholders(english).join()}`);
    if (commandLinks(italian).join() !== commandLinks(english).join()) problems.push(`${key}: command links differ`);
    if (codeSpans(italian).join('|') !== codeSpans(english).join('|')) problems.push(`${key}: code spans ${codeSpans(italian).join('|')} ≠ ${codeSpans(english).join('|')}`);
    if (italian === english && !sameInItalian.has(key) && !sameInItalianCore.has(key)) problems.push(`${key}: not translated`);
  }
  assert.deepEqual(problems, [], `${kind}: ${problems.length} problem(s)`);
}

describe('l10n: package.nls (contributions)', () => {
  it('package.nls.json has exactly the %keys% package.json uses, each with a non-empty English text', () => {
    const used = [...manifestKeys(manifest)].sort();
    assert.ok(used.length > 50, `package.json uses %keys% (${used.length})`);
    assert.deepEqual(Object.keys(nlsEn).sort(), used);
    for (const [key, text] of Object.entries(nlsEn)) assert.ok(text.trim(), key);
  });

  it('every user-visible contribution string is a %key% (commands, views, welcome, settings, walkthrough, tools)', () => {
    const c = manifest.contributes as Record<string, any>;
    const isKey = (v: unknown) => typeof v === 'string' && /^%[\w.:-]+%$/.test(v);
    const literal: string[] = [];
    const expect = (where: string, v: unknown) => {
      if (v !== undefined && !isKey(v)) literal.push(`${where}: ${String(v)}`);
    };
    expect('description', manifest.description);
    expect('displayName', manifest.displayName);
    const caps = manifest.capabilities as Record<string, { description?: string }>;
    for (const [k, v] of Object.entries(caps)) expect(`capabilities.${k}`, v.description);
    for (const cmd of c.commands) expect(cmd.command, cmd.title);
    for (const v of Object.values(c.views).flat() as any[]) expect(v.id, v.name);
    for (const w of c.viewsWelcome) expect(`viewsWelcome ${w.view}`, w.contents);
    const settings = (props: Record<string, any>, prefix: string): void => {
      for (const [id, p] of Object.entries(props)) {
        for (const f of ['description', 'markdownDescription', 'patternErrorMessage', 'deprecationMessage', 'markdownDeprecationMessage']) expect(`${prefix}${id}.${f}`, p[f]);
        for (const d of p.enumDescriptions ?? []) expect(`${prefix}${id}.enumDescriptions`, d);
        for (const d of p.markdownEnumDescriptions ?? []) expect(`${prefix}${id}.markdownEnumDescriptions`, d);
        if (p.items?.properties) settings(p.items.properties, `${prefix}${id}.items.`);
      }
    };
    for (const section of [c.configuration].flat()) settings(section.properties, '');
    for (const w of c.walkthroughs) {
      expect(w.id, w.title);
      expect(w.id, w.description);
      for (const s of w.steps) {
        expect(`${w.id}/${s.id}`, s.title);
        expect(`${w.id}/${s.id}`, s.description);
      }
    }
    for (const t of c.languageModelTools) {
      expect(t.name, t.displayName);
      expect(t.name, t.userDescription);
      // Written for the model: English on purpose.
      assert.ok(!isKey(t.modelDescription), `${t.name}: modelDescription stays English`);
    }
    assert.deepEqual(literal, []);
  });

  it('package.nls.it.json translates every entry: same placeholders, command links and code spans', () => {
    checkTranslation('package.nls.it.json', nlsEn, nlsIt);
  });

  it('the .vsix ships the translations (.vscodeignore allowlist)', () => {
    const allowed = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/).map((l) => l.trim());
    for (const entry of ['!package.nls.json', '!package.nls.*.json', '!l10n/**', '!media/**']) assert.ok(allowed.includes(entry), entry);
  });

  it('walkthrough media exist in both languages', () => {
    for (const nls of [nlsEn, nlsIt]) {
      for (const [key, file] of Object.entries(nls).filter(([k]) => k.endsWith('.media'))) {
        assert.ok(fs.existsSync(path.join(root, file)), `${key}: ${file} exists`);
        assert.match(fs.readFileSync(path.join(root, file), 'utf8'), /^# \S/, `${file} starts with a heading`);
      }
    }
    const italianMedia = Object.entries(nlsIt).filter(([k]) => k.endsWith('.media'));
    assert.ok(italianMedia.length >= 6 && italianMedia.every(([, f]) => f.endsWith('.it.md')));
  });
});

describe('l10n: bundles (vscode.l10n.t)', () => {
  const calls = l10nCalls();

  it('package.json points VS Code at the bundle directory', () => {
    assert.equal(manifest.l10n, './l10n');
    assert.ok(fs.existsSync(path.join(root, 'l10n', 'bundle.l10n.json')));
  });

  it('every vscode.l10n.t call passes its message as a string literal (the extractor cannot read anything else)', () => {
    assert.ok(calls.length > 100, `found the calls (${calls.length})`);
    assert.deepEqual(calls.filter((c) => c.nonLiteral !== undefined).map((c) => `${c.file}:${c.line}: ${c.nonLiteral}`), []);
  });

  it('vscode.l10n.t is only called outside the core (src/core never imports vscode)', () => {
    assert.deepEqual(calls.filter((c) => c.file.startsWith(path.join('src', 'core'))).map((c) => `${c.file}:${c.line}`), []);
  });

  it('every call gives an argument for each {n} of its message', () => {
    const short = calls.filter((c) => c.message !== undefined && c.positional !== undefined && placeholders(c.message).some((p) => /^\d+$/.test(p) && Number(p) >= c.positional!));
    assert.deepEqual(short.map((c) => `${c.file}:${c.line}: ${c.message}`), []);
  });

  it('the core and the CLI pass l10n.ts\'s t() a string literal message (the extractor cannot read anything else)', () => {
    const scan = scanSources();
    assert.deepEqual(scan.nonLiteral, []);
    assert.ok(scan.tableModules.length >= 5, `found the modules with translated tables (${scan.tableModules.length})`);
  });

  it('bundle.l10n.json holds exactly the messages of the sources (the parser\'s view) and of the core\'s tables', () => {
    const core = coreL10nEntries();
    const messages = [...new Set([...calls.flatMap((c) => (c.message !== undefined ? [c.message] : [])), ...Object.keys(core)])].sort();
    assert.deepEqual(Object.keys(bundleEn).sort(), messages);
    for (const [key, value] of Object.entries(bundleEn)) {
      if (typeof value === 'string') assert.equal(value, key, 'English values are their keys');
      else assert.equal(`${value.message}/${value.comment.join('')}`, key, 'a message with a context is keyed message/context');
    }
    // Messages the core looks up (CLI help, credentials, B2B errors) are part of the list.
    assert.ok(bundleEn['Started.'] && bundleEn['Timed out'] && bundleEn['{count} match/many'], 'core keys listed');
  });

  it('bundle.l10n.json is what `npm run l10n:export` writes now (no untranslated new string slips through)', async function () {
    this.timeout(60000);
    const files = sourceFiles(path.join(root, 'src')).map((f) => ({ contents: fs.readFileSync(f, 'utf8'), extension: path.extname(f) }));
    const exported = withCoreEntries(await getL10nJson(files));
    assert.deepEqual(bundleEn, exported, 'run `npm run l10n:export` and translate the new entries in l10n/bundle.l10n.it.json');
  });

  it('bundle.l10n.it.json translates every message (the adapters\' and the core\'s): same placeholders, command links and code spans', () => {
    checkTranslation('bundle.l10n.it.json', bundleEn, bundleIt);
  });

  it('translations keep what is not prose (a few spot checks)', () => {
    assert.equal(bundleIt["Send {0} to {1}, Nexi's production environment?"], "Inviare {0} a {1}, l'ambiente di produzione di Nexi?");
    assert.equal(bundleIt['Check transaction'], 'Verifica transazione');
    assert.match(bundleIt['"{0}" uses credentials or the network, which are off in Restricted Mode. Decoding and building URIs still work.']!, /modalità con restrizioni/);
    assert.match(nlsIt['command.checkTransaction.title']!, /^Verifica transazione…$/);
    assert.match(nlsIt['viewsWelcome.credentials.contents']!, /SecretStorage/);
  });
});
