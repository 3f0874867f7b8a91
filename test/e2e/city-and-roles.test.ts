import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, button, gone, login, loginAsAdminOf, pick, poll, rowByName, rowsLoaded, settled, shotOnFailure, tableRows, token, visible, openOrgsAfterLogin } from './helpers.ts';

// Who may write where: the city sees every county read-only; members and
// alliance administrators read their own county without write buttons.

const WRITE_BUTTONS = ['新建党组织', '导入', '下载模板'];

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

async function expectNoWriteControls(page: Page): Promise<void> {
  await rowsLoaded(page);
  for (const name of WRITE_BUTTONS) expect(await button(page, name).count(), name).toBe(0);
  const rows = tableRows(page);
  expect(await rows.count()).toBeGreaterThan(0);
  expect(await button(rows, '编辑').count()).toBe(0);
  expect(await button(rows, '停用').count()).toBe(0);
  expect(await button(rows, '启用').count()).toBe(0);
  // Nor in the detail drawer.
  await button(rows.first(), '查看').click();
  const drawer = page.locator('.ant-drawer-open .ant-drawer-section');
  await visible(drawer.getByTestId('org-detail'));
  expect(await button(drawer, '编辑').count()).toBe(0);
  expect(await button(drawer, '停用').count()).toBe(0);
  await settled(page);
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await gone(page.locator('.ant-drawer-open'));
  await settled(page);
}

describe('市级管理员与只读角色', () => {
  it('市级管理员切换到旗县区：显示“只读”，没有任何写操作按钮', async () => {
    await login(page, 'city_admin');
    await openOrgsAfterLogin(page);
    await visible(page.getByTestId('current-tenant').getByText('赤峰市委组织部'));
    // In the city's own registry the city administrator writes.
    await visible(button(page, '新建党组织'));
    expect(await page.getByTestId('readonly-tag').count()).toBe(0);

    const cityToken = await token(page);
    const tenants = (await api<{ items: Array<{ slug: string; name: string; readOnly: boolean }> }>('GET', '/tenants', { token: cityToken })).body.items;
    expect(tenants.length).toBe(13);

    await pick(page, 'tenant-switcher', '红山区（只读）');
    await page.waitForURL(/\/t\/hongshan\/orgs/);
    // Issue 10 §3 (who am I): the header names the reader's own unit, the city's department, not the county's.
    await visible(page.getByTestId('current-tenant').getByText('赤峰市委组织部 · 管理员'));
    await visible(page.getByTestId('readonly-tag').getByText('只读'));
    await visible(page.getByText('当前为只读视图：可以浏览和导出，不能修改本旗县区的数据。'));
    await visible(button(page, '导出'));
    await visible(page.getByRole('menuitem', { name: '审计日志' }));
    await page.screenshot({ path: '/tmp/ronghe-e2e-city-readonly.png' });
    await expectNoWriteControls(page);

    // Another county: its own data, still read-only.
    await pick(page, 'tenant-switcher', '敖汉旗（只读）');
    await page.waitForURL(/\/t\/aohan\/orgs/);
    await visible(page.getByTestId('current-tenant').getByText('赤峰市委组织部 · 管理员'));
    await visible(page.getByTestId('readonly-tag'));
    await rowsLoaded(page);
    const aohan = (await api<{ total: number }>('GET', '/t/aohan/orgs', { token: cityToken })).body.total;
    await poll(() => page.getByTestId('org-total').innerText()).toBe(`共 ${aohan} 个`);
  });

  it('党员只能浏览：没有写按钮、没有导出和审计日志', async () => {
    await page.goto('/login');
    await page.evaluate(() => sessionStorage.clear());
    await loginAsAdminOf(page, 'hongshan_member');
    // Issue 10 §3 (who am I): a party member of their own organization, not of the county's organization department.
    const own = (await api<{ grants: Array<{ role: string; scopeOrgName: string | null }> }>('GET', '/me', { token: await token(page) })).body.grants.find((g) => g.role === 'member')!;
    await visible(page.getByTestId('current-tenant').getByText(`${own.scopeOrgName ?? '红山区'} · 党员`));
    expect(await page.getByTestId('tenant-switcher').count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    expect(await button(page, '导出').count()).toBe(0);
    await expectNoWriteControls(page);
    // Phones arrive masked for a member and are shown exactly as given.
    const memberToken = await token(page);
    const first = (await api<{ items: Array<{ name: string; secretaryPhone: string | null; phonesMasked: boolean }> }>('GET', '/t/hongshan/orgs?limit=20', { token: memberToken })).body.items.find((o) => o.secretaryPhone);
    expect(first?.phonesMasked).toBe(true);
    expect(first!.secretaryPhone).toContain('****');
    // At 1440 px the list keeps its main columns (issue 10 §3); the phone is read in the detail drawer.
    await button(rowByName(page, first!.name), '查看').click();
    await visible(page.locator('.ant-drawer-open .ant-drawer-section').getByTestId('org-detail').getByText(first!.secretaryPhone!));
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await gone(page.locator('.ant-drawer-open'));
    await settled(page);
    // Typed in by hand, the audit page says why it is closed.
    await page.goto('/t/hongshan/audit');
    await visible(page.getByText('无权查看审计日志'));
  });

  it('联合体管理员同样没有写按钮', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await loginAsAdminOf(page, 'hongshan_alliance');
    await expectNoWriteControls(page);
  });
});
