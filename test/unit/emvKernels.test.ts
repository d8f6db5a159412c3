import { strict as assert } from 'assert';
import { decodeBits } from '../../src/core/emv/bits';
import { describeEmvExtras, describeMessages, describeText, emvExtraDetails } from '../../src/core/emv/describe';
import { decodeIad } from '../../src/core/emv/iad';
import { codingFor, kernelCoding, type KernelCodingId } from '../../src/core/emv/kernelCodings';
import { posEntryModeValues, transactionTypeValues, tvrByte5Variants } from '../../src/core/emv/kernelData';
import { emvContextOf, entryModeFrom, entryModeFromNexi, kernelFor, kernelMessages, kernelText, type CardKernel } from '../../src/core/emv/kernels';
import { parseTlv, tlvMessages, tlvText, type TlvNode } from '../../src/core/emv/tlv';
import { interpretValue } from '../../src/core/emv/values';
import { decodeText } from '../../src/core/explain/explain';
import { bundleOf, setLocale, withLocale } from '../../src/core/l10n';

const VISA = 'A0000000031010';
const MASTERCARD = 'A0000000041010';
const MAESTRO = 'A0000000043060';

const node = (hex: string): TlvNode => {
  const r = parseTlv(hex);
  assert.equal(r.nodes.length, 1, hex);
  return r.nodes[0];
};

const setBits = (tag: string, hex: string, kernel?: CardKernel) =>
  decodeBits(tag, hex, kernel)!.set.map((b) => `${b.byte}:${b.bits}=${b.value} ${b.meaning}`);

