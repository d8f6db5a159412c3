// The message catalog as a whole (issue #19): every message the core and the CLI look up is in every shipped
// locale's bundle with the same placeholders, no bundle entry is unused or written twice, overlays are for shipped
// locales (their codes and fields: l10nData.test.ts); and under the pseudo-locale `qps-ploc` what users read
// (decode Markdown and hovers, diagnostics, the reconciliation report, the check document, scenarios, the
// language-model tools, the CLI's text output) holds no English prose outside ⟦…⟧: every sentence went through the
// catalog.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { operations } from '../../src/core/app2app/catalog';
import { specSources, titledTags } from '../../src/core/codes/sources';
import { validateUri } from '../../src/core/app2app/validate';
import { checkResultMarkdown } from '../../src/core/explain/checkMarkdown';
import { decodeText, type UriExplanation } from '../../src/core/explain/explain';
import { decodeDocumentMarkdown, fieldMarkdown, parameterMarkdown, prose, summaryMarkdown } from '../../src/core/explain/markdown';
import { availableLocales, pseudoLocale, withLocale } from '../../src/core/l10n';
import { explainCodeMarkdown } from '../../src/core/lmTools';
import { NexiError } from '../../src/core/nexi/errors';
import { extractEntries, reconcile } from '../../src/core/reconcile/reconcile';
import { toMarkdown } from '../../src/core/reconcile/report';
import { describeScenario, scenarios } from '../../src/core/scenarios/catalog';
import { parseOutcome, simulate } from '../../src/core/simulator/simulate';
import { run } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { specExamples } from './app2appFixtures';
import { coreMessages, root, sourceFiles, tCalls, type CoreMessage } from './l10nKeys';

type BundleEntry = string | { readonly message: string; readonly comment: readonly string[] };

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const shipped = availableLocales().filter((l) => l !== 'en');
const bundles = new Map(shipped.map((l) => [l, readJson(`l10n/bundle.l10n.${l}.json`) as Record<string, BundleEntry>]));
/** The adapters' messages (`vscode.l10n.t`), as `npm run l10n:export` writes them (checked by l10nBundles.test.ts). */
const adapterKeys = new Set(Object.keys(readJson('l10n/bundle.l10n.json') as object));

const text = (entry: BundleEntry): string => (typeof entry === 'string' ? entry : entry.message);
const placeholders = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('l10n catalog: completeness', () => {
  const messages = coreMessages();

  it('finds the core\'s and the CLI\'s messages (tables and t() calls)', () => {
    assert.ok(messages.length > 300, `${messages.length} messages`);
    assert.ok(shipped.length > 0, 'at least one translation ships');
  });

  it('every t() of src/core and src/cli passes its message (and context) as a string literal', () => {
    assert.deepEqual(
      tCalls().filter((c) => c.nonLiteral !== undefined).map((c) => `${c.where}: ${c.nonLiteral}`),
      [],
    );
  });

  for (const locale of shipped) {
    it(`bundle.l10n.${locale}.json has every message of the core and the CLI, with the same placeholders`, () => {
      const bundle = bundles.get(locale)!;
      const missing: string[] = [];
      const wrong: string[] = [];
      const seen = new Set<string>();
      for (const m of messages) {
        if (seen.has(m.key)) continue;
        seen.add(m.key);
        const entry = bundle[m.key];
        if (entry === undefined) missing.push(`${m.where}: ${JSON.stringify(m.key)}`);
        else if (placeholders(text(entry)).join() !== placeholders(m.message).join()) wrong.push(`${m.where}: ${JSON.stringify(m.key)} has {${placeholders(text(entry)).join('}, {')}}`);
      }
      assert.deepEqual(missing, [], `${missing.length} message(s) missing from bundle.l10n.${locale}.json`);
      assert.deepEqual(wrong, [], `${wrong.length} translation(s) with other placeholders`);
    });

    it(`bundle.l10n.${locale}.json has no unused entry and no key twice`, () => {
      const used = new Set([...adapterKeys, ...messages.map((m: CoreMessage) => m.key)]);
      assert.deepEqual(Object.keys(bundles.get(locale)!).filter((k) => !used.has(k)), [], 'entries no code looks up');
      const raw = fs.readFileSync(path.join(root, 'l10n', `bundle.l10n.${locale}.json`), 'utf8');
      const keys = [...raw.matchAll(/^\s*("(?:[^"\\]|\\.)*")\s*:/gm)].map((m) => JSON.parse(m[1]!) as string);
      assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], 'keys written twice (JSON keeps only the last)');
    });
  }

  // Which codes and fields an overlay may hold is checked against the English data by l10nData.test.ts.
  it('every overlay is named <dataset>.<locale>.json for a shipped locale', () => {
    const dir = path.join(root, 'l10n', 'data');
    const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const problems = files.flatMap((file) => {
      const m = /^[A-Za-z0-9]+\.([a-z]{2,3}(?:-[a-z0-9]+)*)\.json$/.exec(file);
      return !m ? [`${file}: not named <dataset>.<locale>.json`] : shipped.includes(m[1]!) ? [] : [`${file}: ${m[1]} has no bundle`];
    });
    assert.deepEqual(problems, []);
  });
});

