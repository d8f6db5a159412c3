// What a command works on. Hovers and CodeLens pass a `UriTarget` (document, line, character of the URI); other
// callers may pass the text itself; from the palette it is the selection, else the line under the cursor, else
// (for "Decode URI") the clipboard.
import * as vscode from 'vscode';
import { uriAt } from '../core/app2app/locate';
import { scanInChunks } from '../core/app2app/scanChunks';
import { scanText, type ScannedUri } from '../core/app2app/scan';
import { lineIndex } from '../core/text';
import type { OffsetRange } from '../core/types';
import { pause, scanOptions, type UriIndex } from './uriIndex';

/** A URI in a document: what hover links and CodeLens pass to commands (JSON-serialisable). */
export interface UriTarget {
  readonly uri: string;
  /** 0-based line and character of (a character in) the URI. */
  readonly line: number;
  readonly character: number;
}

/** A URI given as text (e.g. by another extension or a test). */
export interface TextTarget {
  readonly text: string;
}

export function isUriTarget(v: unknown): v is UriTarget {
  const t = v as UriTarget | undefined;
  return typeof t === 'object' && t !== null && typeof t.uri === 'string' && typeof t.line === 'number' && typeof t.character === 'number';
}

export function isTextTarget(v: unknown): v is TextTarget {
  return typeof v === 'object' && v !== null && typeof (v as TextTarget).text === 'string';
}

export function targetOf(document: vscode.TextDocument, position: vscode.Position): UriTarget {
  return { uri: document.uri.toString(), line: position.line, character: position.character };
}

export interface Found {
  /** Offsets relative to what `toRange` maps (the document, or `text`). */
  readonly uris: readonly ScannedUri[];
  /** Where they came from, for messages: "line 3 of Pay.kt", "the selection in logcat.log", "the clipboard". */
  readonly origin: string;
  /** The same after "found": "in line 3 of Pay.kt" (Italian merges the preposition with the article: "nella riga"). */
  readonly inOrigin: string;
  /** `origin` in English, for the log. */
  readonly loggedOrigin: string;
  readonly document?: vscode.TextDocument;
  /** Document range of an offset range (only when the URIs come from a document). */
  readonly toRange?: (r: OffsetRange) => vscode.Range;
  /** 1-based line and column of an offset, for "where" notes. */
  readonly where: (offset: number) => { line: number; column: number };
  /** Offset of the cursor or target, to prefer the URI under it. */
  readonly at?: number;
}

const baseName = (d: vscode.TextDocument) => d.uri.path.split('/').pop() ?? d.uri.toString();

function onLine(index: UriIndex, document: vscode.TextDocument, line: number, character: number): Found {
  return {
    uris: index.scanLine(document, line, character),
    origin: vscode.l10n.t('line {0} of {1}', line + 1, baseName(document)),
    inOrigin: vscode.l10n.t('in line {0} of {1}', line + 1, baseName(document)),
    loggedOrigin: `line ${line + 1} of ${baseName(document)}`,
    document,
    toRange: (r) => new vscode.Range(line, r.start, line, r.end),
    where: (offset) => ({ line: line + 1, column: offset + 1 }),
    at: character,
  };
}

/**
 * Finds the URIs a command should work on. Returns undefined only when there was nowhere to look (no argument, no
 * editor, and the clipboard not allowed); otherwise `uris` may be empty.
 */
export async function findUris(index: UriIndex, arg: unknown, options: { clipboard: boolean }): Promise<Found | undefined> {
  if (isUriTarget(arg)) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
    return onLine(index, document, arg.line, arg.character);
  }
  if (isTextTarget(arg)) {
    return { uris: scanText(arg.text), origin: vscode.l10n.t('the given text'), inOrigin: vscode.l10n.t('in the given text'), loggedOrigin: 'the given text', where: lineIndex(arg.text) };
  }
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const document = editor.document;
    if (!editor.selection.isEmpty) {
      const base = document.offsetAt(editor.selection.start);
      const uris = (await scanInChunks(document.getText(editor.selection), { ...scanOptions(document), pause, base })) ?? [];
      const found = {
        uris,
        origin: vscode.l10n.t('the selection in {0}', baseName(document)),
        inOrigin: vscode.l10n.t('in the selection in {0}', baseName(document)),
        loggedOrigin: `the selection in ${baseName(document)}`,
        document,
        toRange: (r: OffsetRange) => new vscode.Range(document.positionAt(r.start), document.positionAt(r.end)),
        where: (offset: number) => ({ line: document.positionAt(offset).line + 1, column: document.positionAt(offset).character + 1 }),
      };
      if (uris.length > 0 || !options.clipboard) return found;
    } else {
      const found = onLine(index, document, editor.selection.active.line, editor.selection.active.character);
      if (found.uris.length > 0 || !options.clipboard) return found;
    }
  }
  if (!options.clipboard) return undefined;
  const text = await vscode.env.clipboard.readText();
  return {
    uris: (await scanInChunks(text, { pause })) ?? [],
    origin: vscode.l10n.t('the clipboard'),
    inOrigin: vscode.l10n.t('in the clipboard'),
    loggedOrigin: 'the clipboard',
    where: lineIndex(text),
  };
}

/** The one URI a single-URI command uses: the one at the target or cursor, else the first request, else the first. */
export function pickOne(found: Found): ScannedUri | undefined {
  return (found.at !== undefined ? uriAt(found.uris, found.at) : undefined) ?? found.uris.find((u) => u.kind === 'request') ?? found.uris[0];
}
