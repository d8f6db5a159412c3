// The local sandbox from the editor (issue 6): start it (the Sandbox environment becomes active with its
// credentials), stop it, and rehearse a bad day with its fault presets. Loaded on first use (issue 17 item 4).
import * as vscode from 'vscode';
import type { CommandSpec } from './context';
import { cancelled } from './outcome';


export const sandboxCommands: readonly CommandSpec[] = [
  {
    id: 'nexi.sandbox.start',
    needs: ['trustedWorkspace'],
    run: async (ctx) => {
      const server = await ctx.b2b.sandbox.start();
      await ctx.credentials.environments.setActive('sandbox');
      ctx.ui.notifications.info(
        vscode.l10n.t('Local sandbox running on {0}; the Sandbox environment is active and has its credentials. Try "Check transaction" on a result URI.', server.url),
      );
      return { ok: true, url: server.url };
    },
  },
  {
    id: 'nexi.sandbox.stop',
    needs: ['trustedWorkspace'],
    run: async (ctx) => {
      await ctx.b2b.sandbox.stop();
      return { ok: true };
    },
  },
  {
    id: 'nexi.sandbox.faults',
    needs: ['trustedWorkspace'],
    run: async (ctx, arg) => {
      // Presets for rehearsing a bad day; each writes nexi.sandbox.faults (user settings, applied live).
      const presets: Array<vscode.QuickPickItem & { id: string; plan: Record<string, unknown> }> = [
        { id: 'none', label: vscode.l10n.t('No faults'), description: vscode.l10n.t('the sandbox answers every correct request'), plan: {} },
        { id: 'flaky', label: vscode.l10n.t('Flaky service'), description: vscode.l10n.t('every 2nd request on every endpoint answers 503'), plan: { failEvery: 2, failStatus: 503 } },
        { id: 'gateway', label: vscode.l10n.t('Gateway in trouble'), description: vscode.l10n.t("every 3rd request answers a gateway's HTML 502 page"), plan: { html502Every: 3 } },
        { id: 'drops', label: vscode.l10n.t('Dropped connections'), description: vscode.l10n.t('every 2nd request is cut before any answer'), plan: { dropEvery: 2 } },
        { id: 'rotation', label: vscode.l10n.t('Key rotation'), description: vscode.l10n.t('a new JWKS key after every 3 checks'), plan: { rotateJwksAfter: 3 } },
        { id: 'clock', label: vscode.l10n.t('Clocks apart'), description: vscode.l10n.t("the sandbox's clock 120 s behind yours"), plan: { clockOffsetSeconds: -120 } },
        { id: 'token-down', label: vscode.l10n.t('Token endpoint down'), description: vscode.l10n.t('every token request answers 503'), plan: { failEvery: 1, failStatus: 503, endpoints: ['token'] } },
        { id: 'short-tokens', label: vscode.l10n.t('Short-lived tokens'), description: vscode.l10n.t('access tokens expire after 5 s'), plan: { tokenTtlSeconds: 5 } },
      ];
      const wanted = typeof arg === 'string' ? presets.find((p) => p.id === arg) : undefined;
      const picked = wanted ?? (await ctx.ui.prompts.pick(presets, { title: vscode.l10n.t('Sandbox faults'), placeholder: vscode.l10n.t('What should the local sandbox do wrong?') }));
      if (!picked) return cancelled;
      await vscode.workspace.getConfiguration('nexi.sandbox').update('faults', Object.keys(picked.plan).length ? picked.plan : undefined, vscode.ConfigurationTarget.Global);
      const message = Object.keys(picked.plan).length ? vscode.l10n.t('Sandbox faults: {0} ({1}). Run this command again and pick "No faults" to stop.', picked.label, picked.description ?? '') : vscode.l10n.t('Sandbox faults cleared.');
      ctx.ui.notifications.info(message);
      return { ok: true, preset: picked.id, plan: picked.plan };
    },
  },
];
