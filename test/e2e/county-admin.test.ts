import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import {
  api,
  button,
  gone,
  loginAsAdminOf,
  pick,
  poll,
  rowByName,
  rowNames,
  rowsLoaded,
  settled,
  shotOnFailure,
  tableRows,
  toast,
  token,
  unique,
  visible,
} from './helpers.ts';
import { readXlsx, writeXlsx } from './xlsx.ts';

// One county administrator's working session, in order: browse, filter,
// create, edit, deactivate, export, import, then read the audit trail.

interface TreeItem {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  childCount: number;
}
interface Org {
  id: string;
  name: string;
  kind: string;
  version: number;
  secretaryName: string | null;
  liaisonName: string | null;
}

const TENANT = 'hongshan';
const u = unique();
const NEW_NAME = `E2E测试党支部${u}`;
const IMPORT_A = `E2E导入甲党支部${u}`;
const IMPORT_B = `E2E导入乙党支部${u}`;

let s: Session;
let page: Page;
let adminToken: string;
let branch: TreeItem; // a second-level organization with children: the subtree we work in
let created: Org;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-Hans-CN');
const tree = () => page.getByTestId('org-tree');
const modal = () => page.locator('.ant-modal:visible');
const drawer = () => page.locator('.ant-drawer-open .ant-drawer-section');
const closeDrawer = async () => {
  await settled(page);
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await gone(page.locator('.ant-drawer-open'));
  // The drawer hands focus back to its opener when its motion ends; let that happen first.
  await settled(page);
};
const search = async (q: string, status?: '在用' | '已停用' | '全部') => {
  await page.locator('#org-filters_q').fill(q);
  if (status) await pick(page, 'org-filters_status', status);
  await button(page, '查询').click();
  await rowsLoaded(page);
};
const findOrg = async (q: string, status = 'all') =>
  (await api<{ items: Org[]; total: number }>('GET', `/t/${TENANT}/orgs?q=${encodeURIComponent(q)}&status=${status}`, { token: adminToken })).body;

beforeAll(async () => {
  s = await launch();
  page = s.page;
  await loginAsAdminOf(page, 'hongshan_admin');
  adminToken = await token(page);
  const items = (await api<{ items: TreeItem[] }>('GET', `/t/${TENANT}/orgs/tree`, { token: adminToken })).body.items;
  // The county committee is the root with the most children; work under one of its street/township committees.
  const root = [...items].filter((i) => !i.parentId).sort((a, b) => b.childCount - a.childCount)[0]!;
  const kids = items.filter((i) => i.parentId === root.id && i.childCount > 0).sort(byName);
  branch = kids.find((k) => !k.name.startsWith('E2E')) ?? kids[0]!;
  expect(branch, 'seeded tree has a second level').toBeDefined();
});

afterEach(async (ctx) => shotOnFailure(page, ctx));

afterAll(async () => {
  await s?.close();
  // The e2e database persists between runs: retire what this run imported, so lists stay readable.
  if (!adminToken) return;
  for (const name of [IMPORT_A, IMPORT_B]) {
    const org = (await findOrg(name, 'active')).items[0];
    if (!org) continue;
    const etag = (await api('GET', `/t/${TENANT}/orgs/${org.id}`, { token: adminToken })).headers.get('etag') ?? '';
    await api('POST', `/t/${TENANT}/orgs/${org.id}/deactivate`, { token: adminToken, json: { reason: 'E2E 测试数据清理' }, headers: { 'if-match': etag } });
  }
});

