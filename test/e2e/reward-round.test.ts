import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { button, landed, login, pick, poll, settled, shotOnFailure, toast, unique, visible } from './helpers.ts';
import { readXlsx, unzip } from './xlsx.ts';

// 以奖代补 (issue 12): 红山区's administrator creates a round for the branches
// (基数加上浮: 1,000.00 元 each, no conditions, so every branch of the demo
// county gets an award), simulates it with a budget that covers everyone, then
// again with 1,000.00 元 for all of them: the table names how many amounts
// changed and shows old → new. The round is published (after a confirmation
// that it cannot be changed), its table exported as the signed A4 workbook whose
// lines sum to the 1,000.00 元 allocated, to the 分, with the 制表/审核/批准 lines,
// and one award is recorded as paid.

const TENANT = 'hongshan';
const u = unique();
const NAME = `E2E党支部以奖代补${u}`;

let s: Session;
let page: Page;

beforeAll(async () => {
  s = await launch();
  page = s.page;
});
afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => s?.close());

describe('以奖代补', () => {
  it('县级管理员新建轮次、两次模拟看到差异、发布、导出分配表并登记拨付', async () => {
    await login(page, `${TENANT}_admin`);
    await landed(page);
    await page.getByRole('menuitem', { name: /以奖代补/ }).click();
    await button(page, '新建奖补轮次').click();

    await visible(page.getByText('轮次设置'));
    await page.locator('#reward-round_name').fill(NAME);
    await pick(page, 'reward-round_subject', '党支部');
    await page.locator('#reward-round_budgetYuan').fill('10000000');
    await page.getByText('基数加上浮', { exact: true }).click();
    await page.locator('#reward-round_baseYuan').fill('1000');
    await page.locator('#reward-round_excludeUnderRectification').click();
    await page.locator('#reward-round_requireMemberReport').click();
    await button(page, '保存并模拟').click();
    await toast(page, '已保存并模拟');

    // The draft's page: every branch gets its 1,000.00 元, each amount explained step by step.
    const table = page.getByTestId('reward-allocations');
    await visible(table.locator('.ant-table-row').first());
    const awarded = await table.locator('.ant-table-row').filter({ hasText: '获得奖补' }).count();
    expect(awarded).toBeGreaterThan(1);
    await table.locator('.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
    await visible(page.getByTestId('reward-steps').first());
    await poll(() => page.getByTestId('reward-steps').first().innerText()).toContain('1,000.00 元');

    // A second simulation with 1,000.00 元 for all: every award shrinks, and the table says so.
    await page.locator('#reward-round_budgetYuan').fill('1000');
    await button(page, '模拟').click();
    await toast(page, '已模拟');
    // Every award shrank (the table shows 50 a page; the count covers them all).
    await poll(() => page.getByTestId('reward-diff').innerText()).toMatch(/[1-9]\d* 个对象金额变化/);
    await visible(table.getByTestId('amount-changed').first());
    await poll(() => table.getByTestId('amount-changed').first().innerText()).toContain('1,000.00 →');
    await poll(() => page.locator('.ant-table-summary').innerText()).toContain('1,000.00');

    // Publish: the confirmation says it cannot be changed afterwards.
    await button(page, '发布').click();
    const confirm = page.locator('.ant-modal-confirm');
    await visible(confirm);
    await poll(() => confirm.innerText()).toContain('不能再修改');
    await button(confirm, '确认发布').click();
    await toast(page, '已发布');
    await visible(page.locator('.ant-tag').filter({ hasText: '已发布' }));

    // The signed export: the county's title, the total = what was allocated, the signature lines.
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出分配表').click()]);
    expect(download.suggestedFilename()).toMatch(/以奖代补资金分配表\.xlsx$/);
    const file = readFileSync((await download.path())!);
    const rows = readXlsx(file);
    expect(rows[0]![0]).toMatch(/^红山区\d{4}年度党支部以奖代补资金分配表$/);
    // The lines between the column headers and 合计: each award in 元, summing to the total to the 分.
    const head = rows.findIndex((r) => r[0] === '序号');
    const totalAt = rows.findIndex((r) => r[0] === '合计');
    expect(rows[head]).toEqual(['序号', '党支部', '等次/得分', '依据', '金额（元）', '备注']);
    const lines = rows.slice(head + 1, totalAt);
    expect(lines.length).toBeGreaterThan(1);
    const fen = (v: string | undefined) => Math.round(Number(v) * 100);
    expect(lines.reduce((sum, r) => sum + fen(r[4]), 0)).toBe(100_000);
    expect(fen(rows[totalAt]![4])).toBe(100_000);
    expect(rows[totalAt]!.join(' ')).toMatch(new RegExp(`共 ${lines.filter((r) => fen(r[4]) > 0).length} 个单位获得奖补`));
    // The signature lines the department signs, and the page set up for print (A4 portrait, one page wide, headers repeated).
    const signatures = rows.find((r) => r[0]?.startsWith('制表：'))!;
    expect(signatures.filter(Boolean).map((c) => c.slice(0, 3))).toEqual(['制表：', '审核：', '批准：']);
    const sheet = unzip(file).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"/); // A4
    expect(sheet).toMatch(/<pageSetup [^>]*orientation="portrait"/);
    expect(sheet).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
    expect(unzip(file).get('xl/workbook.xml')!.toString('utf8')).toContain('_xlnm.Print_Titles');

    // One award paid, with its date and voucher.
    await settled(page);
    await button(table.locator('.ant-table-row').filter({ hasText: '获得奖补' }).first(), '登记拨付').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '登记拨付' });
    await visible(dialog);
    await dialog.locator('#reward-pay_voucherNo').fill(`记-${u}`);
    await button(dialog, '登记').click();
    await toast(page, '已登记拨付');
    await visible(table.getByText(`凭证号 记-${u}`));
  });
});
