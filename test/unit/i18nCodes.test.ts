import { strict as assert } from 'assert';
import {
  actionMessages,
  describeActionCode,
  isoCategoryLabel,
  isoCategoryLabels,
  nexiActionCodes,
} from '../../src/core/codes/actionCodes';
import { lookupAid } from '../../src/core/codes/aids';
import { lookupCountry } from '../../src/core/codes/countries';
import { formatAmount, lookupCurrency } from '../../src/core/codes/currencies';
import { iso8583UnitLabel, iso8583UnitLabels, lookupField } from '../../src/core/codes/iso8583';
import { localizedReceiptKeys, lookupReceiptKey, receiptKeys } from '../../src/core/codes/receiptKeys';
import {
  describeResult,
  localizedResultCodes,
  lookupResultCode,
  operationLabel,
  operationLabels,
  resultCodes,
  resultMessages,
  softPosError,
} from '../../src/core/codes/resultCodes';
import {
  ct105Codes,
  lookupCt105,
  lookupOperationType,
  lookupTerminalType,
  lookupTransactionType,
  operationTypes,
  terminalTypes,
  transactionTypes,
  type CodeValue,
} from '../../src/core/codes/transactionTypes';
import { aids } from '../../src/core/data/aidData';
import { countries } from '../../src/core/data/countryData';
import { currencies } from '../../src/core/data/currencyData';
import { emvTags, type EmvCodingData } from '../../src/core/data/emvTagData';
import { iso8583Fields } from '../../src/core/data/iso8583FieldData';
import {
  actionCodeClasses1993,
  actionCodes1993,
  responseCodeExtensions,
  responseCodeRanges1987,
  responseCodes1987,
  responseCodes2021,
} from '../../src/core/data/responseCodeData';
import { decodeBits } from '../../src/core/emv/bits';
import { lookupTag, translateCoding } from '../../src/core/emv/tags';
import { parseTlv, tlvMessages } from '../../src/core/emv/tlv';
import { interpretValue } from '../../src/core/emv/values';
import { getLocale, placeholders, setLocale, withLocale } from '../../src/core/i18n';
import {
  actionMessagesIt,
  aidProductsIt,
  countryNotesIt,
  ct105CodesIt,
  currencyNotesIt,
  isoCategoryLabelsIt,
  nexiActionCodesIt,
  operationLabelsIt,
  operationTypesIt,
  receiptKeysIt,
  resultCodesIt,
  resultMessagesIt,
  terminalTypesIt,
  transactionTypesIt,
  type CodeValueTranslation,
} from '../../src/core/i18n/it/codes';
import {
  emvCodingsIt,
  emvFormatsIt,
  emvLengthsIt,
  emvNotesIt,
  emvOriginsIt,
  emvSchemesIt,
  emvTagNamesIt,
  emvTemplatesIt,
  tlvMessagesIt,
} from '../../src/core/i18n/it/emv';
import { iso8583CommentsIt, iso8583NotesIt, iso8583UnitLabelsIt, iso8583ValueFormatsIt } from '../../src/core/i18n/it/iso8583';
import {
  actionCodeClasses1993It,
  actionCodes1993It,
  responseCodeExtensionsIt,
  responseCodeRanges1987It,
  responseCodes1987It,
  responseCodes2021It,
} from '../../src/core/i18n/it/responseCodes';

/** One English/Italian pair: present, non-empty, same placeholders, and (unless allowed) a real translation. */
function checkPair(where: string, en: string, it: string | undefined, same: ReadonlySet<string> = new Set()): void {
  assert.equal(typeof it, 'string', `${where}: no Italian for ${JSON.stringify(en)}`);
  assert.ok(it!.trim() !== '', `${where}: empty Italian`);
  assert.deepEqual(placeholders(it!), placeholders(en), `${where}: placeholders differ`);
  if (!same.has(en)) assert.notEqual(it, en, `${where}: Italian equals the English ${JSON.stringify(en)}`);
}

/** A message table (same keys both ways). */
function checkTable(name: string, en: Readonly<Record<string, string>>, it: Readonly<Record<string, string>>, same: ReadonlySet<string> = new Set()): void {
  assert.deepEqual(Object.keys(it).sort(), Object.keys(en).sort(), `${name}: keys differ`);
  for (const [key, text] of Object.entries(en)) checkPair(`${name}.${key}`, text, it[key], same);
}

