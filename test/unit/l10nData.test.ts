// Reference-data overlays (l10n/data/<dataset>.<locale>.json, applied by l10n.ts `overlay()`): every code of an
// overlay exists in the English data, every field it lays over is an English field of that entry with the same
// placeholders, no translation of the old Italian tables was lost (counts), and the pseudo-locale reaches every
// user-visible string of the data through the overlays.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describeActionCode, isoCategoryLabel, isoCategoryLabels, nexiActionCodes } from '../../src/core/codes/actionCodes';
import { lookupAid } from '../../src/core/codes/aids';
import { lookupCountry } from '../../src/core/codes/countries';
import { lookupCurrency } from '../../src/core/codes/currencies';
import { lookupField } from '../../src/core/codes/iso8583';
import { localizedReceiptKeys, receiptKeys } from '../../src/core/codes/receiptKeys';
import { localizedResultCodes, resultCodes } from '../../src/core/codes/resultCodes';
import { ct105Codes, localizedCt105Codes, operationTypes, terminalTypes, transactionTypes } from '../../src/core/codes/transactionTypes';
import { aids } from '../../src/core/data/aidData';
import { countries } from '../../src/core/data/countryData';
import { currencies } from '../../src/core/data/currencyData';
import { emvTags, type EmvBitData, type EmvCodingData } from '../../src/core/data/emvTagData';
import { iso8583Fields } from '../../src/core/data/iso8583FieldData';
import {
  actionCodeClasses1993,
  actionCodes1993,
  responseCodeExtensions,
  responseCodeRanges1987,
  responseCodes1987,
  responseCodes2021,
} from '../../src/core/data/responseCodeData';
import { codingFor, kernelCoding } from '../../src/core/emv/kernelCodings';
import {
  amexEcrcCoding,
  aucCoding,
  ctqCoding,
  cvrCodings,
  posEntryModeValues,
  transactionTypeValues,
  trmdCoding,
  ttqCoding,
  tvrByte5Variants,
  visaFfiCoding,
} from '../../src/core/emv/kernelData';
import { kernelFor } from '../../src/core/emv/kernels';
import { lookupTag } from '../../src/core/emv/tags';
import { interpretValue } from '../../src/core/emv/values';
import { pseudoLocale, withLocale } from '../../src/core/l10n';

type Fields = Readonly<Record<string, unknown>>;
type Dataset = Map<string, Fields>;

const dataDir = path.join(__dirname, '..', '..', 'l10n', 'data');

