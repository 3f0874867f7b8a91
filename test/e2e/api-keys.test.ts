import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { BASE_URL } from './env.ts';
import { button, dayFromToday, gone, loginAsAdminOf, poll, rowsLoaded, settled, shotOnFailure, tableRows, toast, unique, visible } from './helpers.ts';
import { check, readable, sidewaysTables } from './readable.ts';

// Issue 14 § Access, as the county administrator lives it (ADR 0026): a key
// for one partner system with two scopes and a last valid day; its secret
// shown once; the partner calls /v1 with it (allowed for its scopes, 403 for
// the others); the day's calls in the usage chart; revoked, the next call is
// refused. The page reads in Chinese and fits at 1440 px.

const TENANT = 'hongshan';
const u = unique();
const KEY_NAME = `E2E街道对接${u}`;
const SCOPES = ['读取党组织目录', '读取需求清单'];
const OTHER_READS = ['读取党建联合体与红色风景线', '读取项目及进展', '读取活动概况'];

/** A day `days` from today in Asia/Shanghai, as YYYY-MM-DD. */
const LAST_DAY = dayFromToday(30);

let s: Session;
let page: Page;
let secret: string;

const modal = () => page.locator('.ant-modal:visible');
const keyRow = () => tableRows(page, 'api-key-table').filter({ hasText: KEY_NAME });
const call = (path: string) => fetch(`${BASE_URL}/v1${path}`, { headers: { authorization: `Bearer ${secret}` } });

/** What the page shows that a person would not read as Chinese, and whether anything scrolls sideways. */
async function unreadable(where: string): Promise<string[]> {
  const found = check(where, await readable(page)).map((f) => `${f.where}: ${f.what}`);
  if ((await sidewaysTables(page)) > 0) found.push(`${where}: table scrolls sideways`);
  const pageWide = await page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
  if (pageWide) found.push(`${where}: page scrolls sideways`);
  return found;
}

beforeAll(async () => {
  s = await launch();
  page = s.page;
  await loginAsAdminOf(page, `${TENANT}_admin`);
});

afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => {
  await s?.close();
});

describe('开放接口密钥：签发、调用、统计、吊销', { timeout: 120_000 }, () => {
  it('两项权限、有效期至某日的密钥：只显示一次；按权限放行或拒绝；当日调用进入统计；吊销后立即失效', async () => {
    await page.getByRole('menuitem', { name: '开放接口密钥' }).click();
    await page.waitForURL(/\/t\/hongshan\/api-keys$/);
    await rowsLoaded(page, 'api-key-table');
    await settled(page);
    expect(await unreadable('密钥列表')).toEqual([]);

    await button(page, '签发密钥').click();
    await visible(modal().getByText('签发接口密钥'));
    await settled(page);
    await page.locator('#api-key-form_name').fill(KEY_NAME);
    // The read scopes come checked; leave exactly the two this partner needs.
    for (const label of OTHER_READS) await modal().getByRole('checkbox', { name: label }).uncheck();
    for (const label of SCOPES) expect(await modal().getByRole('checkbox', { name: label }).isChecked(), label).toBe(true);
    expect(await modal().getByRole('checkbox', { name: '提交群众点单' }).isChecked()).toBe(false);
    const expires = page.locator('#api-key-form_expiresOn');
    await expires.click();
    await expires.fill(LAST_DAY);
    await expires.press('Enter');
    await poll(() => expires.inputValue()).toBe(LAST_DAY);
    await settled(page);
    expect(await unreadable('签发密钥')).toEqual([]);
    await button(modal(), '签发').click();

    await visible(modal().getByText('密钥只显示这一次'));
    secret = await page.getByTestId('issued-key').inputValue();
    expect(secret).toMatch(/^rhk_hongshan_[A-Za-z0-9_-]{40,}$/);
    // Closing loses it: the acknowledgement first, then nothing on the page shows it again.
    const close = button(modal(), '我已妥善保存，关闭');
    expect(await close.isDisabled()).toBe(true);
    await modal().getByRole('checkbox', { name: '我已复制并妥善保存该密钥' }).check();
    await close.click();
    await gone(modal());

    const row = keyRow();
    await visible(row.getByText('有效', { exact: true }));
    await visible(row.getByText(`${secret.slice(0, 'rhk_hongshan_'.length + 6)}…`));
    for (const label of SCOPES) await visible(row.getByText(label));
    await visible(row.getByText(LAST_DAY));
    await visible(row.getByText('从未使用'));
    expect(await page.getByText(secret.slice('rhk_hongshan_'.length + 6)).count(), 'the secret past its prefix is shown nowhere').toBe(0);
    expect(await page.content(), 'nor kept in the page').not.toContain(secret);

    // The partner's calls: its scopes answer, another scope is refused by name.
    const orgs = await call('/orgs?limit=5');
    expect(orgs.status).toBe(200);
    expect(((await orgs.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect((await call('/needs?limit=5')).status).toBe(200);
    const refused = await call('/alliances?limit=5');
    expect(refused.status).toBe(403);
    const problem = (await refused.json()) as { code: string; requiredScope: string; detail: string };
    expect(problem.code).toBe('insufficient_scope');
    expect(problem.requiredScope).toBe('alliances:read');
    expect(problem.detail).toContain('读取党建联合体与红色风景线');

    // Today's three calls (the refused one included, ADR 0026) in the chart.
    await button(page, '刷新').click();
    await rowsLoaded(page, 'api-key-table');
    await poll(() => keyRow().getByText('从未使用').count()).toBe(0);
    await button(keyRow(), '调用统计').click();
    await visible(modal().getByTestId('api-key-usage-summary').getByText(/近 30 天共调用 3 次/));
    const chart = page.getByTestId('api-key-usage-chart');
    await visible(chart);
    const drawn = () =>
      chart.evaluate((el) => {
        const c = (el as HTMLElement & { echartsInstance?: { getOption(): { series?: Array<{ data?: unknown[] }>; xAxis?: Array<{ data?: string[] }> } } }).echartsInstance;
        const o = c?.getOption();
        return { data: (o?.series?.[0]?.data ?? []) as number[], days: o?.xAxis?.[0]?.data ?? [] };
      });
    await poll(async () => (await drawn()).data.filter((n) => n > 0)).toEqual([3]);
    const bars = await drawn();
    const [, mm, dd] = dayFromToday(0).split('-');
    expect(bars.days[bars.data.indexOf(3)], 'and that day is today').toBe(`${mm}月${dd}日`);
    await settled(page);
    expect(await unreadable('调用统计')).toEqual([]);
    await page.keyboard.press('Escape');
    await gone(modal());

    await button(keyRow(), '吊销').click();
    await visible(page.locator('.ant-popover:visible').getByText(`吊销“${KEY_NAME}”？`));
    await button(page.locator('.ant-popover:visible'), '吊销').click();
    await toast(page, `已吊销“${KEY_NAME}”`);
    await visible(keyRow().getByText('已吊销'));
    expect((await call('/orgs?limit=5')).status).toBe(401);
  });
});
