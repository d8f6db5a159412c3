import { strict as assert } from 'assert';
import {
  findOperation,
  findOperationByType,
  findParameter,
  isKnownKey,
  isReceiptKey,
  isResponseOnlyKey,
  operations,
  operationsTaking,
  parameterNames,
  type OperationSpec,
} from '../../src/core/app2app/catalog';

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