/** A code-keyed overlay: every English row has its Italian, and the overlay has no code the English lacks. */
function checkByCode(name: string, rows: readonly { readonly code: string; readonly meaning: string }[], it: Readonly<Record<string, string>>): void {
  for (const row of rows) checkPair(`${name} ${row.code}`, row.meaning, it[row.code]);
  assert.deepEqual(Object.keys(it).filter((code) => !rows.some((r) => r.code === code)), [], `${name}: codes not in the English table`);
}

describe('i18n: code tables are complete in Italian', () => {
  afterEach(() => setLocale('en'));

  it('message tables: result, action, TLV, operations, ISO categories, ISO 8583 units', () => {
    checkTable('resultMessages', resultMessages, resultMessagesIt);
    checkTable('actionMessages', actionMessages, actionMessagesIt);
    checkTable('tlvMessages', tlvMessages, tlvMessagesIt);
    checkTable('operationLabels', operationLabels, operationLabelsIt);
    checkTable('isoCategoryLabels', isoCategoryLabels, isoCategoryLabelsIt, new Set(['advice']));
    checkTable('iso8583UnitLabels', iso8583UnitLabels, iso8583UnitLabelsIt);
  });

  it('every documented result code has its meaning, and its advice where the English has one', () => {
    for (const e of resultCodes) {
      const it = resultCodesIt[e.code];
      checkPair(`result ${e.code}`, e.meaning, it?.meaning);
      assert.equal(it.detail === undefined, e.detail === undefined, `result ${e.code}: advice present in one language only`);
      if (e.detail) checkPair(`result ${e.code} detail`, e.detail, it.detail);
    }
    assert.deepEqual(Object.keys(resultCodesIt).map(Number).filter((c) => !lookupResultCode(c)), []);
  });

  it("Nexi's action-code table and every ISO 8583 code table", () => {
    checkByCode('nexiActionCodes', nexiActionCodes, nexiActionCodesIt);
    checkByCode('responseCodes1987', responseCodes1987, responseCodes1987It);
    checkByCode('responseCodeExtensions', responseCodeExtensions, responseCodeExtensionsIt);
    checkByCode('responseCodes2021', responseCodes2021, responseCodes2021It);
    checkByCode('actionCodes1993', actionCodes1993, actionCodes1993It);
    for (const [name, rows, it] of [
      ['responseCodeRanges1987', responseCodeRanges1987, responseCodeRanges1987It],
      ['actionCodeClasses1993', actionCodeClasses1993, actionCodeClasses1993It],
    ] as const) {
      for (const r of rows) {
        const t = it[r.range];
        checkPair(`${name} ${r.range}`, r.meaning, t?.meaning);
        assert.equal(t.note === undefined, r.note === undefined, `${name} ${r.range}: note present in one language only`);
        if (r.note) checkPair(`${name} ${r.range} note`, r.note, t.note);
        // A range label is translated only where it has words.
        if (/[a-z]{3,}/.test(r.range)) checkPair(`${name} ${r.range} label`, r.range, t.range);
      }
      assert.deepEqual(Object.keys(it).filter((k) => !rows.some((r) => r.range === k)), []);
    }
  });

  it('every receipt key: label, meaning, notes and worded formats', () => {
    const names = new Set(['AID', 'STAN']);
    for (const k of receiptKeys) {
      const it = receiptKeysIt[k.key];
      assert.ok(it, `receipt key ${k.key} has no Italian`);
      checkPair(`${k.key} label`, k.label, it.label, names);
      checkPair(`${k.key} meaning`, k.meaning, it.meaning);
      assert.equal(it.maxLengthNote === undefined, k.maxLengthNote === undefined, `${k.key}: note present in one language only`);
      if (k.maxLengthNote) checkPair(`${k.key} note`, k.maxLengthNote, it.maxLengthNote);
      // Formats are notation (`n 12`, `dd/MM/yyyy`) unless they contain English words.
      if (/\b(or|unknown|bytes?|separated)\b/.test(k.format)) checkPair(`${k.key} format`, k.format, it.format);
      else assert.equal(it.format, undefined, `${k.key}: the format ${k.format} is notation`);
    }
    assert.deepEqual(Object.keys(receiptKeysIt).filter((key) => !receiptKeys.some((k) => k.key === key)), []);
  });

  it('CT105, transactionType, terminalType and operationType values', () => {
    // Names Nexi prints or product names read the same in Italian.
    const names = new Set([...ct105Codes.map((c) => c.label), 'Chip', 'Contactless', 'MobilePOS', 'SoftPOS']);
    const lists: readonly [string, readonly CodeValue[], Readonly<Record<string, CodeValueTranslation>>][] = [
      ['ct105Codes', ct105Codes, ct105CodesIt],
      ['transactionTypes', transactionTypes, transactionTypesIt],
      ['terminalTypes', terminalTypes, terminalTypesIt],
      ['operationTypes', operationTypes, operationTypesIt],
    ];
    for (const [name, list, it] of lists) {
      for (const c of list) {
        const t = it[c.code];
        assert.ok(t, `${name} ${c.code} has no Italian`);
        checkPair(`${name} ${c.code} label`, c.label, t.label, names);
        checkPair(`${name} ${c.code} meaning`, c.meaning, t.meaning);
        assert.equal(t.note === undefined, c.note === undefined, `${name} ${c.code}: note present in one language only`);
        if (c.note) checkPair(`${name} ${c.code} note`, c.note, t.note);
      }
      assert.deepEqual(Object.keys(it).filter((code) => !list.some((c) => c.code === code)), []);
    }
  });

  it('currency and country notes, and AID products with words in them', () => {
    for (const c of currencies) if (c.note) checkPair(`currency ${c.numeric} note`, c.note, currencyNotesIt[c.numeric]);
    for (const c of countries) if (c.note) checkPair(`country ${c.numeric} note`, c.note, countryNotesIt[c.numeric]);
    for (const [aid, text] of Object.entries(aidProductsIt)) {
      const en = aids.find((a) => a.aid === aid);
      assert.ok(en, `AID ${aid} is not in the data`);
      checkPair(`AID ${aid}`, en.product, text);
    }
    // The products left in English are names (brand + product), with no English words around them.
    assert.deepEqual(
      aids.filter((a) => aidProductsIt[a.aid] === undefined).map((a) => a.product),
      [
        '(RID) Visa International',
        'Visa Credit/Debit (Visa International)',
        'Visa Electron',
        'V PAY',
        'Visa Plus (ATM)',
        '(RID) Mastercard International',
        'Cirrus (ATM)',
        'Mastercard US Maestro / US common debit',
        'Maestro UK (RID A000000005, ex-Switch)',
        'Discover / Diners Club International (D-PAS)',
        'Discover US Common Debit',
        'JCB',
        'UnionPay Credit',
        'UnionPay Quasi-credit',
        'UnionPay Electronic Cash',
        'UnionPay US Common Debit',
        'Visa/Dankort',
        'Dankort (J/Speedy)',
        'Verve / InterSwitch (Nigeria)',
        'RuPay (India)',
        'GIM-UEMOA standard',
      ],
    );
  });

  it('ISO 8583: every comment, packager note and worded value layout', () => {
    for (const f of iso8583Fields) {
      if (f.comment) checkPair(`DE${f.field} comment`, f.comment, iso8583CommentsIt[f.field]);
      else assert.equal(iso8583CommentsIt[f.field], undefined, `DE${f.field} has no English comment`);
      const notes = iso8583NotesIt[f.field];
      assert.equal(notes?.length, f.notes?.length, `DE${f.field}: notes differ in number`);
      f.notes?.forEach((n, i) => checkPair(`DE${f.field} note ${i}`, n, notes![i]));
      for (const v of [f.v1987, f.v1993]) {
        if (v.valueFormat && /[a-z]{3,}/.test(v.valueFormat.replace(/hh|mm|ss/g, ''))) {
          checkPair(`DE${f.field} layout`, v.valueFormat, iso8583ValueFormatsIt[v.valueFormat]);
        }
      }
    }
  });

  it('EMV: notes, worded cells and the names that are not standard EMV names', () => {
    const distinct = (pick: (t: (typeof emvTags)[number]) => string | undefined) => [...new Set(emvTags.map(pick).filter((v): v is string => !!v))];
    const uncovered = (values: string[], table: Readonly<Record<string, string>>) => values.filter((v) => table[v] === undefined);
    for (const [name, values, table] of [
      ['note', distinct((t) => t.note), emvNotesIt],
      ['format', distinct((t) => t.format), emvFormatsIt],
      ['length', distinct((t) => t.len), emvLengthsIt],
      ['origin', distinct((t) => t.origin), emvOriginsIt],
      ['template', distinct((t) => t.template), emvTemplatesIt],
      ['scheme', distinct((t) => t.scheme), emvSchemesIt],
    ] as const) {
      for (const v of values) if (table[v] !== undefined) checkPair(`EMV ${name}`, v, table[v]);
      assert.deepEqual(Object.keys(table).filter((k) => !values.includes(k)), [], `EMV ${name}: entries not in the data`);
    }
    // What is left in English is notation, references or names.
    assert.deepEqual(uncovered(distinct((t) => t.note), emvNotesIt), ['ISO 18245', '= ISO 8583 DE42', '= ISO 8583 DE41']);
    assert.deepEqual(
      uncovered(distinct((t) => t.format), emvFormatsIt).filter((f) => /[a-z]{3,}/.test(f)),
      ['ans', 'var.', 'ans 15', 'an 1 (MC) / b (Visa)', 'n 12 (Visa) / b (MC)'],
    );
    const schemeNames = /\b(MC|Visa|Amex|TTQ)\b/g;
    assert.deepEqual(uncovered(distinct((t) => t.len), emvLengthsIt).filter((l) => /[a-z]{2,}/.test(l.replace(schemeNames, ''))), [
      'var.',
      'var. (MC) / 5-16 (Visa)',
    ]);
    assert.deepEqual(uncovered(distinct((t) => t.origin), emvOriginsIt), ['ICC']);
    assert.deepEqual(uncovered(distinct((t) => t.template), emvTemplatesIt).filter((t) => / or /.test(t)), []);
    // Nexi's own tags have Italian names; the standard EMV names stay in English.
    const nexiTags = emvTags.filter((t) => t.scheme === 'Nexi').map((t) => t.tag);
    assert.deepEqual(Object.keys(emvTagNamesIt).sort(), nexiTags.sort());
    for (const tag of nexiTags) checkPair(`EMV ${tag} name`, emvTags.find((t) => t.tag === tag)!.name, emvTagNamesIt[tag]);
  });

  it('EMV: every bit meaning, field name, value interpretation and example of every coding', () => {
    // Acronyms and names that read the same in Italian.
    const same = new Set(['RFU', 'SDA', 'DDA', 'CDA', 'XDA (EMV 4.4)', 'Cashback', 'TC', 'ARQC', 'AAC', 'EMV 4.4 Book 3 Annex C5', 'EMV Book 3 Annex C6', 'EMV 4.4 Book 4 A2', 'EMV Book 4 A1 Terminal Type', 'EMV Book 4 A3']);
    const coded = emvTags.filter((t) => t.coding);
    assert.deepEqual(Object.keys(emvCodingsIt).sort(), coded.map((t) => t.tag).sort());
    for (const t of coded) {
      const en = t.coding!;
      const it = translateCoding(en, emvCodingsIt[t.tag]);
      const where = `EMV ${t.tag}`;
      const pairs = (a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined, w: string) => {
        assert.deepEqual(Object.keys(b ?? {}), Object.keys(a ?? {}), `${w}: keys differ`);
        for (const [k, v] of Object.entries(a ?? {})) checkPair(`${w} ${k}`, v, b![k], same);
      };
      if (en.text) checkPair(`${where} text`, en.text, it.text);
      pairs(en.values, it.values, `${where} values`);
      pairs(en.examples, it.examples, `${where} examples`);
      if (en.srcNote) checkPair(`${where} source`, en.srcNote, it.srcNote, same);
      en.bytes?.forEach((b, i) => {
        const ib = it.bytes![i];
        if (b.name) checkPair(`${where} byte ${b.byte} name`, b.name, ib.name);
        pairs(b.values, ib.values, `${where} byte ${b.byte} values`);
        b.bits?.forEach((bit, j) => {
          const ibit = ib.bits![j];
          checkPair(`${where} byte ${b.byte} ${bit.bits}`, bit.meaning, ibit.meaning, same);
          if (bit.label) checkPair(`${where} byte ${b.byte} ${bit.bits} label`, bit.label, ibit.label);
          pairs(bit.values, ibit.values, `${where} byte ${b.byte} ${bit.bits} values`);
        });
      });
      // No stray entries: every byte and bit of the Italian exists in the English.
      for (const [byte, tb] of Object.entries(emvCodingsIt[t.tag].bytes ?? {})) {
        const b = en.bytes?.find((x) => x.byte === Number(byte));
        assert.ok(b, `${where}: byte ${byte} is not in the data`);
        for (const spec of Object.keys(tb.bits ?? {})) assert.ok(b.bits?.some((x) => x.bits === spec), `${where}: ${spec} is not in byte ${byte}`);
      }
    }
    // translateCoding keeps the structure (positions, keys, bit specs) of the English.
    const shape = (c: EmvCodingData) => JSON.stringify(c, (k, v) => (typeof v === 'string' && !['bits', 'prov'].includes(k) ? '' : v));
    for (const t of coded) assert.equal(shape(translateCoding(t.coding!, emvCodingsIt[t.tag])), shape(t.coding!), t.tag);
  });
});

