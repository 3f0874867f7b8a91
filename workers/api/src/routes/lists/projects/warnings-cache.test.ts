import { shanghaiDate } from '@ronghe/core';
import type { Organization, WarningsView } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, runSql, type TestUser } from '../../../../../../test/support/factories.ts';
import { makeNeed, makeProject } from '../../../../../../test/support/list-factories.ts';

// The 督办预警 board keeps its rows in the isolate between requests (ADR 0034). Whatever changes what it shows —
// a project's light, an overdue need, an alliance's or organization's name, a claim, a category, a dissolution —
// is on the very next board, however it was made: through the API, a factory's insert or a hand-run statement.
const T = 'wengniute';
const day = (n: number) => shanghaiDate(Date.now() + n * 86_400_000);
const run = (sql: string, ...params: unknown[]) => runSql(T, sql, ...params);

let committee: Organization;
let lead: Organization;
let member: Organization;
let county: TestUser;

async function board(query = ''): Promise<WarningsView> {
  const res = await call('GET', `/api/t/${T}/supervision/warnings${query}`, { token: county.token });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as WarningsView;
}
const shown = (b: WarningsView, id: string) => b.projects.find((p) => p.id === id);

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: committee, kind: '党委', domain: '社区' });
  member = await makeOrg(T, { kind: '党支部', domain: '机关' });
  county = await makeUser([{ tenant: T, role: 'county_admin' }]);
});

describe('督办预警 between requests (ADR 0034)', () => {
  let a: MadeAlliance;
  beforeAll(async () => {
    a = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
  });

  it('shows a project turned red and an overdue need added by hand on the next request, and their names as renamed', async () => {
    const before = await board();
    const made = await makeProject(T, a, 'in_progress', { dueOn: day(-3) });
    const late = await makeNeed(T, a, { title: '逾期的助餐需求', deadline: day(-2) });
    const after = await board();
    // The factory's project is green until the job (or, here, a statement) lights it.
    expect(after.counts.green).toBe(before.counts.green + 1);
    expect(after.counts.overdueNeeds).toBe(before.counts.overdueNeeds + 1);
    expect(after.overdueNeeds.map((n) => n.id)).toContain(late.id);

    await run(`UPDATE projects SET warning = 'red', warning_reason = ? WHERE id = ?`, '逾期 3 天', made.project.id);
    const red = await board();
    expect(red.counts).toMatchObject({ red: before.counts.red + 1, green: before.counts.green });
    expect(shown(red, made.project.id)).toMatchObject({ warning: 'red', warningReason: '逾期 3 天', allianceName: a.alliance.name, ownerOrgName: lead.name });

    // Names come from other tables: the alliance, the owning organization, the claim, the need's category.
    await run('UPDATE alliances SET name = ? WHERE id = ?', '改名后的联合体', a.alliance.id);
    await run('UPDATE organizations SET name = ? WHERE id = ?', '改名后的社区党委', lead.id);
    const renamed = shown(await board(), made.project.id)!;
    expect(renamed).toMatchObject({ allianceName: '改名后的联合体', ownerOrgName: '改名后的社区党委' });
    expect(renamed.claimOrgNames).toContain('改名后的社区党委');
    await run(`UPDATE project_claims SET status = 'withdrawn' WHERE project_id = ?`, made.project.id);
    expect(shown(await board(), made.project.id)!.claimOrgNames).toEqual([]);
    const elderly = (await board()).overdueNeeds.find((n) => n.id === late.id)!.categoryName;
    await run(`UPDATE list_categories SET name = ? WHERE id = 'cat_elderly'`, '养老服务（改）');
    try {
      expect((await board()).overdueNeeds.find((n) => n.id === late.id)!.categoryName).toBe('养老服务（改）');
    } finally {
      await run(`UPDATE list_categories SET name = ? WHERE id = 'cat_elderly'`, elderly);
    }

    // Met by hand: no longer waiting, so no longer overdue.
    await run(`UPDATE needs SET status = 'met', fulfilled_qty = quantity WHERE id = ?`, late.id);
    expect((await board()).overdueNeeds.map((n) => n.id)).not.toContain(late.id);
  });

  it('drops a dissolved alliance\'s work from the next board, and keeps each filter\'s answer apart', async () => {
    const b = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
    const made = await makeProject(T, b, 'in_progress', { warning: 'yellow', warningReason: '里程碑滞后' });
    const late = await makeNeed(T, b, { deadline: day(-1) });
    const all = await board();
    const mineOnly = await board(`?allianceId=${b.alliance.id}`);
    expect(shown(all, made.project.id)).toBeDefined();
    expect(mineOnly.counts).toMatchObject({ red: 0, yellow: 1, overdueNeeds: 1 });
    expect((await board('?level=red')).projects.every((p) => p.warning === 'red')).toBe(true);

    await run(`UPDATE alliances SET status = 'dissolved' WHERE id = ?`, b.alliance.id);
    const after = await board();
    expect(shown(after, made.project.id)).toBeUndefined();
    expect(after.overdueNeeds.map((n) => n.id)).not.toContain(late.id);
    expect(after.counts.yellow).toBe(all.counts.yellow - 1);
    expect((await board(`?allianceId=${b.alliance.id}`)).counts).toMatchObject({ red: 0, yellow: 0, overdueNeeds: 0 });
  });

  it('shows the last run of the job, which no counted table records, on the next request', async () => {
    const res = await call('POST', `/api/t/${T}/supervision/run`, { token: county.token });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await board()).lastRunOn).toBe(day(0));
  });
});
