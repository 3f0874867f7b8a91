import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { BASE_URL, DEMO_PASSWORD } from './env.ts';

// What a user does and sees, in the words on the screen. playwright-core has
// no auto-retrying assertions, so visibility is awaited and text is polled.

// Digits only: letters of a base-36 suffix would read as stray English on pages the
// readability walk checks (test/e2e/every-page-readable.test.ts), which shares this server.
export const unique = () => `${Date.now() % 1e8}${Math.floor(Math.random() * 100)
  .toString()
  .padStart(2, '0')}`;

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Where a role lands after signing in: its 工作台 (issue 9 §3), or for a county's
 * party member their own 我的 page (issue 11).
 */
export async function landed(page: Page): Promise<void> {
  await page.locator('[data-testid="workbench-page"], [data-testid="my-page"]').first().waitFor();
}

/**
 * Another person at this desk: the tab's session is left behind (as closing the tab would), then
 * `username` signs in and lands on their home page.
 */
export async function signInFresh(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.evaluate(() => sessionStorage.clear());
  await login(page, username, password);
  await landed(page);
}

/**
 * After signing in every role lands on its home page (landed); tests that
 * start from the organization list open it from the menu, as a person would.
 */
export async function openOrgsAfterLogin(page: Page): Promise<void> {
  await landed(page);
  await page.getByRole('menuitem', { name: /党组织管理/ }).click();
  await page.getByText('党组织列表').waitFor();
}

/** Logs in and opens the organization page of the landing tenant. */
export async function loginAsAdminOf(page: Page, username: string): Promise<void> {
  await login(page, username);
  await openOrgsAfterLogin(page);
  await rowsLoaded(page);
}

/** expect.poll with a patience fit for a browser talking to a local worker (vitest's default is 1 s). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

export async function visible(locator: Locator, timeout?: number): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

export async function gone(locator: Locator, timeout?: number): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** The table body rows (not antd's hidden measure row). */
export const tableRows = (page: Page, testId = 'org-table') =>
  page.getByTestId(testId).locator('tbody tr.ant-table-row');

export async function rowsLoaded(page: Page, testId = 'org-table'): Promise<void> {
  const table = page.getByTestId(testId);
  await table.locator('tbody tr.ant-table-row, .ant-empty').first().waitFor();
  await table.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
}

/** Names in the first column, as shown. */
export async function rowNames(page: Page): Promise<string[]> {
  return (await tableRows(page).locator('td:first-child a').allInnerTexts()).map((s) => s.trim());
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A button by its visible label. antd puts the icon's aria-label ("plus",
 * "download") before the text, so the label is matched at the end.
 */
export const button = (scope: Page | Locator, label: string) =>
  scope.getByRole('button', { name: new RegExp(`(^|\\s)${escapeRe(label)}$`) });

/** The row whose name cell reads exactly `name`. */
export const rowByName = (page: Page, name: string) =>
  tableRows(page).filter({ has: page.locator('td:first-child a', { hasText: new RegExp(`^${escapeRe(name)}$`) }) });

/**
 * Picks an option of an antd Select, identified by its input id (Form name +
 * field). The list slides in and out; clicking while it moves can hit
 * whatever lies beneath, so every click waits for motion to end.
 */
export async function pick(page: Page, inputId: string, option: string): Promise<void> {
  const input = page.locator(`#${inputId}`);
  const dropdown = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .filter({ has: page.locator(`#${inputId}_list`) });
  // Clicking an open select closes it, so look before each click.
  for (let i = 0; i < 4 && !(await dropdown.isVisible()); i++) {
    await settled(page);
    await input.click();
    await settled(page);
  }
  await dropdown.waitFor();
  // A searchable select narrows the list to the wanted option first. One that asks the server spins
  // until the answer is in: its options move then, and a click during it may land on another.
  if ((await input.getAttribute('readonly')) === null) {
    await input.fill(option);
    await searched(page, page.locator(`.ant-select:has(#${inputId})`));
  }
  await settled(page);
  await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click();
  await page.locator(`.ant-select:has(#${inputId})`).getByTitle(option, { exact: true }).first().waitFor();
  await settled(page);
}

