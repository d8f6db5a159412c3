// What the sandbox's checkTransaction returns. Nexi's CheckTransactionResponse schema is not published (spec §15.3,
// §16.24: "status, card type, amount, acquirer ID and timestamps"); this shape is the sandbox's own, with field
// names taken from the App2App result URIs so the same explanations apply. Callers must treat a real response as
// unknown JSON, which the toolkit does.
export interface SandboxTransaction {
  readonly terminalId: string;
  readonly callerTrxId: string;
  readonly operationType: 'PAYMENT' | 'REVERSAL';
  /** Backend view of the outcome. */
  readonly status: 'APPROVED' | 'DECLINED' | 'CANCELLED' | 'FAILED';
  /** App2App result code the app should have received (spec §9). */
  readonly result: string;
  readonly actionCode?: string;
  /** Minor units, 12 digits zero-padded (as f04). */
  readonly amount: string;
  /** ISO 4217 numeric (as CT118). */
  readonly currency: string;
  readonly cardType?: string;
  /** Masked PAN. */
  readonly pan?: string;
  readonly authorizationNumber?: string;
  readonly stan?: string;
  readonly rrn?: string;
  readonly acquirerId?: string;
  /** ISO 8601 with offset. */
  readonly transactionDate: string;
}

/**
 * Seed data matching samples/logcat.log, so that `npm start` shows a check and a reconciliation with every kind of
 * outcome: a match, a decline, and a payment the app logged as timed out but the backend approved.
 */
export function seedTransactions(): SandboxTransaction[] {
  return [
    { terminalId: '30350039', callerTrxId: 'PP-20261121-0001', operationType: 'PAYMENT', status: 'APPROVED', result: '0', actionCode: '000', amount: '000000001250', currency: '978', cardType: 'Mastercard', pan: '************5938', authorizationNumber: '012651', stan: '000002', rrn: '632510150002', acquirerId: '00000000003', transactionDate: '2026-11-21T10:15:31+01:00' },
    { terminalId: '30350039', callerTrxId: 'PP-20261121-0002', operationType: 'PAYMENT', status: 'DECLINED', result: '21', actionCode: '116', amount: '000000000480', currency: '978', cardType: 'Visa', pan: '************1111', stan: '000003', rrn: '632510160003', acquirerId: '00000000003', transactionDate: '2026-11-21T10:16:40+01:00' },
    { terminalId: '30350039', callerTrxId: 'PP-20261121-0003', operationType: 'PAYMENT', status: 'APPROVED', result: '0', actionCode: '000', amount: '000000002290', currency: '978', cardType: 'Mastercard', pan: '************4444', authorizationNumber: '731942', stan: '000004', rrn: '632510170004', acquirerId: '00000000003', transactionDate: '2026-11-21T10:17:05+01:00' },
    { terminalId: '38032131', callerTrxId: '1747399896594', operationType: 'REVERSAL', status: 'APPROVED', result: '0', actionCode: '400', amount: '000000000450', currency: '978', cardType: 'Mastercard', pan: '************6313', authorizationNumber: 'H50716', stan: '000247', rrn: '513614271424', acquirerId: '909517', transactionDate: '2025-05-16T14:51:51+02:00' },
  ];
}
