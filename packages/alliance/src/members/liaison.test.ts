import { beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '@ronghe/schema';
import { makeAlliance, type MadeAlliance } from '../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';
import { makePerson } from '../../../../test/support/people-factories.ts';

// Seed 000 11.1.2 with the people registry (issue 11): each current member
// organization's liaison is a party member of that organization, chosen from
// the registry; name, phone and party membership come from the person.

const T = 'balinyou';
const uniq = () => Math.random().toString(36).slice(2, 8);

let committee: Organization;
let lead: Organization;
let member: Organization;
let made: MadeAlliance;
let admin: TestUser;

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道', name: `大板街道党工委${uniq()}` });
  lead = await makeOrg(T, { parent: committee, name: `联络测试社区党委${uniq()}` });
  member = await makeOrg(T, { domain: '机关', name: `旗林草局党支部${uniq()}` });
  made = await makeAlliance(T, { lead, committee, status: 'active', members: [member] });
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
});

const memberRow = () => made.members.find((m) => m.orgId === member.id)!;
let version = 0;
async function setLiaison(token: string, body: Record<string, unknown>) {
  const row = memberRow();
  const current = row.version + version;
  return call('PATCH', `/api/t/${T}/alliances/${made.alliance.id}/members/${row.id}`, { token, body, headers: { 'if-match': `"v${current}"` } });
}
async function refusal(res: Response, message: string) {
  const text = await res.clone().text();
  expect(res.status, text).toBe(422);
  const p = (await res.json()) as { code: string; errors: Array<{ path: string; message: string }> };
  expect(p.code).toBe('validation_failed');
  expect(p.errors[0]).toMatchObject({ path: 'body.liaisonPersonId' });
  expect(p.errors[0]!.message).toContain(message);
}

describe('alliance liaisons from the people registry', () => {
  it('a party member of the member organization (or a branch under it) becomes its liaison, name and phone copied', async () => {
    const branchUnder = await makeOrg(T, { parent: member, name: `林草局机关第一党小组${uniq()}` });
    const person = await makePerson(T, { homeOrgId: branchUnder.id, name: '乌云其其格', phone: '13514760123' });
    const res = await setLiaison(admin.token, { liaisonPersonId: person.id });
    expect(res.status, await res.clone().text()).toBe(200);
    version++;
    const detail = (await res.json()) as { members: Array<{ orgId: string; liaisonName: string; liaisonPhone: string; liaisonPartyMember: boolean; liaisonPersonId: string }> };
    expect(detail.members.find((m) => m.orgId === member.id)).toMatchObject({ liaisonPersonId: person.id, liaisonName: '乌云其其格', liaisonPhone: '13514760123', liaisonPartyMember: true });
  });

  it('refuses a person of another organization, a volunteer and a person who has left, naming the field', async () => {
    await refusal(await setLiaison(admin.token, { liaisonPersonId: (await makePerson(T, { homeOrgId: lead.id })).id }), '须是');
    await refusal(await setLiaison(admin.token, { liaisonPersonId: (await makePerson(T, { homeOrgId: member.id, kind: 'volunteer', partyStanding: null })).id }), '志愿者');
    await refusal(await setLiaison(admin.token, { liaisonPersonId: (await makePerson(T, { homeOrgId: member.id, status: 'left', leftOn: '2026-01-01', leftReason: '转出' })).id }), '已转出');
    await refusal(await setLiaison(admin.token, { liaisonPersonId: (await makePerson('aohan', { homeOrgId: member.id })).id }), '不在人员库');
  });

  it('a liaison typed by hand, as before the registry, unlinks the person', async () => {
    const res = await setLiaison(admin.token, { liaisonName: '包文明', liaisonPhone: '13614760000', liaisonPartyMember: true });
    expect(res.status, await res.clone().text()).toBe(200);
    version++;
    const detail = (await res.json()) as { members: Array<{ orgId: string; liaisonName: string; liaisonPersonId: string | null }> };
    expect(detail.members.find((m) => m.orgId === member.id)).toMatchObject({ liaisonName: '包文明', liaisonPersonId: null });
  });

  it('adding a member to a draft alliance takes the liaison from the registry too', async () => {
    const draft = await makeAlliance(T, { lead, committee, status: 'draft' });
    const newcomer = await makeOrg(T, { domain: '非公有制企业', name: `草原物流公司党支部${uniq()}` });
    const person = await makePerson(T, { homeOrgId: newcomer.id, name: '那顺', phone: '13804760077' });
    const res = await call('POST', `/api/t/${T}/alliances/${draft.alliance.id}/members`, {
      token: admin.token,
      body: { orgId: newcomer.id, liaisonPersonId: person.id },
      headers: { 'if-match': `"v${draft.alliance.version}"` },
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    const detail = (await res.json()) as { members: Array<{ orgId: string; liaisonName: string; liaisonPhone: string; liaisonPersonId: string }> };
    expect(detail.members.find((m) => m.orgId === newcomer.id)).toMatchObject({ liaisonPersonId: person.id, liaisonName: '那顺', liaisonPhone: '13804760077' });
  });
  it('a liaison who later leaves the registry, or moves to another organization, lapses: the running checks name it again', async () => {
    const person = await makePerson(T, { homeOrgId: member.id, name: '其木格' });
    const set = await setLiaison(admin.token, { liaisonPersonId: person.id });
    expect(set.status, await set.clone().text()).toBe(200);
    version++;
    const running = async () =>
      ((await (await call('GET', `/api/t/${T}/alliances/${made.alliance.id}`, { token: admin.token })).json()) as { checks: { running: Array<{ message: string }> } }).checks.running
        .map((r) => r.message)
        .filter((m) => m.includes('其木格'));
    expect(await running()).toEqual([]);
    const left = await call('POST', `/api/t/${T}/people/${person.id}/leave`, { token: admin.token, body: { reason: '转往外旗工作' }, headers: { 'if-match': '"v1"' } });
    expect(left.status, await left.clone().text()).toBe(200);
    expect(await running()).toEqual([expect.stringContaining('已转出或不再是该单位党员')]);

    const mover = await makePerson(T, { homeOrgId: member.id, name: '其木格' });
    const reset = await setLiaison(admin.token, { liaisonPersonId: mover.id });
    expect(reset.status, await reset.clone().text()).toBe(200);
    version++;
    expect(await running()).toEqual([]);
    const moved = await call('PATCH', `/api/t/${T}/people/${mover.id}`, { token: admin.token, body: { homeOrgId: lead.id }, headers: { 'if-match': '"v1"' } });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await running()).toEqual([expect.stringContaining('已转出或不再是该单位党员')]);
  });
});
