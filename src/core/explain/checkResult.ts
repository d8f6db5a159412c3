// Explains a checkTransaction 200 body. Nexi does not publish its schema (spec §15.3, §16.24), so the body is shown
// raw and every key the core knows is explained with the same tables as result URIs: keys that share an App2App
// name are explained as such, a few obvious aliases are mapped (rrn → f37 …, labelled as our reading), and the rest
// is shown as undocumented.
import { encodeQueryComponent } from '../app2app/build';
import { findOperation } from '../app2app/catalog';
import { scanText } from '../app2app/scan';
import { maskPans } from '../redact';
import { findingCodes } from '../transaction/model';
import type { Diagnostic } from '../types';
import { explainScanned, keyTables, type FieldExplanation, type TransactionReading } from './explain';
import { checkMessages } from './messages';

// Backend field names that mean an App2App key [inference: Nexi does not publish the response schema].
const aliases: Readonly<Record<string, string>> = {
  rrn: 'f37',
  retrievalReferenceNumber: 'f37',
  currency: 'CT118',
  currencyCode: 'CT118',
  cardType: 'CT108',
  cardBrand: 'CT108',
  aid: 'CT102',
  transactionDate: 'CT110',
  merchantId: 'merchantId',
  mid: 'f42',
  tid: 'terminalId',
};

export interface CheckFieldExplanation extends Omit<FieldExplanation, 'range' | 'keyRange' | 'valueRange'> {
  /** The App2App key used to explain it, when the backend's name differs. */
  readonly explainedAs?: string;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The response explained: every key, and the transaction model's reading where the keys are App2App ones. */
export interface CheckExplanation {
  readonly fields: readonly CheckFieldExplanation[];
  /** The model's reading of the keys that share App2App names (result, actionCode, amount, pan…); undefined for none. */
  readonly transaction?: TransactionReading;
  /** The model's findings on those keys (a result contradicting the action code, an unmasked PAN…): code and message. */
  readonly findings: readonly { readonly code: string; readonly severity: Diagnostic['severity']; readonly message: string }[];
}

/** Every top-level key of the response, explained where the core knows it. */
export function explainCheckResult(transaction: Record<string, unknown>): CheckFieldExplanation[] {
  return [...explainCheck(transaction).fields];
}

/**
 * The response read as a whole: the fields, and — read by the same transaction model as result URIs — the outcome
 * when `result`/`actionCode`/`f39` are among the keys (their meaning in the backend's answer is our inference, the
 * schema being unpublished, spec §15.3).
 */
export function explainCheck(transaction: Record<string, unknown>): CheckExplanation {
  const C = checkMessages();
  const entries = Object.entries(transaction);
  const operationType = scalar(transaction.operationType)?.toLowerCase() === 'reversal' ? 'reversal' : 'payment';
  const explainable = entries.filter(([, v]) => scalar(v) !== undefined);
  // One synthetic result URI carrying the known keys, explained exactly like a result URI in a log.
  const names = explainable.map(([k]) => aliases[k] ?? k);
  const uri = `check://${operationType}?` + explainable.map(([, v], i) => `${encodeQueryComponent(names[i]!)}=${encodeQueryComponent(scalar(v)!)}`).join('&');
  const scanned = scanText(uri)[0];
  const explanation = scanned ? explainScanned(scanned) : undefined;
  const explained = explanation?.fields ?? [];
  const operation = scanned?.operation ? findOperation(scanned.operation) : undefined;
  const fields = entries.map(([key, value]): CheckFieldExplanation => {
    const i = explainable.findIndex(([k]) => k === key);
    const f = i >= 0 ? explained[i] : undefined;
    if (!f) {
      return { key, rawValue: JSON.stringify(value), value: JSON.stringify(value), label: key, meaning: C.notScalar, details: [], provenance: 'undocumented', sources: [] };
    }
    const { range: _r, keyRange: _k, valueRange: _v, ...rest } = f;
    // A key no App2App table knows is still a field of the backend's answer, not a misplaced URI parameter. Decided
    // by the tables, not by comparing the (localized) wording of the explanation.
    const tables = keyTables(operation, 'response', scanned!.params[i]!.name);
    if (!tables.spec && !tables.receiptKey) rest.meaning = C.unknownBackendKey;
    // The raw value is the backend's, not the synthetic URI's percent-encoded copy of it.
    const rawValue = maskPans(scalar(value)!);
    return { ...rest, key, rawValue, label: rest.label.replace(/^[^:]+: /, ''), ...(names[i] !== key ? { explainedAs: names[i]!, provenance: 'inferred' as const } : {}) };
  });
  // Only an outcome read from the keys counts; the synthetic URI's ranges mean nothing, so findings keep code and text.
  const reading = explanation?.transaction && explanation.transaction.outcome !== 'unknown' ? explanation.transaction : undefined;
  const findings = (explanation?.diagnostics ?? []).filter((d) => findingCodes.has(d.code)).map((d) => ({ code: d.code, severity: d.severity, message: d.message }));
  return { fields, ...(reading ? { transaction: reading } : {}), findings };
}
