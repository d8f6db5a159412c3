// nexi-app2app scenarios [--product softpos|mobilepos] [--json] — the scenario catalogue (issue 18).
import { scenarioRows, scenarios as catalogue, type Scenario } from '../core/scenarios/catalog';
import type { Product } from '../core/simulator/simulate';
import { parseOptions } from './connection';
import { UsageError, type Io } from './io';
import { t } from './messages';

export function scenariosHelp(): string {
  return t('scenariosHelp');
}

export function scenarios(argv: readonly string[], io: Io): number {
  const { values, flags, positional } = parseOptions(argv, ['--product'], ['--json']);
  if (positional.length) throw new UsageError(t('unexpectedArgument', { argument: positional[0]! }));
  const product = values.get('--product') as Product | undefined;
  if (product !== undefined && product !== 'softpos' && product !== 'mobilepos') throw new UsageError(t('productValues'));
  const rows = scenarioRows(t('scenariosNotFound'), product);
  if (flags.has('--json')) {
    // Stable keys and enum values; the description in the run's language.
    const byId = new Map<string, Scenario>(catalogue.map((s) => [s.id, s]));
    const out = rows.map((r) => {
      const s = byId.get(r.id)!;
      return { id: s.id, amount: s.amount ?? null, products: s.products, operations: s.operations, outcome: s.outcome, ...(s.card ? { card: s.card } : {}), expected: s.expected, inferred: s.inferred, description: r.description };
    });
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const head = [t('scenariosAmount'), t('scenariosId'), t('scenariosProducts'), t('scenariosResult'), t('scenariosAction'), t('scenariosBackend'), t('scenariosDescription')];
  const cells = rows.map((r) => [
    r.euros ? `${r.amount} ${r.euros}` : r.amount,
    r.id,
    r.products,
    r.delivered ? r.result : `${r.result} (${t('scenariosLost')})`,
    r.actionCode,
    r.backend,
    r.inferred ? `${r.description} ${t('scenariosInferred')}` : r.description,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  io.stdout([line(head), line(widths.map((w) => '-'.repeat(w)).slice(0, -1).concat('-'.repeat(head[head.length - 1]!.length))), ...cells.map(line), '', t('scenariosFooter', { amount: String(catalogue.find((s) => s.id === 'declined-insufficient-funds')!.amount) }), ''].join('\n'));
  return 0;
}