describe('县级管理员：党组织管理', () => {
  it('登录后看到本旗县区的组织树和党组织列表', async () => {
    await visible(page.getByTestId('current-tenant').getByText('红山区委组织部'));
    await visible(page.getByRole('menuitem', { name: '党组织管理' }));
    await visible(page.getByRole('menuitem', { name: '审计日志' }));
    expect(await tableRows(page).count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('org-total').innerText()).toMatch(/^共 \d+ 个$/);
    // Cursor pagination: the next page is appended below the first.
    expect(await tableRows(page).count()).toBe(20);
    await page.getByTestId('load-more').click();
    await poll(() => tableRows(page).count()).toBe(40);
    // Writers see the write buttons.
    for (const name of ['新建党组织', '导入', '下载模板', '导出']) await visible(button(page, name));
    await page.screenshot({ path: '/tmp/ronghe-e2e-orgs.png' });
  });

  it('在组织树中搜索、展开并点击节点，列表只显示该组织及其下级', async () => {
    await tree().getByPlaceholder('搜索组织名称').fill(branch.name);
    await tree().getByPlaceholder('搜索组织名称').press('Enter');
    const node = tree().locator('.ant-tree-treenode').filter({ has: page.locator('mark', { hasText: new RegExp(`^${branch.name}$`) }) });
    await visible(node);
    // Expanding it brings its children into view.
    const kids = (await api<{ items: TreeItem[] }>('GET', `/t/${TENANT}/orgs/tree`, { token: adminToken })).body.items
      .filter((i) => i.parentId === branch.id)
      .map((i) => i.name);
    await node.locator('.ant-tree-switcher').click();
    await poll(async () => (await tree().locator('.ant-tree-title').allInnerTexts()).some((t) => kids.includes(t.trim()))).toBe(true);

    await node.locator('.ant-tree-node-content-wrapper').click();
    await visible(page.getByTestId('under-tag').getByText(`范围：${branch.name} 及全部下级`));
    expect(page.url()).toContain(`under=${branch.id}`);
    const expected = (await api<{ total: number }>('GET', `/t/${TENANT}/orgs?under=${branch.id}`, { token: adminToken })).body.total;
    await poll(() => page.getByTestId('org-total').innerText()).toBe(`共 ${expected} 个`);
    // Every row shown lies in the subtree.
    const all = (await api<{ items: TreeItem[] }>('GET', `/t/${TENANT}/orgs/tree`, { token: adminToken })).body.items;
    const inside = new Set([branch.id]);
    let size = 0;
    while (inside.size !== size) {
      size = inside.size;
      for (const i of all) if (i.parentId && inside.has(i.parentId)) inside.add(i.id);
    }
    const names = new Set(all.filter((i) => inside.has(i.id)).map((i) => i.name));
    const shown = await rowNames(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((n) => !names.has(n))).toEqual([]);
  });

  it('按关键词和组织类别筛选', async () => {
    const kids = (await api<{ items: Org[] }>('GET', `/t/${TENANT}/orgs?parentId=${branch.id}&limit=1`, { token: adminToken })).body.items;
    const target = kids[0]!;
    await page.locator('#org-filters_q').fill(target.name);
    await pick(page, 'org-filters_kind', target.kind);
    await button(page, '查询').click();
    await poll(async () => (await rowNames(page)).every((n) => n.includes(target.name))).toBe(true);
    expect(await rowNames(page)).toContain(target.name);
    const kinds = await tableRows(page).locator('td:nth-child(2)').allInnerTexts();
    expect(kinds.every((k) => k.trim() === target.kind)).toBe(true);
    expect(page.url()).toContain(`kind=${encodeURIComponent(target.kind)}`);

    await button(page, '重置').click();
    await gone(page.getByTestId('under-tag'));
    await poll(() => page.locator('#org-filters_q').inputValue()).toBe('');
  });

  it('新建党组织：表单按共享的 zod 规则和服务端 422 提示到字段', async () => {
    await tree().getByText(branch.name, { exact: true }).click(); // new organizations go under the selected node
    await visible(page.getByTestId('under-tag'));
    await button(page, '新建党组织').click();
    await visible(modal().getByText('新建党组织'));

    // Client side: the shared OrgCreateSchema's own messages.
    await page.locator('#org-form_name').fill('党');
    await page.locator('#org-form_secretaryPhone').fill('12345');
    await button(modal(), '保存').click();
    await visible(modal().getByText('组织名称至少 2 个字'));
    await visible(modal().getByText('请输入正确的手机号（11 位）或固定电话（如 0476-8888888）'));
    await visible(modal().getByText('请选择组织类别'));

    await page.locator('#org-form_name').fill(NEW_NAME);
    await pick(page, 'org-form_kind', '党支部');
    await pick(page, 'org-form_domain', '社区');
    await page.locator('#org-form_secretaryName').fill('张三');
    await page.locator('#org-form_secretaryPhone').fill('13912345678');
    await page.locator('#org-form_memberCount').fill('8');

    // Server side: a rule only the registry knows (seed 004) comes back as 422 on the field.
    await pick(page, 'org-form_qualityStatus', '最强党支部（区级）');
    await page.locator('#org-form_weakFlag').click();
    await button(modal(), '保存').click();
    await visible(modal().locator('#org-form_weakFlag_help').getByText('被列为软弱涣散的党组织不能评为最强党支部，请先整顿销号'));

    // Issue 10 (seed 004): a new organization starts 未达标; earlier designations come in by import with their year and body.
    await page.locator('#org-form_weakFlag').click();
    await pick(page, 'org-form_qualityStatus', '未达标');
    await button(modal(), '保存').click();
    await toast(page, `已新建“${NEW_NAME}”`);
    await gone(modal());

    // The detail drawer shows what was saved.
    const detail = drawer().getByTestId('org-detail');
    await visible(detail.getByText(NEW_NAME));
    await visible(detail.getByText(branch.name));
    await visible(detail.getByText('13912345678'));
    await visible(detail.getByText('未达标'));
    const found = await findOrg(NEW_NAME);
    expect(found.total).toBe(1);
    created = found.items[0]!;
    await closeDrawer();
    await search(NEW_NAME);
    await poll(() => rowNames(page)).toEqual([NEW_NAME]);
  });

  it('编辑党组织，看到修改结果；他人先改时提示并重新加载', async () => {
    await button(rowByName(page, NEW_NAME), '查看').click();
    await visible(drawer().getByTestId('org-detail').getByText(NEW_NAME));
    await button(drawer(), '编辑').click();
    await visible(modal().getByText(`编辑党组织：${NEW_NAME}`));
    await poll(() => page.locator('#org-form_secretaryName').inputValue()).toBe('张三');
    await page.locator('#org-form_secretaryName').fill('李四');
    await page.locator('#org-form_memberCount').fill('12');
    await button(modal(), '保存').click();
    await toast(page, `已保存“${NEW_NAME}”的修改`);
    await gone(modal());
    const detail = drawer().getByTestId('org-detail');
    await visible(detail.getByText('李四'));
    await poll(() => detail.locator('td').filter({ hasText: /^12$/ }).count()).toBe(1);
    await poll(() => rowByName(page, NEW_NAME).innerText()).toContain('李四');

    // Someone else saves while the form is open: the save gets 412, the form reloads their version.
    await button(drawer(), '编辑').click();
    await poll(() => page.locator('#org-form_secretaryName').inputValue()).toBe('李四');
    const current = await api<Org>('GET', `/t/${TENANT}/orgs/${created.id}`, { token: adminToken });
    const other = await api('PATCH', `/t/${TENANT}/orgs/${created.id}`, {
      token: adminToken,
      json: { liaisonName: '王五' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(other.status).toBe(200);
    await page.locator('#org-form_secretaryName').fill('赵六');
    await button(modal(), '保存').click();
    await visible(page.getByTestId('stale-alert').getByText('数据已被他人修改'));
    await poll(() => page.locator('#org-form_liaisonName').inputValue()).toBe('王五');
    await poll(() => page.locator('#org-form_secretaryName').inputValue()).toBe('李四');
    await page.locator('#org-form_secretaryName').fill('赵六');
    await button(modal(), '保存').click();
    await toast(page, `已保存“${NEW_NAME}”的修改`);
    await visible(drawer().getByTestId('org-detail').getByText('赵六'));
    await visible(drawer().getByTestId('org-detail').getByText('王五'));
    await closeDrawer();
  });

  it('停用党组织须填写原因，停用后只在“已停用”中出现', async () => {
    await search(NEW_NAME);
    await button(rowByName(page, NEW_NAME), '停用').click();
    await visible(modal().getByText(`停用党组织：${NEW_NAME}`));
    await button(modal(), '确认停用').click();
    await visible(modal().getByText('请填写停用原因'));
    await page.locator('#deactivate-form_reason').fill('E2E 测试：组织撤并');
    await button(modal(), '确认停用').click();
    await toast(page, `已停用“${NEW_NAME}”`);
    await gone(modal());
    await poll(() => rowNames(page)).not.toContain(NEW_NAME);

    await search(NEW_NAME, '已停用');
    const row = rowByName(page, NEW_NAME);
    await visible(row.getByText('已停用'));
    await visible(button(row, '启用'));
    await button(row, '查看').click();
    await visible(drawer().getByText('停用原因：E2E 测试：组织撤并'));
    await closeDrawer();
  });

  it('按当前筛选条件导出 Excel', async () => {
    await search(`E2E测试党支部${u}`, '全部');
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004');
    const rows = readXlsx(bytes);
    expect(rows[0]).toContain('组织名称');
    const nameCol = rows[0]!.indexOf('组织名称');
    const names = rows.slice(1).map((r) => r[nameCol]);
    expect(names).toEqual([NEW_NAME]);
  });

  it('导入有错误的 Excel：显示逐行错误报告，不保存任何数据', async () => {
    await button(page, '重置').click();
    await button(page, '导入').click();
    await visible(modal().getByText('Excel 导入党组织'));
    const [tpl] = await Promise.all([page.waitForEvent('download'), button(modal(), '下载模板').click()]);
    const header = readXlsx(readFileSync((await tpl.path())!))[0]!.map((h) => h.replace(/\s*\*$/, ''));
    expect(header).toEqual(expect.arrayContaining(['组织名称', '上级组织', '组织类别', '所属领域']));
    const row = (cells: Record<string, string | number>) => header.map((h) => cells[h] ?? null);
    const bad = writeXlsx([
      header,
      row({ 组织名称: IMPORT_A, 上级组织: branch.id, 组织类别: '党支部', 所属领域: '社区', 党员人数: 9 }),
      row({ 组织名称: IMPORT_B, 上级组织: branch.id, 组织类别: '党小队', 所属领域: '社区', 书记电话: '12345' }),
    ]);
    await modal().locator('input[type=file]').setInputFiles({ name: '党组织导入-有错误.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    await visible(modal().getByText('已选择：党组织导入-有错误.xlsx'));
    await button(modal(), '开始导入').click();
    const report = page.getByTestId('import-errors');
    await visible(report.getByText('导入未通过校验，未保存任何数据'));
    const kindError = report.locator('tbody tr').filter({ hasText: '组织类别' });
    await visible(kindError.getByText('第 3 行'));
    expect(await kindError.innerText()).toContain('组织类别须为');
    await visible(report.locator('tbody tr').filter({ hasText: '书记电话' }).getByText('第 3 行'));
    expect(await report.locator('tbody tr').filter({ hasText: '第 2 行' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/ronghe-e2e-import-errors.png' });
    expect((await findOrg(IMPORT_A)).total).toBe(0);

    // The corrected file goes through.
    const good = writeXlsx([
      header,
      row({ 组织名称: IMPORT_A, 上级组织: branch.id, 组织类别: '党支部', 所属领域: '社区', 党员人数: 9 }),
      row({ 组织名称: IMPORT_B, 上级组织: branch.id, 组织类别: '党小组', 所属领域: '社区', 书记电话: '0476-8888888' }),
    ]);
    await modal().locator('input[type=file]').setInputFiles({ name: '党组织导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await button(modal(), '开始导入').click();
    await visible(page.getByTestId('import-success').getByText('新增 2 个党组织，更新 0 个党组织'));
    await button(modal().locator('.ant-modal-footer'), '关闭').click();
    await gone(modal());
    await search(u); // this run's suffix: exactly the two imported, active organizations
    await poll(async () => (await rowNames(page)).sort()).toEqual([IMPORT_A, IMPORT_B].sort());
    expect((await rowByName(page, IMPORT_A).innerText())).toContain(branch.name);
  });

  it('审计日志列出这些修改，可展开查看修改前后对比', async () => {
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(/\/t\/hongshan\/audit/);
    await rowsLoaded(page, 'audit-table');
    // The page scopes to one object by a link (no id is typed or shown, issue 10 §3).
    await page.goto(`/t/hongshan/audit?entityType=organization&entityId=${created.id}&entityName=${encodeURIComponent(`党组织：${NEW_NAME}`)}`);
    await visible(page.getByTestId('audit-scope').getByText(`只看对象：党组织：${NEW_NAME}`));
    const rows = tableRows(page, 'audit-table');
    await poll(async () => (await rows.locator('td:nth-child(4)').allInnerTexts()).map((t) => t.trim()))
      .toEqual(['停用党组织', '修改党组织', '修改党组织', '修改党组织', '新建党组织']);
    const times = await rows.locator('td:nth-child(2)').allInnerTexts();
    expect(times.every((t) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t.trim()))).toBe(true);
    expect(await rows.first().innerText()).toContain('旗县区委组织部管理员');

    // The first edit: 张三 → 李四, 8 → 12.
    const firstEdit = rows.nth(3);
    await firstEdit.locator('.ant-table-row-expand-icon').click();
    const diff = page.getByTestId('audit-diff').first();
    await visible(diff.getByText('张三'));
    await visible(diff.getByText('李四'));
    expect(await diff.innerText()).toContain('书记');
    expect(await diff.innerText()).not.toContain('secretaryName');
    await page.screenshot({ path: '/tmp/ronghe-e2e-audit.png' });

    await button(page, '重置').click();
    await pick(page, 'audit-filters_action', '导入新建党组织');
    await button(page, '查询').click();
    await poll(async () => (await rows.allInnerTexts()).join('\n')).toContain(IMPORT_A);
    expect((await rows.allInnerTexts()).join('\n')).toContain('导入新建党组织');
  });
});

describe('县级管理员：侧边菜单可用键盘操作', () => {
  const menu = () => page.locator('.ant-layout-sider [data-testid=side-menu]');
  /** The sidebar's entries in screen order, group headings included: their first line (a count badge may follow). */
  const entryNames = async () => (await menu().locator('[role=menuitem]').allInnerTexts()).map((t) => t.trim().split('\n')[0]!.trim());
  const focusedName = () => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

  it('上下方向键、Home、End 在菜单项间移动焦点，回车折叠、展开分组并打开页面', async () => {
    await page.goto(`/t/${TENANT}/orgs`);
    await rowsLoaded(page);
    const names = await entryNames();
    const at = names.indexOf('党组织管理');
    expect(at, '党组织管理 is in the sidebar').toBeGreaterThanOrEqual(0);
    expect(names.length).toBeGreaterThan(at + 1);

    await menu().getByRole('menuitem', { name: '党组织管理' }).focus();
    await page.keyboard.press('ArrowDown');
    await poll(focusedName).toContain(names[at + 1]!);
    await page.keyboard.press('ArrowUp');
    await poll(focusedName).toContain('党组织管理');
    await page.keyboard.press('End');
    await poll(focusedName).toContain(names.at(-1)!);
    await page.keyboard.press('Home');
    await poll(focusedName).toContain(names[0]!);

    // A group heading (the 三张清单 …) folds its pages away and brings them back.
    // Pinned by its name: a locator by aria-expanded would move to the next open group once this one folds.
    const title = (await menu().locator('button[role=menuitem][aria-expanded=true]').first().innerText()).trim();
    const group = menu().locator('button[role=menuitem]', { hasText: title });
    const pagesOfGroup = group.locator('xpath=following-sibling::ul[@role="group"]').locator('a[role=menuitem]');
    const firstPage = (await pagesOfGroup.first().innerText()).trim().split('\n')[0]!.trim();
    await group.focus();
    await page.keyboard.press('Enter');
    await poll(() => group.getAttribute('aria-expanded')).toBe('false');
    expect(await entryNames()).not.toContain(firstPage);
    await page.keyboard.press('Enter');
    await poll(() => group.getAttribute('aria-expanded')).toBe('true');
    expect(await entryNames()).toContain(firstPage);

    // Enter on a page's entry opens it, as a click does.
    await menu().getByRole('menuitem', { name: '审计日志' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => new URL(page.url()).pathname).toBe(`/t/${TENANT}/audit`);
    await visible(menu().locator('a[aria-current=page]', { hasText: '审计日志' }));
  });

  it('筛选栏等部件未能加载（网络中断）：页面说明原因并可重新加载，重新加载后筛选可用', async () => {
    // The filter bar is drawn with antd, loaded after the page's first draw (lib/ant-island.tsx). Its
    // download fails here; the browser keeps a failed module import failed for that page, so the page
    // says so and offers a reload instead of leaving a filter bar that takes no input.
    const antd = '**/assets/antd-*.js';
    await page.route(antd, (r) => r.abort('internetdisconnected'));
    await page.goto(`/t/${TENANT}/orgs`);
    await rowsLoaded(page);
    const notice = page.getByTestId('island-failure');
    await visible(notice);
    expect(await notice.innerText()).toContain('未能加载');
    // The look-alike takes no input: there is no filter field yet.
    expect(await page.locator('#org-filters_q').count()).toBe(0);

    await page.unroute(antd);
    await notice.getByRole('button', { name: '重新加载' }).click();
    await rowsLoaded(page);
    await visible(page.locator('#org-filters_q'));
    expect(await notice.count()).toBe(0);
    // And it filters: by the name of the list's first organization.
    const first = (await rowNames(page))[0]!;
    await search(first);
    await poll(async () => (await rowNames(page)).every((n) => n.includes(first))).toBe(true);
  });
});

