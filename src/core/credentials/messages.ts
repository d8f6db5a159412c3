// Every text the credentials code shows a person: error messages and next steps, certificate findings, the tree's
// field states, import summaries and confirmations, field labels and input checks, CSR subject problems, keyring
// verdicts and the secret linter's diagnostics. English in messageTable.ts (loaded on the first read), other
// languages in the l10n bundles (key: the English text). Read at call time: `text(key, params)` in the current
// locale; `msg(key, params)` keeps the key and its parameters for a CredentialError, whose `message` is worded in
// English (logs) and `userMessage` in the locale of the reader. Where a source (`{where}`: a file name, or the
// clipboard as the editor names it) would need an article or a preposition, translations put it after a colon or in
// parentheses, so the sentence reads right whatever the editor passes in.
import { fillTemplate } from '../codes/text';
import type { credentialKeyMessagesEn, credentialMessagesEn } from './messageTable';

export type CredentialMessageKey = keyof typeof credentialMessagesEn | keyof typeof credentialKeyMessagesEn;

type Table = typeof import('./messageTable');

let table: Table | undefined;
/**
 * The table, required on the first read: in the extension it is a chunk of its own (issue 17 item 4), and requiring
 * it registers its translations before they are read. Elsewhere (the CLI, tests) the require is bundled or resolved
 * like any import.
 */
function load(): Table {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (table ??= require('./messageTable') as Table);
}

/** A message of the table with its parameters, worded when it is read (in the locale of that moment). */
export interface CredentialMessage {
  readonly key: CredentialMessageKey;
  readonly params: MessageParams;
}

/** Parameters of a message: values, or other messages (worded in the same locale). */
export type MessageParams = Readonly<Record<string, string | number | CredentialMessage>>;

/** The text of `key` in the current core locale; message parameters are worded in the same locale. */
export function text(key: CredentialMessageKey, params: MessageParams = {}): string {
  const resolved: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) resolved[name] = typeof value === 'object' ? text(value.key, value.params) : value;
  const { credentialKeyMessagesEn: keyEnglish, keyMessages, messages } = load();
  const template = Object.prototype.hasOwnProperty.call(keyEnglish, key) ? keyMessages()[key as keyof typeof credentialKeyMessagesEn] : messages()[key as keyof typeof credentialMessagesEn];
  return fillTemplate(template, resolved);
}

/** `key` and its parameters, to be worded later (a CredentialError, or a parameter of a bigger message). */
export function msg(key: CredentialMessageKey, params: MessageParams = {}): CredentialMessage {
  return { key, params };
}
