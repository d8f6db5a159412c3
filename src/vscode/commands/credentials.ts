// Commands of the Credentials view and the environments. Every one of them needs a trusted workspace; they return
// a CommandOutcome (what happened, with a stable code), which is also what the integration tests check.
//
// Arguments, in any order: a tree node (from the view's menus), a file Uri and the selected Uris (from the
// explorer's context menu), or `{ environment, field, target }` (programmatic use, command links). What is missing
// is asked for.
import * as path from 'path';
import * as vscode from 'vscode';
import { CredentialError } from '../../core/credentials/errors';
import { FieldId, TextField, fieldSpec, isFieldId, isTextField, textFields, validateTextField } from '../../core/credentials/fields';
import { ImportPlan, ImportTarget, importQuestion, importTargets, planImport } from '../../core/credentials/importing';
import { Material, needsPassphrase, readMaterial } from '../../core/credentials/material';
import { appNamePlaceholder, createKeyAndCsr, defaultCsrSubject, formatSubjectLine, parseSubjectLine } from '../../core/credentials/csr';
import { CustomEnvironmentSetting, Environment, validateEndpointUrl, validateEnvironmentId } from '../../core/environments';
import type { CredentialsNode } from '../views/credentialsView';
import { chooseEnvironment } from '../pickers';
import type { CommandContext, CommandSpec } from './context';
import { cancelledUnchanged as cancelled, type CommandOutcome } from './outcome';

interface Args {
  readonly environment?: string;
  readonly field?: FieldId;
  readonly target?: ImportTarget;
  readonly uri?: vscode.Uri;
  /** All files selected in the explorer (its context menu passes the clicked one, then the selection). */
  readonly uris?: readonly vscode.Uri[];
}

function isNode(a: unknown): a is CredentialsNode {
  return typeof a === 'object' && a !== null && 'kind' in a && 'environment' in a;
}

function parseArgs(args: readonly unknown[]): Args {
  let out: { environment?: string; field?: FieldId; target?: ImportTarget; uri?: vscode.Uri; uris?: vscode.Uri[] } = {};
  for (const a of args) {
    if (a instanceof vscode.Uri) out.uri ??= a;
    else if (Array.isArray(a) && a.length > 0 && a.every((u) => u instanceof vscode.Uri)) out.uris ??= a as vscode.Uri[];
    else if (typeof a === 'string') out.environment ??= a;
    else if (isNode(a)) {
      out.environment ??= a.environment.id;
      if (a.kind === 'field') out.field ??= a.status.field;
    } else if (typeof a === 'object' && a !== null && !Array.isArray(a)) {
      const o = a as Record<string, unknown>;
      out = {
        ...out,
        ...(typeof o.environment === 'string' ? { environment: o.environment } : {}),
        ...(isFieldId(o.field) ? { field: o.field } : {}),
        ...(typeof o.target === 'string' && (importTargets as readonly string[]).includes(o.target) ? { target: o.target as ImportTarget } : {}),
        ...(o.uri instanceof vscode.Uri ? { uri: o.uri } : {}),
      };
    }
  }
  return out;
}

function done(ctx: CommandContext, message: string, extra: Partial<CommandOutcome> = {}): CommandOutcome {
  ctx.ui.notifications.info(message);
  return { ok: true, message, ...extra };
}

// ---- set / replace / clear -------------------------------------------------------------------------------------

