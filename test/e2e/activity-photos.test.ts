import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, landed, login, shotOnFailure, unique, visible } from './helpers.ts';

// 活动照片 (issue 11: an activity records "a summary and photos"): the alliance's
// secretary opens an activity, uploads a photo, sees its thumbnail, is told a
// PDF is not a photo, and deletes the photo again.

const TENANT = 'hongshan';
const STAMP = unique();
// A 1×1 PNG: the smallest real picture, which the browser draws as a thumbnail.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface Me {
  grants: Array<{ tenant: string; role: string; scopeOrgId: string | null }>;
}

let s: Session;
let page: Page;
let activityId = '';
let token = '';

beforeAll(async () => {
  token = await apiLogin('hongshan_alliance');
  const me = (await api<Me>('GET', '/me', { token })).body;
  const leadOrgId = me.grants.find((g) => g.tenant === TENANT && g.role === 'alliance_admin')!.scopeOrgId!;
  const led = (await api<{ items: Array<{ id: string; leadOrgId: string; status: string }> }>('GET', `/t/${TENANT}/alliances?orgId=${leadOrgId}&limit=50`, { token })).body.items;
  const allianceId = led.find((a) => a.leadOrgId === leadOrgId && ['active', 'established', 'rectifying'].includes(a.status))!.id;
  const created = await api<{ id: string }>('POST', `/t/${TENANT}/activities`, {
    token,
    json: { allianceId, kind: 'joint_visit', title: `E2E联合走访${STAMP}`, activityDate: '2026-10-29', startTime: '09:00', endTime: '11:00', place: '铁南社区党群服务中心', organizerOrgId: leadOrgId },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  activityId = created.body.id;
  s = await launch();
  page = s.page;
});

afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => s?.close());

describe('活动照片', () => {
  it('联合体书记上传照片、看到缩略图；PDF 被拒绝；再删除照片', async () => {
    await login(page, 'hongshan_alliance');
    await landed(page);
    await page.goto(`/t/${TENANT}/activities/${activityId}`);
    const card = page.getByTestId('activity-photos');
    await visible(card.getByText('尚未上传照片'));

    await card.locator('input[type=file]').setInputFiles({ name: '走访合影.png', mimeType: 'image/png', buffer: PNG });
    await visible(card.getByText('活动照片（1）'));
    await visible(card.locator('img[alt="走访合影.png"]'));
    const listed = await api<{ items: Array<{ size: number; originalName: string }> }>('GET', `/t/${TENANT}/activities/${activityId}/photos`, { token });
    expect(listed.body.items.map((p) => [p.originalName, p.size])).toEqual([['走访合影.png', PNG.byteLength]]);

    await card.locator('input[type=file]').setInputFiles({ name: '会议纪要.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await visible(card.getByTestId('photo-error').getByText(/只接受 JPG 或 PNG/));

    await card.getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: /删\s*除/ }).click();
    await visible(card.getByText('尚未上传照片'));
  });
});
