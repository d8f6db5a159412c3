// The read-only document of a checkTransaction result: a summary, every key explained with the tables the core knows,
// and the raw JSON. Nexi does not publish the response schema (spec §15.3), so the raw body is always shown; card
// numbers are masked and known secrets redacted before anything is rendered.
import { errorInfo, type NexiErrorCode } from '../nexi/errors';
import { fillTemplate as t } from '../codes/text';
import { identifierFields, redact } from '../redact';
import { explainCheck } from './checkResult';
import { readIso8601 } from './dates';
import { linkSourceTags } from './markdown';
import { checkMessages, explainMessages, markdownMessages } from './messages';

export interface CheckDocumentInput {
  readonly environmentLabel: string;
  readonly terminalId: string;
  readonly callerTrxId: string;
  /** ISO time of the check. */
  readonly at: string;
  readonly found?: { readonly transaction: Record<string, unknown>; readonly attempts: number; readonly durationMs: number };
  readonly error?: { readonly code: NexiErrorCode; readonly message: string };
}

const cell = (s: string | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');


export function checkResultMarkdown(input: CheckDocumentInput, secrets: readonly string[] = []): string {
  const C = checkMessages();
  const provenance = markdownMessages().provenance;
  const out: string[] = [`# checkTransaction — ${cell(input.environmentLabel)}`, '', t(C.checked, { terminalId: cell(input.terminalId), callerTrxId: cell(input.callerTrxId), at: readIso8601(input.at)?.text ?? input.at }), ''];
  if (input.found) {
    const { transaction, attempts, durationMs } = input.found;
    const { fields, transaction: reading, findings } = explainCheck(transaction);
    const get = (k: string): string | undefined => fields.find((f) => f.key === k)?.value;
    const amount = fields.find((f) => f.key === 'amount')?.interpretation?.replace(/ \(.*$/, '');
    const status = get('status') ?? get('result');
    out.push(`${C.found}${status ? `: ${cell(status)}` : ''}${amount ? `, ${cell(amount)}` : ''}. ${attempts > 1 ? t(C.attempts, { count: attempts }) : ''}${durationMs} ms.`, '');
    // The keys that share App2App names read together, as the result URIs are (transaction model, issue 15).
    if (reading) out.push(t(C.outcome, { outcome: explainMessages().transactionOutcome[reading.outcome], source: reading.outcomeSource }), '');
    for (const f of findings) out.push(`- \`${f.code}\` ${linkSourceTags(cell(f.message))}`);
    if (findings.length > 0) out.push('');
    out.push(C.tableHeader, '|---|---|---|---|');
    for (const f of fields) {
      const meaning = [f.interpretation ?? f.meaning, f.explainedAs ? t(C.readAs, { key: f.explainedAs }) : ''].filter(Boolean).join(' ');
      out.push(`| \`${cell(f.key)}\` | ${cell(f.value)} | ${linkSourceTags(cell(meaning))} | ${provenance[f.provenance] ?? f.provenance} |`);
    }
    out.push('', C.schemaNote, '', C.rawResponse, '', '```json', JSON.stringify(transaction, null, 2), '```', '');
  } else if (input.error) {
    const info = errorInfo(input.error.code);
    out.push(`**${info.title}** (\`${input.error.code}\`)`, '', input.error.message, '', t(C.nextStep, { step: info.nextStep }), '');
  }
  const keep = new Set([input.callerTrxId, ...Object.entries(input.found?.transaction ?? {}).filter(([k, v]) => identifierFields.has(k) && typeof v === 'string').map(([, v]) => v as string)]);
  return redact(out.join('\n'), secrets, { keepDigits: keep });
}
