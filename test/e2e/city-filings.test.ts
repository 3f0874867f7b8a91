import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, landed, login, poll, shotOnFailure, visible } from './helpers.ts';

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
