// The "Get started with Nexi App2App" walkthrough (issue 8), in the real VS Code: contributed, every command its
// steps link to or complete on exists, and every media file ships with the installed extension.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateExtension } from './util';

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string };
  readonly completionEvents?: readonly string[];
}

interface Walkthrough {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly Step[];
}

/** Command ids of `[…](command:id?args)` links in a step description. */
const linkedCommands = (text: string): string[] => [...text.matchAll(/\]\(command:([\w.-]+)/g)].map((m) => m[1]!);

describe('walkthrough (real VS Code)', function () {
  this.timeout(30000);
  let extension: vscode.Extension<unknown>;
  let walkthrough: Walkthrough;

  before(async () => {
    ({ extension } = await activateExtension());
    const contributed = (extension.packageJSON as { contributes: { walkthroughs?: Walkthrough[] } }).contributes.walkthroughs ?? [];
    walkthrough = contributed.find((w) => w.id === 'nexi.gettingStarted')!;
    assert.ok(walkthrough, 'the walkthrough is contributed');
  });

  it('is "Get started with Nexi App2App" with the six steps of issue 8, in order', () => {
    assert.equal(walkthrough.title, 'Get started with Nexi App2App');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['sandbox', 'credentials', 'build', 'decode', 'check', 'reconcile']);
    for (const step of walkthrough.steps) {
      assert.ok(step.title && step.description, `${step.id} has a title and a description`);
      assert.ok(linkedCommands(step.description).length > 0, `${step.id} has a command button`);
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} has completion events`);
    }
  });

  it('every command a step links to or completes on is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const referenced = walkthrough.steps.flatMap((s) => [...linkedCommands(s.description), ...(s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length))]);
    assert.ok(referenced.includes('nexi.sandbox.start') && referenced.includes('nexi.reconcileLog'));
    assert.deepEqual(referenced.filter((id) => !registered.has(id)), []);
    // onView events name views of this extension.
    const views = Object.values((extension.packageJSON as { contributes: { views: Record<string, Array<{ id: string }>> } }).contributes.views).flat().map((v) => v.id);
    const viewEvents = walkthrough.steps.flatMap((s) => (s.completionEvents ?? []).filter((e) => e.startsWith('onView:')).map((e) => e.slice('onView:'.length)));
    assert.deepEqual(viewEvents.filter((v) => !views.includes(v)), []);
  });

  it('every step has a Markdown media file in the installed extension, with real content and working command links', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      const file = step.media.markdown;
      // `build.md`, or `build.it.md` when VS Code runs in Italian.
      assert.ok(file && /^media\/walkthrough\/[\w-]+(\.[a-z]{2})?\.md$/.test(file), `${step.id}: media.markdown under media/walkthrough/`);
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, file));
      const text = new TextDecoder().decode(bytes);
      assert.match(text, /^# \S/, `${file} starts with a heading`);
      assert.ok(text.length > 400, `${file} has real content`);
      assert.ok(!/TODO|lorem ipsum|placeholder/i.test(text), `${file} is not a placeholder`);
      assert.deepEqual(linkedCommands(text).filter((id) => !registered.has(id)), [], `${file} links only to existing commands`);
    }
  });
});
