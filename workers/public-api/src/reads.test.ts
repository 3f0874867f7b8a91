import { openDb } from '@ronghe/core';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { makePerson, makeActivity } from '../../../test/support/activity-factories.ts';
import { makeAlliance, makeDistrict, makeRoute } from '../../../test/support/alliance-factories.ts';
import { call, makeApiKey, makeOrg } from '../../../test/support/factories.ts';
import { makeNeed, makeProject } from '../../../test/support/list-factories.ts';
import { bindings } from '../../../test/support/worker.ts';

// The /v1 reads of ADR 0029: projects and their progress, activities' public
// summaries, red districts, open needs by category and place. Expected values
// are the ones the test writes; foreign keys see 404; no person ever appears.

const T = 'wengniute';
const FOREIGN = 'linxi';
const db = (tenant: string) => openDb(bindings[findTenant(tenant)!.binding]!);
const exec = (tenant: string, sql: string, ...params: unknown[]) => db(tenant).$client.prepare(sql).bind(...params).run();

async function get(key: string, path: string) {
  const res = await call('GET', path, { headers: { authorization: `Bearer ${key}` } });
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : null) as any };
}

let worlds = 0;

/** An active alliance with a lead, a committee, two other members and a party member of the lead with a phone and an id number. */
async function world(tenant = T) {
  const committee = await makeOrg(tenant, { kind: '党工委', domain: '街道' });
  const lead = await makeOrg(tenant, { parent: committee });
  const m1 = await makeOrg(tenant, { domain: '机关' });
  const m2 = await makeOrg(tenant, { domain: '非公有制企业' });
  const alliance = await makeAlliance(tenant, { lead, committee, status: 'active', members: [m1, m2] });
  const person = await makePerson(tenant, { homeOrgId: lead.id, name: '包巴特尔' });
  const idNumber = `1504261988070${String(71000 + ++worlds).slice(-5)}`;
  await exec(tenant, 'UPDATE people SET id_number = ? WHERE id = ?', idNumber, person.id);
  const key = await makeApiKey(tenant);
  return { committee, lead, m1, m2, alliance, person, idNumber, key: key.key };
}

/** Nothing personal: the person, the organizations' secretaries and liaisons, the project's 负责人, the need's raiser, the resource's contact. */
function expectNoPersonalData(text: string, w: Awaited<ReturnType<typeof world>>) {
  for (const s of [w.person.name, w.person.phone!, w.idNumber, '王书记', '13904761234', '李联络', '13804765678', '张大妈', '13904769999', '赵经理', '13904768888']) {
    expect(text, s).not.toContain(s);
  }
  expect(text).not.toMatch(/ownerName|raiser|liaison|secretary|Phone|idNumber|personName/);
}

