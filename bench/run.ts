// `pnpm bench`: loopback benchmarks of the management API on ten times
// Chifeng's data, beside a bare Hono + D1 worker reading the same database.
// Prints a table and one JSON line per figure: {"name","value","unit"}.
// Benchmarks, not tests: figures depend on the machine and what else runs.
//   node bench/run.ts [--scale 10] [--requests 400] [--concurrency 8] [--import-rows 10000] [--skip-import] [--skip-matching] [--skip-flow]
//                     [--only-flow] (just the flow solvers: no data, no servers, a few seconds)
//                     [--only-matching] [--matching-baseline <git ref>] [--matching-repeats 3] [--skip-workerd]
//                       (the matching engine alone: fresh-process and warm CPU, peak memory, nodes/edges at 1× and 2× in
//                        Node, the old engine of <git ref> interleaved beside it; then workerd at 1× unless --skip-workerd)
//                     [--api-port N] [--ref-port N] (default: free ports)
//                     [--skip-rewards] [--only-rewards] (the 以奖代补 allocation engine: 10,000 recipients per method, no servers)
//                     [--skip-rollup] [--only-rollup] (the city rollup: 200 generated tenants as SQLite files, no servers; bench/rollup.ts)
//                     [--skip-ui] [--only-ui] [--ui-runs 5] [--ui-port N] (the admin UI in headless Chromium, ×1 demo data; bench/ui.ts)
//                     [--only-overhead] [--rounds 1] (issue 15 § 2 alone, 800 requests a round unless --requests: the list and detail routes beside the reference, interleaved,
//                       --rounds times over; then stop. Each side's server CPU per request is printed beside its throughput)
//                       The goal figure is the median of the per-round shares by CPU (goal.*.cpu_share_median); each round's share is printed
//                     [--reference-without-assets] (start the reference without the [assets] section the API has, as before
//                       2026-12-05 evening: the asset router `run_worker_first` puts in front of every request is then ours alone)
//                     [--bare-reference] (the reference's lists as the issue first had them: one statement ordered by name, no
//                       total; by default they read the API's page, in its order, and its total, in one batch)
//                     [--only-data] (migrate and seed the state directory, then stop: no servers)
//                     [--only-lists] (just the §2/§3 routes: /healthz, the organization list and search, the lists and dashboards;
//                       no alliances, points, activities, check-ins, imports or engines — the quick loop for issue 15 § 3)
//                     [--keep-data] (measure on the state as it is, even if an older demo-data version seeded it: A/B runs only)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, DEMO_TODAY } from '../packages/demo-data/src/index.ts';
import { IMPORT_NAME_PREFIX, importRows, writeImportSheet } from '../packages/demo-data/src/import-sheet.ts';
import { CONTROL, findTenant } from '../packages/tenancy/src/registry.ts';
import { applyLocalMigrations, openLocalPlatform, pendingMigrations, ROOT, WRANGLER_CONFIG } from '../scripts/lib/local-platform.ts';
import { writeThroughFiles } from '../scripts/lib/sqlite-platform.ts';
import { DEMO_PASSWORD, seed } from '../scripts/seed.ts';
import { measure, type LoadResult } from './lib/load.ts';
import { freePort, startWrangler, type Server } from './lib/servers.ts';
import { activitiesBenchmarks, checkinBenchmark, checkinsStored, prepareCheckinBench, type CheckinBench } from './activities.ts';
import { pointsBenchmarks, preparePointsLedger } from './points.ts';
import { median } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    // 400, or 800 with --only-overhead: its per-round shares need rounds long enough to settle.
    requests: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '40' },
    'import-rows': { type: 'string', default: '10000' },
    'skip-import': { type: 'boolean', default: false },
    'skip-matching': { type: 'boolean', default: false },
    'skip-flow': { type: 'boolean', default: false },
    'only-flow': { type: 'boolean', default: false },
    'only-matching': { type: 'boolean', default: false },
    'matching-baseline': { type: 'string' },
    'matching-repeats': { type: 'string', default: '3' },
    'skip-workerd': { type: 'boolean', default: false },
    'skip-rewards': { type: 'boolean', default: false },
    'only-rewards': { type: 'boolean', default: false },
    'skip-rollup': { type: 'boolean', default: false },
    'only-rollup': { type: 'boolean', default: false },
    'skip-ui': { type: 'boolean', default: false },
    'only-ui': { type: 'boolean', default: false },
    'ui-runs': { type: 'string', default: '5' },
    'ui-port': { type: 'string' },
    'only-data': { type: 'boolean', default: false },
    'only-overhead': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
    'bare-reference': { type: 'boolean', default: false },
    'reference-without-assets': { type: 'boolean', default: false },
    'only-lists': { type: 'boolean', default: false },
    'keep-data': { type: 'boolean', default: false },
    tenant: { type: 'string', default: 'hongshan' },
    'api-port': { type: 'string' },
    'ref-port': { type: 'string' },
    state: { type: 'string', default: '.bench/state' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('用法：node bench/run.ts [--scale 10] [--requests 400] [--concurrency 8] [--import-rows 10000] [--skip-import] [--skip-matching] [--skip-flow] [--only-flow] [--only-matching] [--matching-baseline <ref>] [--matching-repeats 3] [--skip-workerd] [--skip-rewards] [--only-rewards] [--skip-rollup] [--only-rollup] [--skip-ui] [--only-ui] [--ui-runs 5] [--ui-port 端口] [--only-overhead] [--only-lists] [--rounds 1] [--reference-without-assets] [--bare-reference] [--only-data] [--keep-data] [--state .bench/state]');
  process.exit(0);
}
const int = (v: string, name: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} 须为正整数`);
  return n;
};
const scale = int(values.scale, 'scale');
const load = { requests: int(values.requests ?? (values['only-overhead'] ? '800' : '400'), 'requests'), concurrency: int(values.concurrency, 'concurrency'), warmup: int(values.warmup, 'warmup') };
const importCount = int(values['import-rows'], 'import-rows');
const tenant = findTenant(values.tenant);
if (!tenant || tenant.kind !== 'county') throw new Error(`--tenant ${values.tenant} 不是旗县区`);
const state = resolve(ROOT, values.state);
const marker = join(state, 'ronghe-bench.json');
const figures: { name: string; value: number; unit: string }[] = [];
/** Bumped when the demo data gains tables, so a state seeded by an older version is topped up (the seed only adds). */
const DATA_VERSION = 6;
/** The running alliance with the most current members: the heaviest detail page. */
let bigAlliance: { id: string; name: string; members: number } | undefined;
/** The alliance with the most open needs: the heaviest optimal plan. */
let listsAlliance: { id: string; name: string; needs: number } | undefined;
/** 50 member accounts and a fresh activity open now, for the concurrent check-in figure (issue 11). */
let checkinBench: CheckinBench | null = null;
/** Kept for the issue 11 summary printed after the check-ins are counted. */
let listResults: LoadResult[] = [];
let checkinResult: { wallMs: number; p95: number; errors: number } | null = null;
let checkinStored: { checkins: number; events: number; attendance: number } | null = null;
const figure = (name: string, value: number, unit: string) => figures.push({ name, value: Math.round(value * 100) / 100, unit });

// ---- Data: migrate and seed once per state directory, then reuse ------------

async function prepareState(): Promise<void> {
  const want = { scale, seed: DEFAULT_SEED, data: DATA_VERSION };
  const have = existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as typeof want) : null;
  let platform = await openLocalPlatform(state);
  try {
    const pending = await pendingMigrations(platform);
    if (pending.size) {
      console.log(`▶ 迁移 ${pending.size} 个基准数据库（${state}）…`);
      await applyLocalMigrations(platform, [...pending.keys()]);
    }
    const stale = have?.scale !== want.scale || have.seed !== want.seed || have.data !== want.data;
    if (stale && have && values['keep-data']) {
      // Quick A/B runs on a state already there: said loudly, since its figures are not the current data's.
      console.warn(`⚠ --keep-data：沿用演示数据版本 ${have.data}（当前为 ${want.data}）的 ×${have.scale} 数据，不补充生成；结果仅供对比，不作正式数据`);
    } else if (stale) {
      console.log(`▶ 生成 ×${scale} 规模的演示数据（仅首次，直接写入 SQLite 文件）…`);
      // Straight into the SQLite files: at ×10 wrangler's proxy failed under load (scripts/lib/sqlite-platform.ts).
      await writeThroughFiles(platform, state, async (direct) => {
        const { ms } = await seed({ platform: direct, persistTo: state, scale });
        figure(`seed.scale${scale}`, ms / 1000, 's');
        // The million-entry points ledger is the other large write: done here too, found done below.
        if (!values['only-overhead']) await preparePointsLedger(direct.db(tenant!));
      });
      platform = await openLocalPlatform(state);
      writeFileSync(marker, JSON.stringify(want) + '\n');
    } else {
      console.log(`▶ 复用 ${state} 中 ×${scale} 规模的数据`);
    }
    // Rows a previous run imported would change what the list routes return: remove them.
    const removed = await platform
      .db(tenant!)
      .prepare('DELETE FROM organizations WHERE name LIKE ?1')
      .bind(`${IMPORT_NAME_PREFIX}%`)
      .run();
    if (removed.meta.changes) console.log(`  已清除上次基准导入的 ${removed.meta.changes} 个党组织`);
    // Likewise the people a previous run imported (issue 11).
    await platform.db(tenant!).prepare('DELETE FROM people WHERE name LIKE ?1').bind(`${IMPORT_NAME_PREFIX}%`).run();
    bigAlliance =
      (await platform
        .db(tenant!)
        .prepare(
          'SELECT a.id, a.name, count(*) AS members FROM alliances a JOIN alliance_members m ON m.alliance_id = a.id AND m.left_on IS NULL ' +
            "WHERE a.status = 'active' GROUP BY a.id ORDER BY members DESC, a.name LIMIT 1",
        )
        .first<{ id: string; name: string; members: number }>()) ?? undefined;
    listsAlliance =
      (await platform
        .db(tenant!)
        .prepare(
          "SELECT a.id, a.name, count(*) AS needs FROM alliances a JOIN needs n ON n.alliance_id = a.id AND n.status IN ('open', 'partly_met') GROUP BY a.id ORDER BY needs DESC, a.name LIMIT 1",
        )
        .first<{ id: string; name: string; needs: number }>()
        .catch(() => null)) ?? undefined;
    // § 2 alone reads neither the ledger nor the check-in accounts.
    if (values['only-overhead']) return;
    // 积分: a million ledger entries in the county (issue 11), written once per state directory.
    await preparePointsLedger(platform.db(tenant!));
    const { hashPassword } = await import('../packages/identity/src/password.ts');
    checkinBench = await prepareCheckinBench(platform.db(CONTROL), platform.db(tenant!), tenant!.slug, await hashPassword(DEMO_PASSWORD)).catch((err: Error) => {
      console.warn(`⚠ 签到基准数据准备失败：${err.message}`);
      return null;
    });
  } finally {
    await platform.dispose();
  }
}

// ---- Measurements ------------------------------------------------------------

async function login(api: Server): Promise<string> {
  const res = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `${tenant!.slug}_admin`, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`登录失败：HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return ((await res.json()) as { token: string }).token;
}

