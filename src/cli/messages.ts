// The CLI's own words: help, usage errors, headings and labels of the human output. English here, other languages
// in the l10n bundles (key: the English text), read through the core's l10n.ts. The locale is set once per run from
// `--lang`, else from the environment (LC_ALL / LC_MESSAGES / LANG / LANGUAGE); `--json` keeps its keys and enum
// values, and the sandbox's JSON request log stays English. Options, commands, environment variables, file names,
// URIs and exit statuses never change: only the prose is translated.
import { fillTemplate, type TemplateValues } from '../core/codes/text';
import { translated } from '../core/l10n';

export const cliMessagesEn = {
  // main.ts
  usage: `nexi-app2app {version} — Nexi SoftPOS / MobilePOS App2App toolkit

Usage: nexi-app2app <command> [options]

Commands:
  decode [TEXT…]            explain every App2App URI in TEXT or standard input (a whole log works)
  validate URI…             check request URIs; exit 1 when there are errors
  build OPERATION key=val…  print a request URI, encoded as Android's Uri.Builder does
  check --terminal-id …     look a transaction up with Nexi's checkTransaction API
  reconcile FILE            check every transaction of a log against the backend
  simulate REQUEST_URI      print the result URI Nexi POS would answer with (--outcome …)
  sandbox [--port N]        run the local sandbox of Nexi's B2B API
  scenarios                 list the test amounts that choose a simulated outcome
  rehearse                  a logcat session from the scenarios, checked in a local sandbox and reconciled
  mcp [--read-only]         serve these tools to AI agents over the Model Context Protocol (stdio)
  help [COMMAND]            show help
  version                   print the version

Options: --json (decode, validate, build, check, reconcile, simulate, scenarios, rehearse) prints the stable JSON
shape documented in the README.
Exit status: 0 success, 1 findings (errors, nothing found), 2 usage errors; check: 3 not found;
reconcile: 4 discrepancies found.
`,
  usageLanguage: `Language: --lang {locales} (any position), else LC_ALL, LC_MESSAGES, LANG or LANGUAGE; --json keys stay the same.
`,
  runForUsage: "Run '{command}' for usage.",
  unknownCommand: "unknown command '{command}'",
  optionBeforeCommand: "{option} goes after the command: nexi-app2app {command} {option} …",
  langNeedsValue: '--lang needs a value: {locales}',
  langUnsupported: "unsupported language '{lang}': --lang takes {locales}",
  orList: '{first} or {last}',
  internalError: 'internal error: {error}',
  reportIt: 'Please report it with the command you ran (without secrets).',

  // io.ts, connection.ts, profiles.ts
  unknownOption: 'unknown option {option}',
  unknownOptionSuggestion: 'unknown option {option}; did you mean {suggestion}?',
  needsValue: '{flag} needs a value',
  secretOnArgv: '{flag} is not accepted on the command line (it would land in shell history and process lists); use the environment variable NEXI_CLIENT_SECRET / NEXI_KEY_PASSPHRASE or standard input',
  noSuchFile: 'no such file',
  needsBaseUrl: 'needs --base-url (or --env with a profile that has baseUrl)',
  productionNeedsConfirmation: '{target} is Nexi\'s production: real merchants and real transactions. Add {flag} to send the call.',
  baseUrlHttps: '--base-url must be an https:// URL (credentials are only sent over TLS)',
  needsAppId: 'needs --app-id',
  needsKeyMaterial: 'needs --cert and --key, or --p12',
  noClientSecret: 'no client secret: set NEXI_CLIENT_SECRET or pipe it on standard input',
  connectionHelp: `Connection options (or --env NAME for a profile in ~/.config/nexi-app2app/profiles.json):
  --base-url URL          token/JWKS base, also the assertion's aud (e.g. https://stgb2bsoftpos.nexigroup.com)
  --check-url URL         checkTransaction URL (default: base URL + /mpos-core/app/checkTransaction)
  --cert FILE --key FILE  developer certificate and private key (PEM), or
  --p12 FILE              PKCS#12 bundle
  --ca FILE               extra CA bundle (PEM), trusted in addition to the system roots
  --app-id ID             client id (APP ID)
  --terminal-ids T1,T2    terminal ids of the app
  --username EMAIL  --device-id ID  --point-of-sale CODE   optional assertion claims
  --proxy URL             HTTP proxy (default: HTTPS_PROXY, honouring NO_PROXY)
  --confirm-production    required to call Nexi's production (its hosts, or a profile with "production": true)
Secrets: NEXI_CLIENT_SECRET and NEXI_KEY_PASSPHRASE (only for an encrypted key or a PKCS#12), or standard input,
one per line, in that order, for those not set in the environment. Never on the command line.`,
  profilesNotJson: '{file} is not valid JSON ({error}); fix or delete it',
  profilesNotObject: '{file} must hold an object of profiles',
  profileMissing: "no CLI profile '{name}' in {file}",
  profileMissingKnown: "no CLI profile '{name}' in {file} (known: {known})",
  profileSandboxNext: "'nexi-app2app sandbox' saves it when it starts: start the sandbox first",
  profileHasSecret: "profile '{name}' contains '{key}': profiles must not hold secrets; remove it and use NEXI_CLIENT_SECRET / NEXI_KEY_PASSPHRASE",

  // decode.ts
  decodeHelp: `Usage: nexi-app2app decode [--json] [TEXT…]

Finds every App2App request and result URI in TEXT (or in standard input when no TEXT is given, or TEXT
is -: pipe a whole logcat, or a live one: each URI is explained as soon as its line is complete) and
explains every field. Exit status: 0 when at least one URI was found, 1 when none was.
  --json   a JSON array instead of text, one object per URI: its range, summary, transaction reading, fields
           and diagnostics
`,
  decodeNeedsText: 'decode needs TEXT, or text on standard input (e.g. adb logcat -d | nexi-app2app decode)',
  decodeNothingFound: 'No App2App URI found (looked for neximpos://… requests and …://payment|reversal|last_transaction|accounting_closure?… results).',

  // validate.ts
  validateHelp: `Usage: nexi-app2app validate [--json] URI…

Checks App2App request URIs (neximpos://…) against Nexi's documentation: required parameters, values,
encoding, additional tags, autoClose/sendTicket, artefacts of copied examples. Without URI (or with -),
reads one URI per line from standard input. Exit status: 0 valid (warnings allowed), 1 at least one
error, 2 no URI.
  --json   a JSON array instead of text, one object per URI: the URI, whether it is valid, its diagnostics
`,
  validateNeedsUri: 'validate needs a URI (quote it: the shell treats & as a command separator)',
  validateEmptyStdin: 'validate found no URI on standard input: give one URI per line, or the URI as an argument (quoted)',
  valid: 'valid',
  invalid: 'invalid',
  countErrorOne: '{count} error',
  countErrorMany: '{count} errors',
  countWarningOne: '{count} warning',
  countWarningMany: '{count} warnings',
  countInfoOne: '{count} info',
  countInfoMany: '{count} infos',

  // build.ts
  buildHelp: `Usage: nexi-app2app build [--json] OPERATION key=value…

OPERATION is one of: {operations}.
Values are given unencoded (the builder percent-encodes them); additional tags as addInfoKey1=… addInfo1=….
Example: nexi-app2app build payment amount=1250 callerTrxId=A-1 "callerName=Pizza Pay" uri=pizzapay://payment sendTicket=false autoClose=true
Exit status: 0 when the URI is valid, 1 when it has errors (the URI is still printed), 2 on usage errors.
  --json   a JSON object instead of the URI alone: the URI, whether it is valid, its diagnostics
`,
  notKeyValue: "'{pair}' is not key=value",
  buildNeedsOperation: 'build needs an OPERATION and key=value pairs',

  // render.ts
  request: 'Request',
  result: 'Result',
  unknownOperation: '(unknown operation)',
  lineColumn: 'line {line}, column {column}',
  noValue: '(no value)',
  empty: '(empty)',
  tlvLength: '({length} bytes)',
  sourcesHeading: 'Sources:',
  severityError: 'error',
  severityWarning: 'warning',
  severityInfo: 'info',
  severityHint: 'hint',

  // check.ts
  checkHelp: `Usage: nexi-app2app check --terminal-id TID --caller-trx-id ID [options] [--json]

Looks a transaction up with Nexi's B2B checkTransaction API (token over mTLS, JWKS, RS256 JWT in a JWE).
  --terminal-id TID       the terminal that made the transaction
  --caller-trx-id ID      the callerTrxId the app sent with its request
  --json                  JSON instead of text: the transaction as Nexi returned it, each field explained, the
                          attempts made

{connectionHelp}
Exit status: 0 found, 3 not found, 1 other errors (the message starts with the error code), 2 usage.
`,
  unexpectedArgument: "unexpected argument '{argument}'",
  checkNeedsIds: 'check needs --terminal-id and --caller-trx-id',
  found: 'found',
  notFound: 'not found',
  error: 'error',
  foundTransaction: 'terminal {terminalId}, callerTrxId {callerTrxId}',
  readAs: ' (read as {field})',
  next: 'Next: {step}',

  // reconcile.ts
  reconcileHelp: `Usage: nexi-app2app reconcile FILE [options] [--concurrency N] [--terminal-id TID] [--json | --csv]

Finds every payment/reversal result URI in FILE (a logcat or any log; - for standard input is not supported,
since standard input carries secrets), plus every request that never got a result, and checks each against the
backend. Classifies each: match, mismatch (which fields), APP FAILED BUT BACKEND APPROVED, not found, error.
  --concurrency N   checks in flight (default 4)
  --terminal-id T   terminal for lines without one (payment requests carry no TID; default: the first of
                    --terminal-ids / the profile's)
  --json | --csv    the report as JSON, or as CSV with one row per transaction, instead of text

{connectionHelp}
Exit status: 0 everything matches, 4 discrepancies found (any mismatch, approved-but-failed, not found or error),
1 the run failed or the log has nothing to check, 2 usage.
`,
  reconcileNeedsFile: 'reconcile needs exactly one FILE',
  jsonOrCsv: 'choose one of --json and --csv',
  concurrencyRange: '--concurrency takes a whole number from 1 to 64',
  reconcileNothing: 'No payment or reversal URI with a callerTrxId found in {file}.',
  isDirectory: 'is a folder: give the path of the log file',
  reconcileNoStdin: 'reconcile reads the log from a file, not from standard input (standard input carries secrets): save the log to a file and give its path',
  progress: '{done}/{total} checked',
  totalTransactionsOne: '{count} transaction',
  totalTransactionsMany: '{count} transactions',
  totalMatchOne: '{count} match',
  totalMismatchOne: '{count} mismatch',
  totalMismatchMany: '{count} mismatch',
  totalFailedApprovedOne: '{count} app failed but backend approved',
  totalNotFoundOne: '{count} not found',
  totalErrorsOne: '{count} error',
  totalErrorsMany: '{count} errors',
  entryTerminal: 'terminal {terminalId}',
  approvedButFailedOne: '{count} payment was approved by Nexi while the app recorded a failure or no result: the customer was charged. Reverse it or complete the order.',
  approvedButFailedMany: '{count} payments were approved by Nexi while the app recorded a failure or no result: the customers were charged. Reverse them or complete the orders.',

  // simulate.ts
  simulateHelp: `Usage: nexi-app2app simulate REQUEST_URI [--outcome OUTCOME] [--product softpos|mobilepos] [--register] [--adb] [--json]

Prints the result URI Nexi POS would send back for REQUEST_URI, shaped like Nexi's published examples.
  --outcome    approved | declined[:ACTIONCODE] | cancelled | softpos-error[:X-Y-Z] | result:N (any documented code);
               default: chosen by the request's amount (see 'nexi-app2app scenarios'; other amounts are approved)
  --product    softpos (receipt keys f04…CT123) or mobilepos (default: mobilepos)
  --register   register the transaction in the sandbox started by 'nexi-app2app sandbox' (profile 'sandbox'),
               so checkTransaction and reconciliation find it
  --adb        deliver the result to the app on the connected Android device or emulator
               (adb shell am start -a android.intent.action.VIEW -d '…')
  --json       print the result URI with the operation, product, result code and the transaction as checkTransaction
               would return it (JSON)
`,
  mcpHelp: `Usage: nexi-app2app mcp [--read-only]

Serves the toolkit to AI agents over the Model Context Protocol on standard input and output (for terminal agents,
other editors, and VS Code, which the extension configures itself). Tools: nexi_decode_uri, nexi_validate_uri,
nexi_build_uri, nexi_explain_code, nexi_simulate_result (read-only), and nexi_list_profiles,
nexi_check_transaction, nexi_reconcile_log, which use a CLI profile (--env NAME of check/reconcile). Secrets come
from this server's environment: NEXI_CLIENT_SECRET, NEXI_KEY_PASSPHRASE — never from tool arguments. A production
profile needs "production": true and your confirmation of each call through the client (MCP elicitation); a client
that cannot ask is refused.
  --read-only  only the tools that read their arguments (no profile, no network)
Example client configuration: { "command": "nexi-app2app", "args": ["mcp"], "env": { "NEXI_CLIENT_SECRET": "…" } }
`,
  simulateNeedsUri: 'simulate needs one REQUEST_URI (quote it: the shell treats & as a command separator)',
  productValues: '--product is softpos or mobilepos',
  notRegistered: 'not registered: this outcome never reaches the host',
  noSandboxProfile: "no running sandbox profile: start 'nexi-app2app sandbox' first",
  sandboxAnswered: 'the sandbox answered {status}: {body}',
  registerFailed: "could not register the transaction: {error}. Is 'nexi-app2app sandbox' running?",
  registered: 'registered in the sandbox at {url}',
  note: 'note: {note}',
  adbNotFound: 'adb was not found on PATH. Install the Android SDK platform-tools (https://developer.android.com/tools/releases/platform-tools) or add them to PATH.',
  adbFailed: 'adb failed ({status}): {output}',
  delivered: 'delivered to the device: {output}',
  notDelivered: 'not delivered to the device: in this scenario the result never reaches the app (it sees no result; checkTransaction knows the outcome)',

  // sandbox.ts
  sandboxHelp: `Usage: nexi-app2app sandbox [--port N] [--pki DIR] [--latency MS] [fault options] [--verbose-errors] [--reason-header] [--quiet]

Starts the local sandbox of Nexi's B2B API (token, JWKS, checkTransaction) over HTTPS with mandatory client
certificates, seeded with the transactions of samples/logcat.log. Prints its URL and the generated credentials,
saves the CLI profile 'sandbox', and logs one JSON line per request (with the reason of every refusal). Ctrl+C stops it.
  --port N             port on 127.0.0.1 (default: a free one)
  --pki DIR            keep the generated CA, server and client certificates in DIR and reuse them
                       (default: {pkiDefault})
  --latency MS         add latency to every response
Errors are as opaque as Nexi's documented ones (a bare 401 "Unauthorized", 404 for an unknown transaction):
  --verbose-errors     say the reason in the error bodies instead (for debugging)
  --reason-header      add the reason as an X-Sandbox-Reason header to every refusal
Faults, to rehearse a bad day (every Nth request to each targeted endpoint, counted per endpoint):
  --fail-every N       answer a JSON error (--fail-status 500, 502, 503 or 504; default 503)
  --html-502-every N   answer a gateway's HTML 502 page
  --drop-every N       close the connection before any answer
  --endpoints LIST     where: token,jwks,check (default: all three)
  --rotate-jwks-after N  a new encryption key after every N checks
  --clock-offset S     the sandbox's clock is S seconds ahead (negative: behind)
  --token-ttl S        access tokens live S seconds
  --quiet              no line per request (the URL, credentials and profile are still printed)
`,
  portNumber: '--port takes a port number',
  latencyMs: '--latency takes milliseconds',
  positiveCount: '{flag} takes a whole number of at least 1',
  failStatus: '--fail-status takes 500, 502, 503 or 504',
  faultEndpoints: '--endpoints takes a comma-separated list of token, jwks and check',
  clockOffset: '--clock-offset takes seconds (a whole number, negative for behind)',
  sandboxFaults: 'faults',
  sandboxListeningNew: 'Nexi B2B sandbox listening on {url} (new PKI in {dir})',
  sandboxListeningReused: 'Nexi B2B sandbox listening on {url} (reused PKI in {dir})',
  sandboxCheckTransaction: 'checkTransaction',
  sandboxClientId: 'client id',
  sandboxClientSecret: 'client secret',
  sandboxSecretNote: '(a sandbox-only value)',
  sandboxCertificate: 'certificate',
  sandboxPrivateKey: 'private key',
  sandboxCa: 'CA to trust',
  sandboxTerminals: 'terminals',
  sandboxProfile: 'CLI profile',
  sandboxProfileSaved: "'sandbox' saved in {file}",
  sandboxTry: 'Try: {command}',
  sandboxStop: 'Ctrl+C stops the sandbox.',

  // scenarios.ts
  scenariosHelp: `Usage: nexi-app2app scenarios [--product softpos|mobilepos] [--json]

Lists the scenario catalogue: request amounts (in cents) that choose what the simulator answers when no --outcome
is given ('nexi-app2app simulate', 'nexi-app2app rehearse'), and what checkTransaction then says in the sandbox.
Every amount not listed is approved. Rows marked (inferred) rest on our reading, not on a Nexi source.
  --product    only the scenarios of softpos or mobilepos
  --json       the catalogue as JSON (ids, amounts, products, expected result, action code, backend answer)
`,
  scenariosAmount: 'amount',
  scenariosId: 'scenario',
  scenariosProducts: 'products',
  scenariosResult: 'result',
  scenariosAction: 'action code',
  scenariosDescription: 'description',
  scenariosNotFound: 'not found',
  scenariosLost: 'never reaches the app',
  scenariosInferred: '(inferred)',
  scenariosFooter: "Try: nexi-app2app simulate 'neximpos://payment?amount={amount}&callerTrxId=T1&callerName=MyShop&uri=myapp%3A%2F%2Fpayment'",

  // rehearse.ts
  rehearseHelp: `Usage: nexi-app2app rehearse [--out FILE] [--pki DIR | --env NAME] [--seed N] [--json]

A rehearsal in one command: writes a realistic logcat session built from the scenario catalogue (payments with
every outcome, a result that never reached the app, a reversal, an accounting closure), starts a local sandbox on
127.0.0.1 for the run, registers what the host saw, and reconciles the log against it, so every classification of
'nexi-app2app reconcile' appears. Nothing leaves this machine; the sandbox stops when the run ends.
  --out FILE   where to write the log (default: a new file in the system's temporary directory; the path is printed)
  --pki DIR    keep the sandbox's CA and certificates in DIR and reuse them (default: a temporary directory, removed)
  --env NAME   use the sandbox already running under CLI profile NAME ('nexi-app2app sandbox' saves 'sandbox'),
               so its request log shows the checks; only a sandbox on this machine
  --seed N     the same session for the same N on the same day (default: a new one each run)
  --json       the steps, the expected and the actual reconciliation as JSON
Exit status: 0 the rehearsal ran and every classification came out as expected, 1 it did not, 2 usage.
`,
  rehearseSeed: '--seed takes a whole number of at least 1',
  rehearseWriteFailed: 'could not write the log to {file}: {error}. Choose another --out.',
  rehearseTitle: 'Rehearsal: {count} operations from the scenario catalogue, as the device logged them on {date}.',
  rehearseLog: 'Log written to {file}',
  rehearseSandbox: 'Local sandbox on {url}: {count} transactions registered (what the host saw; the others never reached it).',
  rehearseSteps: 'Operations, and the classification each must get:',
  rehearseNotTransaction: 'not a transaction (skipped)',
  rehearseReconciling: "Reconciliation ('nexi-app2app reconcile {file}' against the sandbox):",
  rehearseAsExpected: 'Every classification came out as expected.',
  rehearseUnexpected: 'The reconciliation differs from what the rehearsal expected ({expected}). Please report it with the log.',
  rehearsePkiOrEnv: 'choose one of --pki (a sandbox for the run) and --env (a running sandbox)',
  rehearseLocalOnly: "profile '{name}' is not a local sandbox (https://127.0.0.1…, with certificate and key): start 'nexi-app2app sandbox' and use --env sandbox, or leave --env out",
  rehearseRegisterFailed: "could not register the rehearsal's transactions in the sandbox at {url}: {error}. Is 'nexi-app2app sandbox' running?",
  rehearseFailed: 'The reconciliation could not run against the local sandbox (see above).',
} as const;