async function setField(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const env = await chooseEnvironment(ctx, { given: a.environment, title: vscode.l10n.t('Set a credential: which environment?') });
  if (!env) return cancelled;
  let field = a.field;
  if (field && !isTextField(field)) return importInto(ctx, env, field, a.uri);
  if (!field) {
    const items = textFields.map((f) => ({ label: fieldSpec(f).label, detail: fieldSpec(f).description, field: f }));
    field = (await ctx.ui.prompts.pick(items, { title: vscode.l10n.t('Set a credential of {0}', env.label), placeholder: vscode.l10n.t('Which value?') }))?.field;
    if (!field) return cancelled;
  }
  const spec = fieldSpec(field);
  const current = spec.secret ? undefined : await ctx.credentials.store.get(env.id, field);
  const value = await ctx.ui.prompts.text({
    title: vscode.l10n.t('{0} of {1}', spec.label, env.label),
    prompt: spec.secret ? vscode.l10n.t("{0} Stored only in VS Code's SecretStorage.", spec.description) : spec.description,
    ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
    ...(current ? { value: current } : {}),
    password: spec.secret,
    validate: (v) => validateTextField(field as TextField, v),
  });
  if (value === undefined) return cancelled;
  if (spec.secret) ctx.log.addKnownSecret(value);
  await ctx.credentials.store.apply(env.id, { [field]: value });
  const saved = spec.secret ? vscode.l10n.t('{0} of {1} stored in SecretStorage.', spec.label, env.label) : vscode.l10n.t('{0} of {1} saved.', spec.label, env.label);
  return done(ctx, saved, { environment: env.id, field });
}

/** Fields cleared together: a key with its passphrase, a bundle with its passphrase. */
const clearedWith: Partial<Record<FieldId, readonly FieldId[]>> = {
  privateKey: ['privateKey', 'privateKeyPassphrase'],
  pkcs12: ['pkcs12', 'pkcs12Passphrase'],
};

export const deleteKey = vscode.l10n.t('Delete');

async function clearField(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const env = await chooseEnvironment(ctx, { given: a.environment, title: vscode.l10n.t('Clear a credential: which environment?') });
  if (!env || !a.field) return env ? { ok: false, code: 'FIELD_INVALID', message: vscode.l10n.t('Choose the value to clear in the Credentials view.') } : cancelled;
  const { store } = ctx.credentials;
  const assessment = await store.assess(env.id, env.certificateFlavour);
  let fields: readonly FieldId[] = clearedWith[a.field] ?? [a.field];
  if (a.field === 'certificate' && assessment.mode === 'pkcs12') fields = ['certificate', 'pkcs12', 'pkcs12Passphrase'];
  const losesKey = fields.some((f) => f === 'privateKey' || f === 'pkcs12' || f === 'pendingPrivateKey');
  if (losesKey) {
    const question =
      a.field === 'certificate'
        ? vscode.l10n.t('Delete the PKCS#12 bundle (certificate and private key) of {0}?', env.label)
        : vscode.l10n.t('Delete the {0} of {1}?', fieldSpec(a.field).label.toLowerCase(), env.label);
    const answer = await ctx.ui.confirmations.ask(question, {
      detail: vscode.l10n.t('A deleted private key cannot be recovered: certificates signed for it become useless. Export it first if you still need it.'),
      choices: [deleteKey],
    });
    if (answer !== deleteKey) return cancelled;
  }
  await store.apply(env.id, Object.fromEntries(fields.map((f) => [f, undefined])));
  return done(ctx, vscode.l10n.t('{0} of {1} cleared.', fieldSpec(a.field).label, env.label), { environment: env.id, field: a.field });
}

async function clearEnvironment(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const env = await chooseEnvironment(ctx, { given: a.environment, title: vscode.l10n.t('Clear all credentials of which environment?') });
  if (!env) return cancelled;
  const answer = await ctx.ui.confirmations.ask(vscode.l10n.t('Delete every credential stored for {0}?', env.label), {
    detail: vscode.l10n.t('Client id and secret, certificate, private key, PKCS#12, CA bundle and terminal data are deleted. A deleted private key cannot be recovered.'),
    choices: [deleteKey],
  });
  if (answer !== deleteKey) return cancelled;
  await ctx.credentials.store.clear(env.id);
  return done(ctx, vscode.l10n.t('All credentials of {0} deleted.', env.label), { environment: env.id });
}

// ---- import ----------------------------------------------------------------------------------------------------

const importFilters = (): Record<string, string[]> => ({
  [vscode.l10n.t('Certificates and keys')]: ['pem', 'crt', 'cer', 'der', 'key', 'p12', 'pfx', 'p7b', 'p7c'],
  [vscode.l10n.t('All files')]: ['*'],
});

