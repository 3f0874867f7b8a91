// Where a full page load of the admin UI spends its time (issue 15 § 4, ADR 0031): loads one page
// in headless Chromium, from navigation to the page's data on screen, and prints either the renderer
// main thread's time by kind of work from a Chrome trace (script, compile, style, layout, paint, idle),
// or, with --cpu, JavaScript's time by package and by function from a sampling CPU profile mapped
// through the build's source maps (`vite build --sourcemap` for names); --timeline adds each file's
// request start and end for the last load. A measuring aid, not a test: medians of --runs loads.
//   node bench/ui-profile.ts [--page orgs] [--runs 3] [--mode cold|return] [--cpu] [--timeline] [--top 12] [--url http://127.0.0.1:8787]
// Without --url it starts the worker with the ×1 demo data as `pnpm bench --only-ui` does
// (.bench/ui-state; nothing else may use that state meanwhile).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../scripts/lib/local-platform.ts';
import { buildUiIfNeeded } from '../test/e2e/server.ts';
import { freePort } from './lib/servers.ts';
import { inPackage } from './lib/source-names.ts';
import { median } from './lib/stats.ts';
import { apiLogin, CHROMIUM, dataVisible, signedInContext, startServer, TENANT, UI_PAGES } from './ui.ts';

const { values } = parseArgs({
  options: {
    page: { type: 'string', default: 'orgs' },
    runs: { type: 'string', default: '3' },
    mode: { type: 'string', default: 'cold' },
    url: { type: 'string' },
    top: { type: 'string', default: '12' },
    // A sampling CPU profile of the load instead of the trace: time by package and by function,
    // through the build's source maps (build with `vite build --sourcemap` for names).
    cpu: { type: 'boolean', default: false },
    // Each fetched file's start and end on the page's clock (resource timing), for the last load.
    timeline: { type: 'boolean', default: false },
    // The main thread's tasks of 5 ms or more, in order, with their largest pieces, for the last load.
    tasks: { type: 'boolean', default: false },
  },
});
const target = UI_PAGES.find((p) => p.key === values.page);
if (!target) throw new Error(`未知页面 ${values.page}：${UI_PAGES.map((p) => p.key).join(' ')}`);
if (values.mode !== 'cold' && values.mode !== 'return') throw new Error('--mode 只能是 cold 或 return');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; fileName?: string; url?: string };
}

/** Work kinds by trace event name (the names DevTools' performance panel groups the same way). */
const KIND: Record<string, string> = {
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'V8.CompileCode': 'compile',
  'v8.produceModuleCache': 'compile',
  'v8.produceCache': 'compile',
  'V8.CompileLazy': 'compile',
  'v8.parseOnBackground': 'compile',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'V8.GC_SCAVENGER': 'gc',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GCScavenger': 'gc',
  'V8.GCFinalizeMC': 'gc',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  'Commit': 'paint',
  ParseHTML: 'html',
  ResourceSendRequest: 'network',
};

/** Self time (µs) by kind of work on the renderer's main thread between two trace clocks. */
function breakdown(events: TraceEvent[], from: number, to: number) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && e.ts < to && e.ts + e.dur! > from)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const byKind = new Map<string, number>();
  // A stack of open events: each event's self time is its duration less its children's.
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const top = stack.pop()!;
      const start = Math.max(top.e.ts, from);
      const self = Math.max(0, Math.min(top.end, to) - start - top.child);
      // Kinds named above; any other event by its own name (layout and style work have several).
      const kind = KIND[top.e.name] ?? `other:${top.e.name}`;
      byKind.set(kind, (byKind.get(kind) ?? 0) + self);
      const parent = stack.at(-1);
      if (parent) parent.child += Math.min(top.end, to) - start;
    }
  };
  let busy = 0;
  for (const e of onMain) {
    close(e.ts);
    if (!stack.length) busy += Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from);
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  byKind.set('idle', Math.max(0, to - from - busy));
  return byKind;
}

/** One load's figures: when the data showed (page clock, ms) and µs per label, in one or two tables. */
interface Measured {
  shown: number;
  tables: Map<string, number>[];
  tasks?: string;
}

/** The renderer main thread's top-level tasks of 5 ms or more, each with its three longest direct parts. */
function taskList(events: TraceEvent[], from: number, to: number): string {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && e.ts < to && e.ts + e.dur! > from)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const rows: string[] = [];
  let i = 0;
  while (i < onMain.length) {
    const top = onMain[i]!;
    const end = top.ts + top.dur!;
    // Direct parts: events inside the task not inside an earlier part.
    const parts: TraceEvent[] = [];
    let j = i + 1;
    let partEnd = 0;
    for (; j < onMain.length && onMain[j]!.ts < end; j++) {
      const e = onMain[j]!;
      if (e.ts >= partEnd && e.name !== top.name) {
        parts.push(e);
        partEnd = e.ts + e.dur!;
      }
    }
    i = j;
    if (top.dur! < 5000) continue;
    const label = (e: TraceEvent) => {
      const url = e.args?.data?.url ?? e.args?.fileName ?? e.args?.url ?? '';
      return `${e.name}${url ? ` ${url.replace(/^https?:\/\/[^/]+/, '')}` : ''} ${(e.dur! / 1000).toFixed(0)}`;
    };
    const longest = parts.sort((a, b) => b.dur! - a.dur!).slice(0, 3).map(label).join('; ');
    rows.push(`  ${((top.ts - from) / 1000).toFixed(0).padStart(6)} +${(top.dur! / 1000).toFixed(0).padStart(4)}  ${longest}`);
  }
  return rows.join('\n');
}