/** The English side of every dataset: code → the fields an overlay may lay over (as the modules pass them to overlay()). */
function englishDatasets(): Map<string, Dataset> {
  const sets = new Map<string, Dataset>();
  const add = (dataset: string, code: string, fields: Fields): void => {
    let set = sets.get(dataset);
    if (!set) sets.set(dataset, (set = new Map()));
    assert.ok(!set.has(code), `${dataset}: code ${code} twice in the English data`);
    set.set(code, fields);
  };
  const opt = (name: string, value: unknown): Fields => (value === undefined ? {} : { [name]: value });

  for (const t of emvTags) {
    add('emvTags', t.tag, { name: t.name, format: t.format, length: t.len, origin: t.origin, ...opt('template', t.template), scheme: t.scheme, ...opt('note', t.note) });
  }
  // Coding nodes as tags.ts localCoding walks them: `id`, `id.values`, `id.examples`, `id.<byte>`, `id.<byte>.values`,
  // `id.<byte>.<bits>`, `id.<byte>.<bits>.values`.
  const bits = (dataset: string, id: string, list: readonly EmvBitData[]): void => {
    for (const bit of list) {
      add(dataset, `${id}.${bit.bits}`, { meaning: bit.meaning, ...opt('label', bit.label) });
      if (bit.values) add(dataset, `${id}.${bit.bits}.values`, bit.values);
    }
  };
  const coding = (dataset: string, id: string, c: EmvCodingData): void => {
    if (c.text || c.srcNote) add(dataset, id, { ...opt('text', c.text), ...opt('srcNote', c.srcNote) });
    if (c.values) add(dataset, `${id}.values`, c.values);
    if (c.examples) add(dataset, `${id}.examples`, c.examples);
    for (const b of c.bytes ?? []) {
      if (b.name) add(dataset, `${id}.${b.byte}`, { name: b.name });
      if (b.values) add(dataset, `${id}.${b.byte}.values`, b.values);
      bits(dataset, `${id}.${b.byte}`, b.bits ?? []);
    }
  };
  for (const t of emvTags) if (t.coding) coding('emvCodings', t.tag, t.coding);
  const kernelCodings = { ttq: ttqCoding, ctq: ctqCoding, visaFfi: visaFfiCoding, amexEcrc: amexEcrcCoding, auc: aucCoding, trmd: trmdCoding, cvrCcd: cvrCodings.ccd, cvrMchip: cvrCodings.mchip, cvrVsdc: cvrCodings.vsdc };
  for (const [id, c] of Object.entries(kernelCodings)) coding('emvKernelCodings', id, c);
  for (const [variant, list] of Object.entries(tvrByte5Variants)) bits('emvKernelCodings', `tvr-${variant}.5`, list);
  add('emvValues', '9C', transactionTypeValues);
  add('emvValues', '9F39', posEntryModeValues);

  for (const e of resultCodes) add('resultCodes', String(e.code), { meaning: e.meaning, ...opt('detail', e.detail), ...opt('closureMeaning', e.closureMeaning) });
  for (const [dataset, rows] of [
    ['nexiActionCodes', nexiActionCodes],
    ['actionCodes1993', actionCodes1993],
    ['responseCodes1987', responseCodes1987],
    ['responseCodeExtensions', responseCodeExtensions],
    ['responseCodes2021', responseCodes2021],
  ] as const) {
    for (const r of rows) add(dataset, r.code, { meaning: r.meaning });
  }
  for (const [dataset, rows] of [
    ['actionCodeClasses1993', actionCodeClasses1993],
    ['responseCodeRanges1987', responseCodeRanges1987],
  ] as const) {
    for (const r of rows) add(dataset, r.range, { range: r.range, meaning: r.meaning, ...opt('note', r.note) });
  }
  for (const [category, label] of Object.entries(isoCategoryLabels)) add('isoCategories', category, { label });
  for (const k of receiptKeys) add('receiptKeys', k.key, { label: k.label, meaning: k.meaning, format: k.format, ...opt('maxLengthNote', k.maxLengthNote) });
  for (const [dataset, list] of [
    ['ct105Codes', ct105Codes],
    ['transactionTypes', transactionTypes],
    ['terminalTypes', terminalTypes],
    ['operationTypes', operationTypes],
  ] as const) {
    for (const e of list) add(dataset, e.code, { label: e.label, meaning: e.meaning, ...opt('note', e.note) });
  }
  for (const c of currencies) add('currencies', c.numeric, { name: c.name, ...opt('note', c.note) });
  for (const c of countries) add('countries', c.numeric, { name: c.name, ...opt('note', c.note) });
  for (const a of aids) add('aids', a.aid, { product: a.product });
  for (const f of iso8583Fields) {
    add('iso8583Fields', String(f.field), {
      ...opt('comment', f.comment),
      ...opt('notes', f.notes),
      ...opt('valueFormat1987', f.v1987.valueFormat),
      ...opt('valueFormat1993', f.v1993.valueFormat),
    });
  }
  return sets;
}

const placeholders = (text: string): string => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort().join();

/** Fields laid over by the Italian overlays when the old src/core/i18n/it tables were converted (2026-12-04). */
const italianFieldsAtConversion: Readonly<Record<string, number>> = {
  actionCodeClasses1993: 12,
  actionCodes1993: 99,
  aids: 23,
  countries: 2,
  ct105Codes: 17,
  currencies: 15,
  emvCodings: 193,
  emvKernelCodings: 246,
  emvTags: 327,
  emvValues: 12,
  iso8583Fields: 34,
  isoCategories: 16,
  nexiActionCodes: 41,
  operationTypes: 12,
  receiptKeys: 92,
  responseCodeExtensions: 7,
  responseCodeRanges1987: 6,
  responseCodes1987: 71,
  responseCodes2021: 102,
  resultCodes: 32,
  terminalTypes: 4,
  transactionTypes: 12,
};