describe('emv kernels: scheme and kernel from the AID and the entry mode', () => {
  afterEach(() => setLocale('en'));

  it('picks the EMVCo contactless kernel of each scheme, and the contact application', () => {
    const cases: [string, string, string, string][] = [
      [VISA, 'visa', 'C-3', 'qVSDC'],
      [MASTERCARD, 'mastercard', 'C-2', 'M/Chip contactless'],
      [MAESTRO, 'mastercard', 'C-2', 'M/Chip contactless'],
      ['A00000002501', 'amex', 'C-4', 'Expresspay'],
      ['A0000000651010', 'jcb', 'C-5', 'J/Speedy'],
      ['A0000001523010', 'discover', 'C-6', 'D-PAS contactless'],
      ['A000000333010101', 'unionpay', 'C-7', 'QuickPass (qUICS)'],
    ];
    for (const [aid, scheme, kernel, application] of cases) {
      const k = kernelFor(aid, 'contactless');
      assert.equal(k.scheme, scheme, aid);
      assert.equal(k.kernel, kernel, aid);
      assert.equal(k.application, application, aid);
    }
    assert.equal(kernelFor(VISA, 'contactless').label, 'Visa contactless, kernel C-3 (qVSDC)');
    const contact = kernelFor(MASTERCARD, 'contact');
    assert.equal(contact.kernel, undefined, 'no contactless kernel on contact');
    assert.equal(contact.application, 'M/Chip');
    assert.equal(contact.label, 'Mastercard contact chip (M/Chip)');
    assert.equal(kernelFor(VISA, 'contact').application, 'VSDC');
  });

  it('PagoBANCOMAT is the Italian domestic scheme, without an EMVCo kernel number', () => {
    const k = kernelFor('A0000001410001', 'contactless');
    assert.equal(k.scheme, 'pagobancomat');
    assert.equal(k.kernel, undefined);
    assert.equal(k.label, 'PagoBANCOMAT contactless (domestic specification, no EMVCo kernel number)');
    assert.equal(k.application, 'PagoBANCOMAT contactless');
    assert.equal(kernelFor('A0000001410001', 'contact').label, 'PagoBANCOMAT contact chip (PagoBANCOMAT)');
  });

  it('an unknown AID or interface gives no kernel and says so', () => {
    assert.equal(kernelFor(undefined, 'contactless').label, 'card of unknown scheme, contactless');
    assert.equal(kernelFor('A0000009991010', 'contact').scheme, 'other');
    assert.equal(kernelFor(VISA, 'unknown').label, 'Visa, interface unknown');
    assert.equal(kernelFor(VISA, 'unknown').kernel, undefined);
  });

  it('entry mode: 9F39 states it; f22 and contactless-only tags are inferences and the label says so', () => {
    assert.deepEqual(entryModeFrom({ posEntryMode9F39: '07', f22: '051' }), { mode: 'contactless', inferred: false, source: '9F39' });
    assert.deepEqual(entryModeFrom({ f22: '051' }), { mode: 'contact', inferred: true, source: 'f22' });
    assert.deepEqual(entryModeFrom({ f22: '0071' }), { mode: 'contactless', inferred: true, source: 'f22' });
    assert.deepEqual(entryModeFrom({ tags: ['95', '9F66', '9F6C'] }), { mode: 'contactless', inferred: true, source: 'tags 9F66, 9F6C' });
    assert.deepEqual(entryModeFrom({ tags: ['95', '9F36'] }), { mode: 'unknown', inferred: false, source: '' });
    const declared = { mode: 'contactless' as const, inferred: true, source: 'CT115' };
    assert.deepEqual(entryModeFrom({ declared, tags: [] }), declared);
    assert.equal(kernelFor(VISA, entryModeFrom({ f22: '071' })).label, 'Visa contactless, kernel C-3 (qVSDC), interface inferred from f22');
    setLocale('it');
    assert.equal(kernelFor(VISA, entryModeFrom({ f22: '051' })).label, 'Visa chip a contatto (VSDC), interfaccia dedotta da f22');
  });

  it('entry mode from the rest of a Nexi result: transactionType (documented), terminalType SOFTPOS, CT115 (inferred)', () => {
    assert.deepEqual(entryModeFromNexi({ transactionType: 'CLI', ct115: 'Chip' }), { mode: 'contactless', inferred: false, source: 'transactionType' });
    assert.deepEqual(entryModeFromNexi({ transactionType: 'ICC' }), { mode: 'contact', inferred: false, source: 'transactionType' });
    assert.deepEqual(entryModeFromNexi({ transactionType: 'CLM' }), { mode: 'contactless', inferred: true, source: 'transactionType' });
    assert.deepEqual(entryModeFromNexi({ terminalType: 'SOFTPOS' }), { mode: 'contactless', inferred: false, source: 'terminalType' });
    assert.deepEqual(entryModeFromNexi({ ct115: 'Contactless' }), { mode: 'contactless', inferred: true, source: 'CT115' });
    assert.equal(entryModeFromNexi({ ct115: 'Online' }), undefined);
    const ctx = emvContextOf(parseTlv('95050000008001').nodes, { aid: MASTERCARD, entryMode: entryModeFromNexi({ ct115: 'Contactless' }) });
    assert.equal(ctx.kernel.label, 'Mastercard contactless, kernel C-2 (M/Chip contactless), interface inferred from CT115');
  });

  it('emvContextOf reads the AID and 9F39 inside the TLV; hints fill the gaps', () => {
    const inside = emvContextOf(parseTlv(`4F07${VISA}9F390107`).nodes, { aid: MASTERCARD, f22: '051' });
    assert.equal(inside.kernel.scheme, 'visa', "the TLV's own AID wins");
    assert.equal(inside.kernel.kernel, 'C-3', '9F39 wins over f22');
    const outside = emvContextOf(parseTlv('9F3602015B95050000008001').nodes, { aid: MASTERCARD, f22: '071', currency: '978' });
    assert.equal(outside.kernel.kernel, 'C-2');
    assert.equal(outside.kernel.inferred, true);
    assert.equal(outside.currency, '978');
    assert.equal(outside.values.get('9F36'), '015B');
  });
});

