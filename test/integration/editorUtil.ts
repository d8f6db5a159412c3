// Helpers for the App2App editor suites: open documents, read our hovers, diagnostics and decoded documents, and
// drive the real quick input of the builder.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { waitFor } from './util';

export const source = 'Nexi App2App';

let untitledSeq = 0;

export async function openDoc(language: string, content: string, show = true): Promise<vscode.TextDocument> {
  let document = await vscode.workspace.openTextDocument({ language, content });
  // Under load VS Code can hand back a just-closed untitled document that had the same name ("Untitled-3") with its
  // old text (seen in CI and in a shuffled run): ask again (the next has another name), a few times.
  for (let attempt = 1; attempt <= 5 && document.getText() !== content; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    document = await vscode.workspace.openTextDocument({ language, content });
  }
  if (document.getText() !== content && (await vscode.languages.getLanguages()).includes(language)) {
    // Then one under a name of our own. Only for a language VS Code knows: setTextDocumentLanguage refuses the others
    // ("Unknown language id: kotlin" — no built-in extension contributes Kotlin; openTextDocument takes any id).
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(`untitled:nexi-test-${process.pid}-${++untitledSeq}`));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), content);
    assert.ok(await vscode.workspace.applyEdit(edit));
    document = await vscode.languages.setTextDocumentLanguage(document, language);
  }
  assert.equal(document.getText(), content, 'the test document holds what the test wrote');
  if (show) await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Replaces the whole text of an open document (as typing would) and waits until its diagnostics are settled. */
export async function setText(api: TestApi, document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.equal(document.getText(), text);
  await settled(api, document);
}

export async function settled(api: TestApi, document: vscode.TextDocument): Promise<void> {
  // The change event reaches the extension before applyEdit resolves; give a just-opened document its open event.
  await new Promise((r) => setTimeout(r, 20));
  await api.editor.diagnostics.settled(document.uri);
}

export function ours(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === source);
}

/** `[code, "line:char-line:char", severity]` of our diagnostics, for exact comparisons. */
export function describeDiagnostics(document: vscode.TextDocument): string[] {
  return ours(document).map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${vscode.DiagnosticSeverity[d.severity]}`);
}

/** Markdown of every hover at `position` (ours are the ones mentioning a backticked key or an operation). */
export async function hovers(document: vscode.TextDocument, position: vscode.Position): Promise<{ text: string; range: vscode.Range | undefined }[]> {
  const all = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return all.map((h) => ({ text: h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n'), range: h.range }));
}

export async function ourHover(document: vscode.TextDocument, position: vscode.Position, marker: RegExp): Promise<{ text: string; range: vscode.Range | undefined }> {
  const found = (await hovers(document, position)).filter((h) => marker.test(h.text));
  assert.equal(found.length, 1, `one hover matching ${marker} at ${position.line}:${position.character}, got ${found.length}`);
  return found[0]!;
}

export const rangeText = (r: vscode.Range | undefined) => (r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : 'none');

/** The open builder step (quick pick or input box), once its title says `step`. */
export async function builderStep(api: TestApi, step: RegExp): Promise<vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox> {
  return waitFor(`builder step ${step}`, () => {
    const c = api.ui.prompts.current;
    return c && step.test(c.title ?? '') ? c : undefined;
  });
}

const isPick = (c: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox): c is vscode.QuickPick<vscode.QuickPickItem> => 'items' in c;

/** Types `value` into the open input box and accepts it with the real workbench command. */
export async function typeAndAccept(api: TestApi, step: RegExp, value: string): Promise<vscode.InputBox> {
  const input = await builderStep(api, step);
  assert.ok(!isPick(input), `${input.title} is an input box`);
  input.value = value;
  await new Promise((r) => setTimeout(r, 50));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return input;
}

/** Accepts what the open input box holds (its prefilled value). */
export async function acceptInput(api: TestApi, step: RegExp): Promise<string> {
  const input = await builderStep(api, step);
  assert.ok(!isPick(input), `${input.title} is an input box`);
  const value = input.value;
  await new Promise((r) => setTimeout(r, 50));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return value;
}

/** Picks items by label in the open quick pick (several when it allows many) and accepts. */
export async function pickLabels(api: TestApi, step: RegExp, ...labels: string[]): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const pick = await builderStep(api, step);
  assert.ok(isPick(pick), `${pick.title} is a quick pick`);
  await waitFor('quick pick items', () => pick.items.length > 0);
  const items = labels.map((label) => {
    const item = pick.items.find((i) => i.label === label);
    assert.ok(item, `item "${label}" among ${pick.items.map((i) => i.label).join(' | ')}`);
    return item;
  });
  if (pick.canSelectMany) pick.selectedItems = items;
  else {
    pick.value = labels[0]!;
    pick.activeItems = items;
  }
  // The extension host sends quick input updates to the workbench on a zero-delay timer.
  await new Promise((r) => setTimeout(r, 100));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return pick;
}

/** Waits until the builder's input is gone (the flow finished). */
export async function builderClosed(api: TestApi): Promise<void> {
  await waitFor('the builder to close', () => api.ui.prompts.current === undefined);
}

/** The text of a virtual document a command returned (`{ document: uri }`). */
export async function documentText(uri: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
}
