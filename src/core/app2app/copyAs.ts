// "Copy as": an App2App URI as the code or command that opens it — an adb command line, an Android Intent in
// Kotlin or Java, a Swift openURL call. String literals are escaped for their language.

import { adbCommandLine } from '../adb';

export type CopyFormat = 'uri' | 'adb' | 'kotlin' | 'java' | 'swift';

export interface CopyFormatInfo {
  readonly id: CopyFormat;
  readonly label: string;
  readonly description: string;
}

export const copyFormats: readonly CopyFormatInfo[] = [
  { id: 'uri', label: 'URI', description: 'the URI as it is' },
  { id: 'adb', label: 'adb command', description: "adb shell am start -a android.intent.action.VIEW -d '…'" },
  { id: 'kotlin', label: 'Kotlin Intent', description: 'startActivity(Intent(Intent.ACTION_VIEW, Uri.parse("…")))' },
  { id: 'java', label: 'Java Intent', description: 'startActivity(new Intent(Intent.ACTION_VIEW, Uri.parse("…")));' },
  { id: 'swift', label: 'Swift openURL', description: 'UIApplication.shared.open(URL(string: "…")!)' },
];

/** What the editor says after copying. */
export function copiedMessage(format: CopyFormat): string {
  return format === 'uri' ? 'Copied the App2App URI.' : `Copied the URI as ${copyFormats.find((f) => f.id === format)!.label}.`;
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
