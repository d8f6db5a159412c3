// Italian of the explainer, its Markdown, the checkTransaction document, dates, the reconciliation report, the
// simulator and the language-model tools: every English entry reads in Italian (through the l10n bundle) with the
// same placeholders, and the real outputs read in Italian under `withLocale('it', …)` while English stays as it was.
import { strict as assert } from 'assert';
import { resolveEnvironments } from '../../src/core/environments';
import { explainCheckResult } from '../../src/core/explain/checkResult';
import { checkResultMarkdown } from '../../src/core/explain/checkMarkdown';
import { readDdMMyyHHmm, readIso8601, readMMdd, readRrn } from '../../src/core/explain/dates';
import { decodeText, type UriExplanation } from '../../src/core/explain/explain';
import { decodeDocumentMarkdown, fieldMarkdown, parameterMarkdown, provenanceLabel } from '../../src/core/explain/markdown';
import { dateNotes, dateNoteTexts } from '../../src/core/explain/dates';
import { checkMessages, checkMessagesEn, dateTexts, dateTextsEn, explainMessages, explainMessagesEn, markdownMessages, markdownMessagesEn, resultDiagnosticCodes, resultDiagnosticMessages } from '../../src/core/explain/messages';
import { getLocale, setLocale, withLocale } from '../../src/core/l10n';
import { checkConfirmation, checkRefusal, decodeToolInput, decodeToolText, explainCodeMarkdown, lmToolMessages, lmToolMessagesEn, ToolInputError, validateToolInput, validateToolText } from '../../src/core/lmTools';
import { NexiError, userMessage } from '../../src/core/nexi/errors';
import { extractEntries, reconcile, type ReconcileReport, type ReconciledEntry } from '../../src/core/reconcile/reconcile';
import { classificationLabel, reportMessages, reportMessagesEn, toCsv, toJson, toMarkdown } from '../../src/core/reconcile/report';
import { parseOutcome, simulate, SimulationError, simulatorMessages, simulatorMessagesEn } from '../../src/core/simulator/simulate';
import { findOperation } from '../../src/core/app2app/catalog';

const now = new Date('2026-11-21T10:00:00Z');

/** Placeholders (`{name}`) of a template, sorted: a translation must use exactly the same set. */
const placeholders = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

// Published examples (spec §3.5, §4.4), as in explain.test.ts.
const paymentResponse =
  'demonexi://payment?result=0&amount=1&callerTrxId=qwerty&operationType=PAYMENT&actionCode=000&pan=************5938&transactionType=CLI&timestamp=0912202317&resultDescription=&cardTypeCVM=2&acquirerId=00000000003&stan=000002&operationNumber=000031&acquirerName=NEXI%20%20%20%20%20%20%20%20%20%20%20%20&terminalId=30350039&merchantId=0000091%20%20%20%20%20%20%20%20&authorizationNumber=012651&urlTicket=https%3A%2F%2Fintapi.nexi.it%3A8443%2Fmpos%2Fmobile%2Fapi%2Fservices%2Forchestrator%2Freceipt%2Fview%3Fid%3DDBFIEFJQIJKLPOOYBDEDGIHO';
const softposReversal =
  'easypay://reversal?operationType=REVERSAL&callerTrxId=1747399896594&result=0&amount=000000000450&f30=000000000450&F42=1000000595940&f12=145126&f11=000247&f55=9F3602015B9F10120110800005220000000000000000000FF9F35012195050000008001&CT121=C.SO SEMPIONE 55, 20145, MILANO (MI)&f13=0516&CT120=NEXI SOFTPOS OPERATION&f38=H50716&9F14=1420&f37=513614271424&f39=400&CT118=978&CT117=Online&CT116=00034&CT115=Contactless&CT114=NEXI Core&CT112=************6313&CT111=0&acquirerId=909517&CT119=Grazie e arrivederci&f41=38032131&f43=NEXI SOFTPOS OPERATION C.SO SEMPIONE 55, 20145, MILANO (MI)&f42=1000000595940&CT110=2025-05-16T14:51:51+02:00&f04=000000000450&CT107=14:51&CT106=16/05/2025&CT105=0200&CT104=NEXI SOFTPOS OPERATION C.SO SEMPIONE 55, 20145, MILANO (MI)&CT103=513614271424&CT102=A0000000041010&CT123=9F3602015B95050000008001&CT100=6313&CT109=Debit Mastercard&CT108=Mastercard&terminalId=38032131&autoClose=false';
