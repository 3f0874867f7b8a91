import { shanghaiDate } from '@ronghe/core';
import type { OrgLifeBranchCompliance, OrgLifeRecordView, Organization } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';
import { makePerson } from '../../../../test/support/orglife-factories.ts';
import { bindings } from '../../../../test/support/worker.ts';
import { findTenant } from '@ronghe/tenancy';
import { kindCompliance, periodsDue } from './rules.ts';

// Branch organizational life (seed 004 二(三)): records, refusals, standards and
// compliance. Expected values are counted by hand from the branch work
// regulations' frequencies, never from the functions under test.

describe('period-to-date rule (pure)', () => {
  it('looked at on 15 October: nine months, three quarters, no year are due', () => {
    expect(periodsDue('month', 2026, '2026-10-15')).toBe(9);
    expect(periodsDue('quarter', 2026, '2026-10-15')).toBe(3);
    expect(periodsDue('half_year', 2026, '2026-10-15')).toBe(1);
    expect(periodsDue('year', 2026, '2026-10-15')).toBe(0);
    // A past year is wholly due, a future one not at all; on 1 January nothing is due yet.
    expect(periodsDue('month', 2025, '2026-10-15')).toBe(12);
    expect(periodsDue('quarter', 2027, '2026-10-15')).toBe(0);
    expect(periodsDue('month', 2026, '2026-01-01')).toBe(0);
  });

  it('支委会 monthly on 15 October: one in each of January–September is met; a month without one is behind', () => {
    const std = { kind: 'committee' as const, period: 'month' as const, times: 1 };
    const nine = new Map([0, 1, 2, 3, 4, 5, 6, 7, 8].map((m) => [m, 1]));
    expect(kindCompliance(std, 2026, '2026-10-15', nine)).toMatchObject({ periodsDue: 9, periodsMet: 9, held: 9, status: 'met' });
    // March (index 2) missed, two held in October (still open): 8 of 9 due months met → behind, 10 held.
    const gap = new Map([[0, 1], [1, 1], [3, 1], [4, 1], [5, 1], [6, 1], [7, 1], [8, 1], [9, 2]]);
    expect(kindCompliance(std, 2026, '2026-10-15', gap)).toMatchObject({ periodsDue: 9, periodsMet: 8, held: 10, status: 'behind' });
    // Nine meetings all held in January do not make up for the other months.
    expect(kindCompliance(std, 2026, '2026-10-15', new Map([[0, 9]]))).toMatchObject({ periodsMet: 1, status: 'behind' });
  });

  it('a standard of twice per quarter needs two meetings in each due quarter', () => {
    const std = { kind: 'lecture' as const, period: 'quarter' as const, times: 2 };
    expect(kindCompliance(std, 2026, '2026-07-01', new Map([[0, 2], [1, 1]]))).toMatchObject({ periodsDue: 2, periodsMet: 1, status: 'behind' });
  });
});

const T = 'wengniute';
const TODAY = shanghaiDate(Date.now());
const tomorrow = shanghaiDate(Date.now() + 86_400_000);

let street: Organization;
let branch: Organization;
let other: Organization;
let committee: Organization;
let admin: TestUser;
let liaison: TestUser;
let stranger: TestUser;
let members: Array<{ id: string }>;
let outsider: { id: string };

const post = (u: TestUser, body: unknown) => call('POST', `/api/t/${T}/org-life/records`, { token: u.token, body });
async function problem(res: Response) {
  return (await res.json()) as { code: string; errors?: Array<{ path: string; message: string }> };
}

beforeAll(async () => {
  street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  branch = await makeOrg(T, { parent: street, kind: '党支部' });
  other = await makeOrg(T, { parent: street, kind: '党支部' });
  committee = await makeOrg(T, { parent: street, kind: '党委' });
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: branch.id }]);
  stranger = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: other.id }]);
  members = await Promise.all([0, 1, 2].map(() => makePerson(T, { homeOrgId: branch.id })));
  outsider = await makePerson(T, { homeOrgId: other.id });
});

