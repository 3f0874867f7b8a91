import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { api, apiLogin, button, login, poll, settled, shotOnFailure, unique, visible } from './helpers.ts';

// 盖章扫描件 and the print view (issue 10 §3 Documents, ADR 0017), and 备案 that
// can be read (§3 Filings): the secretary of 铁南社区 attaches the stamped scan
// of a document, downloads it back and opens its print view; the county
// administrator opens a filing and marks others read at once.

const TENANT = 'hongshan';
const TITLE = `E2E联席会议纪要${unique()}`;
const BODY = '会议研究了社区养老服务和老旧小区改造事项，形成如下意见。';
// A small but real-looking PDF; its hash is computed here, not by the app.
const PDF = Buffer.from(`%PDF-1.4\n% ${TITLE}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, 'utf8');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

interface Me {
  grants: Array<{ tenant: string; role: string; scopeOrgId: string | null }>;
}

let s: Session;
let page: Page;
let allianceId = '';
let allianceName = '';
let docId = '';

beforeAll(async () => {
  const token = await apiLogin('hongshan_alliance');
  const me = (await api<Me>('GET', '/me', { token })).body;
  const leadOrg = me.grants.find((g) => g.tenant === TENANT && g.role === 'alliance_admin')!.scopeOrgId;
  const list = (await api<{ items: Array<{ id: string; name: string; status: string; leadOrgId: string }> }>('GET', `/t/${TENANT}/alliances?limit=100`, { token })).body;
  const mine = list.items.find((a) => a.leadOrgId === leadOrg && a.status !== 'dissolved')!;
  allianceId = mine.id;
  allianceName = mine.name;
  const created = await api<{ id: string }>('POST', `/t/${TENANT}/alliances/${allianceId}/documents`, { token, json: { kind: 'other', title: TITLE, content: BODY } });
  expect(created.status).toBe(201);
  docId = created.body.id;
  s = await launch();
  page = s.page;
});

afterEach(async (ctx) => shotOnFailure(page, ctx));
afterAll(async () => s?.close());

describe('文书的盖章扫描件与打印', () => {
  it('联合体书记上传盖章扫描件，下载回来的文件与原件一致', async () => {
    await login(page, 'hongshan_alliance');
    await page.getByTestId('workbench-page').waitFor();
    await page.goto(`/t/${TENANT}/alliances/${allianceId}?tab=documents&doc=${docId}`);
    const drawer = page.locator('.ant-drawer-open');
    const original = drawer.getByTestId('document-original');
    await visible(original.getByTestId('original-upload'));
    expect(await original.getByTestId('original-sha256').count()).toBe(0);
    await original.locator('input[type=file]').setInputFiles({ name: '联席会议纪要盖章件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await poll(async () => (await drawer.getByTestId('original-sha256').count()) > 0 && (await drawer.getByTestId('original-sha256').innerText()).trim()).toBe(PDF_SHA);
    await visible(original.getByText('联席会议纪要盖章件.pdf'));
    await visible(original.getByText(/PDF · \d+ 字节/));

    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('original-download').click()]);
    expect(download.suggestedFilename()).toBe('联席会议纪要盖章件.pdf');
    const bytes = readFileSync((await download.path())!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(PDF_SHA);
    expect(bytes.equals(PDF)).toBe(true);
  });

  it('一个不是 PDF 的文件改名为 .pdf，上传被拒绝并在按钮旁说明原因', async () => {
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByTestId('document-original').locator('input[type=file]').setInputFiles({ name: '病毒.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1') });
    await visible(drawer.getByTestId('original-error').getByText(/不是 PDF、PNG 或 JPG/));
    // The original on record is still the stamped scan.
    expect((await drawer.getByTestId('original-sha256').innerText()).trim()).toBe(PDF_SHA);
  });

  it('打印视图是一页干净的 A4：标题、联合体、正文、成员和签署，打印时不显示按钮', async () => {
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByTestId('document-print').click();
    const popup = page;
    await popup.getByTestId('document-print-view').waitFor();
    expect(await popup.getByTestId('print-title').innerText()).toBe(TITLE);
    expect(await popup.getByTestId('print-alliance').innerText()).toBe(allianceName);
    expect(await popup.getByTestId('print-body').innerText()).toContain(BODY);
    expect(await popup.getByTestId('print-members').locator('tbody tr').count()).toBeGreaterThan(1);
    await visible(popup.getByText(`盖章扫描件指纹（SHA-256）：${PDF_SHA}`));
    // No sidebar, no header: only the document and its print button.
    expect(await popup.locator('.ant-layout-sider').count()).toBe(0);
    await visible(button(popup, '打印'));
    await popup.emulateMedia({ media: 'print' });
    await poll(() => button(popup, '打印').isVisible()).toBe(false);
    await popup.screenshot({ path: '/tmp/ronghe-e2e-document-print.png', fullPage: true });
    await popup.emulateMedia({ media: 'screen' });
  });
});

describe('备案可以阅读', () => {
  const unreadCount = async () => Number((await page.getByTestId('filing-unread').innerText()).match(/\d+/)![0]);

  it('旗县区委组织部打开一件备案即为已阅，勾选多件一次标记已阅，未读数随之减少', async () => {
    await page.goto('/login');
    await page.evaluate(() => sessionStorage.clear());
    await login(page, 'hongshan_admin');
    await page.getByTestId('workbench-page').waitFor();
    await page.goto(`/t/${TENANT}/filings?state=unread`);
    const rows = page.getByTestId('filing-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await settled(page);
    const total = await rows.count();
    expect(total, 'the demo data leaves unread filings').toBeGreaterThan(0);
    const before = await unreadCount();

    // Open the first: its drawer says 已阅 and the count drops by one.
    await rows.first().getByTestId('filing-open').click();
    await visible(page.getByTestId('filing-drawer-read'));
    await poll(unreadCount).toBe(before - 1);
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await settled(page);

    // Select up to two more still unread and mark them at once.
    const more = Math.min(2, total - 1);
    if (more > 0) {
      for (let i = 1; i <= more; i++) await rows.nth(i).locator('.ant-checkbox-input').check();
      await page.getByTestId('filing-ack-selected').click();
      await poll(unreadCount).toBe(before - 1 - more);
    }
    // The sidebar badge follows the inbox.
    const badge = page.getByTestId('filings-badge');
    await poll(async () => ((await badge.count()) === 0 ? 0 : Number((await badge.innerText()).match(/\d+/)?.[0] ?? 0))).toBe(before - 1 - more);
  });
});
