import { strict as assert } from 'assert';
import {
  constraintText,
  findOperation,
  findOperationByType,
  findParameter,
  isKnownKey,
  isReceiptKey,
  isResponseOnlyKey,
  operations,
  operationsTaking,
  parameterDescription,
  parameterNames,
  parameterNotes,
  type OperationSpec,
} from '../../src/core/app2app/catalog';
import { lookupReceiptKey, receiptKeys } from '../../src/core/codes/receiptKeys';
import { withLocale } from '../../src/core/l10n';

const op = (name: string) => findOperation(name) as OperationSpec;

describe('app2app catalog', () => {
  it('has the four documented operations, by authority (case-sensitive)', () => {
    assert.deepEqual(
      operations.map((o) => o.name),
      ['payment', 'reversal', 'last_transaction', 'accounting_closure'],
    );
    assert.equal(findOperation('Payment'), undefined);
    assert.equal(op('accounting_closure').scope, 'mobilepos');
  });

  it('lists the request parameters of the spec tables, in table order', () => {
    assert.deepEqual(parameterNames(op('payment'), 'request'), [
      'amount',
      'callerName',
      'callerTrxId',
      'email',
      'sms',
      'sendTicket',
      'urlTicket',
      'uri',
      'addInfoKey1',
      'addInfoKey2',
      'addInfoKey3',
      'addInfoKey4',
      'addInfoKey5',
      'addInfo1',
      'addInfo2',
      'addInfo3',
      'addInfo4',
      'addInfo5',
      'autoClose',
      'hideRetry',
      'tipEnabled',
      'tipAmount',
      'terminalId',
    ]);
    assert.deepEqual(parameterNames(op('reversal'), 'request'), [
      'amount',
      'callerTrxId',
      'sendTicket',
      'urlTicket',
      'timestamp',
      'terminalId',
      'callerName',
      'uri',
      'email',
      'sms',
      'autoClose',
      'hideRetry',
    ]);
    assert.deepEqual(parameterNames(op('last_transaction'), 'request'), ['callerName', 'terminalId', 'callerTrxId', 'uri']);
    assert.deepEqual(parameterNames(op('accounting_closure'), 'request'), ['callerTrxId', 'callerName', 'uri']);
  });

  it('required, defaults, scope, provenance and ignored parameters follow the spec', () => {
    const req = (o: string, name: string) => findParameter(op(o), 'request', name)?.spec;
    assert.deepEqual(
      op('payment').request.filter((s) => s.required).map((s) => s.name),
      ['amount', 'callerName', 'callerTrxId', 'uri'],
    );
    assert.deepEqual(
      op('reversal').request.filter((s) => s.required).map((s) => s.name),
      ['amount', 'callerTrxId', 'timestamp', 'terminalId', 'callerName', 'uri'],
    );
    assert.equal(req('payment', 'sendTicket')?.default, 'true');
    assert.equal(req('payment', 'autoClose')?.default, 'false');
    assert.equal(req('reversal', 'hideRetry')?.default, undefined);
    assert.equal(req('payment', 'urlTicket')?.scope, 'mobilepos');
    assert.equal(req('payment', 'tipEnabled')?.provenance, 'nexi-sample');
    assert.equal(req('payment', 'tipAmount')?.provenance, 'nexi-sample');
    assert.match(req('payment', 'terminalId')?.ignoredReason ?? '', /last selected/);
    assert.equal(req('reversal', 'terminalId')?.ignoredReason, undefined);
    assert.equal(req('payment', 'amount')?.type, 'int-cents');
    assert.equal(req('reversal', 'timestamp')?.type, 'timestamp');
    assert.match(req('payment', 'addInfo3')?.notes?.join(' ') ?? '', /DF8001…DF8005/);
  });

  it('every parameter has a description, sources and a valid provenance; names are unique per side', () => {
    const provenances = ['nexi-documented', 'nexi-sample', 'inferred', 'undocumented'];
    for (const o of operations) {
      for (const side of [o.request, o.response]) {
        const names = side.map((s) => s.name);
        assert.equal(new Set(names).size, names.length, `${o.name}: duplicate names`);
        for (const s of side) {
          assert.ok(s.description.length > 0 && s.sources.length > 0, `${o.name}.${s.name}`);
          assert.ok(provenances.includes(s.provenance), `${o.name}.${s.name}`);
        }
      }
    }
  });

  it('indexed names: addInfoKeyN / addInfoN with N = 1…5', () => {
    const p = op('payment');
    const key3 = findParameter(p, 'request', 'addInfoKey3');
    assert.equal(key3?.spec.name, 'addInfoKeyN');
    assert.equal(key3?.index, 3);
    assert.equal(key3?.inRange, true);
    assert.equal(findParameter(p, 'request', 'addInfo5')?.spec.name, 'addInfoN');
    assert.deepEqual(
      ['addInfo6', 'addInfoKey0', 'addInfo01'].map((k) => findParameter(p, 'request', k)?.inRange),
      [false, false, false],
    );
    assert.equal(findParameter(p, 'request', 'addInfo'), undefined);
    assert.equal(findParameter(op('reversal'), 'request', 'addInfo1'), undefined);
  });

  it('response side: §3.4 fields, terminalType, totals, softPosError and the receipt-key family', () => {
    const res = (o: string, key: string) => findParameter(op(o), 'response', key)?.spec;
    assert.equal(res('payment', 'softPosError')?.scope, 'softpos');
    assert.equal(res('reversal', 'operationType')?.values?.[0], 'REVERSAL');
    assert.deepEqual(res('last_transaction', 'terminalType')?.values, ['MPOS', 'SOFTPOS']);
    assert.equal(res('accounting_closure', 'hostTotal')?.type, 'int-cents');
    assert.equal(res('accounting_closure', 'terminalTotal')?.type, 'int-cents');
    for (const key of ['CT121', 'f42', 'F42', 'f55', '9F14', 'ATAGSRECEIPT']) {
      assert.equal(res('reversal', key)?.family, 'receiptKey', key);
      assert.equal(res('last_transaction', key)?.family, 'receiptKey', key);
    }
    assert.equal(res('accounting_closure', 'CT121'), undefined);
    assert.deepEqual(
      ['CT1', 'ct121', 'F4', 'XYZ', '9F1'].map(isReceiptKey),
      [false, false, false, false, false],
    );
  });

  it('cross-operation lookups', () => {
    assert.deepEqual(
      operationsTaking('timestamp', 'request', op('payment')).map((o) => o.name),
      ['reversal'],
    );
    assert.equal(findOperationByType('ACCOUNTING_CLOSE')?.name, 'accounting_closure');
    assert.equal(findOperationByType(' payment ')?.name, 'payment');
    assert.equal(findOperationByType('REFUND'), undefined);
    assert.deepEqual(
      ['result', 'operationType', 'CT121', 'amount', 'uri', 'autoClose'].map(isResponseOnlyKey),
      [true, true, true, false, false, false],
    );
    assert.deepEqual(
      ['uri', 'terminalType', 'f39', 'nope'].map(isKnownKey),
      [true, true, true, false],
    );
  });
});

