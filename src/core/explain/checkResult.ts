// Explains a checkTransaction 200 body. Nexi does not publish its schema (spec §15.3, §16.24), so the body is shown
// raw and every key the core knows is explained with the same tables as result URIs: keys that share an App2App
// name are explained as such, a few obvious aliases are mapped (rrn → f37 …, labelled as our reading), and the rest
// is shown as undocumented.
import { encodeQueryComponent } from '../app2app/build';
import { scanText } from '../app2app/scan';
import { explainScanned, type FieldExplanation } from './explain';
import { explainMessages } from './messages';

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

const unknownBackendKey = 'A field of the checkTransaction response; Nexi does not publish the response schema, so its meaning is not documented.';

export interface CheckFieldExplanation extends Omit<FieldExplanation, 'range' | 'keyRange' | 'valueRange'> {
  /** The App2App key used to explain it, when the backend's name differs. */
  readonly explainedAs?: string;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Every top-level key of the response, explained where the core knows it. */
export function explainCheckResult(transaction: Record<string, unknown>): CheckFieldExplanation[] {
  const entries = Object.entries(transaction);
  const operationType = scalar(transaction.operationType)?.toLowerCase() === 'reversal' ? 'reversal' : 'payment';
  const explainable = entries.filter(([, v]) => scalar(v) !== undefined);
  // One synthetic result URI carrying the known keys, explained exactly like a result URI in a log.
  const names = explainable.map(([k]) => aliases[k] ?? k);
  const uri = `check://${operationType}?` + explainable.map(([, v], i) => `${encodeQueryComponent(names[i]!)}=${encodeQueryComponent(scalar(v)!)}`).join('&');
  const scanned = scanText(uri)[0];
  const explained = scanned ? explainScanned(scanned).fields : [];
  return entries.map(([key, value]) => {
    const i = explainable.findIndex(([k]) => k === key);
    const f = i >= 0 ? explained[i] : undefined;
    if (!f) {
      return { key, rawValue: JSON.stringify(value), value: JSON.stringify(value), label: key, meaning: 'Not a scalar value; shown as JSON.', details: [], provenance: 'undocumented', sources: [] };
    }
    const { range: _r, keyRange: _k, valueRange: _v, ...rest } = f;
    // A key no App2App table knows is still a field of the backend's answer, not a misplaced URI parameter.
    if (rest.meaning === explainMessages.unknownKey || rest.meaning.startsWith('Not a parameter of')) rest.meaning = unknownBackendKey;
    return { ...rest, key, label: rest.label.replace(/^[^:]+: /, ''), ...(names[i] !== key ? { explainedAs: names[i]!, provenance: 'inferred' as const } : {}) };
  });
}
