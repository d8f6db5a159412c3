// nexi-app2app: the command line over the same core as the extension. One file per subcommand.
import { version } from '../../package.json';
import { availableLocales, getLocale, localeFromEnv, parseLocale, setLocale, type Locale } from '../core/l10n';
import { build, buildHelp } from './build';
import { decode, decodeHelp } from './decode';
import { processIo, UsageError, type Io } from './io';
import { maskPans } from '../core/redact';
import { orList, t } from './messages';
import { validate, validateHelp } from './validate';

// The commands that reach a backend, run the sandbox or simulate a terminal (and the TLS, JOSE and HTTP code they
// bring) are loaded when they run: `decode`, `validate` and `build` start without them.
// (`require`: bundled, the module's code runs when first required; tests run the sources under tsx's CommonJS hook.)
const connected = {
  check: (): typeof import('./check') => require('./check'),
  sandbox: (): typeof import('./sandbox') => require('./sandbox'),
  reconcile: (): typeof import('./reconcile') => require('./reconcile'),
  simulate: (): typeof import('./simulate') => require('./simulate'),
  scenarios: (): typeof import('./scenarios') => require('./scenarios'),
  rehearse: (): typeof import('./rehearse') => require('./rehearse'),
};

function usage(): string {
  return t('usage', { version }) + t('usageLanguage', { locales: availableLocales().join('|') });
}

const helps: Record<string, () => string> = {
  decode: decodeHelp,
  validate: validateHelp,
  build: buildHelp,
  check: () => connected.check().checkHelp(),
  sandbox: () => connected.sandbox().sandboxHelp(),
  reconcile: () => connected.reconcile().reconcileHelp(),
  simulate: () => connected.simulate().simulateHelp(),
  scenarios: () => connected.scenarios().scenariosHelp(),
  rehearse: () => connected.rehearse().rehearseHelp(),
  mcp: () => t('mcpHelp'),
};

function isCommand(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(helps, word);
}

function helpOf(command: string | undefined): string {
  return command !== undefined && isCommand(command) ? helps[command]!() : usage();
}

/** The command an option given before it (`--json decode …`: `--json`) belongs to, if one follows. */
function optionBefore(first: string | undefined, rest: readonly string[]): string | undefined {
  return first?.startsWith('-') ? rest.find(isCommand) : undefined;
}

/**
 * Takes the global `--lang LOCALE` (or `--lang=it`) out of `argv`, wherever it stands before a `--`: any locale with
 * a bundle in `l10n/`, English, or the pseudo-locale `qps-ploc`. Returns the remaining arguments and the language
 * asked for; throws a UsageError for a missing or unsupported language.
 */
export function extractLang(argv: readonly string[]): { argv: string[]; lang?: Locale } {
  const rest: string[] = [];
  let lang: Locale | undefined;
  let literal = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (literal || (a !== '--lang' && !a.startsWith('--lang='))) {
      if (a === '--') literal = true;
      rest.push(a);
      continue;
    }
    const value = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(t('langNeedsValue', { locales: orList(availableLocales()) }));
    const parsed = parseLocale(value);
    if (!parsed) throw new UsageError(t('langUnsupported', { lang: value, locales: orList(availableLocales()) }));
    lang = parsed;
  }
  return { argv: rest, ...(lang ? { lang } : {}) };
}

/**
 * Runs one command. The core locale is `--lang`, else the environment's (LC_ALL, LC_MESSAGES, LANG, LANGUAGE),
 * for the whole run; the previous locale is restored afterwards (tests run commands in-process).
 */
export async function run(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const previous = getLocale();
  setLocale(localeFromEnv(env));
  try {
    let args: string[];
    try {
      const extracted = extractLang(argv);
      args = extracted.argv;
      if (extracted.lang) setLocale(extracted.lang);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`nexi-app2app: ${maskPans(err.message)}\n${t('runForUsage', { command: 'nexi-app2app help' })}\n`);
      return 2;
    }
    return await dispatch(args, io, env);
  } finally {
    setLocale(previous);
  }
}