const targetOfField: Partial<Record<FieldId, ImportTarget>> = { certificate: 'certificate', privateKey: 'privateKey', pkcs12: 'pkcs12', caBundle: 'caBundle' };

const storeAnyway = vscode.l10n.t('Store');

/** The rows an import can fill, in the order the message names them. */
const importedFields: readonly FieldId[] = ['pkcs12', 'certificate', 'privateKey', 'caBundle'];

/** Reads, checks, asks (passphrase, confirmations) and only then stores: bad input changes nothing. */
async function importMaterial(ctx: CommandContext, env: Environment, material: Material, target: ImportTarget, where: string): Promise<CommandOutcome> {
  const { store } = ctx.credentials;
  const assessment = await store.assess(env.id, env.certificateFlavour);
  const context = { environmentLabel: env.label, flavour: env.certificateFlavour, now: new Date(), stored: assessment.stored, where };
  const question = target === 'auto' ? importQuestion(material, context) : undefined;
  if (question) {
    // A self-signed CA certificate with no key to tell: the user decides, with both choices explained.
    const picked = await ctx.ui.prompts.pick(
      question.choices.map((c) => ({ label: c.label, detail: c.detail, target: c.target })),
      { title: vscode.l10n.t('Import {0} into {1}', where, env.label), placeholder: question.question },
    );
    if (!picked) return cancelled;
    target = picked.target;
  }
  let plan: ImportPlan | undefined;
  const needs = needsPassphrase(material);
  if (needs) {
    // A wrong passphrase keeps the box open with the reason; any other problem closes it and is reported.
    let failure: unknown;
    const passphrase = await ctx.ui.prompts.text({
      title: needs === 'pkcs12' ? vscode.l10n.t('Passphrase of the PKCS#12 file ({0})', where) : vscode.l10n.t('Passphrase of the private key ({0})', where),
      prompt:
        needs === 'pkcs12'
          ? vscode.l10n.t('It opens the bundle now and is stored in SecretStorage with it for {0}.', env.label)
          : vscode.l10n.t('It opens the key now and is stored in SecretStorage with it for {0}.', env.label),
      password: true,
      accept: (p) => {
        try {
          plan = planImport(material, target, context, p);
        } catch (err) {
          if (err instanceof CredentialError && (err.code === 'KEY_PASSPHRASE_WRONG' || err.code === 'PKCS12_PASSPHRASE_WRONG' || err.code === 'KEY_PASSPHRASE_REQUIRED')) return err.userMessage;
          failure = err;
        }
        return undefined;
      },
    });
    if (failure) throw failure;
    if (passphrase === undefined || !plan) return cancelled;
    ctx.log.addKnownSecret(passphrase);
  } else {
    plan = planImport(material, target, context);
  }
  for (const question of plan.confirmations) {
    if ((await ctx.ui.confirmations.ask(question, { choices: [storeAnyway] })) !== storeAnyway) return cancelled;
  }
  await store.apply(env.id, plan.writes);
  const warnings = plan.findings.filter((f) => f.severity === 'warning').map((f) => f.message);
  // Always say where the material went: the credential rows it now fills.
  const rows = importedFields.filter((f) => plan!.writes[f] !== undefined).map((f) => fieldSpec(f).label);
  const imported = vscode.l10n.t('Imported {0} into {1} as {2}: {3}.', where, env.label, rows.join(', '), plan.summary);
  const message = warnings.length ? vscode.l10n.t('{0} Note: {1}', imported, warnings.join(' ')) : imported;
  if (warnings.length) ctx.ui.notifications.warn(message);
  else ctx.ui.notifications.info(message);
  return { ok: true, message, environment: env.id, findings: plan.findings.map((f) => f.code) };
}

