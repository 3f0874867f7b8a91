// Where one § 2 route's CPU goes inside workerd (issue 15 § 2, ADR 0032): starts the API with
// `wrangler dev` on a benchmark state, connects to the worker's inspector (Chrome DevTools protocol:
// `/json` lists the targets), runs Profiler.start, N requests of one route at concurrency 8,
// Profiler.stop, and prints the top functions by self time and a rollup by source file (through the
// bundle's source map, so our packages, Hono, drizzle, zod and wrangler's own code stand apart).
// A measuring aid, not a test:
// Give it a state directory no other server is using (SQLite refuses two writers: "database is locked").
//   node bench/overhead-profile.ts [--state .bench-state] [--route detail|filter|list|orgs|suggestions|healthz|/api/...]
//                                  [--requests 1500] [--interval 100] [--top 40] [--reference]
// --reference profiles the bare reference worker (bench/reference) on the same route instead.
// Read the shares with care: the sampler over-attributes small functions. It put a token's SHA-256 at
// 3-5 % of the busy time (about 0.2 ms a request), where a worker hashing 2,000 tokens per request
// measured 4 µs per hash by CPU (ADR 0032, 2026-12-05 third pass). Large buckets (the D1 client,
// Hono, ours as a whole) and before/after comparisons of one function are what it is good for;
// confirm a cut with `pnpm bench --only-overhead --rounds 3`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../scripts/seed.ts';
import { ROOT, WRANGLER_CONFIG } from '../scripts/lib/local-platform.ts';
import { measure } from './lib/load.ts';
import { inPackage } from './lib/source-names.ts';
import { freePort, startWrangler, type Server } from './lib/servers.ts';

