import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launch, type Session } from './browser.ts';
import { landed, login, pick, settled, shotOnFailure } from './helpers.ts';
import { check, readable, sidewaysTables, type Finding } from './readable.ts';

// Issue 10 §3 "No raw codes" and "Order and fit": every page each role can open
// from its menu — and the first detail or drawer its main lists lead to — is
// read as a person reads it, at 1440 px. The story fails on any visible id
// (`aln_01J…`, a ULID), untranslated code (`county_admin`, `in_progress`,
// `user.disable`) or English word outside the short list (readable.ts), and on a main
// list whose table scrolls sideways. All findings are collected and compared
// at the end of each role, so one run shows every page that is wrong.

/** Requests in flight per page: a page has loaded what it shows once none is pending. */
const inFlight = new WeakMap<Page, Set<unknown>>();
function track(page: Page): void {
  const pending = new Set<unknown>();
  inFlight.set(page, pending);
  page.on('request', (r) => pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
}

/** Waits until the page has loaded what it shows: no request pending for a moment, no spinner, motion ended. */
async function loaded(page: Page): Promise<void> {
  const pending = inFlight.get(page)!;
  for (let quietFor = 0; quietFor < 3; ) {
    await page.waitForTimeout(150);
    quietFor = pending.size === 0 ? quietFor + 1 : 0;
  }
  // Only a spinner on screen means loading (a closed drawer keeps its content in the page).
  await page.waitForFunction(
    () => ![...document.querySelectorAll<HTMLElement>('.ant-spin-spinning, .ant-skeleton-active')].some((el) => el.offsetParent !== null),
    undefined,
    { timeout: 20_000 },
  );
  await settled(page);
}

// The sider's page entries (layout/SideNav.tsx: links; the group headings are buttons).
const menuItems = (page: Page) => page.locator('.ant-layout-sider [data-testid=side-menu] a[role=menuitem]');

/** Pages whose table is the page's main list: it must fit at 1440 px. */
const MAIN_LISTS =
  /党组织管理|党建联合体|需求清单|资源清单|项目清单|备案管理|审计日志|账号管理|开放接口密钥|^人员$|^双报到$|^报到领岗$|^联合体活动$|^活动考核$|^组织生活$|^联席会议$|^积分$|^以奖代补$/;

async function walk(page: Page, who: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  // The entry's own words: its first line (a count badge such as 99+ follows it).
  const names = (await menuItems(page).allInnerTexts()).map((t) => t.trim().split('\n')[0]!.trim());
  expect(names.length, `${who}: menu entries`).toBeGreaterThan(1);
  const home = page.url();
  // The first object a page's main list leads to: a detail page or a drawer.
  const first = page.locator('main .ant-table-tbody tr.ant-table-row td a, main .ant-table-tbody tr.ant-table-row td .ant-typography a').first();
  for (const name of names) {
    let item = menuItems(page).filter({ hasText: name }).first();
    // A page outside this tenant's layout (全市概况) has its own menu: come back first.
    if ((await item.count()) === 0) {
      await page.goto(home);
      await loaded(page);
      item = menuItems(page).filter({ hasText: name }).first();
    }
    // A navigation keeps the page on screen until the next one has drawn (a transition), and on a busy machine that
    // drawing can outlast loaded()'s quiet spell: the old list's link was then taken for the new page's, and clicked
    // as it went (and 项目清单 opens as a board, without one). So wait until the old page's link has gone.
    const href = await item.getAttribute('href');
    const leaving = href !== null && new URL(href, page.url()).pathname !== new URL(page.url()).pathname;
    const stale = leaving && (await first.count()) > 0 ? await first.elementHandle() : null;
    await item.click();
    if (stale) {
      await stale.waitForElementState('hidden');
      await stale.dispose();
    }
    await loaded(page);
    const where = `${who} · ${name}`;
    findings.push(...check(where, await readable(page)));
    if (MAIN_LISTS.test(name) && (await sidewaysTables(page)) > 0) findings.push({ where, what: 'table scrolls sideways at 1440 px' });

    if (MAIN_LISTS.test(name) && (await first.count()) > 0 && (await first.isVisible())) {
      const url = page.url();
      await first.click();
      await loaded(page);
      findings.push(...check(`${where} → 详情`, await readable(page)));
      if ((await page.locator('.ant-drawer-open').count()) || (await page.locator('.ant-modal-wrap:visible').count())) {
        // A drawer or a dialog over the list (组织生活 opens a record in a dialog): closing it returns to the list.
        await page.keyboard.press('Escape');
        await settled(page);
      } else if (page.url() !== url) {
        await page.goBack();
      }
      await loaded(page);
    }
  }
  return findings;
}

/** One line per page and problem, so a failing run lists every wrong page at once. */
function report(findings: Finding[]): string[] {
  const lines = [...new Set(findings.map((f) => `${f.where}: ${f.what}`))].sort();
  if (lines.length) writeFileSync(`/tmp/ronghe-e2e-walk-${Date.now()}.txt`, lines.join('\n'));
  return lines;
}

// A fresh browser per person: nobody's session carries over to the next. The
// walks are mostly waiting (each page until its requests are quiet), so up to
// WALKERS people walk at once, each in their own browser.
const WALKERS = 3;
let walking = 0;
const queue: Array<() => void> = [];
async function asPerson<T>(name: string, body: (page: Page) => Promise<T>): Promise<T> {
  if (walking >= WALKERS) await new Promise<void>((r) => queue.push(r));
  walking++;
  const s: Session = await launch();
  track(s.page);
  try {
    return await body(s.page);
  } catch (e) {
    await shotOnFailure(s.page, { task: { name, result: { state: 'fail' } } });
    throw e;
  } finally {
    await s.close();
    walking--;
    queue.shift()?.();
  }
}

const COUNTY_ROLES = [
  ['hongshan_admin', '旗县区委组织部管理员'],
  ['hongshan_reviewer', '审核人'],
  ['hongshan_alliance', '联合体管理员'],
  ['hongshan_liaison', '成员单位联络员'],
  ['hongshan_member', '党员'],
] as const;

describe.concurrent('每个角色看到的每一页都是中文：没有编号、代码或英文，主要列表在 1440 像素下不横向滚动', () => {
  // The longest walk first, so it does not start last.
  it('市委组织部管理员（city_admin）：全市与只读的旗县区', async () => {
    const findings = await asPerson('city_admin', async (page) => {
      await login(page, 'city_admin');
      await page.getByTestId('workbench-page').waitFor();
      await loaded(page);
      const out = await walk(page, 'city_admin · 赤峰市');
      await pick(page, 'tenant-switcher', '红山区（只读）');
      await page.waitForURL(/\/t\/hongshan\//);
      await loaded(page);
      out.push(...(await walk(page, 'city_admin · 红山区')));
      return out;
    });
    expect(report(findings)).toEqual([]);
  }, 420_000);

  for (const [username, role] of COUNTY_ROLES) {
    it(`${role}（${username}）`, async () => {
      const findings = await asPerson(username, async (page) => {
        await login(page, username);
        await landed(page);
        await loaded(page);
        return walk(page, username);
      });
      expect(report(findings)).toEqual([]);
    }, 420_000);
  }
});