async function importInto(ctx: CommandContext, env: Environment, field: FieldId | undefined, uri: vscode.Uri | undefined, target?: ImportTarget): Promise<CommandOutcome> {
  let file = uri;
  if (!file) {
    const picked = await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import into {0}', env.label), canSelectMany: false, filters: importFilters(), openLabel: vscode.l10n.t('Import') });
    file = picked?.[0];
    if (!file) return cancelled;
  }
  const stat = await vscode.workspace.fs.stat(file);
  if (stat.size > 1024 * 1024) {
    throw new CredentialError(
      'NOTHING_FOUND',
      vscode.l10n.t('{0} is larger than 1 MB: it is not a certificate or key file.', path.basename(file.path)),
      vscode.l10n.t('Import the .p7b, PEM, .key or .p12/.pfx file.'),
    );
  }
  const bytes = await vscode.workspace.fs.readFile(file);
  const where = path.basename(file.path);
  return importMaterial(ctx, env, readMaterial(bytes, where), target ?? (field ? targetOfField[field] : undefined) ?? 'auto', where);
}

async function importFile(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  // Several files selected in the explorer (e.g. MyApp.pem and MyApp.key): imported one after the other.
  const files = a.uris && a.uris.length > 1 ? a.uris : a.uri ? [a.uri] : [undefined];
  const names = files.flatMap((f) => (f ? [path.basename(f.path)] : []));
  const question = names.length ? vscode.l10n.t('Import {0} into which environment?', names.join(', ')) : vscode.l10n.t('Import a certificate or key into which environment?');
  const env = await chooseEnvironment(ctx, { given: a.environment, title: question });
  if (!env) return cancelled;
  let outcome: CommandOutcome = cancelled;
  for (const file of files) {
    outcome = await importInto(ctx, env, a.field, file, a.target);
    if (!outcome.ok) break;
  }
  return outcome;
}

async function importClipboard(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const env = await chooseEnvironment(ctx, { given: a.environment, title: vscode.l10n.t('Import from the clipboard into which environment?') });
  if (!env) return cancelled;
  const text = await vscode.env.clipboard.readText();
  if (!text.trim()) {
    throw new CredentialError('NOTHING_FOUND', vscode.l10n.t('The clipboard is empty.'), vscode.l10n.t('Copy the whole PEM block (from its BEGIN line to its END line) and try again.'));
  }
  const target = a.target ?? (a.field ? targetOfField[a.field] : undefined) ?? 'auto';
  const clipboard = vscode.l10n.t('the clipboard');
  return importMaterial(ctx, env, readMaterial(Buffer.from(text, 'utf8'), clipboard), target, clipboard);
}

// ---- export ----------------------------------------------------------------------------------------------------

async function saveTarget(env: Environment, given: vscode.Uri | undefined, name: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({ title: vscode.l10n.t('Save for {0}', env.label), filters, ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}) });
}

async function exportCertificate(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const env = await chooseEnvironment(ctx, { given: a.environment, title: vscode.l10n.t('Export the certificate of which environment?') });
  if (!env) return cancelled;
  const assessment = await ctx.credentials.store.assess(env.id, env.certificateFlavour);
  if (!assessment.certificate) {
    throw new CredentialError('NOTHING_FOUND', vscode.l10n.t('{0} has no certificate to export.', env.label), vscode.l10n.t('Import the certificate Nexi sent first.'));
  }
  const target = await saveTarget(env, a.uri, `${assessment.certificate.commonName ?? env.id}.pem`, { [vscode.l10n.t('PEM certificate')]: ['pem', 'crt'] });
  if (!target) return cancelled;
  await vscode.workspace.fs.writeFile(target, Buffer.from(assessment.certificate.pem, 'utf8'));
  return done(ctx, vscode.l10n.t('Certificate of {0} saved to {1}.', env.label, path.basename(target.path)), { environment: env.id, uri: target.toString() });
}

export const exportKeyChoice = vscode.l10n.t('Export Private Key');