async function dispatch(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(helpOf(command));
      return 0;
    }
    switch (command) {
      case 'decode':
        return await decode(rest, io);
      case 'validate':
        return await validate(rest, io);
      case 'build':
        return build(rest, io);
      case 'check':
        return await connected.check().check(rest, io, env);
      case 'sandbox':
        return await connected.sandbox().sandbox(rest, io, env);
      case 'reconcile':
        return await connected.reconcile().reconcile(rest, io, env);
      case 'mcp':
        // The MCP server and its SDK load only for this command (the SDK is a bundle of its own). The server answers
        // with this CLI's own output: it is handed `run` rather than importing this module back.
        return await (await import('./mcp')).runMcp(rest, run, env);
      case 'simulate':
        return await connected.simulate().simulate(rest, io, env);
      case 'scenarios':
        return connected.scenarios().scenarios(rest, io);
      case 'rehearse':
        return await connected.rehearse().rehearse(rest, io, env);
      case 'version':
      case '--version':
      case '-v':
        // `version` takes nothing: `nexi-app2app version decode x` is a slip, not a request for the version.
        if (rest[0] !== undefined) throw new UsageError(t('unexpectedArgument', { argument: rest[0] }));
        io.stdout(`${version}\n`);
        return 0;
      case 'help':
      case '--help':
      case '-h':
        // `help foo`: no such command, said as for `nexi-app2app foo` (not the general help, exit 0, as if it were one).
        if (rest[0] !== undefined && !isCommand(rest[0])) throw new UsageError(t('unknownCommand', { command: rest[0] }));
        if (rest[1] !== undefined) throw new UsageError(t('unexpectedArgument', { argument: rest[1] }));
        io.stdout(helpOf(rest[0]));
        return 0;
      case undefined:
        io.stderr(usage());
        return 2;
      default: {
        // `nexi-app2app --json decode …`: an option before the command it belongs to.
        const after = optionBefore(command, rest);
        throw new UsageError(after === undefined ? t('unknownCommand', { command }) : t('optionBeforeCommand', { option: command, command: after }));
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      const named = command !== undefined && isCommand(command) ? command : optionBefore(command, rest);
      const helpCommand = `nexi-app2app help${named !== undefined ? ` ${named}` : ''}`;
      io.stderr(`nexi-app2app: ${maskPans(err.message)}\n${t('runForUsage', { command: helpCommand })}\n`);
      return 2;
    }
    throw err;
  }
}

/**
 * Commands whose promise settles once all their work is done (no server, no connection left open): when they have
 * written everything, the process ends at once. A whole log's decode otherwise spent ~30 ms after its last line
 * returning through the event loop and handing its heap back page by page, which no one waits for.
 */
const finishing: ReadonlySet<string> = new Set(['decode', 'validate', 'build', 'version', '--version', '-v', 'help', '--help', '-h']);

function finished(argv: readonly string[]): boolean {
  let command: string | undefined;
  try {
    command = extractLang(argv).argv[0];
  } catch {
    return false;
  }
  // Nothing still waiting to be written (on Linux writes to files and pipes are synchronous; elsewhere a pipe's are not).
  return command !== undefined && finishing.has(command) && process.stdout.writableLength === 0 && process.stderr.writableLength === 0;
}

if (require.main === module) {
  run(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
      if (finished(process.argv.slice(2))) process.exit(code);
    },
    (err: unknown) => {
      // The locale of the run is restored by now: take it from the arguments and the environment again.
      let locale = localeFromEnv(process.env);
      try {
        locale = extractLang(process.argv.slice(2)).lang ?? locale;
      } catch {
        // keep the environment's
      }
      setLocale(locale);
      process.stderr.write(`nexi-app2app: ${maskPans(t('internalError', { error: (err as Error).stack ?? String(err) }))}\n${t('reportIt')}\n`);
      process.exitCode = 1;
    },
  );
}
