import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, button, choose, gone, landed, login, poll, settled, shotOnFailure, toast, unique, visible } from './helpers.ts';
import { foundedAlliance, TENANT, THIS_YEAR } from './issue12-arrange.ts';

// 年度考核 with 四评 (issue 12; seed 004 三(三)): 铁南街道党工委's reviewer (the approving committee) opens the
// assessment of an alliance it approved, on a scheme of the county's whose five indicators are, by weight:
//   工作实绩 (考核组评分)    20 %, out of 20   → the committee enters 18       → 18 / 20 × 20 = 18
//   组织评定 (committee)     30 %, out of 30   → one committee rating of 90   → 90 % × 30    = 27
//   党员评议 (member)        20 %, out of 20   → the party member rates 80    → 80 % × 20    = 16
//   群众评判 (resident)      15 %, out of 15   → a resident: 满意 (95)        → 95 % × 15    = 14.25
//   社会评价 (department)    15 %, out of 15   → 旗民政局 rates 88            → 88 % × 15    = 13.2
// total 18 + 27 + 16 + 14.25 + 13.2 = 88.45 → 良好 (the scheme's lines: 优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60).
// The party member rates on a 390 px phone in 我的评议; the resident opens the signed link at 390 px without
// signing in and answers once; a second answer through the same link is refused with the reason on screen.

const u = unique();
const ALLIANCE = `E2E四评联合体${u}`;
const SCHEME = `E2E四评指标体系${u}`;
const PHONE = { width: 390, height: 844 };

let s: Session;
let page: Page;
let allianceId = '';

beforeAll(async () => {
  ({ id: allianceId } = await foundedAlliance(ALLIANCE));
  // The county's scheme for this year, published (the scheme editor is its own page; here it is arranged as the county would).
  const admin = await apiLogin(`${TENANT}_admin`);
  const scheme = await api<{ id: string }>('POST', `/t/${TENANT}/assessment/schemes`, {
    token: admin,
    json: {
      level: 'county',
      year: THIS_YEAR,
      name: SCHEME,
      thresholds: { excellent: 9000, good: 8000, fair: 6000 },
      indicators: [
        { name: '工作实绩', criteria: '按年度工作计划完成情况评分', kind: 'scored', weight: 20, maxScore: 20 },
        { name: '组织评定', kind: 'rated', raterGroup: 'committee', weight: 30, maxScore: 30 },
        { name: '党员评议', kind: 'rated', raterGroup: 'member', weight: 20, maxScore: 20 },
        { name: '群众评判', kind: 'rated', raterGroup: 'resident', weight: 15, maxScore: 15 },
        { name: '社会评价', kind: 'rated', raterGroup: 'department', weight: 15, maxScore: 15 },
      ],
    },
  });
  expect(scheme.status, JSON.stringify(scheme.body)).toBe(201);
  const published = await api('POST', `/t/${TENANT}/assessment/schemes/${scheme.body.id}/publish`, { token: admin, json: {} });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  s = await launch();
  page = s.page;
}, 120_000);
afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => s?.close());

/** The input of the form item labelled exactly `label` (these forms have no name, so their inputs no ids). */
const field = (scope: Locator, label: string) =>
  scope
    .locator('.ant-form-item')
    .filter({ has: scope.page().locator('.ant-form-item-label label', { hasText: new RegExp(`^${label.replace(/[()（）.*+?]/g, '\\$&')}$`) }) })
    .locator('input')
    .first();

/** How far a page runs sideways beyond the screen (0: it fits). */
const overflow = (p: Page) => p.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

