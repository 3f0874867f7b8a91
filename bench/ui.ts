// The admin UI as a county administrator meets it (issue 15 § 4): how much
// JavaScript the first page needs, and how long each main page takes to show
// its data — on a cold load (a new browser context: empty cache, nothing
// compiled), on a returning visit (a new tab of a browser that used the app
// before: a full page load with its HTTP cache) and on a warm navigation (a
// click in the sidebar of a loaded app).
// Headless Debian Chromium via playwright-core against the built UI and the
// worker under `wrangler dev` with the ×1 demo data (scripts/start.ts).
// A benchmark, not a test: figures depend on the machine and what else runs.
//
// UI_BENCH_BASELINE=<dist directory>: an older build of the UI (e.g. `vite build` of the
// commit before a change, copied aside) measured in the same run, page by page
// interleaved with the current build, against the same worker and data: a before/after
// that one machine's load cannot tilt. Both builds' files are then served to the browser
// by the bench from disk (the API still from the worker), so both pay the same. To make one:
// check the older commit out, `npx -y pnpm@10.34.9 --filter @ronghe/admin-ui build`, copy
// workers/admin-ui/dist aside (e.g. .bench/ui-baseline-dist), come back.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Response } from 'playwright-core';
import { installBrowserPackages } from '../scripts/lib/browser-packages.ts';
import { ROOT } from '../scripts/lib/local-platform.ts';
import { DEMO_PASSWORD } from '../scripts/seed.ts';
import { buildUiIfNeeded } from '../test/e2e/server.ts';
import { gzipSize, initialScripts, measureFiles, total } from './lib/ui-bundle.ts';
import { freePort, portInUse } from './lib/servers.ts';
import { median } from './lib/stats.ts';

// What the functions handed to page.evaluate / waitForFunction read; they run in the page.
// (The root tsconfig has no DOM library, and giving it one would hide misuse in the workers.)
interface BenchElement {
  closest(selector: string): unknown;
  offsetParent: unknown;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): BenchElement | null;
  querySelectorAll(selector: string): Iterable<BenchElement>;
  outerHTML: string;
}
declare const document: BenchElement & { documentElement: BenchElement };
declare const location: { pathname: string };
declare const sessionStorage: { setItem(key: string, value: string): void };
declare const performance: { now(): number; timeOrigin: number };

/** The goals (issue 15 § 4). */
export const INITIAL_JS_GOAL_KB = 250;
export const DATA_VISIBLE_GOAL_MS = 1000;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TENANT = 'hongshan';
const USER = 'hongshan_admin';

interface UiPage {
  /** The sidebar key and the path under /t/:tenant/. */
  key: string;
  label: string;
  /** Shown only once the page's data has arrived (a table row, a figure). */
  ready: string;
}

/** The county administrator's main pages, in sidebar order. */
export const UI_PAGES: readonly UiPage[] = [
  { key: 'workbench', label: '工作台', ready: '[data-testid="figure-alliances"] .ant-card-body' },
  { key: 'orgs', label: '党组织管理', ready: '[data-testid="org-table"] .ant-table-row' },
  { key: 'alliances', label: '党建联合体', ready: '[data-testid="alliance-table"] .ant-table-row' },
  { key: 'needs', label: '需求清单', ready: '[data-testid="need-table"] .ant-table-row' },
  // The board (the default view): a project's card in a column.
  { key: 'projects', label: '项目清单', ready: '[data-testid="project-board"] [data-testid="project-card"]' },
  { key: 'supervision', label: '督办预警', ready: '[data-testid="count-overdueNeeds"]' },
  { key: 'people', label: '人员', ready: '[data-testid="person-table"] .ant-table-row' },
  // Opens on the current month, which may hold no activity: its answer is a row or the empty table.
  // (The second pair is for builds before the table had its test id.)
  { key: 'activities', label: '联合体活动', ready: '[data-testid="activity-table"] .ant-table-row, [data-testid="activity-table"] .ant-empty, .ant-card-body > .ant-table-wrapper .ant-table-row, .ant-card-body > .ant-table-wrapper .ant-empty' },
  { key: 'funds', label: '经费保障', ready: '[data-testid="funds-summary"] .ant-table-row' },
  { key: 'audit', label: '审计日志', ready: '[data-testid="audit-table"] .ant-table-row' },
];

