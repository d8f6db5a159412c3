// The English bundle as the full key list (issue #19): `vscode-l10n-dev export` writes l10n/bundle.l10n.json from
// the adapters' `vscode.l10n.t` calls; this adds every key of the core and the CLI, which speak through l10n.ts:
// the strings of the tables handed to `translated(...)` and the literal first arguments of l10n.ts's `t(...)`.
// A message with a context is written as vscode-l10n-dev writes one (`message/context` → { message, comment }).
//
// `npm run l10n:export` runs both; the l10n tests call `coreL10nEntries` to check the bundle is up to date.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export type BundleEntry = string | { readonly message: string; readonly comment: readonly string[] };

const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** `src/core/l10n.ts` however a file imports it (`./l10n`, `../l10n`, `../core/l10n`…). */
function importsL10n(file: string, specifier: string): boolean {
  return specifier.startsWith('.') && path.resolve(path.dirname(file), specifier) === path.join(root, 'src', 'core', 'l10n');
}

interface Scan {
  /** Files that call `translated(...)`: loading them registers their tables. */
  readonly tableModules: string[];
  /** The names of those tables (the first argument, a string literal). */
  readonly tableNames: string[];
  /** Keys of the literal `t(...)` calls, in source order. */
  readonly literals: Array<{ readonly message: string; readonly context?: string; readonly where: string }>;
  /** Calls of l10n.ts's `t` whose message is not a string literal (the extractor cannot read them). */
  readonly nonLiteral: string[];
}

/** Walks `src/` outside the editor adapters (they use vscode.l10n) for the core's and the CLI's l10n.ts calls. */
export function scanSources(): Scan {
  const scan: Scan = { tableModules: [], tableNames: [], literals: [], nonLiteral: [] };
  const files = sourceFiles(path.join(root, 'src')).filter((f) => !f.startsWith(path.join(root, 'src', 'vscode') + path.sep) && f !== path.join(root, 'src', 'core', 'l10n.ts'));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/\bl10n['"]/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    // The local names of l10n.ts's `t` and `translated` in this file.
    const names = new Map<string, 't' | 'translated'>();
    // `translatedMessages` registers its table through `translated`: the same for the extractor.
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !importsL10n(file, statement.moduleSpecifier.text)) continue;
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (imported === 't' || imported === 'translated') names.set(element.name.text, imported);
          else if (imported === 'translatedMessages') names.set(element.name.text, 'translated');
        }
      }
    }
    if (names.size === 0) continue;
    const relative = path.relative(root, file);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && names.has(node.expression.text)) {
        const where = `${relative}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (names.get(node.expression.text) === 'translated') {
          const [name] = node.arguments;
          if (!name || !ts.isStringLiteral(name)) scan.nonLiteral.push(`${where}: table name ${name ? name.getText(source) : '(nothing)'}`);
          else scan.tableNames.push(name.text);
          if (!scan.tableModules.includes(file)) scan.tableModules.push(file);
        } else {
          const [message, , context] = node.arguments;
          const literal = (n: ts.Expression | undefined): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => !!n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
          if (!literal(message)) scan.nonLiteral.push(`${where}: ${message ? message.getText(source) : '(nothing)'}`);
          else if (context !== undefined && !literal(context)) scan.nonLiteral.push(`${where}: context ${context.getText(source)}`);
          else scan.literals.push({ message: message.text, ...(context ? { context: context.text } : {}), where });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return scan;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

function entry(message: string, context: string | undefined): [string, BundleEntry] {
  return context === undefined ? [message, message] : [`${message}/${context}`, { message, comment: [context] }];
}

/** Every key the core and the CLI look up through l10n.ts, with its English entry, in source order. */
export function coreL10nEntries(): Record<string, BundleEntry> {
  const scan = scanSources();
  if (scan.nonLiteral.length) throw new Error(`l10n.ts's t() needs a string literal message (and context), translated() a literal name:\n  ${scan.nonLiteral.join('\n  ')}`);
  // Loading a module registers its tables in l10n.ts's `translatedTables` (the same module instance as here).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const file of scan.tableModules) require(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { translatedTables } = require(path.join(root, 'src', 'core', 'l10n')) as typeof import('../src/core/l10n');
  const entries: Record<string, BundleEntry> = {};
  // Only the sources' tables: a test may have registered tables of its own in the same process.
  // A table with per-entry contexts registers its parts as `<name>.<entry>` (see `translated`).
  const named = (t: { readonly name: string }): boolean => scan.tableNames.some((n) => t.name === n || t.name.startsWith(`${n}.`));
  for (const table of translatedTables.filter(named)) {
    for (const message of strings(table.table)) {
      const [key, value] = entry(message, table.context);
      entries[key] ??= value;
    }
  }
  for (const literal of scan.literals) {
    const [key, value] = entry(literal.message, literal.context);
    entries[key] ??= value;
  }
  return entries;
}

/** The adapters' bundle (as vscode-l10n-dev exported it) with the core's keys after it; keys of both stay once. */
export function withCoreEntries(adapters: Readonly<Record<string, BundleEntry>>): Record<string, BundleEntry> {
  const out: Record<string, BundleEntry> = { ...adapters };
  for (const [key, value] of Object.entries(coreL10nEntries())) out[key] ??= value;
  return out;
}

if (require.main === module) {
  const file = path.join(root, 'l10n', 'bundle.l10n.json');
  const adapters = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, BundleEntry>;
  const bundle = withCoreEntries(adapters);
  fs.writeFileSync(file, JSON.stringify(bundle, null, 2));
  process.stdout.write(`l10n/bundle.l10n.json: ${Object.keys(adapters).length} adapter messages, ${Object.keys(bundle).length - Object.keys(adapters).length} more of the core and the CLI\n`);
}
