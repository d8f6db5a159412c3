// Example URIs of the fact sheet (spec §3.5, §4.4, §5.3, §6.3) as the fact sheet prints them, i.e. with its one
// repair (`×tamp` written back as `&timestamp`) and every other defect left in place. `asPublished` undoes the
// repair for the examples the fact sheet says it repaired, giving the bytes as Nexi's pages publish them.
// Copied here because tests must not depend on ../shared at run time.

import { catalogOperations, type OperationSpec, type ParameterSpec } from '../../src/core/app2app/catalog';

export const specExamples = {
  paymentRequestClean:
    'neximpos://payment?amount=1&callerTrxId=qwerty&sendTicket=true&urlTicket=true&callerName=Payment&email=name.surname%40domain.it&sms=3344556951&uri=demonexi%3A%2F%2Fpayment&addInfo1=value1&addInfo2=value2&addInfo3=value3&addInfo4=value4&addInfo5=value5',
  paymentRequestWrapped:
    'neximpos://payment?amount=1&callerTrxId=qwerty&sendTicket=true&urlTicket=true&callerName =Payment&email=name.surname%40domain.it&sms=3344556951&uri=demonexi%3A%2F%2Fpay ment&addInfo1=value1&addInfo2=value2&addInfo3=value3&addInfo4=value4&addInfo5=value5',
  paymentResponse:
    'demonexi://payment?result=0&amount=1&callerTrxId=qwerty&operationType=PAYMENT&actionCode=000&pan=************5938&transactionType=CLI&timestamp=0912202317&resultDescription=&cardTypeCVM=2&acquirerId=00000000003&stan=000002&operationNumber=000031&acquirerName=NEXI%20%20%20%20%20%20%20%20%20%20%20%20&terminalId=30350039&merchantId=0000091%20%20%20%20%20%20%20%20&authorizationNumber=012651&urlTicket=https%3A%2F%2Fintapi.nexi.it%3A8443%2Fmpos%2Fmobile%2Fapi%2Fservices%2Forchestrator%2Freceipt%2Fview%3Fid%3DDBFIEFJQIJKLPOOYBDEDGIHO',
  reversalSoftPosRequest:
    'neximpos://reversal?amount=1&timestamp=0912202317&callerName=Reversal&email=name.surn ame%40domain.it&sms=3344556951&callerTrxId=qwerty&terminalId=30350039&sendTicket=true &urlTicket=true&uri=demonexi%3A%2F%2Freversal',
  reversalLegacyRequest:
    'neximpos://reversal?amount=1&timestamp=0912202317&callerName=Reversal&email=name.surname%40domain.it&sms=3344556951&callerTrxId=qwerty&terminalId=30350039&sendTicket=true&urlTicket=true&uri=demonexi%3A%2F%2Freversal',
  reversalMposRequest:
    'neximpos://reversal?amount=200&callerTrxId=1234&sendTicket=true&urlTicket=true&callerName=App2App DEMO&uri=app2appDemo://reversalResult&terminalId=37063166&timestamp=0407250930',
  reversalSoftPosResponse:
    'easypay://reversal?operationType=REVERSAL&callerTrxId=1747399896594&result=0&amount=000000000450&f30=000000000450&F42=1000000595940&f12=145126&f11=000247&f55=9F3602015B9F10120110800005220000000000000000000FF9F35012195050000008001&CT121=C.SO SEMPIONE 55, 20145, MILANO (MI)&f13=0516&CT120=NEXI SOFTPOS OPERATION&f38=H50716&9F14=1420&f37=513614271424&f39=400&CT118=978&CT117=Online&CT116=00034&CT115=Contactless&CT114=NEXI Core&CT112=************6313&CT111=0&acquirerId=909517&CT119=Grazie e arrivederci&f41=38032131&f43=NEXI SOFTPOS OPERATION C.SO SEMPIONE 55, 20145, MILANO (MI)&f42=1000000595940&CT110=2025-05-16T14:51:51+02:00&f04=000000000450&CT107=14:51&CT106=16/05/2025&CT105=0200&CT104=NEXI SOFTPOS OPERATION C.SO SEMPIONE 55, 20145, MILANO (MI)&CT103=513614271424&CT102=A0000000041010&CT101=24&CT123=9F3602015B95050000008001&CT100=6313&CT109=Debit Mastercard&CT108=Mastercard&terminalId=38032131&autoClose=false flg=0x10400000 cmp=com.example.easypay/.ui.redirect.RevertResultActivity }',
  reversalMposResponse:
    'app2appDemo://reversalResult?callerTrxId=1234&operationType=REVERSAL&amount=200&result=0&actionCode=000&pan=******7819&transactionType=CLI&authorizationNumber=870316&timestamp=0407250932&resultDescription=TRANSAZIONE APPROVATA&cardTypeCVM=2&acquirerId=00000000034&stan=000009&operationNumber=000027&acquirerName=NEXI&terminalId=37063166&merchantId=1829312&urlTicket=https://mpos.nexi.it/r?id=DICJHGMNIJKLOUOTAIEIEOJJ',
  reversalLegacyResponse:
    'demonexi://reversal?result=0&amount=1&callerTrxId=qwerty&operationType=REVERSAL&actionCode=000&pan=533317******5938&transactionType=CLI&timestamp=0912202320&resultDescription=&cardTypeCVM=2&acquirerId=00000000003&stan=000003&operationNumber=000032&acquirerName=NEXI%20%20%20%20%20%20%20%20%20%20%20%20&terminalId=30350039&merchantId=0000091%20%20%20%20%20%20%20%20&authorizationNumber=&urlTicket=https%3A%2F%2Fintapi.nexi.it%3A8443%2Fmpos%2Fmobile%2Fapi%2Fservices%2Forchestrator%2Freceipt%2Fview%3Fid%3DDBFIEFJQIJKLPPOYBDEDGIIH',
  lastTransactionRequest:
    'neximpos://last_transaction?callerName=App%20Demo&terminalId=97943348&callerTrxId=12312 3uri=demonexi%3A%2F%2Flast_transaction',
  lastTransactionResponseLts:
    'demonexi://last_transaction?operationType=LAST_TRANSACTION&callerTrxId=123123&resul',
  lastTransactionResponseGlt:
    'demonexi://last_transaction?operationType=LAST_TRANSACTION&callerTrxId=123123&result=0&amount =000000025200&terminal',
  accountingClosureRequest:
    'neximpos://accounting_closure?callerTrxId=qwerty&callerName=AAA&uri=demonexi%3A%2F% accounting',
  accountingClosureResponse:
    'demonexi:// accounting_closure?result=0&hostTotal=1&terminalTotal=1&callerTrxId=qwerty&operationType=ACCOUNTING_CLOSURE',
} as const;

