import { strict as assert } from 'assert';
import { buildInputMessages, requestInputFromEntries } from '../../src/core/app2app/buildInput';
import { answer, builderActions, builderMessages, currentStep, initialState, optionalGroups, validateStepValue, type BuilderState } from '../../src/core/app2app/builderFlow';
import {
  catalogProse,
  catalogText,
  findOperation,
  findParameter,
  localizedParameter,
  operationTitle,
  operations,
  parameterDescription,
  type OperationSpec,
  type ParameterSpec,
} from '../../src/core/app2app/catalog';
import { completeAt, completeMessages } from '../../src/core/app2app/complete';
import { copiedMessage, copyAsMessages, copyFormats } from '../../src/core/app2app/copyAs';
import { diagnosticCodes, diagnosticTitle, fixTitles, formatFixTitle, formatMessage, type DiagnosticCode } from '../../src/core/app2app/diagnosticCodes';
import { validateMessages, validateUri } from '../../src/core/app2app/validate';
import { bundleOf, getLocale, setLocale, t, translatedTables, withLocale } from '../../src/core/l10n';

/** Placeholders (`{name}`) of a template, sorted. */
const placeholders = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Every string leaf of `en`, with its path. */
function leaves(en: unknown, path = ''): { path: string; en: string }[] {
  if (typeof en === 'string') return [{ path, en }];
  if (en === null || typeof en !== 'object') return [];
  return Object.entries(en).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
}

/** The English table registered as `name` with `translated` (the module defining it is imported above). */
function table(name: string): unknown {
  const found = translatedTables.find((e) => e.name === name);
  assert.ok(found, `${name} is registered`);
  return found.table;
}