describe('i18n: code lookups answer in the current locale', () => {
  afterEach(() => setLocale('en'));

  it('result codes and softPosError', () => {
    withLocale('it', () => {
      const d = describeResult('-30');
      assert.equal(d.meaning, 'Errore di pagamento SoftPOS.');
      assert.match(d.entry!.detail!, /^Il codice specifico è nel parametro softPosError/);
      assert.equal(lookupResultCode(21)?.meaning, "Transazione rifiutata dall'host.");
      assert.equal(
        describeResult('-25').meaning,
        'Il codice di esito -25 non è documentato: Nexi non elenca alcun codice di esito da -22 a -29.',
      );
      assert.deepEqual(describeResult('21', { operation: 'accounting_closure' }).notes, [
        "Nexi non elenca l'esito 21 per l'operazione di chiusura contabile.",
      ]);
      assert.deepEqual(describeResult('\u20135 (retry)').notes, [
        'Un trattino tipografico è stato letto come segno meno.',
        'È stato letto solo il numero iniziale; " (retry)" è stato ignorato.',
      ]);
      assert.equal(describeResult('abc').meaning, "L'esito \"abc\" non è un numero; i codici di esito Nexi sono numeri interi.");
      assert.equal(softPosError('12-3-A7').shape, 'softPosError ha la forma X-Y-Z: X = 12, Y = 3, Z = A7.');
      assert.match(softPosError('12-3').shape, /non ha la forma X-Y-Z descritta da Nexi/);
      assert.equal(operationLabel('reversal'), 'storno');
      assert.equal(localizedResultCodes().find((e) => e.code === -21)?.meaning, 'autoClose e sendTicket non possono essere richiesti insieme.');
    });
    assert.equal(describeResult('-30').meaning, 'SoftPOS payment error.');
    assert.equal(operationLabel('reversal'), 'reversal');
    assert.equal(localizedResultCodes(), resultCodes, 'English is the table itself');
  });

  it('action codes: Nexi table, ISO 1993 and 1987, classes, ranges and notes', () => {
    withLocale('it', () => {
      assert.equal(describeActionCode('05').meaning, 'Autorizzazione negata');
      assert.equal(describeActionCode('05').equivalent?.meaning, 'Autorizzazione negata');
      const d116 = describeActionCode('116');
      assert.equal(d116.meaning, 'Fondi insufficienti');
      assert.deepEqual(d116.notes, [actionMessagesIt.nexiTable, actionMessagesIt.nexiAdvice]);
      const d101 = describeActionCode('101');
      assert.equal(d101.isoMeaning, 'Carta scaduta', 'isoMeaning is present exactly as in English');
      assert.equal(describeActionCode('400', { operation: 'reversal' }).meaning, 'Storno accettato.');
      assert.deepEqual(describeActionCode('400', { operation: 'payment' }).notes, [
        '400 è il codice ISO 8583:1993 "accettato" della classe degli storni; è inatteso in una risposta di pagamento.',
      ]);
      const d150 = describeActionCode('150');
      assert.match(d150.meaning, /^Il codice azione 150 non è nella tabella ISO 8583:1993; appartiene alla classe 100-199: Rifiutata, senza ritiro/);
      assert.match(d150.codeClass!.meaning, /^Rifiutata/);
      assert.match(describeActionCode('080').codeClass!.note!, /^080-099 sono privati: il loro significato varia da acquirer ad acquirer e Nexi non ne documenta nessuno \(un altro acquirer, Global Payments/);
      assert.deepEqual(describeActionCode('50').notes, ["Il codice 50 rientra nell'intervallo 45-50: Riservato all'uso ISO."]);
      assert.equal(describeActionCode('50').meaning, 'Il codice di risposta 50 non è nella tabella ISO 8583:1987.');
      assert.deepEqual(describeActionCode('47').notes, [actionMessagesIt.from2021, "Il codice 47 rientra nell'intervallo 45-50: Riservato all'uso ISO."]);
      const n7 = describeActionCode('N7');
      assert.equal(n7.codeClass?.range, '0A-ZZ (alfanumerici)');
      const y1 = describeActionCode('Y1');
      assert.equal(y1.meaning, 'Approvata offline');
      assert.equal(y1.notes[0], actionMessagesIt.from2021);
      assert.equal(describeActionCode('6W').meaning, 'Verifica della chiave non riuscita. Il key check value non corrisponde');
      assert.deepEqual(describeActionCode('1234').notes, [actionMessagesIt.fourDigits]);
      assert.equal(describeActionCode(' ').meaning, 'Il codice azione è vuoto.');
      assert.equal(isoCategoryLabel('pickup'), 'ritiro della carta');
      assert.equal(isoCategoryLabel('unknown-category'), 'unknown-category');
    });
    assert.equal(describeActionCode('05').meaning, 'Do not honour');
    assert.equal(describeActionCode('101').isoMeaning, 'Expired card');
    assert.equal(describeActionCode('N7').codeClass?.range, '0A-ZZ (alphanumeric)');
    assert.equal(isoCategoryLabel('pickup'), 'pickup');
  });

  it('receipt keys and the small value lists', () => {
    withLocale('it', () => {
      const f39 = lookupReceiptKey('f39')!;
      assert.equal(f39.label, "Codice di risposta dell'autorizzazione");
      assert.equal(f39.format, 'n 3 o an 2');
      assert.equal(f39.maxLength, 3, 'only the words change');
      assert.equal(lookupReceiptKey('CT101')?.maxLengthNote, 'Nella tabella Nexi esempio e lunghezza massima sono attaccati; 8 è la lettura più plausibile.');
      assert.equal(lookupReceiptKey('F42')?.label, 'ID esercente (duplicato)');
      assert.equal(lookupReceiptKey('f42')?.label, 'ID esercente');
      assert.equal(localizedReceiptKeys().length, receiptKeys.length);
      assert.equal(lookupCt105('0100')?.meaning, 'Vendita (pagamento).');
      assert.equal(lookupCt105('0100')?.label, 'SALE');
      assert.equal(lookupTransactionType('MAN')?.label, 'Inserimento manuale');
      assert.equal(lookupTransactionType('MAN')?.documentedForApp2App, false);
      assert.equal(lookupTerminalType('SOFTPOS')?.meaning, 'SoftPOS: il telefono legge le carte contactless tramite NFC.');
      assert.equal(lookupOperationType(' REVERSAL ')?.label, 'Storno');
      assert.equal(lookupOperationType('ACCOUNTING_CLOSE')?.operation, 'accounting_closure');
    });
    assert.equal(lookupReceiptKey('f39')?.label, 'Authorisation response code');
    assert.equal(lookupCt105('0100')?.meaning, 'Sale (payment).');
    assert.equal(lookupOperationType('REVERSAL')?.label, 'Reversal');
  });

  it('currencies, countries, amounts and AIDs', () => {
    withLocale('it', () => {
      assert.equal(lookupCurrency('978')?.name, 'euro');
      assert.equal(lookupCurrency('EUR')?.note, currencyNotesIt['978']);
      assert.equal(lookupCurrency('840')?.name, 'dollaro statunitense');
      assert.equal(lookupCurrency('999')?.name, 'Nessuna valuta');
      assert.match(lookupCurrency('999')!.note!, /^Corretto: i dati di riferimento riportano 000; ISO 4217 assegna a XXX/);
      assert.equal(lookupCurrency('948')?.name, 'Franco WIR (valuta complementare)');
      assert.equal(lookupCountry('380')?.name, 'Italia');
      assert.equal(lookupCountry('DE')?.name, 'Germania');
      assert.match(lookupCountry('AD')!.note!, /^Corretto/);
      assert.equal(formatAmount('000000000450')?.text.replace(/\s/g, ' '), '4,50 €');
      assert.equal(formatAmount('000000000450')?.isoText, 'EUR 4.50');
      assert.equal(formatAmount('450', '978', { locale: 'en' })?.text, '€4.50');
      assert.equal(lookupAid('A0000000043060')?.product, 'Maestro (debito)');
      assert.equal(lookupAid('A0000000651010')?.product, 'JCB');
      assert.equal(lookupAid('A0000000032010')?.brand, 'Visa');
    });
    assert.equal(lookupCurrency('978')?.name, 'Euro');
    assert.equal(lookupCountry('380')?.name, 'Italy');
    assert.equal(formatAmount('450')?.text, '€4.50');
    assert.equal(lookupAid('A0000000043060')?.product, 'Maestro (debit)');
  });

  it('ISO 8583 data elements: standard names, translated comments, notes and units', () => {
    withLocale('it', () => {
      const f39 = lookupField('f39')!;
      assert.equal(f39.v1987.name, 'Response code', 'names stay standard');
      assert.match(f39.comment!, /Nexi documenta f39 come '3 o 2 cifre'/);
      assert.equal(lookupField(13)?.v1993.valueFormat, 'YYMM (data di inizio validità)');
      assert.equal(lookupField(13)?.v1987.valueFormat, 'MMDD');
      assert.deepEqual(lookupField(65)?.notes, iso8583NotesIt[65]);
      assert.equal(lookupField(2)?.comment, undefined);
      assert.equal(iso8583UnitLabel('digits'), 'cifre');
    });
    assert.match(lookupField('f39')!.comment!, /Nexi documents f39 as '3 or 2 digits'/);
    assert.equal(lookupField(13)?.v1993.valueFormat, 'YYMM (effective date)');
    assert.equal(iso8583UnitLabel('digits'), 'digits');
  });

  it('EMV tags: standard names, translated notes and cells', () => {
    withLocale('it', () => {
      const atc = lookupTag('9f36')!;
      assert.equal(atc.name, 'Application Transaction Counter (ATC)');
      assert.equal(atc.note, 'contatore big-endian');
      assert.equal(atc.origin, 'ICC');
      assert.equal(atc.template, '77 o 80');
      assert.equal(lookupTag('5F2A')?.origin, 'Terminale');
      assert.equal(lookupTag('70')?.format, 'costruito');
      assert.equal(lookupTag('70')?.constructed, true);
      assert.equal(lookupTag('DF8001')?.name, 'Tag aggiuntivo Nexi 1 (addInfo1)');
      assert.equal(lookupTag('DF8101')?.note, "dati del kernel; raramente presenti nei messaggi verso l'host");
    });
    assert.equal(lookupTag('9F36')?.note, 'big-endian counter');
    assert.equal(lookupTag('70')?.format, 'constructed');
  });

  it('EMV bits and values: every meaning in Italian, RFU recognised as in English', () => {
    const summary = (tag: string, value: string) =>
      decodeBits(tag, value)!.set.map((d) => `${d.byte}:${d.bits}=${d.value} ${d.meaning}${d.rfu ? ' [RFU]' : ''}`);
    withLocale('it', () => {
      assert.deepEqual(summary('95', '0000008000'), ['4:b8=1 La transazione supera il floor limit']);
      assert.deepEqual(summary('95', '0000800000'), ['3:b8=1 Verifica del titolare della carta non riuscita']);
      const tvr = decodeBits('95', '0000008001')!;
      assert.equal(tvr.set[1].meaning, 'Dipende dal kernel: RRP non eseguito se b2-b1 = 01 (Mastercard C-2); riservato al contactless sul chip a contatto EMV 4.4');
      assert.equal(tvr.name, 'Terminal Verification Results (TVR)');
      assert.deepEqual(summary('95', '0004000002'), [
        '2:b3=1 RFU [RFU]',
        '5:b2=1 Dipende dal kernel: RRP eseguito se b2-b1 = 10 (Mastercard C-2); recupero della chiave ECC non riuscito sul chip a contatto EMV 4.4',
      ]);
      assert.deepEqual(summary('9F27', '8C'), ['1:b8-b7=10 ARQC (andare online)', '1:b4=1 Advice richiesto', '1:b3-b1=100 RFU [RFU]']);
      const cvm = decodeBits('9F34', '1F0002')!;
      assert.deepEqual(
        cvm.byteValues.map((b) => [b.byteName, b.meaning]),
        [
          ['Condizione del CVM (byte 2 della CV rule)', 'Sempre'],
          ['Esito del CVM', 'Riuscito'],
        ],
      );
      assert.equal(cvm.example, 'Nessun CVM richiesto, sempre, riuscito');
      assert.equal(cvm.sourceNote, 'EMV Book 3 C3, codifica delle CV rule; CVM Results');
      assert.deepEqual(summary('9F34', '080000'), ['1:b6-b1=001000 biometria (EMV 4.4)']);
      assert.deepEqual(summary('9F40', '6000000001'), ['1:b7=1 Beni', '1:b6=1 Servizi', '5:b1=1 Tabella codici 1']);
      assert.deepEqual(summary('82', '001E'), ['2:b5-b2=1111 RFU [RFU]']);
      assert.deepEqual(interpretValue('9F35', '22'), { kind: 'enumerated', code: '22', meaning: 'Esercente, presidiato, offline con capacità online' });
      const cur = interpretValue('5F2A', '0978');
      assert.equal(cur?.kind === 'currency' && cur.currency?.name, 'euro');
      const country = interpretValue('9F1A', '0380');
      assert.equal(country?.kind === 'country' && country.country?.name, 'Italia');
      const arc = interpretValue('8A', '3035');
      assert.equal(arc?.kind === 'response-code' && arc.description.meaning, 'Autorizzazione negata');
      assert.deepEqual(interpretValue('9A', '250516'), { kind: 'date', digits: '250516', iso: '2025-05-16' }, 'the reading does not depend on the locale');
      const aid = interpretValue('4F', 'A0000000043060');
      assert.equal(aid?.kind === 'aid' && aid.match?.product, 'Maestro (debito)');
    });
    // RFU flags and sets are the same in both languages.
    for (const [tag, value] of [['95', '0004000002'], ['9B', '0001'], ['9F27', '8C'], ['9F40', '0001000000'], ['95', 'FFFFFFFFFF']] as const) {
      const en = decodeBits(tag, value)!;
      const it = withLocale('it', () => decodeBits(tag, value)!);
      assert.deepEqual(it.set.map((d) => [d.byte, d.bits, d.value, d.rfu]), en.set.map((d) => [d.byte, d.bits, d.value, d.rfu]), `${tag} ${value}`);
    }
    assert.deepEqual(summary('95', '0000008000'), ['4:b8=1 Transaction exceeds floor limit']);
  });

  it('TLV problems: messages in Italian, codes, kinds, ranges and params unchanged', () => {
    for (const input of ['9F3602015', '9F3681', 'zz9F3602015B', '9F36830100000102', '9F3602015B9F10120110800005220000000000000000000FF9F35012195050000008001', '9F']) {
      const en = parseTlv(input);
      const it = withLocale('it', () => parseTlv(input));
      const strip = (r: typeof en) => r.problems.map(({ message: _m, ...rest }) => rest);
      assert.deepEqual(strip(it), strip(en), input);
      it.problems.forEach((p, i) => assert.notEqual(p.message, en.problems[i].message, `${input}: ${p.code}`));
    }
    withLocale('it', () => {
      assert.equal(
        parseTlv('9F3602015').problems[0].message,
        'I dati hanno 9 cifre esadecimali, un numero dispari: non corrispondono a un numero intero di byte.',
      );
      assert.equal(parseTlv('zz9F3602015B').problems[0].message, 'Non esadecimale: "zz" alla posizione 0 è stato ignorato.');
    });
  });

  it('a locale switch takes effect at once, in both directions', () => {
    assert.equal(getLocale(), 'en');
    const en = describeResult('-16').meaning;
    setLocale('it');
    assert.equal(describeResult('-16').meaning, "L'NFC non è attivo (è disattivato).");
    assert.equal(lookupTag('95')?.coding?.bytes?.[0].bits?.[0].meaning, 'Autenticazione offline dei dati non eseguita');
    setLocale('en');
    assert.equal(describeResult('-16').meaning, en);
    assert.equal(lookupTag('95')?.coding?.bytes?.[0].bits?.[0].meaning, 'Offline data authentication was not performed');
  });
});