describe('emv kernels: bits whose meaning depends on the kernel', () => {
  afterEach(() => setLocale('en'));

  it('TVR byte 5 b2-b1 is relay resistance only under Mastercard C-2; RFU for Visa contactless; ECC bits on contact', () => {
    const visaCl = kernelFor(VISA, 'contactless');
    assert.deepEqual(setBits('95', '0000008001', visaCl), [
      '4:b8=1 Transaction exceeds floor limit',
      '5:b4-b1=0001 RFU for this kernel in our sources (the relay-resistance meaning of these bits belongs to Mastercard C-2)',
    ]);
    assert.equal(decodeBits('95', '0000008001', visaCl)!.rfuSet.length, 1, 'a set RFU bit is flagged');
    assert.ok(!setBits('95', '0000008001', visaCl).some((l) => /RRP|relay resistance protocol/i.test(l)));

    const mcCl = kernelFor(MASTERCARD, 'contactless');
    assert.deepEqual(setBits('95', '000000800D', mcCl), [
      '4:b8=1 Transaction exceeds floor limit',
      '5:b4=1 Relay resistance threshold exceeded (Mastercard C-2)',
      '5:b3=1 Relay resistance time limits exceeded (Mastercard C-2)',
      '5:b2-b1=01 RRP not performed (Mastercard C-2 relay resistance protocol)',
    ]);

    const contact = kernelFor(VISA, 'contact');
    assert.deepEqual(setBits('95', '0000000006', contact), ['5:b3=1 CA ECC key missing (EMV 4.4, contact chip)', '5:b2=1 ECC key recovery failed (EMV 4.4, contact chip)']);
    assert.equal(decodeBits('95', '0000000001', contact)!.rfuSet[0].bits, 'b1');
    assert.equal(decodeBits('95', '0000000001', contact)!.reading?.id, 'tvr-contact');
  });

  it('without a kernel each byte-5 bit gives both readings, nothing is said for zero bits, and the kernel is called unknown', () => {
    assert.deepEqual(setBits('95', '0000008001'), [
      '4:b8=1 Transaction exceeds floor limit',
      '5:b1=1 Kernel-dependent: RRP not performed if b2-b1 = 01 (Mastercard C-2); reserved for contactless on EMV 4.4 contact chip',
    ]);
    assert.deepEqual(setBits('95', '0000008000'), ['4:b8=1 Transaction exceeds floor limit'], 'no "RRP not supported" for every card');
    assert.deepEqual(emvExtraDetails(node('95050000008001')), [describeMessages.tvrKernelUnknown]);
    assert.deepEqual(emvExtraDetails(node('95050000008000')), [], 'no kernel-dependent bit set: nothing to say');
  });

  it('the explanation names the kernel a kernel-dependent tag was read for, with its book', () => {
    const ctx = emvContextOf(parseTlv(`4F07${MASTERCARD}9F390107`).nodes);
    assert.deepEqual(emvExtraDetails(node('95050000008001'), ctx), [
      'Kernel-dependent bits read for Mastercard contactless, kernel C-2 (M/Chip contactless) (EMV Contactless Book C-2 (TVR byte 5)).',
    ]);
  });

  it('9F66 is the TTQ under Visa C-3 (and when the kernel is not known), PUNATC(Track2) under Mastercard C-2', () => {
    const visa = kernelFor(VISA, 'contactless');
    assert.deepEqual(setBits('9F66', '36004000', visa), [
      '1:b6=1 EMV mode supported',
      '1:b5=1 EMV contact chip supported',
      '1:b3=1 Online PIN supported',
      '1:b2=1 Signature supported',
      '3:b7=1 Consumer device CVM supported',
    ]);
    const v = interpretValue('9F66', '36004000', { kernel: visa });
    assert.equal(v?.kind, 'bits');
    assert.equal(interpretValue('9F66', '36004000')?.kind, 'bits', 'kernel not known: TTQ, its usual meaning');
    assert.deepEqual(emvExtraDetails(node('9F660436004000')), [describeMessages.ttqKernelUnknown]);

    const mc = emvContextOf([], { aid: MASTERCARD, entryMode: { mode: 'contactless', inferred: false, source: 'CT115' } });
    assert.equal(decodeBits('9F66', '36004000', mc.kernel), undefined);
    assert.equal(interpretValue('9F66', '36004000', { kernel: mc.kernel }), undefined);
    assert.deepEqual(emvExtraDetails(node('9F660436004000'), mc), [describeMessages.ttqNotC2]);
    const visaContact = emvContextOf([], { aid: VISA, entryMode: { mode: 'contact', inferred: false, source: 'transactionType' } });
    assert.equal(decodeBits('9F66', '36004000', visaContact.kernel), undefined, 'TTQ is a contactless reader object');
    assert.deepEqual(emvExtraDetails(node('9F660436004000'), visaContact), [
      'Visa contact chip (VSDC): 9F66 is not the Terminal Transaction Qualifiers in our sources: not decoded as TTQ.',
    ]);
    const discover = kernelFor('A0000001523010', 'contactless');
    assert.equal(decodeBits('9F66', '36004000', discover)?.reading?.id, 'ttq', 'Discover C-6 reads the TTQ too');
  });

  it('9F6C is the CTQ under Visa C-3; under Mastercard C-2 the mag-stripe application version', () => {
    const visa = emvContextOf(parseTlv(`4F07${VISA}9F390107`).nodes);
    assert.deepEqual(setBits('9F6C', '8080', visa.kernel), ['1:b8=1 Online PIN required', '2:b8=1 Consumer device CVM performed']);
    const mc = emvContextOf(parseTlv(`4F07${MASTERCARD}9F390107`).nodes);
    assert.equal(decodeBits('9F6C', '0001', mc.kernel), undefined);
    const extras = describeEmvExtras(node('9F6C020001'), mc);
    assert.equal(extras.interpretation, 'Mag-stripe application version 0001 (Mastercard C-2)');
    assert.deepEqual(extras.details, [describeMessages.ctqNotC2]);
  });

  it('9F34 on Visa C-3: a consumer-device CVM recorded in the CTQ is pointed out', () => {
    const ctx = emvContextOf(parseTlv(`4F07${VISA}9F3901079F6C0200809F34031F0002`).nodes);
    const readWith =
      'Read with the EMV 4.4 Book 3 Annex C3 coding; under Visa contactless, kernel C-3 (qVSDC) the kernel sets these bytes itself (EMV Contactless Book C-3 (Visa)).';
    assert.deepEqual(emvExtraDetails(node('9F34031F0002'), ctx), [
      readWith,
      'CTQ (9F6C) byte 2 b8 is set: a consumer device CVM (on the phone or wearable) was performed (Visa contactless, kernel C-3 (qVSDC)).',
    ]);
    const noCdcvm = emvContextOf(parseTlv(`4F07${VISA}9F3901079F6C0200009F34031F0002`).nodes);
    assert.deepEqual(emvExtraDetails(node('9F34031F0002'), noCdcvm), [readWith]);
    const contact = emvContextOf(parseTlv(`4F07${VISA}9F3901059F34031F0002`).nodes);
    assert.deepEqual(emvExtraDetails(node('9F34031F0002'), contact), [], 'contact chip: Book 3 alone');
  });

  it('9F6E: Form Factor Indicator (Visa C-3), Enhanced Contactless Reader Capabilities (Amex C-4), Third Party Data (Mastercard)', () => {
    const visa = kernelFor(VISA, 'contactless');
    assert.deepEqual(setBits('9F6E', '23400000', visa), [
      '1:b8-b6=001 Version 1',
      '1:b5-b1=00011 Consumer mobile phone',
      '2:b7=1 Signature panel',
      '4:b4-b1=0000 Proximity contactless interface (ISO 14443, including NFC)',
    ]);
    assert.equal(decodeBits('9F6E', '23400000', visa)!.name, 'Form Factor Indicator (FFI)');
    const amex = kernelFor('A00000002501', 'contactless');
    assert.deepEqual(setBits('9F6E', 'C0600003', amex), [
      '1:b8=1 Contact mode supported',
      '1:b7=1 Contactless mag-stripe mode supported',
      '2:b7=1 Online PIN supported',
      '2:b6=1 Signature supported',
      '4:b3-b1=011 Version 2.7 or later',
    ]);
    const mc = emvContextOf([], { aid: MASTERCARD, entryMode: { mode: 'contact', inferred: false, source: 'f22' } });
    const tpd = describeEmvExtras(node('9F6E0703800000303000'), mc);
    assert.equal(tpd.interpretation, 'Third Party Data (Mastercard)');
    assert.deepEqual(tpd.details.slice(1), ['Country: Italy (380)', 'Unique identifier 0000: proprietary data not used', 'Device type: 00', 'Proprietary data: 00']);
    assert.equal(decodeBits('9F6E', '0380000030', undefined), undefined, 'kernel not known: not decoded');
    assert.deepEqual(emvExtraDetails(node('9F6E0420700000')), [describeMessages.ffiKernelUnknown]);
  });
});

