import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  actionMessages,
  actionText,
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
  resultText,
  softPosError,
} from '../../src/core/codes/resultCodes';
import {
  ct105Codes,
  localizedCt105Codes,
  localizedOperationTypes,
  localizedTerminalTypes,
  localizedTransactionTypes,
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
import { lookupTag } from '../../src/core/emv/tags';
import { parseTlv, tlvMessages, tlvText } from '../../src/core/emv/tlv';
import { interpretValue } from '../../src/core/emv/values';
import { getLocale, setLocale, withLocale } from '../../src/core/l10n';

const inItalian = <T>(fn: () => T): T => withLocale('it', fn);

/** Placeholders (`{name}`) of a template, sorted. */
const placeholders = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** One English/Italian pair: present, non-empty, same placeholders, and (unless allowed) a real translation. */
function checkPair(where: string, en: string, it: string | undefined, same: ReadonlySet<string> = new Set()): void {
  assert.equal(typeof it, 'string', `${where}: no Italian for ${JSON.stringify(en)}`);
  assert.ok(it!.trim() !== '', `${where}: empty Italian`);
  assert.deepEqual(placeholders(it!), placeholders(en), `${where}: placeholders differ`);
  if (!same.has(en)) assert.notEqual(it, en, `${where}: Italian equals the English ${JSON.stringify(en)}`);
}

/** A message table and its Italian copy (same keys by construction: translated()). */
function checkTable(name: string, en: Readonly<Record<string, string>>, local: Readonly<Record<string, string>>, same: ReadonlySet<string> = new Set()): void {
  assert.deepEqual(Object.keys(local).sort(), Object.keys(en).sort(), `${name}: keys differ`);
  for (const [key, text] of Object.entries(en)) checkPair(`${name}.${key}`, text, local[key], same);
}

/** The Italian of a code table: every English row has its Italian meaning. */
function checkByCode(name: string, rows: readonly { readonly code: string; readonly meaning: string }[], meaningIt: (code: string) => string | undefined): void {
  for (const row of rows) checkPair(`${name} ${row.code}`, row.meaning, meaningIt(row.code));
}

/** An overlay file as shipped (l10n/data/<dataset>.it.json). */
function overlayFile(dataset: string): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'l10n', 'data', `${dataset}.it.json`), 'utf8')) as Record<string, Record<string, unknown>>;
}