async function exportPrivateKey(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const env = await chooseEnvironment(ctx, { given: a.environment, title: vscode.l10n.t('Export the private key of which environment?') });
  if (!env) return cancelled;
  const { store } = ctx.credentials;
  const pkcs12 = await store.get(env.id, 'pkcs12');
  const pem = pkcs12 ? undefined : await store.get(env.id, 'privateKey');
  if (!pkcs12 && !pem) throw new CredentialError('NOTHING_FOUND', vscode.l10n.t('{0} has no private key to export.', env.label), vscode.l10n.t('Import or create one first.'));
  // Never without an explicit confirmation: the key is what proves to Nexi that calls come from your app.
  const anyone = env.production
    ? vscode.l10n.t('Anyone with the file can call Nexi as your app in production. Keep it out of version control and delete it when done.')
    : vscode.l10n.t('Anyone with the file can call Nexi as your app. Keep it out of version control and delete it when done.');
  const answer = await ctx.ui.confirmations.ask(vscode.l10n.t('Export the private key of {0} to a file?', env.label), {
    detail: pem && !/ENCRYPTED/.test(pem) ? vscode.l10n.t('{0} It is written unencrypted.', anyone) : anyone,
    choices: [exportKeyChoice],
  });
  if (answer !== exportKeyChoice) return cancelled;
  const target = await saveTarget(env, a.uri, pkcs12 ? `${env.id}.p12` : `${env.id}.key`, pkcs12 ? { 'PKCS#12': ['p12', 'pfx'] } : { [vscode.l10n.t('PEM private key')]: ['key', 'pem'] });
  if (!target) return cancelled;
  await vscode.workspace.fs.writeFile(target, pkcs12 ? Buffer.from(pkcs12, 'base64') : Buffer.from(pem!, 'utf8'));
  ctx.log.info(`private key of ${env.id} exported to ${target.toString()}`);
  return done(ctx, vscode.l10n.t('Private key of {0} saved to {1}. Keep it out of version control.', env.label, path.basename(target.path)), { environment: env.id, uri: target.toString() });
}

// ---- key and CSR (spec §14.2) -------------------------------------------------------------------------------------

async function createCsr(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const env = await chooseEnvironment(ctx, { given: a.environment, title: vscode.l10n.t('Create a key and CSR for which environment?') });
  if (!env) return cancelled;
  const initial = formatSubjectLine(defaultCsrSubject(env.certificateFlavour));
  const at = initial.indexOf(appNamePlaceholder);
  const line = await ctx.ui.prompts.text({
    title: vscode.l10n.t('Key and CSR for the Nexi portal ({0})', env.label),
    prompt:
      env.certificateFlavour === 'production'
        ? vscode.l10n.t(
            "Subject of the CSR (spec §14.2). Replace {0} with your app's name in the Nexi portal; avoid special characters. Nexi documents only the staging OU; check the production one with your Nexi contact.",
            appNamePlaceholder,
          )
        : vscode.l10n.t("Subject of the CSR (spec §14.2). Replace {0} with your app's name in the Nexi portal; avoid special characters.", appNamePlaceholder),
    value: initial,
    valueSelection: [at, at + appNamePlaceholder.length],
    validate: (v) => parseSubjectLine(v).problem,
  });
  if (line === undefined) return cancelled;
  const subject = parseSubjectLine(line).subject!;
  const { privateKeyPem, csrPem } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating an RSA-2048 key and the CSR…') }, () => createKeyAndCsr(subject));
  const target = await saveTarget(env, a.uri, `${subject.CN}.csr`, { [vscode.l10n.t('Certificate signing request')]: ['csr', 'pem'] });
  if (!target) return cancelled;
  await vscode.workspace.fs.writeFile(target, Buffer.from(csrPem, 'utf8'));
  // With a key already stored, the new one waits beside it until the certificate Nexi signs for it is imported:
  // the current key keeps working meanwhile (renewals).
  const { store } = ctx.credentials;
  const hasKey = !!((await store.get(env.id, 'privateKey')) ?? (await store.get(env.id, 'pkcs12')));
  const replacesPending = hasKey && (await store.get(env.id, 'pendingPrivateKey')) !== undefined;
  const field = hasKey ? 'pendingPrivateKey' : 'privateKey';
  await store.apply(env.id, hasKey ? { pendingPrivateKey: privateKeyPem } : { privateKey: privateKeyPem, privateKeyPassphrase: undefined });
  const csrName = path.basename(target.path);
  const portal = env.portalUrl ?? vscode.l10n.t('your portal');
  const message = !hasKey
    ? vscode.l10n.t(
        'CSR saved to {0}; its private key is in SecretStorage. Upload the CSR in the Nexi portal ({1}) under "CARICA CERTIFICATO"; Nexi e-mails back the signed certificate (.p7b): import it here.',
        csrName,
        portal,
      )
    : replacesPending
      ? vscode.l10n.t(
          'CSR saved to {0}; its private key is in SecretStorage and takes over from the current key when you import the certificate Nexi signs for it (it replaces the key of your previous CSR, which can no longer be used). Upload the CSR in the Nexi portal ({1}) under "CARICA CERTIFICATO"; Nexi e-mails back the signed certificate (.p7b): import it here.',
          csrName,
          portal,
        )
      : vscode.l10n.t(
          'CSR saved to {0}; its private key is in SecretStorage and takes over from the current key when you import the certificate Nexi signs for it. Upload the CSR in the Nexi portal ({1}) under "CARICA CERTIFICATO"; Nexi e-mails back the signed certificate (.p7b): import it here.',
          csrName,
          portal,
        );
  ctx.ui.notifications.info(message, {
    ...(env.portalUrl ? { [vscode.l10n.t('Open Nexi Portal')]: () => vscode.env.openExternal(vscode.Uri.parse(env.portalUrl!)) } : {}),
    [vscode.l10n.t('Open CSR')]: () => vscode.window.showTextDocument(target),
  });
  return { ok: true, message, environment: env.id, field, uri: target.toString() };
}

