import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, button, dayFromToday, gone, loginAsAdminOf, poll, settled, shotOnFailure, toast, unique, visible } from './helpers.ts';

// Issue 14 § Webhooks, as the county administrator and a partner's receiver
// live it (ADR 0028, docs/webhooks.md): the administrator registers a local
// receiver for 需求撤回; a need is withdrawn through the API; the receiver gets
// the signed event (verified here with the documented recipe, written
// independently with node:crypto) and the delivery log shows it with status
// and latency; the receiver then fails, the administrator replays, and the
// log shows the second attempt. A county the other stories leave alone, so
// its delivery log holds only this story's deliveries for this endpoint.

const TENANT = 'wengniute';
const u = unique();
const DESCRIPTION = `E2E社区小程序${u}`;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let receiver: Server;
let receiverUrl: string;
let answer = 200;
const received: Received[] = [];

let s: Session;
let page: Page;
let adminToken: string;
let needId: string;
let signingSecret: string;

const modal = () => page.locator('.ant-modal:visible');
/** The one display of the signing secret (the form's dialog may still be closing beside it). */
const secretModal = () => modal().filter({ hasText: '签名密钥（只显示这一次）' });
// The delivery log's rows on the open tab (the endpoints' table, on the hidden tab, names the same address).
const deliveryRows = () => page.locator('.ant-table-tbody tr.ant-table-row:visible').filter({ hasText: DESCRIPTION });

/** docs/webhooks.md § Verifying the signature: HMAC-SHA256 of `${t}.${body}` with the whole secret, hex, compared in constant time. */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  if (!/^\d+$/.test(parts.t ?? '') || Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'down');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ronghe-hook`;

  adminToken = await apiLogin(`${TENANT}_admin`);
  s = await launch();
  page = s.page;
  await loginAsAdminOf(page, `${TENANT}_admin`);
});

afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => {
  await s?.close();
  await new Promise((r) => receiver?.close(r));
});

describe('回调：登记、签名投递、失败后重新投递', { timeout: 180_000 }, () => {
  it('登记本机接收地址，订阅“需求撤回”；签名密钥只显示一次', async () => {
    await page.getByRole('menuitem', { name: '回调' }).click();
    await page.waitForURL(/\/t\/wengniute\/webhooks$/);
    await button(page, '登记回调地址').click();
    await visible(modal().getByText('登记回调地址'));
    await settled(page);
    await modal().getByLabel('接收地址', { exact: true }).fill(receiverUrl);
    await modal().getByLabel('说明', { exact: true }).fill(DESCRIPTION);
    await modal().getByRole('checkbox', { name: '需求撤回' }).check();
    await button(modal(), '保存').click();

    await visible(secretModal());
    signingSecret = await secretModal().locator('textarea').inputValue();
    expect(signingSecret).toMatch(/^whsec_/);
    const ok = button(secretModal(), '我已保存');
    expect(await ok.isDisabled()).toBe(true);
    await secretModal().getByRole('checkbox', { name: '我已复制并妥善保存密钥' }).check();
    await ok.click();
    await gone(modal());

    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: DESCRIPTION });
    await visible(row.getByText('启用', { exact: true }));
    await visible(row.getByText('需求撤回'));
    await visible(row.getByText(`${signingSecret.slice(0, 10)}…`));
    expect(await page.content(), 'the secret is shown nowhere after the dialog').not.toContain(signingSecret);
  });

  it('撤回一条需求：接收方收到签名正确、不含个人信息的事件；投递记录显示状态和耗时', async () => {
    const alliances = await api<{ items: Array<{ id: string; status: string }> }>('GET', `/t/${TENANT}/alliances?limit=100`, { token: adminToken });
    expect(alliances.status).toBe(200);
    const alliance = alliances.body.items.find((a) => a.status === 'active');
    expect(alliance, 'an active alliance in the demo data').toBeDefined();
    const created = await api<{ id: string; version: number }>('POST', `/t/${TENANT}/needs`, {
      token: adminToken,
      json: { allianceId: alliance!.id, title: `E2E助浴需求${u}`, source: '群众点单', categoryId: 'cat_bath', quantity: 1, unit: '人次', urgency: 2, deadline: dayFromToday(30) },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    needId = created.body.id;
    const withdrawn = await api('POST', `/t/${TENANT}/needs/${needId}/withdraw`, {
      token: adminToken,
      json: { reason: '居民已自行解决，撤回需求' },
      headers: { 'if-match': `"v${created.body.version}"` },
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);

    // The receiver hears of it (queue → consumer → attempt): the one request this story caused.
    await poll(() => received.length).toBe(1);
    const [first] = received;
    expect(first!.headers['ronghe-event-type']).toBe('need.withdrawn');
    expect(verify(signingSecret, String(first!.headers['ronghe-signature']), first!.body), 'signature by the documented recipe').toBe(true);
    expect(verify(signingSecret, String(first!.headers['ronghe-signature']), first!.body.replace('withdrawn', 'closed')), 'a changed body does not verify').toBe(false);
    const event = JSON.parse(first!.body) as { id: string; type: string; tenant: string; data: Record<string, unknown> };
    expect(event.id).toBe(first!.headers['ronghe-event-id']);
    expect(event).toMatchObject({ type: 'need.withdrawn', tenant: TENANT, data: { needId } });
    expect(first!.body, 'no reason text, no account').not.toContain('居民已自行解决');
    expect(first!.body).not.toContain(`${TENANT}_admin`);

    // The attempt is logged once the answer is in; then the page shows it.
    await poll(async () => (await api<{ items: Array<{ eventId: string; status: string }> }>('GET', `/t/${TENANT}/webhooks/deliveries`, { token: adminToken })).body.items.find((d) => d.eventId === event.id)?.status).toBe('delivered');
    await page.reload();
    await page.getByRole('tab', { name: '投递记录' }).click();
    await poll(() => deliveryRows().count()).toBe(1);
    const row = deliveryRows();
    await visible(row.getByText('需求撤回'));
    await visible(row.getByText('已送达'));
    await visible(row.getByText(/^200，\d+ 毫秒$/));
    await settled(page);
    await page.screenshot({ path: '/tmp/ronghe-e2e-webhook-delivered.png' });
  });

  it('接收方出错后重新投递：同一事件再次送出，第二次尝试记入日志', async () => {
    answer = 500;
    await button(deliveryRows(), '重新投递').click();
    await toast(page, '已重新投递');
    await poll(() => received.length).toBe(2);
    const [first, second] = received;
    expect(second!.headers['ronghe-event-id']).toBe(first!.headers['ronghe-event-id']);
    expect(second!.body, 'the same body').toBe(first!.body);
    expect(verify(signingSecret, String(second!.headers['ronghe-signature']), second!.body), 'signed afresh, still valid').toBe(true);

    const row = deliveryRows();
    await visible(row.getByText(/^500，\d+ 毫秒$/));
    await visible(row.getByText('待投递'));
    await visible(row.locator('td').filter({ hasText: /^2$/ }));
    await row.locator('.ant-table-row-expand-icon').click();
    const attempts = page.locator('.ant-table-expanded-row:visible .ant-table-tbody tr.ant-table-row');
    await poll(() => attempts.count()).toBe(2);
    await visible(attempts.nth(0).getByText('成功'));
    await visible(attempts.nth(0).locator('td').filter({ hasText: /^200$/ }));
    await visible(attempts.nth(1).locator('td').filter({ hasText: /^500$/ }));
    await settled(page);
    await page.screenshot({ path: '/tmp/ronghe-e2e-webhook-replayed.png' });
  });
});
