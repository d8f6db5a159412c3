// Command line of the real-VS Code harness.
//
//   tsx test/harness/cli.ts --suite out/test/integration/index.js [--workspace samples] [--dev .]
//        [--install-vsix file.vsix]… [--install-fixture NAME]… [--report test-results/integration.json] [--timeout 600] [--workspace-trust] [--locale it] [--verbose]
//
// Workspace trust is off unless --workspace-trust is given (then the folder opens in Restricted Mode).
// --locale it runs VS Code in Italian (test/harness/fixtures/language-pack-it is packaged and installed first).
// --install-fixture NAME packages test/harness/fixtures/NAME (an extension) and installs it too.
// --screenshots DIR lets the suite photograph the workbench (npm run screenshots).
//
// Exit codes: 0 all tests passed · 1 a test failed, or the suite reported no test · 2 usage ·
// 3 code-server died · 4 timeout · 5 page crashed · 6 harness error · 7 setup failed.
import * as fs from 'fs';
import * as path from 'path';
import { describeTools, ensureHarness, repoRoot, SetupError } from './setup';
import { fixtureVsix, languagePackVsix } from './fixtureVsix';
import { runSuite } from './runSuite';

interface Args {
  suite?: string;
  dev: string;
  workspace?: string;
  installVsix: string[];
  installFixtures: string[];
  report?: string;
  name?: string;
  timeout: number;
  verbose: boolean;
  workspaceTrust: boolean;
  locale?: string;
  screenshots?: string;
}

function usage(message: string): never {
  console.error(`error: ${message}\nusage: cli.ts --suite <compiled index.js> [--dev <extension dir>] [--workspace <dir>] [--install-vsix <file>]… [--install-fixture <name>]… [--report <json>] [--name <suite name>] [--timeout <s>] [--workspace-trust] [--locale <lang>] [--screenshots <dir>] [--verbose]`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dev: repoRoot, installVsix: [], installFixtures: [], timeout: 600, verbose: !!process.env.NEXI_HARNESS_VERBOSE, workspaceTrust: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--suite': args.suite = path.resolve(value()); break;
      case '--dev': args.dev = path.resolve(value()); break;
      case '--workspace': args.workspace = path.resolve(value()); break;
      case '--install-vsix': args.installVsix.push(path.resolve(value())); break;
      case '--install-fixture': args.installFixtures.push(value()); break;
      case '--report': args.report = path.resolve(value()); break;
      case '--name': args.name = value(); break;
      case '--timeout': args.timeout = Number(value()); break;
      case '--verbose': args.verbose = true; break;
      case '--workspace-trust': args.workspaceTrust = true; break;
      case '--locale': args.locale = value(); break;
      case '--screenshots': args.screenshots = path.resolve(value()); break;
      default: usage(`unknown argument ${flag}`);
    }
  }
  if (!args.suite) usage('--suite is required');
  if (!fs.existsSync(args.suite)) usage(`${path.relative(process.cwd(), args.suite)} does not exist: build the suites first (node esbuild.js --tests)`);
  if (!Number.isFinite(args.timeout) || args.timeout <= 0) usage('--timeout takes a number of seconds');
  for (const v of args.installVsix) if (!fs.existsSync(v)) usage(`${v} does not exist: run npm run package first`);
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const name = args.name ?? path.basename(path.dirname(args.suite!));
  const report = args.report ?? path.join(repoRoot, 'test-results', `${name}.json`);
  let tools;
  try {
    tools = ensureHarness();
  } catch (err) {
    console.error(`[harness] setup failed: ${(err as Error).message}`);
    return err instanceof SetupError ? 7 : 6;
  }
  console.log(`[harness] ${describeTools(tools)}`);
  // Packaged into temporary folders, deleted once the suite ran.
  const packaged: { vsix: string; dir: string }[] = [];
  try {
    if (args.locale && !args.locale.toLowerCase().startsWith('en')) packaged.push(languagePackVsix(args.locale));
    for (const name of args.installFixtures) packaged.push(fixtureVsix(name));
  } catch (err) {
    for (const p of packaged) fs.rmSync(p.dir, { recursive: true, force: true });
    console.error(`[harness] ${(err as Error).message}`);
    return 6;
  }
  args.installVsix.push(...packaged.map((p) => p.vsix));
  const result = await runSuite(tools, {
    suite: args.suite!,
    extensionDevelopmentPath: args.dev,
    ...(args.workspace ? { workspace: args.workspace } : {}),
    ...(args.installVsix.length ? { installExtensions: args.installVsix } : {}),
    reportPath: report,
    suiteName: name,
    timeoutSeconds: args.timeout,
    verbose: args.verbose,
    workspaceTrust: args.workspaceTrust,
    ...(args.locale ? { locale: args.locale } : {}),
    ...(args.screenshots ? { screenshotDir: args.screenshots } : {}),
  });
  for (const p of packaged) fs.rmSync(p.dir, { recursive: true, force: true });
  const { exit } = result;
  const rel = path.relative(process.cwd(), report);
  if (exit.kind !== 'completed') {
    const code = { 'server-died': 3, timeout: 4, 'page-crashed': 5, 'harness-error': 6 }[exit.kind];
    console.error(`[harness] ${name}: ${exit.message}`);
    if (result.report) console.log(`${result.report.passed} passed, ${result.report.failed} failed`);
    return code;
  }
  if (!result.report) {
    console.error(`[harness] ${name}: the extension host exited with ${exit.exitCode} but the suite wrote no report to ${rel} (did it load?)`);
    return 1;
  }
  const { passed, failed, pending } = result.report;
  console.log(`[harness] ${name}: report in ${rel} (${result.seconds.toFixed(1)} s)`);
  console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  if (passed + failed === 0) {
    console.error(`[harness] ${name}: no test ran`);
    return 1;
  }
  return exit.exitCode !== 0 || failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('[harness] fatal:', err);
    process.exit(6);
  },
);