// ————— pseudo-locale —————

const now = new Date('2026-11-21T10:00:00Z');

/** URIs of the samples and of the fixtures: every request and result shape the tests know. */
function sampleTexts(): string[] {
  const out = [fs.readFileSync(path.join(root, 'samples', 'logcat.log'), 'utf8')];
  for (const f of ['NexiPosLauncher.kt', 'NexiPosLauncher.swift']) {
    for (const m of fs.readFileSync(path.join(root, 'samples', f), 'utf8').matchAll(/neximpos:\/\/[^"'\s$]+/g)) out.push(m[0]);
  }
  out.push(...Object.values(specExamples));
  // The result diagnostics (A2R…) and a few odd shapes.
  out.push(
    'demo://payment?result=0&amount=12x&callerTrxId=x&operationType=REVERSAL&pan=5333171234567890&timestamp=3213202317',
    'demo://payment?amount=1&callerTrxId=x',
    'demo://refund?result=0&callerTrxId=x',
    'demo://payment?result=21&amount=100&callerTrxId=x&actionCode=116&f39=000',
    'demo://last_transaction?result=0&callerTrxId=x&f39=116&f04=000000000100&CT105=0200',
    'neximpos://payment?amount=-5&callerTrxId=A&uri=x://y&hostTotal=1&foo=bar',
  );
  return out;
}

/** The values a rendering may repeat from its input: URIs, keys, raw and decoded values, EMV tags and values. */
function inputValues(explanations: readonly UriExplanation[]): string[] {
  const out: string[] = [];
  const tlv = (nodes: readonly { tag: string; value: string; children?: readonly unknown[] }[] | undefined): void => {
    for (const n of nodes ?? []) {
      out.push(n.tag, n.value);
      tlv(n.children as typeof nodes);
    }
  };
  for (const e of explanations) {
    out.push(e.text, e.scheme, e.authority);
    for (const f of e.fields) {
      out.push(f.key, f.rawValue ?? '', f.value ?? '');
      tlv(f.tlv);
    }
  }
  return out;
}

/** Titles of the Nexi pages the explanations cite: names, shown as published. */
const sourceTitles = Object.values(specSources).map((s) => s.title);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every catalog message, as written, as Markdown prose shows it (escaped, source tags turned into links) and as
 * the CLI prints it (source tags followed by their titles).
 */
const catalogTexts = [...new Set([...coreMessages().map((m) => m.message), ...adapterKeys].flatMap((m) => [m, prose(m), titledTags(m)]))];

/** Every catalog template with placeholders, as a pattern whose groups are the arguments filled in. */
const templates = catalogTexts
  .filter((t) => /\{\w+\}/.test(t))
  .map((t) => {
    const parts = t.split(/\{\w+\}/);
    return {
      literal: parts.reduce((a, b) => (b.length > a.length ? b : a), ''),
      size: parts.join('').length,
      pattern: new RegExp(`^${parts.map(escapeRegExp).join('([\\s\\S]*?)')}$`),
    };
  })
  // Templates that are mostly placeholders (`{text}.`, `{meaning}, {key} {code}`) would match any sentence.
  .filter((t) => t.size >= 4)
  // The most specific first.
  .sort((a, b) => b.size - a.size);
const plainMessages = new Set(catalogTexts.filter((t) => !/\{\w+\}/.test(t)));

/**
 * The arguments of a ⟦…⟧ segment when its text is a catalog template filled in (none when it matches no template).
 * The template's own words must make up at least 40% of the text: a reference-data string (an overlay field, also
 * in ⟦…⟧) would otherwise match some short template (`{a} of the {b}.`) and read as its arguments.
 */
function templateArgs(content: string): string[] {
  if (plainMessages.has(content)) return [];
  for (const t of templates) {
    if (t.size < 0.4 * content.length || !content.includes(t.literal)) continue;
    const m = t.pattern.exec(content);
    if (m) return m.slice(1);
  }
  return [];
}

/**
 * What is left of `rendered` once the catalog's text (⟦…⟧, innermost first), code, the input's values and URIs are
 * taken out: runs of two or more lowercase words, which would be English prose that skipped the catalog. The
 * arguments filled into a catalog template inside ⟦…⟧ are checked the same way (English handed to a translated
 * sentence is still English).
 */
function englishRuns(rendered: string, values: readonly string[]): string[] {
  // What is taken out leaves a `¦`, so the words on either side never join into a run.
  let s = rendered.replace(/```[\s\S]*?```/g, '¦');
  const args: string[] = [];
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/⟦([^⟦⟧]*)⟧/g, (_, content: string) => {
      args.push(...templateArgs(content));
      return '¦';
    });
  }
  // Source links name Nexi's pages by their (English) titles, as citations do.
  s = [s, ...args].join('¦').replace(/\[[^\]]*\]\((?:https?|command):[^)]*\)/g, '¦');
  for (const v of [...new Set([...values, ...sourceTitles])].filter((v) => v.trim().length >= 2).sort((a, b) => b.length - a.length)) {
    // A value is taken out where it stands as a whole (`result` the key, not the "result" in "results").
    s = s.replace(new RegExp(`${/^\w/.test(v) ? '(?<!\\w)' : ''}${escapeRegExp(v)}${/\w$/.test(v) ? '(?!\\w)' : ''}`, 'g'), '¦');
  }
  s = s.replace(/(`+)[^`]*?\1/g, '¦').replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, '¦').replace(/\]\([^)]*\)/g, ']¦');
  return [...s.matchAll(/(?<![\w./:@'’-])[a-z]{2,}(?:[ ]+[a-z]{2,})+(?![\w/:@'’-])/g)].map((m) => m[0]);
}

