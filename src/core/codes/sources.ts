// Citations. Hand-authored tables cite the Nexi fact sheet's source tags (spec §17: `[REV]`, `[ERR]`…);
// generated tables cite short ids of the reference data (src/core/data/sourceData.ts).

import { dataSources, type DataSourceId } from '../data/sourceData';

/** Source tags of the Nexi fact sheet (spec §17) used by the hand-authored code tables. */
export const specSources = {
  '[PAY]': { title: 'Payment (User-Authentication)', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/payment' },
  '[PAYS]': { title: 'Payments', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/payments' },
  '[REV]': { title: 'Reversal (User-Authentication)', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/reversal' },
  '[REVS]': { title: 'Reversal SoftPOS', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/reversal-softpos' },
  '[REVC]': {
    title: 'Reversal Cloud-Authentication',
    url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/reversal-cloud-authentication',
  },
  '[LTS]': {
    title: 'Last transaction status',
    url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/last-transaction-status',
  },
  '[GLT]': { title: 'Get Last Transaction', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/get-last-transaction' },
  '[ACC]': { title: 'Accounting closure', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/accounting-closure' },
  '[CLS]': { title: 'Close session', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/close-session' },
  '[ERR]': { title: 'Error code', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/error-code' },
  '[RCPT]': { title: 'Overview (receipt field keys)', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/overview' },
  '[ISO-NEXI]': { title: 'ISO Response Code (Nexi Payment Gateway)', url: 'https://developer.nexi.it/en/Tabelle-e-Codifiche/Response-Code-ISO' },
  '[FAQ result 20]': {
    title: 'I have a result code = 20, in the response of the payment',
    url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/support/i-have-a-result-code-20-in-the-response-of-the-payment',
  },
  '[FAQ result 21]': {
    title: 'I have a result code = 21, in the response of the payment',
    url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/support/i-have-a-result-code-21-in-the-response-of-the-payment',
  },
  '[FAQ NFC]': {
    title: "How do I handle devices that don't support NFC?",
    url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/support/how-do-i-handle-devices-that-dont-support-nfc',
  },
  '[GH-DEMO]': { title: 'GitHub NexiPayments/SoftposDemo', url: 'https://github.com/NexiPayments/SoftposDemo' },
} as const;

export type SpecSourceTag = keyof typeof specSources;

/** Anything a table entry can cite: a spec source tag or a reference-data source id. */
export type SourceRef = SpecSourceTag | DataSourceId;

export interface Citation {
  readonly title: string;
  readonly url?: string;
}

/** Full citation for a source reference (for hovers and the docs). */
export function citation(ref: SourceRef): Citation {
  if (Object.prototype.hasOwnProperty.call(specSources, ref)) return specSources[ref as SpecSourceTag];
  const text: string = dataSources[ref as DataSourceId];
  const url = /https?:\/\/\S+/.exec(text)?.[0];
  return url ? { title: text, url } : { title: text };
}
