// The CLI's language: --lang LOCALE (every locale with a bundle, and the pseudo-locale), else LC_ALL / LC_MESSAGES /
// LANG / LANGUAGE; --json keeps its keys and enum values in every language. Also the parsing of locales from the
// environment (src/core/l10n.ts).
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Io } from '../../src/cli/io';
import { extractLang, run } from '../../src/cli/main';
import { t, tn } from '../../src/cli/messages';
import { bundleOf, configureL10n, getLocale, localeFromEnv, parseLocale, setLocale, translatedTables, withLocale } from '../../src/core/l10n';
import { NexiError } from '../../src/core/nexi/errors';
import { certificate, rsaKey } from '../fixtures/pki';

const root = path.resolve(__dirname, '..', '..');
const logcat = fs.readFileSync(path.join(root, 'samples', 'logcat.log'), 'utf8');

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}, stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => stdin, color: false };
  const code = await run(argv, io, env);
  return { code, out, err };
}

/** The JSON with every string, number and boolean replaced by its type: keys, nesting and array lengths remain. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return value === null ? null : typeof value;
}

/** The values of the given keys anywhere in the JSON (enum values and identifiers that must not be translated). */
function valuesOf(value: unknown, keys: ReadonlySet<string>, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => valuesOf(v, keys, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (keys.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null)) out.push(`${k}=${String(v)}`);
      valuesOf(v, keys, out);
    }
  }
  return out;
}

const stable = new Set(['kind', 'operation', 'uri', 'code', 'outcome', 'provenance', 'severity', 'key', 'rawValue', 'value', 'tag', 'valid', 'start', 'end', 'line', 'column', 'length', 'sources']);

