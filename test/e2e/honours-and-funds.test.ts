import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, button, choose, gone, landed, login, pick, poll, rowByName, rowsLoaded, settled, shotOnFailure, toast, unique, visible } from './helpers.ts';
import { foundedAlliance, LEAD, orgNamed, TENANT, THIS_YEAR } from './issue12-arrange.ts';

// Issue 12 as 红山区's organization department meets it, on an alliance and a branch of the story's own:
//  - 示范点 (seed 000 11.2.1): the county designates the alliance a 区级 demonstration site with reason and evidence;
//  - 最强党支部 (seed 004 三(四)): a branch accepted as 标准化规范化 whose members rated it 优秀 17 times out of 20
//    (85 %, below the 90 % the seed asks) is refused, the rule named on screen, and the server refuses it too;
//  - 经费保障 (seed 000 11.2.2): an income of 1,234.56 元 (上级拨) and a spending of 234.50 元 leave 1,000.06 元;
//    the spending reversed by a compensating entry (the original stays) brings the balance back to 1,234.56 元.

const u = unique();
const ALLIANCE = `E2E示范经费联合体${u}`;
const BRANCH = `E2E最强核验党支部${u}`;

let s: Session;
let page: Page;
let allianceId = '';
let branchId = '';

/**
 * A branch of 铁南社区党委, applied (by the county), evaluated by 铁南街道党工委 with 四评 tallies that pass every rule
 * but one — 17 of 20 members rated it 优秀 — and accepted by the county: 标准化规范化 this year.
 */