describe('GET /v1/projects', () => {
  it('shows a project’s progress: status, percentage, milestones done of total, dates, alliance, claimants by name, needs by id', async () => {
    const w = await world();
    const p = await makeProject(T, w.alliance, 'in_progress', {}, { milestonePct: [100, 50] });
    const r = await get(w.key, `/v1/projects/${p.project.id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({
      id: p.project.id,
      allianceId: w.alliance.alliance.id,
      allianceName: w.alliance.alliance.name,
      title: p.project.title,
      description: '为独居老人提供助餐服务',
      categoryId: 'cat_elderly',
      categoryName: '养老服务',
      ownerOrgId: w.lead.id,
      ownerOrgName: w.lead.name,
      status: 'in_progress',
      // Milestones 40 % done fully and 60 % done half: 40 + 30.
      progressPercent: 70,
      milestonesDone: 1,
      milestonesTotal: 2,
      startOn: '2025-03-01',
      dueOn: '2099-06-30',
      startedOn: '2025-03-02',
      completedOn: null,
      acceptedOn: null,
      beneficiaries: null,
      // The lead's confirmed claim; the second member's claim is still pending, so not a claimant.
      claimants: [{ orgId: w.lead.id, orgName: w.lead.name }],
      needIds: [p.need.id],
      createdAt: p.project.createdAt,
      updatedAt: p.project.updatedAt,
    });
    expectNoPersonalData(r.text, w);
  });

  it('lists only public projects of visible alliances, filters by status, category and update time, and walks pages by cursor', async () => {
    const w = await world();
    const a = w.alliance;
    const proposed = await makeProject(T, a, 'proposed', { categoryId: 'cat_property', updatedAt: 1_000 });
    const claimed = await makeProject(T, a, 'claimed');
    const accepted = await makeProject(T, a, 'accepted');
    const cancelled = await makeProject(T, a, 'cancelled');
    const draft = await makeAlliance(T, { lead: w.lead, committee: w.committee, status: 'draft' });
    const ofDraft = await makeProject(T, draft, 'proposed');

    const all = await get(w.key, `/v1/projects?allianceId=${a.alliance.id}`);
    expect(all.status, all.text).toBe(200);
    expect(all.body.total).toBe(3);
    expect(new Set(all.body.items.map((x: { id: string }) => x.id))).toEqual(new Set([proposed.project.id, claimed.project.id, accepted.project.id]));
    expectNoPersonalData(all.text, w);

    // A cancelled project and a draft alliance's project look missing.
    expect((await get(w.key, `/v1/projects/${cancelled.project.id}`)).status).toBe(404);
    expect((await get(w.key, `/v1/projects/${ofDraft.project.id}`)).status).toBe(404);
    expect((await get(w.key, `/v1/projects?allianceId=${draft.alliance.id}`)).body.total).toBe(0);

    const byStatus = await get(w.key, `/v1/projects?allianceId=${a.alliance.id}&status=accepted`);
    expect(byStatus.body.items.map((x: { id: string }) => x.id)).toEqual([accepted.project.id]);
    expect(byStatus.body.items[0]).toMatchObject({ progressPercent: 100, milestonesDone: 2, milestonesTotal: 2, completedOn: '2025-05-01', acceptedOn: '2025-05-10', beneficiaries: 30 });
    const byCategory = await get(w.key, `/v1/projects?allianceId=${a.alliance.id}&categoryId=cat_property`);
    expect(byCategory.body.items.map((x: { id: string }) => x.id)).toEqual([proposed.project.id]);
    expect(byCategory.body.items[0]).toMatchObject({ categoryName: '物业管理', claimants: [], progressPercent: 0, milestonesDone: 0 });
    const since = await get(w.key, `/v1/projects?allianceId=${a.alliance.id}&updatedSince=5000`);
    expect(since.body.total).toBe(2);
    expect(since.body.items.map((x: { id: string }) => x.id)).not.toContain(proposed.project.id);
    expect((await get(w.key, '/v1/projects?status=cancelled')).status).toBe(422);
    expect((await get(w.key, '/v1/projects?updatedSince=yesterday')).status).toBe(422);

    // Two per page over three: two pages, each project once.
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await get(w.key, `/v1/projects?allianceId=${a.alliance.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status, r.text).toBe(200);
      seen.push(...r.body.items.map((x: { id: string }) => x.id));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual([proposed.project.id, claimed.project.id, accepted.project.id].sort());
  });

  it('a key of another county gets 404 for the project and none of it in its list', async () => {
    const w = await world();
    const p = await makeProject(T, w.alliance, 'in_progress');
    const foreign = await makeApiKey(FOREIGN);
    const one = await get(foreign.key, `/v1/projects/${p.project.id}`);
    expect(one.status).toBe(404);
    expect(one.body.code).toBe('not_found');
    const list = await get(foreign.key, `/v1/projects?allianceId=${w.alliance.alliance.id}`);
    expect(list.body.total).toBe(0);
    expect(list.text).not.toContain(p.project.id);
  });
});

describe('GET /v1/activities', () => {
  it('summarizes held activities: organizations by name, attendance as a count, never who attended or the check-in code', async () => {
    const w = await world();
    const a = w.alliance.alliance;
    const held = await makeActivity(T, { allianceId: a.id, organizerOrgId: w.lead.id, participantOrgIds: [w.m1.id, w.m2.id], kind: 'joint_study', activityDate: '2026-03-05', status: 'held' });
    await exec(T, 'INSERT INTO activity_checkins (id, activity_id, person_id, alliance_id, method, at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)', `chk_${held.id}`, held.id, w.person.id, a.id, 'recorded', Date.now(), 'usr_test');
    await exec(T, 'UPDATE activities SET attendance = 1, summary = ? WHERE id = ?', '学习二十届三中全会精神', held.id);
    const r = await get(w.key, `/v1/activities/${held.id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({
      id: held.id,
      allianceId: a.id,
      allianceName: a.name,
      kind: 'joint_study',
      title: held.title,
      status: 'held',
      activityDate: '2026-03-05',
      startTime: held.startTime,
      endTime: held.endTime,
      placeName: '城区党群服务中心',
      organizer: { orgId: w.lead.id, orgName: w.lead.name },
      participants: [
        { orgId: w.m1.id, orgName: w.m1.name },
        { orgId: w.m2.id, orgName: w.m2.name },
      ],
      attendance: 1,
      summary: '学习二十届三中全会精神',
      updatedAt: held.updatedAt,
    });
    expect(r.text).not.toContain(held.code);
    expect(r.text).not.toContain(w.person.id);
    expectNoPersonalData(r.text, w);
  });

  it('lists held ones by default, filters by alliance, kind and dates, walks pages, and hides cancelled ones and other counties', async () => {
    const w = await world();
    const a = w.alliance.alliance;
    const mk = (activityDate: string, kind: 'joint_study' | 'joint_visit', status: 'held' | 'planned' | 'cancelled') =>
      makeActivity(T, { allianceId: a.id, organizerOrgId: w.lead.id, participantOrgIds: [w.m1.id], kind, activityDate, status });
    const march = await mk('2026-03-01', 'joint_study', 'held');
    const april = await mk('2026-04-01', 'joint_visit', 'held');
    const may = await mk('2026-05-01', 'joint_study', 'held');
    const planned = await mk('2026-12-20', 'joint_visit', 'planned');
    const cancelled = await mk('2026-06-01', 'joint_visit', 'cancelled');

    const list = await get(w.key, `/v1/activities?allianceId=${a.id}`);
    expect(list.status, list.text).toBe(200);
    // Newest date first.
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([may.id, april.id, march.id]);
    expect(list.body.total).toBe(3);
    expect((await get(w.key, `/v1/activities?allianceId=${a.id}&status=planned`)).body.items.map((x: { id: string }) => x.id)).toEqual([planned.id]);
    expect((await get(w.key, `/v1/activities?allianceId=${a.id}&kind=joint_study`)).body.items.map((x: { id: string }) => x.id)).toEqual([may.id, march.id]);
    expect((await get(w.key, `/v1/activities?allianceId=${a.id}&from=2026-03-15&to=2026-05-01`)).body.items.map((x: { id: string }) => x.id)).toEqual([may.id, april.id]);
    expect((await get(w.key, `/v1/activities/${cancelled.id}`)).status).toBe(404);
    expect((await get(w.key, `/v1/activities?status=cancelled`)).status).toBe(422);

    const p1 = await get(w.key, `/v1/activities?allianceId=${a.id}&limit=2`);
    expect(p1.body.items.map((x: { id: string }) => x.id)).toEqual([may.id, april.id]);
    const p2 = await get(w.key, `/v1/activities?allianceId=${a.id}&limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items.map((x: { id: string }) => x.id)).toEqual([march.id]);
    expect(p2.body.nextCursor).toBeNull();
    expectNoPersonalData(list.text, w);

    const foreign = await makeApiKey(FOREIGN);
    expect((await get(foreign.key, `/v1/activities/${march.id}`)).status).toBe(404);
    expect((await get(foreign.key, `/v1/activities?allianceId=${a.id}`)).body.total).toBe(0);
  });
});

describe('GET /v1/red-districts', () => {
  it('lists active districts with their visible alliances and active routes by id and name', async () => {
    const w = await world();
    const draft = await makeAlliance(T, { lead: w.lead, committee: w.committee, status: 'draft' });
    const route = await makeRoute(T, [w.alliance.alliance.id]);
    const archived = await makeRoute(T, [w.alliance.alliance.id]);
    await exec(T, `UPDATE red_routes SET status = 'archived' WHERE id = ?`, archived.id);
    const district = await makeDistrict(T, [w.alliance.alliance.id, draft.alliance.id], [route.id, archived.id]);
    const gone = await makeDistrict(T, [w.alliance.alliance.id], []);
    await exec(T, `UPDATE red_districts SET status = 'archived' WHERE id = ?`, gone.id);
    const names = (await db(T).$client.prepare('SELECT id, name, description FROM red_districts WHERE id = ?').bind(district.id).first()) as { name: string; description: string };
    const routeName = ((await db(T).$client.prepare('SELECT name FROM red_routes WHERE id = ?').bind(route.id).first()) as { name: string }).name;

    const r = await get(w.key, '/v1/red-districts');
    expect(r.status, r.text).toBe(200);
    expect(r.body.items.find((d: { id: string }) => d.id === district.id)).toEqual({
      id: district.id,
      name: names.name,
      description: '测试',
      alliances: [{ id: w.alliance.alliance.id, name: w.alliance.alliance.name }],
      routes: [{ id: route.id, name: routeName }],
    });
    expect(r.body.items.map((d: { id: string }) => d.id)).not.toContain(gone.id);
    expect(r.body.total).toBe(r.body.items.length);
    expectNoPersonalData(r.text, w);
    expect((await get((await makeApiKey(FOREIGN)).key, '/v1/red-districts')).text).not.toContain(district.id);
  });
});

describe('GET /v1/needs: open needs by category and place', () => {
  it('answers open and partly met needs by default, filters by category, street, community and grid, and never shows a 群众点单 contact', async () => {
    const w = await world();
    const a = w.alliance;
    const street = `${findTenant(T)!.code}077`;
    const community = `${street}003`;
    const place = { streetCode: street, communityCode: community, gridName: '第五网格' };
    const open = await makeNeed(T, a, { ...place, raiserName: '乌云其其格', raiserPhone: '15804760001' });
    const partly = await makeNeed(T, a, { ...place, categoryId: 'cat_property', status: 'partly_met', committedQty: 3 });
    const met = await makeNeed(T, a, { ...place, status: 'met', fulfilledQty: 10 });
    const elsewhere = await makeNeed(T, a, { streetCode: street, communityCode: `${street}004`, gridName: '第一网格' });

    const ids = async (q: string) => {
      const r = await get(w.key, `/v1/needs?allianceId=${a.alliance.id}${q}`);
      expect(r.status, r.text).toBe(200);
      for (const s of ['乌云其其格', '15804760001']) expect(r.text).not.toContain(s);
      expectNoPersonalData(r.text, w);
      return (r.body.items as Array<{ id: string }>).map((x) => x.id).sort();
    };
    expect(await ids('')).toEqual([open.id, partly.id, elsewhere.id].sort());
    expect(await ids('&status=met')).toEqual([met.id]);
    expect(await ids('&categoryId=cat_property')).toEqual([partly.id]);
    expect(await ids(`&communityCode=${community}`)).toEqual([open.id, partly.id].sort());
    expect(await ids(`&streetCode=${street}`)).toEqual([open.id, partly.id, elsewhere.id].sort());
    expect(await ids(`&communityCode=${community}&gridName=${encodeURIComponent('第五网格')}`)).toEqual([open.id, partly.id].sort());
    const one = (await get(w.key, `/v1/needs?allianceId=${a.alliance.id}&categoryId=cat_property`)).body.items[0];
    expect(one).toMatchObject({ id: partly.id, categoryId: 'cat_property', categoryName: '物业管理', streetCode: street, communityCode: community, gridName: '第五网格', status: 'partly_met', committedQty: 3 });
  });
});
