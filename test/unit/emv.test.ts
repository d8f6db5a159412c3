import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { bitCodedTags, decodeBits, matchBitPattern } from '../../src/core/emv/bits';
import { isConstructedTag, lookupTag, tagClassOf } from '../../src/core/emv/tags';
import { findTlv, flattenTlv, parseTlv, type TlvNode } from '../../src/core/emv/tlv';
import { interpretValue } from '../../src/core/emv/values';

// Nexi's published SoftPOS reversal response (spec §4.4), byte-exact.
const nexiF55 = '9F3602015B9F10120110800005220000000000000000000FF9F35012195050000008001';
const nexiCT123 = '9F3602015B95050000008001';

const brief = (n: TlvNode) => ({ tag: n.tag, length: n.length, value: n.value, truncated: n.truncated, recovered: n.recovered });
const problemsOf = (input: string) => parseTlv(input).problems.map((p) => ({ code: p.code, kind: p.kind, severity: p.severity, range: p.range }));

describe('emv: tag dictionary', () => {
  it('looks tags up case-insensitively, with class and constructed bit derived from BER', () => {
    const atc = lookupTag('9f36')!;
    assert.equal(atc.name, 'Application Transaction Counter (ATC)');
    assert.equal(atc.format, 'b');
    assert.equal(atc.length, '2');
    assert.equal(atc.tagClass, 'context-specific');
    assert.equal(atc.constructed, false);
    assert.equal(atc.provenance, 'emv');
    assert.equal(lookupTag('70')?.constructed, true);
    assert.equal(lookupTag('BF0C')?.constructed, true);
    assert.equal(lookupTag('5F2A')?.tagClass, 'application');
    assert.equal(lookupTag('DF8001')?.provenance, 'nexi-documented');
    assert.equal(lookupTag('DF8001')?.tagClass, 'private');
    assert.equal(lookupTag('9F7F'), undefined);
  });

  it('derives BER class and constructed bit for any tag', () => {
    assert.deepEqual(['01', '4F', '9F', 'DF'].map(tagClassOf), ['universal', 'application', 'context-specific', 'private']);
    assert.equal(tagClassOf('zz'), undefined);
    assert.deepEqual(['6F', 'A5', '9F36', '95'].map(isConstructedTag), [true, true, false, false]);
  });
});

