// A deterministic logcat-like corpus with App2App URIs whose intended fields are known, so that both the
// toolkit's scanner and a naive baseline can be scored field by field.
import { encodeQueryComponent } from '../src/core/app2app/build';
import { prng } from '../src/core/text';

export interface ExpectedUri {
  /** Offset of the URI in the corpus. */
  readonly start: number;
  /** Intended key → decoded value, in order. */
  readonly fields: ReadonlyArray<readonly [string, string]>;
}

export interface Corpus {
  readonly text: string;
  readonly uris: readonly ExpectedUri[];
}

const tags = ['ActivityManager', 'WindowManager', 'OkHttp', 'PizzaPay', 'chromium', 'NfcService', 'BluetoothAdapter', 'ViewRootImpl', 'SurfaceFlinger'];
/** Ordinary logcat lines between the URIs (also the editor benchmark's, bench/editor/logs.ts). */
export const noise = [
  'Start proc 4821:com.example.pizzapay/u0a213 for activity {com.example.pizzapay/.MainActivity}',
  '--> POST https://api.example.com/orders?id=77&lang=it (312-byte body)',
  '<-- 200 https://api.example.com/orders?id=77&lang=it (84ms, 1.2kB body)',
  'Relayout returned: old=(0,0,1080,2400) new=(0,0,1080,2400) req=(1080,2400)0 dur=7',
  'NFC tag discovered: tech=[android.nfc.tech.IsoDep, android.nfc.tech.NfcA]',
  'Skipped 31 frames!  The application may be doing too much work on its main thread.',
  'Displayed com.example.pizzapay/.ui.PaymentResultActivity: +412ms',
  'loading https://cdn.example.com/img/logo.png?v=3 from cache',
];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Builds a corpus of at least `minBytes` characters. */
export function generateCorpus(minBytes: number, seed = 42): Corpus {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const parts: string[] = [];
  const uris: ExpectedUri[] = [];
  let length = 0;
  let n = 0;
  const push = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  while (length < minBytes) {
    n++;
    const time = `11-21 ${pad2(Math.floor(rnd() * 24))}:${pad2(Math.floor(rnd() * 60))}:${pad2(Math.floor(rnd() * 60))}.${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
    const head = `${time}  4821  4821 ${pick(['D', 'I', 'W', 'V'])} ${pick(tags)}: `;
    const r = rnd();
    if (r < 0.9) {
      push(`${head}${pick(noise)}\n`);
      continue;
    }
    const trx = `PP-${n}`;
    const amount = String(1 + Math.floor(rnd() * 99999));
    let fields: Array<[string, string]>;
    let prefix: string;
    let query: string;
    let suffix = '';
    if (r < 0.93) {
      // Request, encoded as Uri.Builder does.
      fields = [['amount', amount], ['callerTrxId', trx], ['callerName', 'Pizza Pay'], ['sendTicket', 'false'], ['autoClose', 'true'], ['uri', 'pizzapay://payment']];
      prefix = 'Launching Nexi POS: neximpos://payment?';
      query = fields.map(([k, v]) => `${k}=${encodeQueryComponent(v)}`).join('&');
    } else if (r < 0.97) {
      // mPOS result as Nexi POS sends it: raw spaces, percent-encoded padding, a dat= prefix and an Intent tail.
      fields = [
        ['result', '0'], ['amount', amount], ['callerTrxId', trx], ['operationType', 'PAYMENT'], ['actionCode', '000'],
        ['pan', '************5938'], ['transactionType', 'CLI'], ['timestamp', '2111261015'], ['resultDescription', 'TRANSAZIONE APPROVATA'],
        ['acquirerName', 'NEXI            '], ['terminalId', '30350039'], ['authorizationNumber', '012651'],
      ];
      prefix = 'onNewIntent Intent { act=android.intent.action.VIEW dat=pizzapay://payment?';
      query = fields.map(([k, v]) => `${k}=${k === 'acquirerName' ? v.replace(/ /g, '%20') : v}`).join('&');
      suffix = ' flg=0x10400000 cmp=com.example.pizzapay/.ui.PaymentResultActivity }';
    } else {
      // SoftPOS result: raw commas, parentheses, spaces and a `+` in CT110.
      const padded = amount.padStart(12, '0');
      fields = [
        ['operationType', 'REVERSAL'], ['callerTrxId', trx], ['result', '0'], ['amount', padded], ['f39', '400'], ['CT121', 'C.SO SEMPIONE 55, 20145, MILANO (MI)'],
        ['CT110', '2025-05-16T14:51:51+02:00'], ['f04', padded], ['CT118', '978'], ['CT102', 'A0000000041010'], ['CT123', '9F3602015B95050000008001'],
        ['F42', '1000000595940'], ['f42', '1000000595940'], ['terminalId', '38032131'], ['autoClose', 'false'],
      ];
      prefix = 'Intent { act=android.intent.action.VIEW dat=easypay://reversal?';
      query = fields.map(([k, v]) => `${k}=${v}`).join('&');
      suffix = ' flg=0x10400000 cmp=com.example.easypay/.ui.redirect.RevertResultActivity }';
    }
    const start = length + head.length + prefix.lastIndexOf(' ') + 1 + (prefix.includes('dat=') ? 4 : 0);
    uris.push({ start, fields });
    push(`${head}${prefix}${query}${suffix}\n`);
  }
  return { text: parts.join(''), uris };
}