describe('l10n: reference-data overlays', () => {
  const english = englishDatasets();
  const files = fs.readdirSync(dataDir).filter((f) => f.endsWith('.json'));

  it('every overlay file is <known dataset>.<locale>.json and valid JSON', () => {
    assert.ok(files.length >= Object.keys(italianFieldsAtConversion).length, `found the overlays (${files.length})`);
    for (const file of files) {
      const m = /^(\w+)\.([a-z]{2,3}(?:-[a-z0-9]+)*)\.json$/.exec(file);
      assert.ok(m, `${file}: named <dataset>.<locale>.json`);
      assert.ok(english.has(m[1]!), `${file}: no dataset ${m[1]} (the English side is not known to this test)`);
      assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')), file);
    }
  });

  it('every code of an overlay exists in the English data, every field is an English field with the same placeholders', () => {
    const problems: string[] = [];
    for (const file of files) {
      const [dataset] = file.split('.');
      const set = english.get(dataset!)!;
      const overlay = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')) as Record<string, Record<string, unknown>>;
      for (const [code, fields] of Object.entries(overlay)) {
        const en = set.get(code);
        if (!en) {
          problems.push(`${file}: code ${code} is not in the English data`);
          continue;
        }
        for (const [field, value] of Object.entries(fields)) {
          const enValue = en[field];
          const where = `${file} ${code}.${field}`;
          if (enValue === undefined) problems.push(`${where}: the English entry has no such field`);
          else if (Array.isArray(enValue)) {
            if (!Array.isArray(value) || value.length !== enValue.length) problems.push(`${where}: not a list of ${enValue.length}`);
            else value.forEach((v, i) => typeof v === 'string' && v.trim() && placeholders(v) === placeholders(enValue[i] as string) ? undefined : problems.push(`${where}[${i}]`));
          } else if (typeof value !== 'string' || value.trim() === '') problems.push(`${where}: not a non-empty string`);
          else if (placeholders(value) !== placeholders(enValue as string)) problems.push(`${where}: placeholders differ`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('no translation of the old Italian tables was lost (fields per dataset, at least as many as at the conversion)', () => {
    const counts: Record<string, number> = {};
    for (const dataset of Object.keys(italianFieldsAtConversion)) {
      const file = path.join(dataDir, `${dataset}.it.json`);
      const overlay = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
      counts[dataset] = Object.values(overlay).reduce((n, fields) => n + Object.keys(fields).length, 0);
    }
    for (const [dataset, n] of Object.entries(italianFieldsAtConversion)) assert.ok(counts[dataset]! >= n, `${dataset}: ${counts[dataset]} fields, ${n} at the conversion`);
  });

  it('the pseudo-locale reaches every word of the data through the overlays', () => {
    const wrapped = (s: string | undefined, where: string) => assert.ok(s === undefined || /^⟦[^]*⟧$/.test(s), `${where}: ${s}`);
    const strings = (o: unknown, skip: ReadonlySet<string>, where: string): void => {
      if (typeof o === 'string') wrapped(o, where);
      else if (Array.isArray(o)) o.forEach((v, i) => strings(v, skip, `${where}[${i}]`));
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (!skip.has(k)) strings(v, skip, `${where}.${k}`);
    };
    // Codes, bit specs, provenance and sources are not words.
    const notWords = new Set(['tag', 'bits', 'tagClass', 'provenance', 'prov', 'sources', 'src', 'key', 'code', 'numeric', 'alpha', 'alpha2', 'alpha3', 'valueKind', 'example', 'product', 'retry', 'retryProvenance', 'outcome', 'operations', 'operation', 'documentedForApp2App', 'iso8583Field', 'maxLength']);
    withLocale(pseudoLocale, () => {
      for (const t of emvTags) strings(lookupTag(t.tag), notWords, `EMV ${t.tag}`);
      strings(kernelCoding('ttq').local, notWords, 'ttq');
      strings(codingFor('95', kernelFor('A0000000041010', 'contactless'))!.local, notWords, '95 C-2');
      const nineC = interpretValue('9C', '09');
      assert.ok(nineC?.kind === 'enumerated', '9C');
      wrapped(nineC.meaning, '9C 09');
      strings(localizedResultCodes().map(({ meaning, detail }) => ({ meaning, detail })), notWords, 'results');
      strings(localizedReceiptKeys().map(({ label, meaning, maxLengthNote }) => ({ label, meaning, maxLengthNote })), notWords, 'receipt keys');
      strings(localizedCt105Codes().map(({ label, meaning, note }) => ({ label, meaning, note })), notWords, 'CT105');
      wrapped(describeActionCode('116').meaning, 'nexi 116');
      wrapped(describeActionCode('05').meaning, '1987 05');
      wrapped(describeActionCode('150').codeClass?.meaning, '1993 class');
      wrapped(isoCategoryLabel('pickup'), 'category');
      wrapped(lookupCurrency('978')?.name, 'EUR name');
      wrapped(lookupCurrency('978')?.note, 'EUR note');
      wrapped(lookupCountry('380')?.name, 'IT name');
      wrapped(lookupAid('A0000000043060')?.product, 'Maestro product');
      wrapped(lookupField(39)?.comment, 'DE39 comment');
    });
    assert.equal(lookupTag('95')?.name, 'Terminal Verification Results (TVR)', 'back in English after the pseudo-locale');
  });
});
