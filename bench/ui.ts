// The admin UI as a county administrator meets it (issue 15 § 4): how much
// JavaScript the first page needs, and how long each main page takes to show
// its data — on a cold load (a new browser context: empty cache, nothing
// compiled) and on a warm navigation (a click in the sidebar of a loaded app).
// Headless Debian Chromium via playwright-core against the built UI and the
// worker under `wrangler dev` with the ×1 demo data (scripts/start.ts).
// A benchmark, not a test: figures depend on the machine and what else runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../scripts/lib/local-platform.ts';
import { DEMO_PASSWORD } from '../scripts/seed.ts';
import { buildUiIfNeeded } from '../test/e2e/server.ts';
import { gzipSize, initialScripts, measureFiles, total } from './lib/ui-bundle.ts';
import { freePort, portInUse } from './lib/servers.ts';

// What the functions handed to page.evaluate / waitForFunction read; they run in the page.
// (The root tsconfig has no DOM library, and giving it one would hide misuse in the workers.)
interface BenchElement {
  closest(selector: string): unknown;
  offsetParent: unknown;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): BenchElement | null;
  querySelectorAll(selector: string): Iterable<BenchElement>;
}
declare const document: BenchElement;
declare const location: { pathname: string };
declare const sessionStorage: { setItem(key: string, value: string): void };

/** The goals (issue 15 § 4). */
export const INITIAL_JS_GOAL_KB = 250;
export const DATA_VISIBLE_GOAL_MS = 1000;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TENANT = 'hongshan';
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
  { key: 'workbench', label: '工作台', ready: '[data-testid="figure-alliances"] .ant-statistic, [data-testid="figure-alliances"] canvas, [data-testid="figure-alliances"] .ant-card-body' },
  { key: 'orgs', label: '党组织管理', ready: '[data-testid="org-table"] .ant-table-row' },
  { key: 'alliances', label: '党建联合体', ready: '[data-testid="alliance-table"] .ant-table-row' },
  { key: 'needs', label: '需求清单', ready: '.ant-table-row' },
  { key: 'projects', label: '项目清单', ready: '.ant-table-row' },
  { key: 'supervision', label: '督办预警', ready: '[data-testid="count-overdueNeeds"]' },
  { key: 'people', label: '人员', ready: '[data-testid="person-table"] .ant-table-row' },
  { key: 'activities', label: '联合体活动', ready: '.ant-table-row' },
  { key: 'funds', label: '经费保障', ready: '.ant-table-row' },
  { key: 'audit', label: '审计日志', ready: '[data-testid="audit-table"] .ant-table-row' },
];

export interface UiFigure {
  name: string;
  value: number;
  unit: string;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * The page's data is visible: the address is the page's, nothing in the content
 * area is loading (spinner, skeleton), and an element of `ready` is on screen
 * that was not there before the navigation (the old page may stay while the
 * new one loads). Returns the page's clock (ms since its navigation started).
 */
function dataVisible(page: Page, key: string, ready: string, timeout = 20_000): Promise<number> {
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

/** Marks what the current page shows, so the next page's readiness is not read from it. */
const markOld = (page: Page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll('.ant-layout-content > *')) el.setAttribute('data-bench-old', '');
  });

/** Every script the page fetched, gzip-compressed as a CDN would serve it. */
function countScripts(page: Page): () => Promise<{ files: number; gzip: number }> {
  const bodies: Promise<number>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' && r.ok()) bodies.push(r.body().then((b) => gzipSize(b), () => 0));
  });
  return async () => {
    const sizes = await Promise.all(bodies);
    return { files: sizes.length, gzip: sizes.reduce((s, n) => s + n, 0) };
  };
}

async function apiLogin(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password: DEMO_PASSWORD }) });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`登录 ${USER} 失败：${res.status}`);
  return body.token;
}

async function signedInContext(browser: Browser, base: string, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  await context.addInitScript((t) => sessionStorage.setItem('ronghe.token', t), token);
  return context;
}