const sources = ['src/core', 'src/cli'].flatMap((d) => sourceFiles(path.join(root, d))).map((f) => ({ file: path.relative(root, f), lines: fs.readFileSync(f, 'utf8').split('\n') }));

/** Where a run of English is written in the sources (first match), for the failure message. */
function whereWritten(run: string): string {
  for (const { file, lines } of sources) {
    const i = lines.findIndex((l) => l.includes(run) && !/^\s*(\/\/|\*|\/\*)/.test(l));
    if (i >= 0) return `${file}:${i + 1}`;
  }
  return 'source not found (built from pieces)';
}

/**
 * Asserts that no rendering holds English prose; the failure lists each run once, by the source line that writes
 * it (`file:line: "run" (area)`), so it reads as a to-do list.
 */
function assertNoEnglish(renderings: ReadonlyArray<readonly [string, string, readonly string[]]>): void {
  const found = new Map<string, string>();
  for (const [area, rendered, values] of renderings) {
    for (const r of englishRuns(rendered, values)) if (!found.has(r)) found.set(r, `${whereWritten(r)}: "${r}" (${area})`);
  }
  const lines = [...new Set(found.values())].sort();
  assert.ok(lines.length === 0, `${lines.length} run(s) of English outside the catalog under ${pseudoLocale}:\n${lines.join('\n')}`);
}

function capture(): { io: Io; out: () => string } {
  let out = '';
  return { io: { stdout: (t) => void (out += t), stderr: (t) => void (out += t), readStdin: async () => undefined, color: false }, out: () => out };
}