describe('emv: BER-TLV parser', () => {
  it('parses CT123 (well-formed) into 9F36 and 95 with exact offsets', () => {
    const r = parseTlv(nexiCT123);
    assert.deepEqual(r.problems, []);
    assert.equal(r.hexDigits, 24);
    assert.deepEqual(r.nodes.map(brief), [
      { tag: '9F36', length: 2, value: '015B', truncated: false, recovered: false },
      { tag: '95', length: 5, value: '0000008001', truncated: false, recovered: false },
    ]);
    const [atc, tvr] = r.nodes;
    assert.deepEqual([atc.range, atc.tagRange, atc.lengthRange, atc.valueRange], [
      { start: 0, end: 10 },
      { start: 0, end: 4 },
      { start: 4, end: 6 },
      { start: 6, end: 10 },
    ]);
    assert.deepEqual([tvr.tagRange, tvr.lengthRange, tvr.valueRange], [
      { start: 10, end: 12 },
      { start: 12, end: 14 },
      { start: 14, end: 24 },
    ]);
  });

  it('reads Nexi\'s malformed f55: keeps 9F36, explains exactly what is wrong with 9F10, recovers 9F35 and 95', () => {
    const r = parseTlv(nexiF55);
    assert.equal(r.hexDigits, 71);
    assert.deepEqual(r.nodes.map(brief), [
      { tag: '9F36', length: 2, value: '015B', truncated: false, recovered: false },
      { tag: '9F10', length: 18, value: '0110800005220000000000000000000FF', truncated: true, recovered: false },
      { tag: '9F35', length: 1, value: '21', truncated: false, recovered: true },
      { tag: '95', length: 5, value: '0000008001', truncated: false, recovered: true },
    ]);
    assert.deepEqual(
      r.nodes.map((n) => n.range),
      [
        { start: 0, end: 10 },
        { start: 10, end: 49 },
        { start: 49, end: 57 },
        { start: 57, end: 71 },
      ],
    );
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.kind, p.severity, p.range, p.message]),
      [
        [
          'TLV002',
          'odd-length',
          'error',
          { start: 0, end: 71 },
          'The data has 71 hex digits, an odd number: it is not a whole number of bytes.',
        ],
        [
          'TLV008',
          'length-exceeds-data',
          'error',
          { start: 10, end: 49 },
          'Tag 9F10 declares 18 bytes (36 hex digits) but only 33 hex digits precede the next recognisable tag 9F35 at offset 49: the value is 3 hex digits short.',
        ],
        [
          'TLV010',
          'resynchronised',
          'info',
          { start: 49, end: 53 },
          'Reading resumed at offset 49 on tag 9F35: the elements from here on are a best-effort (recovered) reading.',
        ],
      ],
    );
    assert.equal(r.problems[1].tag, '9F10');
    assert.deepEqual(r.problems[1].params, {
      tag: '9F10',
      declaredBytes: 18,
      declaredDigits: 36,
      availableDigits: 33,
      nextTag: '9F35',
      nextOffset: 49,
      missingDigits: 3,
    });
  });

  it('without resynchronisation shows what a strict reader does with the f55 (reads 50 12 and overruns)', () => {
    const r = parseTlv(nexiF55, { resynchronise: false });
    assert.deepEqual(r.nodes.map(brief), [
      { tag: '9F36', length: 2, value: '015B', truncated: false, recovered: false },
      { tag: '9F10', length: 18, value: '0110800005220000000000000000000FF9F3', truncated: false, recovered: false },
      { tag: '50', length: 18, value: '195050000008001', truncated: true, recovered: false },
    ]);
    assert.deepEqual(
      r.problems.map((p) => p.message),
      [
        'The data has 71 hex digits, an odd number: it is not a whole number of bytes.',
        'Tag 50 declares 18 bytes (36 hex digits) but only 15 hex digits remain.',
      ],
    );
  });

  it('decodes the values the f55 and CT123 carry (ATC 347, terminal type 21, TVR)', () => {
    const f55 = parseTlv(nexiF55).nodes;
    assert.deepEqual(interpretValue('9F36', findTlv(f55, '9F36')!.value), { kind: 'number', value: 347 });
    assert.deepEqual(interpretValue('9F35', findTlv(f55, '9f35')!.value), {
      kind: 'enumerated',
      code: '21',
      meaning: 'Merchant, attended, online only',
    });
    assert.equal(interpretValue('9F10', findTlv(f55, '9F10')!.value), undefined, 'odd-length IAD is not decoded');
    const tvr = interpretValue('95', findTlv(parseTlv(nexiCT123).nodes, '95')!.value);
    assert.equal(tvr?.kind, 'bits');
  });

  it('shifts ranges by baseOffset but keeps offsets in messages local', () => {
    const r = parseTlv(nexiF55, { baseOffset: 200 });
    assert.deepEqual(r.nodes[0].range, { start: 200, end: 210 });
    assert.deepEqual(r.problems[1].range, { start: 210, end: 249 });
    assert.match(r.problems[1].message, /at offset 49:/);
  });

  it('decodes constructed tags recursively', () => {
    const r = parseTlv('70079F3602015B9500');
    assert.deepEqual(r.problems, []);
    const [t70] = r.nodes;
    assert.equal(t70.constructed, true);
    assert.deepEqual(t70.children!.map(brief), [
      { tag: '9F36', length: 2, value: '015B', truncated: false, recovered: false },
      { tag: '95', length: 0, value: '', truncated: false, recovered: false },
    ]);
    assert.deepEqual(t70.children![0].range, { start: 4, end: 14 });
    assert.deepEqual(
      flattenTlv(r.nodes).map((n) => n.tag),
      ['70', '9F36', '95'],
    );
  });

  it('skips 00/FF padding between elements and whitespace inside the text', () => {
    const r = parseTlv('00 9F36 02 015B FF 00');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.nodes.map(brief), [{ tag: '9F36', length: 2, value: '015B', truncated: false, recovered: false }]);
    assert.deepEqual(r.nodes[0].range, { start: 3, end: 15 });
    assert.deepEqual(r.nodes[0].valueRange, { start: 11, end: 15 });
  });

  it('reads long-form lengths (81 nn, 82 nn nn)', () => {
    const r = parseTlv('5F2081024142');
    assert.equal(r.nodes[0].length, 2);
    assert.equal(r.nodes[0].value, '4142');
    assert.deepEqual(r.nodes[0].lengthRange, { start: 4, end: 8 });
    const r2 = parseTlv('708200049F270180');
    assert.deepEqual(r2.problems, []);
    assert.equal(r2.nodes[0].length, 4);
    assert.equal(r2.nodes[0].children![0].tag, '9F27');
  });

  it('accepts lower-case hex and reports upper case', () => {
    assert.equal(parseTlv('9f3602015b').nodes[0].value, '015B');
  });

  it('reports non-hex characters precisely and still decodes', () => {
    const r = parseTlv('9F36-02-015B');
    assert.deepEqual(r.nodes.map(brief), [{ tag: '9F36', length: 2, value: '015B', truncated: false, recovered: false }]);
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.range, p.message]),
      [
        ['TLV001', { start: 4, end: 5 }, 'Not hex: "-" at offset 4 was ignored.'],
        ['TLV001', { start: 7, end: 8 }, 'Not hex: "-" at offset 7 was ignored.'],
      ],
    );
    assert.deepEqual(r.nodes[0].range, { start: 0, end: 12 });
  });

  it('reports truncated tags and lengths', () => {
    assert.deepEqual(problemsOf('9F'), [{ code: 'TLV003', kind: 'truncated-tag', severity: 'error', range: { start: 0, end: 2 } }]);
    assert.deepEqual(problemsOf('9F36'), [{ code: 'TLV005', kind: 'truncated-length', severity: 'error', range: { start: 0, end: 4 } }]);
    assert.deepEqual(problemsOf('9F3681'), [{ code: 'TLV005', kind: 'truncated-length', severity: 'error', range: { start: 0, end: 6 } }]);
    const stray = parseTlv('9F3602015B0');
    assert.deepEqual(stray.nodes.map((n) => n.tag), ['9F36']);
    assert.deepEqual(
      stray.problems.map((p) => p.message),
      [
        'The data has 11 hex digits, an odd number: it is not a whole number of bytes.',
        'The data ends in the middle of a tag at offset 10.',
      ],
    );
  });

  it('reports a declared length that runs past the data and keeps the partial value', () => {
    const r = parseTlv('9F360401');
    assert.deepEqual(r.nodes.map(brief), [{ tag: '9F36', length: 4, value: '01', truncated: true, recovered: false }]);
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.message]),
      [['TLV008', 'Tag 9F36 declares 4 bytes (8 hex digits) but only 2 hex digits remain.']],
    );
  });

  it('rejects indefinite lengths, over-long length fields and over-long tags', () => {
    assert.equal(parseTlv('70809F360100').problems[0].code, 'TLV006');
    assert.equal(parseTlv('9584000000010000').problems[0].code, 'TLV007');
    assert.equal(parseTlv('DF818181810100').problems[0].code, 'TLV004');
  });

  it('skips junk at the start and resumes on the first recognisable tag', () => {
    const r = parseTlv('5F7F9F3602015B');
    assert.deepEqual(r.nodes.map(brief), [{ tag: '9F36', length: 2, value: '015B', truncated: false, recovered: true }]);
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.range]),
      [
        ['TLV007', { start: 0, end: 6 }],
        ['TLV009', { start: 0, end: 4 }],
        ['TLV010', { start: 4, end: 8 }],
      ],
    );
    assert.equal(r.problems[1].message, 'Skipped 4 hex digits at offset 0 that could not be read as TLV.');
  });

  it('limits nesting depth', () => {
    const r = parseTlv('7004 7002 7000', { maxDepth: 1 });
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].code, 'TLV011');
    assert.equal(r.nodes[0].children![0].children, undefined);
  });

  it('handles empty input', () => {
    assert.deepEqual(parseTlv(''), { nodes: [], problems: [], hexDigits: 0 });
    assert.deepEqual(parseTlv('   ').nodes, []);
  });

  it('never throws, and keeps every range inside the input (property)', () => {
    const hexish = fc.array(fc.constantFrom(...'0123456789ABCDEF9F95 -'.split('')), { maxLength: 120 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), hexish), (input) => {
        const r = parseTlv(input);
        const inside = (range: { start: number; end: number }) => range.start >= 0 && range.start <= range.end && range.end <= input.length;
        for (const p of r.problems) assert.ok(inside(p.range), JSON.stringify(p));
        for (const n of flattenTlv(r.nodes)) {
          assert.ok(inside(n.range) && inside(n.tagRange) && inside(n.lengthRange) && inside(n.valueRange));
          assert.ok(n.value.length <= 2 * n.length);
          assert.equal(n.truncated, n.value.length < 2 * n.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips well-formed TLV built from known primitive tags (property)', () => {
    // Well-formed: the tags EMV gives a fixed length get exactly that length (others are TLV012, tested below).
    const fixedLength: Readonly<Record<string, number>> = { '9F36': 2, '95': 5, '9A': 3, '5F2A': 2, '9F35': 1, '82': 2, '9F27': 1 };
    const element = fc
      .constantFrom('9F36', '95', '9A', '5F2A', '9F35', '82', '9F27', '9F10', '50')
      .chain((tag) => {
        const n = fixedLength[tag];
        return fc.record({ tag: fc.constant(tag), value: fc.uint8Array(n ? { minLength: n, maxLength: n } : { maxLength: 140 }) });
      })
      .map(({ tag, value }) => {
        const hex = Buffer.from(value).toString('hex').toUpperCase();
        const n = value.length;
        const length = n < 0x80 ? n.toString(16).padStart(2, '0') : `81${n.toString(16).padStart(2, '0')}`;
        return { tag, hex, encoded: `${tag}${length.toUpperCase()}${hex}` };
      });
    fc.assert(
      fc.property(fc.array(element, { maxLength: 6 }), (elements) => {
        const r = parseTlv(elements.map((e) => e.encoded).join(''));
        assert.deepEqual(r.problems, []);
        assert.deepEqual(
          r.nodes.map((n) => [n.tag, n.value]),
          elements.map((e) => [e.tag, e.hex]),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('emv: bit meanings', () => {
  const summary = (tag: string, value: string) =>
    decodeBits(tag, value)!.set.map((d) => `${d.byte}:${d.bits}=${d.value} ${d.meaning}${d.rfu ? ' [RFU]' : ''}`);

  it('knows which tags are bit-coded (from the data)', () => {
    // kernelCodings.ts adds 9F66/9F6C/9F6E (per kernel), 9F07 AUC, 9F1D (Mastercard) and the action codes (TVR layout).
    assert.deepEqual(bitCodedTags().sort(), ['82', '95', '9B', '9F07', '9F0D', '9F0E', '9F0F', '9F1D', '9F27', '9F33', '9F34', '9F40', '9F66', '9F6C', '9F6E', 'DF8120', 'DF8121', 'DF8122']);
  });

  it('TVR 0000008001 with the kernel not known: floor limit exceeded; byte 5 b1 worded for every kernel (reference §5.5)', () => {
    const d = decodeBits('95', '0000008001')!;
    assert.deepEqual(summary('95', '0000008001'), [
      '4:b8=1 Transaction exceeds floor limit',
      '5:b1=1 Kernel-dependent: RRP not performed if b2-b1 = 01 (Mastercard C-2); reserved for contactless on EMV 4.4 contact chip',
    ]);
    assert.equal(d.set[0].mask, 0x80);
    assert.equal(d.set[1].mask, 0x01);
    assert.deepEqual(d.rfuSet, []);
    assert.equal(d.lengthMismatch, undefined);
    assert.equal(d.reading, undefined, 'no kernel reading was chosen');
    assert.equal(d.provenance, 'emv');
    assert.equal(d.sourceNote, 'EMV 4.4 Book 3 Annex C5');
  });

  it('TVR: other bits, and set RFU bits flagged; byte 5 all zero says nothing about relay resistance', () => {
    assert.deepEqual(summary('95', '8000000000'), ['1:b8=1 Offline data authentication was not performed']);
    const rfu = decodeBits('95', '0004000002')!;
    assert.deepEqual(
      rfu.rfuSet.map((d) => `${d.byte}:${d.bits}`),
      ['2:b3'],
    );
    assert.deepEqual(summary('95', '0004000002'), [
      '2:b3=1 RFU [RFU]',
      '5:b2=1 Kernel-dependent: RRP performed if b2-b1 = 10 (Mastercard C-2); ECC key recovery failed on EMV 4.4 contact chip',
    ]);
  });

  it('TSI E800 and an RFU byte', () => {
    assert.deepEqual(summary('9B', 'E800'), [
      '1:b8=1 Offline data authentication was performed',
      '1:b7=1 Cardholder verification was performed',
      '1:b6=1 Card risk management was performed',
      '1:b4=1 Terminal risk management was performed',
    ]);
    assert.deepEqual(summary('9B', '0001'), ['2:b8-b1=00000001 RFU [RFU]']);
  });

  it('CVM results 1F0002: no CVM required, always, successful', () => {
    const d = decodeBits('9F34', '1F0002')!;
    assert.deepEqual(summary('9F34', '1F0002'), ['1:b6-b1=011111 No CVM required']);
    assert.deepEqual(
      d.byteValues.map((b) => [b.byte, b.value, b.meaning]),
      [
        [2, '00', 'Always'],
        [3, '02', 'Successful'],
      ],
    );
    assert.equal(d.example, 'No CVM required, always, successful');
  });

  it('CVM results 420300 and a range pattern (biometric 000110–001111)', () => {
    assert.deepEqual(summary('9F34', '420300'), [
      '1:b7=1 1 = apply succeeding CV rule if this CVM is unsuccessful',
      '1:b6-b1=000010 Enciphered PIN verified online',
    ]);
    assert.equal(decodeBits('9F34', '420300')!.byteValues[0].meaning, 'If terminal supports the CVM');
    assert.deepEqual(summary('9F34', '080000'), ['1:b6-b1=001000 biometric (EMV 4.4)']);
    assert.equal(decodeBits('9F34', '1F0A02')!.byteValues[0].meaning, undefined, 'condition 0A is not in the table');
  });

  it('AIP 1980', () => {
    assert.deepEqual(summary('82', '1980'), [
      '1:b5=1 Cardholder verification is supported',
      '1:b4=1 Terminal risk management is to be performed',
      '1:b1=1 CDA supported',
      '2:b8=1 EMV mode is supported (contactless)',
    ]);
    assert.deepEqual(summary('82', '001E'), ['2:b5-b2=1111 RFU [RFU]']);
  });

  it('CID 80 = ARQC, 40 = TC, 00 = AAC; 1xx reason codes are RFU', () => {
    assert.deepEqual(summary('9F27', '80'), ['1:b8-b7=10 ARQC (go online)', '1:b3-b1=000 no information']);
    assert.equal(decodeBits('9F27', '80')!.example, 'ARQC');
    assert.equal(decodeBits('9F27', '40')!.set[0].meaning, 'TC (offline approve)');
    assert.equal(decodeBits('9F27', '00')!.set[0].meaning, 'AAC (decline)');
    assert.deepEqual(summary('9F27', '8C'), [
      '1:b8-b7=10 ARQC (go online)',
      '1:b4=1 Advice required',
      '1:b3-b1=100 RFU [RFU]',
    ]);
  });

  it('terminal capabilities E0F8C8 and additional terminal capabilities', () => {
    assert.deepEqual(summary('9F33', '0008E8'), ['2:b4=1 No CVM required', '3:b8=1 SDA', '3:b7=1 DDA', '3:b6=1 Card capture', '3:b4=1 CDA']);
    assert.equal(decodeBits('9F33', 'E0F8C8')!.set.length, 11);
    assert.deepEqual(summary('9F40', '6000000001'), ['1:b7=1 Goods', '1:b6=1 Services', '5:b1=1 Code table 1']);
    assert.deepEqual(summary('9F40', '0001000000'), ['2:b7-b1=0000001 RFU [RFU]']);
  });

  it('flags a value of the wrong length and decodes what is there', () => {
    const d = decodeBits('95', '00000080')!;
    assert.deepEqual(d.lengthMismatch, { expected: 5, actual: 4 });
    assert.deepEqual(d.set.map((s) => s.meaning), ['Transaction exceeds floor limit']);
  });

  it('returns undefined for tags without a bit coding and for non-hex values', () => {
    assert.equal(decodeBits('9F36', '015B'), undefined);
    assert.equal(decodeBits('95', '00000080011'), undefined);
    assert.equal(decodeBits('95', 'XYZ'), undefined);
  });

  it('matches binary patterns exactly, by range and by wildcard', () => {
    const patterns = { '00': 'a', '010-011': 'b', '1xx': 'c' };
    assert.equal(matchBitPattern('00', patterns), 'a');
    assert.equal(matchBitPattern('011', patterns), 'b');
    assert.equal(matchBitPattern('101', patterns), 'c');
    assert.equal(matchBitPattern('001', patterns), undefined);
  });
});

describe('emv: value interpretation', () => {
  it('numbers, dates, times, digits', () => {
    assert.deepEqual(interpretValue('9F36', '015B'), { kind: 'number', value: 347 });
    assert.deepEqual(interpretValue('9A', '250516'), { kind: 'date', digits: '250516', iso: '2025-05-16' });
    assert.deepEqual(interpretValue('5F24', '991231'), { kind: 'date', digits: '991231', iso: '1999-12-31' });
    assert.deepEqual(interpretValue('9A', '250231'), { kind: 'date', digits: '250231' }, '31 February is no date');
    assert.deepEqual(interpretValue('9F21', '145126'), { kind: 'time', digits: '145126', iso: '14:51:26' });
    assert.deepEqual(interpretValue('9C', '00'), { kind: 'enumerated', code: '00', meaning: 'Goods and services (purchase)' });
    assert.deepEqual(interpretValue('9C', '0A'), { kind: 'digits', digits: '0A', valid: false });
    assert.deepEqual(interpretValue('5A', '5413330089020011FF'), { kind: 'digits', digits: '5413330089020011', valid: true });
  });

  it('currency, country and amounts', () => {
    const cur = interpretValue('5F2A', '0978');
    assert.equal(cur?.kind === 'currency' && cur.currency?.alpha, 'EUR');
    const country = interpretValue('9F1A', '0380');
    assert.equal(country?.kind === 'country' && country.country?.name, 'Italy');
    const amount = interpretValue('9F02', '000000000450');
    assert.equal(amount?.kind === 'amount' && amount.amount?.text, '€4.50');
    const yen = interpretValue('9F02', '000000000450', { currency: '392' });
    assert.equal(yen?.kind === 'amount' && yen.amount?.isoText, 'JPY 450');
    const binary = interpretValue('81', '000001C2');
    assert.equal(binary?.kind === 'amount' && binary.amount?.decimal, '4.50');
  });

  it('AIDs, text, response codes and the terminal-type table', () => {
    const aid = interpretValue('4F', 'A0000000041010');
    assert.equal(aid?.kind === 'aid' && aid.match?.brand, 'Mastercard');
    assert.deepEqual(interpretValue('50', '4465626974204D617374657263617264'), { kind: 'text', text: 'Debit Mastercard', printable: true });
    const arc = interpretValue('8A', '3030');
    assert.equal(arc?.kind === 'response-code' && arc.description.approved, true);
    assert.deepEqual(interpretValue('9F35', '22'), { kind: 'enumerated', code: '22', meaning: 'Merchant, attended, offline w/ online' });
    assert.deepEqual(interpretValue('9F35', '99'), { kind: 'enumerated', code: '99' });
  });

  it('bit-coded tags go through decodeBits', () => {
    const tvr = interpretValue('95', '0000008001');
    assert.equal(tvr?.kind, 'bits');
    assert.equal(tvr?.kind === 'bits' && tvr.decoding.set[0].meaning, 'Transaction exceeds floor limit');
  });

  it('returns undefined for proprietary binary data, unknown tags and broken hex', () => {
    assert.equal(interpretValue('9F26', '0102030405060708'), undefined);
    assert.equal(interpretValue('9F7F', '00'), undefined);
    assert.equal(interpretValue('9F36', '015'), undefined);
    assert.equal(interpretValue('9F36', ''), undefined);
  });
});
