// Issue 16, "guidance that follows": texts people read must not mislead (a declined code's hover leading with the
// approved code), cite sources in words with a link, and agree with what the editor shows elsewhere.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Io } from '../../src/cli/io';
import { run as runCli } from '../../src/cli/main';
import { findOperation, findParameter, operations } from '../../src/core/app2app/catalog';
import { copiedMessage, copiedUriOf } from '../../src/core/app2app/copyAs';
import { receiptKeys } from '../../src/core/codes/receiptKeys';
import { sourceLabel, specSources } from '../../src/core/codes/sources';
import { checkResultMarkdown } from '../../src/core/explain/checkMarkdown';
import { decodeText, type UriExplanation } from '../../src/core/explain/explain';
import { decodeDocumentMarkdown, fieldMarkdown, linkSourceTags, parameterMarkdown, summaryMarkdown } from '../../src/core/explain/markdown';
import { withLocale } from '../../src/core/l10n';
import { specExamples } from './app2appFixtures';

const now = new Date('2026-11-21T10:00:00Z');
const declined =
  'pizzapay://payment?result=21&callerTrxId=PP-1&operationType=PAYMENT&amount=1250&actionCode=116&resultDescription=FONDI%20INSUFFICIENTI';

function only(text: string): UriExplanation {
  const all = decodeText(text, { now });
  assert.equal(all.length, 1);
  return all[0]!;
}