/**
 * Opens the select whose input is `combobox`, types `type` when given (waiting for a select that asks
 * the server to have its answer), and clicks the first option showing `option`. For selects without
 * an id to address them by (`pick` wants the input's id).
 */
export async function choose(page: Page, combobox: Locator, option: string | RegExp, type?: string): Promise<void> {
  await settled(page);
  await combobox.click();
  if (type !== undefined) {
    await combobox.fill(type);
    await searched(page, page.locator('.ant-select').filter({ has: combobox }));
  }
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first();
  await item.waitFor();
  await settled(page);
  await item.click();
  await settled(page);
}

/** YYYY-MM-DD in Beijing time, `days` from today (negative: before). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Types a date into the antd DatePicker whose input is `#inputId` and commits it. */
export async function fillDate(page: Page, inputId: string, value: string): Promise<void> {
  const input = page.locator(`#${inputId}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await settled(page);
}

/** Waits until a select that searches on the server has the answer for what was typed (its spinner is gone). */
export async function searched(page: Page, select: Locator): Promise<void> {
  await select.locator('.anticon-loading').first().waitFor({ state: 'hidden' });
}

/** Waits until no CSS animation or transition runs (drawers and modals slide in and out). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      // Spinners loop forever; only finite motions (slide, fade) are waited for.
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/** The message toast text (antd `message`), waited for. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

export async function token(page: Page): Promise<string> {
  const t = await page.evaluate(() => sessionStorage.getItem('ronghe.token'));
  if (!t) throw new Error('no session token in sessionStorage');
  return t;
}

/**
 * 红山区's lead secretary (hongshan_alliance) drafts an alliance through the API: their own organization
 * leads it, the reviewer's committee approves it, one active organ (机关) of the seed joins. Returns its
 * id and the lead organization's, for a story that starts from a draft.
 */
export async function draftAllianceAsLead(name: string): Promise<{ id: string; leadOrgId: string; leadToken: string }> {
  type Me = { grants: Array<{ tenant: string; role: string; scopeOrgId: string | null }> };
  const scopeOf = async (token: string, role: string) => (await api<Me>('GET', '/me', { token })).body.grants.find((g) => g.tenant === 'hongshan' && g.role === role)!.scopeOrgId!;
  const leadToken = await apiLogin('hongshan_alliance');
  const leadOrgId = await scopeOf(leadToken, 'alliance_admin');
  const committeeOrgId = await scopeOf(await apiLogin('hongshan_reviewer'), 'committee_reviewer');
  const organs = (await api<{ items: Array<{ id: string; status: string; name: string }> }>('GET', `/t/hongshan/orgs?domain=${encodeURIComponent('机关')}&limit=50`, { token: await apiLogin('hongshan_admin') })).body.items;
  const member = organs.find((o) => o.status === 'active' && !o.name.startsWith('E2E'))!;
  const created = await api<{ id: string }>('POST', '/t/hongshan/alliances', {
    token: leadToken,
    json: { name, type: '党建联合体+', typeNote: '志愿服务', model: '双报到结对互动', pairingForm: '其他', vision: '志愿服务进社区', commonNeeds: '志愿服务力量整合', leadOrgId, committeeOrgId, members: [{ orgId: member.id }] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id, leadOrgId, leadToken };
}

/** A direct API call, for arranging state the way another user would (and for checks behind the UI). */
export async function api<T = unknown>(
  method: string,
  path: string,
  opts: { token?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method,
    headers,
    body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // binary or plain text: keep as is
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

export async function apiLogin(username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await api<{ token: string; detail?: string }>('POST', '/auth/login', { json: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

/** Saves a screenshot when a test failed, named after the test, to see what the user saw. */
export async function shotOnFailure(page: Page | undefined, ctx: { task: { name: string; result?: { state?: string } } }): Promise<void> {
  if (!page || ctx.task.result?.state !== 'fail') return;
  const name = ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  await page.screenshot({ path: `/tmp/ronghe-e2e-fail-${name}.png` }).catch(() => undefined);
}