describe('recording organizational life', () => {
  it("the branch's liaison records a 支委会 with its members; counts and names come back, the event carries ids only", async () => {
    const res = await post(liaison, { orgId: branch.id, kind: 'committee', heldOn: '2025-03-05', topic: '研究三月工作', minutes: '与会同志讨论', attendeeIds: [members[0]!.id, members[1]!.id] });
    expect(res.status, await res.clone().text()).toBe(201);
    const r = (await res.json()) as OrgLifeRecordView;
    expect(r).toMatchObject({ orgId: branch.id, kind: 'committee', heldOn: '2025-03-05', expectedCount: 3, presentCount: 2 });
    expect(r.attendees.map((a) => a.id).sort()).toEqual([members[0]!.id, members[1]!.id].sort());
    const db = bindings[findTenant(T)!.binding]!;
    const ev = await db.prepare("SELECT data FROM outbox WHERE type = 'org_life.recorded' AND aggregate_id = ?").bind(r.id).first<{ data: string }>();
    const data = JSON.parse(ev!.data) as Record<string, unknown>;
    expect(data).toEqual({ recordId: r.id, orgId: branch.id, kind: 'committee', heldOn: '2025-03-05', attendeeIds: r.attendees.map((a) => a.id), presentCount: 2 });
    // No names of persons, no topic or minutes travel in the event.
    for (const a of r.attendees) expect(ev!.data).not.toContain(a.name);
    expect(ev!.data).not.toContain('研究三月工作');
  });

  it('refuses an organization that is not a branch (422 on orgId)', async () => {
    const res = await post(admin, { orgId: committee.id, kind: 'congress', heldOn: '2025-03-05', topic: '党员大会', attendeeIds: [] });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.code).toBe('validation_failed');
    expect(p.errors?.map((e) => e.path)).toEqual(['body.orgId']);
  });

  it('refuses an attendee who is not a member of that branch, naming the row (422 on attendeeIds.1)', async () => {
    const res = await post(liaison, { orgId: branch.id, kind: 'group', heldOn: '2025-03-05', topic: '党小组会', attendeeIds: [members[0]!.id, outsider.id] });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.code).toBe('validation_failed');
    expect(p.errors?.map((e) => e.path)).toEqual(['body.attendeeIds.1']);
  });

  it('refuses a date in the future (422 on heldOn)', async () => {
    const res = await post(liaison, { orgId: branch.id, kind: 'lecture', heldOn: tomorrow, topic: '党课', attendeeIds: [] });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.code).toBe('validation_failed');
    expect(p.errors?.map((e) => e.path)).toEqual(['body.heldOn']);
    // Today itself is fine.
    expect((await post(liaison, { orgId: branch.id, kind: 'lecture', heldOn: TODAY, topic: '党课', attendeeIds: [] })).status).toBe(201);
  });

  it("another branch's liaison may not record for this branch (403)", async () => {
    const res = await post(stranger, { orgId: branch.id, kind: 'group', heldOn: '2025-03-05', topic: '党小组会', attendeeIds: [] });
    expect(res.status).toBe(403);
    expect((await problem(res)).code).toBe('forbidden');
  });
});

describe('standards and compliance', () => {
  it('defaults follow the branch work regulations; the county sets a year without touching another', async () => {
    const get = async (year: number) => (await (await call('GET', `/api/t/${T}/org-life/standards?year=${year}`, { token: admin.token })).json()) as { items: Array<{ kind: string; period: string; times: number; isDefault: boolean }> };
    const d = await get(2024);
    expect(Object.fromEntries(d.items.map((i) => [i.kind, i.period]))).toEqual({ congress: 'quarter', committee: 'month', group: 'month', lecture: 'quarter', theme_day: 'month', life_meeting: 'year', appraisal: 'year' });
    const put = await call('PUT', `/api/t/${T}/org-life/standards`, { token: admin.token, body: { year: 2024, items: [{ kind: 'lecture', period: 'month', times: 1 }] } });
    expect(put.status, await put.clone().text()).toBe(200);
    expect((await get(2024)).items.find((i) => i.kind === 'lecture')).toEqual({ kind: 'lecture', period: 'month', times: 1, isDefault: false });
    expect((await get(2023)).items.find((i) => i.kind === 'lecture')).toEqual({ kind: 'lecture', period: 'quarter', times: 1, isDefault: true });
    // Only the county administrator sets them.
    const refused = await call('PUT', `/api/t/${T}/org-life/standards`, { token: liaison.token, body: { year: 2024, items: [{ kind: 'lecture', period: 'year', times: 1 }] } });
    expect(refused.status).toBe(403);
  });

  it('a whole past year, counted by hand: 党员大会 in 3 of 4 quarters is behind; 组织生活会 once is met', async () => {
    const b = await makeOrg(T, { parent: street, kind: '党支部' });
    const rec = (kind: string, heldOn: string) => post(admin, { orgId: b.id, kind, heldOn, topic: '会议', attendeeIds: [] });
    for (const d of ['2025-02-10', '2025-05-10', '2025-11-10']) expect((await rec('congress', d)).status).toBe(201);
    expect((await rec('life_meeting', '2025-12-20')).status).toBe(201);
    const res = await call('GET', `/api/t/${T}/org-life/compliance?year=2025&underOrgId=${street.id}&q=${encodeURIComponent(b.name)}`, { token: admin.token });
    expect(res.status, await res.clone().text()).toBe(200);
    const page = (await res.json()) as { items: OrgLifeBranchCompliance[]; total: number };
    expect(page.total).toBe(1);
    const row = page.items[0]!;
    const k = Object.fromEntries(row.kinds.map((x) => [x.kind, x]));
    expect(k.congress).toMatchObject({ periodsDue: 4, periodsMet: 3, held: 3, status: 'behind' });
    expect(k.life_meeting).toMatchObject({ periodsDue: 1, periodsMet: 1, held: 1, status: 'met' });
    expect(k.committee).toMatchObject({ periodsDue: 12, periodsMet: 0, held: 0, status: 'behind' });
    // Behind in everything but 组织生活会: six kinds.
    expect(row).toMatchObject({ status: 'behind', behindKinds: 6 });
    // The county table filtered to branches behind in 组织生活会 leaves it out.
    const f = (await (await call('GET', `/api/t/${T}/org-life/compliance?year=2025&kind=life_meeting&q=${encodeURIComponent(b.name)}`, { token: admin.token })).json()) as { total: number };
    expect(f.total).toBe(0);
    // The export is a workbook.
    const x = await call('GET', `/api/t/${T}/org-life/compliance/export?year=2025&underOrgId=${street.id}`, { token: admin.token });
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
  });
});
