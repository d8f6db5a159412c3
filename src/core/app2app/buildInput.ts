// key=value pairs (as typed on the command line, or given by a language-model tool) → the builder's typed input.
// One conversion for the CLI's `build` and the `nexi_build_uri` tool: the same keys, flags and additional tags.
import { fillTemplate } from '../codes/text';
import { translated } from '../l10n';
import type { AdditionalTag, RequestInput } from './build';
import { catalogInUse, findOperation, findParameter, parameterNames } from './catalog';
import { didYouMean } from './suggest';

/** Why the input was refused (the CLI prints these after `error:`, the language-model tool returns them). */
export const buildInputMessages = {
  unknownOperation: "unknown operation '{operation}' (one of {operations})",
  unknownOperationHint: "unknown operation '{operation}'; did you mean '{suggestion}'? (one of {operations})",
  unknownParameter: "'{key}' is not a {operation} parameter",
  unknownParameterHint: "'{key}' is not a {operation} parameter; did you mean '{suggestion}'?",
  tagIndex: "'{key}': N must be 1 to 5",
  notBoolean: "{key} takes true or false, not '{value}'",
  duplicateKey: "'{key}' is given twice: a request takes one value per key",
} as const;

const messages = translated('app2app.buildInput', buildInputMessages);

/** Input the builder cannot take (unknown operation or key, a flag that is not true/false); `message` says why. */
export class BuildInputError extends Error {
  override readonly name = 'BuildInputError';
}

/** The builder's input for `operationName` from unencoded `[key, value]` entries. Throws BuildInputError. */
export function requestInputFromEntries(operationName: string, entries: Iterable<readonly [string, string]>): RequestInput {
  const operation = findOperation(operationName);
  if (!operation) {
    const names = catalogInUse().map((o) => o.name);
    const hint = didYouMean(operationName, names);
    const M = messages();
    const args = { operation: operationName, operations: names.join(', ') };
    throw new BuildInputError(hint ? fillTemplate(M.unknownOperationHint, { ...args, suggestion: hint }) : fillTemplate(M.unknownOperation, args));
  }
  const fields: Record<string, unknown> = { operation: operation.name };
  const tagKeys = new Map<number, string>();
  const tagValues = new Map<number, string>();
  // A key given twice is a slip, said as such: the builder would keep one value without a word (A2A010 is the finding
  // for a URI that carries a key twice).
  const given = new Set<string>();
  for (const [key, value] of entries) {
    const match = findParameter(operation, 'request', key);
    if (!match) {
      const hint = didYouMean(key, parameterNames(operation, 'request'));
      const M = messages();
      const args = { key, operation: operation.name };
      throw new BuildInputError(hint ? fillTemplate(M.unknownParameterHint, { ...args, suggestion: hint }) : fillTemplate(M.unknownParameter, args));
    }
    if (given.has(key)) throw new BuildInputError(fillTemplate(messages().duplicateKey, { key }));
    given.add(key);
    if (match.spec.family === 'additionalTagKey' || match.spec.family === 'additionalTagValue') {
      if (!match.index || !match.inRange) throw new BuildInputError(fillTemplate(messages().tagIndex, { key }));
      (match.spec.family === 'additionalTagKey' ? tagKeys : tagValues).set(match.index, value);
    } else if (match.spec.type === 'boolean') {
      if (value !== 'true' && value !== 'false') throw new BuildInputError(fillTemplate(messages().notBoolean, { key, value }));
      fields[key] = value === 'true';
    } else {
      fields[key] = value;
    }
  }
  if (tagKeys.size > 0) {
    const indexes = [...new Set([...tagKeys.keys(), ...tagValues.keys()])].sort((a, b) => a - b);
    fields.additionalTags = indexes.map((n): AdditionalTag => ({ key: tagKeys.get(n) ?? '', value: tagValues.get(n) ?? '' }));
  } else if (tagValues.size > 0) {
    fields.legacyAddInfo = [...tagValues.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }
  return fields as unknown as RequestInput;
}