// ---- environments ----------------------------------------------------------------------------------------------

async function selectEnvironment(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const env = await chooseEnvironment(ctx, { given: a.environment, title: vscode.l10n.t('Active Nexi environment') });
  if (!env) return cancelled;
  await ctx.credentials.environments.setActive(env.id);
  return { ok: true, message: vscode.l10n.t('Active Nexi environment: {0}.', env.label), environment: env.id };
}

async function addEnvironment(ctx: CommandContext): Promise<CommandOutcome> {
  const { environments } = ctx.credentials;
  const custom = environments.customSettings();
  const taken = custom.map((c) => c.id);
  const { prompts } = ctx.ui;
  const title = (step: number) => vscode.l10n.t('Add a Nexi environment ({0}/4)', step);
  const id = await prompts.text({
    title: title(1),
    prompt: vscode.l10n.t('Id: names its secrets (nexi.<id>.<field>); lower-case letters, digits and "-".'),
    placeholder: vscode.l10n.t('e.g. uat'),
    validate: (v) => validateEnvironmentId(v, taken),
  });
  if (id === undefined) return cancelled;
  const label = await prompts.text({
    title: title(2),
    prompt: vscode.l10n.t('Name shown in the Credentials view and the status bar.'),
    value: id.toUpperCase(),
    validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a name.')),
  });
  if (label === undefined) return cancelled;
  const baseUrl = await prompts.text({ title: title(3), prompt: vscode.l10n.t('B2B base URL (token, JWKS, PAR; also the assertion audience). https only.'), placeholder: 'https://…', validate: (v) => validateEndpointUrl(v) });
  if (baseUrl === undefined) return cancelled;
  const checkTransactionUrl = await prompts.text({ title: title(4), prompt: vscode.l10n.t('checkTransaction URL. https only.'), value: `${baseUrl.replace(/\/+$/, '')}/mpos-core/app/checkTransaction`, validate: (v) => validateEndpointUrl(v) });
  if (checkTransactionUrl === undefined) return cancelled;
  const entry: CustomEnvironmentSetting = { id, label: label.trim(), baseUrl: baseUrl.trim(), checkTransactionUrl: checkTransactionUrl.trim() };
  await environments.writeCustom([...custom, entry]);
  return done(ctx, vscode.l10n.t('Environment {0} added (setting nexi.endpoints.custom in your user settings).', label.trim()), { environment: id });
}

export const removeChoice = vscode.l10n.t('Remove');

