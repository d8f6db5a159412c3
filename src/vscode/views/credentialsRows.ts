// The Credentials view's rows: what each node shows (label, state, tooltip, icon, menus, click) and an environment's
// children. Loaded by the view (credentialsView.ts) when it first shows a row, not at activation: the view may stay
// closed, and it is empty (welcome content) until something is stored (issue 17 item 4). The first rows show as
// quickly as before: the require is synchronous, a few milliseconds.
import * as vscode from 'vscode';
import { FieldId, fieldSpec, isTextField } from '../../core/credentials/fields';
import type { CertificateInfo } from '../../core/credentials/certificates';
import type { CredentialAssessment, FieldState, FieldStatus } from '../../core/credentials/status';
import type { Environment } from '../../core/environments';
import type { TokenState } from '../../core/nexi/client';

export type CredentialsNode =
  | { readonly kind: 'environment'; readonly environment: Environment; readonly active: boolean; readonly assessment: CredentialAssessment }
  | { readonly kind: 'field'; readonly environment: Environment; readonly status: FieldStatus; readonly certificate?: CertificateInfo }
  | {
      readonly kind: 'group';
      readonly group: 'endpoints' | 'terminals';
      readonly environment: Environment;
      readonly label: string;
      readonly description?: string;
      readonly children: readonly CredentialsNode[];
    }
  | { readonly kind: 'endpoint'; readonly environment: Environment; readonly label: string; readonly url?: string; readonly problem?: string }
  | { readonly kind: 'token'; readonly environment: Environment; readonly token: TokenState };

/** Where the tree learns about access tokens: the checkTransaction service (issue 6). */
export interface TokenStates {
  tokenState(environmentId: string): TokenState;
  readonly onDidChangeHistory: vscode.Event<void>;
}

const stateIcons: Record<FieldState, [string, string | undefined]> = {
  set: ['pass', 'testing.iconPassed'],
  missing: ['circle-large-outline', 'list.warningForeground'],
  optional: ['circle-outline', undefined],
  expiring: ['warning', 'list.warningForeground'],
  invalid: ['error', 'list.errorForeground'],
};

/** A field's state in a word, in the display language (read when a tree item is made). */
function stateWord(state: FieldState): string {
  switch (state) {
    case 'set':
      return vscode.l10n.t('set');
    case 'missing':
      return vscode.l10n.t('missing');
    case 'optional':
      return vscode.l10n.t('not set');
    case 'expiring':
      return vscode.l10n.t('expiring');
    case 'invalid':
      return vscode.l10n.t('invalid');
  }
}

/** Which files can be imported into a field (the others are typed in). */
const importable: readonly FieldId[] = ['certificate', 'privateKey', 'pkcs12', 'caBundle'];

