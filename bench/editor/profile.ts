// CPU profiles of the extension host for the editor benchmark (issue 17: "the closing note names which budget is
// not met and why, with the profile that shows it"). With NEXI_BENCH_EDITOR_PROFILE=<dir> the benchmark records
// the extension host's JS thread (node:inspector, in-process: the benchmark runs in that host) during the first
// opening of each log and writes <dir>/editor-<size>.cpuprofile, which Chrome DevTools and VS Code open. Then
// `tsx bench/editor/profile.ts <file>` prints where the time went: busy time per extension, self time per function,
// and the longest runs of work without an idle sample with the functions that filled them. Such a run is an upper
// bound of a blocking slice: work that yields with setImmediate never lets the loop idle, so its slices (and
// whatever ran between them) show as one run; the benchmark's event-loop probe measures the slices themselves.
import * as fs from 'fs';
import * as inspector from 'inspector';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A running profile of this thread; `stop` writes it to `file`. */
export async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await post('Profiler.stop')) as { profile: CpuProfile };
      session.disconnect();
      fs.writeFileSync(file, JSON.stringify(profile));
    },
  };
}

/** Samples that are not in a JS function: reported as themselves. */
const special = new Set(['(program)', '(garbage collector)']);

function label(frame: CallFrame): string {
  const file = frame.url.split('/').pop() || '(native)';
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** Who ran a frame: an extension (by its folder name), the benchmark, or VS Code's extension host itself. */
export function ownerOf(url: string): string | undefined {
  if (!url || url.startsWith('node:')) return undefined;
  if (/\/out\/bench\//.test(url)) return 'benchmark';
  if (/\/dist\/(extension|vendor\/[^/]+)\.js$/.test(url) && !/\/extensions\//.test(url)) return 'Nexi App2App (this extension)';
  const ext = /\/extensions\/([^/]+)\//.exec(url);
  if (ext) return `extension ${ext[1]}`;
  return undefined;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly busyMs: number;
  /** Busy time by who ran it (innermost extension frame of each sample; VS Code's own host otherwise), ms. */
  readonly byOwner: readonly { readonly name: string; readonly ms: number }[];
  /** Functions by self time, ms. */
  readonly self: readonly { readonly name: string; readonly ms: number }[];
  /** Runs of consecutive non-idle samples, longest first, with who filled them and the functions of ours in them. */
  readonly slices: readonly { readonly ms: number; readonly atMs: number; readonly owners: readonly { readonly name: string; readonly ms: number }[]; readonly top: readonly { readonly name: string; readonly ms: number }[] }[];
  /** The longest run that had any sample of this extension in it, with the same detail. */
  readonly oursLongest: ProfileSummary['slices'][number] | undefined;
}

const host = "VS Code's extension host";
const ours = 'Nexi App2App (this extension)';

/**
 * Self time per function, and the stretches of busy samples: V8 samples `(idle)` while the event loop waits (Node
 * tells it so), so a run of other samples is one stretch of blocking work (garbage collection blocks too).
 */
export function summarize(profile: CpuProfile, topN = 25, slicesN = 10): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  type Slice = { ms: number; atMs: number; owners: Map<string, number>; frames: Map<string, number> };
  const self = new Map<string, number>();
  const owners = new Map<string, number>();
  const slices: Slice[] = [];
  let current: Slice | undefined;
  let t = 0;
  let busy = 0;
  // Who a sample belongs to, and the function it is "in": the innermost frame with a source file.
  const attribute = (id: number): { owner: string; frame: string } => {
    let frame: string | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const o = ownerOf(f.url);
      if (!frame && f.url && !f.url.startsWith('node:')) frame = label(f);
      if (o) return { owner: o, frame: label(f) };
    }
    return { owner: host, frame: frame ?? label(byId.get(id)!.callFrame) };
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]!)!;
    const name = node.callFrame.functionName || '(anonymous)';
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    // `(program)` is native work of the host (message passing, string building): it blocks too.
    if (name === '(idle)') {
      if (current) slices.push(current);
      current = undefined;
      continue;
    }
    busy += dt;
    add(self, special.has(name) ? name : label(node.callFrame), dt);
    const who = special.has(name) ? { owner: name, frame: name } : attribute(node.id);
    add(owners, who.owner, dt);
    current ??= { ms: 0, atMs: t, owners: new Map(), frames: new Map() };
    current.ms += dt;
    add(current.owners, who.owner, dt);
    add(current.frames, who.frame, dt);
  }
  if (current) slices.push(current);
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => ({ name, ms }));
  const shown = (s: Slice) => ({ ms: s.ms, atMs: s.atMs, owners: top(s.owners, 4), top: top(s.frames, 6) });
  const sorted = slices.sort((a, b) => b.ms - a.ms);
  const oursLongest = sorted.find((s) => s.owners.has(ours));
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: busy,
    byOwner: top(owners, 12),
    self: top(self, topN),
    slices: sorted.slice(0, slicesN).map(shown),
    oursLongest: oursLongest && shown(oursLongest),
  };
}

export function formatSummary(s: ProfileSummary): string {
  const slice = (x: ProfileSummary['slices'][number]) => [
    `  ${x.ms.toFixed(1).padStart(8)} ms at ${x.atMs.toFixed(0)} ms: ${x.owners.map((o) => `${o.name} ${o.ms.toFixed(0)}`).join(', ')}`,
    ...x.top.map((f) => `      ${f.ms.toFixed(1).padStart(8)} ms  ${f.name}`),
  ];
  return [
    `profile: ${s.totalMs.toFixed(0)} ms, busy ${s.busyMs.toFixed(0)} ms`,
    'busy by who:',
    ...s.byOwner.map((x) => `  ${x.ms.toFixed(1).padStart(8)} ms  ${x.name}`),
    'self time:',
    ...s.self.map((x) => `  ${x.ms.toFixed(1).padStart(8)} ms  ${x.name}`),
    'longest busy stretches:',
    ...s.slices.flatMap(slice),
    'longest busy stretch with work of this extension in it:',
    ...(s.oursLongest ? slice(s.oursLongest) : ['  none']),
  ].join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/editor/profile.ts <file.cpuprofile>');
    process.exit(2);
  }
  console.log(formatSummary(summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile)));
}