type Pair = { label: string; ref: () => Promise<Response>; api: () => Promise<Response> };

async function listBenchmarks(api: Server, ref: Server, token: string): Promise<LoadResult[]> {
  const out = await overheadBenchmarks(api, ref, token);
  if (values['only-overhead']) return out;
  out.push(...(await listsBenchmarks(api, token)));
  // § 3 against the org list of the same run, without the points and activities figures.
  if (values['only-lists']) return out;
  out.push(...(await pointsBenchmarks(api, tenant!.slug, token, load)));
  out.push(...(await activitiesBenchmarks(api, tenant!.slug, token, Number(DEMO_TODAY.slice(0, 4)), load)));
  return out;
}

/**
 * Issue 15 § 2: each list and detail route beside the bare reference, as
 * interleaved pairs (reference, then ours), `--rounds` times over, so drift in
 * the machine's load hits both sides alike. Each side's CPU per request is
 * read from its server's processes, the figure a loaded machine does not skew.
 */
async function overheadBenchmarks(api: Server, ref: Server, token: string): Promise<LoadResult[]> {
  const auth = { authorization: `Bearer ${token}` };
  const get = (url: string, headers?: Record<string, string>) => () => fetch(url, headers ? { headers } : undefined);
  const orgs = `${api.url}/api/t/${tenant!.slug}/orgs`;
  const bare = values['bare-reference'] ? '&bare=1' : '';
  const pairs: Pair[] = [{ label: '/healthz（静态）', ref: get(`${ref.url}/healthz`), api: get(`${api.url}/healthz`) }];
  for (const [label, query] of [
    ['列表', 'limit=20'],
    ['搜索 q=社区', `limit=20&q=${encodeURIComponent('社区')}`],
    ['筛选 domain=嘎查村', `limit=20&domain=${encodeURIComponent('嘎查村')}`],
  ] as const) {
    pairs.push({ label, ref: get(`${ref.url}/orgs?${query}${bare}`), api: get(`${orgs}?${query}`, auth) });
  }
  pairs.push(...(await alliancePairs(api, ref, token)));
  const rounds = int(values.rounds, 'rounds');
  for (let round = 0; round < rounds; round++) {
    for (const { label, ref: refSend, api: apiSend } of pairs) {
      for (const [name, send, server] of [
        [`参照 ${label}`, refSend, ref],
        [`API ${label}`, apiSend, api],
      ] as const) {
        const r = await measure(name, send, load, server);
        overheadRounds.set(name, [...(overheadRounds.get(name) ?? []), r]);
      }
    }
  }
  return [...overheadRounds.values()].map(combine);
}