describe('emv kernels: other common tags filled in', () => {
  afterEach(() => setLocale('en'));

  it('issuer action codes read with the TVR layout, for the kernel, and say what a set bit does', () => {
    const mc = kernelFor(MASTERCARD, 'contactless');
    assert.deepEqual(setBits('9F0E', '0000000001', mc), ['5:b2-b1=01 RRP not performed (Mastercard C-2 relay resistance protocol)']);
    assert.deepEqual(setBits('9F0F', '8000000000'), ['1:b8=1 Offline data authentication was not performed']);
    const ctx = emvContextOf(parseTlv(`4F07${MASTERCARD}9F390107`).nodes);
    assert.deepEqual(emvExtraDetails(node('9F0F058000000000'), ctx), [
      describeMessages.actionCodeOnline,
      'Kernel-dependent bits read for Mastercard contactless, kernel C-2 (M/Chip contactless) (EMV 4.4 Book 3 Annex C5 (TVR layout)).',
    ]);
    assert.deepEqual(emvExtraDetails(node('9F0D050000000000')), [describeMessages.actionCodeDefault]);
  });

  it('9F07 application usage control (Book 3 Annex C2)', () => {
    assert.deepEqual(setBits('9F07', 'FF00'), [
      '1:b8=1 Valid for domestic cash transactions',
      '1:b7=1 Valid for international cash transactions',
      '1:b6=1 Valid for domestic goods',
      '1:b5=1 Valid for international goods',
      '1:b4=1 Valid for domestic services',
      '1:b3=1 Valid for international services',
      '1:b2=1 Valid at ATMs',
      '1:b1=1 Valid at terminals other than ATMs',
    ]);
  });

  it('9F1D terminal risk management data is Mastercard\'s', () => {
    const mc = kernelFor(MASTERCARD, 'contactless');
    assert.deepEqual(setBits('9F1D', '6C7A000000000000', mc).slice(0, 3), [
      '1:b7=1 Enciphered PIN verified online (contactless)',
      '1:b6=1 Signature (paper) (contactless)',
      '1:b4=1 No CVM required (contactless)',
    ]);
    assert.equal(decodeBits('9F1D', '6C7A000000000000', kernelFor(VISA, 'contactless')), undefined);
    assert.deepEqual(emvExtraDetails(node('9F1D086C7A000000000000')), [describeMessages.trmdKernelUnknown]);
  });

  it('9F26 says which cryptogram it is, from 9F27', () => {
    const ctx = emvContextOf(parseTlv('9F2701809F26080123456789ABCDEF').nodes);
    assert.equal(describeEmvExtras(node('9F26080123456789ABCDEF'), ctx).interpretation, 'Application cryptogram: ARQC (type from 9F27)');
    assert.equal(describeEmvExtras(node('9F26080123456789ABCDEF')).interpretation, undefined, 'without 9F27 nothing is claimed');
  });
});

