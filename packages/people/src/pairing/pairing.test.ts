import { openDb, systemClock, type Ctx } from '@ronghe/core';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';
import { makeMemberReport, makePairing, makePairingPerson } from '../../../../test/support/pairing-factories.ts';
import { bindings } from '../../../../test/support/worker.ts';
import { ineligibleOrgs, memberCompliance } from '../read.ts';

// 双报到 (seed 002 (十六), seed 003 双报到结对互动, issue 11): pairings of organs
// with communities, in-service members' reports, the 记实档案, the yearly
// standard and what falls short. Expected values are worked out by hand.

const T = 'balinyou';
const db = () => bindings[findTenant(T)!.binding]!;
const ctxOf = (): Ctx => {
  const t = findTenant(T)!;
  return {
    db: openDb(db()),
    tenant: { slug: t.slug, code: t.code, name: t.name, kind: 'county' },
    actor: { userId: 'usr_test', displayName: '测试', grants: [{ role: 'county_admin', scopeOrgId: null, scopeAllianceId: null }] },
    clock: systemClock,
    requestId: 'req_pairing_test',
  };
};

interface Problem {
  code: string;
  reason?: string;
  errors?: Array<{ path: string; message: string }>;
}

async function refused(res: Response, status: number, code: string, field?: string): Promise<Problem> {
  const text = await res.clone().text();
  expect(res.status, text).toBe(status);
  const p = (await res.json()) as Problem;
  expect(p.code, text).toBe(code);
  if (field) expect(p.errors?.map((e) => e.path), text).toContain(`body.${field}`);
  return p;
}

const P = (rest: string) => `/api/t/${T}${rest}`;
const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);

let admin: TestUser;
let street: Awaited<ReturnType<typeof makeOrg>>;
let community: Awaited<ReturnType<typeof makeOrg>>;
let organ: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  community = await makeOrg(T, { parent: street, kind: '党委', domain: '社区' });
  organ = await makeOrg(T, { kind: '党支部', domain: '机关', name: `旗财政局党支部${Date.now() % 10000}` });
});

describe('organization pairings (组织报到)', () => {
  it('refuses an organization that is no organ, enterprise or institution, naming not_an_organ', async () => {
    const village = await makeOrg(T, { domain: '嘎查村' });
    const p = await refused(await call('POST', P('/pairings'), { token: admin.token, body: { orgId: village.id, communityOrgId: community.id, pairedOn: '2025-03-01' } }), 422, 'validation_failed', 'orgId');
    expect(p.reason).toBe('not_an_organ');
  });

  it('refuses a target that is not a community, naming not_a_community', async () => {
    const other = await makeOrg(T, { domain: '机关' });
    const p = await refused(await call('POST', P('/pairings'), { token: admin.token, body: { orgId: organ.id, communityOrgId: other.id, pairedOn: '2025-03-01' } }), 422, 'validation_failed', 'communityOrgId');
    expect(p.reason).toBe('not_a_community');
  });

  it('refuses a pairing date in the future', async () => {
    await refused(await call('POST', P('/pairings'), { token: admin.token, body: { orgId: organ.id, communityOrgId: community.id, pairedOn: tomorrow() } }), 422, 'validation_failed', 'pairedOn');
  });

  it('pairs once; the same pair again is a 409 already_paired; the list masks the contact phone, the detail shows it to the county', async () => {
    const c2 = await makeOrg(T, { parent: street });
    const body = { orgId: organ.id, communityOrgId: c2.id, pairedOn: '2025-03-01', agreement: '每季度开展一次志愿服务', contactName: '赵联系', contactPhone: '13947605678' };
    const ok = await call('POST', P('/pairings'), { token: admin.token, body });
    expect(ok.status, await ok.clone().text()).toBe(201);
    const made = (await ok.json()) as { id: string; contactPhone: string; status: string };
    expect(made.status).toBe('active');
    const dup = await refused(await call('POST', P('/pairings'), { token: admin.token, body }), 409, 'conflict', 'communityOrgId');
    expect(dup.reason).toBe('already_paired');

    const list = (await (await call('GET', P(`/pairings?orgId=${organ.id}&communityOrgId=${c2.id}`), { token: admin.token })).json()) as {
      items: Array<{ contactPhone: string; org: { id: string; name: string }; community: { id: string; name: string } }>;
      total: number;
    };
    expect(list.total).toBe(1);
    expect(list.items[0]!.contactPhone).toBe('139****5678');
    // Each side under its own name (a batched read once gave the organ the community's name and the community none).
    expect({ org: list.items[0]!.org, community: list.items[0]!.community }).toEqual({ org: { id: organ.id, name: organ.name }, community: { id: c2.id, name: c2.name } });
    const detail = (await (await call('GET', P(`/pairings/${made.id}`), { token: admin.token })).json()) as { contactPhone: string };
    expect(detail.contactPhone).toBe('13947605678');

    // A liaison of an unrelated organization reads the pairing, never the full phone.
    const elsewhere = await makeOrg(T, { domain: '机关' });
    const liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: elsewhere.id }]);
    const masked = (await (await call('GET', P(`/pairings/${made.id}`), { token: liaison.token })).json()) as { contactPhone: string };
    expect(masked.contactPhone).toBe('139****5678');
    // … and may not change it (its own organization is neither side).
    await refused(await call('PATCH', P(`/pairings/${made.id}`), { token: liaison.token, body: { agreement: '改' }, headers: { 'if-match': '"v1"' } }), 403, 'forbidden');

    // Ending it: status ended; a new pairing of the same pair is allowed again.
    const ended = await call('PATCH', P(`/pairings/${made.id}`), { token: admin.token, body: { endedOn: '2025-12-31' }, headers: { 'if-match': '"v1"' } });
    expect(((await ended.json()) as { status: string }).status).toBe('ended');
    expect((await call('POST', P('/pairings'), { token: admin.token, body })).status).toBe(201);
  });

  it("a street committee's reviewer pairs only where the organ or the community lies under it", async () => {
    const otherStreet = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: otherStreet.id }]);
    await refused(await call('POST', P('/pairings'), { token: reviewer.token, body: { orgId: organ.id, communityOrgId: community.id, pairedOn: '2025-03-01' } }), 403, 'forbidden');
  });
});