/** Plurals whose English equals the singular ("{count} match") while other languages tell them apart. */
export const cliManyMessagesEn = {
  totalMatchMany: '{count} match',
  totalFailedApprovedMany: '{count} app failed but backend approved',
  totalNotFoundMany: '{count} not found',
} as const;

/** The scenarios table's column of the backend answer (the same English as the sandbox's checkTransaction line). */
export const cliColumnMessagesEn = {
  scenariosBackend: 'checkTransaction',
} as const;

export type CliMessageKey = keyof typeof cliMessagesEn | keyof typeof cliManyMessagesEn | keyof typeof cliColumnMessagesEn;

const messages = translated('cli.messages', cliMessagesEn);
const manyMessages = translated('cli.many', cliManyMessagesEn, { context: 'many' });
const columnMessages = translated('cli.columns', cliColumnMessagesEn, { context: 'scenarios column' });

const has = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/** The CLI text of `key` in the current core locale, `{name}` placeholders filled in one pass. */
export function t(key: CliMessageKey, params: TemplateValues = {}): string {
  const template = has(cliManyMessagesEn, key)
    ? manyMessages()[key as keyof typeof cliManyMessagesEn]
    : has(cliColumnMessagesEn, key)
      ? columnMessages()[key as keyof typeof cliColumnMessagesEn]
      : messages()[key as keyof typeof cliMessagesEn];
  return fillTemplate(template, params);
}

/** `one` for a count of 1, `many` otherwise. */
export function tn(count: number, one: CliMessageKey, many: CliMessageKey, params: TemplateValues = {}): string {
  return t(count === 1 ? one : many, { count, ...params });
}

/** A list for a sentence in the current locale: "en or it", "en, fr or it". */
export function orList(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return t('orList', { first: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}
