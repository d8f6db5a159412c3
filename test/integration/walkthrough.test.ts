// The "Get started with Nexi App2App" walkthrough (issue 8), in the real VS Code: contributed, every command its
// steps link to or complete on exists, and every media file ships with the installed extension.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { milestoneSteps, milestones } from '../../src/vscode/walkthrough';
import { builderStep } from './editorUtil';
import { activateExtension, run } from './util';

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
  let api: TestApi;
  let walkthrough: Walkthrough;

  before(async () => {
    ({ extension, api } = await activateExtension());
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

  it('every command a step links to is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const referenced = walkthrough.steps.flatMap((s) => linkedCommands(s.description));
    assert.ok(referenced.includes('nexi.sandbox.start') && referenced.includes('nexi.reconcileLog'));
    assert.deepEqual(referenced.filter((id) => !registered.has(id)), []);
  });

  it('each step completes on what the user really did (a milestone context key, and the step marked done), not on its own button', async () => {
    assert.deepEqual(
      walkthrough.steps.map((s) => s.completionEvents),
      milestones.map((m) => [`onContext:nexi.walkthrough.${m}`]),
    );
    assert.deepEqual(milestones.map((m) => milestoneSteps[m]), walkthrough.steps.map((s) => s.id));
    // The command a milestone marks its step done with (VS Code's own "Mark Done").
    assert.ok((await vscode.commands.getCommands(true)).includes('welcome.markStepComplete'));
  });

  it('reaches the decode milestone however the URI was decoded, and the build milestone only when a URI was built', async () => {
    api.walkthrough.reset();
    const nothing = await run('nexi.decodeUri', { text: 'no URI here' });
    assert.equal(nothing.ok, false);
    assert.equal(api.walkthrough.has('uriDecoded'), false, 'a decode that found nothing reaches nothing');
    const builder = run('nexi.buildUri');
    await builderStep(api, /choose the operation$/);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal((await builder).ok, false);
    assert.equal(api.walkthrough.has('uriBuilt'), false, 'a builder closed without a URI reaches nothing');
    // The decode as a CodeLens or hover link runs it: a URI passed as text.
    const outcome = await run('nexi.decodeUri', { text: 'neximpos://payment?amount=1&callerTrxId=A&callerName=B&uri=c%3A%2F%2Fd' });
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.equal(api.walkthrough.has('uriDecoded'), true);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
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
      // A picture of the step: the README's screenshot of the same scene (one WebP file for both, issue 17 item 4).
      const image = /!\[[^\]]{10,}\]\(\.\.\/screenshots\/([\w-]+\.webp)\)/.exec(text)?.[1];
      assert.ok(image, `${file} shows a picture with a description`);
      const picture = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'media', 'screenshots', image));
      assert.equal(new TextDecoder().decode(picture.subarray(0, 4)) + new TextDecoder().decode(picture.subarray(8, 12)), 'RIFFWEBP', `${image} is a WebP picture`);
    }
  });
});
