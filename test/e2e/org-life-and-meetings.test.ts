import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, button, landed, login, pick, poll, settled, shotOnFailure, signInFresh, toast, unique, visible } from './helpers.ts';

// 组织生活 (issue 11, seed 004 二(三)): the county's administrator records a
// branch's 支部委员会 in the browser — the branch found by name, two of its
// members ticked as present — and the record is in the list with its attendance
// (present of the branch's members on the register), and opens with its attendees.
// 联席会议: a decision of a joint meeting (arranged through the API, due today)
// is 办理中; the administrator completes it with a note (办结) and it leaves the list.

const TENANT = 'hongshan';
const u = unique();
const TOPIC = `E2E学习贯彻专题${u}`;
const DECISION = `E2E共建文明楼院${u}`;

let s: Session;
let page: Page;
let branch: { id: string; name: string };
let members: Array<{ id: string; name: string }>;
let meeting: { id: string; allianceId: string };

beforeAll(async () => {
  const admin = await apiLogin(`${TENANT}_admin`);
  // A branch whose name no other branch of the county shares (the picker shows names), with at least two members.
  const branches = await api<{ items: Array<{ id: string; name: string }> }>('GET', `/t/${TENANT}/orgs?kind=${encodeURIComponent('党支部')}&limit=50`, { token: admin });
  expect(branches.status).toBe(200);
  for (const b of branches.body.items) {
    const same = await api<{ items: unknown[] }>('GET', `/t/${TENANT}/orgs?kind=${encodeURIComponent('党支部')}&q=${encodeURIComponent(b.name)}&limit=2`, { token: admin });
    if (same.body.items.length !== 1) continue;
    const m = await api<{ items: Array<{ id: string; name: string }> }>('GET', `/t/${TENANT}/org-life/branches/${b.id}/members`, { token: admin });
    const named = m.body.items.filter((x, _, all) => all.filter((y) => y.name === x.name).length === 1);
    if (named.length < 2) continue;
    branch = b;
    members = named.slice(0, 2);
    break;
  }
  expect(branch, 'a demo branch with a unique name and two members').toBeTruthy();

  // A running alliance led by the demo lead secretary's organization (hongshan_alliance), with a joint meeting
  // today and one decision that organization carries out by today: due soon on that secretary's 工作台.
  const lead = await apiLogin(`${TENANT}_alliance`);
  const me = await api<{ grants: Array<{ tenant: string; role: string; scopeOrgId: string | null }> }>('GET', '/me', { token: lead });
  const leadOrgId = me.body.grants.find((g) => g.tenant === TENANT && g.role === 'alliance_admin')!.scopeOrgId;
  const alliances = await api<{ items: Array<{ id: string; leadOrgId: string }> }>('GET', `/t/${TENANT}/alliances?status=active&limit=100`, { token: admin });
  const alliance = alliances.body.items.find((a) => a.leadOrgId === leadOrgId)!;
  expect(alliance, 'an active demo alliance led by the lead secretary\'s organization').toBeTruthy();
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const created = await api<{ id: string }>('POST', `/t/${TENANT}/meetings`, {
    token: admin,
    json: { allianceId: alliance.id, heldOn: today, agenda: `E2E第${u}次联席会议`, attendeeOrgIds: [alliance.leadOrgId], decisions: [{ content: DECISION, ownerOrgId: alliance.leadOrgId, dueOn: today }] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  meeting = { id: created.body.id, allianceId: alliance.id };
  s = await launch();
  page = s.page;
});
afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => s?.close());

describe('组织生活记录', () => {
  it('管理员登记一次支部委员会：选支部、勾选到会党员，列表里即有这条记录，打开可见参会党员', async () => {
    await login(page, `${TENANT}_admin`);
    await landed(page);
    await page.getByRole('menuitem', { name: /组织生活/ }).click();
    await visible(page.getByRole('tab', { name: '组织生活记录' }));

    await button(page, '登记组织生活').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '登记组织生活' });
    await visible(dialog);
    await settled(page);
    // No branch chosen yet: no roll to count (it said 在册 0 人).
    const attendeesLabel = dialog.locator('label[for="attendeeIds"]');
    expect(await attendeesLabel.innerText()).toBe('参会党员');
    await pick(page, 'orgId', branch.name);
    await dialog.getByLabel('主题').fill(TOPIC);
    for (const m of members) await pick(page, 'attendeeIds', m.name);
    await dialog.locator('.ant-btn-primary').click();
    await toast(page, '已登记');

    const row = page.locator('.ant-table-row').filter({ hasText: TOPIC });
    await visible(row);
    const members_ = await api<{ items: unknown[] }>('GET', `/t/${TENANT}/org-life/branches/${branch.id}/members`, { token: await apiLogin(`${TENANT}_admin`) });
    await poll(() => row.innerText()).toContain(`2/${members_.body.items.length}`);
    await poll(() => row.innerText()).toContain(branch.name);

    await row.getByText(TOPIC).click();
    const view = page.getByRole('dialog').filter({ hasText: TOPIC });
    await visible(view);
    for (const m of members) await poll(() => view.innerText()).toContain(m.name);
  }, 120_000);
});