async function removeEnvironment(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const { environments, store } = ctx.credentials;
  const env = await chooseEnvironment(ctx, { given: a.environment, customOnly: true, title: vscode.l10n.t('Remove which of your environments?') });
  if (!env) return cancelled;
  if (env.kind !== 'custom') {
    throw new CredentialError(
      'BUILT_IN_ENVIRONMENT',
      vscode.l10n.t('{0} is built in and cannot be removed.', env.label),
      vscode.l10n.t('Only environments you added can be removed; "Clear All Credentials…" empties a built-in one.'),
    );
  }
  const answer = await ctx.ui.confirmations.ask(vscode.l10n.t('Remove the environment {0} and delete its credentials?', env.label), {
    detail: vscode.l10n.t('Its entry in nexi.endpoints.custom and every stored credential (including its private key) are deleted.'),
    choices: [removeChoice],
  });
  if (answer !== removeChoice) return cancelled;
  await store.clear(env.id);
  await environments.writeCustom(environments.customSettings().filter((c) => c.id !== env.id));
  return done(ctx, vscode.l10n.t('Environment {0} removed.', env.label), { environment: env.id });
}

// ---- a credential row clicked --------------------------------------------------------------------------------

interface RowAction extends vscode.QuickPickItem {
  readonly run: () => Promise<CommandOutcome>;
}

/** The certificate as a read-only Markdown document: what the tooltip shows, its checks, and the PEM (public). */
async function showCertificate(ctx: CommandContext, env: Environment): Promise<CommandOutcome> {
  const assessment = await ctx.credentials.store.assess(env.id, env.certificateFlavour);
  const c = assessment.certificate;
  if (!c) return importInto(ctx, env, 'certificate', undefined);
  const status = assessment.fields.find((f) => f.field === 'certificate');
  const lines = [
    `# ${vscode.l10n.t('Certificate of {0}', env.label)}`,
    '',
    '```text',
    vscode.l10n.t('Subject: {0}\nIssuer: {1}\nValid: {2} – {3}\nKey: {4} {5}\nSerial: {6}\nSHA-256: {7}', c.subject, c.issuer, c.notBefore.toISOString().slice(0, 10), c.notAfter.toISOString().slice(0, 10), c.keyType.toUpperCase(), c.keyBits ?? '', c.serialNumber, c.fingerprint256),
    '```',
    '',
    ...(status?.findings.length ? status.findings.map((f) => `- ${f.severity === 'error' ? '❌' : '⚠️'} ${f.message}`) : [`- ✅ ${vscode.l10n.t('No problems found.')}`]),
    '',
    '```pem',
    c.pem.trim(),
    '```',
    '',
  ];
  await ctx.editor.results.open(vscode.l10n.t('Certificate of {0}', env.label), lines.join('\n'));
  return { ok: true, environment: env.id, field: 'certificate' };
}

/**
 * A credential row clicked in the view: an empty file row imports into it; a filled one offers what can be done
 * with it (the certificate first shows itself).
 */
async function openField(ctx: CommandContext, args: readonly unknown[]): Promise<CommandOutcome> {
  const a = parseArgs(args);
  const env = await chooseEnvironment(ctx, { given: a.environment, title: vscode.l10n.t('Which environment?') });
  if (!env || !a.field) return cancelled;
  const field = a.field;
  if (isTextField(field)) return setField(ctx, args);
  const status = (await ctx.credentials.store.assess(env.id, env.certificateFlavour)).fields.find((f) => f.field === field);
  const filled = status !== undefined && status.state !== 'missing' && status.state !== 'optional';
  if (field === 'pendingPrivateKey') return importInto(ctx, env, 'certificate', undefined);
  if (!filled) return importInto(ctx, env, field, undefined);
  if (field === 'certificate') return showCertificate(ctx, env);
  const label = fieldSpec(field).label;
  const actions: RowAction[] = [
    { label: vscode.l10n.t('Replace from a file…'), run: () => importInto(ctx, env, field, undefined) },
    { label: vscode.l10n.t('Replace from the clipboard'), run: () => importClipboard(ctx, [{ environment: env.id, field }]) },
    ...(field === 'privateKey' || field === 'pkcs12' ? [{ label: vscode.l10n.t('Export the private key…'), run: () => exportPrivateKey(ctx, [{ environment: env.id }]) }] : []),
    { label: vscode.l10n.t('Clear…'), run: () => clearField(ctx, [{ environment: env.id, field }]) },
  ];
  const picked = await ctx.ui.prompts.pick(actions, { title: `${env.label} — ${label}`, placeholder: status.detail });
  return picked ? picked.run() : cancelled;
}