/** Every text of table `name` has an Italian entry in the bundle with the same placeholders and code spans. */
function checkPairs(name: string, allowSame: readonly string[] = []): number {
  const bundle = bundleOf('it') as Record<string, unknown>;
  const pairs = leaves(table(`app2app.${name}`), name);
  for (const p of pairs) {
    assert.equal(typeof bundle[p.en], 'string', `${p.path}: no Italian`);
    const itText = withLocale('it', () => t(p.en));
    assert.ok(itText.trim().length > 0, `${p.path}: empty`);
    assert.deepEqual(placeholders(itText), placeholders(p.en), `${p.path}: placeholders`);
    // Backticked code is kept as it is.
    const code = (t: string) => [...new Set([...t.matchAll(/`[^`]*`/g)].map((m) => m[0]))].sort();
    assert.deepEqual(code(itText), code(p.en), `${p.path}: code spans`);
    if (allowSame.includes(p.path)) assert.equal(itText, p.en, `${p.path} is allowed to stay as it is, and does`);
    else assert.notEqual(itText, p.en, `${p.path}: not translated`);
  }
  return pairs.length;
}

/** Every prose text a spec carries. */
function specTexts(op: OperationSpec): string[] {
  const side = (s: ParameterSpec) => [
    s.description,
    ...(s.notes ?? []),
    ...(s.defaultNote !== undefined ? [s.defaultNote] : []),
    ...(s.ignoredReason !== undefined ? [s.ignoredReason] : []),
    ...(s.constraints ? [s.constraints.text, ...(s.constraints.allowedText !== undefined ? [s.constraints.allowedText] : [])] : []),
  ];
  return [op.title, op.description, ...op.request.flatMap(side), ...op.response.flatMap(side)];
}

const op = (name: string) => findOperation(name) as OperationSpec;
const badUri = 'neximpos://payment?amount=1,50&callerTrxId=x';

describe('App2App in Italian', () => {
  afterEach(() => setLocale('en'));

  describe('tables', () => {
    it('every diagnostic title, message, variant and fix title has an Italian one with the same placeholders', () => {
      const n = checkPairs('diagnostics');
      assert.ok(n > 60, `${n} texts`);
      assert.equal(leaves(table('app2app.diagnostics')).filter((p) => p.path.startsWith('.fixTitles')).length, Object.keys(fixTitles).length);
    });

    it('every catalog text has an Italian one; every text of every spec comes from the table', () => {
      assert.equal(table('app2app.catalog'), catalogText);
      checkPairs('catalog');
      for (const o of operations) {
        for (const text of specTexts(o)) {
          const italian = withLocale('it', () => catalogProse(text));
          assert.notEqual(italian, text, `${o.name}: not in catalogText: ${text}`);
          assert.deepEqual(placeholders(italian), placeholders(text));
        }
      }
    });

    it('completion, builder, copy, build-input and validator texts are complete', () => {
      assert.equal(table('app2app.validate'), validateMessages);
      assert.equal(table('app2app.complete'), completeMessages);
      assert.equal(table('app2app.builder'), builderMessages);
      assert.equal(table('app2app.copyAs'), copyAsMessages);
      assert.equal(table('app2app.buildInput'), buildInputMessages);
      checkPairs('validate');
      checkPairs('complete');
      // A pure pattern and a name stay as they are.
      checkPairs('builder', ['builder.optionalDescription']);
      checkPairs('copyAs', ['copyAs.labels.uri']);
      checkPairs('buildInput');
    });
  });

  describe('diagnostics', () => {
    it('validate gives Italian messages with the same codes, ranges and edits; English is unchanged', () => {
      const en = validateUri(badUri);
      const it = withLocale('it', () => validateUri(badUri));
      assert.equal(getLocale(), 'en');
      assert.deepEqual(
        it.map((d) => [d.code, d.severity, d.range]),
        en.map((d) => [d.code, d.severity, d.range]),
      );
      assert.deepEqual(
        it.map((d) => d.fixes?.map((f) => f.edits)),
        en.map((d) => d.fixes?.map((f) => f.edits)),
      );
      assert.deepEqual(
        en.map((d) => d.code),
        ['A2A003', 'A2A003', 'A2A004'],
      );
      const amount = en.find((d) => d.code === 'A2A004')!;
      assert.equal(amount.message, '`amount` is in euro cents, without a decimal separator: `1,50` looks like euros — write `150`.');
      assert.equal(amount.fixes?.[0].title, 'Replace with `150`');
      const amountIt = it.find((d) => d.code === 'A2A004')!;
      assert.equal(amountIt.message, '`amount` è in centesimi di euro, senza separatore decimale: `1,50` sembra un importo in euro — scrivere `150`.');
      assert.equal(amountIt.fixes?.[0].title, 'Sostituire con `150`');
      const missing = it.filter((d) => d.code === 'A2A003').map((d) => d.message);
      assert.deepEqual(missing, [
        'L\'operazione payment richiede `callerName`: Etichetta del pulsante "Torna a …" che riporta all\'app chiamante. Aggiungerlo.',
        "L'operazione payment richiede `uri`: URI di ritorno: Nexi POS lo apre aggiungendo i campi dell'esito come parametri della query. Aggiungerlo.",
      ]);
      assert.deepEqual(
        it.filter((d) => d.code === 'A2A003')[0].fixes?.map((f) => f.title),
        ['Aggiungere `callerName`', 'Aggiungere tutti i parametri obbligatori mancanti'],
      );
      assert.equal(en.filter((d) => d.code === 'A2A003')[0].message, 'payment needs `callerName`: Label of the "Torna a …" (back to …) button that returns to the calling app. Add it.');
    });

    it('catalog words inside messages follow the locale: ignored reason, allowed characters, spaces', () => {
      const uri = 'neximpos://payment?amount=150&callerName=S&callerTrxId=1&uri=a%3A%2F%2Fb&terminalId=12345678&addInfoKey1=a%20b%C3%A8&addInfo1=v';
      const it = withLocale('it', () => validateUri(uri));
      assert.equal(it.find((d) => d.code === 'A2A021')?.message, "`terminalId` viene ignorato da payment: Nexi POS usa il TID selezionato per ultimo nell'app.");
      assert.equal(
        it.find((d) => d.code === 'A2A012')?.message,
        '`addInfoKey1` può contenere solo cifre, lettere e ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }. Non consentiti qui: spazio.',
      );
      // spec §16.3: `è` may or may not count as a letter, so it is a separate warning (A2A037).
      assert.equal(
        it.find((d) => d.code === 'A2A037')?.message,
        '`addInfoKey1` contiene `è`: Nexi consente "lettere" senza dire se valgano anche le lettere accentate o non latine (spec §16.3), quindi Nexi POS potrebbe rifiutare la coppia (dedotto). Per sicurezza usare A–Z.',
      );
      const en = validateUri(uri);
      assert.equal(en.find((d) => d.code === 'A2A012')?.message, '`addInfoKey1` may contain only digits, letters and ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }. Not allowed here: space.');
    });

    it('an explicit table still wins, then the locale, then English; titles follow the locale', () => {
      const table = { messages: { A2A010: { message: '`{name}` doppio.' } } } as const;
      assert.equal(withLocale('it', () => formatMessage('A2A010', { name: 'x' }, undefined, table)), '`x` doppio.');
      assert.equal(withLocale('it', () => formatMessage('A2A010', { name: 'x' })), '`x` compare più di una volta; Android legge solo la prima occorrenza. Mantenerne una sola.');
      assert.equal(formatMessage('A2A010', { name: 'x' }), '`x` appears more than once; Android reads only the first occurrence. Keep one.');
      assert.equal(withLocale('it', () => formatMessage('A2A001', { scheme: 'X' }, 'missing')), "L'URI non ha uno schema: le richieste iniziano con `neximpos://`.");
      assert.equal(withLocale('it', () => formatFixTitle('percentEncode', { encoded: '%20' })), 'Codificare come `%20`');
      for (const code of Object.keys(diagnosticCodes) as DiagnosticCode[]) {
        assert.equal(diagnosticTitle(code), diagnosticCodes[code].title);
        assert.equal(withLocale('it', () => diagnosticTitle(code)), (bundleOf('it') as Record<string, string>)[diagnosticCodes[code].title]);
        assert.notEqual(withLocale('it', () => diagnosticTitle(code)), diagnosticCodes[code].title);
      }
    });
  });

  describe('pseudo-locale', () => {
    it('every catalog sentence, diagnostic and completion text goes through the bundle lookup (qps-ploc wraps it)', () => {
      const amount = findParameter(op('reversal'), 'request', 'amount')!.spec;
      assert.equal(withLocale('qps-ploc', () => parameterDescription(amount)), '⟦Amount in euro cents of the transaction to reverse.⟧');
      assert.equal(withLocale('qps-ploc', () => operationTitle(op('payment'))), '⟦Payment⟧');
      const [missing] = withLocale('qps-ploc', () => validateUri('neximpos://payment?amount=150&callerTrxId=x&uri=a%3A%2F%2Fb'));
      assert.equal(missing.message, '⟦payment needs `callerName`: {description} Add it.⟧'.replace('{description}', '⟦Label of the "Torna a …" (back to …) button that returns to the calling app.⟧'));
      assert.equal(missing.fixes?.[0].title, '⟦Add `callerName`⟧');
      const names = withLocale('qps-ploc', () => completeAt('neximpos://payment?', 19));
      assert.equal(names.find((c) => c.label === 'amount')?.detail, '⟦required · ⟦Amount in euro cents.⟧⟧');
    });
  });

  describe('catalog accessors', () => {
    it('give the locale of the moment, and the specs stay English', () => {
      const amount = findParameter(op('reversal'), 'request', 'amount')!.spec;
      assert.equal(parameterDescription(amount), 'Amount in euro cents of the transaction to reverse.');
      assert.equal(withLocale('it', () => parameterDescription(amount)), 'Importo in centesimi di euro della transazione da stornare.');
      assert.equal(amount.description, 'Amount in euro cents of the transaction to reverse.');
      assert.equal(withLocale('it', () => operationTitle(op('accounting_closure'))), 'Chiusura contabile');
      const ts = withLocale('it', () => localizedParameter(findParameter(op('reversal'), 'request', 'timestamp')!.spec));
      assert.equal(ts.constraints?.text, "ddMMyyHHmm (documentato come ddmmyyhhmm; formato 24 ore dedotto dall'esempio); fuso orario non indicato (spec §12, §16.7)");
      assert.deepEqual(ts.notes, ['Un esempio passa invece i millisecondi epoch (spec §12).']);
      assert.equal(ts.name, 'timestamp');
      assert.equal(localizedParameter(amount), amount);
    });
  });

  describe('completion and builder', () => {
    it('completion details and documentation are Italian', () => {
      const ops = withLocale('it', () => completeAt('neximpos://', 11));
      assert.equal(ops.find((c) => c.label === 'accounting_closure')?.detail, 'Chiusura contabile (solo MobilePOS)');
      assert.equal(ops.find((c) => c.label === 'payment')?.documentation, 'Addebita una carta sul TID selezionato per ultimo in Nexi POS.\n\nObbligatori: `amount`, `callerName`, `callerTrxId`, `uri`');
      const names = withLocale('it', () => completeAt('neximpos://payment?', 19));
      assert.equal(names.find((c) => c.label === 'amount')?.detail, 'obbligatorio · Importo in centesimi di euro.');
      assert.equal(names.find((c) => c.label === 'email')?.detail, 'facoltativo · Precompila il campo e-mail della schermata "invia scontrino".');
      assert.match(names.find((c) => c.label === 'amount')?.documentation ?? '', /Importo in centesimi di euro\./);
      const bools = withLocale('it', () => completeAt('neximpos://payment?sendTicket=', 30));
      assert.deepEqual(
        bools.map((c) => c.detail),
        ['sendTicket (predefinito se assente)', 'sendTicket'],
      );
      const now = withLocale('it', () => completeAt('neximpos://reversal?timestamp=', 30, { now: new Date(2025, 4, 16, 14, 51) }));
      assert.equal(now[0].detail, 'adesso (ddMMyyHHmm, ora locale)');
      assert.equal(completeAt('neximpos://reversal?timestamp=', 30)[0].detail, 'now (ddMMyyHHmm, local time)');
    });

    it('builder steps, choices, problems and actions are Italian', () => {
      const first = withLocale('it', () => currentStep(initialState));
      assert.ok(first.step.kind === 'operation');
      assert.deepEqual(first.step.items[1], { name: 'reversal', title: 'Storno', description: "Storna una transazione; su SoftPOS sempre l'ultima transazione stornabile del mese." });
      assert.equal(withLocale('it', () => answer(initialState, 'refund').problem?.message), 'Scegliere una tra: payment, reversal, last_transaction, accounting_closure.');
      const s = answer(initialState, 'payment').state as BuilderState;
      const amount = withLocale('it', () => currentStep(s));
      assert.ok(amount.step.kind === 'value');
      assert.equal(
        amount.step.prompt,
        'amount: Importo in centesimi di euro. Formato: numero intero positivo di centesimi di euro (1 = 0,01 €, 150 = 1,50 €); nessun massimo documentato, un int arriva al massimo a 2147483647 (limite dedotto). Digitare il valore senza codificarlo: il percent-encoding viene applicato automaticamente.',
      );
      assert.equal(withLocale('it', () => validateStepValue('payment', 'amount', '', true))?.message, 'amount è obbligatorio: Importo in centesimi di euro.');
      assert.equal(
        withLocale('it', () => validateStepValue('payment', 'amount', '1,50', true))?.message,
        'amount è in centesimi di euro, senza separatore decimale: 1,50 sembra un importo in euro — scrivere 150.',
      );
      const groups = withLocale('it', () => optionalGroups(op('payment')));
      assert.deepEqual(groups.find((g) => g.id === 'tag1'), { id: 'tag1', label: 'Tag aggiuntivo 1', description: "addInfoKey1 + addInfo1: riportati nell'esito e sullo scontrino", params: ['addInfoKey1', 'addInfo1'] });
      assert.equal(groups.find((g) => g.id === 'sendTicket')?.description, 'Mostra il pulsante "invia scontrino" nella schermata dell\'esito. (predefinito true)');
      assert.equal(groups.find((g) => g.id === 'tipEnabled')?.description, 'Inviato dalle app demo ufficiali; non descritto in nessuna pagina del portale. (non documentato)');
      assert.equal(optionalGroups(op('payment')).find((g) => g.id === 'sendTicket')?.description, 'Shows the "send receipt" button on the result screen. (default true)');
      assert.deepEqual(
        withLocale('it', () => builderActions({ canInsert: true, canReplace: false })).map((a) => a.label),
        ['Inserire nella posizione del cursore', 'Copiare', 'Copiare come comando adb', 'Copiare come Intent Kotlin', 'Copiare come Intent Java', 'Copiare come openURL Swift', 'Inviare a un dispositivo o emulatore Android…', 'Simulare la risposta del POS…'],
      );
    });

    it('copy formats and build-input errors follow the locale at the moment they are read', () => {
      const uri = copyFormats.find((f) => f.id === 'uri')!;
      assert.equal(uri.description, 'the URI as it is');
      assert.equal(withLocale('it', () => uri.description), "l'URI così com'è");
      assert.equal(withLocale('it', () => copyFormats.find((f) => f.id === 'kotlin')!.description), 'startActivity(Intent(Intent.ACTION_VIEW, Uri.parse("…")))');
      assert.equal(withLocale('it', () => copiedMessage('adb')), 'URI copiato come comando adb.');
      assert.equal(copiedMessage('adb'), 'Copied the URI as adb command.');
      assert.throws(() => withLocale('it', () => requestInputFromEntries('paymnt', [])), /^BuildInputError: operazione sconosciuta 'paymnt'; forse si intendeva 'payment'\? \(una tra payment, reversal, last_transaction, accounting_closure\)$/);
      assert.throws(() => withLocale('it', () => requestInputFromEntries('payment', [['sendTicket', 'si']])), /sendTicket accetta true o false, non 'si'/);
      assert.throws(() => requestInputFromEntries('payment', [['amout', '1']]), /'amout' is not a payment parameter; did you mean 'amount'\?/);
    });
  });
});