describe('l10n catalog: the pseudo-locale leaves no English prose', function () {
  this.timeout(120000);
  const texts = sampleTexts();

  it('finds English prose the way the check reads it (the check can fail)', () => {
    assert.deepEqual(englishRuns('⟦Fields⟧ `amount = 1` the amount was declined', []), ['the amount was declined']);
    assert.deepEqual(englishRuns('⟦Value: ⟦approved⟧⟧ x://y?a=b c', ['c']), []);
    // English handed to a translated template as an argument is still English.
    assert.deepEqual(englishRuns('⟦Nexi POS will open the shop page with the result appended as query parameters.⟧', []), ['the shop page']);
  });

  it('decode: Markdown documents, hovers, summaries and diagnostics', () => {
    const renderings: [string, string, string[]][] = [];
    withLocale(pseudoLocale, () => {
      for (const t of texts) {
        const explanations = decodeText(t, { now });
        const values = inputValues(explanations);
        renderings.push(['decode document', decodeDocumentMarkdown(explanations, { where: () => ({ line: 1, column: 1 }), source: '⟦x⟧' }), values]);
        for (const e of explanations) {
          renderings.push(['hover summary', summaryMarkdown(e), values]);
          for (const f of e.fields) renderings.push(['field hover', fieldMarkdown(e, f), values]);
          for (const d of e.diagnostics) renderings.push([`diagnostic ${d.code}`, d.message, values]);
          if (e.kind === 'request') for (const d of validateUri(e.text)) renderings.push([`diagnostic ${d.code}`, d.message, values]);
        }
      }
      for (const op of operations) for (const p of op.request) renderings.push(['completion documentation', parameterMarkdown(p, op), [p.name, op.name]]);
    });
    assertNoEnglish(renderings);
  });

  it('reconciliation report, check document, scenarios, simulator and language-model tools', async () => {
    const entries = extractEntries(`${texts[0]}\nD/App: dat=x://payment?result=-1&amount=1&callerTrxId=GONE&operationType=PAYMENT&terminalId=30350039 flg=0 }`);
    let n = 0;
    const report = await withLocale(pseudoLocale, () =>
      reconcile(entries, async () => {
        n++;
        if (n % 3 === 0) throw new NexiError('TRANSACTION_NOT_FOUND');
        return n % 3 === 1 ? { status: 'APPROVED', amount: '999', authorizationNumber: 'X' } : { status: 'DECLINED' };
      }, { concurrency: 1 }),
    );
    const transaction = { status: 'APPROVED', amount: '450', rrn: '513614271424', hostTotal: '1', foo: 'bar', nested: { a: 1 } };
    const renderings: [string, string, string[]][] = [];
    withLocale(pseudoLocale, () => {
      renderings.push(['reconciliation report', toMarkdown(report, { title: '⟦T⟧' }), entries.flatMap((e) => [e.callerTrxId, e.terminalId ?? '', e.result ?? ''])]);
      renderings.push(['check document', checkResultMarkdown({ environmentLabel: 'Sandbox', terminalId: '30350039', callerTrxId: 'PP-1', at: 'x', found: { transaction, attempts: 2, durationMs: 12 } }), Object.keys(transaction)]);
      renderings.push(['check document', checkResultMarkdown({ environmentLabel: 'STG', terminalId: '1', callerTrxId: 'x', at: 'now', error: { code: 'TRANSACTION_NOT_FOUND', message: '⟦x⟧' } }), []]);
      // (scenarioTableMarkdown is the README's table: English on purpose.)
      renderings.push(['scenarios', scenarios.map(describeScenario).join('\n'), []]);
      for (const outcome of ['bogus', 'declined:1', 'result:-999', 'result:x', 'softpos-error:1']) {
        try {
          parseOutcome(outcome);
        } catch (e) {
          renderings.push(['simulator', (e as Error).message, [outcome]]);
        }
      }
      // The scenario amounts are left to scenarios.test.ts: a scenario note comes from describeScenario above.
      for (const request of ['https://example.com', 'neximpos://payment?amount=1', 'neximpos://accounting_closure?callerTrxId=C&uri=x://y', 'neximpos://last_transaction?callerTrxId=L&uri=x://y']) {
        try {
          renderings.push(['simulator', simulate(request, { product: 'softpos', now, seed: 1, outcome: { kind: 'approved' }, entry: 'chip' }).notes.join('\n'), [request]]);
        } catch (e) {
          renderings.push(['simulator', (e as Error).message, [request]]);
        }
      }
      for (const [kind, code] of [['result', '21'], ['result', '-41'], ['actionCode', '116'], ['actionCode', '05'], ['receiptKey', 'ct108'], ['receiptKey', 'CT110'], ['emvTag', '9F36'], ['emvTag', 'ZZ']] as const) {
        renderings.push(['language-model tools', explainCodeMarkdown({ kind, code }), [code]]);
      }
    });
    assertNoEnglish(renderings);
  });

  it('the CLI speaks the pseudo-locale (--lang qps-ploc): decode, validate, scenarios, simulate', async () => {
    const renderings: [string, string, string[]][] = [];
    const values = inputValues(texts.flatMap((t) => decodeText(t, { now })));
    const runs: string[][] = [
      ['decode', ...texts.slice(1)],
      ['validate', specExamples.paymentRequestClean, 'neximpos://payment?amount=x&callerTrxId=A&uri=x://y'],
      ['scenarios'],
      ['simulate', '--outcome', 'bogus', 'neximpos://payment?amount=1&callerTrxId=A&uri=x://y'],
      ['help'],
    ];
    const accepted = capture();
    assert.equal(await run(['--lang', pseudoLocale, 'scenarios'], accepted.io, {}), 0, `the CLI takes --lang ${pseudoLocale}: ${accepted.out()}`);
    for (const args of runs) {
      const c = capture();
      await run(['--lang', pseudoLocale, ...args], c.io, {});
      renderings.push([`cli ${args[0]}`, c.out(), [...values, ...args]]);
    }
    assertNoEnglish(renderings);
  });
});