describe('CLI language', function () {
  this.timeout(60000);
  afterEach(() => setLocale('en'));

  describe('locale from the environment (src/core/l10n.ts)', () => {
    it('parseLocale reads BCP 47 tags and POSIX locales', () => {
      for (const tag of ['it', 'IT', 'it-IT', 'it_IT', 'it_IT.UTF-8', 'it_CH.utf8@euro', ' it ']) assert.equal(parseLocale(tag), 'it', tag);
      for (const tag of ['en', 'en-US', 'en_GB.UTF-8', 'C', 'C.UTF-8', 'POSIX']) assert.equal(parseLocale(tag), 'en', tag);
      for (const tag of ['de', 'de_DE.UTF-8', 'fr-FR', 'iti', '', undefined]) assert.equal(parseLocale(tag), undefined, String(tag));
    });

    it('localeFromEnv follows gettext: C wins, then LANGUAGE, then LC_ALL / LC_MESSAGES / LANG', () => {
      assert.equal(localeFromEnv({}), 'en');
      assert.equal(localeFromEnv({ LANG: 'it_IT.UTF-8' }), 'it');
      assert.equal(localeFromEnv({ LC_MESSAGES: 'it_IT.UTF-8', LANG: 'en_US.UTF-8' }), 'it');
      assert.equal(localeFromEnv({ LC_ALL: 'it_IT.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }), 'it');
      assert.equal(localeFromEnv({ LC_ALL: '', LANG: 'it_IT.UTF-8' }), 'it', 'an empty variable counts as unset');
      assert.equal(localeFromEnv({ LC_ALL: 'C', LANGUAGE: 'it' }), 'en', 'C means untranslated whatever LANGUAGE says');
      assert.equal(localeFromEnv({ LANG: 'C.UTF-8', LANGUAGE: 'it' }), 'en');
      assert.equal(localeFromEnv({ LC_MESSAGES: 'POSIX', LANG: 'it_IT.UTF-8' }), 'en');
      assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8', LANGUAGE: 'it:en' }), 'it', 'LANGUAGE comes before LANG');
      assert.equal(localeFromEnv({ LANG: 'it_IT.UTF-8', LANGUAGE: 'de:en' }), 'en', 'the first supported entry of LANGUAGE');
      assert.equal(localeFromEnv({ LANG: 'it_IT.UTF-8', LANGUAGE: 'de:fr' }), 'it', 'no supported entry: the locale');
      assert.equal(localeFromEnv({ LANG: 'de_DE.UTF-8' }), 'en', 'an unsupported language falls back to English');
    });
  });

  describe('--lang', () => {
    it('is taken out of the arguments wherever it stands (before --)', () => {
      assert.deepEqual(extractLang(['--lang', 'it', 'decode', 'x']), { argv: ['decode', 'x'], lang: 'it' });
      assert.deepEqual(extractLang(['decode', '--json', '--lang=en', 'x']), { argv: ['decode', '--json', 'x'], lang: 'en' });
      assert.deepEqual(extractLang(['decode', '--', '--lang', 'it']), { argv: ['decode', '--', '--lang', 'it'] });
      assert.deepEqual(extractLang(['--lang', 'it-IT', 'help']), { argv: ['help'], lang: 'it' });
    });

    it('--lang it prints the help in Italian, in any position', async () => {
      const main = await cli(['--lang', 'it', 'help']);
      assert.equal(main.code, 0);
      assert.match(main.out, /^Uso: nexi-app2app <comando> \[opzioni\]$/m);
      assert.match(main.out, /^ {2}decode \[TEXT…\] {12}spiega ogni URI App2App/m);
      const check = await cli(['check', '--help', '--lang=it']);
      assert.match(check.out, /^Uso: nexi-app2app check --terminal-id TID --caller-trx-id ID \[opzioni\] \[--json\]$/m);
      assert.match(check.out, /^Opzioni di connessione \(oppure --env NAME/m);
      assert.match(check.out, /^Codice di uscita: 0 trovata, 3 non trovata/m);
    });

    it('the Italian help keeps every option\'s placeholder as typed (--env NAME, --out FILE), as the usage lines do', async () => {
      // One help said --env NOME and the next --env NAME.
      for (const command of ['decode', 'validate', 'build', 'check', 'sandbox', 'reconcile', 'mcp', 'simulate', 'scenarios', 'rehearse']) {
        const en = (await cli(['help', command])).out;
        const it = (await cli(['--lang', 'it', 'help', command])).out;
        const placeholders = [...new Set([...en.matchAll(/--[a-z][a-z0-9-]*[ =][A-Z][A-Z0-9_,]*\b/g)].map((m) => m[0]))];
        for (const p of placeholders) assert.ok(it.includes(p), `${command}: "${p}" in the Italian help`);
      }
    });

    it('LANG=it_IT.UTF-8 gives Italian; LC_ALL=C with LANGUAGE=it gives English; --lang en wins over LANG', async () => {
      assert.match((await cli(['help'], { LANG: 'it_IT.UTF-8' })).out, /^Uso: nexi-app2app/m);
      const c = await cli(['help'], { LC_ALL: 'C', LANGUAGE: 'it' });
      assert.match(c.out, /^Usage: nexi-app2app <command> \[options\]$/m);
      assert.match((await cli(['help', '--lang', 'en'], { LANG: 'it_IT.UTF-8' })).out, /^Usage: nexi-app2app/m);
      assert.match((await cli(['help'], { LANG: 'en_US.UTF-8', LANGUAGE: 'it:en' })).out, /^Uso: /m);
    });

    it('an unsupported or missing language is a usage error (exit 2) that says what is accepted', async () => {
      const de = await cli(['decode', '--lang', 'de', 'x']);
      assert.equal(de.code, 2);
      assert.equal(de.out, '');
      assert.match(de.err, /^nexi-app2app: unsupported language 'de': --lang takes en or it\nRun 'nexi-app2app help' for usage\.\n$/);
      const deIt = await cli(['--lang', 'de', 'help'], { LANG: 'it_IT.UTF-8' });
      assert.equal(deIt.code, 2);
      assert.match(deIt.err, /lingua non supportata 'de': --lang accetta en oppure it/);
      const missing = await cli(['help', '--lang']);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /--lang needs a value: en or it/);
    });

    it('--lang takes every locale with a bundle, and help lists them (adding a language is adding its bundle)', async () => {
      const shipped = path.join(root, 'l10n');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-cli-l10n-'));
      try {
        for (const f of ['bundle.l10n.json', 'bundle.l10n.it.json']) fs.copyFileSync(path.join(shipped, f), path.join(dir, f));
        fs.writeFileSync(path.join(dir, 'bundle.l10n.xx.json'), JSON.stringify({ 'decode needs TEXT, or text on standard input (e.g. adb logcat -d | nexi-app2app decode)': 'xx: decode TEXT' }));
        configureL10n({ root: dir });
        assert.match((await cli(['help'])).out, /^Language: --lang en\|it\|xx \(any position\)/m);
        assert.match((await cli(['help', '--lang', 'it'])).out, /^Lingua: --lang en\|it\|xx /m);
        const xx = await cli(['decode', '--lang', 'xx-YY']);
        assert.equal(xx.code, 2);
        assert.match(xx.err, /^nexi-app2app: xx: decode TEXT$/m);
        assert.match((await cli(['--lang', 'de', 'help'])).err, /--lang takes en, it or xx$/m);
      } finally {
        configureL10n({ root: shipped });
        fs.rmSync(dir, { recursive: true, force: true });
      }
      assert.match((await cli(['help'])).out, /^Language: --lang en\|it \(any position\)/m);
    });

    it('--lang qps-ploc (the pseudo-locale) shows every CLI text marked, placeholders filled', async () => {
      const r = await cli(['--lang', 'qps-ploc', 'help']);
      assert.equal(r.code, 0);
      assert.match(r.out, /^⟦nexi-app2app \d+\.\d+\.\d+ — Nexi SoftPOS/);
      assert.match(r.out, /⟦Language: --lang en\|it \(any position\)/);
      const unknown = await cli(['--lang', 'qps-ploc', 'frob']);
      assert.equal(unknown.err, "nexi-app2app: ⟦unknown command 'frob'⟧\n⟦Run 'nexi-app2app help' for usage.⟧\n");
    });

    it('restores the locale it found after a run', async () => {
      setLocale('en');
      await cli(['--lang', 'it', 'help']);
      assert.equal(getLocale(), 'en');
      setLocale('it');
      await cli(['help'], { LC_ALL: 'C' });
      assert.equal(getLocale(), 'it');
    });
  });

  describe('human output in Italian', () => {
    it('decode: headings, positions and labels', async () => {
      const r = await cli(['decode', '--lang', 'it'], {}, logcat);
      assert.equal(r.code, 0);
      assert.equal(r.out.match(/^(Richiesta|Esito) /gm)?.length, 7);
      assert.match(r.out, /^Esito reversal riga 8, colonna \d+$/m);
      const en = await cli(['decode'], {}, logcat);
      assert.match(en.out, /^Result reversal line 8, column \d+$/m);
      const none = await cli(['decode', '--lang', 'it', 'niente'], {});
      assert.equal(none.code, 1);
      assert.match(none.err, /^Nessun URI App2App trovato/);
    });

    it('validate: verdict, counts and the severity column', async () => {
      const r = await cli(['validate', '--lang', 'it', 'neximpos://payment?amount=1,50&callerTrxId=x&callerName=y&uri=a://b']);
      assert.equal(r.code, 1);
      assert.match(r.out, /^non valido {2}1 errore, 0 avvisi, 0 informazioni$/m);
      assert.match(r.out, /^ {2}errore +A2A\d{3} 1:\d+ /m);
      const en = await cli(['validate', 'neximpos://payment?amount=1,50&callerTrxId=x&callerName=y&uri=a://b']);
      assert.match(en.out, /^invalid {2}1 error, 0 warnings, 0 infos$/m);
      assert.match(en.out, /^ {2}error {3}A2A\d{3} /m, 'English keeps its 7-wide severity column');
    });

    it('usage errors of the subcommands', async () => {
      const r = await cli(['check', '--terminal-id', '1', '--lang', 'it']);
      assert.equal(r.code, 2);
      assert.equal(r.err, "nexi-app2app: check richiede --terminal-id e --caller-trx-id\nEseguire 'nexi-app2app help check' per la guida.\n");
      assert.match((await cli(['check', '--client-secret', 'x', '--lang', 'it'])).err, /--client-secret non è accettato sulla riga di comando/);
      assert.match((await cli(['bogus', '--lang', 'it'])).err, /^nexi-app2app: comando sconosciuto 'bogus'\n/);
      assert.match((await cli(['decode', '--frobnicate', '--lang', 'it'])).err, /opzione sconosciuta --frobnicate/);
    });

    it('a B2B failure: Italian message and next step on the terminal, English in err.message', async () => {
      const err = new NexiError('TRANSACTION_NOT_FOUND', { status: 404, step: 'checkTransaction' });
      assert.match(err.message, /^TRANSACTION_NOT_FOUND: Transaction not found\./);
      // check against an unreachable loopback port: CONNECTION_FAILED, exit 1, in Italian.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-lang-'));
      try {
        const key = rsaKey();
        fs.writeFileSync(path.join(dir, 'k.pem'), key.pem);
        fs.writeFileSync(path.join(dir, 'c.pem'), certificate(key));
        const args = ['check', '--lang', 'it', '--base-url', 'https://127.0.0.1:1', '--cert', path.join(dir, 'c.pem'), '--key', path.join(dir, 'k.pem'), '--app-id', 'a', '--terminal-id', '1', '--caller-trx-id', '2'];
        const env = { NEXI_CLIENT_SECRET: 'secret-value-1234', XDG_CONFIG_HOME: dir };
        const it = await cli(args, env);
        assert.equal(it.code, 1, it.err);
        assert.match(it.err, /^errore {2}CONNECTION_FAILED: Connessione non riuscita\. Non è stato possibile aprire una connessione TCP/);
        assert.match(it.err, /\n {2}Come procedere: Verificare URL e porta/);
        const json = await cli([...args, '--json'], env);
        const en = await cli([...args.filter((a) => a !== '--lang' && a !== 'it'), '--json'], env);
        const [a, b] = [JSON.parse(json.out) as { error: { code: string; message: string; nextStep: string } }, JSON.parse(en.out) as { error: { code: string; message: string; nextStep: string } }];
        assert.deepEqual(shape(a), shape(b));
        assert.equal(a.error.code, b.error.code);
        assert.match(a.error.message, /Connessione non riuscita/);
        assert.match(b.error.message, /Connection failed/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('--json keeps its shape in every language', () => {
    it('decode, validate and build: same keys, same enum values; prose follows the language', async () => {
      for (const [argv, stdin] of [
        [['decode', '--json'], logcat],
        [['validate', '--json', 'neximpos://payment?amount=1,50&callerTrxId=x&callerName=y&uri=a://b', 'neximpos://payment?amount=150&callerTrxId=x&callerName=y&uri=demo%3A%2F%2Fpayment'], undefined],
        [['build', '--json', 'payment', 'amount=1', 'autoClose=true'], undefined],
      ] as const) {
        const en = await cli([...argv], {}, stdin);
        const it = await cli([...argv, '--lang', 'it'], {}, stdin);
        assert.equal(it.code, en.code, argv.join(' '));
        const [jsonEn, jsonIt] = [JSON.parse(en.out) as unknown, JSON.parse(it.out) as unknown];
        assert.deepEqual(shape(jsonIt), shape(jsonEn), `${argv[0]}: keys`);
        assert.deepEqual(valuesOf(jsonIt, stable), valuesOf(jsonEn, stable), `${argv[0]}: enum values`);
        if (argv[0] !== 'build') assert.notEqual(it.out, en.out, `${argv[0]}: the prose is Italian`);
      }
    });
  });

  describe('the CLI tables', () => {
    it('every English text has an Italian one in the bundle with the same placeholders and options', () => {
      const same = new Set(['cli.messages.sandboxCheckTransaction', 'cli.messages.sandboxClientId', 'cli.messages.sandboxClientSecret']);
      const placeholders = (t: string): string[] => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
      const options = (t: string): string[] => [...new Set(t.match(/--[a-z][a-z-]*/g) ?? [])].sort();
      const italian = bundleOf('it');
      const tables = translatedTables.filter((t) => t.name.startsWith('cli.'));
      assert.deepEqual(tables.map((t) => t.name).sort(), ['cli.columns', 'cli.many', 'cli.messages']);
      let n = 0;
      for (const table of tables) {
        for (const [key, en] of Object.entries(table.table as Record<string, string>)) {
          const where = `${table.name}.${key}`;
          const entry = italian[table.context === undefined ? en : `${en}/${table.context}`];
          const it = typeof entry === 'object' ? entry.message : entry;
          assert.equal(typeof it, 'string', `${where}: no Italian`);
          assert.ok(it!.trim().length > 0, where);
          assert.deepEqual(placeholders(it!), placeholders(en), `${where}: placeholders`);
          assert.deepEqual(options(it!), options(en), `${where}: options`);
          if (same.has(where)) assert.equal(it, en, where);
          else assert.notEqual(it, en, `${where}: not translated`);
          n++;
        }
      }
      assert.ok(n > 140, `checked the CLI's texts (${n})`);
    });

    it('plurals and columns whose English coincides keep their own Italian', () => {
      withLocale('it', () => {
        const r = { one: tn(1, 'totalMatchOne', 'totalMatchMany'), many: tn(2, 'totalMatchOne', 'totalMatchMany') };
        assert.deepEqual(r, { one: '1 corrispondente', many: '2 corrispondenti' });
        assert.equal(t('scenariosBackend'), 'risposta checkTransaction');
        assert.equal(t('sandboxCheckTransaction'), 'checkTransaction');
      });
    });
  });

  describe('a real process', () => {
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    const main = path.join(root, 'src', 'cli', 'main.ts');
    const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LC_ALL|LC_MESSAGES|LANG|LANGUAGE)$/.test(k)));

    it('reads LANG and LANGUAGE from its environment, and refuses --lang de with exit 2', () => {
      const it = spawnSync(tsx, [main, 'help'], { cwd: root, encoding: 'utf8', env: { ...cleanEnv, LANG: 'it_IT.UTF-8' } });
      assert.equal(it.status, 0, it.stderr);
      assert.match(it.stdout, /^Uso: nexi-app2app <comando>/m);
      const c = spawnSync(tsx, [main, 'help'], { cwd: root, encoding: 'utf8', env: { ...cleanEnv, LC_ALL: 'C', LANGUAGE: 'it' } });
      assert.match(c.stdout, /^Usage: nexi-app2app <command>/m);
      const de = spawnSync(tsx, [main, '--lang', 'de', 'help'], { cwd: root, encoding: 'utf8', env: cleanEnv });
      assert.equal(de.status, 2);
      assert.match(de.stderr, /unsupported language 'de'/);
    });
  });
});