const request = 'neximpos://payment?amount=1250&callerTrxId=A-1&callerName=Shop&uri=shop://payment';

function only(text: string): UriExplanation {
  const all = decodeText(text, { now });
  assert.equal(all.length, 1);
  return all[0]!;
}

function interpretation(e: UriExplanation, key: string): string | undefined {
  const f = e.fields.find((x) => x.key === key);
  assert.ok(f, `field ${key}`);
  return f.interpretation;
}

/** Every string leaf of a table with its dotted path (arrays by index). */
function leaves(table: unknown, prefix = ''): Array<[string, string]> {
  if (typeof table === 'string') return [[prefix, table]];
  if (table && typeof table === 'object') {
    return Object.entries(table as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

/**
 * Entries that are rightly the same in both languages: standard names, product names, a parameter name followed by
 * its value, punctuation around a value, and "byte", which is Italian too.
 */
const sameInBoth: Readonly<Record<string, readonly string[]>> = {
  explain: ['isoTimestamp', 'summaryCallerTrxId', 'bitByteValue', 'bitByteValueNamed', 'bitSet', 'summaryBecause', 'product.softpos', 'product.mobilepos'],
  markdown: ['provenance.iso8583', 'provenance.emv', 'provenance.iso4217', 'provenance.iso3166', 'tlvLengthOne'],
  check: [],
  dates: [],
  dateNotes: [],
  diagnostics: [],
  report: ['appResult'],
  simulator: [],
  lmTools: ['products.mpos', 'products.softpos'],
};

const resultDiagnosticMessagesEn = Object.fromEntries(Object.entries(resultDiagnosticCodes).map(([c, i]) => [c, i.message]));

// The English tables and what the code reads under the Italian locale (the bundle's translations).
const pairs: ReadonlyArray<readonly [string, unknown, unknown]> = (
  [
    ['explain', explainMessagesEn, explainMessages],
    ['markdown', markdownMessagesEn, markdownMessages],
    ['check', checkMessagesEn, checkMessages],
    ['dates', dateTextsEn, dateTexts],
    ['dateNotes', dateNotes, dateNoteTexts],
    ['diagnostics', resultDiagnosticMessagesEn, resultDiagnosticMessages],
    ['report', reportMessagesEn, reportMessages],
    ['simulator', simulatorMessagesEn, simulatorMessages],
    ['lmTools', lmToolMessagesEn, lmToolMessages],
  ] as const
).map(([name, en, get]) => [name, en, withLocale('it', get as () => unknown)] as const);


describe('Italian explanations, reports, simulator and tools', () => {
  afterEach(() => setLocale('en'));

  describe('tables', () => {
    for (const [name, en, ita] of pairs) {
      it(`${name}: every English entry has an Italian one with the same placeholders`, () => {
        const english = leaves(en);
        const italian = new Map(leaves(ita));
        assert.ok(english.length > 0);
        assert.deepEqual([...italian.keys()].sort(), english.map(([k]) => k).sort(), 'same keys');
        for (const [key, text] of english) {
          const translated = italian.get(key)!;
          assert.ok(translated.trim() !== '', `${name}.${key} is empty`);
          assert.deepEqual(placeholders(translated), placeholders(text), `${name}.${key} placeholders`);
          if (!sameInBoth[name]!.includes(key)) assert.notEqual(translated, text, `${name}.${key} is not translated`);
        }
        for (const key of sameInBoth[name]!) assert.equal(italian.get(key), english.find(([k]) => k === key)?.[1], `${name}.${key} is allowlisted but differs`);
      });
    }

    it('keeps codes, parameter names and backticked text in the Italian templates', () => {
      const backticks = (s: string): string[] => (s.match(/`[^`]+`/g) ?? []).sort();
      for (const [name, en, ita] of pairs) {
        const italian = new Map(leaves(ita));
        for (const [key, text] of leaves(en)) {
          const translated = italian.get(key)!;
          assert.deepEqual(backticks(translated), backticks(text), `${name}.${key} backticks`);
          for (const token of text.match(/\b(?:A2R\d{3}|CT\d{3}|f\d{2}|callerTrxId|softPosError|operationType|environmentId|checkTransaction|PCI DSS|ISO \d{4}(?::\d{4})?)\b/g) ?? []) {
            assert.ok(translated.includes(token), `${name}.${key} keeps ${token}`);
          }
        }
      }
    });
  });

  describe('the explainer', () => {
    it('summarises a payment result in Italian, with Italian dates and labels', () => {
      const e = withLocale('it', () => only(paymentResponse));
      assert.match(e.summary, /^Pagamento: operazione riuscita\. /);
      assert.match(e.summary, /; il 9 dicembre 2020, 23:17; terminale 30350039; codice di autorizzazione 012651; callerTrxId qwerty\.$/);
      assert.equal(interpretation(e, 'timestamp'), "9 dicembre 2020, 23:17 (il fuso orario non è indicato; probabilmente l'ora locale del dispositivo, dedotto).");
      assert.equal(interpretation(e, 'pan'), 'Numero di carta mascherato; ultime quattro cifre 5938.');
      assert.equal(interpretation(e, 'acquirerName'), 'Valore a lunghezza fissa completato con spazi ("NEXI").');
      assert.match(interpretation(e, 'cardTypeCVM')!, /^Nessuna pagina Nexi definisce questo campo/);
      assert.match(interpretation(e, 'urlTicket')!, /immagine dello scontrino/);
      // The numbers and identifiers are the same in both languages.
      assert.equal(e.result?.outcome, 'success');
      assert.deepEqual(e.diagnostics, []);
    });

    it('explains dates, RRN, AID and EMV data of a SoftPOS reversal in Italian', () => {
      const e = withLocale('it', () => only(softposReversal));
      assert.equal(interpretation(e, 'f13'), '16 maggio (mese e giorno; senza anno).');
      assert.equal(interpretation(e, 'CT106'), '16 maggio 2025.');
      assert.equal(interpretation(e, 'CT107'), '14:51 (ora locale).');
      assert.equal(interpretation(e, 'CT110'), '16 maggio 2025, 14:51:51 UTC+02:00.');
      assert.match(interpretation(e, 'f37')!, /16 maggio 2025, ore 14, sequenza 271424 \(dedotto dall'esempio di Nexi\)/);
      assert.match(interpretation(e, 'callerTrxId')!, /^Sembra un tempo Unix in millisecondi: 16 maggio 2025, 12:51:36 UTC \(dedotto/);
      assert.match(interpretation(e, 'CT102')!, /\(corrispondenza esatta su A0000000041010\)\.$/);
      assert.match(interpretation(e, 'f55')!, /^Oggetti dati EMV \(4\): 9F36, 9F10, 9F35, 95\.$/);
      const f55 = e.fields.find((f) => f.key === 'f55')!;
      assert.ok(f55.details[0]!.startsWith('Dati EMV malformati, problemi rilevati: '), f55.details[0]);
      assert.ok(f55.tlv!.some((n) => n.details.includes('valore più corto della lunghezza dichiarata')));
      assert.match(interpretation(e, 'CT123')!, /^Oggetti dati EMV \(2\)/);
      const tvr = e.fields.find((f) => f.key === 'CT123')!.tlv![1]!;
      assert.match(tvr.interpretation!, /^bit impostati: \d+$/);
      // Bit lines, then the kernel they were read for (Mastercard contactless from CT102 and CT115).
      assert.ok(tvr.details.every((d) => d.startsWith('byte ') || d.startsWith('Bit dipendenti dal kernel letti per Mastercard contactless')), tvr.details.join('\n'));
    });

    it('writes the result diagnostics (A2R…) in Italian, with the same codes and severities', () => {
      const text = 'demo://payment?result=0&amount=12x&callerTrxId=x&operationType=REVERSAL&pan=5333171234567890&timestamp=3213202317';
      const en = only(text).diagnostics.filter((d) => d.code.startsWith('A2R'));
      const ita = withLocale('it', () => only(text)).diagnostics.filter((d) => d.code.startsWith('A2R'));
      assert.deepEqual(ita.map((d) => [d.code, d.severity]), en.map((d) => [d.code, d.severity]));
      assert.deepEqual(ita.map((d) => d.code).sort(), ['A2R001', 'A2R003', 'A2R004', 'A2R005']);
      const by = Object.fromEntries(ita.map((d) => [d.code, d.message]));
      assert.match(by.A2R001!, /^Numero di carta non mascherato in pan: un PAN completo non deve mai comparire/);
      assert.equal(by.A2R003, 'amount "12x" non è un numero intero di unità minori.');
      assert.equal(by.A2R004, 'timestamp "3213202317" non è una data/ora reale nel formato ddMMyyHHmm.');
      assert.equal(by.A2R005, "operationType REVERSAL non corrisponde all'authority payment dell'URI.");
      assert.ok(!ita.some((d) => d.message.includes('5333171234567890')), 'no PAN in messages');
      const missing = withLocale('it', () => only('demo://payment?amount=1&callerTrxId=x').diagnostics.find((d) => d.code === 'A2R006'));
      assert.equal(missing?.message, 'Manca result: ogni URI di esito Nexi lo riporta (spec §3.4).');
    });

    it('names unknown keys and requests in Italian', () => {
      const e = withLocale('it', () => only(`${request}&hostTotal=1&foo=bar`));
      assert.equal(e.summary.split(' — ')[0], 'Pagamento (richiesta)');
      assert.equal(e.fields.find((f) => f.key === 'foo')!.meaning, 'Non è un parametro App2App documentato per questa operazione.');
      assert.match(e.fields.find((f) => f.key === 'uri')!.interpretation!, /^Nexi POS aprirà shop:\/\/payment aggiungendo l'esito/);
      const unknown = withLocale('it', () => only('demo://refund?result=0&callerTrxId=x'));
      assert.match(unknown.summary, /^URI di esito App2App \(operazione non riconosciuta\)/);
    });

    it('reads dates in the locale, with the same ISO value', () => {
      const en = readDdMMyyHHmm('0912202317')!;
      const ita = withLocale('it', () => readDdMMyyHHmm('0912202317'))!;
      assert.equal(en.text, '9 Dec 2020 23:17');
      assert.equal(ita.text, '9 dicembre 2020, 23:17');
      assert.equal(ita.iso, en.iso);
      assert.equal(withLocale('it', () => readMMdd('0229'))!.text, '29 febbraio');
      assert.equal(withLocale('it', () => readIso8601('2025-05-16T14:51:51Z'))!.text, '16 maggio 2025, 14:51:51 UTC');
      assert.equal(withLocale('it', () => readRrn('513614271424', 2026))!.date, '16 maggio 2025');
    });

    it('stays English by default and follows a locale switch at once', () => {
      assert.equal(getLocale(), 'en');
      const english =
        'Payment succeeded: Approved: the operation was performed successfully. — amount €0.01; card contactless …5938; at 9 Dec 2020 23:17; terminal 30350039; authorisation code 012651; callerTrxId qwerty.';
      assert.equal(only(paymentResponse).summary, english);
      setLocale('it');
      assert.match(only(paymentResponse).summary, /^Pagamento: /);
      setLocale('en');
      assert.equal(only(paymentResponse).summary, english);
    });
  });

  describe('Markdown', () => {
    it('renders the decode document in Italian', () => {
      const md = withLocale('it', () => decodeDocumentMarkdown(decodeText(paymentResponse, { now }), { where: () => ({ line: 3, column: 7 }), source: 'riga 3 di logcat.log' }));
      assert.match(md, /^# Esito pagamento — approvato\n/);
      assert.match(md, /\n## Lettura\n\n- Prodotto: MobilePOS \(dedotto da actionCode, pan, transactionType\)\n/);
      assert.ok(md.includes('URI (riga 3, colonna 7):'), md);
      assert.ok(md.includes('## Campi\n\n| Chiave | Valore | Significato | Interpretazione | Fonte |'), md);
      assert.ok(md.includes('| documentazione Nexi'), md);
      assert.ok(md.includes('## Diagnostica\n\nNessuna.'), md);
      assert.ok(md.endsWith('*Decodificato da Nexi App2App Toolkit (riga 3 di logcat.log). I numeri di carta sono mascherati.*\n'), md.slice(-200));
      const two = withLocale('it', () => decodeDocumentMarkdown(decodeText(`${paymentResponse}\n${request}`, { now })));
      assert.match(two, /^# 2 URI App2App\n/);
      assert.ok(two.includes('## Richiesta pagamento'), two);
    });

    it('renders hovers and completion documentation in Italian', () => {
      const e = withLocale('it', () => only(paymentResponse));
      const hover = withLocale('it', () => fieldMarkdown(e, e.fields.find((f) => f.key === 'amount')!));
      assert.match(hover, /\nValore: `1` → /);
      assert.match(hover, /\*Fonte: documentazione Nexi .*\* · Esito pagamento$/);
      const payment = findOperation('payment')!;
      const amount = payment.request.find((p) => p.name === 'amount')!;
      const doc = withLocale('it', () => parameterMarkdown(amount, payment));
      assert.match(doc, /\*\*Obbligatorio\*\* per payment/);
      assert.match(doc, /\*Fonte: documentazione Nexi/);
    });

    it('reads provenance labels in the current locale', () => {
      assert.equal(provenanceLabel('inferred'), 'inferred');
      assert.equal(withLocale('it', () => provenanceLabel('inferred')), 'dedotto');
      assert.equal(withLocale('it', () => provenanceLabel('nexi-sample')), 'solo codice di esempio Nexi');
      assert.equal(provenanceLabel('nexi-documented'), 'Nexi documentation');
      for (const p of Object.keys(markdownMessagesEn.provenance) as Array<keyof typeof markdownMessagesEn.provenance>) assert.ok(withLocale('it', () => provenanceLabel(p)), p);
    });
  });

  describe('checkTransaction', () => {
    const transaction = { status: 'APPROVED', amount: '450', rrn: '513614271424', hostTotal: '1', foo: 'bar', nested: { a: 1 } };

    it('tells unknown backend keys apart by the tables, whatever the language', () => {
      for (const [locale, unknown] of [
        ['en', checkMessagesEn.unknownBackendKey],
        ['it', withLocale('it', () => checkMessages().unknownBackendKey)],
      ] as const) {
        const fields = withLocale(locale, () => explainCheckResult(transaction));
        const by = Object.fromEntries(fields.map((f) => [f.key, f]));
        assert.equal(by.foo!.meaning, unknown, `${locale} foo`);
        // hostTotal is a parameter of another operation: still a backend field, not a misplaced URI parameter.
        assert.equal(by.hostTotal!.meaning, unknown, `${locale} hostTotal`);
        assert.notEqual(by.amount!.meaning, unknown, `${locale} amount is explained`);
        assert.equal(by.rrn!.explainedAs, 'f37');
      }
      assert.equal(withLocale('it', () => explainCheckResult(transaction)).find((f) => f.key === 'nested')!.meaning, 'Non è un valore scalare; mostrato come JSON.');
    });

    it('writes the document in Italian', () => {
      const md = withLocale('it', () =>
        checkResultMarkdown({ environmentLabel: 'Sandbox', terminalId: '30350039', callerTrxId: 'PP-1', at: '2026-11-21T10:00:00.000Z', found: { transaction, attempts: 2, durationMs: 12 } }),
      );
      assert.ok(md.includes('Terminale `30350039`, callerTrxId `PP-1`, verifica eseguita il 21 novembre 2026, 10:00:00 UTC.'), md);
      assert.ok(md.includes('**Trovata**: APPROVED'), md);
      assert.ok(md.includes('. 2 tentativi, 12 ms.'), md);
      assert.ok(md.includes('| Chiave | Valore | Significato | Fonte |'), md);
      assert.ok(md.includes('(interpretato come f37) | dedotto |'), md);
      assert.ok(md.includes('## Risposta grezza'), md);
      const failed = withLocale('it', () =>
        checkResultMarkdown({ environmentLabel: 'STG', terminalId: '1', callerTrxId: 'x', at: 'now', error: { code: 'TRANSACTION_NOT_FOUND', message: 'non trovata' } }),
      );
      assert.match(failed, /\*\*Passo successivo:\*\* /);
    });
  });

  describe('reconciliation report', () => {
    const entry = (e: Partial<ReconciledEntry> & Pick<ReconciledEntry, 'classification' | 'callerTrxId' | 'line'>): ReconciledEntry => ({
      range: { start: 0, end: 1 },
      appOutcome: 'approved',
      differences: [],
      terminalId: '30350039',
      operation: 'payment',
      ...e,
    });
    // A failure as a run records it: the English message (exports) and the error, worded when the report is shown.
    const notFound = new NexiError('TRANSACTION_NOT_FOUND');
    const report: ReconcileReport = {
      entries: [
        entry({ line: 1, callerTrxId: 'A', classification: 'match', result: '0', backendOutcome: 'approved' }),
        entry({ line: 2, callerTrxId: 'B', classification: 'mismatch', result: '0', backendOutcome: 'approved', amount: '999', differences: [{ field: 'amount', app: '999', backend: '1000' }] }),
        entry({ line: 3, callerTrxId: 'C', classification: 'app-failed-backend-approved', appOutcome: 'no-result', backendOutcome: 'approved', differences: [{ field: 'outcome', app: 'no-result', backend: 'approved' }] }),
        entry({ line: 4, callerTrxId: 'D', classification: 'error', appOutcome: 'failed', result: '-1', errorCode: 'NO_TERMINAL_ID', message: reportMessagesEn.noTerminalId }),
        entry({ line: 5, callerTrxId: 'E', classification: 'not-found', errorCode: 'TRANSACTION_NOT_FOUND', message: notFound.message, failure: notFound }),
      ],
      totals: { match: 1, mismatch: 1, 'app-failed-backend-approved': 1, 'not-found': 1, error: 1, total: 5 },
      cancelled: true,
    };

    it('writes the Markdown report in Italian', () => {
      const md = withLocale('it', () => toMarkdown(report, { title: 'Riconciliazione di logcat.log' }));
      assert.ok(md.startsWith('# Riconciliazione di logcat.log\n\nTransazioni: 5; **corrispondenze: 1**, discrepanze: 1, '), md);
      assert.ok(md.includes(" L'esecuzione è stata annullata prima della fine."), md);
      assert.ok(md.includes("> **⚠ Pagamenti approvati da Nexi mentre l'app ha registrato un errore o nessun esito: 1.**"), md);
      assert.ok(md.includes('> - riga 3: terminale 30350039, callerTrxId `C` (app: nessun esito)'), md);
      assert.ok(md.includes('| Riga | Esito | Terminale | callerTrxId | App | Backend | Dettagli |'), md);
      assert.ok(md.includes('| 1 | corrispondenza | 30350039 | `A` | approvata (result 0) | approvata |  |'), md);
      assert.ok(md.includes("| **discrepanza** | 30350039 | `B` | approvata (result 0) | approvata | importo: 999 nell'app, 1000 sul backend |"), md);
      assert.ok(md.includes("| **NON RIUSCITA NELL'APP, APPROVATA DAL BACKEND** | 30350039 | `C` | nessun esito | approvata | stornarla o completarla |"), md);
      assert.ok(md.includes('| NO_TERMINAL_ID: Nessun ID terminale: la riga del log non lo riporta; indicare un ID terminale predefinito. |'), md);
      assert.ok(md.includes(`| ${withLocale('it', () => userMessage(notFound))} |`), md);
      // The error's message starts with its code: the row names it once.
      assert.ok(md.includes('| TRANSACTION_NOT_FOUND: Transazione non trovata. ') && !md.includes('TRANSACTION_NOT_FOUND: TRANSACTION_NOT_FOUND'), md);
    });

    it('keeps the English Markdown, and CSV and JSON are the same in every locale', () => {
      const md = toMarkdown(report, { title: 'Reconciliation of logcat.log' });
      assert.ok(md.includes('Transactions: 5; **match: 1**, mismatch: 1, **app failed but backend approved: 1**, not found: 1, error: 1. The run was cancelled before the end.'), md);
      assert.ok(md.includes('| **mismatch** | 30350039 | `B` | approved (result 0) | approved | amount: app 999, backend 1000 |'), md);
      assert.ok(md.includes('| **APP FAILED, BACKEND APPROVED** | 30350039 | `C` | no-result | approved | reverse or complete it |'), md);
      assert.ok(md.includes(`| ${notFound.message} |`), md);
      assert.ok(md.includes('| TRANSACTION_NOT_FOUND: Transaction not found. ') && !md.includes('TRANSACTION_NOT_FOUND: TRANSACTION_NOT_FOUND'), md);
      assert.equal(withLocale('it', () => toCsv(report)), toCsv(report));
      assert.equal(withLocale('it', () => toJson(report, 'logcat.log')), toJson(report, 'logcat.log'));
      assert.ok(toCsv(report).includes('"outcome: app no-result, backend approved"'));
    });

    it('words backend errors of a real run in the locale the report is shown in', async () => {
      const entries = extractEntries('D/App: dat=x://payment?result=-1&amount=1&callerTrxId=GONE&operationType=PAYMENT&terminalId=30350039 flg=0 }\nD/App: dat=x://payment?amount=1&callerTrxId=NOTID&uri=x://payment');
      const run = await withLocale('it', () => reconcile(entries, async () => Promise.reject(new NexiError('TRANSACTION_NOT_FOUND'))));
      const gone = run.entries.find((e) => e.callerTrxId === 'GONE')!;
      assert.equal(gone.classification, 'not-found');
      assert.match(gone.message!, /^TRANSACTION_NOT_FOUND: Transaction not found/, 'exports keep the English message');
      const ita = withLocale('it', () => toMarkdown(run, { title: 'x' }));
      const en = toMarkdown(run, { title: 'x' });
      assert.ok(ita.includes(`| ${withLocale('it', () => userMessage(new NexiError('TRANSACTION_NOT_FOUND')))} |`), ita);
      assert.ok(en.includes(`| ${gone.message} |`), en);
      assert.ok(ita.includes('NO_TERMINAL_ID: Nessun ID terminale'), ita);
      assert.equal(run.entries.find((e) => e.callerTrxId === 'NOTID')!.message, reportMessagesEn.noTerminalId);
    });

    it('reads classification labels in the current locale', () => {
      assert.equal(classificationLabel('not-found'), 'not found on the backend');
      assert.equal(withLocale('it', () => classificationLabel('not-found')), 'non trovata sul backend');
      assert.equal(withLocale('it', () => classificationLabel('app-failed-backend-approved')), "NON RIUSCITA NELL'APP, APPROVATA DAL BACKEND");
    });
  });

  describe('simulator', () => {
    it('reports bad outcomes and requests in Italian', () => {
      withLocale('it', () => {
        assert.throws(() => parseOutcome('bogus'), (e: unknown) => e instanceof SimulationError && e.message === "esito 'bogus' sconosciuto: usare approved, declined[:CODE], cancelled, softpos-error[:X-Y-Z] o result:N");
        assert.throws(() => parseOutcome('declined:1'), /^SimulationError|declined:1: un codice azione è di 3 cifre/);
        assert.throws(() => parseOutcome('result:-999'), /result -999 non è un codice di esito documentato da Nexi/);
        assert.throws(() => simulate('https://example.com', { outcome: { kind: 'approved' }, product: 'softpos' }), /non è un URI di richiesta App2App/);
      });
      assert.throws(() => parseOutcome('bogus'), /unknown outcome 'bogus'/);
    });

    it('writes notes in Italian and the same URI in both languages', () => {
      const closure = 'neximpos://accounting_closure?callerTrxId=C-1&callerName=Shop&uri=shop://closure';
      const options = { outcome: { kind: 'approved' } as const, product: 'softpos' as const, now, seed: 7, utcOffsetMinutes: 60 };
      const ita = withLocale('it', () => simulate(closure, options));
      const en = simulate(closure, options);
      assert.equal(ita.uri, en.uri);
      assert.deepEqual(ita.notes, ['La chiusura contabile è disponibile solo su MobilePOS: se è presente solo un TID SoftPOS, Nexi POS risponde -19 (spec §6, §9.1).']);
      assert.deepEqual(en.notes, ['Accounting closure is MobilePOS only: with only a SoftPOS TID Nexi POS answers -19 (spec §6, §9.1).']);
    });
  });

  describe('language-model tools', () => {
    it('explain codes in Italian', () => {
      const r = withLocale('it', () => explainCodeMarkdown({ kind: 'result', code: '21' }));
      assert.match(r, /^# result `21`\n/);
      assert.match(r, /\n- Esito: rifiutato; (ritentabile|definitivo \(non ritentare così com'è\))( \(dedotto\))?\.\n/);
      assert.match(r, /\n- Previsto per: /);
      assert.match(r, /\nFonte: /);
      const a = withLocale('it', () => explainCodeMarkdown({ kind: 'actionCode', code: '116' }));
      assert.match(a, /\n- Tipo: codice azione ISO 8583:1993\.\n- Esito: rifiutato o non riuscito\.\n/);
      assert.match(withLocale('it', () => explainCodeMarkdown({ kind: 'receiptKey', code: 'ct108' })), /^# Chiave dello scontrino `ct108`\n\nNon è una chiave dello scontrino nota .*; forse si intendeva `CT108`\?\n$/);
      const tag = withLocale('it', () => explainCodeMarkdown({ kind: 'emvTag', code: '9F36' }));
      assert.match(tag, /^# Tag EMV `9F36` — /);
      assert.match(tag, /\n- BER: classe (applicazione|specifica del contesto|universale|privata), primitivo\.\n/);
      assert.match(withLocale('it', () => explainCodeMarkdown({ kind: 'emvTag', code: 'ZZ' })), /Non presente nel dizionario dei tag EMV/);
    });

    it('answer inputs, decode and validation summaries in Italian', () => {
      assert.throws(() => withLocale('it', () => decodeToolInput({})), (e: unknown) => e instanceof ToolInputError && e.message === 'nexi_decode_uri richiede "text".');
      assert.match(withLocale('it', () => decodeToolText({ text: 'niente' })), /^Nessun URI App2App trovato: il testo fornito non contiene richieste neximpos:\/\//);
      assert.match(withLocale('it', () => validateToolText(validateToolInput({ uri: request }))), /^L'URI è valido \(errori: 0, avvisi: \d+, note: \d+\)\. /);
      assert.match(validateToolText(validateToolInput({ uri: request })), /^The URI is valid: 0 error\(s\)/);
    });

    it('confirm and refuse checks in Italian', () => {
      const { environments } = resolveEnvironments({});
      const prod = environments.find((e) => e.id === 'prod')!;
      const stg = environments.find((e) => e.id === 'stg')!;
      const c = withLocale('it', () => checkConfirmation(prod, { terminalId: '30350039', callerTrxId: 'PP-1' }));
      assert.equal(c.title, 'Verificare una transazione su PROD (produzione)?');
      assert.match(c.message, /^Cercare la transazione `PP-1` del terminale `30350039` con checkTransaction su PROD — l'ambiente di \*\*produzione\*\* di Nexi/);
      assert.equal(withLocale('it', () => checkConfirmation(stg, { terminalId: '1', callerTrxId: '2' })).title, 'Verificare una transazione su STG?');
      assert.match(withLocale('it', () => checkRefusal({ trusted: false, environment: stg, configured: [stg] }))!, /^nexi_check_transaction usa le credenziali e la rete, disattivate in modalità con restrizioni/);
      assert.match(withLocale('it', () => checkRefusal({ trusted: true, environment: stg, configured: [] }))!, /^STG non ha credenziali memorizzate.*Nexi: Avvia sandbox locale/);
      assert.match(checkRefusal({ trusted: true, environment: stg, configured: [] })!, /^STG has no stored credentials/);
    });
  });
});