describe('emv kernels: 9F10 issuer application data layouts', () => {
  afterEach(() => setLocale('en'));

  const extras = (hex: string, ctx = emvContextOf([])) => {
    const n = hex.length / 2;
    return describeEmvExtras(node(`9F10${n.toString(16).padStart(2, '0').toUpperCase()}${hex}`), ctx);
  };

  it('Mastercard M/Chip 4 (18 bytes): CVN, session key, CVR bits', () => {
    const iad = '0110A04000000000' + '1234' + '0000000000000000';
    const d = decodeIad(iad);
    assert.equal(d.format, 'mchip4');
    assert.equal(d.cvn, '10');
    assert.deepEqual(d.flags, ['mastercard-skd', 'counters-not-in-ac']);
    const e = extras(iad);
    assert.equal(e.interpretation, 'Mastercard M/Chip 4 (18 bytes; M/Chip Advance also has an 18-byte form)');
    assert.ok(e.details.includes('Byte 2 (cryptogram version number): 10'));
    assert.ok(e.details.includes('Bytes 9–10 (DAC / ICC dynamic number): 1234'));
    assert.ok(e.details.includes('CVR byte 1 b8-b7 (Second GENERATE AC): Not requested'));
    assert.ok(e.details.includes('CVR byte 1 b6-b5 (First GENERATE AC): ARQC'));
    assert.ok(e.details.includes('CVR byte 2 b7: CDA returned in the first GENERATE AC'));
  });

  it('Mastercard M/Chip Advance (20, 26, 28 bytes), EMV CSK session key', () => {
    for (const n of [20, 26, 28]) assert.equal(decodeIad('0115' + '00'.repeat(n - 2)).format, 'mchip-advance', String(n));
    assert.deepEqual(decodeIad('0115' + '00'.repeat(18)).flags, ['emv-csk', 'counters-in-ac']);
  });

  it('Visa VSDC CVN 10 (format 0), CVN 18 (format 1) and CVN 22 (format 2)', () => {
    const cvn10 = extras('06010A03A0B000');
    assert.equal(cvn10.interpretation, 'Visa VSDC IAD format 0, CVN 10');
    assert.ok(cvn10.details.includes('CVR byte 3 b8: Last online transaction not completed'));
    assert.ok(cvn10.details.includes('CVR byte 3 b5: New card'));
    assert.ok(cvn10.details.includes(describeMessages.iadInferred), 'bytes 3-4 come from secondary sources');
    const cvn18 = extras('06011203600000' + '0A0102030405060708090A');
    assert.equal(cvn18.interpretation, 'Visa VSDC IAD format 1, CVN 18');
    assert.ok(cvn18.details.includes('Bytes 8–18 (issuer discretionary data): 0A0102030405060708090A'));
    assert.ok(cvn18.details.includes('CVR byte 2 b8-b7 (Second GENERATE AC): TC'));
    assert.ok(cvn18.details.includes('CVR byte 2 b6-b5 (First GENERATE AC or GPO): ARQC'));
    const f2 = '1F2201' + '00A0000000' + '00' + '00'.repeat(23);
    assert.equal(decodeIad(f2).format, 'vsdc-2');
    assert.equal(extras(f2).interpretation, "Visa VSDC IAD format 2, CVN '22'");
  });

  it('EMV Common Core Definitions (CCD 4.1)', () => {
    const ccd = '0FA501A030F80000' + '0000000000000000' + '0F' + '00'.repeat(15);
    const e = extras(ccd);
    assert.equal(e.interpretation, 'EMV Common Core Definitions (CCD 4.1)');
    assert.ok(e.details.includes('Cryptogram version: TDES'));
    assert.ok(e.details.includes('CVR byte 2 b8-b5: Low-order nibble of the PIN try counter: 3'));
  });

  it('anything else is "layout not recognised", never a guess', () => {
    for (const iad of ['0102030405', '06010A04A0B000', '0110A0400000', '1F' + '00'.repeat(31)]) {
      const e = extras(iad);
      assert.equal(e.interpretation, describeMessages.iadNotRecognised, iad);
      assert.deepEqual(e.details, [], iad);
      assert.equal(decodeIad(iad).format, undefined, iad);
    }
  });

  it('a layout of another scheme than the AID is pointed out', () => {
    const ctx = emvContextOf([], { aid: VISA, entryMode: { mode: 'contact', inferred: false, source: 'f22' } });
    assert.ok(extras('0110A04000000000' + '1234' + '0000000000000000', ctx).details.includes('This layout belongs to Mastercard but the AID is Visa: check where the data comes from.'));
  });
});