// ---- endpoint settings -------------------------------------------------------------------------------------------

export const remoteSettingsToldKey = 'nexi.endpoints.remoteSettingsTold';

/**
 * Opens Settings on `nexi.endpoints`. They are machine-scoped (a workspace can never redirect credentials), which in
 * a remote window or VS Code in the browser puts them under the Remote tab: that is said once, the first time.
 */
async function openEndpointSettings(ctx: CommandContext): Promise<CommandOutcome> {
  const remote = vscode.env.remoteName !== undefined || vscode.env.uiKind === vscode.UIKind.Web;
  const state = ctx.extension.globalState;
  let told = false;
  if (remote && !state.get<boolean>(remoteSettingsToldKey)) {
    ctx.ui.notifications.info(
      vscode.l10n.t(
        "Nexi's endpoint settings are machine-scoped, so that no workspace can send your credentials to another host. In a remote window or VS Code in the browser they belong to the machine the extension runs on: look under the Remote tab of Settings.",
      ),
    );
    await state.update(remoteSettingsToldKey, true);
    told = true;
  }
  await vscode.commands.executeCommand('workbench.action.openSettings', 'nexi.endpoints');
  return { ok: true, told };
}

export const credentialCommands: readonly CommandSpec[] = [
  { id: 'nexi.environment.select', needs: ['trustedWorkspace'], run: (ctx, ...args) => selectEnvironment(ctx, args) },
  { id: 'nexi.environment.add', needs: ['trustedWorkspace'], run: (ctx) => addEnvironment(ctx) },
  { id: 'nexi.environment.remove', needs: ['trustedWorkspace'], run: (ctx, ...args) => removeEnvironment(ctx, args) },
  { id: 'nexi.credentials.set', needs: ['trustedWorkspace'], run: (ctx, ...args) => setField(ctx, args) },
  { id: 'nexi.credentials.replace', needs: ['trustedWorkspace'], run: (ctx, ...args) => setField(ctx, args) },
  { id: 'nexi.credentials.clear', needs: ['trustedWorkspace', 'credentials'], run: (ctx, ...args) => clearField(ctx, args) },
  { id: 'nexi.credentials.clearEnvironment', needs: ['trustedWorkspace', 'credentials'], run: (ctx, ...args) => clearEnvironment(ctx, args) },
  { id: 'nexi.credentials.importFile', needs: ['trustedWorkspace'], run: (ctx, ...args) => importFile(ctx, args) },
  { id: 'nexi.credentials.open', needs: ['trustedWorkspace'], run: (ctx, ...args) => openField(ctx, args) },
  { id: 'nexi.endpoints.openSettings', needs: ['trustedWorkspace'], run: (ctx) => openEndpointSettings(ctx) },
  { id: 'nexi.credentials.importClipboard', needs: ['trustedWorkspace'], run: (ctx, ...args) => importClipboard(ctx, args) },
  { id: 'nexi.credentials.exportCertificate', needs: ['trustedWorkspace', 'credentials'], run: (ctx, ...args) => exportCertificate(ctx, args) },
  { id: 'nexi.credentials.exportPrivateKey', needs: ['trustedWorkspace', 'credentials'], run: (ctx, ...args) => exportPrivateKey(ctx, args) },
  { id: 'nexi.credentials.createCsr', needs: ['trustedWorkspace'], run: (ctx, ...args) => createCsr(ctx, args) },
  {
    id: 'nexi.credentials.refresh',
    needs: ['trustedWorkspace'],
    run: (ctx) => {
      ctx.credentials.store.refresh();
      return { ok: true };
    },
  },
  {
    id: 'nexi.prodGuard.reset',
    needs: ['trustedWorkspace'],
    run: (ctx) => {
      ctx.credentials.prodGuard.resetOptOut();
      return done(ctx, vscode.l10n.t('Every call to a production environment asks for confirmation again.'));
    },
  },
];