/** Each § 2 scenario's rounds, in order, so a reference round pairs with the API round measured right after it. */
const overheadRounds = new Map<string, LoadResult[]>();

/**
 * One § 2 route's share by CPU per round (reference ÷ ours of the interleaved pair): one run moves a
 * route by up to ten points on a shared machine, so the goal figure is the median of these.
 */
function roundShares(label: string): number[] {
  const refs = overheadRounds.get(`参照 ${label}`) ?? [];
  const ours = overheadRounds.get(`API ${label}`) ?? [];
  return refs.flatMap((r, i) => {
    const o = ours[i]?.cpuMsPerRequest;
    return r.cpuMsPerRequest !== undefined && o ? [(r.cpuMsPerRequest / o) * 100] : [];
  });
}

/** Rounds of one scenario as one result: throughput over all of them, the median round's latencies, the mean CPU. */
function combine(rs: LoadResult[]): LoadResult {
  if (rs.length === 1) return rs[0]!;
  const requests = rs.reduce((s, r) => s + r.requests, 0);
  const seconds = rs.reduce((s, r) => s + r.requests / r.rps, 0);
  const medianOf = (pick: (r: LoadResult) => number) => median(rs.map(pick));
  const cpu = rs.every((r) => r.cpuMsPerRequest !== undefined) ? rs.reduce((s, r) => s + r.cpuMsPerRequest! * r.requests, 0) / requests : undefined;
  return {
    ...rs[0]!,
    requests,
    errors: rs.reduce((s, r) => s + r.errors, 0),
    rps: requests / seconds,
    p50: medianOf((r) => r.p50),
    p95: medianOf((r) => r.p95),
    p99: medianOf((r) => r.p99),
    ...(cpu !== undefined ? { cpuMsPerRequest: cpu } : {}),
  };
}