/** The worker with the ×1 demo data (scripts/start.ts: build, migrate, seed once, serve), in its own state directory. */
async function startServer(port: number, state: string, logDir: string): Promise<{ url: string; stop(): Promise<void> }> {
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

export async function runUiBench(opts: { runs: number; port?: number; state: string; logDir: string }): Promise<UiFigure[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：apt-get install -y chromium，或设置 CHROMIUM_PATH`);
  const figures: UiFigure[] = [];
  const fig = (name: string, value: number, unit: string) => figures.push({ name, value: Math.round(value * 10) / 10, unit });

  console.log('▶ 管理端界面：构建（如有改动）');
  buildUiIfNeeded();
  const dist = join(ROOT, 'workers/admin-ui/dist');
  const initial = total(measureFiles(dist, initialScripts(dist)));
  const initialKb = initial.gzip / 1024;
  fig('ui.initial_js.gzip', initialKb, 'KB');

  // UI_BENCH_URL: a server already running with the demo data (e.g. the e2e one), left running afterwards.
  const given = process.env.UI_BENCH_URL;
  const server = given ? { url: given, stop: async () => undefined } : await startServer(opts.port ?? (await freePort()), opts.state, opts.logDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'] });
  try {
    const token = await apiLogin(server.url);
    // Warm the server: every page's API once, so the figures are the UI's, not workerd's first compile.
    {
      const context = await signedInContext(browser, server.url, token);
      const page = await context.newPage();
      for (const p of UI_PAGES) {
        await page.goto(`/t/${TENANT}/${p.key}`);
        await dataVisible(page, p.key, p.ready).catch(() => undefined);
      }
      await context.close();
    }

    // Sign in as a person does, to the 工作台: login page, typed password, landing page's data.
    console.log(`▶ 登录（${USER}）与各页面冷启动、页内切换，各 ${opts.runs} 次取中位数`);
    const loginMs: number[] = [];
    const firstPageJs: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const scripts = countScripts(page);
      await page.goto('/login');
      await page.getByLabel('用户名').fill(USER);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: '登录' }).click();
      const shown = await dataVisible(page, 'workbench', UI_PAGES[0]!.ready);
      loginMs.push(shown - t0);
      firstPageJs.push((await scripts()).gzip / 1024);
      await context.close();
    }

    const cold = new Map<string, number[]>();
    const coldJs = new Map<string, number>();
    const warm = new Map<string, number[]>();
    for (let i = 0; i < opts.runs; i++) {
      for (const p of UI_PAGES) {
        const context = await signedInContext(browser, server.url, token);
        const page = await context.newPage();
        const scripts = countScripts(page);
        await page.goto(`/t/${TENANT}/${p.key}`, { waitUntil: 'commit' });
        const ms = await dataVisible(page, p.key, p.ready).catch(() => NaN);
        cold.set(p.key, [...(cold.get(p.key) ?? []), ms]);
        if (i === 0) coldJs.set(p.key, (await scripts()).gzip / 1024);
        await context.close();
      }
      // Warm: one loaded app, each page opened from the sidebar in turn.
      const context = await signedInContext(browser, server.url, token);
      const page = await context.newPage();
      await page.goto(`/t/${TENANT}/${UI_PAGES.at(-1)!.key}`);
      await dataVisible(page, UI_PAGES.at(-1)!.key, UI_PAGES.at(-1)!.ready);
      for (const p of UI_PAGES) {
        await markOld(page);
        const t0 = await page.evaluate(() => performance.now());
        await page.locator(`.ant-layout-sider li[role="menuitem"][data-menu-id$="-${p.key}"]`).first().click();
        const ms = await dataVisible(page, p.key, p.ready).then((t) => t - t0, () => NaN);
        warm.set(p.key, [...(warm.get(p.key) ?? []), ms]);
      }
      await context.close();
    }

    const rows: string[][] = [];
    const ok = (v: number, goal: number) => (Number.isNaN(v) ? '未显示' : v <= goal ? '✓' : '✗');
    rows.push(['首屏 JavaScript（index.html 加载的文件，gzip）', `${initialKb.toFixed(1)} KB`, `≤ ${INITIAL_JS_GOAL_KB} KB`, ok(initialKb, INITIAL_JS_GOAL_KB)]);
    const firstJs = median(firstPageJs);
    fig('ui.login_to_workbench.js.gzip', firstJs, 'KB');
    rows.push(['登录页 → 工作台：共加载 JavaScript（gzip）', `${firstJs.toFixed(1)} KB`, '', '']);
    const login = median(loginMs);
    fig('ui.login_to_workbench.data_visible', login, 'ms');
    rows.push(['点击登录 → 工作台数据可见', `${login.toFixed(0)} ms`, `≤ ${DATA_VISIBLE_GOAL_MS} ms`, ok(login, DATA_VISIBLE_GOAL_MS)]);
    for (const p of UI_PAGES) {
      const c = median(cold.get(p.key)!);
      const w = median(warm.get(p.key)!);
      fig(`ui.${p.key}.cold.data_visible`, c, 'ms');
      fig(`ui.${p.key}.cold.js.gzip`, coldJs.get(p.key)!, 'KB');
      fig(`ui.${p.key}.warm.data_visible`, w, 'ms');
      rows.push([`${p.label}：冷启动（新浏览器上下文）数据可见`, `${c.toFixed(0)} ms（JS ${coldJs.get(p.key)!.toFixed(0)} KB）`, '', '']);
      rows.push([`${p.label}：页内切换数据可见`, `${w.toFixed(0)} ms`, `≤ ${DATA_VISIBLE_GOAL_MS} ms`, ok(w, DATA_VISIBLE_GOAL_MS)]);
    }
    const width = Math.max(...rows.map((r) => r[0]!.length)) + 2;
    console.log('');
    for (const r of rows) console.log(`  ${r[0]!.padEnd(width, '　').slice(0, width)} ${r[1]!.padStart(20)}  ${r[2]!.padEnd(12)} ${r[3]}`);
  } finally {
    await browser.close();
    await server.stop();
  }
  return figures;
}
