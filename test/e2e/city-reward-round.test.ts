import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, button, landed, login, pick, poll, shotOnFailure, toast, unique, visible } from './helpers.ts';

// 市级以奖代补 and 配套 (ADR 0025) on the demo data: the city's published round
// of 2025 lists the alliances of every county, each with its county; 红山区 sees
// the city's awards to its own alliances on its rounds page, and a new county
// round that matches the city round 1:1 shows each recipient's city award, its
// matched amount and the explanation.

const YEAR = 2025;
let s: Session;
let page: Page;

beforeAll(async () => {
  s = await launch();
  page = s.page;
});
afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => s?.close());

async function chooseYear(p: Page, year: number) {
  await p.getByLabel('年度').first().click();
  await p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: `${year} 年` }).click();
}

describe('市级以奖代补与配套', () => {
  it('市委组织部的轮次列出各旗县区的联合体；红山区看到本区对象的市级奖补，并按 1:1 配套', async () => {
    const cityToken = await apiLogin('city_admin');
    const rounds = (await api<{ items: Array<{ id: string; name: string; level: string }> }>('GET', `/t/chifeng/rewards/rounds?year=${YEAR}`, { token: cityToken })).body.items;
    const cityRound = rounds.find((r) => r.level === 'city')!;
    expect(cityRound.name).toBe(`${YEAR}年度赤峰市党建联合体以奖代补（市级）`);

    await login(page, 'city_admin');
    await landed(page);
    await page.goto(`/t/chifeng/rewards/${cityRound.id}`);
    const table = page.getByTestId('reward-allocations');
    await visible(table.getByRole('columnheader', { name: '旗县区' }));
    await visible(table.locator('.ant-table-row').filter({ hasText: '红山区·' }).first());
    await page.screenshot({ path: '/tmp/ronghe-e2e-city-round.png' });

    // 红山区: the city's awards to its own alliances, and none of another county's.
    const hongshanToken = await apiLogin('hongshan_admin');
    const awards = (await api<{ items: Array<{ recipientName: string; amountFen: number }> }>('GET', `/t/hongshan/rewards/city-awards?year=${YEAR}`, { token: hongshanToken })).body.items;
    expect(awards.length).toBeGreaterThan(0);
    expect(awards.every((a) => a.recipientName.startsWith('红山区·'))).toBe(true);
    await page.evaluate(() => sessionStorage.clear());
    await login(page, 'hongshan_admin');
    await landed(page);
    await page.getByRole('menuitem', { name: /以奖代补/ }).click();
    await chooseYear(page, YEAR);
    const cityAwards = page.getByTestId('city-awards');
    await poll(() => cityAwards.locator('.ant-table-row').count()).toBe(Math.min(awards.length, 20));
    expect(await cityAwards.innerText()).not.toMatch(/敖汉旗·|松山区·/);

    // A county round matching the city round 1:1 from a budget of 1,000.00 元: far short, so scaled pro rata.
    await button(page, '新建奖补轮次').click();
    await visible(page.getByText('轮次设置'));
    await page.locator('#reward-round_name').fill(`E2E配套市级奖补${unique()}`);
    await page.locator('#reward-round_budgetYuan').fill('0');
    await page.locator('#reward-round_matchOn').click();
    await pick(page, 'reward-round_matchCityRoundId', `${YEAR} 年 ${cityRound.name}（党建联合体）`);
    await page.locator('#reward-round_matchBudgetYuan').fill('1000');
    await button(page, '保存并模拟').click();
    await toast(page, '已保存并模拟');
    const matching = page.getByTestId('reward-matching');
    await visible(matching.locator('.ant-table-row').first());
    await visible(page.getByText('各单位按应配套金额同比例缩减').first());
    expect(await matching.locator('.ant-table-row').count()).toBe(Math.min(awards.length, 50));
    await poll(() => page.getByText(/实际配套/).first().isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/ronghe-e2e-county-matching.png' });
  });
});