/** The alliance list (plain and filtered) and the detail of the largest running alliance. */
async function alliancePairs(api: Server, ref: Server, token: string): Promise<Pair[]> {
  const auth = { authorization: `Bearer ${token}` };
  const base = `${api.url}/api/t/${tenant!.slug}/alliances`;
  // Until the API serves alliances, the other figures still stand on their own.
  const probe = await fetch(`${base}?limit=1`, { headers: auth });
  if (!probe.ok) {
    console.warn(`⚠ 联合体接口不可用（HTTP ${probe.status}），跳过联合体基准`);
    return [];
  }
  const page = (await probe.json()) as { total: number };
  const filter = `status=active&type=${encodeURIComponent('党建引领多元治理共同体')}`;
  const filtered = (await (await fetch(`${base}?limit=1&${filter}`, { headers: auth })).json()) as { total: number };
  console.log(`  联合体共 ${page.total} 个，其中运行中的多元治理共同体 ${filtered.total} 个`);
  const bare = values['bare-reference'] ? '&bare=1' : '';
  const cases: [string, string, string][] = [
    ['联合体列表', `/alliances?limit=20${bare}`, '?limit=20'],
    ['联合体筛选 status+type', `/alliances?limit=20&${filter}${bare}`, `?limit=20&${filter}`],
  ];
  if (bigAlliance) {
    console.log(`  详情基准：${bigAlliance.name}（${bigAlliance.members} 个成员单位）`);
    cases.push(['联合体详情', `/alliances/${bigAlliance.id}`, `/${bigAlliance.id}`]);
  }
  return cases.map(([label, refPath, apiPath]) => ({
    label,
    ref: () => fetch(`${ref.url}${refPath}`),
    api: () => fetch(`${base}${apiPath}`, { headers: auth }),
  }));
}

/**
 * The three lists at ten times Chifeng: needs, resources and projects pages,
 * a filtered needs page, one need's suggestions, the warnings dashboard, and
 * the optimal plan of the alliance with the most open needs (HTTP round trip,
 * D1 reads included).
 */
async function listsBenchmarks(api: Server, token: string): Promise<LoadResult[]> {
  const auth = { authorization: `Bearer ${token}` };
  const base = `${api.url}/api/t/${tenant!.slug}`;
  const probe = await fetch(`${base}/needs?limit=1&status=open`, { headers: auth });
  if (!probe.ok) {
    console.warn(`⚠ 需求清单接口不可用（HTTP ${probe.status}），跳过清单基准`);
    return [];
  }
  const open = (await probe.json()) as { total: number; items: Array<{ id: string; allianceId: string }> };
  const totals = await Promise.all(['needs', 'resources', 'projects'].map(async (k) => ((await (await fetch(`${base}/${k}?limit=1`, { headers: auth })).json()) as { total?: number }).total ?? 0));
  console.log(`  需求 ${totals[0]} 条（待对接 ${open.total}），资源 ${totals[1]} 条，项目 ${totals[2]} 个`);
  const cases: [string, string, RequestInit?][] = [
    ['需求清单', '/needs?limit=20'],
    ['需求筛选 status+category', '/needs?limit=20&status=open&categoryId=cat_elderly'],
    ['资源清单', '/resources?limit=20'],
    ['项目清单', '/projects?limit=20'],
    ['督办预警', '/supervision/warnings'],
  ];
  const need = open.items[0];
  if (need) cases.push(['对接推荐', `/needs/${need.id}/suggestions?limit=10`]);
  const busiest = listsAlliance;
  if (busiest) {
    console.log(`  一键匹配基准：${busiest.name}（待对接需求 ${busiest.needs} 条）`);
    cases.push(['联合体一键匹配', '/matching/assignment', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ allianceId: busiest.id }) }]);
  }
  const out: LoadResult[] = [];
  for (const [label, path, init] of cases) out.push(await measure(`API ${label}`, () => fetch(`${base}${path}`, init ?? { headers: auth }), load, api));
  return out;
}

async function importBenchmark(api: Server, token: string): Promise<void> {
  const auth = { authorization: `Bearer ${token}` };
  const rootRes = await fetch(`${api.url}/api/t/${tenant!.slug}/orgs?domain=${encodeURIComponent('旗县区委')}&limit=1`, { headers: auth });
  const root = ((await rootRes.json()) as { items: { id: string }[] }).items[0];
  if (!root) throw new Error('找不到旗县区委，无法确定导入的上级组织');
  // The registry's own column titles, so the benchmark breaks loudly if the sheet format changes.
  const { ORG_COLUMNS } = await import('../packages/registry/src/orgs/sheet.ts');
  const t0 = performance.now();
  const bytes = await writeImportSheet(ORG_COLUMNS, importRows(importCount, root.id));
  const built = performance.now() - t0;
  const t1 = performance.now();
  const res = await fetch(`${api.url}/api/t/${tenant!.slug}/orgs/import`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: bytes,
  });
  const text = await res.text();
  const ms = performance.now() - t1;
  if (!res.ok) throw new Error(`导入失败：HTTP ${res.status} ${text.slice(0, 500)}`);
  const result = JSON.parse(text) as { created: number; updated: number };
  console.log(
    `\nExcel 导入：${importCount} 行（${(bytes.length / 1024).toFixed(0)} KB，生成 ${(built / 1000).toFixed(1)} 秒）→ ` +
      `新增 ${result.created}、更新 ${result.updated}，用时 ${(ms / 1000).toFixed(2)} 秒（${Math.round(importCount / (ms / 1000))} 行/秒）`,
  );
  figure(`import.${importCount}rows.seconds`, ms / 1000, 's');
  figure(`import.${importCount}rows.throughput`, importCount / (ms / 1000), 'rows/s');
}

