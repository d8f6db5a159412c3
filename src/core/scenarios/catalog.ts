// The scenario catalogue: amounts (in cents) that choose what the simulated Nexi POS answers, as Stripe's and Adyen's
// test amounts do (issue 18). One table drives the simulator (an outcome chosen by the amount when none is given),
// the sandbox (checkTransaction answers what the scenario says), `nexi-app2app scenarios`, `rehearse` and the README.
// Nothing here restates a code table: result codes come from resultCodes.ts, host codes from the ISO 8583 1987→1993
// equivalence of the reference data (the cents of a decline amount are its 1987 response code), card applications
// from the AID table. Descriptions are English here; other languages are the l10n bundles.
import { describeActionCode } from '../codes/actionCodes';
import { fillTemplate as fill } from '../codes/text';
import { lookupAid } from '../codes/aids';
import { formatAmount } from '../codes/currencies';
import { localizedResultCodes, lookupResultCode, type NexiOperation, type ResultOutcome } from '../codes/resultCodes';
import { translated } from '../l10n';
import type { Outcome, Product } from '../simulator/outcome';

/** Card schemes the simulator can present (CT108, CT102 and the PAN prefix follow from it). */
export type CardScheme = 'Visa' | 'Mastercard' | 'Maestro' | 'PagoBANCOMAT';
/** How the card was read: SoftPOS reads contactless only (NFC, spec §5.2 terminalType SOFTPOS). */
export type EntryMode = 'contactless' | 'chip';

/** Application identifier of each scheme's card as the simulator sends it (CT102); each is in the AID table. */
export const schemeAids: Readonly<Record<CardScheme, string>> = {
  Visa: 'A0000000031010',
  Mastercard: 'A0000000041010',
  Maestro: 'A0000000043060',
  PagoBANCOMAT: 'A0000001410001',
};

/** What checkTransaction answers for the scenario: the sandbox status, or no transaction at all. */
export type BackendAnswer = 'APPROVED' | 'DECLINED' | 'not-found';

export interface ScenarioExpectation {
  /** The App2App result code Nexi POS sends (spec §9.1). */
  readonly result: number;
  /** What the transaction comes to, as the transaction model reads the result URI. */
  readonly outcome: 'approved' | 'declined' | 'cancelled' | 'error';
  /** Host action code (MobilePOS `actionCode`, SoftPOS `f39`), ISO 8583:1993. */
  readonly actionCode?: string;
  /** Whether the device offers a retry (spec §9.2; a wrong PIN is retryable, [PAY]). */
  readonly retry?: 'retryable' | 'final';
  /** False when the result never reaches the app (the case reconciliation exists for). */
  readonly delivered: boolean;
  readonly backend: BackendAnswer;
}

export interface Scenario {
  readonly id: string;
  /** Exact amount in cents that selects it; undefined for the default (every amount not listed). */
  readonly amount?: number;
  readonly products: readonly Product[];
  /** Operations whose request amount selects it (the default applies to every operation). */
  readonly operations: readonly NexiOperation[];
  /** What the simulator is told to do. */
  readonly outcome: Outcome;
  readonly card?: { readonly scheme: CardScheme; readonly entry: EntryMode };
  readonly expected: ScenarioExpectation;
  /** The scenario rests on our inference, not on a Nexi source (e.g. the softPosError value). */
  readonly inferred: boolean;
}

/** Scenario descriptions, one line each. */
export const scenarioMessagesEn = {
  approved: 'Approved (every amount not listed below): Mastercard, contactless.',
  declined: 'Declined by the host: {meaning} (action code {code}; the cents are its ISO 8583:1987 code {code1987}).',
  declinedRetry: 'Declined by the host: {meaning} (action code {code}); the device offers a retry.',
  cancelled: 'Cancelled by the user on Nexi POS (result 20); nothing reaches the host.',
  posTimeout: 'POS connection timeout (result -10): the card reader did not answer; nothing reaches the host.',
  softposError:
    'SoftPOS error (result -30, softPosError {softPosError}); the value is illustrative: Nexi does not document what its parts mean (spec §9.3).',
  lostResult: 'Approved, but the result never reaches the app (crash, timeout): checkTransaction says APPROVED; reconciliation finds it.',
  card: 'Approved with {scheme} ({aid}), {entry}.',
  contactless: 'contactless',
  chip: 'chip (inserted card)',
  notApplicable: 'Amount {amount} selects scenario {id}, which applies to {operations} on {products} only: simulated as approved.',
  scenarioNote: 'Scenario {id} (amount {amount}): {description}',
  lostNote: 'This result never reaches the app: the app sees no result, and checkTransaction answers APPROVED.',
  anyOther: 'any other',
} as const;

export const scenarioMessages = translated('scenarios.messages', scenarioMessagesEn, { contexts: { contactless: 'card entry', chip: 'card entry' } });

const both: readonly Product[] = ['softpos', 'mobilepos'];
const payment: readonly NexiOperation[] = ['payment'];

