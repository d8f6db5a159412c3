// The messages the core and the CLI look up in the l10n bundles (issue #19): every string of every table handed to
// `translated` (loading every module of src/core and src/cli registers them all) and every `t('…')` call of those
// folders, read by the TypeScript parser. Shared by the bundle test (l10nBundles) and the catalog test (l10nCatalog).
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { translatedTables } from '../../src/core/l10n';

export const root = path.resolve(__dirname, '..', '..');

/** One message as the bundles key it: `message`, or `message/context`. */
export interface CoreMessage {
  /** The bundle key. */
  readonly key: string;
  /** The English text (the key without its context). */
  readonly message: string;
  /** Where it comes from: `table explain.messages.readingHost` or `src/core/x.ts:12`. */
  readonly where: string;
}

export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const scanned = ['src/core', 'src/cli'].flatMap((d) => sourceFiles(path.join(root, d)));

let loaded = false;
/** Loads every module of src/core and src/cli once, so each `translated(...)` table is registered. */
export function loadAllModules(): void {
  if (loaded) return;
  for (const file of scanned) require(file);
  loaded = true;
}

function leaves(value: unknown, where: string, context: string | undefined, out: CoreMessage[]): void {
  if (typeof value === 'string') out.push({ key: context ? `${value}/${context}` : value, message: value, where });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${where}.${i}`, context, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, `${where}.${k}`, context, out);
}

/** Every string of every registered table (tables of the unit tests themselves, `test.*`, left out). */
export function tableMessages(): CoreMessage[] {
  loadAllModules();
  const out: CoreMessage[] = [];
  for (const t of translatedTables) if (!t.name.startsWith('test.')) leaves(t.table, `table ${t.name}`, t.context, out);
  return out;
}

export interface TCall {
  readonly where: string;
  /** The message and context when both are string literals. */
  readonly message?: CoreMessage;
  /** The source text of a first (or third) argument that is not a string literal. */
  readonly nonLiteral?: string;
}

function literal(node: ts.Expression | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/**
 * Every call of l10n.ts's `t` in src/core and src/cli: a name imported from a module whose path ends in `/l10n`
 * (`import { t } from '../l10n'`, `import { t as tr } …`) or `x.t(…)` of `import * as x from '…/l10n'`.
 * (`t` is also the usual alias of `fillTemplate`: only the import decides.)
 */
export function tCalls(): TCall[] {
  const calls: TCall[] = [];
  for (const file of scanned) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const names = new Set<string>();
    const namespaces = new Set<string>();
    for (const s of source.statements) {
      if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || !/^\.\.?\/(.*\/)?l10n$/.test(s.moduleSpecifier.text)) continue;
      const bindings = s.importClause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) if ((el.propertyName ?? el.name).text === 't') names.add(el.name.text);
    }
    if (names.size === 0 && namespaces.size === 0) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const isT =
          (ts.isIdentifier(callee) && names.has(callee.text)) ||
          (ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && ts.isIdentifier(callee.expression) && namespaces.has(callee.expression.text));
        if (isT) {
          const where = `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          const [first, , third] = node.arguments;
          const message = literal(first);
          const context = third === undefined ? undefined : literal(third);
          if (message === undefined) calls.push({ where, nonLiteral: first ? first.getText(source) : '(nothing)' });
          else if (third !== undefined && context === undefined) calls.push({ where, nonLiteral: `context ${third.getText(source)}` });
          else calls.push({ where, message: { key: context ? `${message}/${context}` : message, message, where } });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

/** Every message the core and the CLI look up: table strings and literal `t()` calls. */
export function coreMessages(): CoreMessage[] {
  return [...tableMessages(), ...tCalls().flatMap((c) => (c.message ? [c.message] : []))];
}