async function acceptedBranch(): Promise<string> {
  const admin = await apiLogin(`${TENANT}_admin`);
  const reviewer = await apiLogin(`${TENANT}_reviewer`);
  const parent = await orgNamed(admin, LEAD);
  const created = await api<{ id: string }>('POST', `/t/${TENANT}/orgs`, { token: admin, json: { name: BRANCH, kind: '党支部', domain: '社区', parentId: parent.id } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const app = await api<{ id: string }>('POST', `/t/${TENANT}/honours/standardizations`, {
    token: admin,
    json: { orgId: created.body.id, year: THIS_YEAR, selfAssessment: '对照标准化规范化建设要求逐项自评，基本设置、基本队伍、基本制度均已达标。' },
  });
  expect(app.status, JSON.stringify(app.body)).toBe(201);
  const evaluated = await api('POST', `/t/${TENANT}/honours/standardizations/${app.body.id}/evaluate`, {
    token: reviewer,
    json: {
      orgScore: 92,
      annualReviewGrade: '优秀',
      membersEvaluating: 20,
      membersExcellent: 17,
      membersGood: 3,
      membersFair: 0,
      membersPoor: 0,
      residentsSatisfied: 25,
      residentsBasic: 5,
      residentsDissatisfied: 0,
      residentsDissatisfiedVerified: 0,
      departmentsConsulted: 3,
      departmentObjections: [],
    },
  });
  expect(evaluated.status, JSON.stringify(evaluated.body)).toBe(200);
  const accepted = await api('POST', `/t/${TENANT}/honours/standardizations/${app.body.id}/accept`, { token: admin, json: { note: '验收合格' } });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return created.body.id;
}

beforeAll(async () => {
  ({ id: allianceId } = await foundedAlliance(ALLIANCE));
  branchId = await acceptedBranch();
  s = await launch();
  page = s.page;
  await login(page, `${TENANT}_admin`);
  await landed(page);
}, 120_000);
afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => s?.close());

async function openHonoursTab(label: string): Promise<void> {
  await page.getByRole('menuitem', { name: /荣誉与示范/ }).click();
  await page.waitForURL(/\/honours$/);
  await settled(page);
  await page.getByRole('tab', { name: label, exact: true }).click();
  await settled(page);
}

describe('荣誉与示范、经费保障', () => {
  it('县委组织部确定区级示范点：写明理由和佐证，列表中生效', async () => {
    await openHonoursTab('示范点');
    await button(page, '确定区级示范点').click();
    const modal = page.locator('.ant-modal').filter({ hasText: `确定 ${THIS_YEAR} 年度区级示范点` });
    await visible(modal);
    await choose(page, modal.locator('#subjectId'), ALLIANCE, ALLIANCE);
    await modal.locator('#reason').fill('共驻共建成效明显，群众满意度高');
    await modal.locator('#evidence').fill('年度考核材料、群众评判结果');
    await button(modal, '确定').click();
    await gone(modal);
    const row = page.getByRole('tabpanel').locator('.ant-table-row').filter({ hasText: ALLIANCE });
    await visible(row);
    await poll(() => row.first().innerText()).toMatch(/党建联合体[\s\S]*区级[\s\S]*共驻共建成效明显，群众满意度高[\s\S]*年度考核材料、群众评判结果/);
  });

  it('党员评议优秀不足 90% 的党支部不能评为“最强党支部”，页面写明不符合的规则', async () => {
    await openHonoursTab('最强党支部');
    await choose(page, page.getByRole('tabpanel').locator('.ant-select').filter({ hasText: '选择党支部逐条核验' }).locator('input'), BRANCH, BRANCH);
    const check = page.getByTestId('strongest-check');
    await visible(check);
    // Every rule shown; the one that fails says so in the seed's words.
    await visible(check.getByText('本年度已验收为标准化规范化党支部'));
    await visible(check.getByText('年度述职评议考核等次为优秀'));
    await visible(check.getByText('党员评价优秀等次所占比例达不到参加评议党员总数的 90%，不得评定为"最强党支部"'));
    await visible(check.getByText(`${BRANCH}不符合"最强党支部"评定条件`));
    await visible(check.locator('.anticon-close-circle'));
    expect(await check.locator('.anticon-close-circle').count()).toBe(1);
    // Nothing to press: the page offers no designation it would refuse.
    expect(await button(page, '评定为区级').count()).toBe(0);
    // And the server refuses it by name.
    const refused = await api<{ code: string; rule: string }>('POST', `/t/${TENANT}/honours/county/designations`, {
      token: await apiLogin(`${TENANT}_admin`),
      json: { orgId: branchId, year: THIS_YEAR, reason: '试图评定' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'conflict', rule: 'members_excellent_90' });

    // Nor does editing the organization offer it: 最强党支部 comes only from the check above.
    await page.getByRole('menuitem', { name: /党组织管理/ }).click();
    await page.getByText('党组织列表').waitFor();
    await page.locator('#org-filters_q').fill(BRANCH);
    await button(page, '查询').click();
    await rowsLoaded(page);
    await button(rowByName(page, BRANCH), '查看').click();
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section');
    await visible(drawer.getByTestId('org-detail').getByText('标准化规范化'));
    await button(drawer, '编辑').click();
    const form = page.locator('.ant-modal:visible');
    await visible(form.getByText(`编辑党组织：${BRANCH}`));
    await visible(form.getByText('最强党支部须通过“最强党支部评定”逐条核验后评定'));
    await settled(page);
    await page.locator('#org-form_qualityStatus').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ has: page.locator('#org-form_qualityStatus_list') }).locator('.ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual(['未达标', '标准化规范化']);
    await page.keyboard.press('Escape');
    await button(form, '取消').click();
    await gone(form);
    await settled(page);
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await gone(page.locator('.ant-drawer-open'));
    await settled(page);
  });

  it('联合体经费：记收入和支出，余额精确到分；冲正一笔支出，原记录保留', async () => {
    await page.getByRole('menuitem', { name: /经费保障/ }).click();
    await page.waitForURL(/\/funds$/);
    await choose(page, page.locator('#funds-alliance'), ALLIANCE, ALLIANCE);
    await page.waitForURL(new RegExp(`/funds/${allianceId}$`));
    await visible(page.getByText(`${ALLIANCE} · 经费`));
    const stat = (title: string) => page.locator('.ant-statistic').filter({ has: page.getByText(`${title}（元）`, { exact: true }) }).locator('.ant-statistic-content');
    await poll(() => stat('余额').innerText()).toBe('0.00');

    const entry = page.locator('.ant-modal').filter({ has: page.locator('#fund-entry_amountYuan') });
    await button(page, '记收入').click();
    await visible(entry);
    await pick(page, 'fund-entry_source', '上级拨');
    await page.locator('#fund-entry_amountYuan').fill('1234.56');
    await page.locator('#fund-entry_summary').fill('区委组织部拨付党建经费');
    await page.locator('#fund-entry_voucherNo').fill(`记-${u}-1`);
    await button(entry, '记账').click();
    await toast(page, '已记账');
    await gone(entry);
    await poll(() => stat('余额').innerText()).toBe('1,234.56');

    await settled(page);
    await button(page, '记支出').click();
    await visible(entry);
    await page.locator('#fund-entry_amountYuan').fill('234.5');
    await page.locator('#fund-entry_summary').fill('购置志愿服务物资');
    await button(entry, '记账').click();
    await toast(page, '已记账');
    await gone(entry);
    await poll(() => stat('余额').innerText()).toBe('1,000.06');
    await poll(() => stat('上级拨').innerText()).toBe('1,234.56');
    await poll(() => stat('累计支出').innerText()).toBe('234.50');

    // 冲正: a compensating entry; the spending stays on the books, marked.
    const ledger = page.getByTestId('fund-ledger');
    const row = (summary: string) => ledger.locator('.ant-table-row').filter({ has: page.getByText(summary, { exact: true }) });
    const spending = row('购置志愿服务物资');
    await button(spending, '冲正').click();
    const reverse = page.locator('.ant-modal').filter({ hasText: '冲正这笔经费' });
    await visible(reverse);
    await poll(() => reverse.innerText()).toContain('支出 -234.50 元');
    await page.locator('#fund-reverse_reason').fill('物资由成员单位捐赠，支出记错');
    await button(reverse, '冲正').click();
    await toast(page, '已冲正');
    await poll(() => stat('余额').innerText()).toBe('1,234.56');
    await poll(() => stat('累计支出').innerText()).toBe('0.00');
    await poll(() => ledger.locator('.ant-table-row').count()).toBe(3);
    await visible(spending.getByText('已冲正', { exact: true }));
    const compensating = row('冲正：购置志愿服务物资');
    await visible(compensating.getByText('冲正记录', { exact: true }));
    await poll(() => compensating.innerText()).toContain('-234.50');
    await poll(() => page.getByText(/本年收入 1,234\.56 元，支出 0\.00 元，结余 1,234\.56 元/).count()).toBe(1);
  });
});
