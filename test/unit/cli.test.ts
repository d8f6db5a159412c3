import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { inputFromPairs } from '../../src/cli/build';
import fc from 'fast-check';
import { wholeLines, wholeLogFlags, type Io } from '../../src/cli/io';
import { jsonExplanation } from '../../src/core/explain/json';
import { decodeText } from '../../src/core/explain/explain';
import { lineIndex } from '../../src/core/text';
import { run as runCli } from '../../src/cli/main';
import { generateCorpus } from '../../bench/corpus';

// English whatever the machine's LANG: these tests assert the CLI's English output (cliLang.test.ts covers Italian).
const run = (argv: readonly string[], io: Parameters<typeof runCli>[1]) => runCli(argv, io, { ...process.env, LC_ALL: 'C.UTF-8' });

const root = path.resolve(__dirname, '..', '..');
const logcat = fs.readFileSync(path.join(root, 'samples', 'logcat.log'), 'utf8');

async function cli(argv: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => stdin, color: false };
  const code = await run(argv, io);
  return { code, out, err };
}

describe('CLI', () => {
  describe('decode', () => {
    it('explains every URI of a whole log from standard input', async () => {
      const r = await cli(['decode'], logcat);
      assert.equal(r.code, 0);
      assert.equal(r.out.match(/^(Request|Result) /gm)?.length, 7);
      assert.match(r.out, /^Result reversal line 8, column \d+$/m);
      assert.match(r.out, /f39 = 400\n.*\n {6}→ Reversal accepted \(inferred\)\n/);
      // The reading of the whole URI, with where each fact comes from (issue 15).
      assert.match(r.out, /\n {4}· Amount reversed: €4\.50 \(f04; inferred\)\n/);
      assert.match(r.out, /TLV008 8:\d+ +f55: Tag 9F10 declares 18 bytes/);
    });

    it('--json gives the documented shape', async () => {
      const r = await cli(['decode', '--json'], logcat);
      assert.equal(r.code, 0);
      const out = JSON.parse(r.out) as Array<Record<string, unknown>>;
      assert.equal(out.length, 7);
      const declined = out[3] as { kind: string; operation: string; range: { start: number; end: number; line: number; column: number }; result: { code: string; meaning: string; outcome: string }; fields: Array<Record<string, unknown>>; diagnostics: unknown[] };
      assert.deepEqual(Object.keys(declined), ['kind', 'operation', 'uri', 'range', 'result', 'summary', 'transaction', 'reading', 'fields', 'diagnostics']);
      assert.equal(declined.kind, 'result');
      assert.equal(declined.operation, 'payment');
      assert.equal(declined.range.line, 5);
      assert.equal(logcat.slice(declined.range.start, declined.range.start + 20), 'pizzapay://payment?r');
      assert.deepEqual(declined.result, { code: '21', meaning: declined.result.meaning, outcome: 'declined' });
      const action = declined.fields.find((f) => f.key === 'actionCode')!;
      assert.deepEqual(Object.keys(action), ['key', 'rawValue', 'value', 'label', 'explanation', 'interpretation', 'details', 'provenance', 'sources']);
      assert.equal(action.interpretation, 'Not sufficient funds');
      assert.equal(action.provenance, 'nexi-documented');
    });

    it('takes TEXT arguments, and exits 1 when no URI is found', async () => {
      assert.equal((await cli(['decode', 'neximpos://payment?amount=1'])).code, 0);
      const none = await cli(['decode', 'nothing here']);
      assert.equal(none.code, 1);
      assert.match(none.err, /No App2App URI found/);
      assert.equal((await cli(['decode', '--json', 'nothing'])).out, '[]\n');
    });

    it('reads standard input for - (as for most commands that read files), as with no TEXT', async () => {
      for (const args of [['decode'], ['decode', '--json']]) {
        const fromStdin = await cli(args, logcat);
        assert.equal(fromStdin.code, 0);
        assert.deepEqual(await cli([...args, '-'], logcat), fromStdin);
      }
      // `-` among other words is text.
      assert.equal((await cli(['decode', '-', 'neximpos://payment?amount=100'], logcat)).out.match(/^(Request|Result) /gm)?.length, 1);
    });

    it('never shows an unmasked PAN', async () => {
      const r = await cli(['decode', '--json', 'app://payment?result=0&operationType=PAYMENT&callerTrxId=1&pan=4111111111111111']);
      assert.ok(!r.out.includes('4111111111111111'));
      assert.match(r.out, /A2R001/);
    });
  });

  describe('help', () => {
    it('of an unknown command is a usage error, as the command itself is; the general help names every --json', async () => {
      const r = await cli(['help', 'foo']);
      assert.equal(r.code, 2);
      assert.match(r.err, /unknown command 'foo'/);
      assert.equal(r.out, '');
      const all = await cli(['help']);
      assert.equal(all.code, 0);
      assert.match(all.out, /--json \(decode, validate, build, check, reconcile, simulate, scenarios, rehearse\)/);
    });

    it('and version take no more arguments: an extra one is a usage error, not ignored', async () => {
      for (const [argv, extra] of [[['version', 'extra'], 'extra'], [['--version', 'decode'], 'decode'], [['help', 'decode', 'x'], 'x']] as const) {
        const r = await cli([...argv]);
        assert.equal(r.code, 2, argv.join(' '));
        assert.equal(r.out, '');
        assert.match(r.err, new RegExp(`unexpected argument '${extra}'`));
      }
      assert.equal((await cli(['version'])).code, 0);
      assert.equal((await cli(['help', 'decode'])).code, 0);
    });

    it('says where an option given before its command goes', async () => {
      const r = await cli(['--json', 'decode', 'neximpos://payment?amount=100']);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(r.err, "nexi-app2app: --json goes after the command: nexi-app2app decode --json …\nRun 'nexi-app2app help decode' for usage.\n");
      assert.match((await cli(['--lang', 'it', '--json', 'validate', 'x'])).err, /--json va dopo il comando: nexi-app2app validate --json …/);
      // Not before a command: still an unknown one.
      assert.match((await cli(['--frob'])).err, /unknown command '--frob'/);
    });

    it('describes the options whose effect is not in their name: simulate --json (what it holds), sandbox --quiet', async () => {
      for (const [lang, json, quiet] of [
        ['en', /\n {2}--json {7}print the result URI with the operation, product, result code and the transaction/, /\n {2}--quiet {14}no line per request/],
        ['it', /\n {2}--json {7}stampa l'URI di esito con operazione, prodotto, codice di esito e la transazione/, /\n {2}--quiet {14}nessuna riga per richiesta/],
      ] as const) {
        assert.match((await cli(['--lang', lang, 'help', 'simulate'])).out, json);
        assert.match((await cli(['--lang', lang, 'help', 'sandbox'])).out, quiet);
      }
    });

    it('describes every option its usage line names, on a line of its own, in every language', async () => {
      // decode, validate, build, check and reconcile named --json (check its --terminal-id and --caller-trx-id) in the
      // usage line only.
      for (const lang of ['en', 'it']) {
        for (const command of ['decode', 'validate', 'build', 'check', 'sandbox', 'reconcile', 'simulate', 'scenarios', 'rehearse', 'mcp']) {
          const help = (await cli(['--lang', lang, 'help', command])).out;
          const usage = help.split('\n')[0]!;
          for (const option of new Set(usage.match(/--[a-z-]+/g) ?? [])) {
            assert.match(help, new RegExp(`\\n {2,}(--[a-z-]+ \\| )?${option}\\b`), `${lang} ${command} ${option}`);
          }
        }
      }
    });
  });

  describe('card numbers in what validate, build and usage errors print', () => {
    const pan = '4111111111111111';
    const grouped = '4111 1111 1111 1111';
    it('are masked: the URI, its carets and messages, the built URI, --json, and every usage error that quotes an argument', async () => {
      const runs = [
        ['validate', `neximpos://payment?amount=${pan}&callerTrxId=X1&callerName=${encodeURIComponent(grouped)}&uri=a%3A%2F%2F${pan}`],
        ['validate', '--json', `neximpos://payment?amount=${pan}&callerTrxId=X1&callerName=x&uri=a://b`],
        ['build', 'payment', `amount=${pan}`, 'callerTrxId=X1', `callerName=${grouped}`, 'uri=a://b'],
        ['build', '--json', 'payment', `amount=${pan}`, 'callerTrxId=X1', 'callerName=x', 'uri=a://b'],
        ['build', pan, 'amount=1'],
        ['build', 'payment', `${pan}=1`],
        [pan],
        ['decode', `--${pan}`],
        ['--lang', pan, 'decode', 'x'],
      ];
      for (const argv of runs) {
        const r = await cli(argv);
        const all = r.out + r.err;
        assert.ok(all.includes('411111******1111') || all.includes('4111 11** **** 1111'), `${argv.join(' ')}: masked\n${all}`);
        assert.ok(!all.replace(/[ +-]|%20/g, '').includes(pan), `${argv.join(' ')}: unmasked\n${all}`);
      }
    });

    it('leave the URI’s own identifier (callerTrxId) as it is, as decode does', async () => {
      const r = await cli(['build', 'payment', 'amount=100', `callerTrxId=${pan}`, 'callerName=x', 'uri=a://b']);
      assert.match(r.out, new RegExp(`callerTrxId=${pan}`));
    });
  });

  describe('validate', () => {
    it('exits 1 with the diagnostics and carets when there are errors', async () => {
      const r = await cli(['validate', 'neximpos://payment?amount=1,50&callerTrxId=x&callerName=y&uri=a://b']);
      assert.equal(r.code, 1);
      assert.match(r.out, /^invalid {2}1 error,/);
      assert.match(r.out, /error +A2A\d{3} 1:\d+ +.*amount/);
      assert.match(r.out, /\^\^\^/);
    });

    it('exits 0 for a valid URI (warnings allowed) and reads URIs from standard input', async () => {
      const ok = 'neximpos://payment?amount=150&callerTrxId=x&callerName=y&uri=demo%3A%2F%2Fpayment';
      assert.equal((await cli(['validate', ok])).code, 0);
      const r = await cli(['validate', '--json'], `${ok}\nneximpos://payment?amount=0\n`);
      assert.equal(r.code, 1);
      const out = JSON.parse(r.out) as Array<{ uri: string; valid: boolean; diagnostics: Array<{ code: string }> }>;
      assert.deepEqual(out.map((o) => o.valid), [true, false]);
    });

    it('an unknown option names the option it most likely meant', async () => {
      const r = await cli(['validate', '--jsn', 'neximpos://payment?amount=1']);
      assert.equal(r.code, 2);
      assert.match(r.err, /unknown option --jsn; did you mean --json\?/);
      assert.match((await cli(['validate', '--frobnicate', 'x'])).err, /unknown option --frobnicate\n/);
      assert.match((await cli(['sandbox', '--prot', '1'])).err, /unknown option --prot; did you mean --port\?/);
      assert.match((await cli(['--lang', 'it', 'decode', '--jsn', 'x'])).err, /opzione sconosciuta --jsn; forse si intendeva --json\?/);
    });

    it('reads one URI per line from standard input for -', async () => {
      const ok = 'neximpos://payment?amount=150&callerTrxId=x&callerName=y&uri=demo%3A%2F%2Fpayment';
      const stdin = `${ok}\nneximpos://payment?amount=0\n`;
      const dash = await cli(['validate', '-'], stdin);
      assert.equal(dash.code, 1);
      assert.deepEqual(dash, await cli(['validate'], stdin));
      assert.equal(dash.out.match(/^(valid|invalid) /gm)?.length, 2);
    });

    it('standard input without a URI is a usage error, not a pass', async () => {
      for (const stdin of ['', '\n  \n']) {
        const r = await cli(['validate', '--json'], stdin);
        assert.equal(r.code, 2);
        assert.equal(r.out, '');
        assert.match(r.err, /no URI on standard input: give one URI per line, or the URI as an argument/);
      }
    });

    it('validates a URI pasted with its surrounding code', async () => {
      const r = await cli(['validate', '--json', 'val u = "neximpos://payment?amount=-5&callerTrxId=x&callerName=y&uri=a%3A%2F%2Fb"']);
      const [only] = JSON.parse(r.out) as Array<{ diagnostics: Array<{ code: string; range: { start: number } }> }>;
      assert.equal(only!.diagnostics.length, 1);
      assert.equal(only!.diagnostics[0]!.range.start, 'val u = "neximpos://payment?amount='.length);
    });
  });

  describe('build', () => {
    it('encodes values as Uri.Builder does, in catalog order, with additional tags in pairs', async () => {
      const r = await cli(['build', 'payment', 'amount=1250', 'callerTrxId=A-1', 'callerName=Pizza Pay', 'uri=pizzapay://payment', 'sendTicket=false', 'autoClose=true', 'email=a@b.it', 'addInfoKey1=table', 'addInfo1=12']);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, 'neximpos://payment?amount=1250&callerName=Pizza%20Pay&callerTrxId=A-1&email=a%40b.it&sendTicket=false&uri=pizzapay%3A%2F%2Fpayment&addInfoKey1=table&addInfo1=12&autoClose=true\n');
    });

    it('prints the URI but exits 1 when it is invalid; --json carries the diagnostics', async () => {
      const r = await cli(['build', '--json', 'payment', 'amount=1', 'autoClose=true']);
      assert.equal(r.code, 1);
      const out = JSON.parse(r.out) as { uri: string; valid: boolean; diagnostics: Array<{ code: string }> };
      assert.equal(out.valid, false);
      assert.ok(out.diagnostics.length >= 3);
    });

    it('usage errors exit 2 with a did-you-mean', async () => {
      const op = await cli(['build', 'payments', 'amount=1']);
      assert.equal(op.code, 2);
      assert.match(op.err, /did you mean 'payment'/);
      const key = await cli(['build', 'payment', 'amout=1']);
      assert.equal(key.code, 2);
      assert.match(key.err, /'amout' is not a payment parameter; did you mean 'amount'/);
      assert.equal((await cli(['build', 'payment', 'sendTicket=yes'])).code, 2);
      assert.equal((await cli(['build', 'payment', 'addInfoKey6=x'])).code, 2);
      assert.equal((await cli(['bogus'])).code, 2);
      assert.equal((await cli(['decode', '--frobnicate'])).code, 2);
      assert.equal((await cli([])).code, 2);
    });

    it('a key given twice is a usage error naming it (the URI would keep one value without a word)', async () => {
      for (const pairs of [['amount=100', 'amount=200'], ['addInfoKey1=a', 'addInfo1=x', 'addInfoKey1=b']]) {
        const r = await cli(['build', 'payment', ...pairs]);
        assert.equal(r.code, 2);
        assert.equal(r.out, '');
        assert.match(r.err, new RegExp(`^nexi-app2app: '${pairs[0]!.split('=')[0]}' is given twice: a request takes one value per key\\n`));
      }
      assert.match((await cli(['--lang', 'it', 'build', 'payment', 'amount=1', 'amount=1'])).err, /'amount' è indicato due volte: una richiesta accetta un solo valore per chiave/);
    });

    it('maps legacy addInfoN without keys to legacy tags', () => {
      assert.deepEqual(inputFromPairs('payment', ['addInfo2=b', 'addInfo1=a']), { operation: 'payment', legacyAddInfo: ['a', 'b'] });
    });
  });

  describe('the bundled binary (dist/cli.js on Node 20)', () => {
    before(function () {
      this.timeout(60000);
      const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });

    const bin = (args: string[], input?: string) => spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });

    it('decodes standard input, prints help and version, and uses exit codes 0/1/2', () => {
      const decoded = bin(['decode', '--json'], logcat);
      assert.equal(decoded.status, 0, decoded.stderr);
      assert.equal((JSON.parse(decoded.stdout) as unknown[]).length, 7);
      assert.equal(bin(['validate', 'neximpos://payment?amount=0']).status, 1);
      assert.equal(bin(['nope']).status, 2);
      const version = bin(['version']);
      assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version);
      assert.match(bin(['help']).stdout, /decode \[TEXT…\]/);
    });

    it('decode, validate, build and version start without the TLS, HTTP and process code of the connected commands, nor fs/promises', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-cli-'));
      try {
        // Notes every module the binary asks Node for, printed as it exits.
        const hook = path.join(dir, 'hook.js');
        fs.writeFileSync(hook, "const M = require('module'); const seen = new Set(); const load = M._load; M._load = function (r, ...a) { seen.add(r); return load.call(this, r, ...a); }; process.on('exit', () => process.stderr.write('\\nloaded: ' + [...seen].join(' ') + '\\n'));");
        const loaded = (args: string[]) => {
          const r = spawnSync(process.execPath, ['-r', hook, path.join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8' });
          return /^loaded: (.*)$/m.exec(r.stderr)![1]!.split(' ');
        };
        for (const args of [['decode', 'neximpos://payment?amount=1'], ['validate', 'neximpos://payment?amount=1'], ['build', 'payment', 'amount=1'], ['version']]) {
          const modules = loaded(args);
          // fs/promises: @vscode/l10n's, for reading bundles from files, which the CLI never asks it to do (esbuild.js).
          for (const heavy of ['crypto', 'tls', 'https', 'http', 'child_process', 'fs/promises']) assert.ok(!modules.includes(heavy) && !modules.includes(`node:${heavy}`), `${args[0]} loads ${heavy}: ${modules.join(' ')}`);
        }
        // The connected commands load them when they run, and their help still reads.
        assert.ok(loaded(['check', '--env', 'nope', 'x']).some((m) => /tls|https|crypto/.test(m)));
        assert.match(bin(['help', 'check']).stdout, /check/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reads standard input from a file as from a pipe, also from where it stands in the file', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-cli-'));
      try {
        const file = path.join(dir, 'logcat.log');
        fs.writeFileSync(file, logcat);
        const fromPipe = bin(['decode'], logcat);
        const fromFile = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'decode'], { cwd: root, encoding: 'utf8', stdio: [fs.openSync(file, 'r'), 'pipe', 'pipe'] });
        assert.equal(fromFile.status, 0, fromFile.stderr);
        assert.equal(fromFile.stdout, fromPipe.stdout);
        // `(read first; nexi-app2app decode) < log`: the rest of the file, not all of it.
        const fd = fs.openSync(file, 'r');
        // The first two lines: the second holds a URI.
        const firstLine = logcat.indexOf('\n', logcat.indexOf('\n') + 1) + 1;
        fs.readSync(fd, Buffer.alloc(firstLine), 0, firstLine, null);
        const rest = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'decode', '--json'], { cwd: root, encoding: 'utf8', stdio: [fd, 'pipe', 'pipe'] });
        assert.equal((JSON.parse(rest.stdout) as unknown[]).length, 6);
        assert.deepEqual(JSON.parse(rest.stdout), JSON.parse(bin(['decode', '--json'], logcat.slice(firstLine)).stdout));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reads a log larger than its chunks from a file or a pipe as it would read it whole, non-ASCII split across chunks', async function () {
      this.timeout(60000);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-cli-'));
      try {
        // ~300 KB: several 64 KiB chunks; lines of € and — cross chunk boundaries somewhere (3-byte characters).
        const noise = 'I/Kasse: Summe € 12,50 — Beleg gedruckt ✓\n'.repeat(7);
        const big = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? noise : '') + logcat).join('').repeat(Math.ceil((5 * 65536) / Buffer.byteLength(logcat) / 40));
        assert.ok(Buffer.byteLength(big) > 4 * 65536);
        const file = path.join(dir, 'big.log');
        fs.writeFileSync(file, big);
        const env = { ...process.env, LC_ALL: 'C.UTF-8' };
        for (const args of [['decode'], ['decode', '--json']]) {
          const whole = await cli(args, big);
          assert.equal(whole.code, 0);
          const fromFile = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8', stdio: [fs.openSync(file, 'r'), 'pipe', 'pipe'], env, maxBuffer: 1 << 28 });
          assert.equal(fromFile.status, 0, fromFile.stderr);
          assert.equal(fromFile.stdout, whole.out, `${args.join(' ')} < file`);
          const fromPipe = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8', input: big, env, maxBuffer: 1 << 28 });
          assert.equal(fromPipe.stdout, whole.out, `… | ${args.join(' ')}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('lets the young generation grow to its full size at once for a whole log, unless node is told otherwise', function () {
      this.timeout(60000);
      // main.ts: a decode allocates many short-lived strings; grown step by step, the young generation was scavenged
      // twice as often. Counted with --trace-gc (its lines go to standard output, between the decode's own).
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-cli-'));
      try {
        const file = path.join(dir, 'logcat.log');
        fs.writeFileSync(file, generateCorpus(4 * 1024 * 1024).text);
        // From the file, or through a pipe (`cat log | nexi-app2app decode`: grown once 1 MiB has come).
        const scavenges = (nodeOptions: string[], pipe = false): number => {
          const stdio = pipe ? 'pipe' : fs.openSync(file, 'r');
          const r = spawnSync(process.execPath, [...nodeOptions, '--trace-gc', path.join(root, 'dist', 'cli.js'), 'decode'], { cwd: root, encoding: 'utf8', stdio: [stdio, 'pipe', 'pipe'], ...(pipe ? { input: fs.readFileSync(file) } : {}), maxBuffer: 1 << 28 });
          assert.equal(r.status, 0, r.stderr);
          return (r.stdout.match(/\[\d+:0x[0-9a-f]+\]\s+\d+ ms: Scavenge/g) ?? []).length;
        };
        const doubling = scavenges(['--semi-space-growth-factor=2']);
        for (const pipe of [false, true]) {
          const atOnce = scavenges([], pipe);
          assert.ok(atOnce > 0 && atOnce < doubling * 0.7, `${pipe ? 'piped' : 'from the file'}: ${atOnce} scavenges, against ${doubling} growing by doubling`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('tunes V8 for a whole log with the flags this V8 has, leaving alone those node was given', () => {
      const node20 = '11.3.244.8-node.33';
      const tiering = ['--bytecode-size-allowance-per-tick=600', '--ticks-before-optimization=2'];
      assert.deepEqual(wholeLogFlags(node20, ''), ['--semi-space-growth-factor=16', ...tiering]);
      // Later V8s have no such tiering flags: setting one would print "unrecognized flag" on standard error.
      assert.deepEqual(wholeLogFlags('12.4.254.21-node.33', ''), ['--semi-space-growth-factor=16']);
      assert.deepEqual(wholeLogFlags('13.6.233.17-node.53', '--max-old-space-size=4096'), ['--semi-space-growth-factor=16']);
      // Given to node (either spelling of a V8 flag), in NODE_OPTIONS or its arguments: node's value stands.
      assert.deepEqual(wholeLogFlags(node20, '--semi_space_growth_factor=2'), tiering);
      assert.deepEqual(wholeLogFlags(node20, '--semi-space-growth-factor=2 --bytecode_size_allowance_per_tick=150'), []);
      assert.deepEqual(wholeLogFlags(node20, '--ticks-before-optimization=3'), ['--semi-space-growth-factor=16']);
      // What this process's node gets: no error message on standard error for a whole log from a file.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-cli-'));
      try {
        const file = path.join(dir, 'logcat.log');
        fs.writeFileSync(file, generateCorpus(1.5 * 1024 * 1024).text);
        const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'decode'], { cwd: root, encoding: 'utf8', stdio: [fs.openSync(file, 'r'), 'ignore', 'pipe'] });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stderr, '');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('has the explainer optimised after fewer URIs with the tiering flags, where this V8 takes them', function () {
      this.timeout(120000);
      const flags = wholeLogFlags(process.versions.v8, '').filter((f) => !f.startsWith('--semi-space'));
      if (flags.length === 0) this.skip(); // a V8 without them (see wholeLogFlags)
      // V8's own view, through its test intrinsics: how many URIs of a log are explained before readTransaction (1.7 KB
      // of bytecode, run once per URI) runs as TurboFan's code, with the flags set at run time as the CLI sets them, and
      // without. Compiled on the main thread: in the background, when its code arrives depends on what else the
      // compiler threads have queued and on the machine's load (V8's decision to optimise is what the flags change).
      const script = (tuned: boolean) => `
        const v8 = require('v8');
        for (const flag of ${JSON.stringify(tuned ? flags : [])}) v8.setFlagsFromString(flag);
        const { readTransaction } = require(${JSON.stringify(path.join(root, 'src/core/transaction/model.ts'))});
        const { explainScanned } = require(${JSON.stringify(path.join(root, 'src/core/explain/explain.ts'))});
        const { scanEach } = require(${JSON.stringify(path.join(root, 'src/core/app2app/scan.ts'))});
        const { generateCorpus } = require(${JSON.stringify(path.join(root, 'bench/corpus.ts'))});
        let uris = 0;
        for (const scanned of scanEach(generateCorpus(8 * 1024 * 1024).text)) {
          explainScanned(scanned).summary;
          uris++;
          if (%ActiveTierIsTurbofan(readTransaction)) break;
        }
        process.stdout.write(JSON.stringify({ uris, optimised: %ActiveTierIsTurbofan(readTransaction) }));`;
      const urisUntil = (tuned: boolean): number => {
        const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', '-r', 'tsx/cjs', '-e', script(tuned)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
        assert.equal(r.status, 0, r.stderr);
        const out = JSON.parse(r.stdout) as { uris: number; optimised: boolean };
        assert.ok(out.optimised, `readTransaction not optimised after ${out.uris} URIs${tuned ? ' (tuned)' : ''}`);
        return out.uris;
      };
      const before = urisUntil(false);
      const after = urisUntil(true);
      assert.ok(after < before * 0.6, `optimised after ${after} URIs with ${flags.join(' ')}, ${before} without`);
    });

    it('prints what a live log (`adb logcat | nexi-app2app decode`) holds as its lines come, before the log ends', async function () {
      this.timeout(60000);
      const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'decode'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
      let out = '';
      let more = () => undefined as void;
      child.stdout.on('data', (d: Buffer) => ((out += d.toString()), more()));
      const seen = async (pattern: RegExp) => {
        while (!pattern.test(out)) await new Promise<void>((resolve) => (more = resolve));
      };
      // The first URI's line, and half of the next line: the first is explained while the log is still open.
      child.stdin.write('05-16 14:51:51.000 I/App: neximpos://payment?amount=1250&callerTrxId=LIVE-1&uri=pizzapay://payment\n05-16 14:51:52.000 I/App: neximpos://rev');
      await seen(/callerTrxId = LIVE-1/);
      assert.doesNotMatch(out, /^Request reversal/m, 'the unfinished line waits for its end');
      child.stdin.end('ersal?callerTrxId=LIVE-2&uri=pizzapay://reversal\n');
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      assert.equal(code, 0);
      assert.match(out, /^Request reversal line 2, column 27$/m);
    });

    /** Runs the bundled binary on `stdin`, reads one chunk of its output, then closes the pipe, as `head` does. */
    async function closedEarly(command: string, stdin: string): Promise<{ code: number | null; err: string }> {
      const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), command], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      child.stdin.end(stdin);
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      return { code, err };
    }

    it('stops quietly when the reader closes the pipe early (`decode < big.log | head`)', async function () {
      this.timeout(60000);
      const { code, err } = await closedEarly('decode', Array.from({ length: 40 }, () => logcat).join(''));
      assert.equal(code, 0, err);
      assert.doesNotMatch(err, /EPIPE|Error/);
    });

    it('keeps the exit status of a command whose reader closed the pipe early (`validate … | head`)', async function () {
      this.timeout(60000);
      // 2,000 invalid URIs: far more output than a pipe holds, so most of it is written after the reader is gone.
      const { code, err } = await closedEarly('validate', Array.from({ length: 2000 }, (_, i) => `neximpos://payment?amount=${i}.5&callerTrxId=x`).join('\n'));
      assert.equal(code, 1, err);
      assert.doesNotMatch(err, /EPIPE|Error/);
    });
  });

  describe('decode input as it comes', () => {
    it('cuts standard input into whole lines whose text is the text of the whole, whatever the chunks', async () => {
      // Newlines, ASCII, characters of 2, 3 and 4 bytes, and bytes that are no UTF-8 (a lone continuation byte, a
      // truncated sequence): cut anywhere, even inside a character.
      const pieces = ['\n', 'a', 'é', '€', '😀', '\r\n', '\\', '\r'].map((t) => [...Buffer.from(t)]).concat([[0x80], [0xe2, 0x82], [0xff]]);
      const input = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((ps) => Uint8Array.from(ps.flat()));
      await fc.assert(
        fc.asyncProperty(input, fc.array(fc.nat(80), { maxLength: 12 }), async (bytes, cuts) => {
          const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((start, i) => bytes.subarray(start, i < at.length ? at[i] : bytes.length));
          const got: string[] = [];
          for await (const piece of wholeLines(chunks)) got.push(piece);
          assert.equal(got.join(''), Buffer.from(bytes).toString('utf8'));
          assert.ok(got.every((p) => p.length > 0));
          // …a line not continued by a backslash (a string literal's line continuation: the URI goes on).
          assert.ok(got.slice(0, -1).every((p) => p.endsWith('\n') && !/\\\r?\n$/.test(p)), 'every piece but the last ends a line');
        }),
        { numRuns: 2000 },
      );
    });

    it('keeps no piece of a long live log alive through the wordings it keeps (heap after 24 MB of 64 KB pieces)', async () => {
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as () => void;
      // One result URI per 64 KB piece, each with values of its own that the explainer keeps the wording of.
      const filler = `I/Noise: ${'x'.repeat(120)}\n`.repeat(500);
      const chunks = function* () {
        for (let i = 0; i < 400; i++) yield Buffer.from(`I/App: demonexi://payment?result=0&amount=100&operationType=PAYMENT&actionCode=000&acquirerName=Acquirer-${String(i).padStart(12, '0')}&merchantId=M${String(i).padStart(14, '0')}\n${filler}`);
      };
      gc();
      const before = process.memoryUsage().heapUsed;
      let found = 0;
      const io: Io = { stdout: (t) => void (found += t.split('\nResult payment').length - 1), stderr: () => undefined, readStdin: () => assert.fail('read whole'), stdinLines: () => ({ pieces: wholeLines(chunks()), live: false }), color: false };
      assert.equal(await run(['decode'], io), 0);
      gc();
      const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
      assert.ok(found >= 399, `${found} URIs`);
      // Holding the pieces would be ~25 MB (the whole input).
      assert.ok(grown < 10, `the heap grew by ${grown.toFixed(1)} MB`);
    });

    it('decodes pieces of whole lines as it decodes the text whole: the same lines, columns and offsets', async () => {
      const big = generateCorpus(1024 * 1024).text;
      const bytes = Buffer.from(big);
      // Chunks of uneven sizes, as a pipe gives them.
      const chunks: Uint8Array[] = [];
      for (let at = 0, i = 0; at < bytes.length; i++) chunks.push(bytes.subarray(at, (at += 1000 + ((i * 7919) % 90000))));
      for (const argv of [['decode'], ['decode', '--json']]) {
        const whole = await cli(argv, big);
        let out = '';
        let pieces = 0;
        const lines = async function* () {
          for await (const piece of wholeLines(chunks)) {
            pieces++;
            yield piece;
          }
        };
        const io: Io = { stdout: (t) => (out += t), stderr: () => undefined, readStdin: () => assert.fail('read whole'), stdinLines: () => ({ pieces: lines(), live: false }), color: false };
        assert.equal(await run(argv, io), 0);
        assert.ok(pieces > 10, `${pieces} pieces`);
        assert.equal(out, whole.out, argv.join(' '));
      }
    });
  });

  describe('decode output as it goes', () => {
    it('writes in chunks as it goes, the same text as all at once, and waits for standard output after each chunk', async () => {
      const big = Array.from({ length: 40 }, () => logcat).join('');
      const chunks: string[] = [];
      let waits = 0;
      const io: Io = { stdout: (t) => chunks.push(t), stderr: () => undefined, readStdin: async () => big, color: false, drained: async () => void waits++ };
      assert.equal(await run(['decode', '--json'], io), 0);
      const where = lineIndex(big);
      assert.equal(chunks.join(''), JSON.stringify(decodeText(big).map((e) => jsonExplanation(e, where)), null, 2) + '\n');
      // Many URIs per write (not one write per URI or per line), yet not the whole output at once: every chunk but
      // the last holds at least 64 Ki characters, and output waits for standard output after each.
      assert.ok(chunks.length > 1, `written as it goes (${chunks.length} writes)`);
      assert.ok(chunks.slice(0, -1).every((c) => c.length >= 65536), `chunks of at least 64 Ki characters: ${chunks.map((c) => c.length).join(', ')}`);
      assert.equal(waits, chunks.length, `waited for standard output ${waits} times`);
    });

    it('where standard output takes bytes, writes the same text in UTF-8, in chunks, each written before the next', async () => {
      // A generated log: thousands of URIs, with text beyond Latin-1 (€ amounts, → and — in the explanations).
      const big = generateCorpus(3 * 1024 * 1024).text;
      for (const argv of [['decode'], ['decode', '--json']]) {
        let text = '';
        const asText: Io = { stdout: (t) => (text += t), stderr: () => undefined, readStdin: async () => big, color: false };
        const bytes: Uint8Array[] = [];
        let untouched = 0;
        // Each write takes a while, as a slow reader's pipe does: the bytes must stay as they are until it is done.
        const stdoutBytes = async (b: Uint8Array): Promise<void> => {
          const copy = Uint8Array.from(b);
          bytes.push(copy);
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (Buffer.compare(b, copy) === 0) untouched++;
        };
        const asBytes: Io = { ...asText, stdout: () => assert.fail('text written where bytes are taken'), stdoutBytes };
        assert.equal(await run(argv, asText), 0);
        assert.equal(await run(argv, asBytes), 0);
        assert.equal(untouched, bytes.length, 'no bytes changed while being written');
        assert.match(text, /€/, 'the output holds characters beyond Latin-1');
        assert.equal(Buffer.concat(bytes).toString('utf8'), text, argv.join(' '));
        assert.ok(bytes.length > 10 && bytes.slice(0, -1).every((b) => b.length >= 65536), `chunks of at least 64 KiB: ${bytes.length} writes`);
      }
    });
  });
});
