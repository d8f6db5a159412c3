// Logcat-like logs for the editor benchmark (issue 17): ordinary log lines with App2App URIs between them, of the
// kinds a developer meets in a real session — `neximpos://` requests (some with a fixable finding), MobilePOS
// payment results, SoftPOS reversal and last_transaction results with receipt keys (CT1xx) and an EMV TLV in f55,
// accounting closures. The URI shapes are those of samples/logcat.log and the spec's stored examples (spec §3–§6);
// the values are made up. Deterministic for a seed, so two runs measure the same text.
import { prng } from '../../src/core/text';
import { noise as corpusNoise } from '../corpus';

/** What a line holds, so the benchmark can aim its requests. */
export type LineKind = 'request' | 'fixable' | 'result';

export interface GeneratedLog {
  readonly text: string;
  /** Line numbers (0-based) of the lines holding a URI, by kind. */
  readonly lines: Readonly<Record<LineKind, readonly number[]>>;
}

const tags = ['ActivityManager', 'WindowManager', 'OkHttp', 'chromium', 'NfcService', 'ViewRootImpl', 'SurfaceFlinger', 'InputDispatcher'];
const noise = [
  ...corpusNoise,
  'Accessing hidden method Landroid/view/View;->computeFitSystemWindows(Landroid/graphics/Rect;Landroid/graphics/Rect;)Z (unsupported, reflection, allowed)',
];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** One App2App line of the given kind for transaction number `n`. */
function app2appLine(kind: number, n: number, amount: number): { kind: LineKind; text: string } {
  const trx = `PP-${n}`;
  const a12 = String(amount).padStart(12, '0');
  switch (kind) {
    case 0:
      // A request as Uri.Builder encodes it (the completion target: the benchmark completes at `sendTicket`).
      return { kind: 'request', text: `I PizzaPay: Launching Nexi POS: neximpos://payment?amount=${amount}&callerTrxId=${trx}&callerName=Pizza%20Pay&sendTicket=false&autoClose=true&uri=pizzapay%3A%2F%2Fpayment` };
    case 1:
      // A request with a decimal amount: A2A004, whose quick fix is "Replace with …" (the code-action target).
      return { kind: 'fixable', text: `I PizzaPay: Launching Nexi POS: neximpos://payment?amount=${Math.floor(amount / 100)}.${pad(amount % 100)}&callerTrxId=${trx}&callerName=Pizza%20Pay&sendTicket=false&uri=pizzapay%3A%2F%2Fpayment` };
    case 2:
      // MobilePOS payment result: raw spaces, percent-encoded padding, an Intent around it.
      return { kind: 'result', text: `D PizzaPay: onNewIntent Intent { act=android.intent.action.VIEW dat=pizzapay://payment?result=0&amount=${amount}&callerTrxId=${trx}&operationType=PAYMENT&actionCode=000&pan=************5938&transactionType=CLI&timestamp=2111261015&resultDescription=TRANSAZIONE APPROVATA&cardTypeCVM=2&acquirerId=00000000003&stan=000002&operationNumber=000031&acquirerName=NEXI%20%20%20%20%20%20%20%20%20%20%20%20&terminalId=30350039&authorizationNumber=012651 flg=0x10400000 cmp=com.example.pizzapay/.ui.PaymentResultActivity }` };
    case 3:
      // MobilePOS payment declined.
      return { kind: 'result', text: `D PizzaPay: onNewIntent Intent { act=android.intent.action.VIEW dat=pizzapay://payment?result=21&amount=${amount}&callerTrxId=${trx}&operationType=PAYMENT&actionCode=116&resultDescription=TRANSAZIONE NEGATA&terminalId=30350039 flg=0x10400000 cmp=com.example.pizzapay/.ui.PaymentResultActivity }` };
    case 4:
      // SoftPOS reversal result: ISO 8583 fields, f55 EMV TLV, receipt keys with raw commas and spaces.
      return { kind: 'result', text: `D EasyPay: onNewIntent Intent { act=android.intent.action.VIEW dat=easypay://reversal?operationType=REVERSAL&callerTrxId=${trx}&result=0&amount=${a12}&f30=${a12}&F42=1000000595940&f12=145126&f11=000247&f55=9F3602015B9F10120110800005220000000000000000000FF9F35012195050000008001&CT121=C.SO SEMPIONE 55, 20145, MILANO (MI)&f13=0516&CT120=NEXI SOFTPOS&CT110=2025-05-16T14:51:51+02:00&f04=${a12}&CT118=978&CT102=A0000000041010&CT108=Mastercard&CT115=Contactless&f39=400&f41=38032131&terminalId=38032131 flg=0x10400000 cmp=com.example.easypay/.ui.redirect.RevertResultActivity }` };
    case 5:
      // SoftPOS last_transaction result (the shape of the spec's [GLT] example, completed).
      return { kind: 'result', text: `D EasyPay: onNewIntent Intent { act=android.intent.action.VIEW dat=demonexi://last_transaction?operationType=LAST_TRANSACTION&callerTrxId=${trx}&result=0&amount=${a12}&terminalType=SOFTPOS&f30=${a12}&f04=${a12}&f39=116&CT105=0100&CT100=6313&CT102=A0000000041010&CT108=Mastercard&CT115=Contactless&f41=38032131&f55=9F2701809F3602015B950500000080019A032505169C0100 flg=0x10400000 cmp=com.example.easypay/.ui.LastTransactionActivity }` };
    case 6:
      // SoftPOS payment result.
      return { kind: 'result', text: `D EasyPay: onNewIntent Intent { act=android.intent.action.VIEW dat=easypay://payment?operationType=PAYMENT&callerTrxId=${trx}&result=0&amount=${a12}&f04=${a12}&f39=000&f38=012651&f41=38032131&F42=1000000595940&f55=9F2608C2C13C5B1C6F2D2C9F2701809F100706010A03A000009F3704A1B2C3D4&CT100=5938&CT102=A0000000041010&CT108=Mastercard&CT110=2025-05-16T14:51:51+02:00&CT115=Contactless&CT118=978&CT121=VIA ROMA 1, 00100, ROMA (RM) flg=0x10400000 cmp=com.example.easypay/.ui.PaymentResultActivity }` };
    default:
      return { kind: 'result', text: `D PizzaPay: onNewIntent Intent { act=android.intent.action.VIEW dat=pizzapay://accounting_closure?result=0&hostTotal=${amount}&terminalTotal=${amount}&callerTrxId=${trx}&operationType=ACCOUNTING_CLOSURE flg=0x10400000 cmp=com.example.pizzapay/.ui.ClosureResultActivity }` };
  }
}

