// nexi-app2app: the command line over the same core as the extension. One file per subcommand.
import { version } from '../../package.json';
import { build, buildHelp } from './build';
import { check, checkHelp } from './check';
import { decode, decodeHelp } from './decode';
import { processIo, UsageError, type Io } from './io';
import { reconcile, reconcileHelp } from './reconcile';
import { sandbox, sandboxHelp } from './sandbox';
import { simulate, simulateHelp } from './simulate';
import { validate, validateHelp } from './validate';

const usage = `nexi-app2app ${version} — Nexi SoftPOS / MobilePOS App2App toolkit

Usage: nexi-app2app <command> [options]

Commands:
  decode [TEXT…]            explain every App2App URI in TEXT or standard input (a whole log works)
  validate URI…             check request URIs; exit 1 when there are errors
  build OPERATION key=val…  print a request URI, encoded as Android's Uri.Builder does
  check --terminal-id …     look a transaction up with Nexi's checkTransaction API
  reconcile FILE            check every transaction of a log against the backend
  simulate REQUEST_URI      print the result URI Nexi POS would answer with (--outcome …)
  sandbox [--port N]        run the local sandbox of Nexi's B2B API
  help [COMMAND]            show help
  version                   print the version

Options: --json (decode, validate, build) prints the stable JSON shape documented in the README.
Exit status: 0 success, 1 findings (errors, nothing found), 2 usage errors; check: 3 not found;
reconcile: 4 discrepancies found.
`;

const helps: Record<string, string> = { decode: decodeHelp, validate: validateHelp, build: buildHelp, check: checkHelp, sandbox: sandboxHelp, reconcile: reconcileHelp, simulate: simulateHelp };

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(helps[command ?? ''] ?? usage);
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
        return await check(rest, io);
      case 'sandbox':
        return await sandbox(rest, io);
      case 'reconcile':
        return await reconcile(rest, io);
      case 'simulate':
        return await simulate(rest, io);
      case 'version':
      case '--version':
      case '-v':
        io.stdout(`${version}\n`);
        return 0;
      case 'help':
      case '--help':
      case '-h':
        io.stdout(helps[rest[0] ?? ''] ?? usage);
        return 0;
      case undefined:
        io.stderr(usage);
        return 2;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`nexi-app2app: ${err.message}\nRun 'nexi-app2app help${command && helps[command] ? ` ${command}` : ''}' for usage.\n`);
      return 2;
    }
    throw err;
  }
}

if (require.main === module) {
  run(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`nexi-app2app: internal error: ${(err as Error).stack ?? String(err)}\nPlease report it with the command you ran (without secrets).\n`);
      process.exitCode = 1;
    },
  );
}