describe('emv kernels: fixed-length tags', () => {
  afterEach(() => setLocale('en'));

  it('95 with 4 bytes, 9F36 with 1, 9F27 with 2: a TLV012 warning and a lengthMismatch flag on the node', () => {
    const r = parseTlv('950400000080' + '9F36015B' + '9F27024080');
    assert.deepEqual(
      r.nodes.map((n) => [n.tag, n.lengthMismatch]),
      [
        ['95', { expected: 5, actual: 4 }],
        ['9F36', { expected: 2, actual: 1 }],
        ['9F27', { expected: 1, actual: 2 }],
      ],
    );
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.kind, p.severity, p.tag]),
      [
        ['TLV012', 'fixed-length', 'warning', '95'],
        ['TLV012', 'fixed-length', 'warning', '9F36'],
        ['TLV012', 'fixed-length', 'warning', '9F27'],
      ],
    );
    assert.equal(
      r.problems[0].message,
      'Tag 95 (Terminal Verification Results (TVR)): length 4, but EMV 4.4 Book 3 Annex A fixes it at 5 (length in bytes): its value is read as far as it goes and may be wrong.',
    );
    assert.deepEqual(r.problems[1].range, { start: 12, end: 20 });
    assert.match(emvExtraDetails(r.nodes[0])[0], /^Warning: tag 95 \(Terminal Verification Results \(TVR\)\): length 4, but EMV 4.4 Book 3 Annex A fixes it at 5/);
  });

  it('right lengths, variable-length tags, zero lengths and truncated values raise nothing', () => {
    const r = parseTlv('95050000008001' + '9F3602015B' + '9F10020102' + '9500' + '9F6604 36004000');
    assert.deepEqual(r.problems, []);
    assert.ok(r.nodes.every((n) => n.lengthMismatch === undefined));
    const cut = parseTlv('9505000000', { resynchronise: false });
    assert.equal(cut.nodes[0].truncated, true);
    assert.equal(cut.nodes[0].lengthMismatch, undefined);
    assert.ok(!cut.problems.some((p) => p.code === 'TLV012'));
  });

  it('reaches the decode document of a result URI as a warning', () => {
    const [e] = decodeText('app://payment?result=0&amount=450&f55=950400000080');
    const f55 = e.fields.find((f) => f.key === 'f55')!;
    assert.ok(f55.details.some((d) => d.startsWith('TLV012: Tag 95 (Terminal Verification Results (TVR)): length 4')));
    const diagnostic = e.diagnostics.find((d) => d.code === 'TLV012')!;
    assert.equal(diagnostic.severity, 'warning');
  });

  it('in Italian', () => {
    setLocale('it');
    assert.equal(
      parseTlv('9F36015B').problems[0].message,
      'Tag 9F36 (Application Transaction Counter (ATC)): lunghezza 1, ma EMV 4.4 Book 3 Annex A la fissa a 2 (lunghezza in byte): il valore è letto fin dove possibile e potrebbe essere errato.',
    );
  });
});