/**
 * A log of `bytes` characters (ASCII, so bytes too) or slightly less: about one line in eight holds an App2App URI.
 * The first screen (40 lines) holds one URI of each kind, so the visible-line diagnostics have something to show.
 */
export function generateLog(bytes: number, seed = 17): GeneratedLog {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const parts: string[] = [];
  const lines: Record<LineKind, number[]> = { request: [], fixable: [], result: [] };
  let length = 0;
  for (let n = 0; ; n++) {
    const time = `11-21 ${pad(Math.floor(rnd() * 24))}:${pad(Math.floor(rnd() * 60))}:${pad(Math.floor(rnd() * 60))}.${pad(Math.floor(rnd() * 1000), 3)}  4821  4821 `;
    let line: string;
    const early = n < 40 && n % 5 === 2 ? (n - 2) / 5 : -1;
    if (early >= 0 || rnd() < 0.125) {
      const made = app2appLine(early >= 0 ? early : Math.floor(rnd() * 8), n, 1 + Math.floor(rnd() * 99999));
      lines[made.kind].push(n);
      line = `${time}${made.text}\n`;
    } else {
      line = `${time}${pick(['D', 'I', 'W', 'V'])} ${pick(tags)}: ${pick(noise)}\n`;
    }
    if (length + line.length > bytes) break;
    parts.push(line);
    length += line.length;
  }
  return { text: parts.join(''), lines };
}