export type SpecExampleName = keyof typeof specExamples;

/** Examples whose `&timestamp` the fact sheet repaired (published as `×tamp`). */
export const repairedTimestamp: readonly SpecExampleName[] = [
  'paymentResponse',
  'reversalSoftPosRequest',
  'reversalMposRequest',
  'reversalMposResponse',
  'reversalLegacyResponse',
];

/** The example as Nexi's page publishes it (`&timestamp` → `×tamp` where the fact sheet repaired it). */
export function asPublished(name: SpecExampleName): string {
  const text: string = specExamples[name];
  return repairedTimestamp.includes(name) ? text.replace('&timestamp=', '\u00d7tamp=') : text;
}

/** Applies non-overlapping edits to `text` (any order). */
export function applyEdits(text: string, edits: readonly { range: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/** Query keys of a well-formed URI, by plain splitting (an oracle independent of the parser). */
export function naiveKeys(uri: string): string[] {
  return uri
    .slice(uri.indexOf('?') + 1)
    .split('&')
    .map((pair) => pair.split('=')[0]);
}

// A fixture catalog: the real one with ONE parameter added to `payment`, declared the way a new catalog entry is.
// The fixture test runs every feature under `withCatalog(fixtureOperations, …)` and finds the parameter in each,
// with no other edit: that is what "the catalog is the single source of parameter facts" means (issue #19).
export const receiptLanguage = {
  name: 'receiptLanguage',
  type: 'enum',
  values: ['IT', 'EN', 'DE'],
  required: false,
  default: 'IT',
  scope: 'both',
  provenance: 'nexi-sample',
  sources: ['[fixture]'],
  description: 'Language of the printed receipt (fixture parameter).',
  example: 'EN',
  echoedIn: ['mobilepos', 'softpos'],
} as const satisfies ParameterSpec;

export const fixturePayment = { ...catalogOperations[0], request: [...catalogOperations[0].request, receiptLanguage] } as const satisfies OperationSpec;

export const fixtureOperations: readonly OperationSpec[] = [fixturePayment, ...catalogOperations.slice(1)];