export interface UiFigure {
  name: string;
  value: number;
  unit: string;
}

/**
 * The page's data is visible: the address is the page's, nothing in the content
 * area is loading (spinner, skeleton), and an element of `ready` is on screen
 * that was not there before the navigation (the old page may stay while the
 * new one loads). Returns the page's clock (ms since its navigation started).
 */
export function dataVisible(page: Page, key: string, ready: string, timeout = 20_000): Promise<number> {
  return page
    .waitForFunction(
      ({ key, ready }) => {
        if (!location.pathname.endsWith(`/${key}`)) return false;
        const content = document.querySelector('.ant-layout-content');
        if (!content || content.querySelector('.ant-spin-spinning, .ant-skeleton')) return false;
        const fresh = [...content.querySelectorAll(ready)].some((el) => !el.closest('[data-bench-old]') && el.offsetParent !== null);
        return fresh ? performance.now() : false;
      },
      { key, ready },
      { timeout, polling: 'raf' },
    )
    .then((h) => h.jsonValue() as Promise<number>);
}

/**
 * antd's pieces are drawn: the header's user menu is there and no island (lib/ant-island.tsx) still shows its
 * look-alike. A page drawn without antd shows its data first and its filter bar, tree and menus once antd
 * has run; this is when everything on it answers. Returns the page's clock.
 */
export function controlsReady(page: Page, timeout = 20_000): Promise<number> {
  return page
    .waitForFunction(() => (document.querySelector('[data-testid="user-menu"]') && !document.querySelector('[data-island-pending]') ? performance.now() : false), undefined, {
      timeout,
      polling: 'raf',
    })
    .then((h) => h.jsonValue() as Promise<number>);
}

/**
 * Marks what the current page shows, so the next page's readiness is not read from it. The
 * layout's content area keeps one wrapper (keyed by tenant) across pages: the marks go on
 * what the page drew inside it, which a new page replaces.
 */
const markOld = (page: Page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll('.ant-layout-content > div > *')) el.setAttribute('data-bench-old', '');
  });

/** Every script the page fetched, gzip-compressed as a CDN would serve it. */
function countScripts(page: Page): () => Promise<{ files: number; gzip: number }> {
  const scripts: Response[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' && r.ok()) scripts.push(r);
  });
  // The bodies are read and compressed once the page is measured: fetched over the DevTools
  // protocol and gzipped while the page loads, they took CPU from the load being timed.
  return async () => {
    const sizes = await Promise.all(scripts.map((r) => r.body().then((b) => gzipSize(b), () => 0)));
    return { files: sizes.length, gzip: sizes.reduce((s, n) => s + n, 0) };
  };
}

/**
 * When the page's own first read was sent (ms on the page's clock): the first request under
 * /api/t/<tenant>/<page key> (the sidebar's counts, /workbench/counts, are not the 工作台's).
 * Less bent by the machine's load than the time to data: it shows how many steps come before.
 */
function firstRead(page: Page, key: string): () => Promise<number> {
  const reads: Request[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith(`/api/t/${TENANT}/${key}`) && !path.startsWith(`/api/t/${TENANT}/workbench/counts`)) reads.push(r);
  });
  return async () => {
    // A request's timing is filled in once it is answered (epoch ms; -1 before).
    const starts = reads.map((r) => r.timing().startTime).filter((t) => t > 0);
    if (!starts.length) return NaN;
    const origin = await page.evaluate(() => performance.timeOrigin);
    return Math.min(...starts) - origin;
  };
}

export async function apiLogin(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password: DEMO_PASSWORD }) });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`登录 ${USER} 失败：${res.status}`);
  return body.token;
}

