// "Copy as": an App2App URI as the code or command that opens it — an adb command line, an Android Intent in
// Kotlin or Java, a Swift openURL call. String literals are escaped for their language.

import { adbCommandLine } from '../adb';
import { fillTemplate } from '../codes/text';
import { translated } from '../l10n';
import { scanText, type ScannedUri } from './scan';

export type CopyFormat = 'uri' | 'adb' | 'kotlin' | 'java' | 'swift';

export interface CopyFormatInfo {
  readonly id: CopyFormat;
  readonly label: string;
  readonly description: string;
}

/** Names of the formats and what the editor says after copying. Descriptions that are code stay in `copyFormats`. */
export const copyAsMessages = {
  labels: { uri: 'URI', adb: 'adb command', kotlin: 'Kotlin Intent', java: 'Java Intent', swift: 'Swift openURL' },
  uriDescription: 'the URI as it is',
  copiedUri: 'Copied the App2App URI.',
  copiedAs: 'Copied the URI as {format}.',
  // Issue 16: the confirmation names what was copied and for which URI.
  copiedFor: 'Copied to the clipboard: {what} for the {subject}.',
  copiedForId: 'Copied to the clipboard: {what} for the {subject} (callerTrxId {id}).',
  what: { uri: 'the URI', adb: 'the adb command', kotlin: 'the Kotlin Intent', java: 'the Java Intent', swift: 'the Swift openURL call' },
  subject: { request: '{operation} request', result: '{operation} result' },
} as const;

/** Which URI was copied, for the confirmation: request or result, its operation, its callerTrxId. */
export interface CopiedUri {
  readonly kind: 'request' | 'result';
  readonly operation?: string;
  readonly callerTrxId?: string;
}

const messages = translated('app2app.copyAs', copyAsMessages);

/** A format whose label (and prose description) is read in the current locale whenever it is shown. */
function formatInfo(id: CopyFormat, description?: string): CopyFormatInfo {
  return {
    id,
    get label() {
      return messages().labels[id];
    },
    get description() {
      return description ?? messages().uriDescription;
    },
  };
}

export const copyFormats: readonly CopyFormatInfo[] = [
  formatInfo('uri'),
  formatInfo('adb', "adb shell am start -a android.intent.action.VIEW -d '…'"),
  formatInfo('kotlin', 'startActivity(Intent(Intent.ACTION_VIEW, Uri.parse("…")))'),
  formatInfo('java', 'startActivity(new Intent(Intent.ACTION_VIEW, Uri.parse("…")));'),
  formatInfo('swift', 'UIApplication.shared.open(URL(string: "…")!)'),
];

/** The confirmation's subject for a scanned URI. */
export function copiedUri(scanned: ScannedUri): CopiedUri {
  const id = scanned.uri.get('callerTrxId');
  return { kind: scanned.kind, ...(scanned.operation ? { operation: scanned.operation } : {}), ...(id ? { callerTrxId: id } : {}) };
}

/** The confirmation's subject for a URI's text (the first App2App URI in it); undefined when there is none. */
export function copiedUriOf(text: string): CopiedUri | undefined {
  const scanned = scanText(text)[0];
  return scanned ? copiedUri(scanned) : undefined;
}

/**
 * What the editor says after copying: "Copied to the clipboard: the adb command for the payment request (callerTrxId
 * PP-1)." when it is known which URI was copied, else the format alone.
 */
export function copiedMessage(format: CopyFormat, copied?: CopiedUri): string {
  const M = messages();
  if (copied) {
    const subject = fillTemplate(M.subject[copied.kind], { operation: copied.operation ?? 'App2App' });
    return fillTemplate(copied.callerTrxId ? M.copiedForId : M.copiedFor, { what: M.what[format], subject, id: copied.callerTrxId ?? '' });
  }
  return format === 'uri' ? M.copiedUri : fillTemplate(M.copiedAs, { format: M.labels[format] });
}

const controlEscapes: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A double-quoted string literal body: backslash, quote and line breaks escaped, plus `extra` characters. */
function quoted(text: string, extra: RegExp | undefined): string {
  let out = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r\t]/g, (c) => controlEscapes[c]!);
  if (extra) out = out.replace(extra, '\\$&');
  return `"${out}"`;
}

/** A Kotlin string literal: `$` starts a template there, so it is escaped too. */
export function kotlinString(text: string): string {
  return quoted(text, /\$/g);
}

export function javaString(text: string): string {
  return quoted(text, undefined);
}

/** A Swift string literal (`\(` interpolation needs a backslash, which is escaped). */
export function swiftString(text: string): string {
  return quoted(text, undefined);
}

export function formatUriAs(format: CopyFormat, uri: string): string {
  switch (format) {
    case 'uri':
      return uri;
    case 'adb':
      return adbCommandLine(uri);
    case 'kotlin':
      return `startActivity(Intent(Intent.ACTION_VIEW, Uri.parse(${kotlinString(uri)})))`;
    case 'java':
      return `startActivity(new Intent(Intent.ACTION_VIEW, Uri.parse(${javaString(uri)})));`;
    case 'swift':
      return `UIApplication.shared.open(URL(string: ${swiftString(uri)})!)`;
  }
}
