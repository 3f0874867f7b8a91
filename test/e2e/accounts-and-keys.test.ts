import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { BASE_URL } from './env.ts';
import {
  api,
  button,
  gone,
  login,
  loginAsAdminOf,
  pick,
  poll,
  rowByName,
  rowsLoaded,
  settled,
  shotOnFailure,
  tableRows,
  toast,
  token,
  unique,
  visible,
  openOrgsAfterLogin,
} from './helpers.ts';

// The administration pages, in the order a county administrator meets them:
// an account for a member unit's liaison (used, then disabled), a public API
// key (used, then revoked); then the city administrator's rollup.

interface Org {
  id: string;
  name: string;
  kind: string;
}
interface Account {
  id: string;
  username: string;
  version: number;
  status: string;
  grants: Array<{ role: string; scopeOrgId: string | null }>;
}
interface CountySummary {
  slug: string;
  name: string;
  memberTotal: number;
}

const TENANT = 'hongshan';
const u = unique();
const USERNAME = `e2e_liaison_${u}`;
const DISPLAY_NAME = `测试联络员${u}`;
const PASSWORD = 'Liaison#2026';
const NEW_PASSWORD = 'Reset#2026x';
const KEY_NAME = `E2E对接测试${u}`;

let admin: Session;
let page: Page; // the county administrator
let other: Session;
let page2: Page; // the new liaison, later the city administrator
let adminToken: string;
let target: Org; // the organization the liaison works for
let issuedKey: string;

const modal = (p: Page = page) => p.locator('.ant-modal:visible');
const popconfirm = (p: Page = page) => p.locator('.ant-popover:visible');
const menuItem = (p: Page, name: string) => p.getByRole('menuitem', { name });
const accountRow = (name: string) => tableRows(page, 'account-table').filter({ hasText: name });
const keyRow = (name: string) => tableRows(page, 'api-key-table').filter({ hasText: name });
const listAccounts = async () =>
  (await api<{ items: Account[] }>('GET', `/t/${TENANT}/accounts`, { token: adminToken })).body.items;
const callPublicApi = (key: string) => fetch(`${BASE_URL}/v1/orgs?limit=5`, { headers: { authorization: `Bearer ${key}` } });

beforeAll(async () => {
  admin = await launch();
  page = admin.page;
  other = await launch();
  page2 = other.page;
  await loginAsAdminOf(page, 'hongshan_admin');
  adminToken = await token(page);
  // A branch whose name finds only itself, so the picker offers exactly one option for it.
  const branches = (await api<{ items: Org[] }>('GET', `/t/${TENANT}/orgs?kind=${encodeURIComponent('党支部')}&limit=50`, { token: adminToken })).body.items;
  for (const b of branches.filter((o) => !o.name.startsWith('E2E'))) {
    const found = await api<{ total: number }>('GET', `/t/${TENANT}/orgs?q=${encodeURIComponent(b.name)}`, { token: adminToken });
    if (found.body.total === 1) {
      target = b;
      break;
    }
  }
  expect(target, 'a uniquely named 党支部 in the demo data').toBeDefined();
});

afterEach(async (ctx) => {
  await shotOnFailure(page, ctx);
  if (ctx.task.result?.state === 'fail') await page2?.screenshot({ path: `/tmp/ronghe-e2e-fail-second-${ctx.task.name.slice(0, 20)}.png` }).catch(() => undefined);
});

afterAll(async () => {
  await admin?.close();
  await other?.close();
});

