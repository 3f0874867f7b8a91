import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, landed, login, pick, settled, shotOnFailure, toast, unique, visible } from './helpers.ts';

// 报到领岗 (issue 11): on a phone-sized page a party member claims a post a
// community set up, logs an afternoon of service, the community (the post
// owner) confirms it, and the member sees the confirmed hours on their page.
// Points for it arrive with the points consumer of service.confirmed (on the
// queue): they show on the county's 积分 leaderboard and on the member's 我的积分.

const TENANT = 'hongshan';
const PHONE = { width: 390, height: 844 };
const u = unique();
const TITLE = `E2E楼道清洁岗${u}`;
const WORK = `清理三单元楼道杂物${u}`;

let s: Session;
let page: Page;
let postId = '';

beforeAll(async () => {
  // The demo member account is a person of the registry (packages/demo-data people: every member account).
  expect((await api('GET', `/t/${TENANT}/my/profile`, { token: await apiLogin(`${TENANT}_member`) })).status).toBe(200);
  // The community's post, set up by the county administrator for the member's own organization.
  const admin = await apiLogin(`${TENANT}_admin`);
  const member = await apiLogin(`${TENANT}_member`);
  const me = (await api<{ grants: Array<{ tenant: string; scopeOrgId: string | null }> }>('GET', '/me', { token: member })).body;
  const orgId = me.grants.find((g) => g.tenant === TENANT)!.scopeOrgId!;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const created = await api<{ id: string }>('POST', `/t/${TENANT}/posts`, {
    token: admin,
    json: { ownerOrgId: orgId, title: TITLE, duties: '每周清理楼道杂物，保持消防通道畅通', places: 2, startsOn: today, endsOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  postId = created.body.id;
  s = await launch();
  page = s.page;
});
afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => s?.close());

interface MyPoints {
  total: number;
  rankInCounty: number | null;
  countyPeople: number;
  entries: Array<{ id: string; ruleName: string | null; points: number; occurredAt: number }>;
}
interface Board {
  items: Array<{ id: string; name: string; total: number }>;
}
const SERVICE_RULE = '志愿服务（每满1小时）';
const DUTY_RULE = '报到领岗';
/** This month in the county's time (UTC+8): the leaderboard's month and the rule's monthly cap. */
const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000);
const MONTH = shanghai(Date.now()).getUTCMonth() + 1;
const YEAR = shanghai(Date.now()).getUTCFullYear();
const sameMonth = (ms: number) => shanghai(ms).getUTCMonth() + 1 === MONTH && shanghai(ms).getUTCFullYear() === YEAR;

const overflow = () =>
  page.evaluate(() => {
    const content = document.querySelector('.ant-layout-content');
    return Math.max(document.scrollingElement!.scrollWidth - window.innerWidth, content ? content.scrollWidth - content.clientWidth : 0);
  });

describe('报到领岗：党员在手机上领岗、登记服务，设岗单位确认', () => {
  it('claims, logs service, the owner confirms, the member sees the confirmed hours', async () => {
    // Before: the member's points and their row on this month's leaderboard (earlier runs leave theirs).
    const memberToken = await apiLogin(`${TENANT}_member`);
    const adminToken = await apiLogin(`${TENANT}_admin`);
    const person = (await api<{ person: { id: string; name: string } }>('GET', `/t/${TENANT}/my/profile`, { token: memberToken })).body.person;
    const mineBefore = (await api<MyPoints>('GET', `/t/${TENANT}/my/points`, { token: memberToken })).body;
    const monthBoard = async () =>
      (await api<Board>('GET', `/t/${TENANT}/points/leaderboard?by=member&year=${YEAR}&month=${MONTH}`, { token: adminToken })).body.items.find((r) => r.id === person.id)?.total ?? 0;
    const boardBefore = await monthBoard();
    // By hand: 2.5 hours are 2 full hours at 1 point each (rule service_hour), within the 20 a month the rule allows.
    const serviceThisMonth = mineBefore.entries.filter((e) => e.ruleName === SERVICE_RULE && sameMonth(e.occurredAt)).reduce((n, e) => n + e.points, 0);
    const expected = Math.max(0, Math.min(2, 20 - serviceThisMonth));
    // And the approved claim: 5 points for 报到领岗 (rule post_duty), within its 10 a year.
    const dutyThisYear = mineBefore.entries.filter((e) => e.ruleName === DUTY_RULE).reduce((n, e) => n + e.points, 0);
    const duty = Math.max(0, Math.min(5, 10 - dutyThisYear));

    await page.setViewportSize(PHONE);
    await page.goto('/login');
    await page.evaluate(() => sessionStorage.clear());
    await login(page, `${TENANT}_member`);
    await landed(page);
    await page.goto(`/t/${TENANT}/my/posts`);
    const card = page.locator('.ant-list-item').filter({ hasText: TITLE });
    await visible(card);
    expect(await overflow()).toBe(0);
    await card.getByRole('button', { name: '领岗' }).click();
    await toast(page, '已领岗');

    // The post owner approves the claim (behind the UI: the owner's page is the admin 报到领岗 list).
    const admin = await apiLogin(`${TENANT}_admin`);
    const work = await api<{ claims: Array<{ id: string; status: string }> }>('GET', `/t/${TENANT}/posts/${postId}/claims`, { token: admin });
    const claimId = work.body.claims[0]!.id;
    expect((await api('POST', `/t/${TENANT}/posts/${postId}/claims/${claimId}/decide`, { token: admin, json: { decision: 'approve' } })).status).toBe(200);

    await page.reload();
    const mine = page.locator('.ant-list-item').filter({ hasText: TITLE }).filter({ hasText: '已同意' });
    await visible(mine);
    await mine.getByRole('button', { name: '登记服务' }).click();
    const modal = page.locator('.ant-modal-wrap:visible .ant-modal');
    await visible(modal);
    await modal.getByLabel('服务时长（小时）').fill('2.5');
    await modal.getByLabel('服务内容').fill(WORK);
    await settled(page);
    expect(await overflow()).toBe(0);
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await toast(page, '已登记');
    await visible(page.locator('.ant-list-item').filter({ hasText: WORK }).filter({ hasText: '待确认' }));

    // The owner confirms it on the 报到领岗 page.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/login');
    await login(page, `${TENANT}_admin`);
    await landed(page);
    await page.goto(`/t/${TENANT}/posts`);
    const row = page.locator('tr').filter({ hasText: TITLE });
    await visible(row);
    await row.getByRole('button', { name: '领岗与服务' }).click();
    const drawer = page.locator('.ant-drawer-open');
    const logRow = drawer.locator('tr').filter({ hasText: WORK });
    await visible(logRow);
    await logRow.getByRole('button', { name: /确\s*认/ }).first().click();
    await toast(page, '已确认');
    await visible(logRow.getByText('已确认'));

    // The points consumer runs on the queue: wait (bounded) for both awards, then look at the pages.
    const known = new Set(mineBefore.entries.map((e) => e.id));
    const fresh = async () => (await api<MyPoints>('GET', `/t/${TENANT}/my/points`, { token: memberToken })).body.entries.filter((e) => !known.has(e.id));
    await expect.poll(async () => (await fresh()).map((e) => e.ruleName).sort(), { timeout: 30_000, interval: 250 }).toEqual([DUTY_RULE, SERVICE_RULE].sort());
    const awards = await fresh();
    expect(awards.find((e) => e.ruleName === SERVICE_RULE)!.points).toBe(expected);
    expect(awards.find((e) => e.ruleName === DUTY_RULE)!.points).toBe(duty);
    const mineAfter = (await api<MyPoints>('GET', `/t/${TENANT}/my/points`, { token: memberToken })).body;
    expect(mineAfter.total).toBe(mineBefore.total + expected + duty);
    expect(await monthBoard()).toBe(boardBefore + expected + duty);

    // 积分 → 排行榜, this month: the member's row carries the new total.
    await page.goto(`/t/${TENANT}/points`);
    await pick(page, 'points-board-period', `${MONTH} 月`);
    const boardRow = page.getByTestId('points-board').locator('tr.ant-table-row').filter({ hasText: person.name });
    await visible(boardRow);
    await expect.poll(() => boardRow.first().locator('td').nth(3).innerText()).toBe(String(boardBefore + expected + duty));
    await page.screenshot({ path: '/tmp/ronghe-e2e-points-board.png' });

    // The member sees the confirmed hours.
    await page.setViewportSize(PHONE);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/login');
    await login(page, `${TENANT}_member`);
    await landed(page);
    await page.goto(`/t/${TENANT}/my/posts`);
    await visible(page.locator('.ant-list-item').filter({ hasText: WORK }).filter({ hasText: '已确认' }));
    const token = await apiLogin(`${TENANT}_member`);
    const confirmed = (await api<{ confirmedMinutes: number }>('GET', `/t/${TENANT}/my/posts`, { token })).body.confirmedMinutes;
    // Earlier runs may have confirmed hours too: this run's 2.5 hours are among them, and the page shows the total.
    expect(confirmed).toBeGreaterThanOrEqual(150);
    await visible(page.locator('.ant-statistic').filter({ hasText: `${Math.round((confirmed / 60) * 10) / 10} 小时` }));
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: '/tmp/ronghe-e2e-my-posts.png' });

    // 我的积分: this year's total and the award at the top of the entries.
    await page.goto(`/t/${TENANT}/my-points`);
    await visible(page.locator('.ant-statistic').filter({ hasText: '本年积分' }).filter({ hasText: String(mineAfter.total) }));
    // The rank and the number of people it is out of, both written as numbers are in Chinese (2,409 / 4,534).
    // The member has points this year, so a rank (an assertion that could be skipped says nothing).
    expect(mineAfter.rankInCounty).not.toBeNull();
    const group = (n: number) => n.toLocaleString('zh-CN');
    await visible(page.locator('.ant-statistic').filter({ hasText: '全旗县区名次' }).filter({ hasText: `${group(mineAfter.rankInCounty!)}/ ${group(mineAfter.countyPeople)}` }));
    const entry = page.locator('.ant-list-item').filter({ hasText: SERVICE_RULE }).first();
    await visible(entry);
    expect(await entry.innerText()).toContain(expected > 0 ? `+${expected}` : '0');
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: '/tmp/ronghe-e2e-my-points.png' });
  });
});