/** Issue 11: the same number of people in one all-or-nothing Excel import, party members of the county committee. */
async function peopleImportBenchmark(api: Server, token: string): Promise<void> {
  const auth = { authorization: `Bearer ${token}` };
  const rootRes = await fetch(`${api.url}/api/t/${tenant!.slug}/orgs?domain=${encodeURIComponent('旗县区委')}&limit=1`, { headers: auth });
  const root = ((await rootRes.json()) as { items: { id: string }[] }).items[0];
  if (!root) throw new Error('找不到旗县区委，无法确定导入人员的所属党组织');
  const { PERSON_COLUMNS } = await import('../packages/people/src/persons/sheet.ts');
  const header = PERSON_COLUMNS.map((c) => c.header);
  const rows = Array.from({ length: importCount }, (_, i) => {
    const byKey: Record<string, string | null> = {
      name: `${IMPORT_NAME_PREFIX}党员${i}`, kind: '党员', partyStanding: i % 10 ? '正式' : '预备', homeOrg: root.id,
      inService: i % 3 ? '否' : '是', skills: i % 5 ? null : '医疗、法律', phone: `139${String(i).padStart(8, '0')}`,
    };
    return PERSON_COLUMNS.map((c) => byKey[c.key] ?? null);
  });
  const { writeWorkbook } = await import('../packages/core/src/xlsx.ts');
  const bytes = await writeWorkbook([{ sheet: '人员', data: [header, ...rows].map((r) => r.map((value) => ({ value }))) }]);
  const t1 = performance.now();
  const res = await fetch(`${api.url}/api/t/${tenant!.slug}/people/import`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: bytes,
  });
  const text = await res.text();
  const ms = performance.now() - t1;
  if (!res.ok) throw new Error(`人员导入失败：HTTP ${res.status} ${text.slice(0, 500)}`);
  const result = JSON.parse(text) as { created: number };
  console.log(`人员 Excel 导入：${importCount} 行（${(bytes.length / 1024).toFixed(0)} KB）→ 新增 ${result.created}，用时 ${(ms / 1000).toFixed(2)} 秒（${Math.round(importCount / (ms / 1000))} 行/秒）`);
  figure(`people_import.${importCount}rows.seconds`, ms / 1000, 's');
}

