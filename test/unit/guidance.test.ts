// Issue 16, "guidance that follows": texts people read must not mislead (a declined code's hover leading with the
// approved code), cite sources in words with a link, and agree with what the editor shows elsewhere.
import { strict as assert } from 'assert';
import { findOperation, findParameter } from '../../src/core/app2app/catalog';
import { decodeText, type UriExplanation } from '../../src/core/explain/explain';
import { fieldMarkdown, parameterMarkdown } from '../../src/core/explain/markdown';
import { withLocale } from '../../src/core/i18n';

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
});