describe('i18n: code tables are complete in Italian', () => {
  afterEach(() => setLocale('en'));

  it('message tables: result, action, TLV, operations, ISO categories, ISO 8583 units', () => {
    checkTable('resultMessages', resultMessages, inItalian(resultText));
    checkTable('actionMessages', actionMessages, inItalian(actionText));
    checkTable('tlvMessages', tlvMessages, inItalian(tlvText));
    checkTable('operationLabels', operationLabels, inItalian(() => Object.fromEntries(Object.keys(operationLabels).map((o) => [o, operationLabel(o as keyof typeof operationLabels)]))));
    checkTable('isoCategoryLabels', isoCategoryLabels, inItalian(() => Object.fromEntries(Object.keys(isoCategoryLabels).map((c) => [c, isoCategoryLabel(c)]))), new Set(['advice']));
    checkTable('iso8583UnitLabels', iso8583UnitLabels, inItalian(() => Object.fromEntries(Object.keys(iso8583UnitLabels).map((u) => [u, iso8583UnitLabel(u as keyof typeof iso8583UnitLabels)]))));
  });

  it('every documented result code has its meaning, and its advice where the English has one', () => {
    const local = inItalian(localizedResultCodes);
    resultCodes.forEach((e, i) => {
      const t = local[i]!;
      assert.equal(t.code, e.code);
      checkPair(`result ${e.code}`, e.meaning, t.meaning);
      assert.equal(t.detail === undefined, e.detail === undefined, `result ${e.code}: advice present in one language only`);
      if (e.detail) checkPair(`result ${e.code} detail`, e.detail, t.detail);
    });
  });

  it("Nexi's action-code table and every ISO 8583 code table", () => {
    inItalian(() => {
      checkByCode('nexiActionCodes', nexiActionCodes, (c) => describeActionCode(c).meaning);
      // 1993 codes Nexi's table also lists come out as isoMeaning only where the wordings differ: read the rest by class.
      const nexi = new Set(nexiActionCodes.map((c) => c.code));
      checkByCode('actionCodes1993', actionCodes1993.filter((c) => !nexi.has(c.code) && c.code !== '400'), (c) => describeActionCode(c).meaning);
      checkByCode('responseCodes1987', responseCodes1987, (c) => describeActionCode(c).meaning);
      checkByCode('responseCodeExtensions', responseCodeExtensions, (c) => describeActionCode(c).meaning);
      checkByCode('responseCodes2021', responseCodes2021.filter((c) => /^[0-9A-Z]{2}$/.test(c.code) && !responseCodes1987.some((r) => r.code === c.code) && !responseCodeExtensions.some((r) => r.code === c.code)), (c) => describeActionCode(c).meaning);
    });
    // Every row of every table, through the overlay the lookups read (also the rows a lookup shadows).
    for (const [dataset, rows] of [
      ['nexiActionCodes', nexiActionCodes],
      ['actionCodes1993', actionCodes1993],
      ['responseCodes1987', responseCodes1987],
      ['responseCodeExtensions', responseCodeExtensions],
      ['responseCodes2021', responseCodes2021],
    ] as const) {
      const overlayRows = overlayFile(dataset);
      for (const row of rows) checkPair(`${dataset} ${row.code}`, row.meaning, overlayRows[row.code]?.meaning as string | undefined);
    }
    for (const [dataset, rows] of [
      ['responseCodeRanges1987', responseCodeRanges1987],
      ['actionCodeClasses1993', actionCodeClasses1993],
    ] as const) {
      const overlayRows = overlayFile(dataset);
      for (const r of rows) {
        const t = overlayRows[r.range] ?? {};
        checkPair(`${dataset} ${r.range}`, r.meaning, t.meaning as string | undefined);
        assert.equal(t.note === undefined, r.note === undefined, `${dataset} ${r.range}: note present in one language only`);
        if (r.note) checkPair(`${dataset} ${r.range} note`, r.note, t.note as string | undefined);
        // A range label is translated only where it has words.
        if (/[a-z]{3,}/.test(r.range)) checkPair(`${dataset} ${r.range} label`, r.range, t.range as string | undefined);
        else assert.equal(t.range, undefined, `${dataset} ${r.range}: the label is notation`);
      }
    }
  });

  it('every receipt key: label, meaning, notes and worded formats', () => {
    const names = new Set(['AID', 'STAN']);
    const local = inItalian(localizedReceiptKeys);
    receiptKeys.forEach((k, i) => {
      const t = local[i]!;
      assert.equal(t.key, k.key);
      checkPair(`${k.key} label`, k.label, t.label, names);
      checkPair(`${k.key} meaning`, k.meaning, t.meaning);
      assert.equal(t.maxLengthNote === undefined, k.maxLengthNote === undefined, `${k.key}: note present in one language only`);
      if (k.maxLengthNote) checkPair(`${k.key} note`, k.maxLengthNote, t.maxLengthNote);
      // Formats are notation (`n 12`, `dd/MM/yyyy`) unless they contain English words.
      if (/\b(or|unknown|bytes?|separated)\b/.test(k.format)) checkPair(`${k.key} format`, k.format, t.format);
      else assert.equal(t.format, k.format, `${k.key}: the format ${k.format} is notation`);
    });
  });

  it('CT105, transactionType, terminalType and operationType values', () => {
    // Names Nexi prints or product names read the same in Italian.
    const names = new Set([...ct105Codes.map((c) => c.label), 'Chip', 'Contactless', 'MobilePOS', 'SoftPOS']);
    const lists: readonly [string, readonly CodeValue[], () => readonly CodeValue[]][] = [
      ['ct105Codes', ct105Codes, localizedCt105Codes],
      ['transactionTypes', transactionTypes, localizedTransactionTypes],
      ['terminalTypes', terminalTypes, localizedTerminalTypes],
      ['operationTypes', operationTypes, localizedOperationTypes],
    ];
    for (const [name, list, localList] of lists) {
      const local = inItalian(localList);
      list.forEach((c, i) => {
        const t = local[i]!;
        assert.equal(t.code, c.code);
        checkPair(`${name} ${c.code} label`, c.label, t.label, names);
        checkPair(`${name} ${c.code} meaning`, c.meaning, t.meaning);
        assert.equal(t.note === undefined, c.note === undefined, `${name} ${c.code}: note present in one language only`);
        if (c.note) checkPair(`${name} ${c.code} note`, c.note, t.note);
      });
    }
  });

  it('currency and country notes, and AID products with words in them', () => {
    inItalian(() => {
      for (const c of currencies) if (c.note) checkPair(`currency ${c.numeric} note`, c.note, lookupCurrency(c.numeric)?.note);
      for (const c of countries) if (c.note) checkPair(`country ${c.numeric} note`, c.note, lookupCountry(c.numeric)?.note);
    });
    // The products left in English are names (brand + product), with no English words around them.
    const products = inItalian(() => aids.map((a) => lookupAid(a.aid)!.product));
    assert.deepEqual(
      aids.filter((a, i) => products[i] === a.product).map((a) => a.product),
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
    aids.forEach((a, i) => {
      if (products[i] !== a.product) checkPair(`AID ${a.aid}`, a.product, products[i]);
    });
  });

  it('ISO 8583: every comment, packager note and worded value layout', () => {
    for (const f of iso8583Fields) {
      const t = inItalian(() => lookupField(f.field)!);
      if (f.comment) checkPair(`DE${f.field} comment`, f.comment, t.comment);
      else assert.equal(t.comment, undefined, `DE${f.field} has no English comment`);
      assert.equal(t.notes.length, f.notes?.length ?? 0, `DE${f.field}: notes differ in number`);
      f.notes?.forEach((n, i) => checkPair(`DE${f.field} note ${i}`, n, t.notes[i]));
      for (const [v, local] of [
        [f.v1987, t.v1987],
        [f.v1993, t.v1993],
      ] as const) {
        if (v.valueFormat && /[a-z]{3,}/.test(v.valueFormat.replace(/hh|mm|ss/g, ''))) checkPair(`DE${f.field} layout`, v.valueFormat, local.valueFormat);
        else assert.equal(local.valueFormat, v.valueFormat, `DE${f.field}: the layout ${v.valueFormat} is notation`);
      }
    }
  });

  it('EMV: notes, worded cells and the names that are not standard EMV names', () => {
    const local = new Map(inItalian(() => emvTags.map((t) => [t.tag, lookupTag(t.tag)!] as const)));
    const cells = [
      ['note', (t: (typeof emvTags)[number]) => t.note, 'note'],
      ['format', (t: (typeof emvTags)[number]) => t.format, 'format'],
      ['length', (t: (typeof emvTags)[number]) => t.len, 'length'],
      ['origin', (t: (typeof emvTags)[number]) => t.origin, 'origin'],
      ['template', (t: (typeof emvTags)[number]) => t.template, 'template'],
      ['scheme', (t: (typeof emvTags)[number]) => t.scheme, 'scheme'],
    ] as const;
    const uncovered: Record<string, Set<string>> = {};
    for (const [name, pick, field] of cells) {
      const translations = new Map<string, string>();
      for (const t of emvTags) {
        const en = pick(t);
        if (!en) continue;
        const itText = local.get(t.tag)![field]!;
        // One English cell, one Italian wording, whichever tag it is on.
        if (translations.has(en)) assert.equal(itText, translations.get(en), `EMV ${name} ${JSON.stringify(en)}: worded two ways (${t.tag})`);
        translations.set(en, itText);
        if (itText === en) (uncovered[name] ??= new Set()).add(en);
        else checkPair(`EMV ${t.tag} ${name}`, en, itText);
      }
    }
    const left = (name: string) => [...(uncovered[name] ?? [])];
    // What is left in English is notation, references or names.
    assert.deepEqual(left('note'), ['ISO 18245', '= ISO 8583 DE42', '= ISO 8583 DE41']);
    assert.deepEqual(left('format').filter((f) => /[a-z]{3,}/.test(f)), ['ans', 'var.', 'ans 15', 'an 1 (MC) / b (Visa)', 'n 12 (Visa) / b (MC)']);
    const schemeNames = /\b(MC|Visa|Amex|TTQ)\b/g;
    assert.deepEqual(left('length').filter((l) => /[a-z]{2,}/.test(l.replace(schemeNames, ''))), ['var.', 'var. (MC) / 5-16 (Visa)']);
    assert.deepEqual(left('origin'), ['ICC']);
    assert.deepEqual(left('template').filter((t) => / or /.test(t)), []);
    // Nexi's own tags have Italian names; the standard EMV names stay in English.
    const nexiTags = emvTags.filter((t) => t.scheme === 'Nexi').map((t) => t.tag);
    assert.deepEqual(emvTags.filter((t) => local.get(t.tag)!.name !== t.name).map((t) => t.tag).sort(), nexiTags.sort());
    for (const tag of nexiTags) checkPair(`EMV ${tag} name`, emvTags.find((t) => t.tag === tag)!.name, local.get(tag)!.name);
  });

  it('EMV: every bit meaning, field name, value interpretation and example of every coding', () => {
    // Acronyms and names that read the same in Italian.
    const same = new Set(['RFU', 'SDA', 'DDA', 'CDA', 'XDA (EMV 4.4)', 'Cashback', 'TC', 'ARQC', 'AAC', 'EMV 4.4 Book 3 Annex C5', 'EMV Book 3 Annex C6', 'EMV 4.4 Book 4 A2', 'EMV Book 4 A1 Terminal Type', 'EMV Book 4 A3']);
    const coded = emvTags.filter((t) => t.coding);
    for (const t of coded) {
      const en = t.coding!;
      const local = inItalian(() => lookupTag(t.tag)!.coding!);
      const where = `EMV ${t.tag}`;
      const pairs = (a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined, w: string) => {
        assert.deepEqual(Object.keys(b ?? {}), Object.keys(a ?? {}), `${w}: keys differ`);
        for (const [k, v] of Object.entries(a ?? {})) checkPair(`${w} ${k}`, v, b![k], same);
      };
      if (en.text) checkPair(`${where} text`, en.text, local.text);
      pairs(en.values, local.values, `${where} values`);
      pairs(en.examples, local.examples, `${where} examples`);
      if (en.srcNote) checkPair(`${where} source`, en.srcNote, local.srcNote, same);
      en.bytes?.forEach((b, i) => {
        const ib = local.bytes![i]!;
        if (b.name) checkPair(`${where} byte ${b.byte} name`, b.name, ib.name);
        pairs(b.values, ib.values, `${where} byte ${b.byte} values`);
        b.bits?.forEach((bit, j) => {
          const ibit = ib.bits![j]!;
          checkPair(`${where} byte ${b.byte} ${bit.bits}`, bit.meaning, ibit.meaning, same);
          if (bit.label) checkPair(`${where} byte ${b.byte} ${bit.bits} label`, bit.label, ibit.label);
          pairs(bit.values, ibit.values, `${where} byte ${b.byte} ${bit.bits} values`);
        });
      });
    }
    // The overlay keeps the structure (positions, keys, bit specs) of the English.
    const shape = (c: EmvCodingData) => JSON.stringify(c, (k, v) => (typeof v === 'string' && !['bits', 'prov'].includes(k) ? '' : v));
    for (const t of coded) assert.equal(shape(inItalian(() => lookupTag(t.tag)!.coding!)), shape(t.coding!), t.tag);
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
      assert.deepEqual(d116.notes, [
        "Tabella del Payment Gateway Nexi; l'applicabilità a SoftPOS/MobilePOS non è confermata.",
        'Nexi consiglia di non mostrare al titolare della carta il motivo del rifiuto; distinguere solo tra esito positivo e negativo.',
      ]);
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
      assert.deepEqual(describeActionCode('47').notes, ["Significato tratto dall'elenco dei codici a due caratteri ISO 8583:2021 / EMV.", "Il codice 47 rientra nell'intervallo 45-50: Riservato all'uso ISO."]);
      const n7 = describeActionCode('N7');
      assert.equal(n7.codeClass?.range, '0A-ZZ (alfanumerici)');
      const y1 = describeActionCode('Y1');
      assert.equal(y1.meaning, 'Approvata offline');
      assert.equal(y1.notes[0], "Significato tratto dall'elenco dei codici a due caratteri ISO 8583:2021 / EMV.");
      assert.equal(describeActionCode('6W').meaning, 'Verifica della chiave non riuscita. Il key check value non corrisponde');
      assert.deepEqual(describeActionCode('1234').notes, ['I codici di quattro cifre sono codici di esito nello stile di ISO 8583:2003; Nexi documenta f39 con 3 o 2 cifre.']);
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
      assert.match(lookupCurrency('EUR')!.note!, /^l'elenco dei paesi di devnied è anteriore all'adozione dell'euro/);
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
      assert.deepEqual(lookupField(65)?.notes, ['1987: jPOS iso87ascii indica b 8 (IFA_BINARY len 1)', '1987: Oscar-ISO8583 dl_iso8583_defs_1987.c indica b 64']);
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