/** The declines: cents = ISO 8583:1987 response code, action code = its 1993 equivalent in the reference data. */
const declines: ReadonlyArray<{ readonly id: string; readonly code1987: string }> = [
  { id: 'declined-do-not-honour', code1987: '05' },
  { id: 'declined-insufficient-funds', code1987: '51' },
  { id: 'declined-expired-card', code1987: '54' },
  { id: 'declined-wrong-pin', code1987: '55' },
  { id: 'declined-exceeds-limit', code1987: '61' },
  { id: 'declined-pin-tries-exceeded', code1987: '75' },
];

/** Base of the scenario amounts: €100.xx for outcomes, €200.xx for cards; ordinary test amounts stay approved. */
const outcomeBase = 10_000;
const cardBase = 20_000;

const fromResult = (code: number): ScenarioExpectation['outcome'] => {
  const o: ResultOutcome = lookupResultCode(code)!.outcome;
  return o === 'success' ? 'approved' : o;
};

/** ISO 8583:1987 → 1993 equivalents, from the response-code table (a chunk of its own in the extension, issue 17 item 4). */
function isoEquivalents(): Readonly<Record<string, string>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../data/responseCodeData') as typeof import('../data/responseCodeData')).equivalent1987to1993;
}

function build(): readonly Scenario[] {
  const list: Scenario[] = [
    {
      id: 'approved',
      products: both,
      operations: ['payment', 'reversal', 'last_transaction', 'accounting_closure'],
      outcome: { kind: 'approved' },
      expected: { result: 0, outcome: 'approved', actionCode: '000', delivered: true, backend: 'APPROVED' },
      inferred: false,
    },
  ];
  const equivalent1987to1993 = isoEquivalents();
  for (const d of declines) {
    const actionCode = equivalent1987to1993[d.code1987]!;
    const wrongPin = actionCode === '117';
    list.push({
      id: d.id,
      amount: outcomeBase + Number(d.code1987),
      products: both,
      operations: payment,
      outcome: { kind: 'declined', actionCode },
      expected: { result: 21, outcome: fromResult(21), actionCode, retry: wrongPin ? 'retryable' : lookupResultCode(21)!.retry, delivered: true, backend: 'DECLINED' },
      inferred: false,
    });
  }
  list.push(
    {
      id: 'cancelled',
      amount: outcomeBase + 20,
      products: both,
      operations: ['payment', 'reversal'],
      outcome: { kind: 'cancelled' },
      expected: { result: 20, outcome: fromResult(20), retry: lookupResultCode(20)!.retry, delivered: true, backend: 'not-found' },
      inferred: false,
    },
    {
      id: 'pos-timeout',
      amount: outcomeBase + 10,
      products: ['mobilepos'],
      operations: ['payment', 'reversal'],
      outcome: { kind: 'result', code: -10 },
      expected: { result: -10, outcome: fromResult(-10), retry: lookupResultCode(-10)!.retry, delivered: true, backend: 'not-found' },
      inferred: true,
    },
    {
      id: 'softpos-error',
      amount: outcomeBase + 30,
      products: ['softpos'],
      operations: payment,
      outcome: { kind: 'softpos-error', softPosError: '2-13-0' },
      expected: { result: -30, outcome: fromResult(-30), retry: lookupResultCode(-30)!.retry, delivered: true, backend: 'not-found' },
      inferred: true,
    },
    {
      id: 'lost-result',
      amount: outcomeBase + 99,
      products: both,
      operations: ['payment', 'reversal'],
      outcome: { kind: 'approved' },
      expected: { result: 0, outcome: 'approved', delivered: false, backend: 'APPROVED' },
      inferred: false,
    },
  );
  const schemes: readonly CardScheme[] = ['Visa', 'Mastercard', 'Maestro', 'PagoBANCOMAT'];
  schemes.forEach((scheme, i) => {
    for (const [j, entry] of (['contactless', 'chip'] as const).entries()) {
      list.push({
        id: `card-${scheme.toLowerCase()}-${entry}`,
        amount: cardBase + (i + 1) * 10 + j + 1,
        // SoftPOS reads cards over NFC only: a chip read is a MobilePOS reader's.
        products: entry === 'chip' ? ['mobilepos'] : both,
        operations: payment,
        outcome: { kind: 'approved' },
        card: { scheme, entry },
        expected: { result: 0, outcome: 'approved', actionCode: '000', delivered: true, backend: 'APPROVED' },
        inferred: false,
      });
    }
  });
  return list;
}

/** Every scenario; the first is the default (approved, every amount not listed). */
export const scenarios: readonly Scenario[] = build();

/** The default scenario: approved. */
export const defaultScenario: Scenario = scenarios[0]!;

/** A scenario by id. */
export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}