function printTable(results: LoadResult[]): void {
  const head = ['场景', '请求数', '并发', '吞吐 req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms/请求', '失败'];
  const rows = results.map((r) =>
    [r.name, r.requests, r.concurrency, r.rps.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.cpuMsPerRequest?.toFixed(2) ?? '', r.errors].map(String),
  );
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c + ' '.repeat(cols[i]! - width(c)) : ' '.repeat(cols[i]! - width(c)) + c)).join('  ');
  console.log(`\n${tenant!.name}（${tenant!.slug}），数据规模 ×${scale}，回环地址，闭环并发 ${load.concurrency}，每项 ${load.requests} 个请求（另有 ${load.warmup} 个预热）`);
  console.log(line(head));
  console.log(cols.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Issue 15 § 2 and § 3: each route's throughput as a share of what it is measured against, beside the goal. */
function printGoals(results: LoadResult[]): void {
  const by = new Map(results.map((r) => [r.name, r]));
  const rps = (name: string) => by.get(name)?.rps;
  const rows: Array<[string, string, number | undefined, number | undefined, number]> = [];
  // The same share by the server's CPU per request (reference ÷ ours): on a loaded machine, the steadier of the two.
  const cpuShare = (name: string) => {
    const [ours, ref] = [name.replace(/^§\d /, 'API '), name.startsWith('§3') ? 'API 列表' : name.replace(/^§\d /, '参照 ')].map((n) => by.get(n)?.cpuMsPerRequest);
    return ours && ref ? { ours, ref, pct: (ref / ours) * 100 } : null;
  };
  // § 2: list and detail routes against the bare reference of the same run (≥ 80 %).
  for (const label of ['列表', '搜索 q=社区', '筛选 domain=嘎查村', '联合体列表', '联合体筛选 status+type', '联合体详情']) {
    rows.push([`§2 ${label}`, '参照', rps(`API ${label}`), rps(`参照 ${label}`), 80]);
  }
  rows.push(['§2 /healthz（静态）', '参照', rps('API /healthz（静态）'), rps('参照 /healthz（静态）'), 80]);
  // § 3: the warnings dashboard and suggestions against the organization list of the same run (≥ 50 %).
  for (const label of ['督办预警', '对接推荐', '联合体一键匹配']) rows.push([`§3 ${label}`, '党组织列表', rps(`API ${label}`), rps('API 列表'), label === '联合体一键匹配' ? NaN : 50]);
  console.log('\n议题 15 目标（同一次运行中的吞吐之比）');
  for (const [name, against, ours, ref, goal] of rows) {
    if (ours === undefined || ref === undefined) continue;
    const pct = (ours / ref) * 100;
    const verdict = Number.isNaN(goal) ? '（参考）' : pct >= goal ? `≥ ${goal}%，达标` : `< ${goal}%，未达标`;
    const cpu = cpuShare(name);
    const cpuText = cpu ? `；按 CPU：${against} ${cpu.ref.toFixed(2)} / ${cpu.ours.toFixed(2)} ms = ${cpu.pct.toFixed(0)}%` : '';
    console.log(`  ${name}：${ours.toFixed(0)} / ${against} ${ref.toFixed(0)} req/s = ${pct.toFixed(0)}%  ${verdict}${cpuText}`);
    const key = slug(name.replace(/^§\d /, 'API ')).replace(/^api\./, '');
    figure(`goal.${key}.share`, pct, '%');
    if (cpu) figure(`goal.${key}.cpu_share`, cpu.pct, '%');
  }
  // The same § 2 pairs by the servers' CPU per request: what throughput would be on a machine with nothing else running.
  const cpu = (name: string) => by.get(name)?.cpuMsPerRequest;
  const cpuRows = rows.filter(([name]) => name.startsWith('§2 ')).map(([name]) => [name, cpu(`API ${name.slice(3)}`), cpu(`参照 ${name.slice(3)}`)] as const);
  if (cpuRows.some(([, ours, ref]) => ours !== undefined && ref !== undefined)) {
    console.log('  —— 按服务器 CPU（参照每请求 CPU / 本系统每请求 CPU，机器繁忙时更可靠）');
    for (const [name, ours, ref] of cpuRows) {
      if (ours === undefined || ref === undefined || ours <= 0) continue;
      const pct = (ref / ours) * 100;
      // Its figure (goal.*.cpu_share, CPU pooled over the rounds) was recorded with the line above.
      const shares = roundShares(name.slice(3));
      if (shares.length < 2) {
        console.log(`  ${name}：CPU ${ours.toFixed(2)} / 参照 ${ref.toFixed(2)} ms/请求 = ${pct.toFixed(0)}%  ${pct >= 80 ? '≥ 80%，达标' : '< 80%，未达标'}`);
        continue;
      }
      // With rounds, the verdict is the median round's: one slow round (a stall, another job) cannot decide it.
      const mid = median(shares);
      const key = slug(`API ${name.slice(3)}`).replace(/^api\./, '');
      figure(`goal.${key}.cpu_share_median`, mid, '%');
      figure(`goal.${key}.cpu_share_min`, Math.min(...shares), '%');
      figure(`goal.${key}.cpu_share_max`, Math.max(...shares), '%');
      console.log(
        `  ${name}：CPU ${ours.toFixed(2)} / 参照 ${ref.toFixed(2)} ms/请求 = ${pct.toFixed(0)}%；各轮 ${shares.map((x) => x.toFixed(0)).join(' / ')}%，中位数 ${mid.toFixed(0)}%  ${mid >= 80 ? '≥ 80%，达标' : '< 80%，未达标'}`,
      );
    }
    console.log(
      values['reference-without-assets']
        ? '  参照 worker 不带静态资源路由（旧设置：只有 API 经过 [assets] run_worker_first 的资源路由）'
        : '  参照 worker 与 API 一样带静态资源路由（[assets] run_worker_first）',
    );
  }
}

/** Issue 11: the figures its "Demo data and scale" section asks of `pnpm bench` at ×10, beside what it asks. */
function printIssue11(results: LoadResult[], checkin: { wallMs: number; p95: number; errors: number } | null, stored: { checkins: number; events: number; attendance: number } | null): void {
  const find = (prefix: string) => results.find((r) => r.name.startsWith(prefix));
  const line = (label: string, asks: string, r: LoadResult | undefined) =>
    console.log(`  ${label}：${r ? `${r.rps.toFixed(0)} req/s，p50 ${r.p50.toFixed(0)} ms，p95 ${r.p95.toFixed(0)} ms，失败 ${r.errors}` : '未测得'}  —— 议题要求：${asks}`);
  console.log(`\n议题 11 指标（×${scale}）`);
  line('积分排行 党员前100（全年，1,000,000 条明细）', '一年前 100 名为一次索引读取（总分与明细同批维护）', find('API 积分排行 党员前100'));
  line('积分排行 支部前100', '支部总分可作考核输入', find('API 积分排行 支部前100'));
  line('活动达标情况（全县）', '每个联合体每年各项指标 达标/落后/有风险', find('API 活动达标情况'));
  if (checkin) {
    console.log(
      `  50 名党员同时签到同一活动：总用时 ${checkin.wallMs.toFixed(0)} ms，p95 ${checkin.p95.toFixed(0)} ms，失败 ${checkin.errors}` +
        (stored ? `；库中签到 ${stored.checkins}、事件 ${stored.events}、参加人数 ${stored.attendance}` : '') +
        '  —— 议题要求：50 人并发签到全部成功，重复签到无害，每人一条签到、一条事件',
    );
  } else console.log('  50 名党员同时签到：未测得（签到基准数据未准备）');
}

const slug = (name: string) =>
  name
    .replace(/^参照 /, 'reference.')
    .replace(/^API /, 'api.')
    // Alliance labels first: they contain the org labels' words.
    .replace('联合体列表', 'alliances.list')
    .replace(/联合体筛选 .*/, 'alliances.filtered')
    .replace('联合体详情', 'alliances.detail')
    .replace('联合体一键匹配', 'matching.assignment')
    .replace('需求清单', 'needs.list')
    .replace(/需求筛选 .*/, 'needs.filtered')
    .replace('资源清单', 'resources.list')
    .replace('项目清单', 'projects.list')
    .replace('督办预警', 'supervision.warnings')
    .replace(/活动达标情况.*/, 'activities.compliance')
    .replace(/积分排行 党员前100.*/, 'points.leaderboard')
    .replace(/积分排行 支部前100.*/, 'points.branches')
    .replace(/积分排行 单月党员前100.*/, 'points.month')
    .replace('对接推荐', 'needs.suggestions')
    .replace('/healthz（静态）', 'healthz')
    .replace('列表', 'orgs.list')
    .replace(/搜索 q=.*/, 'orgs.search')
    .replace(/筛选 domain=.*/, 'orgs.domain');

/** The flow solvers on the scale instances of their tests (the tests check answers, not time). */
async function flowBench(): Promise<void> {
  console.log('\n▶ 流求解器：packages/flow 测试中的规模实例');
  const { runFlowBench } = await import('./flow.ts');
  for (const f of runFlowBench()) figure(f.name, f.value, f.unit);
}

/** The 以奖代补 allocation engine: 10,000 recipients per method (issue 12), CPU ms per allocation. */
async function rewardsBench(): Promise<void> {
  console.log('');
  const { runRewardsBench } = await import('./rewards.ts');
  for (const f of runRewardsBench()) figure(f.name, f.value, f.unit);
}

/** The city rollup (issue 13): refresh per county, the full recount of 200 generated tenants, the one-statement read. */
async function rollupBench(): Promise<void> {
  console.log('');
  const { runRollupBench } = await import('./rollup.ts');
  for (const f of await runRollupBench({ tenants: 200, reads: 20 })) figure(f.name, f.value, f.unit);
}

/** The admin UI (issue 15 § 4): initial JavaScript and each page's time to data, beside the goals. */
async function uiBench(): Promise<void> {
  console.log('');
  const { runUiBench } = await import('./ui.ts');
  const port = values['ui-port'] ? int(values['ui-port'], 'ui-port') : undefined;
  const figs = await runUiBench({ runs: int(values['ui-runs'], 'ui-runs'), port, state: join(state, '..', 'ui-state'), logDir: join(state, '..', 'logs') });
  for (const f of figs) figures.push(f);
}

async function main(): Promise<void> {
  if (values['only-ui']) {
    await uiBench();
    console.log('');
    for (const f of figures) console.log(JSON.stringify(f));
    return;
  }
  if (values['only-rollup']) {
    await rollupBench();
    console.log('');
    for (const f of figures) console.log(JSON.stringify(f));
    return;
  }
  if (values['only-rewards']) {
    await rewardsBench();
    console.log('');
    for (const f of figures) console.log(JSON.stringify(f));
    return;
  }
  if (values['only-matching']) {
    const { runMatchingProcesses, runMatchingWorkerdPair, runMatchingWorkerdScales } = await import('./matching.ts');
    for (const f of runMatchingProcesses({ repeats: int(values['matching-repeats'], 'matching-repeats'), baseline: values['matching-baseline'] })) figure(f.name, f.value, f.unit);
    // In workerd at 1× and 2× (issue 15 § 1): first, second and warm calls of one isolate per scale.
    if (!values['skip-workerd']) for (const f of await runMatchingWorkerdScales()) figure(f.name, f.value, f.unit);
    // The baseline's engine in workerd too, beside ours, requests alternating (bench/matching.ts runMatchingWorkerdPair).
    if (!values['skip-workerd'] && values['matching-baseline']) for (const f of await runMatchingWorkerdPair({ baseline: values['matching-baseline'] })) figure(f.name, f.value, f.unit);
    console.log('');
    for (const f of figures) console.log(JSON.stringify(f));
    return;
  }
  if (values['only-flow']) {
    await flowBench();
    console.log('');
    for (const f of figures) console.log(JSON.stringify(f));
    return;
  }
  const t0 = performance.now();
  await prepareState();
  if (values['only-data']) {
    // Seed (or top up) the state directory and stop: the slow part, worth starting early in the background.
    console.log(`▶ 数据就绪，用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
    for (const f of figures) console.log(JSON.stringify(f));
    return;
  }
  if (!existsSync(join(ROOT, 'workers/admin-ui/dist/index.html'))) {
    throw new Error('缺少 workers/admin-ui/dist（wrangler 需要它）：请先运行一次 npx -y pnpm@10.34.9 start');
  }
  const servers: Server[] = [];
  const stopAll = () => Promise.all(servers.map((s) => s.stop()));
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    console.log('▶ 启动 API（wrangler dev）与参照 worker …');
    const logDir = join(state, '..', 'logs');
    // Ports the OS reports free unless given: other engineers' dev servers use the usual ones.
    const apiPort = values['api-port'] ? int(values['api-port'], 'api-port') : await freePort();
    let refPort = values['ref-port'] ? int(values['ref-port'], 'ref-port') : await freePort();
    while (refPort === apiPort) refPort = await freePort();
    const started = await Promise.allSettled([
      startWrangler({ name: 'api', root: ROOT, config: WRANGLER_CONFIG, port: apiPort, persistTo: state, logDir }),
      // By default the reference has the API's [assets] set-up, so both pay the same asset router (ADR 0032).
      startWrangler({
        name: 'reference',
        root: ROOT,
        config: join(ROOT, values['reference-without-assets'] ? 'bench/reference/wrangler.without-assets.toml' : 'bench/reference/wrangler.toml'),
        port: refPort,
        persistTo: state,
        logDir,
      }),
    ]);
    for (const r of started) if (r.status === 'fulfilled') servers.push(r.value);
    for (const r of started) if (r.status === 'rejected') throw r.reason;
    const [api, ref] = servers as [Server, Server];
    console.log(`  API ${api.url}，参照 ${ref.url}`);
    console.log(`  就绪，准备用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
    const token = await login(api);
    const results = await listBenchmarks(api, ref, token);
    printTable(results);
    printGoals(results);
    listResults = results;
    for (const r of results) {
      const n = slug(r.name);
      figure(`${n}.throughput`, r.rps, 'req/s');
      figure(`${n}.p50`, r.p50, 'ms');
      figure(`${n}.p95`, r.p95, 'ms');
      figure(`${n}.p99`, r.p99, 'ms');
      if (r.cpuMsPerRequest !== undefined) figure(`${n}.cpu`, r.cpuMsPerRequest, 'ms');
      if (r.errors) figure(`${n}.errors`, r.errors, 'count');
    }
    if (checkinBench && !values['only-overhead'] && !values['only-lists']) {
      const r = await checkinBenchmark(api, tenant!.slug, checkinBench, DEMO_PASSWORD);
      checkinResult = r;
      console.log(`\n50 名党员同时签到同一活动：总用时 ${r.wallMs.toFixed(0)} 毫秒，p50 ${r.p50.toFixed(0)} 毫秒，p95 ${r.p95.toFixed(0)} 毫秒，失败 ${r.errors}${r.firstError ? `（${r.firstError}）` : ''}`);
      figure('checkins.concurrent50.wall', r.wallMs, 'ms');
      figure('checkins.concurrent50.p95', r.p95, 'ms');
      if (r.errors) figure('checkins.concurrent50.errors', r.errors, 'count');
    }
    if (!values['skip-import'] && !values['only-overhead'] && !values['only-lists']) {
      // The list figures above stand on their own; an import failure is reported, not fatal.
      await importBenchmark(api, token).catch((err: Error) => {
        process.exitCode = 1;
        console.error(`\n⚠ Excel 导入基准失败：${err.message}`);
      });
      await peopleImportBenchmark(api, token).catch((err: Error) => {
        process.exitCode = 1;
        console.error(`\n⚠ 人员 Excel 导入基准失败：${err.message}`);
      });
    }
  } finally {
    await stopAll();
  }
  if (values['only-overhead']) {
    console.log('');
    for (const f of figures) console.log(JSON.stringify(f));
    return;
  }
  if (checkinBench && checkinResult) {
    // Counted with the servers stopped: exactly one row and one event per member, and the attendance count beside them.
    const platform = await openLocalPlatform(state);
    try {
      const n = await checkinsStored(platform.db(tenant!), checkinBench.activityId);
      checkinStored = n;
      const ok = n.checkins === 50 && n.events === 50 && n.attendance === 50;
      console.log(`  库中：签到 ${n.checkins} 条，签到事件 ${n.events} 条，活动参加人数 ${n.attendance}${ok ? '（均为 50，正确）' : '（应均为 50）'}`);
      if (!ok) process.exitCode = 1;
      figure('checkins.concurrent50.stored', n.checkins, 'count');
      figure('checkins.concurrent50.events', n.events, 'count');
    } finally {
      await platform.dispose();
    }
  }
  if (values['only-lists']) {
    console.log('');
    for (const f of figures) console.log(JSON.stringify(f));
    return;
  }
  if (listResults.length) printIssue11(listResults, checkinResult, checkinStored);
  if (!values['skip-matching']) {
    // The engine alone at county scale (20,000 open needs × 5,000 resources), inside workerd and in node.
    console.log('\n▶ 匹配引擎：县域规模（20,000 条需求 × 5,000 项资源；2× 为 40,000 × 10,000）');
    const { runMatchingProcesses, runMatchingWorkerdScales } = await import('./matching.ts');
    for (const f of runMatchingProcesses({ repeats: int(values['matching-repeats'], 'matching-repeats'), baseline: values['matching-baseline'] })) figure(f.name, f.value, f.unit);
    for (const f of await runMatchingWorkerdScales()) figure(f.name, f.value, f.unit);
  }
  if (!values['skip-flow']) await flowBench();
  if (!values['skip-rewards']) await rewardsBench();
  if (!values['skip-rollup']) await rollupBench();
  if (!values['skip-ui']) await uiBench();
  console.log('');
  for (const f of figures) console.log(JSON.stringify(f));
}

try {
  await main();
} catch (err) {
  console.error(`基准测试失败：${(err as Error).message}`);
  process.exit(1);
}