function fieldItem(node: Extract<CredentialsNode, { kind: 'field' }>): vscode.TreeItem {
  const { status } = node;
  const spec = fieldSpec(status.field);
  const item = new vscode.TreeItem(spec.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.environment.id}/${status.field}`;
  item.description = status.state === 'set' || status.state === 'expiring' || status.state === 'invalid' ? status.detail : stateWord(status.state);
  const [icon, color] = stateIcons[status.state];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.appendMarkdown(
    `${spec.secret ? vscode.l10n.t('**{0}** — {1} (secret: kept only in SecretStorage)', spec.label, stateWord(status.state)) : `**${spec.label}** — ${stateWord(status.state)}`}\n\n`,
  );
  tooltip.appendText(spec.description);
  for (const f of status.findings) tooltip.appendMarkdown(`\n\n${f.severity === 'error' ? '$(error)' : '$(warning)'} `).appendText(f.message);
  if (node.certificate && status.field === 'certificate') {
    const c = node.certificate;
    tooltip.appendMarkdown('\n\n---\n\n');
    tooltip.appendText(
      vscode.l10n.t(
        'Subject: {0}\nIssuer: {1}\nValid: {2} – {3}\nKey: {4} {5}\nSerial: {6}\nSHA-256: {7}',
        c.subject,
        c.issuer,
        c.notBefore.toISOString().slice(0, 10),
        c.notAfter.toISOString().slice(0, 10),
        c.keyType.toUpperCase(),
        c.keyBits ?? '',
        c.serialNumber,
        c.fingerprint256,
      ),
    );
  }
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  const flags = [`field`, `field-${status.field}`, `state-${status.state}`, isTextField(status.field) ? 'text' : '', importable.includes(status.field) ? 'importable' : '', spec.secret ? 'secret' : ''];
  item.contextValue = flags.filter(Boolean).join(' ');
  // Every row does the obvious thing when clicked: a typed value is set or replaced; a file row imports into it
  // when empty, and otherwise shows (the certificate) or offers what can be done with what it holds.
  item.command = isTextField(status.field)
    ? { command: status.state === 'set' ? 'nexi.credentials.replace' : 'nexi.credentials.set', title: vscode.l10n.t('Set'), arguments: [node] }
    : { command: 'nexi.credentials.open', title: vscode.l10n.t('Open'), arguments: [node] };
  return item;
}

export function treeItem(node: CredentialsNode): vscode.TreeItem {
  switch (node.kind) {
    case 'environment': {
      const env = node.environment;
      const item = new vscode.TreeItem(env.label, node.active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = env.id;
      const missing = node.assessment.fields.filter((f) => f.state === 'missing').length;
      const invalid = node.assessment.fields.filter((f) => f.state === 'invalid' || f.state === 'expiring').length;
      const kind =
        env.kind === 'sandbox'
          ? vscode.l10n.t('local simulator')
          : env.kind === 'custom'
            ? env.production
              ? vscode.l10n.t('your environment, production')
              : vscode.l10n.t('your environment')
            : env.kind === 'staging'
              ? vscode.l10n.t('staging')
              : vscode.l10n.t('production');
      const state = !node.assessment.configured
        ? vscode.l10n.t('nothing stored')
        : invalid
          ? vscode.l10n.t('{0} to fix', invalid)
          : missing
            ? vscode.l10n.t('{0} missing', missing)
            : vscode.l10n.t('ready');
      const endpoints = env.endpoints ? '' : env.kind === 'sandbox' ? vscode.l10n.t('not running') : vscode.l10n.t('endpoints invalid');
      item.description = [node.active ? vscode.l10n.t('active') : '', kind, endpoints, state].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(env.production ? 'warning' : env.kind === 'sandbox' ? 'beaker' : 'server-environment', env.production ? new vscode.ThemeColor('list.warningForeground') : undefined);
      const tooltip = new vscode.MarkdownString();
      tooltip.appendMarkdown(`${node.active ? vscode.l10n.t('**{0}** (active)', env.label) : `**${env.label}**`}\n\n`).appendText(env.endpoints ? `B2B ${env.endpoints.baseUrl}\ncheckTransaction ${env.endpoints.checkTransactionUrl}` : env.problem ?? '');
      if (env.production) tooltip.appendMarkdown(vscode.l10n.t('\n\nProduction: every call asks for confirmation first.'));
      item.tooltip = tooltip;
      item.contextValue = ['environment', `environment-${env.kind}`, node.active ? 'active' : 'inactive', node.assessment.configured ? 'configured' : 'empty', node.assessment.certificate ? 'has-certificate' : '', node.assessment.stored.key ? 'has-key' : ''].filter(Boolean).join(' ');
      return item;
    }
    case 'field':
      return fieldItem(node);
    case 'group': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${node.environment.id}/${node.group === 'terminals' ? 'Terminals' : 'Endpoints'}`;
      if (node.description) item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.group === 'terminals' ? 'device-mobile' : 'globe');
      item.contextValue = `group group-${node.group}`;
      return item;
    }
    case 'token': {
      const item = new vscode.TreeItem(vscode.l10n.t('Access token'), vscode.TreeItemCollapsibleState.None);
      item.id = `${node.environment.id}/token`;
      const t = node.token;
      const at = (ms: number): string => new Date(ms).toLocaleTimeString();
      item.description =
        t.state === 'none'
          ? vscode.l10n.t('none yet: requested by the first check')
          : t.state === 'cached'
            ? vscode.l10n.t('cached, renewed after {0}', at(t.renewAt))
            : vscode.l10n.t('due for renewal at the next check');
      item.tooltip = vscode.l10n.t('The OAuth2 access token of this environment is kept in memory only, for 75 % of its lifetime, and never shown.');
      item.iconPath = new vscode.ThemeIcon(t.state === 'cached' ? 'pass' : 'circle-outline');
      item.contextValue = `token token-${t.state}`;
      return item;
    }
    case 'endpoint': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.environment.id}/endpoint/${node.label}`;
      item.description = node.url ?? node.problem ?? '';
      item.tooltip = node.url ?? node.problem;
      item.iconPath = new vscode.ThemeIcon(node.url ? 'link' : 'error', node.url ? undefined : new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = 'endpoint';
      // The sandbox's endpoints appear when it runs; the others are machine-scoped settings.
      item.command =
        !node.url && node.environment.kind === 'sandbox'
          ? { command: 'nexi.sandbox.start', title: vscode.l10n.t('Start Local Sandbox') }
          : { command: 'nexi.endpoints.openSettings', title: vscode.l10n.t('Open Settings') };
      return item;
    }
  }
}

/** An environment's rows: endpoints, the access token (with `tokens`), the fields and the terminals. */
export function environmentChildren(node: Extract<CredentialsNode, { kind: 'environment' }>, tokens: TokenStates | undefined): CredentialsNode[] {
  const env = node.environment;
  const byField = new Map(node.assessment.fields.map((f) => [f.field, f]));
  const field = (id: FieldId): CredentialsNode[] => {
    const status = byField.get(id);
    return status ? [{ kind: 'field', environment: env, status, ...(id === 'certificate' && node.assessment.certificate ? { certificate: node.assessment.certificate } : {}) }] : [];
  };
  const endpoints: CredentialsNode = {
    kind: 'group',
    group: 'endpoints',
    environment: env,
    label: vscode.l10n.t('Endpoints'),
    ...(env.kind === 'sandbox' && !env.endpoints ? { description: vscode.l10n.t('from the local sandbox while it runs') } : {}),
    children: env.endpoints
      ? [
          { kind: 'endpoint', environment: env, label: vscode.l10n.t('B2B base (token, JWKS)'), url: env.endpoints.baseUrl },
          { kind: 'endpoint', environment: env, label: 'checkTransaction', url: env.endpoints.checkTransactionUrl },
        ]
      : [{ kind: 'endpoint', environment: env, label: env.kind === 'sandbox' ? vscode.l10n.t('Not running') : vscode.l10n.t('Invalid'), problem: env.problem ?? '' }],
  };
  const terminals: CredentialsNode = { kind: 'group', group: 'terminals', environment: env, label: vscode.l10n.t('Terminals'), children: [...field('softPosTerminalId'), ...field('mobilePosTerminalId')] };
  const token: CredentialsNode[] = tokens && env.endpoints ? [{ kind: 'token', environment: env, token: tokens.tokenState(env.id) }] : [];
  return [
    endpoints,
    ...token,
    ...field('clientId'),
    ...field('clientSecret'),
    ...field('certificate'),
    ...field('privateKey'),
    ...field('pkcs12'),
    ...field('pendingPrivateKey'),
    ...field('caBundle'),
    terminals,
    ...field('merchantUsername'),
    ...field('deviceId'),
    ...field('pointOfSale'),
  ];
}