describe('member reports (个人报到) and the 记实档案', () => {
  it('refuses a person who is not an in-service party member, naming not_in_service', async () => {
    const retired = await makePairingPerson(T, { inService: false });
    const volunteer = await makePairingPerson(T, { kind: 'volunteer', partyStanding: null });
    for (const person of [retired, volunteer]) {
      const p = await refused(await call('POST', P('/member-reports'), { token: admin.token, body: { personId: person.id, communityOrgId: community.id } }), 422, 'validation_failed', 'personId');
      expect(p.reason).toBe('not_in_service');
    }
  });

  it('reporting twice to one community is harmless: the same report, one row', async () => {
    const person = await makePairingPerson(T, { homeOrgId: organ.id });
    const body = { personId: person.id, communityOrgId: community.id, reportedOn: '2025-02-01' };
    const first = await call('POST', P('/member-reports'), { token: admin.token, body });
    expect(first.status).toBe(201);
    const second = await call('POST', P('/member-reports'), { token: admin.token, body });
    expect(second.status).toBe(200);
    expect(((await second.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const list = (await (await call('GET', P(`/member-reports?personId=${person.id}`), { token: admin.token })).json()) as {
      total: number;
      items: Array<{ person: { id: string; name: string }; community: { id: string; name: string } }>;
    };
    expect(list.total).toBe(1);
    expect({ person: list.items[0]!.person, community: list.items[0]!.community }).toEqual({ person: { id: person.id, name: person.name }, community: { id: community.id, name: community.name } });
  });

  it('refuses a record for a person not reported to that community, and a date in the future', async () => {
    const person = await makePairingPerson(T, { homeOrgId: organ.id });
    const body = { personId: person.id, communityOrgId: community.id, servedOn: '2025-05-01', content: '社区环境整治', minutes: 90 };
    const p = await refused(await call('POST', P('/report-records'), { token: admin.token, body }), 422, 'validation_failed', 'personId');
    expect(p.reason).toBe('not_reported');
    await makeMemberReport(T, person.id, community.id, { reportedOn: '2025-01-01' });
    await refused(await call('POST', P('/report-records'), { token: admin.token, body: { ...body, servedOn: tomorrow() } }), 422, 'validation_failed', 'servedOn');
    // Served before the member reported: still refused.
    expect(((await (await call('POST', P('/report-records'), { token: admin.token, body: { ...body, servedOn: '2024-12-31' } })).json()) as Problem).reason).toBe('not_reported');
  });

  it('a record emits report_record.added with ids and minutes only — no name, no phone', async () => {
    const person = await makePairingPerson(T, { homeOrgId: organ.id, phone: '13800476001' });
    await makeMemberReport(T, person.id, community.id, { reportedOn: '2025-01-01' });
    const res = await call('POST', P('/report-records'), { token: admin.token, body: { personId: person.id, communityOrgId: community.id, servedOn: '2025-05-01', content: '为独居老人送餐', minutes: 90 } });
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = (await res.json()) as { id: string };
    const row = await db().prepare("SELECT data FROM outbox WHERE type = 'report_record.added' AND aggregate_id = ?").bind(rec.id).first<{ data: string }>();
    expect(JSON.parse(row!.data)).toEqual({ recordId: rec.id, personId: person.id, communityOrgId: community.id, minutes: 90 });
    expect(row!.data).not.toContain(person.name);
    expect(row!.data).not.toContain('13800476001');
    // The 记实档案 names the person and the community, each under its own name.
    const list = (await (await call('GET', P(`/report-records?personId=${person.id}`), { token: admin.token })).json()) as {
      items: Array<{ person: { id: string; name: string }; community: { id: string; name: string } }>;
    };
    expect(list.items.map((r) => ({ person: r.person, community: r.community }))).toEqual([{ person: { id: person.id, name: person.name }, community: { id: community.id, name: community.name } }]);
  });

  it('the community liaison records for its own community only', async () => {
    const liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: community.id }]);
    const other = await makeOrg(T, { parent: street });
    const person = await makePairingPerson(T, { homeOrgId: organ.id });
    await makeMemberReport(T, person.id, community.id, { reportedOn: '2025-01-01' });
    await makeMemberReport(T, person.id, other.id, { reportedOn: '2025-01-01' });
    const body = { personId: person.id, communityOrgId: community.id, servedOn: '2025-05-02', content: '社区议事', minutes: 60 };
    expect((await call('POST', P('/report-records'), { token: liaison.token, body })).status).toBe(201);
    await refused(await call('POST', P('/report-records'), { token: liaison.token, body: { ...body, communityOrgId: other.id } }), 403, 'forbidden');
  });
});