/** A build of the UI to measure: `dist` set means the bench serves its files from disk (baseline comparison). */
export interface Variant {
  name: 'baseline' | 'current';
  dist?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

async function newContext(browser: Browser, base: string, variant: Variant): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const dist = variant.dist;
  if (dist) {
    // As the worker's assets binding does: a file when there is one, else the app's index.html (single-page routes).
    await context.route(
      (url) => !url.pathname.startsWith('/api/') && url.pathname !== '/healthz',
      (route) => {
        const path = decodeURIComponent(new URL(route.request().url()).pathname);
        const file = resolve(dist, `.${path}`);
        const found = file.startsWith(dist) && existsSync(file) && statSync(file).isFile() ? file : join(dist, 'index.html');
        return route.fulfill({ status: 200, body: readFileSync(found), headers: { 'content-type': CONTENT_TYPES[extname(found)] ?? 'application/octet-stream' } });
      },
    );
  }
  return context;
}

export async function signedInContext(browser: Browser, base: string, token: string, variant: Variant): Promise<BrowserContext> {
  const context = await newContext(browser, base, variant);
  await context.addInitScript((t) => sessionStorage.setItem('ronghe.token', t), token);
  return context;
}

/** The worker with the ×1 demo data (scripts/start.ts: build, migrate, seed once, serve), in its own state directory. */
export async function startServer(port: number, state: string, logDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  if (await portInUse(port)) throw new Error(`端口 ${port} 已被占用，请换一个端口（--ui-port）`);
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'ui-server.log');
  const log = openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = { ...process.env, BROWSER: 'none', WRANGLER_SEND_METRICS: 'false', CI: '1' };
  delete env.NODE_ENV;
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/node'), ['scripts/start.ts', '--port', String(port), '--persist-to', state], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const kill = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // gone
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(timer);
    kill('SIGKILL');
  };
  // The first start migrates and seeds (minutes; far more on a busy machine); later starts only serve.
  const bootMinutes = Number(process.env.UI_BENCH_BOOT_MINUTES ?? 60);
  const deadline = Date.now() + bootMinutes * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`界面基准的服务启动失败，见 ${logFile}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`界面基准的服务未在 ${bootMinutes} 分钟内就绪（UI_BENCH_BOOT_MINUTES 可调），见 ${logFile}`);
}

/**
 * Builds a reference page (workers/admin-ui/reference: React + antd, or `plain`, React alone) into
 * .bench/ui-reference-dist[-plain] with the admin UI's own Vite, as a production build, and returns the directory.
 */
function buildReference(which: 'antd' | 'plain' = 'antd'): string {
  const out = join(ROOT, which === 'plain' ? '.bench/ui-reference-dist-plain' : '.bench/ui-reference-dist');
  const ui = join(ROOT, 'workers/admin-ui');
  const r = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ui, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'reference/vite.config.ts', '--outDir', out, '--logLevel', 'warn'], {
    cwd: ui,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', UI_REFERENCE: which === 'plain' ? 'plain' : '' },
  });
  if (r.status !== 0) throw new Error('参照页构建失败（workers/admin-ui/reference）');
  return out;
}

/**
 * A page as the app drew it with its data, saved without its scripts: the most that HTML rendered by a
 * server could show on arrival (no server time, no hydration), with the same stylesheet. The floor of
 * the one option that does not run React and antd before the data shows (docs/adr/0031).
 */
async function drawnHtml(browser: Browser, base: string, token: string, dist: string, p: UiPage): Promise<string> {
  const context = await signedInContext(browser, base, token, { name: 'current', dist });
  const page = await context.newPage();
  await page.goto(`/t/${TENANT}/${p.key}`);
  await dataVisible(page, p.key, p.ready);
  const html = await page.evaluate(() => `<!doctype html>${document.documentElement.outerHTML}`);
  await context.close();
  return html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, '');
}

export async function runUiBench(opts: { runs: number; port?: number; state: string; logDir: string }): Promise<UiFigure[]> {
  // The same Chromium and Chinese font as the browser tests: figures taken without the font are of fallback boxes.
  const missing = installBrowserPackages(CHROMIUM);
  if (missing.length) throw new Error(`缺少 ${missing.join('、')}：apt-get install -y ${missing.join(' ')}${missing.includes('chromium') ? '，或设置 CHROMIUM_PATH' : ''}`);
  const figures: UiFigure[] = [];
  const fig = (name: string, value: number, unit: string) => figures.push({ name, value: Math.round(value * 10) / 10, unit });

  console.log('▶ 管理端界面：构建（如有改动）');
  buildUiIfNeeded();
  const dist = join(ROOT, 'workers/admin-ui/dist');
  const initial = total(measureFiles(dist, initialScripts(dist)));
  const initialKb = initial.gzip / 1024;
  fig('ui.initial_js.gzip', initialKb, 'KB');

  const baselineDir = process.env.UI_BENCH_BASELINE ? resolve(process.env.UI_BENCH_BASELINE) : undefined;
  if (baselineDir && !existsSync(join(baselineDir, 'index.html'))) throw new Error(`UI_BENCH_BASELINE=${baselineDir} 不是构建好的界面目录（缺 index.html）`);
  const variants: Variant[] = baselineDir ? [{ name: 'baseline', dist: baselineDir }, { name: 'current', dist }] : [{ name: 'current' }];
  const baselineKb = baselineDir ? total(measureFiles(baselineDir, initialScripts(baselineDir))).gzip / 1024 : NaN;
  if (baselineDir) fig('ui.baseline.initial_js.gzip', baselineKb, 'KB');

  // UI_BENCH_URL: a server already running with the demo data (e.g. the e2e one), left running afterwards.
  const given = process.env.UI_BENCH_URL;
  const server = given ? { url: given, stop: async () => undefined } : await startServer(opts.port ?? (await freePort()), opts.state, opts.logDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'] });
  try {
    const token = await apiLogin(server.url);
    // Warm the server: every page's API once, so the figures are the UI's, not workerd's first compile.
    {
      const context = await signedInContext(browser, server.url, token, variants.at(-1)!);
      const page = await context.newPage();
      for (const p of UI_PAGES) {
        await page.goto(`/t/${TENANT}/${p.key}`);
        await dataVisible(page, p.key, p.ready).catch(() => undefined);
      }
      await context.close();
    }

    type Samples = Map<string, number[]>;
    const add = (m: Samples, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
    const loginMs: Samples = new Map();
    const loginJs: Samples = new Map();
    const cold: Samples = new Map();
    const coldJs: Samples = new Map();
    const coldControls: Samples = new Map();
    const coldRead: Samples = new Map();
    const warmRead: Samples = new Map();
    const warm: Samples = new Map();
    const back: Samples = new Map();
    const backJs: Samples = new Map();
    // Each run measures every variant page by page, alternating which goes first.
    const ordered = (i: number) => (i % 2 ? [...variants].reverse() : variants);

    // Sign in as a person does, to the 工作台: login page, typed password, landing page's data.
    console.log(`▶ 登录（${USER}）与各页面冷启动、页内切换，各 ${opts.runs} 次取中位数${baselineDir ? `；与 ${baselineDir} 的构建交替测量` : ''}`);
    for (let i = 0; i < opts.runs; i++) {
      for (const v of ordered(i)) {
        const context = await newContext(browser, server.url, v);
        const page = await context.newPage();
        const scripts = countScripts(page);
        await page.goto('/login');
        await page.getByLabel('用户名').fill(USER);
        await page.getByLabel('密码').fill(DEMO_PASSWORD);
        const t0 = await page.evaluate(() => performance.now());
        await page.getByRole('button', { name: '登录' }).click();
        const shown = await dataVisible(page, 'workbench', UI_PAGES[0]!.ready).catch(() => NaN);
        add(loginMs, v.name, shown - t0);
        add(loginJs, v.name, (await scripts()).gzip / 1024);
        await context.close();
      }
    }

    for (let i = 0; i < opts.runs; i++) {
      for (const p of UI_PAGES) {
        for (const v of ordered(i)) {
          const context = await signedInContext(browser, server.url, token, v);
          const page = await context.newPage();
          const scripts = countScripts(page);
          const read = firstRead(page, p.key);
          await page.goto(`/t/${TENANT}/${p.key}`, { waitUntil: 'commit' });
          add(cold, `${v.name}:${p.key}`, await dataVisible(page, p.key, p.ready).catch(() => NaN));
          add(coldControls, `${v.name}:${p.key}`, await controlsReady(page).catch(() => NaN));
          add(coldJs, `${v.name}:${p.key}`, (await scripts()).gzip / 1024);
          add(coldRead, `${v.name}:${p.key}`, await read());
          await context.close();
        }
      }
      // A returning person: a browser that has used the app before (its HTTP cache and compiled code kept), a new
      // tab and the page's address typed in — a full page load, the app started from scratch.
      for (const v of ordered(i)) {
        const context = await signedInContext(browser, server.url, token, v);
        const first = await context.newPage();
        for (const p of UI_PAGES) {
          await first.goto(`/t/${TENANT}/${p.key}`);
          await dataVisible(first, p.key, p.ready).catch(() => undefined);
        }
        await first.close();
        for (const p of UI_PAGES) {
          const page = await context.newPage();
          const scripts = countScripts(page);
          await page.goto(`/t/${TENANT}/${p.key}`, { waitUntil: 'commit' });
          add(back, `${v.name}:${p.key}`, await dataVisible(page, p.key, p.ready).catch(() => NaN));
          add(backJs, `${v.name}:${p.key}`, (await scripts()).gzip / 1024);
          await page.close();
        }
        await context.close();
      }
      // Warm: one loaded app, each page opened from the sidebar in turn.
      for (const v of ordered(i)) {
        const context = await signedInContext(browser, server.url, token, v);
        const page = await context.newPage();
        const last = UI_PAGES.at(-1)!;
        await page.goto(`/t/${TENANT}/${last.key}`);
        await dataVisible(page, last.key, last.ready).catch(() => undefined);
        for (const p of UI_PAGES) {
          await markOld(page);
          const read = firstRead(page, p.key);
          const t0 = await page.evaluate(() => performance.now());
          const clicked = await page
            // The sidebar's link to the page (layout/SideNav.tsx); a baseline built before it used antd's Menu.
            .locator(`.ant-layout-sider a[role="menuitem"][href$="/${p.key}"], .ant-layout-sider li[role="menuitem"][data-menu-id$="-${p.key}"]`)
            .first()
            .click({ timeout: 5000 })
            .then(() => true, () => false);
          add(warm, `${v.name}:${p.key}`, clicked ? await dataVisible(page, p.key, p.ready).then((t) => t - t0, () => NaN) : NaN);
          add(warmRead, `${v.name}:${p.key}`, (await read()) - t0);
          page.removeAllListeners('request');
        }
        await context.close();
      }
    }

    // The stack's own floor in the same run: the reference page (React + antd and nothing else, see
    // workers/admin-ui/reference/main.tsx) and the app's 党组织管理, both cold and both served from
    // disk by the bench, alternating which goes first.
    // And the same page as HTML drawn ahead (drawnHtml): the floor of server rendering.
    // And the same table drawn by React alone (reference/plain): the floor of any lighter component layer.
    console.log(`▶ 参照页（React + antd 最简页；仅 React）、党组织管理、其已绘制的 HTML 轮流冷启动，各 ${opts.runs} 次`);
    const referenceDir = buildReference();
    const plainDir = buildReference('plain');
    const orgs = UI_PAGES.find((p) => p.key === 'orgs')!;
    const orgsHtml = await drawnHtml(browser, server.url, token, dist, orgs);
    const floor: Samples = new Map();
    for (let i = 0; i < opts.runs; i++) {
      // The reference goes through the baseline's path: its files from disk, like any older build.
      const four: [string, Variant][] = [
        ['reference', { name: 'baseline', dist: referenceDir }],
        ['app', { name: 'current', dist }],
        ['html', { name: 'current', dist }],
        ['plain', { name: 'baseline', dist: plainDir }],
      ];
      for (const [k, v] of [...four.slice(i % 4), ...four.slice(0, i % 4)]) {
        const context = await signedInContext(browser, server.url, token, v);
        // Registered last, so it answers the page's address before the files' route does.
        if (k === 'html') await context.route((url) => url.pathname === `/t/${TENANT}/${orgs.key}`, (route) => route.fulfill({ status: 200, body: orgsHtml, headers: { 'content-type': CONTENT_TYPES['.html']! } }));
        const page = await context.newPage();
        // As the cold loads above: timed from the navigation's commit; a page that never shows counts as NaN.
        await page.goto(`/t/${TENANT}/${orgs.key}`, { waitUntil: 'commit' });
        add(floor, k, await dataVisible(page, orgs.key, orgs.ready).catch(() => NaN));
        await context.close();
      }
    }

    const med = (m: Samples, k: string) => median(m.get(k) ?? [NaN]);
    const ms = (v: number) => (Number.isNaN(v) ? '未显示' : `${v.toFixed(0)} ms`);
    const ok = (v: number, goal: number) => (Number.isNaN(v) ? '未显示' : v <= goal ? '✓' : '✗');
    const cmp = baselineDir !== undefined;
    // One row per figure: what, [baseline, ratio], current, goal, met.
    const rows: string[][] = [];
    const row = (what: string, base: string, ratio: string, now: string, goal: string, met: string) => rows.push(cmp ? [what, base, ratio, now, goal, met] : [what, now, goal, met]);
    const ratio = (b: number, c: number) => (Number.isFinite(b) && Number.isFinite(c) && b > 0 ? `×${(c / b).toFixed(2)}` : '');
    row('首屏 JavaScript（index.html 加载的文件，gzip）', cmp ? `${baselineKb.toFixed(1)} KB` : '', cmp ? ratio(baselineKb, initialKb) : '', `${initialKb.toFixed(1)} KB`, `≤ ${INITIAL_JS_GOAL_KB} KB`, ok(initialKb, INITIAL_JS_GOAL_KB));
    const figOf = (name: string, m: Samples, k: string, unit: string) => {
      const c = med(m, `${k}`);
      fig(name, c, unit);
      return c;
    };
    {
      const c = figOf('ui.login_to_workbench.js.gzip', loginJs, 'current', 'KB');
      const b = cmp ? figOf('ui.baseline.login_to_workbench.js.gzip', loginJs, 'baseline', 'KB') : NaN;
      row('登录页 → 工作台：共加载 JavaScript（gzip）', cmp ? `${b.toFixed(1)} KB` : '', cmp ? ratio(b, c) : '', `${c.toFixed(1)} KB`, '', '');
    }
    {
      const c = figOf('ui.login_to_workbench.data_visible', loginMs, 'current', 'ms');
      const b = cmp ? figOf('ui.baseline.login_to_workbench.data_visible', loginMs, 'baseline', 'ms') : NaN;
      row('点击登录 → 工作台数据可见', cmp ? ms(b) : '', cmp ? ratio(b, c) : '', ms(c), `≤ ${DATA_VISIBLE_GOAL_MS} ms`, ok(c, DATA_VISIBLE_GOAL_MS));
    }
    for (const p of UI_PAGES) {
      const c = figOf(`ui.${p.key}.cold.data_visible`, cold, `current:${p.key}`, 'ms');
      const cJs = figOf(`ui.${p.key}.cold.js.gzip`, coldJs, `current:${p.key}`, 'KB');
      const w = figOf(`ui.${p.key}.warm.data_visible`, warm, `current:${p.key}`, 'ms');
      const b = cmp ? figOf(`ui.baseline.${p.key}.cold.data_visible`, cold, `baseline:${p.key}`, 'ms') : NaN;
      const bJs = cmp ? figOf(`ui.baseline.${p.key}.cold.js.gzip`, coldJs, `baseline:${p.key}`, 'KB') : NaN;
      const bw = cmp ? figOf(`ui.baseline.${p.key}.warm.data_visible`, warm, `baseline:${p.key}`, 'ms') : NaN;
      row(`${p.label}：冷启动（新浏览器上下文）数据可见`, cmp ? `${ms(b)}（JS ${bJs.toFixed(0)} KB）` : '', cmp ? ratio(b, c) : '', `${ms(c)}（JS ${cJs.toFixed(0)} KB）`, `≤ ${DATA_VISIBLE_GOAL_MS} ms`, ok(c, DATA_VISIBLE_GOAL_MS));
      const cc = figOf(`ui.${p.key}.cold.controls_ready`, coldControls, `current:${p.key}`, 'ms');
      const bcc = cmp ? figOf(`ui.baseline.${p.key}.cold.controls_ready`, coldControls, `baseline:${p.key}`, 'ms') : NaN;
      row(`${p.label}：冷启动，筛选栏与菜单（antd 部件）就绪`, cmp ? ms(bcc) : '', cmp ? ratio(bcc, cc) : '', ms(cc), '', '');
      const r = figOf(`ui.${p.key}.return.data_visible`, back, `current:${p.key}`, 'ms');
      const rJs = figOf(`ui.${p.key}.return.js.gzip`, backJs, `current:${p.key}`, 'KB');
      const br2 = cmp ? figOf(`ui.baseline.${p.key}.return.data_visible`, back, `baseline:${p.key}`, 'ms') : NaN;
      row(`${p.label}：再次访问（新标签页输入地址，浏览器缓存在）数据可见`, cmp ? ms(br2) : '', cmp ? ratio(br2, r) : '', `${ms(r)}（JS ${rJs.toFixed(0)} KB）`, `≤ ${DATA_VISIBLE_GOAL_MS} ms`, ok(r, DATA_VISIBLE_GOAL_MS));
      row(`${p.label}：页内切换数据可见`, cmp ? ms(bw) : '', cmp ? ratio(bw, w) : '', ms(w), `≤ ${DATA_VISIBLE_GOAL_MS} ms`, ok(w, DATA_VISIBLE_GOAL_MS));
      const cr = figOf(`ui.${p.key}.cold.read_start`, coldRead, `current:${p.key}`, 'ms');
      const wr = figOf(`ui.${p.key}.warm.read_start`, warmRead, `current:${p.key}`, 'ms');
      const br = cmp ? figOf(`ui.baseline.${p.key}.cold.read_start`, coldRead, `baseline:${p.key}`, 'ms') : NaN;
      const bwr = cmp ? figOf(`ui.baseline.${p.key}.warm.read_start`, warmRead, `baseline:${p.key}`, 'ms') : NaN;
      row(`${p.label}：本页首个读取发出（冷启动 / 切换）`, cmp ? `${ms(br)} / ${ms(bwr)}` : '', cmp ? ratio(br, cr) : '', `${ms(cr)} / ${ms(wr)}`, '', '');
    }
    {
      const r = figOf('ui.reference.cold.data_visible', floor, 'reference', 'ms');
      const a = figOf('ui.orgs.cold_from_disk.data_visible', floor, 'app', 'ms');
      row('参照：React + antd 最简页（侧栏、页头、20 行表格），冷启动数据可见', '', '', ms(r), '', '');
      row(`${orgs.label}：冷启动，静态文件同样由基准从磁盘提供`, '', '', `${ms(a)}（参照的 ${ratio(r, a)}）`, '', '');
      const h = figOf('ui.orgs.drawn_html.cold.data_visible', floor, 'html', 'ms');
      row(`${orgs.label}：已绘制页面的 HTML（无脚本，同一样式表），冷启动数据可见`, '', '', `${ms(h)}（参照的 ${ratio(r, h)}）`, '', '');
      const pl = figOf('ui.reference_plain.cold.data_visible', floor, 'plain', 'ms');
      row('参照：同一页只用 React（无组件库，原生表格），冷启动数据可见', '', '', `${ms(pl)}（参照的 ${ratio(r, pl)}）`, '', '');
    }
    const [load1, load5] = loadavg();
    console.log('');
    console.log(`  （${opts.runs} 次的中位数；负载均值 ${load1!.toFixed(1)} / ${load5!.toFixed(1)}（1/5 分钟），${cpus().length} 核${cmp ? '；静态文件由基准从磁盘提供，两种构建相同' : ''}）`);
    const head = cmp ? ['', '改动前', '比值', '现在', '目标', ''] : ['', '现在', '目标', ''];
    const width = Math.max(...rows.map((r) => r[0]!.length)) + 2;
    // Column widths after the first (negative: left-aligned).
    const widths = cmp ? [22, 7, 22, -12, -4] : [22, -12, -4];
    for (const r of [head, ...rows]) {
      const cells = r.slice(1).map((c, j) => (widths[j]! < 0 ? c.padEnd(-widths[j]!) : c.padStart(widths[j]!)));
      console.log(`  ${r[0]!.padEnd(width, '　').slice(0, width)} ${cells.join('  ')}`);
    }
    fig('ui.load_average_1m', load1!, 'load');
  } finally {
    await browser.close();
    await server.stop();
  }
  return figures;
}