async function load(context: BrowserContext, page: Page): Promise<Measured> {
  const browser = context.browser()!;
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', '__metadata'],
  });
  await page.goto(`/t/${TENANT}/${target!.key}`, { waitUntil: 'commit' });
  const shown = await dataVisible(page, target!.key, target!.ready);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const events = trace.traceEvents;
  // The trace clock is µs since an arbitrary start; the navigation's start is the first
  // navigationStart mark of the page's frame.
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.url?.includes(`/t/${TENANT}/`));
  const start = nav ? nav.ts : events.filter((e) => e.ts > 0).reduce((m, e) => Math.min(m, e.ts), Infinity);
  return { shown, tables: [breakdown(events, start, start + shown * 1000)], tasks: taskList(events, start, start + shown * 1000) };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const DIST = join(ROOT, 'workers/admin-ui/dist');
const maps = new Map<string, SourceMap | null>();
function mapOf(url: string): SourceMap | null {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  if (!maps.has(path)) {
    const file = join(DIST, `${path}.map`);
    maps.set(path, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
  }
  return maps.get(path)!;
}
/** The app's own sources by their path in the admin UI. */
const appPath = (source: string) => source.replace(/^.*\/admin-ui\//, 'admin-ui/');

async function profileLoad(page: Page): Promise<Measured> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`/t/${TENANT}/${target!.key}`, { waitUntil: 'commit' });
  const shown = await dataVisible(page, target!.key, target!.ready);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const t = self.get(n.id);
    if (!t) continue;
    const f = n.callFrame;
    let pkg = f.url ? f.url.replace(/^https?:\/\/[^/]+/, '') : f.functionName;
    let fn = f.functionName || '(anonymous)';
    const sm = f.url ? mapOf(f.url) : null;
    const entry = sm?.findEntry(f.lineNumber, f.columnNumber) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
    if (entry?.originalSource) {
      const dep = inPackage(entry.originalSource);
      pkg = dep ? dep.pkg : appPath(entry.originalSource);
      fn = `${entry.name ?? fn} ${dep ? `${dep.pkg}/${dep.rest}` : appPath(entry.originalSource)}:${(entry.originalLine ?? 0) + 1}`;
    }
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
    byFn.set(fn, (byFn.get(fn) ?? 0) + t);
  }
  return { shown, tables: [byPkg, byFn] };
}

async function resourceTimeline(page: Page): Promise<string> {
  const rows = await page.evaluate(() => {
    const perf = (globalThis as unknown as { performance: { getEntriesByType(t: string): { name: string; startTime: number; responseEnd: number; transferSize: number }[] } }).performance;
    return perf.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, size: e.transferSize }));
  });
  return rows
    .sort((a, b) => a.start - b.start)
    .map((r) => `  ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)}  ${r.name.replace(/^https?:\/\/[^/]+/, '')}`)
    .join('\n');
}

buildUiIfNeeded();
const server = values.url ? { url: values.url, stop: async () => undefined } : await startServer(await freePort(), join(ROOT, '.bench/ui-state'), join(ROOT, '.bench/logs'));
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'] });
try {
  const token = await apiLogin(server.url);
  const runs = Number(values.runs);
  const shown: number[] = [];
  // Per printed table, each label's figure per run (ms).
  const tables = [new Map<string, number[]>(), new Map<string, number[]>()];
  let timeline = '';
  let tasks = '';
  for (let i = 0; i < runs + 1; i++) {
    const context = await signedInContext(browser, server.url, token, { name: 'current' });
    if (values.mode === 'return') {
      // A browser that has used the app: every page once, then a new tab.
      const first = await context.newPage();
      for (const p of UI_PAGES) {
        await first.goto(`/t/${TENANT}/${p.key}`);
        await dataVisible(first, p.key, p.ready).catch(() => undefined);
      }
      await first.close();
    }
    const page = await context.newPage();
    const r = values.cpu ? await profileLoad(page) : await load(context, page);
    if (values.timeline) timeline = await resourceTimeline(page);
    if (values.tasks && r.tasks) tasks = r.tasks;
    await context.close();
    // The first load warms the server's routes; it is not counted.
    if (i === 0) continue;
    shown.push(r.shown);
    r.tables.forEach((t, j) => {
      for (const [k, v] of t) tables[j]!.set(k, [...(tables[j]!.get(k) ?? []), v / 1000]);
    });
  }
  if (timeline) console.log(`最后一次加载的请求（开始 → 结束，毫秒）：\n${timeline}`);
  if (tasks) console.log(`最后一次加载的主线程任务（开始 +时长，毫秒；最长的三部分）：\n${tasks}`);
  console.log(`${target.label}（${values.mode === 'cold' ? '冷启动' : '再次访问'}）数据可见：${median(shown).toFixed(0)} ms（${shown.map((s) => s.toFixed(0)).join(' / ')}）`);
  // A key missing from a run counts as 0 there.
  const med = (v: number[]) => median([...v, ...Array<number>(Math.max(0, shown.length - v.length)).fill(0)]);
  const headings = values.cpu ? ['JavaScript 按包（毫秒，中位数）：', '按函数（毫秒，中位数）：'] : ['主线程按工作类别（毫秒，中位数）：'];
  headings.forEach((heading, j) => {
    console.log(heading);
    for (const [k, v] of [...tables[j]!].sort((a, b) => med(b[1]) - med(a[1])).slice(0, Number(values.top) * 2)) console.log(`  ${med(v).toFixed(0).padStart(6)}  ${k}`);
  });
} finally {
  await browser.close();
  await server.stop();
}
