import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, landed, login, pick, poll, shotOnFailure, visible } from './helpers.ts';

// Issue 13 §Tests: the city administrator signs a county's approval filing in its inbox (全市备案, the city's copy
// of every county's filings, ADR 0024) and the county sees the signature — who and when — on its own filing.

let s: Session;
let page: Page;

beforeAll(async () => {
  s = await launch();
  page = s.page;
});
afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => {
  await s?.close();
});

interface CityFiling {
  tenant: string;
  id: string;
  title: string;
  allianceId: string;
  cityState: string;
}

describe('全市备案', () => {
  it('市委组织部签收红山区的组建批复备案，红山区在备案管理中看到签收人和时间', async () => {
    // The demo data's approval filings of 红山区 the city has not signed yet: the oldest one is ours.
    const cityToken = await apiLogin('city_admin');
    const me = (await api<{ displayName: string }>('GET', '/me', { token: cityToken })).body;
    const pending = (await api<{ items: CityFiling[]; unread: number }>('GET', '/city/filings?tenant=hongshan&kind=approval&state=unread&limit=100', { token: cityToken })).body;
    expect(pending.items.length).toBeGreaterThan(0);
    const target = pending.items.at(-1)!;

    await login(page, 'city_admin');
    await landed(page);
    await visible(page.getByTestId('city-filings-badge'));
    await page.getByRole('menuitem', { name: /全市备案/ }).click();
    await page.waitForURL(/\/city-filings/);
    await page.goto(`/t/chifeng/city-filings?tenant=hongshan&kind=approval&state=unread`);
    const table = page.getByTestId('city-filing-table');
    const row = table.locator('tbody tr.ant-table-row').filter({ hasText: target.title }).first();
    await visible(row);
    await visible(row.getByText('红山区'));
    await visible(row.getByText('未签收'));
    const before = Number((await page.getByTestId('city-filing-unread').innerText()).match(/\d+/)![0]);

    await row.getByTestId('city-filing-open').click();
    const drawer = page.getByTestId('city-filing-drawer');
    await visible(drawer.getByText('组建批复备案'));
    await drawer.getByTestId('city-filing-drawer-ack').click();
    await visible(drawer.getByTestId('city-filing-drawer-signed'));
    await visible(drawer.getByText(me.displayName, { exact: false }));
    await poll(async () => Number((await page.getByTestId('city-filing-unread').innerText()).match(/\d+/)![0])).toBe(before - 1);
    await page.screenshot({ path: '/tmp/ronghe-e2e-city-filings.png' });

    // The county's own record: the county administrator sees the city's signature, who and when.
    await page.evaluate(() => sessionStorage.clear());
    await login(page, 'hongshan_admin');
    await landed(page);
    await page.goto(`/t/hongshan/filings?allianceId=${encodeURIComponent(target.allianceId)}`);
    const countyRow = page.getByTestId('filing-table').locator('tbody tr.ant-table-row').filter({ hasText: target.title }).first();
    await visible(countyRow.getByTestId('filing-city-signed'));
    await visible(countyRow.getByText(me.displayName, { exact: false }));
    await visible(countyRow.getByText(/\d{4}-\d{2}-\d{2}/).first());
  });
});

describe('最强党支部（市级）', () => {
  it('市委组织部选旗县区和党支部，逐条核验；不符合条件时评定被拒绝并写明规则', async () => {
    const cityToken = await apiLogin('city_admin');
    // A 红山区 branch the rules refuse (most demo branches are not standardized this year), found as the city would see it.
    const year = new Date().getFullYear();
    const branches = (await api<{ items: Array<{ id: string; name: string }> }>('GET', '/t/hongshan/orgs?kind=党支部&limit=50', { token: cityToken })).body.items;
    let target: { id: string; name: string; sentence: string } | null = null;
    for (const b of branches) {
      const c = (await api<{ eligible: boolean; rules: Array<{ passed: boolean; sentence: string }> }>('GET', `/t/hongshan/honours/strongest/eligibility?orgId=${b.id}&year=${year}`, { token: cityToken })).body;
      const same = branches.filter((x) => x.name === b.name).length === 1;
      if (!c.eligible && same) {
        target = { ...b, sentence: c.rules.find((r) => !r.passed)!.sentence };
        break;
      }
    }
    expect(target).not.toBeNull();

    await page.evaluate(() => sessionStorage.clear());
    await login(page, 'city_admin');
    await landed(page);
    await page.goto('/t/chifeng/honours');
    await pick(page, 'honours-county', '红山区');
    await page.getByRole('tab', { name: '最强党支部' }).click();
    await pick(page, 'strongest-org', target!.name);
    const check = page.getByTestId('strongest-check');
    await visible(check.getByText(target!.sentence));
    await check.getByPlaceholder('评定理由').fill('对照五个"强"的标准综合评定');
    await check.getByRole('button', { name: '评定为市级' }).click();
    await visible(page.locator('.ant-message-notice').filter({ hasText: target!.sentence.slice(0, 8) }));
    // Nothing was designated.
    const list = (await api<{ items: Array<{ orgId: string }> }>('GET', `/t/hongshan/honours/designations?year=${year}`, { token: cityToken })).body.items;
    expect(list.filter((d) => d.orgId === target!.id)).toEqual([]);
  });
});