describe('县级管理员：账号管理', () => {
  it('新建联络员账号：前端校验、服务端错误落到字段、角色限定到所选党组织', async () => {
    // Only the city administrator sees the rollup.
    expect(await menuItem(page, '全市概况').count()).toBe(0);
    await menuItem(page, '账号管理').click();
    await page.waitForURL(/\/t\/hongshan\/accounts$/);
    await rowsLoaded(page, 'account-table');
    const self = accountRow('hongshan_admin');
    await visible(self.getByText('本人'));
    expect(await button(self, '停用').count(), 'no write action on one\'s own account').toBe(0);
    await page.screenshot({ path: '/tmp/ronghe-e2e-accounts.png' });

    await button(page, '新建账号').click();
    await visible(modal().getByText('新建账号'));
    await settled(page);
    await button(modal(), '保存').click();
    await visible(modal().getByText('请输入用户名'));
    await visible(modal().getByText('请设置初始密码'));
    await visible(modal().getByText('请选择角色'));

    await page.locator('#account-form_username').fill('Bad name');
    await page.locator('#account-form_password').fill('abc');
    await visible(modal().getByText('用户名须以小写字母开头，3–32 位小写字母、数字、_ . -'));
    await visible(modal().getByText(/密码长度至少 8 位/));

    // A name already taken: only the server knows, and its answer lands on the field.
    await page.locator('#account-form_username').fill('hongshan_admin');
    await page.locator('#account-form_displayName').fill(DISPLAY_NAME);
    await page.locator('#account-form_phone').fill('13800001234');
    await page.locator('#account-form_password').fill(PASSWORD);
    await pick(page, 'account-form_grants_0_role', '成员单位联络员');
    // A liaison belongs to one organization: without it, the form says so.
    await button(modal(), '保存').click();
    await visible(modal().getByText('联络员须指定所在成员单位'));
    await pick(page, 'account-form_grants_0_scopeOrgId', target.name);
    await settled(page);
    await page.screenshot({ path: '/tmp/ronghe-e2e-account-form.png' });
    await button(modal(), '保存').click();
    await visible(modal().locator('#account-form_username_help').getByText('用户名已被使用'));

    await page.locator('#account-form_username').fill(USERNAME);
    await button(modal(), '保存').click();
    await toast(page, `已新建账号“${USERNAME}”`);
    await gone(modal());

    const row = accountRow(USERNAME);
    await visible(row);
    await visible(row.getByText(`成员单位联络员：${target.name}`));
    await visible(row.getByText('启用', { exact: true }));
    expect(await row.innerText(), 'the phone is masked').not.toContain('13800001234');
    const created = (await listAccounts()).find((a) => a.username === USERNAME)!;
    expect(created.grants).toEqual([{ role: 'org_liaison', scopeOrgId: target.id, scopeOrgName: target.name }]);
  });

  it('新账号登录：只能编辑自己所在的党组织，看不到管理菜单', async () => {
    await login(page2, USERNAME, PASSWORD);
    await openOrgsAfterLogin(page2);
    await rowsLoaded(page2);
    // Issue 10 §3 (who am I): the liaison's own organization, not the county's department.
    await visible(page2.getByTestId('current-tenant').getByText(`${target.name} · 联络员`));
    for (const name of ['账号管理', '开放接口密钥', '审计日志', '全市概况']) expect(await menuItem(page2, name).count(), name).toBe(0);
    for (const name of ['新建党组织', '导入', '下载模板', '导出']) expect(await button(page2, name).count(), name).toBe(0);
    expect(await button(tableRows(page2), '停用').count()).toBe(0);
    expect(await button(tableRows(page2), '编辑').count()).toBeLessThanOrEqual(1);

    await page2.locator('#org-filters_q').fill(target.name);
    await button(page2, '查询').click();
    await poll(() => rowByName(page2, target.name).count()).toBe(1);
    await visible(button(rowByName(page2, target.name), '编辑'));
    await page2.screenshot({ path: '/tmp/ronghe-e2e-liaison.png' });

    // Typed in by hand, the accounts page says why it is closed.
    await page2.goto('/t/hongshan/accounts');
    await visible(page2.getByText('无权管理账号'));
  });

  it('修改角色：表单带出现有角色；重置密码后只能用新密码登录', async () => {
    await button(accountRow(USERNAME), '修改角色').click();
    await visible(modal().getByText(`修改角色：${DISPLAY_NAME}（${USERNAME}）`));
    // The existing grant comes back with its organization's name, not its id.
    await visible(page.locator('.ant-select:has(#grants-form_grants_0_scopeOrgId)').getByTitle(target.name, { exact: true }));
    await settled(page);
    await button(modal(), '添加角色').click();
    await pick(page, 'grants-form_grants_1_role', '党员');
    await settled(page);
    await page.screenshot({ path: '/tmp/ronghe-e2e-account-grants.png' });
    await button(modal(), '保存').click();
    await toast(page, `已修改“${DISPLAY_NAME}”的角色`);
    await gone(modal());
    await visible(accountRow(USERNAME).getByText('党员', { exact: true }));
    const roles = (await listAccounts()).find((a) => a.username === USERNAME)!.grants.map((g) => g.role);
    expect(roles.sort()).toEqual(['member', 'org_liaison']);

    await settled(page);
    await button(accountRow(USERNAME), '重置密码').click();
    await visible(modal().getByText(`重置密码：${DISPLAY_NAME}（${USERNAME}）`));
    await page.locator('#reset-password-form_newPassword').fill('short');
    await visible(modal().getByText(/密码长度至少 8 位/));
    await page.locator('#reset-password-form_newPassword').fill(NEW_PASSWORD);
    await page.locator('#reset-password-form_confirm').fill(NEW_PASSWORD);
    await button(modal(), '确认重置').click();
    await toast(page, `已重置“${DISPLAY_NAME}”的密码`);
    await gone(modal());

    await page2.evaluate(() => sessionStorage.clear());
    await login(page2, USERNAME, PASSWORD);
    await visible(page2.getByTestId('login-error').getByText(/用户名或密码错误/));
    await login(page2, USERNAME, NEW_PASSWORD);
    await openOrgsAfterLogin(page2);
  });

  it('停用账号：他人先改时提示并刷新；停用后该账号不能再登录', async () => {
    // Someone else changes the account while the administrator looks at the list.
    const before = (await listAccounts()).find((a) => a.username === USERNAME)!;
    const changed = await api('PUT', `/t/${TENANT}/accounts/${before.id}/grants`, {
      token: adminToken,
      json: { grants: [{ role: 'org_liaison', scopeOrgId: target.id }, { role: 'member' }] },
      headers: { 'if-match': `"v${before.version}"` },
    });
    expect(changed.status).toBe(200);

    await button(accountRow(USERNAME), '停用').click();
    await visible(popconfirm().getByText(`停用账号“${USERNAME}”？`));
    // The popover zooms in: under load a click during the motion can land where its button is not yet.
    await settled(page);
    await button(popconfirm(), '停用').click();
    await toast(page, `账号“${USERNAME}”已被他人修改，已刷新列表`);
    expect((await listAccounts()).find((a) => a.username === USERNAME)!.status).toBe('active');

    await settled(page);
    await button(accountRow(USERNAME), '停用').click();
    await visible(popconfirm().getByText(`停用账号“${USERNAME}”？`));
    // The popover zooms in: under load a click during the motion can land where its button is not yet.
    await settled(page);
    await button(popconfirm(), '停用').click();
    await toast(page, `已停用账号“${USERNAME}”`);
    await visible(accountRow(USERNAME).getByText('已停用'));
    await visible(button(accountRow(USERNAME), '启用'));

    await page2.evaluate(() => sessionStorage.clear());
    await login(page2, USERNAME, NEW_PASSWORD);
    // A disabled account is refused exactly as a wrong password or an unknown name is, countdown included:
    // the answer must not tell that the account exists (issue 10 §4).
    await visible(page2.getByTestId('login-error').getByText(/^用户名或密码错误，再错 \d 次将锁定账号$/));
    expect(page2.url()).toMatch(/\/login$/);
  });
});