const { values } = parseArgs({
  options: {
    state: { type: 'string', default: '.bench-state' },
    route: { type: 'string', default: 'detail' },
    requests: { type: 'string', default: '1500' },
    interval: { type: 'string', default: '100' },
    top: { type: 'string', default: '40' },
    tenant: { type: 'string', default: 'hongshan' },
    reference: { type: 'boolean', default: false },
  },
});
const state = join(ROOT, values.state);
const requests = Number(values.requests);
const slug = values.tenant;

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface NodeSocket {
  onopen: (() => void) | null;
  onerror: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

/** A tiny CDP client over the inspector's WebSocket (Node 22's global WebSocket). */
async function connect(port: number): Promise<{ send: (method: string, params?: object) => Promise<any>; close: () => void }> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as Array<{ title?: string; webSocketDebuggerUrl: string }>;
  if (!targets.length) throw new Error(`inspector ${port}: no targets`);
  // wrangler lists the user worker (not its own proxy workers) under the inspector port.
  // Node's WebSocket, typed here by hand: the project's types are the Workers runtime's, whose WebSocket differs.
  const NodeWebSocket = (globalThis as unknown as { WebSocket: new (url: string, init: { headers: Record<string, string> }) => NodeSocket }).WebSocket;
  // The inspector proxy refuses a client without a local Origin (undici's WebSocket takes headers).
  const ws = new NodeWebSocket(targets[0]!.webSocketDebuggerUrl, { headers: { origin: 'http://localhost' } });
  await new Promise<void>((done, fail) => {
    ws.onopen = () => done();
    ws.onerror = () => fail(new Error('inspector websocket failed'));
  });
  let next = 1;
  const waiting = new Map<number, { done: (v: unknown) => void; fail: (e: Error) => void }>();
  ws.onmessage = (ev) => {
    const msg = JSON.parse(String(ev.data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id === undefined) return;
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.error) w?.fail(new Error(msg.error.message));
    else w?.done(msg.result);
  };
  return {
    send: (method, params) =>
      new Promise((done, fail) => {
        const id = next++;
        waiting.set(id, { done, fail });
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/**
 * The source map of the bundle this server runs: the newest `.wrangler/tmp/dev-*` wrangler wrote since
 * `since` (frames name the bundle only as `index.js`). Run nothing else from this tree meanwhile.
 */
function bundleMap(dir: string, since: number): { map: SourceMap; dir: string } | null {
  const tmp = join(dir, '.wrangler/tmp');
  if (!existsSync(tmp)) return null;
  const found = readdirSync(tmp)
    .map((d) => join(tmp, d))
    .filter((d) => existsSync(join(d, 'index.js.map')) && statSync(join(d, 'index.js.map')).mtimeMs >= since)
    .sort((a, b) => statSync(join(b, 'index.js.map')).mtimeMs - statSync(join(a, 'index.js.map')).mtimeMs);
  if (found.length > 1) console.warn(`⚠ ${found.length} 个新的 bundle，取最新的 ${found[0]}（同一目录下有别的 wrangler 在跑？）`);
  return found[0] ? { map: new SourceMap(JSON.parse(readFileSync(join(found[0], 'index.js.map'), 'utf8'))), dir: found[0] } : null;
}

/** A source file as a short name: our package or worker, or the dependency's package. */
function shortFile(file: string, dir: string): string {
  const path = resolve(dir, file.replace(/^file:\/\//, ''));
  const dep = inPackage(path);
  if (dep) return `${dep.pkg}:${dep.rest}`;
  return path.startsWith('/') ? relative(ROOT, path) : path;
}

async function main(): Promise<void> {
  const logDir = join(tmpdir(), 'ronghe-overhead-profile');
  const config = values.reference ? join(ROOT, 'bench/reference/wrangler.toml') : WRANGLER_CONFIG;
  const started = Date.now() - 1000;
  const server: Server = await startWrangler({ name: values.reference ? 'reference-profile' : 'api-profile', root: ROOT, config, port: await freePort(), persistTo: state, logDir });
  try {
    const base = `${server.url}/api/t/${slug}`;
    let headers: Record<string, string> = {};
    let path = values.route!;
    if (!values.reference) {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `${slug}_admin`, password: DEMO_PASSWORD }),
      });
      if (!login.ok) throw new Error(`login: HTTP ${login.status}`);
      headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    }
    const api = values.reference ? server.url : base;
    const filter = `status=active&type=${encodeURIComponent('党建引领多元治理共同体')}`;
    if (path === 'detail') {
      // The largest running alliance, as `pnpm bench` picks it (most current members), found through the API.
      if (values.reference) throw new Error('参照：请给出详情路径 --route /alliances/<id>（API 的 --route detail 会打印它）');
      const items: Array<{ id: string; name: string; memberCount: number }> = [];
      for (let cursor: string | null = ''; cursor !== null; ) {
        const res = await fetch(`${base}/alliances?status=active&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers });
        if (!res.ok) throw new Error(`联合体列表：HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
        const page = (await res.json()) as { items: typeof items; nextCursor: string | null };
        items.push(...page.items);
        cursor = page.nextCursor;
      }
      const big = items.sort((a, b) => b.memberCount - a.memberCount || a.name.localeCompare(b.name))[0]!;
      console.log(`  详情：${big.name}（${big.memberCount} 个成员单位）`);
      path = `/alliances/${big.id}`;
    } else if (path === 'suggestions') {
      // The first open need's suggestions, as `pnpm bench` picks it (§ 3).
      const open = (await (await fetch(`${base}/needs?limit=1&status=open`, { headers })).json()) as { items: Array<{ id: string }> };
      path = `/needs/${open.items[0]!.id}/suggestions?limit=10`;
    } else if (path === 'filter') path = `/alliances?limit=20&${filter}`;
    else if (path === 'list') path = '/alliances?limit=20';
    else if (path === 'orgs') path = '/orgs?limit=20';
    const url = path === 'healthz' ? `${server.url}/healthz` : path.startsWith('/api/') ? `${server.url}${path}` : `${api}${path}`;
    const probe = await fetch(url, { headers });
    if (!probe.ok) throw new Error(`${url}: HTTP ${probe.status} ${(await probe.text()).slice(0, 200)}`);
    console.log(`▶ ${values.reference ? '参照' : 'API'} ${url}，${requests} 个请求，采样间隔 ${values.interval} µs`);
    // Warm the isolate (JIT, caches) before sampling, as the bench does.
    await measure('warm', () => fetch(url, { headers }), { requests: 200, concurrency: 8, warmup: 0 });
    const cdp = await connect(server.inspectorPort);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(values.interval) });
    await cdp.send('Profiler.start');
    const r = await measure('profiled', () => fetch(url, { headers }), { requests, concurrency: 8, warmup: 0 }, server);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    cdp.close();
    console.log(`  ${r.rps.toFixed(0)} req/s，wrangler 进程组 CPU ${r.cpuMsPerRequest?.toFixed(2)} ms/请求（采样期间）`);
    report(profile, bundleMap(values.reference ? join(ROOT, 'bench/reference') : ROOT, started));
  } finally {
    await server.stop();
  }
}

function report(profile: Profile, sm: { map: SourceMap; dir: string } | null): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; attributing it to sample i is the DevTools convention.
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  // Shares of the time the isolate was busy: (idle) is waiting for the next request or for D1.
  const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  for (const id of idleIds) self.delete(id);
  const total = [...self.values()].reduce((s, v) => s + v, 0);
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  const where = (f: CallFrame): { fn: string; file: string } => {
    const name = f.functionName || '(anonymous)';
    if (!f.url) return { fn: name, file: name.startsWith('(') ? name : '(native)' };
    // Only frames of the bundle map through its source map; cloudflare-internal:* are the runtime's own modules.
    const entry = (f.url === 'index.js' || f.url.endsWith('/index.js') ? sm?.map.findEntry(f.lineNumber, f.columnNumber) : undefined) as
      | { originalSource?: string; originalLine?: number }
      | undefined;
    if (entry?.originalSource) {
      const file = shortFile(entry.originalSource, sm!.dir);
      return { fn: `${name}  ${file}:${(entry.originalLine ?? 0) + 1}`, file };
    }
    return { fn: `${name}  ${f.url}:${f.lineNumber + 1}`, file: f.url };
  };
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { fn, file } = where(node.callFrame);
    fns.set(fn, (fns.get(fn) ?? 0) + us);
    files.set(file, (files.get(file) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
  console.log(`\n忙碌采样 ${(total / 1000).toFixed(0)} ms（不含空闲），${profile.samples.length} 个样本；自身时间最多的函数（占忙碌时间）：`);
  for (const [fn, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`  ${pct(us)}  ${fn}`);
  console.log('\n按源文件汇总：');
  for (const [file, us] of [...files].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`  ${pct(us)}  ${file}`);
  // By area: our code, the libraries, the platform's own JavaScript, and what V8 does outside any function.
  const area = (file: string) =>
    /^(packages|workers)\//.test(file)
      ? 'ours'
      : file.startsWith('hono:') || file.startsWith('@hono/')
        ? 'hono'
        : file.startsWith('drizzle-orm:')
          ? 'drizzle'
          : file.startsWith('zod:') || file.startsWith('@asteasolutions/')
            ? 'zod'
            : file.startsWith('(')
              ? file
              : file.startsWith('cloudflare-internal:')
                ? 'D1 client and runtime (cloudflare-internal)'
                : file.startsWith('wrangler:') || file.includes('wrangler/templates')
                  ? 'wrangler dev facade'
                  : 'other libraries';
  const areas = new Map<string, number>();
  for (const [file, us] of files) areas.set(area(file), (areas.get(area(file)) ?? 0) + us);
  console.log('\n按类别：');
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1])) console.log(`  ${pct(us)}  ${a}`);
}

await main();