describe('compliance and ineligibility (a hand-computed year)', () => {
  const Y = 2024;
  type Summary = Record<'orgs' | 'orgsUnpaired' | 'orgsShort' | 'orgsIneligible' | 'members' | 'membersUnreported' | 'membersShort', number>;
  const summary = async () => ((await (await call('GET', P(`/pairing/compliance?year=${Y}`), { token: admin.token })).json()) as { summary: Summary }).summary;

  it('3 members against 2 records and 60 minutes; 3 organs against 3 records', async () => {
    const put = await call('PUT', P(`/pairing/standards/${Y}`), { token: admin.token, body: { memberMinRecords: 2, memberMinMinutes: 60, orgMinRecords: 3 } });
    expect(put.status, await put.clone().text()).toBe(200);
    const before = await summary();

    // Organ A: paired, its members served 3 times → met. Organ B: never paired → unpaired. Organ C: paired, no service → short.
    const orgA = await makeOrg(T, { domain: '机关' });
    const orgB = await makeOrg(T, { domain: '机关' });
    const orgC = await makeOrg(T, { domain: '机关' });
    await makePairing(T, orgA.id, community.id, { pairedOn: `${Y}-01-05` });
    await makePairing(T, orgC.id, community.id, { pairedOn: `${Y}-02-01` });
    // Members of A: one with 2 records (30 + 40 minutes), one with 1 (120 minutes), one unreported.
    const [m1, m2, m3] = [await makePairingPerson(T, { homeOrgId: orgA.id }), await makePairingPerson(T, { homeOrgId: orgA.id }), await makePairingPerson(T, { homeOrgId: orgA.id })];
    await makeMemberReport(T, m1.id, community.id, { reportedOn: `${Y}-01-10` });
    await makeMemberReport(T, m2.id, community.id, { reportedOn: `${Y}-01-10` });
    for (const [personId, servedOn, minutes] of [[m1.id, `${Y}-03-01`, 30], [m1.id, `${Y}-09-01`, 40], [m2.id, `${Y}-04-01`, 120]] as const) {
      const r = await call('POST', P('/report-records'), { token: admin.token, body: { personId, communityOrgId: community.id, servedOn, content: '社区志愿服务', minutes } });
      expect(r.status, await r.clone().text()).toBe(201);
    }

    const after = await summary();
    expect({
      orgs: after.orgs - before.orgs,
      orgsUnpaired: after.orgsUnpaired - before.orgsUnpaired,
      orgsShort: after.orgsShort - before.orgsShort,
      orgsIneligible: after.orgsIneligible - before.orgsIneligible,
      members: after.members - before.members,
      membersUnreported: after.membersUnreported - before.membersUnreported,
      membersShort: after.membersShort - before.membersShort,
    }).toEqual({ orgs: 3, orgsUnpaired: 1, orgsShort: 1, orgsIneligible: 2, members: 3, membersUnreported: 1, membersShort: 1 });

    const members = await memberCompliance(ctxOf(), Y, [m1.id, m2.id, m3.id]);
    const byId = new Map(members.map((m) => [m.personId, m]));
    expect(byId.get(m1.id)).toEqual({ personId: m1.id, reported: true, records: 2, minutes: 70, standing: 'met' });
    expect(byId.get(m2.id)).toEqual({ personId: m2.id, reported: true, records: 1, minutes: 120, standing: 'short' });
    expect(byId.get(m3.id)).toEqual({ personId: m3.id, reported: false, records: 0, minutes: 0, standing: 'unreported' });

    const ineligible = new Map((await ineligibleOrgs(ctxOf(), Y)).map((o) => [o.orgId, o]));
    expect(ineligible.has(orgA.id)).toBe(false);
    expect(ineligible.get(orgB.id)).toEqual({ orgId: orgB.id, standing: 'unpaired', records: 0 });
    expect(ineligible.get(orgC.id)).toEqual({ orgId: orgC.id, standing: 'short', records: 0 });

    // The dashboard's filter shows the unpaired organ; the year after, nobody has served yet.
    const unpaired = (await (await call('GET', P(`/pairing/compliance?year=${Y}&orgStanding=unpaired&limit=100`), { token: admin.token })).json()) as { orgs: { items: Array<{ org: { id: string }; eligible: boolean }> } };
    expect(unpaired.orgs.items.find((o) => o.org.id === orgB.id)?.eligible).toBe(false);
    // The members' table names each member and the member's own organization.
    const met = (await (await call('GET', P(`/pairing/compliance?year=${Y}&memberStanding=met&limit=100`), { token: admin.token })).json()) as {
      members: { items: Array<{ person: { id: string; name: string }; homeOrg: { id: string; name: string } | null }> };
    };
    const row = met.members.items.find((m) => m.person.id === m1.id);
    expect({ person: row?.person, homeOrg: row?.homeOrg }).toEqual({ person: { id: m1.id, name: m1.name }, homeOrg: { id: orgA.id, name: orgA.name } });
    const next = await memberCompliance(ctxOf(), Y + 1, [m1.id]);
    expect(next[0]).toMatchObject({ reported: true, records: 0, standing: 'short' });
  });

  it('exports both tables as a workbook', async () => {
    const res = await call('GET', P(`/pairing/compliance/export?year=${Y}`), { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('a year without a standard reads the documented defaults; only the county sets it', async () => {
    const std = (await (await call('GET', P('/pairing/standards/2030'), { token: admin.token })).json()) as Record<string, unknown>;
    expect(std).toEqual({ year: 2030, memberMinRecords: 2, memberMinMinutes: 240, orgMinRecords: 4, isSet: false, version: 0 });
    const reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }]);
    await refused(await call('PUT', P('/pairing/standards/2030'), { token: reviewer.token, body: { memberMinRecords: 1, memberMinMinutes: 0, orgMinRecords: 1 } }), 403, 'forbidden');
  });
});

describe('我的报到 (a member on the phone)', () => {
  it('an in-service member reports themself once and sees the community and the records', async () => {
    const member = await makeUser([{ tenant: T, role: 'member' }]);
    const me = await makePairingPerson(T, { userId: member.id, homeOrgId: organ.id });
    const first = await call('POST', P('/my/reports'), { token: member.token, body: { communityOrgId: community.id } });
    expect(first.status, await first.clone().text()).toBe(201);
    expect((await call('POST', P('/my/reports'), { token: member.token, body: { communityOrgId: community.id } })).status).toBe(200);
    const page = (await (await call('GET', P('/my/reports'), { token: member.token })).json()) as { reports: Array<{ person: { id: string }; community: { id: string } }>; records: unknown[] };
    expect(page.reports.map((r) => [r.person.id, r.community.id])).toEqual([[me.id, community.id]]);
    expect(page.records).toEqual([]);
    // Staff lists are not the member's.
    await refused(await call('GET', P('/pairings'), { token: member.token }), 403, 'forbidden');
  });

  it('an account that is nobody in the registry gets a 404 in Chinese', async () => {
    const stranger = await makeUser([{ tenant: T, role: 'member' }]);
    const res = await call('GET', P('/my/reports'), { token: stranger.token });
    const p = await refused(res, 404, 'not_found');
    expect(JSON.stringify(p)).toMatch(/党员/);
  });
});