describe('年度考核：四评与定档', () => {
  it('考核组开启考核并评分，党员在手机上评议，群众扫码评判一次，部门评价，定档得分与等次同手算一致', async () => {
    // ── The approving committee opens the assessment.
    await login(page, `${TENANT}_reviewer`);
    await landed(page);
    await page.goto(`/t/${TENANT}/assessment/assessments`);
    await choose(page, page.getByRole('combobox', { name: '年度' }), `${THIS_YEAR} 年`);
    await button(page, '开启考核').click();
    const opening = page.locator('.ant-modal').filter({ hasText: `开启 ${THIS_YEAR} 年度考核` });
    await visible(opening);
    await choose(page, opening.getByRole('combobox').first(), ALLIANCE, ALLIANCE);
    await choose(page, opening.getByRole('combobox', { name: '指标体系' }), SCHEME);
    await button(opening, '开启').click();
    await visible(page.getByText(`${ALLIANCE} · ${THIS_YEAR} 年度考核`));
    await visible(page.getByText('还需考核组评分：工作实绩'));

    // 考核组评分: 18 of 20.
    const indicator = (name: string) => page.locator('.ant-table-row').filter({ has: page.getByText(name, { exact: true }) });
    await button(indicator('工作实绩'), '评分').click();
    const scoring = page.locator('.ant-modal').filter({ hasText: '评分：工作实绩' });
    await visible(scoring);
    await scoring.getByLabel('得分').fill('18');
    await button(scoring, '保存').click();
    await gone(scoring);
    await poll(() => indicator('工作实绩').innerText()).toContain('18 / 20');
    const assessmentUrl = page.url();

    // ── 四评: 组织评定 by the committee, 社会评价 for a department, a resident's link.
    await button(page, '查看和录入四评').click();
    const panel = page.getByTestId('ratings-panel');
    await visible(panel);
    const tab = (label: string) => panel.getByRole('tab', { name: new RegExp(`^${label}`) });
    // The open tab's panel (the others stay in the page, hidden).
    const pane = panel.getByRole('tabpanel');

    await settled(page);
    await tab('组织评定').click();
    await field(pane, '分数').fill('90');
    await choose(page, field(pane, '等次'), '优秀');
    await button(pane, '提交评价').click();
    await toast(page, '评价已记入');
    await poll(() => tab('组织评定').innerText()).toBe('组织评定（1）');

    await settled(page);
    await tab('社会评价').click();
    await field(pane, '部门').fill('旗民政局');
    await field(pane, '分数').fill('88');
    await choose(page, field(pane, '等次'), '良好');
    await button(pane, '提交评价').click();
    await toast(page, '评价已记入');
    await poll(() => tab('社会评价').innerText()).toBe('社会评价（1）');

    await settled(page);
    await tab('群众评判').click();
    await field(pane, '数量').fill('1');
    const [issued] = await Promise.all([
      page.waitForResponse((r: Response) => r.request().method() === 'POST' && /\/rating-links$/.test(new URL(r.url()).pathname)),
      button(pane, '签发链接').click(),
    ]);
    const { links } = (await issued.json()) as { links: Array<{ token: string }> };
    expect(links).toHaveLength(1);
    await visible(pane.getByText('新签发 1 个链接'));
    const link = `/rate/${links[0]!.token}`;

    // ── 党员评议: the party member, on a phone, in 我的评议.
    const member = await s.context.newPage();
    await member.setViewportSize(PHONE);
    await login(member, `${TENANT}_member`);
    await landed(member);
    await member.getByTestId('menu-toggle').click();
    await member.getByTestId('side-menu').getByRole('menuitem', { name: /我的评议/ }).click();
    const card = member.locator('.ant-card').filter({ hasText: ALLIANCE });
    await visible(card);
    await settled(member);
    await card.getByText('良好', { exact: true }).click();
    // Several open assessments may list here, each card with the same field ids: the card's own field.
    await field(card, '分数（0–100）').fill('80');
    await button(card, '提交评议（每人一次）').click();
    await toast(member, '评议已提交，感谢您的参与');
    await visible(card.getByText('已评议：80 分'));
    expect(await overflow(member)).toBeLessThanOrEqual(0);
    await member.close();

    // ── 群众评判: a resident opens the link on a phone, no login; the same link opened twice answers once.
    const resident = await s.context.newPage();
    const again = await s.context.newPage();
    for (const p of [resident, again]) {
      await p.setViewportSize(PHONE);
      await p.goto(link);
      await visible(p.getByText(`评价对象：${ALLIANCE}（${THIS_YEAR}年度）`));
    }
    expect(await overflow(resident)).toBeLessThanOrEqual(0);
    await resident.getByText('满意', { exact: true }).click();
    await button(resident, '提交评价').click();
    await visible(resident.getByText('感谢您的评价'));
    // The second answer through the same link: refused, and the resident reads why.
    await again.getByText('不满意', { exact: true }).click();
    await button(again, '提交评价').click();
    await visible(again.getByText('无法评价'));
    await visible(again.getByText('该评议链接已使用过，每个链接只能评价一次'));
    // Opened later, the link says the same before any answer.
    await again.goto(link);
    await visible(again.getByText('该评议链接已使用过，每个链接只能评价一次'));
    await resident.close();
    await again.close();

    // ── The committee sees the four groups' tallies, then finalizes.
    await page.reload();
    await visible(panel);
    await poll(() => panel.getByRole('tab').allInnerTexts()).toEqual(['组织评定（1）', '党员评议（1）', '群众评判（1）', '社会评价（1）', '成员单位评价（0）']);
    await page.goto(assessmentUrl);
    await visible(page.getByText(`${ALLIANCE} · ${THIS_YEAR} 年度考核`));
    await button(page, '定档').click();
    const confirm = page.locator('.ant-modal-confirm');
    await visible(confirm);
    await button(confirm, '定档').click();
    await toast(page, '已定档：88.45 分，良好');
    const summary = page.locator('.ant-descriptions').first();
    await poll(() => summary.innerText()).toContain('88.45 分');
    await visible(summary.locator('.ant-tag').filter({ hasText: '良好' }));
    // Each line's share, as worked out above.
    for (const [name, share] of [['工作实绩', '18 分'], ['组织评定', '27 分'], ['党员评议', '16 分'], ['群众评判', '14.25 分'], ['社会评价', '13.2 分']] as const) {
      await poll(() => indicator(name).locator('td').nth(4).innerText()).toBe(share);
    }
    // And behind the page, the stored result (hundredths).
    const stored = await api<{ items: Array<{ allianceId: string; score: number; grade: string; status: string }> }>('GET', `/t/${TENANT}/assessment/assessments?year=${THIS_YEAR}`, {
      token: await apiLogin(`${TENANT}_admin`),
    });
    expect(stored.body.items.find((a) => a.allianceId === allianceId)).toMatchObject({ status: 'finalized', score: 8845, grade: 'good' });
  }, 150_000);
});
