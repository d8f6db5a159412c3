import { strict as assert } from 'assert';
import { scanText, type ScannedUri } from '../../src/core/app2app/scan';
import { validateUri } from '../../src/core/app2app/validate';
import type { Diagnostic } from '../../src/core/types';
import { applyEdits, asPublished, naiveKeys, specExamples, type SpecExampleName } from './app2appFixtures';

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const param = (u: ScannedUri, key: string) => {
  const p = u.params.find((x) => x.key === key);
  assert.ok(p, `parameter ${key}`);
  return p;
};

/** Applies the first fix of every error and warning. */
function repairErrors(text: string, ds: readonly Diagnostic[]): string {
  return applyEdits(
    text,
    ds.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => (d.fixes?.[0]?.edits ?? [])[0]),
  );
}

// The fact sheet's example blocks, as published, inside a Markdown document: the scanner must find each one, in
// order, with exactly the expected extent.
const order: SpecExampleName[] = [
  'paymentRequestClean',
  'paymentRequestWrapped',
  'paymentResponse',
  'reversalSoftPosRequest',
  'reversalLegacyRequest',
  'reversalMposRequest',
  'reversalSoftPosResponse',
  'reversalMposResponse',
  'reversalLegacyResponse',
  'lastTransactionRequest',
  'lastTransactionResponseLts',
  'lastTransactionResponseGlt',
  'accountingClosureRequest',
  'accountingClosureResponse',
];
const document = order.map((name) => `### ${name}\nAs published:\n\`\`\`\n${asPublished(name)}\n\`\`\`\n`).join('\n');
const scanned = scanText(document);
const found = (name: SpecExampleName) => {
  const u = scanned[order.indexOf(name)];
  assert.equal(u.range.start, document.indexOf(asPublished(name)), `${name} starts at its block`);
  return u;
};
const textOf = (u: ScannedUri) => document.slice(u.range.start, u.range.end);

