import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, button, dayFromToday, draftAllianceAsLead, gone, landed, login, openOrgsAfterLogin, poll, settled, shotOnFailure, unique, visible } from './helpers.ts';

// 一键最优匹配 as an alliance secretary would accept it (issue 10 §2): a need
// past its deadline is not in the plan (it waits in the overdue review),
// nothing is pre-selected, a selection made across two pages is counted and
// exactly those rows are accepted — checked afterwards through the API.

const TENANT = 'hongshan';
const u = unique();
const TAG = `E2E助浴${u}`;
const NEEDS = 24;

let s: Session;
let page: Page;
let admin = '';
let allianceId = '';
let overdueTitle = '';
const mine: Array<{ id: string; title: string }> = [];

const planRows = () => page.getByTestId('assignment-table').locator('tbody tr.ant-table-row');
// antd draws the pager beside the table, outside the element carrying the test id; the plan's is the only one shown.
const pager = () => page.locator('.ant-pagination:visible').last();
const modal = () => page.locator('.ant-modal-wrap:visible .ant-modal');

beforeAll(async () => {
  admin = await apiLogin('hongshan_admin');
  // An active alliance that has an overdue need among the demo data's review examples.
  const overdue = await api<{ items: Array<{ id: string; title: string; allianceId: string; overdue: boolean }> }>('GET', `/t/${TENANT}/needs?overdue=true&limit=100`, { token: admin });
  expect(overdue.status).toBe(200);
  for (const n of overdue.body.items) {
    const a = await api<{ status: string; leadOrgId: string }>('GET', `/t/${TENANT}/alliances/${n.allianceId}`, { token: admin });
    if (a.body.status === 'active') {
      allianceId = n.allianceId;
      overdueTitle = n.title;
      break;
    }
  }
  expect(allianceId, 'an active alliance with an overdue need in the demo data').not.toBe('');
  const alliance = await api<{ leadOrgId: string }>('GET', `/t/${TENANT}/alliances/${allianceId}`, { token: admin });

  // 24 one-person bathing needs and one bathing team that can serve them all: 24 plan rows, two pages.
  for (let i = 0; i < NEEDS; i++) {
    const title = `${TAG}-${String(i).padStart(2, '0')}`;
    const r = await api<{ id: string }>('POST', `/t/${TENANT}/needs`, {
      token: admin,
      json: { allianceId, title, source: '群众点单', categoryId: 'cat_bath', quantity: 1, unit: '人次', urgency: 2, deadline: dayFromToday(60) },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    mine.push({ id: r.body.id, title });
  }
  const res = await api('POST', `/t/${TENANT}/resources`, {
    token: admin,
    json: { allianceId, offeringOrgId: alliance.body.leadOrgId, title: `${TAG}助浴服务队`, kind: '服务', categoryId: 'cat_bath', capacity: NEEDS, unit: '人次', scope: 'county' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);

  s = await launch();
  page = s.page;
  s.context.setDefaultTimeout(30_000);
});

afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => {
  await s?.close();
});

describe('一键最优匹配：逾期需求不参与，跨页勾选准确确认', { timeout: 240_000 }, () => {
  it('the plan leaves the overdue need out, says so, and selects nothing', async () => {
    // The API's plan first: the overdue need is absent and counted as left out.
    const plan = await api<{ items: Array<{ needId: string; needTitle: string }>; overdueExcluded: number; byUnit: Array<{ unit: string }> }>('POST', `/t/${TENANT}/matching/assignment`, {
      token: admin,
      json: { allianceId },
    });
    expect(plan.status).toBe(200);
    expect(plan.body.items.map((i) => i.needTitle)).not.toContain(overdueTitle);
    expect(plan.body.overdueExcluded).toBeGreaterThan(0);
    expect(plan.body.items.filter((i) => i.needTitle.startsWith(TAG))).toHaveLength(NEEDS);

    await login(page, 'hongshan_admin');
    await openOrgsAfterLogin(page);
    await page.goto(`/t/${TENANT}/matching?allianceId=${allianceId}&mode=assign`);
    await settled(page);
    const tab = page.getByRole('tab', { name: '一键最优匹配' });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await page.getByTestId('run-assignment').click();
    await visible(page.getByTestId('assignment-table'));
    await visible(page.getByTestId('overdue-excluded'));
    await poll(() => page.getByTestId('selected-count').innerText()).toBe('已选 0 项');
    // Totals per unit, never summed across units; no engine words on screen.
    await visible(page.getByTestId('assignment-totals').getByText('人次', { exact: true }).first());
    const text = await page.locator('main, body').first().innerText();
    for (const word of ['总代价', '贪心基线', '精确最优']) expect(text).not.toContain(word);
    // The overdue need is on none of the pages.
    const pages = await pageCount();
    // 24 rows of ours alone pass one page of 20: the walk really covers two pages.
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages; p++) {
      await goToPage(p);
      expect(await planRows().filter({ hasText: overdueTitle }).count()).toBe(0);
    }
  });

  it('a selection across two pages is counted and accepted exactly', async () => {
    // Two of mine on the first page that has any, one on the next page that has any.
    const picked: string[] = [];
    const pagesUsed: number[] = [];
    await goToPage(1);
    // Walk the pages with 下一页 (not by counting page buttons, which antd may fold).
    for (let p = 1; picked.length < 3; p++) {
      if (p > 1) {
        const next = pager().locator('.ant-pagination-next');
        if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') break;
        await next.click();
        await settled(page);
      }
      const rows = planRows().filter({ hasText: TAG });
      const n = await rows.count();
      if (n === 0) continue;
      const take = picked.length === 0 ? Math.min(2, n) : 1;
      for (let i = 0; i < take; i++) {
        const row = rows.nth(i);
        picked.push(((await row.innerText()).match(new RegExp(`${TAG}-\\d{2}`)) ?? [''])[0]);
        await row.locator('.ant-checkbox-input').check();
      }
      pagesUsed.push(p);
    }
    expect(picked).toHaveLength(3);
    expect(new Set(pagesUsed).size).toBe(2);
    await poll(() => page.getByTestId('selected-count').innerText()).toBe('已选 3 项');

    await page.getByTestId('accept-plan').click();
    await visible(modal().getByText('确认对接（3 条）'));
    await settled(page);
    await button(modal(), '确认对接').click();
    await gone(page.locator('.ant-modal-wrap:visible'));
    await settled(page);
    // After confirming, nothing is ticked again.
    await poll(() => page.getByTestId('selected-count').innerText()).toBe('已选 0 项');

    // Behind the UI: exactly the picked needs were committed, one unit each, and no other of mine.
    for (const n of mine) {
      const got = await api<{ committedQty: number }>('GET', `/t/${TENANT}/needs/${n.id}`, { token: admin });
      expect(got.body.committedQty, n.title).toBe(picked.includes(n.title) ? 1 : 0);
    }
  });
});

/** Pages of the plan table (antd lists every page number for a plan this size). */
async function pageCount(): Promise<number> {
  return Math.max(1, await pager().locator('.ant-pagination-item').count());
}

async function goToPage(p: number): Promise<void> {
  const item = pager().locator(`.ant-pagination-item-${p}`);
  if ((await item.count()) === 0) return;
  await item.click();
  await poll(() => item.getAttribute('class')).toContain('ant-pagination-item-active');
  await settled(page);
}

describe('需求对接的起点', () => {
  it('牵头党组织书记打开需求对接：落在自己运行中的联合体，而不是刚起草、还没有需求的新联合体', async () => {
    // The secretary starts drafting another alliance: the newest they lead, with no needs yet.
    const draft = await draftAllianceAsLead(`E2E新起草联合体${u}`);
    const { leadOrgId } = draft;
    const led = (await api<{ items: Array<{ id: string; status: string; leadOrgId: string }> }>('GET', `/t/${TENANT}/alliances?orgId=${leadOrgId}&limit=100`, { token: draft.leadToken })).body.items.filter((a) => a.leadOrgId === leadOrgId);
    const running = led.filter((a) => a.status === 'active').map((a) => a.id);
    expect(running.length, 'the seeded lead organization runs an alliance').toBeGreaterThan(0);

    await page.goto('/login');
    await page.evaluate(() => sessionStorage.clear());
    await login(page, 'hongshan_alliance');
    await landed(page);
    await page.goto(`/t/${TENANT}/matching`);
    await page.waitForURL(/allianceId=/);
    const opened = new URL(page.url()).searchParams.get('allianceId');
    expect(opened).not.toBe(draft.id);
    expect(running).toContain(opened);
  });
});