describe('县级管理员：开放接口密钥', () => {
  it('签发的密钥只显示一次，可以调用 /v1/orgs；吊销后调用被拒绝', async () => {
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    await menuItem(page, '开放接口密钥').click();
    await page.waitForURL(/\/t\/hongshan\/api-keys$/);
    await rowsLoaded(page, 'api-key-table');
    await visible(page.getByTestId('api-key-usage').getByText(/Authorization: Bearer rhk_hongshan_/));
    // The /v1 document's reader and the changelog (ADR 0030), linked in Chinese.
    expect(await page.getByTestId('v1-docs-link').getAttribute('href')).toBe('/v1/docs');
    await visible(page.getByTestId('v1-docs-link').getByText('开放接口文档'));
    expect(await page.getByTestId('v1-changelog-link').getAttribute('href')).toBe('/v1/changelog');
    await visible(page.getByTestId('v1-changelog-link').getByText('变更记录'));

    await button(page, '签发密钥').click();
    await visible(modal().getByText('签发接口密钥'));
    await settled(page);
    await button(modal(), '签发').click();
    await visible(modal().getByText('请填写用途名称（至少 2 个字）'));
    await page.locator('#api-key-form_name').fill(KEY_NAME);
    // ADR 0026: scopes by their Chinese names, the read scopes checked; a county is never offered the city's rollup.
    await visible(modal().getByText('提交群众点单'));
    expect(await modal().getByText('读取全市汇总').count()).toBe(0);
    expect(await modal().getByRole('checkbox', { name: '读取党组织目录' }).isChecked()).toBe(true);
    expect(await modal().getByRole('checkbox', { name: '提交群众点单' }).isChecked()).toBe(false);
    await button(modal(), '签发').click();

    await visible(modal().getByText('密钥只显示这一次'));
    issuedKey = await page.getByTestId('issued-key').inputValue();
    expect(issuedKey).toMatch(/^rhk_hongshan_[A-Za-z0-9_-]{40,}$/);
    // Closing needs the acknowledgement (copying gives it).
    expect(await button(modal(), '我已妥善保存，关闭').isDisabled()).toBe(true);
    await settled(page);
    await page.screenshot({ path: '/tmp/ronghe-e2e-api-key-issued.png' });
    await button(modal(), '复制密钥').click();
    await toast(page, '密钥已复制到剪贴板');
    // A string expression: the test project's types have no DOM.
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(issuedKey);

    const ok = await callPublicApi(issuedKey);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

    await button(modal(), '我已妥善保存，关闭').click();
    await gone(modal());
    const row = keyRow(KEY_NAME);
    await visible(row.getByText('有效'));
    await visible(row.getByText(`${issuedKey.slice(0, 'rhk_hongshan_'.length + 6)}…`));
    expect(await page.getByText(issuedKey).count(), 'the secret is not shown again').toBe(0);
    await visible(row.getByText('读取党组织目录'));
    await visible(row.getByText('长期有效'));
    // The one /v1 call above, counted today and drawn as a bar of the last 30 days.
    await button(row, '调用统计').click();
    await visible(modal().getByText(/近 30 天共调用 1 次/));
    await visible(page.getByTestId('api-key-usage-chart'));
    await page.keyboard.press('Escape');
    await gone(modal());
    await page.screenshot({ path: '/tmp/ronghe-e2e-api-keys.png' });

    await button(row, '吊销').click();
    await visible(popconfirm().getByText(`吊销“${KEY_NAME}”？`));
    // The popover zooms in: under load a click during the motion can land where its button is not yet.
    await settled(page);
    await button(popconfirm(), '吊销').click();
    await toast(page, `已吊销“${KEY_NAME}”`);
    await visible(keyRow(KEY_NAME).getByText('已吊销'));
    expect(await button(keyRow(KEY_NAME), '吊销').count()).toBe(0);

    expect((await callPublicApi(issuedKey)).status).toBe(401);
  });
});

