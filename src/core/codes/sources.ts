// Citations. Hand-authored tables cite the Nexi fact sheet's source tags (spec §17: `[REV]`, `[ERR]`…);
// generated tables cite short ids of the reference data (src/core/data/sourceData.ts).

import type { DataSourceId } from '../data/sourceData';

/** The sources' citations, a chunk of their own in the extension, loaded on first use (issue 17 item 4). */
function dataSourceTable(): (typeof import('../data/sourceData'))['dataSources'] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../data/sourceData') as typeof import('../data/sourceData')).dataSources;
}

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
  // The other tags of spec §17 (operation and catalog sources, and tags the texts may cite).
  '[REVL]': { title: 'Reversal last transaction', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/reversal-last-transaction' },
  '[REVM]': { title: 'Reversal Mobile POS', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/reversal-mobile-pos' },
  '[PAYC]': { title: 'Payment Cloud-Authentication', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/payment-cloud-authentication' },
  '[RECON]': {
    title: 'SoftPOS - MobilePOS reconciliation',
    url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/softpos-mobilepos-reconciliation',
  },
  '[BE]': { title: 'Backend integration', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/backend-integration' },
  '[APIOV]': { title: 'Cloud-Authentication Overview (API reference)', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/api' },
  '[APIREF]': { title: 'B2B Cloud Authentication (API reference)', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/api/smartposmobilepos-api-v1' },
  '[WPC]': { title: 'Web Portal Configuration', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/web-portal-configuration' },
  '[SDK]': { title: 'SDK integration', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/sdk-integration' },
  '[AND]': { title: 'Android (Integration Advice, Mobile POS only)', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/android' },
  '[IOS]': { title: 'iOS (Integration Advice, Mobile POS only)', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/ios' },
  '[CHG]': { title: 'SoftPOS MobilePOS Change log', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/change-log' },
  '[FAQ tags]': { title: 'How do Additional Tags work?', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/support/how-do-additional-tags-work' },
  '[FAQ partial deeplink]': {
    title: 'During my SoftPOS transaction with App2App integration, I did not get all the date in the deeplink response',
    url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/support/during-my-softpos-transaction-with-app2app-integration-i-di',
  },
  '[FAQ PAR 400]': { title: 'I get the 400 error code during the PAR', url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/support/i-get-the-400-error-code-during-the-par' },
  '[FAQ checkTransaction]': {
    title: 'Why I do not receive the transactions details in the API CHECK TRANSACTION RESPONSE?',
    url: 'https://developer.nexigroup.com/softposmobilepos/en-EU/support/why-i-do-not-receive-the-transactions-details-in-the-api-che/',
  },
  '[GH-BE]': { title: 'GitHub NexiPayments/softpos-backend', url: 'https://github.com/NexiPayments/softpos-backend' },
  '[GH-APP]': { title: 'GitHub NexiPayments/softpos-android-app', url: 'https://github.com/NexiPayments/softpos-android-app' },
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
  const text: string = dataSourceTable()[ref as DataSourceId];
  const url = /https?:\/\/\S+/.exec(text)?.[0];
  return url ? { title: text, url } : { title: text };
}

/** A cited source as people read it: words, and where to read it when there is an address. */
export interface SourceLabel {
  readonly title: string;
  readonly url?: string;
}

const urlPattern = /https?:\/\/[^\s)]+/;

/**
 * The words and link for a source reference (issue 16: hovers cited bare `[REV] [REVC]` tags nobody could decode).
 * Spec tags read as the Nexi page's title. Reference-data ids read as their citation without the parenthesised
 * remarks; a repository citation (`owner/name path @commit`) links to the repository, a cited page to itself, a
 * cited Nexi page reads as that page's title. Undefined for text that is no known reference.
 */
export function sourceLabel(ref: string): SourceLabel | undefined {
  if (Object.prototype.hasOwnProperty.call(specSources, ref)) return specSources[ref as SpecSourceTag];
  if (!Object.prototype.hasOwnProperty.call(dataSourceTable(), ref)) return undefined;
  const text: string = dataSourceTable()[ref as DataSourceId];
  const url = urlPattern.exec(text)?.[0];
  const page = url ? Object.values(specSources).find((s) => s.url === url) : undefined;
  if (page) return page;
  const rest = text.replace(urlPattern, '').trim();
  const title = rest.replace(/\s*\(.*$/, '').trim() || /^\(([^,;)]+)/.exec(rest)?.[1]?.trim() || (url ? new URL(url).host : ref);
  const repository = ref.includes(':') ? /^([A-Za-z0-9][\w.-]*\/[\w.-]+) \S/.exec(text)?.[1] : undefined;
  const link = url ?? (repository ? `https://github.com/${repository}` : undefined);
  return link ? { title, url: link } : { title };
}

/** Every spec tag, longest first (so `[PAYS]` is never read as `[PAY]` + "S"), as a regular-expression alternation. */
export const specTagAlternation = Object.keys(specSources)
  .sort((a, b) => b.length - a.length)
  .map((tag) => tag.slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

/** `[TAG]` tokens of known spec tags in plain text. */
export const plainTagPattern = new RegExp(`\\[(${specTagAlternation})\\]`, 'g');

/**
 * Plain text with every known `[TAG]` replaced by `[Title]` (the CLI's text output; the tag ids stay in JSON).
 * `cited` is told each tag as it is replaced, in order of appearance (repeats too), in the same pass.
 */
export function titledTags(text: string, cited?: (tag: SpecSourceTag) => void): string {
  return text.replace(plainTagPattern, (_m, inner: string) => {
    const tag = `[${inner}]` as SpecSourceTag;
    cited?.(tag);
    return `[${specSources[tag].title}]`;
  });
}