describe('guidance (issue 16)', () => {
  describe('a value hover leads with that value, not with the approved code', () => {
    it('actionCode=116: the field meaning carries no "`000` = approved", the interpretation says what 116 is', () => {
      const e = only(declined);
      const f = e.fields.find((x) => x.key === 'actionCode')!;
      assert.equal(f.meaning, 'Host response code (ISO 8583 field 39). Present for approved or denied transactions.');
      assert.match(f.interpretation ?? '', /^Not sufficient funds/);
      const hover = fieldMarkdown(e, f);
      assert.doesNotMatch(hover, /000/, hover);
      assert.match(hover, /^\*\*`actionCode`\*\*\n\nHost response code \(ISO 8583 field 39\)\. Present for approved or denied transactions\.\n\nValue: `116` → Not sufficient funds/);
    });

    it('result=21: no "0 = approved" beside the declined result', () => {
      const e = only(declined);
      const hover = fieldMarkdown(e, e.fields.find((x) => x.key === 'result')!);
      assert.doesNotMatch(hover, /0 = approved/, hover);
      assert.match(hover, /^\*\*`result`\*\*\n\nOutcome code; see the result-code table \(spec §9\)\.\n\nValue: `21` → /);
    });

    it('the legend stays where no value is read: completion documentation, in English and Italian', () => {
      const payment = findOperation('payment')!;
      const spec = findParameter(payment, 'response', 'actionCode')!.spec;
      assert.match(parameterMarkdown(spec, payment), /^Host response code \(ISO 8583 field 39\)\. Present for approved or denied transactions\. `000` = approved\.\n\n/);
      withLocale('it', () => {
        assert.match(parameterMarkdown(spec, payment), /^Codice di risposta dell'host \(campo 39 ISO 8583\)\. Presente per le transazioni approvate o rifiutate\. `000` = approvata\.\n\n/);
        const f = only(declined).fields.find((x) => x.key === 'actionCode')!;
        assert.doesNotMatch(`${f.meaning}`, /000/);
      });
      const closure = findOperation('accounting_closure')!;
      assert.doesNotMatch(parameterMarkdown(findParameter(closure, 'response', 'result')!.spec, closure), /approved\/performed/, 'the closure result keeps its own legend');
    });
  });

  describe('source tags read as the titles of the pages they cite, linked in Markdown', () => {
    const REVS = '[Reversal SoftPOS](https://developer.nexigroup.com/softposmobilepos/en-EU/docs/reversal-softpos)';
    // A tag nobody can decode: `[REV]`, `\[REV\]` or `` `[REV]` `` left in what people read.
    const bareTag = new RegExp(`\\\\?\\[(${Object.keys(specSources).map((k) => k.slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\\\?\\](?!\\()`);

    it('every source the tables cite has words (and Nexi pages an address)', () => {
      const cited = new Set<string>();
      for (const op of operations) for (const ref of [...op.sources, ...op.request.flatMap((p) => p.sources), ...op.response.flatMap((p) => p.sources)]) cited.add(ref);
      for (const k of receiptKeys) for (const ref of k.sources) cited.add(ref);
      for (const ref of cited) {
        if (ref === 'examples') continue;
        const label = sourceLabel(ref);
        assert.ok(label, `no title for ${ref}`);
        if (ref.startsWith('[')) assert.match(label.url ?? '', /^https:\/\//, ref);
      }
    });

    it('links tags in prose once, escaped or bare, never inside code or an existing link, [PAYS] not as [PAY]', () => {
      // In brackets, as the CLI prints titles: a bare title read as part of the sentence ("reversed Reversal SoftPOS").
      assert.equal(linkSourceTags('reversed \\[REVS\\]: see'), `reversed \\[${REVS}\\]: see`);
      assert.equal(linkSourceTags('[PAYS] and [REVS]'), `\\[[Payments](https://developer.nexigroup.com/softposmobilepos/en-EU/docs/payments)\\] and \\[${REVS}\\]`);
      assert.equal(linkSourceTags('`[REVS]` and [REVS](x) and [UNKNOWN]'), '`[REVS]` and [REVS](x) and [UNKNOWN]');
    });

    it('hovers, summaries and decode documents of every published example cite no bare tag', () => {
      for (const [name, text] of Object.entries(specExamples)) {
        for (const e of decodeText(text, { now })) {
          for (const f of e.fields) assert.doesNotMatch(fieldMarkdown(e, f), bareTag, `${name} ${f.key}`);
          assert.doesNotMatch(summaryMarkdown(e), bareTag, name);
          assert.doesNotMatch(decodeDocumentMarkdown([e]), bareTag, name);
        }
      }
      const reversal = decodeText(specExamples.reversalSoftPosResponse, { now })[0]!;
      const amount = fieldMarkdown(reversal, reversal.fields.find((f) => f.key === 'amount')!);
      assert.ok(amount.includes(`not the amount actually reversed \\[${REVS}\\]: SoftPOS reverses`), amount);
      assert.ok(amount.endsWith(`*Source: Nexi documentation — ${REVS}* · Reversal result`), amount);
      // Italian: the same titles (proper names of the pages), the words around them translated.
      withLocale('it', () => {
        const it = decodeText(specExamples.reversalSoftPosResponse, { now })[0]!;
        const md = fieldMarkdown(it, it.fields.find((f) => f.key === 'amount')!);
        assert.ok(md.includes(`non l'importo effettivamente stornato \\[${REVS}\\]`), md);
        assert.ok(md.endsWith(`*Fonte: documentazione Nexi — ${REVS}* · Esito storno`), md);
      });
    });

    it('the keys seen only in the published examples say so in words', () => {
      const e = decodeText(specExamples.paymentResponse, { now })[0]!;
      const f = e.fields.find((x) => x.key === 'stan')!;
      assert.deepEqual(f.sources, ['examples']);
      assert.match(fieldMarkdown(e, f), /\*Source: undocumented — the published examples\*/);
    });

    it('the checkTransaction document links the tags its texts cite', () => {
      const md = checkResultMarkdown({
        environmentLabel: 'Sandbox',
        terminalId: '38032131',
        callerTrxId: 'X-1',
        at: '2026-11-21T10:00:00Z',
        found: { transaction: { callerTrxId: 'X-1', operationType: 'REVERSAL', amount: '000000000450', result: '0', f04: '000000000300', terminalId: '38032131' }, attempts: 1, durationMs: 5 },
      });
      assert.doesNotMatch(md.replace(/```json[\s\S]*```/, ''), bareTag, md);
    });

    it('the CLI prints titles where tags were, the addresses once at the end, and keeps the tags in JSON', async () => {
      const logcat = fs.readFileSync(path.resolve(__dirname, '..', '..', 'samples', 'logcat.log'), 'utf8');
      const cli = async (argv: string[]): Promise<string> => {
        let out = '';
        const io: Io = { stdout: (t) => (out += t), stderr: () => undefined, readStdin: async () => logcat, color: false };
        assert.equal(await runCli(argv, io, { ...process.env, LC_ALL: 'C.UTF-8' }), 0);
        return out;
      };
      const text = await cli(['decode']);
      assert.doesNotMatch(text, bareTag);
      assert.match(text, /\n {6}Amount in cents\. .*\[Nexi documentation: Reversal SoftPOS\]\n/);
      assert.match(text, /not the amount actually reversed \[Reversal SoftPOS\]: SoftPOS reverses/);
      const footer = text.slice(text.lastIndexOf('\nSources:\n'));
      assert.match(footer, /\n {2}Reversal SoftPOS {2}https:\/\/developer\.nexigroup\.com\/softposmobilepos\/en-EU\/docs\/reversal-softpos\n/);
      assert.equal(text.split('https://developer.nexigroup.com/softposmobilepos/en-EU/docs/reversal-softpos').length, 2, 'each address once');
      const json = JSON.parse(await cli(['decode', '--json'])) as Array<{ kind: string; operation: string; fields: Array<{ key: string; sources: string[] }> }>;
      assert.deepEqual(json.find((e) => e.kind === 'result' && e.operation === 'reversal')!.fields.find((f) => f.key === 'amount')!.sources, ['[REVS]'], 'JSON keeps the stable tags');
      const italian = await cli(['--lang', 'it', 'decode']);
      assert.match(italian, /\nFonti:\n(  .*\n)* {2}Reversal SoftPOS {2}https:\/\/[^\n]+\n/);
    });
  });

  describe('a confirmation names what was copied', () => {
    it('the format, the operation, request or result, and the callerTrxId, in English and Italian', () => {
      const request = copiedUriOf(specExamples.reversalMposRequest)!;
      assert.deepEqual(request, { kind: 'request', operation: 'reversal', callerTrxId: '1234' });
      assert.equal(copiedMessage('adb', request), 'Copied to the clipboard: the adb command for the reversal request (callerTrxId 1234).');
      assert.equal(copiedMessage('uri', copiedUriOf(specExamples.paymentResponse)), 'Copied to the clipboard: the URI for the payment result (callerTrxId qwerty).');
      assert.equal(copiedMessage('swift', { kind: 'request' }), 'Copied to the clipboard: the Swift openURL call for the App2App request.');
      withLocale('it', () => {
        assert.equal(copiedMessage('kotlin', request), "Copiato negli appunti: l'Intent Kotlin per la richiesta reversal (callerTrxId 1234).");
        assert.equal(copiedMessage('java', copiedUriOf(specExamples.paymentResponse)), "Copiato negli appunti: l'Intent Java per l'esito payment (callerTrxId qwerty).");
      });
      assert.equal(copiedUriOf('no URI here'), undefined);
    });
  });

  describe('the summary hover and the Problems panel', () => {
    it('the counted errors and warnings are listed when asked (the editor publishes none for the document)', () => {
      const e = decodeText(specExamples.reversalSoftPosResponse, { now })[0]!;
      assert.match(e.summary, /errors found: 0, warnings: 2\.$/);
      assert.doesNotMatch(summaryMarkdown(e), /\$\(warning\)/);
      const listed = summaryMarkdown(e, [], { listProblems: true });
      assert.deepEqual(listed.match(/^- \$\(warning\) `[A-Z0-9]+`/gm), ['- $(warning) `TLV002`', '- $(warning) `TLV008`']);
      assert.doesNotMatch(listed, /TLV010/, 'info findings are not counted, so not listed');
    });
  });
});