/** One line for people, in the current locale (meanings of codes from the code tables). */
export function describeScenario(s: Scenario): string {
  const M = scenarioMessages();
  if (s.card) return fill(M.card, { scheme: s.card.scheme, aid: schemeAids[s.card.scheme], entry: M[s.card.entry] });
  switch (s.outcome.kind) {
    case 'declined': {
      const code = s.outcome.actionCode!;
      const equivalents = isoEquivalents();
      const code1987 = Object.keys(equivalents).find((k) => equivalents[k] === code) ?? '';
      const meaning = describeActionCode(code).meaning.replace(/\.$/, '');
      return fill(s.expected.retry === 'retryable' ? M.declinedRetry : M.declined, { meaning, code, code1987 });
    }
    case 'cancelled':
      return M.cancelled;
    case 'result':
      // -10 is the only bare result code the catalogue uses; any other is described by the result-code table.
      return s.outcome.code === -10 ? M.posTimeout : (localizedResultCodes().find((e) => e.code === (s.outcome as { code: number }).code)?.meaning ?? String(s.outcome.code));
    case 'softpos-error':
      return fill(M.softposError, { softPosError: s.outcome.softPosError ?? '' });
    case 'approved':
      return s.expected.delivered ? M.approved : M.lostResult;
  }
}

export interface ScenarioChoice {
  readonly scenario: Scenario;
  /** Set when the amount names a scenario that does not apply here (the default was used instead). */
  readonly notApplicable?: Scenario;
}

/**
 * The scenario an amount selects for a product and operation. Lenient on the amount's form (`1000`, `000000001000`);
 * an amount that names a scenario for another product or operation falls back to the default, saying so.
 */
export function scenarioFor(amount: string | number | undefined, product: Product, operation: NexiOperation): ScenarioChoice {
  const digits = typeof amount === 'number' ? amount : /^\s*\d+\s*$/.test(amount ?? '') ? Number(amount) : NaN;
  const named = Number.isSafeInteger(digits) ? scenarios.find((s) => s.amount === digits) : undefined;
  if (!named) return { scenario: defaultScenario };
  if (!named.products.includes(product) || !named.operations.includes(operation)) return { scenario: defaultScenario, notApplicable: named };
  return { scenario: named };
}

/** Checks the catalogue against the code tables it names (used by the tests; cheap enough to run anywhere). */
export function catalogueProblems(): string[] {
  const problems: string[] = [];
  for (const s of scenarios) {
    if (!lookupResultCode(s.expected.result)) problems.push(`${s.id}: result ${s.expected.result} is not in the result-code table`);
    if (s.expected.actionCode && !describeActionCode(s.expected.actionCode).documented) problems.push(`${s.id}: action code ${s.expected.actionCode} is not in a code table`);
    if (s.card && lookupAid(schemeAids[s.card.scheme])?.match !== 'exact') problems.push(`${s.id}: AID ${schemeAids[s.card.scheme]} is not in the AID table`);
  }
  return problems;
}

export interface ScenarioRow {
  readonly id: string;
  /** Cents, or the words for "any other" (the default). */
  readonly amount: string;
  /** The amount in euros, in the current locale (`€100.51`, `100,51 €`), empty for the default. */
  readonly euros: string;
  readonly products: string;
  readonly result: string;
  readonly actionCode: string;
  /** checkTransaction's answer: a status, or "not found". */
  readonly backend: string;
  readonly description: string;
  readonly inferred: boolean;
  readonly delivered: boolean;
}

const productNames: Readonly<Record<Product, string>> = { softpos: 'SoftPOS', mobilepos: 'MobilePOS' };

/** The catalogue as rows for people (CLI table, README), in the current locale; `notFound` words a missing transaction. */
export function scenarioRows(notFound: string, product?: Product): ScenarioRow[] {
  const M = scenarioMessages();
  return scenarios
    .filter((s) => !product || s.products.includes(product))
    .map((s) => ({
      id: s.id,
      amount: s.amount === undefined ? M.anyOther : String(s.amount),
      // In the locale's format (`€100.51`, `100,51 €`), as every amount the toolkit shows.
      euros: s.amount === undefined ? '' : (formatAmount(String(s.amount), '978')?.text ?? ''),
      products: s.products.map((p) => productNames[p]).join(', '),
      result: String(s.expected.result),
      actionCode: s.expected.outcome === 'approved' || s.expected.outcome === 'declined' ? (s.expected.actionCode ?? '000') : '',
      backend: s.expected.backend === 'not-found' ? notFound : s.expected.backend,
      description: describeScenario(s),
      inferred: s.inferred,
      delivered: s.expected.delivered,
    }));
}

/** The README's table of the catalogue (English), generated so the README cannot go stale (a test compares them). */
export function scenarioTableMarkdown(): string {
  const rows = scenarioRows('not found');
  const cell = (v: string): string => v.replace(/\|/g, '\\|');
  return [
    '| Amount (cents) | Scenario | Products | `result` | Action code | checkTransaction | What happens |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.amount}${r.euros ? ` (${r.euros})` : ''} | \`${r.id}\` | ${r.products} | ${r.result}${r.delivered ? '' : ' (never reaches the app)'} | ${r.actionCode} | ${r.backend} | ${cell(r.description)}${r.inferred ? ' *(inferred)*' : ''} |`),
  ].join('\n');
}