// Issue 15: sentences that stated more than the sources (spec §13, §16). Each assertion names what the spec says.
describe('app2app catalog and receipt keys: no more than the sources say (issue 15)', () => {
  const spec = (operation: string, direction: 'request' | 'response', key: string) => {
    const m = findParameter(op(operation), direction, key);
    assert.ok(m, `${operation} ${direction} ${key}`);
    return m.spec;
  };
  const italian = <T>(f: () => T) => withLocale('it', f);

  it('f55 no longer calls every value malformed (that was one published example)', () => {
    assert.equal(lookupReceiptKey('f55')?.meaning, 'EMV data as BER-TLV hex, named after ISO 8583 field 55 (inferred).');
    assert.equal(italian(() => lookupReceiptKey('f55'))?.meaning, 'Dati EMV in BER-TLV esadecimale, con il nome del campo ISO 8583 55 (dedotto).');
    for (const k of receiptKeys) assert.doesNotMatch(k.meaning, /published example is malformed/, k.key);
  });

  it('CT106/CT107 say "device" as [RCPT] does, not "phone clock" (MobilePOS has a card reader too)', () => {
    for (const key of ['CT106', 'CT107']) {
      assert.match(lookupReceiptKey(key)?.meaning ?? '', /\[RCPT\] says "device"; which device and which time zone are not stated/);
      assert.match(italian(() => lookupReceiptKey(key))?.meaning ?? '', /quale dispositivo e quale fuso orario non è indicato/);
    }
  });

  it('the urlTicket of a result depends on the request flag (default true), not only on urlTicket=true', () => {
    const url = spec('payment', 'response', 'urlTicket');
    assert.equal(parameterDescription(url), 'Link to the receipt image; depends on the urlTicket request flag (default true); MobilePOS only: SoftPOS does not return it [REVS].');
    assert.match(italian(() => parameterDescription(url)), /dipende dal flag urlTicket della richiesta \(predefinito true\)/);
  });

  it('the response amount format is what the examples show, not a documented product rule (spec §16.13)', () => {
    const amount = spec('payment', 'response', 'amount');
    assert.match(parameterDescription(amount), /In the published examples mPOS echoes it as sent and SoftPOS returns 12 zero-padded digits .*not specified \(spec §16\.13\)/);
    assert.match(italian(() => parameterDescription(amount)), /Negli esempi pubblicati .*non è specificato \(spec §16\.13\)/);
  });

  it('timestamps: 24-hour clock marked inferred; what the reversal timestamp is, left open (spec §12, §16.7)', () => {
    const request = spec('reversal', 'request', 'timestamp');
    assert.match(parameterDescription(request), /whether it is the current time or the original transaction's is not stated/);
    assert.match(constraintText(request) ?? '', /24-hour clock inferred/);
    assert.match(parameterDescription(spec('payment', 'response', 'timestamp')), /24-hour clock: inferred\); time zone not stated/);
    assert.match(italian(() => parameterDescription(spec('payment', 'response', 'timestamp'))), /formato 24 ore: dedotto\); fuso orario non indicato/);
  });

  it('autoClose: -21 is documented for sendTicket=true; for sendTicket left out it is an open point (spec §16.4)', () => {
    const notes = parameterNotes(spec('payment', 'request', 'autoClose')) ?? [];
    assert.doesNotMatch(notes.join(' '), /Requires sendTicket=false, otherwise result -21/);
    assert.match(notes[0], /whether leaving it out also gives -21 is not stated \(spec §16\.4\)/);
    assert.match(italian(() => parameterNotes(spec('payment', 'request', 'autoClose')))?.[0] ?? '', /non è indicato se anche ometterlo dia -21/);
  });

  it('undocumented result fields say the lengths come from the examples', () => {
    for (const key of ['acquirerId', 'stan', 'operationNumber']) assert.match(parameterDescription(spec('payment', 'response', key)), /undocumented/, key);
  });

  it('the amount constraint names the inferred int limit, and "no maximum documented" stays', () => {
    assert.equal(spec('payment', 'request', 'amount').constraints?.max, 2147483647);
    assert.match(constraintText(spec('payment', 'request', 'amount')) ?? '', /no maximum documented, an int holds at most 2147483647 \(inferred limit\)/);
  });
});