describe('emv kernels: 9C and 9F39 explained', () => {
  afterEach(() => setLocale('en'));

  it('transaction type and POS entry mode have their meanings, English and Italian', () => {
    assert.deepEqual(interpretValue('9C', '20'), { kind: 'enumerated', code: '20', meaning: 'Refund / return' });
    assert.deepEqual(interpretValue('9C', '77'), { kind: 'enumerated', code: '77' }, 'a code without a meaning is still shown');
    assert.deepEqual(interpretValue('9F39', '07'), { kind: 'enumerated', code: '07', meaning: 'Contactless chip (EMV mode)' });
    setLocale('it');
    assert.deepEqual(interpretValue('9C', '09'), { kind: 'enumerated', code: '09', meaning: 'Acquisto con cashback' });
    assert.deepEqual(interpretValue('9F39', '05'), { kind: 'enumerated', code: '05', meaning: 'Chip a contatto (ICC)' });
  });
});

describe('emv kernels: Italian is complete', () => {
  afterEach(() => setLocale('en'));

  const strings = (o: unknown): string[] =>
    typeof o === 'string' ? [o] : o && typeof o === 'object' ? Object.values(o as Record<string, unknown>).flatMap(strings) : [];
  const keysDeep = (o: unknown, prefix = ''): string[] =>
    o && typeof o === 'object' ? Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => [`${prefix}${k}`, ...keysDeep(v, `${prefix}${k}.`)]) : [];
  const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();

  it('message tables: every message in the Italian bundle, same keys and placeholders', () => {
    const bundle = bundleOf('it');
    for (const [en, local] of [
      [kernelMessages, withLocale('it', kernelText)],
      [describeMessages, withLocale('it', describeText)],
      [tlvMessages, withLocale('it', tlvText)],
    ] as const) {
      assert.deepEqual(keysDeep(local), keysDeep(en));
      const e = strings(en);
      const i = strings(local);
      e.forEach((s, k) => {
        assert.ok(bundle[s] !== undefined, `no Italian for ${JSON.stringify(s)}`);
        assert.equal(placeholders(i[k]!), placeholders(s), s);
      });
    }
    // 9C and 9F39: every value has its Italian (names that read the same: none).
    for (const [tag, values] of [
      ['9C', transactionTypeValues],
      ['9F39', posEntryModeValues],
    ] as const) {
      for (const [code, meaning] of Object.entries(values)) {
        const local = withLocale('it', () => interpretValue(tag, code));
        assert.ok(local?.kind === 'enumerated' && local.meaning && local.meaning !== meaning, `${tag} ${code}`);
      }
    }
  });

  it('kernel codings: every bit, label and value translated, positions kept', () => {
    const same = new Set(['RFU', 'CVV2', 'AAC', 'TC', 'ARQC', 'CDCVM (contactless)']);
    const ids: KernelCodingId[] = ['ttq', 'ctq', 'visaFfi', 'amexEcrc', 'auc', 'trmd', 'cvrCcd', 'cvrMchip', 'cvrVsdc'];
    for (const id of ids) {
      const en = kernelCoding(id).english;
      const it = withLocale('it', () => kernelCoding(id).local);
      const shape = (c: unknown) => JSON.stringify(c, (k, v) => (typeof v === 'string' && !['bits', 'prov'].includes(k) ? '' : v));
      assert.equal(shape(it), shape(en), id);
      en.bytes!.forEach((b, i) => {
        if (b.name) assert.notEqual(it.bytes![i].name, b.name, `${id} byte ${b.byte} name`);
        b.bits!.forEach((bit, j) => {
          const ib = it.bytes![i].bits![j];
          if (!same.has(bit.meaning)) assert.notEqual(ib.meaning, bit.meaning, `${id} byte ${b.byte} ${bit.bits}`);
          for (const [k, v] of Object.entries(bit.values ?? {})) if (!same.has(v)) assert.notEqual(ib.values![k], v, `${id} ${bit.bits} ${k}`);
        });
      });
    }
    // TVR byte 5 b4–b1 for each kernel: every replacement bit (and bit-field value) translated.
    const kernels: Record<keyof typeof tvrByte5Variants, CardKernel | undefined> = {
      c2: kernelFor(MASTERCARD, 'contactless'),
      contact: kernelFor(VISA, 'contact'),
      unknown: undefined,
      otherContactless: kernelFor(VISA, 'contactless'),
    };
    for (const v of Object.keys(tvrByte5Variants) as (keyof typeof tvrByte5Variants)[]) {
      const local = withLocale('it', () => codingFor('95', kernels[v])!.local.bytes!.find((b) => b.byte === 5)!.bits!);
      for (const bit of tvrByte5Variants[v]) {
        const ib = local.find((b) => b.bits === bit.bits)!;
        assert.notEqual(ib.meaning, bit.meaning, `${v} ${bit.bits}`);
        for (const [k, value] of Object.entries((bit as { values?: Record<string, string> }).values ?? {})) if (!same.has(value)) assert.notEqual(ib.values![k], value, `${v} ${bit.bits} ${k}`);
      }
    }
  });

  it('kernel readings come out in Italian', () => {
    setLocale('it');
    const mc = kernelFor(MASTERCARD, 'contactless');
    assert.equal(mc.label, 'Mastercard contactless, kernel C-2 (M/Chip contactless)');
    assert.deepEqual(
      decodeBits('95', '0000008001', mc)!.set.map((b) => b.meaning),
      ['La transazione supera il floor limit', 'RRP non eseguito (protocollo di relay resistance di Mastercard C-2)'],
    );
    assert.equal(codingFor('9F66', kernelFor(VISA, 'contactless'))!.local.bytes![0].bits![0].meaning, 'Modalità mag-stripe supportata');
    assert.equal(describeEmvExtras(node('9F10070601' + '0A03A0B000')).interpretation, 'Visa VSDC, formato IAD 0, CVN 10');
  });
});