describe('app2app spec examples (§3.5, §4.4, §5.3, §6.3)', () => {
  it('finds all 14 example URIs with their kind and operation', () => {
    assert.deepEqual(
      scanned.map((u) => `${u.kind}:${u.operation}`),
      [
        'request:payment',
        'request:payment',
        'result:payment',
        'request:reversal',
        'request:reversal',
        'request:reversal',
        'result:reversal',
        'result:reversal',
        'result:reversal',
        'request:last_transaction',
        'result:last_transaction',
        'result:last_transaction',
        'request:accounting_closure',
        'result:accounting_closure',
      ],
    );
  });

  describe('§3.5 payment', () => {
    it('clean request [PAYS]: legacy addInfoN and urlTicket are reported as info only', () => {
      const u = found('paymentRequestClean');
      assert.equal(textOf(u), specExamples.paymentRequestClean);
      assert.deepEqual(
        u.params.map((p) => p.key),
        naiveKeys(specExamples.paymentRequestClean),
      );
      assert.equal(param(u, 'email').value, 'name.surname@domain.it');
      assert.equal(param(u, 'uri').value, 'demonexi://payment');
      assert.deepEqual(codes(validateUri(u)), ['A2A020', 'A2A017', 'A2A017', 'A2A017', 'A2A017', 'A2A017']);
    });

    it('older rendering with line-wrap spaces: `callerName =Payment` and `pay ment`; fixes give the clean copy', () => {
      const u = found('paymentRequestWrapped');
      assert.equal(textOf(u), specExamples.paymentRequestWrapped);
      const callerName = param(u, 'callerName ');
      assert.equal(callerName.name, 'callerName');
      assert.equal(document.slice(callerName.keyRange.start, callerName.keyRange.end), 'callerName ');
      assert.equal(param(u, 'uri').value, 'demonexi://pay ment');
      const ds = validateUri(u);
      assert.deepEqual(codes(ds), ['A2A020', 'A2A027', 'A2A026', 'A2A017', 'A2A017', 'A2A017', 'A2A017', 'A2A017']);
      const repaired = repairErrors(document, ds).slice(u.range.start, u.range.end - 2);
      assert.equal(repaired, specExamples.paymentRequestClean);
    });

    it('response [PAYS] as published (`×tamp`): timestamp recovered, blank padding kept', () => {
      const u = found('paymentResponse');
      assert.equal(textOf(u), asPublished('paymentResponse'));
      const ts = param(u, 'timestamp');
      assert.equal(ts.separator, 'times-entity');
      assert.equal(ts.value, '0912202317');
      assert.equal(document.slice(ts.separatorRange.start, ts.keyRange.end), '×tamp');
      assert.equal(param(u, 'acquirerName').value, 'NEXI' + ' '.repeat(12));
      assert.equal(param(u, 'acquirerName').trimmed, 'NEXI');
      assert.equal(param(u, 'merchantId').trimmed, '0000091');
      assert.equal(param(u, 'resultDescription').value, '');
      assert.equal(param(u, 'urlTicket').value, 'https://intapi.nexi.it:8443/mpos/mobile/api/services/orchestrator/receipt/view?id=DBFIEFJQIJKLPOOYBDEDGIHO');
      assert.deepEqual(codes(validateUri(u)), ['A2A028']);
    });

    it('response repaired: same fields, no diagnostics', () => {
      const [u] = scanText(specExamples.paymentResponse);
      assert.deepEqual(
        u.params.map((p) => p.key),
        naiveKeys(specExamples.paymentResponse),
      );
      assert.deepEqual(codes(validateUri(u)), []);
    });
  });

  describe('§4.4 reversal', () => {
    it('SoftPOS request as published: `×tamp`, `name.surn ame`, `true &urlTicket`; fixes give the [REVL] clean copy', () => {
      const u = found('reversalSoftPosRequest');
      assert.equal(textOf(u), asPublished('reversalSoftPosRequest'));
      assert.equal(param(u, 'email').value, 'name.surn ame@domain.it');
      assert.equal(param(u, 'sendTicket').value, 'true ');
      assert.equal(param(u, 'sendTicket').trimmed, 'true');
      const ds = validateUri(u);
      assert.deepEqual(codes(ds), ['A2A028', 'A2A026', 'A2A026', 'A2A020']);
      const fixed = repairErrors(document, ds);
      const start = u.range.start;
      assert.equal(fixed.slice(start, start + specExamples.reversalLegacyRequest.length), specExamples.reversalLegacyRequest);
    });

    it('legacy clean request [REVL]: only the urlTicket info', () => {
      const u = found('reversalLegacyRequest');
      assert.equal(textOf(u), specExamples.reversalLegacyRequest);
      assert.deepEqual(codes(validateUri(u)), ['A2A020']);
    });

    it('mPOS request as published: raw space in callerName, unencoded uri, `×tamp`', () => {
      const u = found('reversalMposRequest');
      assert.equal(textOf(u), asPublished('reversalMposRequest'));
      assert.equal(param(u, 'callerName').value, 'App2App DEMO');
      assert.equal(param(u, 'uri').value, 'app2appDemo://reversalResult');
      assert.equal(param(u, 'timestamp').value, '0407250930');
      const ds = validateUri(u);
      assert.deepEqual(codes(ds), ['A2A020', 'A2A026', 'A2A028']);
      const repaired = repairErrors(asPublished('reversalMposRequest'), validateUri(asPublished('reversalMposRequest')));
      assert.equal(
        repaired,
        'neximpos://reversal?amount=200&callerTrxId=1234&sendTicket=true&urlTicket=true&callerName=App2App%20DEMO&uri=app2appDemo://reversalResult&terminalId=37063166&timestamp=0407250930',
      );
      assert.deepEqual(codes(validateUri(repaired)), ['A2A020']);
    });

    it('SoftPOS response: stops before the Intent tail, keeps raw spaces, `+`, F42 and f42', () => {
      const u = found('reversalSoftPosResponse');
      const expected = specExamples.reversalSoftPosResponse.slice(0, specExamples.reversalSoftPosResponse.indexOf(' flg=0x'));
      assert.equal(textOf(u), expected);
      assert.ok(expected.endsWith('&autoClose=false'));
      assert.deepEqual(
        u.params.map((p) => p.key),
        naiveKeys(expected),
      );
      assert.equal(u.params.length, 43);
      assert.equal(param(u, 'F42').value, '1000000595940');
      assert.equal(param(u, 'f42').value, '1000000595940');
      assert.notEqual(param(u, 'F42').range.start, param(u, 'f42').range.start);
      assert.equal(param(u, 'CT121').value, 'C.SO SEMPIONE 55, 20145, MILANO (MI)');
      assert.equal(param(u, 'CT110').value, '2025-05-16T14:51:51+02:00');
      assert.equal(param(u, 'CT119').value, 'Grazie e arrivederci');
      assert.equal(param(u, '9F14').value, '1420');
      assert.deepEqual(codes(validateUri(u)), []);
    });

    it('SoftPOS response in a logcat line after `dat=`', () => {
      const line = `05-16 14:51:51.123  1234  1250 I ActivityTaskManager: START u0 {act=android.intent.action.VIEW dat=${specExamples.reversalSoftPosResponse} from uid 10234`;
      const [u, ...rest] = scanText(line);
      assert.equal(rest.length, 0);
      assert.equal(line.slice(u.range.start, u.range.end), specExamples.reversalSoftPosResponse.slice(0, specExamples.reversalSoftPosResponse.indexOf(' flg=')));
      assert.equal(u.params[u.params.length - 1].key, 'autoClose');
    });

    it('mPOS response as published: custom authority, operation from operationType', () => {
      const u = found('reversalMposResponse');
      assert.equal(textOf(u), asPublished('reversalMposResponse'));
      assert.equal(u.uri.authority, 'reversalResult');
      assert.equal(param(u, 'resultDescription').value, 'TRANSAZIONE APPROVATA');
      assert.equal(param(u, 'urlTicket').value, 'https://mpos.nexi.it/r?id=DICJHGMNIJKLOUOTAIEIEOJJ');
      assert.equal(param(u, 'timestamp').value, '0407250932');
      assert.deepEqual(codes(validateUri(u)), ['A2A028']);
      assert.deepEqual(codes(validateUri(scanText(specExamples.reversalMposResponse)[0])), []);
    });

    it('legacy response as published [REVL]: empty authorizationNumber', () => {
      const u = found('reversalLegacyResponse');
      assert.equal(textOf(u), asPublished('reversalLegacyResponse'));
      assert.equal(param(u, 'authorizationNumber').value, '');
      assert.equal(param(u, 'pan').value, '533317******5938');
      assert.deepEqual(codes(validateUri(u)), ['A2A028']);
    });
  });

  describe('§5.3 last transaction', () => {
    it('request as published: missing `&` before uri and a wrap space in callerTrxId', () => {
      const u = found('lastTransactionRequest');
      assert.equal(textOf(u), specExamples.lastTransactionRequest);
      assert.equal(param(u, 'callerName').value, 'App Demo');
      assert.equal(param(u, 'callerTrxId').rawValue, '12312 3uri=demonexi%3A%2F%2Flast_transaction');
      const ds = validateUri(u);
      assert.deepEqual(codes(ds), ['A2A026', 'A2A030']);
      const glued = ds[1];
      assert.equal(document.slice(glued.range.start, glued.range.end), 'uri');
      // Remove the wrap space (second fix of A2A026 for a string value) and insert the `&`.
      const repaired = applyEdits(document, [ds[0].fixes?.[1].edits[0], ds[1].fixes?.[0].edits[0]].map((e) => e as NonNullable<typeof e>));
      const fixed = repaired.slice(u.range.start, u.range.end);
      assert.equal(fixed, 'neximpos://last_transaction?callerName=App%20Demo&terminalId=97943348&callerTrxId=123123&uri=demonexi%3A%2F%2Flast_transaction');
      assert.deepEqual(codes(validateUri(fixed)), []);
    });

    it('truncated responses: `resul` without value, `amount =000000025200`', () => {
      const lts = found('lastTransactionResponseLts');
      assert.equal(textOf(lts), specExamples.lastTransactionResponseLts);
      assert.deepEqual(
        lts.params.map((p) => [p.key, p.rawValue]),
        [
          ['operationType', 'LAST_TRANSACTION'],
          ['callerTrxId', '123123'],
          ['resul', undefined],
        ],
      );
      assert.deepEqual(codes(validateUri(lts)), []);
      const glt = found('lastTransactionResponseGlt');
      assert.equal(textOf(glt), specExamples.lastTransactionResponseGlt);
      const amount = param(glt, 'amount ');
      assert.equal(amount.name, 'amount');
      assert.equal(amount.value, '000000025200');
      assert.deepEqual(codes(validateUri(glt)), ['A2A027']);
    });
  });

  describe('§6.3 accounting closure', () => {
    it('request as published: the scanner stops at the wrap space, the uri value is cut — and we say what it is read as', () => {
      const u = found('accountingClosureRequest');
      assert.equal(textOf(u), 'neximpos://accounting_closure?callerTrxId=qwerty&callerName=AAA&uri=demonexi%3A%2F%');
      assert.deepEqual(param(u, 'uri').malformedEscapes, [14]);
      // This published example really is defective (spec §6.3, §16.10): the return URI is cut, an error since
      // issue 15 (it was the generic A2A031 warning, which did not say that the result has nowhere to go).
      const [cut] = validateUri(u);
      assert.equal(cut.code, 'A2A036');
      assert.equal(cut.severity, 'error');
      assert.match(cut.message, /`uri` is read as `demonexi:\/%`/);
      const whole = validateUri(specExamples.accountingClosureRequest);
      assert.deepEqual(codes(whole), ['A2A036', 'A2A026']);
      assert.match(whole[0].message, /`uri` is read as `demonexi:\/% accounting`/);
    });

    it('request repaired: no diagnostics', () => {
      assert.deepEqual(codes(validateUri('neximpos://accounting_closure?callerTrxId=qwerty&callerName=AAA&uri=demonexi%3A%2F%2Faccounting_closure')), []);
    });

    it('response as published: `demonexi:// accounting_closure`', () => {
      const u = found('accountingClosureResponse');
      assert.equal(textOf(u), specExamples.accountingClosureResponse);
      assert.equal(u.uri.authority, 'accounting_closure');
      assert.equal(u.uri.rawAuthority, ' accounting_closure');
      assert.equal(param(u, 'hostTotal').value, '1');
      const ds = validateUri(u);
      assert.deepEqual(codes(ds), ['A2A027']);
      const fixed = applyEdits(document, ds[0].fixes?.[0].edits ?? []).slice(u.range.start, u.range.end - 1);
      assert.equal(fixed, specExamples.accountingClosureResponse.replace(':// ', '://'));
    });
  });
});