describe('联席会议决定事项', () => {
  it('牵头单位书记的工作台列出今天到期的决定事项，点开即是决定事项督办的办理中列表，不是会议记录', async () => {
    // Another person at another desk: the administrator's tab from the story above is closed.
    await signInFresh(page, `${TENANT}_alliance`);
    const card = page.getByTestId('todo-meeting.decision_due_soon');
    await visible(card);
    await card.getByTestId('todo-link-meeting.decision_due_soon').click();
    await poll(() => new URL(page.url()).searchParams.get('tab')).toBe('decisions');
    await visible(page.getByRole('tab', { name: '决定事项督办', selected: true }));
    await poll(() => page.locator('.ant-segmented-item-selected').innerText()).toBe('办理中');
    await visible(page.locator('.ant-table-row').filter({ hasText: DECISION }));
    // The status is in the address, as the lists' filters are: another one, then the back button restores 办理中.
    await page.locator('.ant-segmented-item').filter({ hasText: '已逾期' }).click();
    await poll(() => new URL(page.url()).searchParams.get('status')).toBe('overdue');
    await page.goBack();
    await poll(() => page.locator('.ant-segmented-item-selected').innerText()).toBe('办理中');
    await visible(page.locator('.ant-table-row').filter({ hasText: DECISION }));
  }, 120_000);

  it('管理员办结一项办理中的决定事项：写明办结说明，它离开办理中的列表，会议记录里读作已办结', async () => {
    await signInFresh(page, `${TENANT}_admin`);
    await page.getByRole('menuitem', { name: /联席会议/ }).click();
    await page.getByRole('tab', { name: '决定事项督办' }).click();
    await page.locator('.ant-segmented-item').filter({ hasText: '办理中' }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: DECISION });
    await visible(row);

    await button(row, '办结').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '办结决定事项' });
    await visible(dialog);
    await dialog.getByPlaceholder('办结说明（至少 2 个字）').fill('已组织党员志愿者清理楼院并建立长效机制');
    await dialog.locator('.ant-btn-primary').click();
    await toast(page, '已办结');
    await poll(() => row.count()).toBe(0);

    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const list = await api<{ items: Array<{ id: string; decisions: Array<{ content: string; status: string; doneNote: string | null }> }> }>(
      'GET',
      `/t/${TENANT}/meetings?allianceId=${meeting.allianceId}&year=${year}&limit=20`,
      { token: await apiLogin(`${TENANT}_admin`) },
    );
    const decision = list.body.items.find((m) => m.id === meeting.id)?.decisions.find((d) => d.content === DECISION);
    expect(decision).toMatchObject({ status: 'done', doneNote: '已组织党员志愿者清理楼院并建立长效机制' });
  }, 120_000);
});
