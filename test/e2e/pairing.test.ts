import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, button, dayFromToday, fillDate, gone, landed, login, pick, poll, settled, shotOnFailure, unique, visible } from './helpers.ts';

// 双报到's 登记结对 (组织报到) as the county's organization department uses it: a new organ is paired
// with a community. Dated tomorrow, the server refuses it and says so under the date, the dialog
// keeping what was chosen; dated today it is saved and listed; the same pair again is refused with
// the reason, and nothing is added.

const TENANT = 'hongshan';
const ORGAN = `E2E结对单位${unique()}党委`;

let s: Session;
let page: Page;
let admin = '';
let organId = '';
let community = { id: '', name: '' };

const dialog = () => page.locator('.ant-modal-wrap:visible .ant-modal');
const organPairings = async () =>
  (await api<{ items: Array<{ community: { id: string } }> }>('GET', `/t/${TENANT}/pairings?orgId=${organId}&status=active`, { token: admin })).body.items;

async function openForm(): Promise<void> {
  await button(page, '登记结对').click();
  await visible(dialog().locator('#pairing-new_orgId'));
  await settled(page);
}

beforeAll(async () => {
  admin = await apiLogin(`${TENANT}_admin`);
  const parent = (await api<{ items: Array<{ id: string }> }>('GET', `/t/${TENANT}/orgs?kind=${encodeURIComponent('党工委')}&limit=1`, { token: admin })).body.items[0]!;
  const organ = await api<{ id: string }>('POST', `/t/${TENANT}/orgs`, { token: admin, json: { name: ORGAN, kind: '党委', domain: '机关', parentId: parent.id } });
  expect(organ.status, JSON.stringify(organ.body)).toBe(201);
  organId = organ.body.id;
  community = (await api<{ items: Array<{ id: string; name: string }> }>('GET', `/t/${TENANT}/orgs?domain=${encodeURIComponent('社区')}&limit=1`, { token: admin })).body.items[0]!;
  s = await launch();
  page = s.page;
});

afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => {
  await s?.close();
});

describe('双报到：登记单位与社区结对', () => {
  it('结对日期晚于今天：日期下写明原因，所选仍在、未登记；改为今天保存后列表多一行；同一对再登记，说明已结对且不重复', async () => {
    await login(page, `${TENANT}_admin`);
    await landed(page);
    await page.goto(`/t/${TENANT}/pairing`);
    await page.getByRole('tab', { name: '单位结对' }).click();
    await openForm();
    await pick(page, 'pairing-new_orgId', ORGAN);
    await pick(page, 'pairing-new_communityOrgId', community.name);
    await fillDate(page, 'pairing-new_pairedOn', dayFromToday(1));
    await button(dialog(), '保存').click();

    // The server's 422: its reason above the buttons, its field's message under the date (packages/people pairing-create: notInFuture).
    await visible(dialog().locator('.ant-alert').getByText('结对日期不能晚于今天', { exact: true }));
    await visible(dialog().locator('#pairing-new_pairedOn_help').getByText(`日期不能晚于今天（${dayFromToday(0)}）`));
    expect(await dialog().locator('.ant-select:has(#pairing-new_orgId)').getByTitle(ORGAN, { exact: true }).count()).toBe(1);
    expect(await organPairings()).toEqual([]);

    await fillDate(page, 'pairing-new_pairedOn', dayFromToday(0));
    await button(dialog(), '保存').click();
    await gone(dialog());
    // Its row names the organ and, in the next column, the community.
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: ORGAN, exact: true }) });
    expect(await visible(row).then((r) => r.getByRole('cell').allInnerTexts()).then((cells) => cells.slice(0, 3))).toEqual([ORGAN, community.name, dayFromToday(0)]);
    const saved = await organPairings();
    expect(saved.map((p) => p.community.id)).toEqual([community.id]);

    // The same pair again: refused above the buttons with the reason (409, the unique pairing), nothing added.
    await openForm();
    await pick(page, 'pairing-new_orgId', ORGAN);
    await pick(page, 'pairing-new_communityOrgId', community.name);
    await fillDate(page, 'pairing-new_pairedOn', dayFromToday(0));
    await button(dialog(), '保存').click();
    await visible(dialog().getByText(`“${ORGAN}”已与“${community.name}”结对，请勿重复登记`).first());
    await poll(async () => (await organPairings()).length).toBe(1);
    await button(dialog(), '取消').click();
    await gone(dialog());
  });
});