describe('市级管理员：全市概况', () => {
  it('看到 12 个旗县区及合计，可只读打开某旗县区的名录', async () => {
    await page2.goto('/login');
    await page2.evaluate(() => sessionStorage.clear());
    await loginAsAdminOf(page2, 'city_admin');
    // The city administrator administers the city's own accounts, but issues no keys.
    await visible(menuItem(page2, '账号管理'));
    expect(await menuItem(page2, '开放接口密钥').count()).toBe(0);

    await menuItem(page2, '全市概况').click();
    await page2.waitForURL(/\/t\/chifeng\/city$/);
    await rowsLoaded(page2, 'city-table');
    const rows = tableRows(page2, 'city-table');
    await poll(() => rows.count()).toBe(12);

    const cityToken = await token(page2);
    const overview = (await api<{ items: CountySummary[] }>('GET', '/city/overview', { token: cityToken })).body.items;
    expect(overview).toHaveLength(12);
    const names = (await rows.locator('td:first-child').allInnerTexts()).map((s) => s.trim());
    expect(names).toEqual(overview.map((c) => c.name));
    const members = overview.reduce((n, c) => n + c.memberTotal, 0);
    const total = page2.getByTestId('city-total');
    await visible(total.getByText('全市合计'));
    await visible(total.getByText(members.toLocaleString('zh-CN'), { exact: true }));
    await settled(page2);
    await page2.screenshot({ path: '/tmp/ronghe-e2e-city.png', fullPage: true });

    await button(rows.filter({ hasText: '红山区' }), '查看组织').click();
    await page2.waitForURL(/\/t\/hongshan\/orgs/);
    await visible(page2.getByTestId('readonly-tag').getByText('只读'));
    await rowsLoaded(page2);
    expect(await button(page2, '新建党组织').count()).toBe(0);

    // The short address lands on the same page.
    await page2.goto('/city');
    await page2.waitForURL(/\/t\/chifeng\/city$/);
    await rowsLoaded(page2, 'city-table');
  });
});
