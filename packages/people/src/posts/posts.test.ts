import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance } from '../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';
import { dayOffset, makeClaim, makePerson, makePost, personForUser } from '../../../../test/support/post-factories.ts';
import { bindings } from '../../../../test/support/worker.ts';

// 报到领岗 (issue 11; DOMAIN § People, posts and points): a community or an
// alliance defines posts; members claim them from their phones, alone or as a
// team by specialty; the owner approves or declines; members log service and
// the owner confirms it, which is what points are later awarded for.
const T = 'balinzuo';
const OTHER = 'alukeerqin';
const db = () => bindings[findTenant(T)!.binding]!;
const api = `/api/t/${T}`;

interface Problem { code: string; errors?: Array<{ path: string }> }
async function refused(res: Response, status: number, code: string, field?: string) {
  const text = await res.clone().text();
  expect(res.status, text).toBe(status);
  const p = (await res.json()) as Problem;
  expect(p.code, text).toBe(code);
  if (field) expect(p.errors?.map((e) => e.path), text).toContain(field);
}
const events = async (type: string, aggregateId: string) =>
  (await db().prepare('SELECT data FROM outbox WHERE type = ? AND aggregate_id = ?').bind(type, aggregateId).all<{ data: string }>()).results.map((r) => JSON.parse(r.data));

let community: { id: string };
let otherCommunity: { id: string };
let county: TestUser;
let owner: TestUser; // the community's liaison: owns its posts
let stranger: TestUser; // another community's liaison
let memberOf: (skills?: string[]) => Promise<{ user: TestUser; personId: string }>;

beforeAll(async () => {
  const street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  community = await makeOrg(T, { parent: street });
  otherCommunity = await makeOrg(T, { parent: street });
  county = await makeUser([{ tenant: T, role: 'county_admin' }]);
  owner = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: community.id }]);
  stranger = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: otherCommunity.id }]);
  memberOf = async (skills = []) => {
    const user = await makeUser([{ tenant: T, role: 'member' }]);
    const p = await personForUser(T, user.id, { homeOrgId: community.id, skills, name: '王秀英', phone: '13912345678' });
    return { user, personId: p.id };
  };
});

const postBody = (over: Record<string, unknown> = {}) => ({ ownerOrgId: community.id, title: '垃圾分类宣传岗', duties: '每周六上午在小区门口宣传垃圾分类', places: 3, startsOn: dayOffset(-5), endsOn: dayOffset(60), ...over });

describe('a member claims a post, logs service and the owner confirms it', () => {
  it('walks the whole way, with the fixed events and no personal data in them', async () => {
    const created = await call('POST', `${api}/posts`, { token: owner.token, body: postBody({ skills: ['宣讲'] }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const post = (await created.json()) as { id: string; claimable: boolean; taken: number };
    expect(post).toMatchObject({ claimable: true, taken: 0 });

    const m = await memberOf();
    const open = (await (await call('GET', `${api}/posts?open=1`, { token: m.user.token })).json()) as { items: Array<{ id: string }> };
    expect(open.items.map((p) => p.id)).toContain(post.id);

    const claimed = await call('POST', `${api}/my/posts/${post.id}/claims`, { token: m.user.token, body: { note: '周末有空' } });
    expect(claimed.status, await claimed.clone().text()).toBe(201);
    const mine = (await claimed.json()) as { claims: Array<{ id: string; status: string; post: { taken: number } }> };
    expect(mine.claims).toHaveLength(1);
    expect(mine.claims[0]).toMatchObject({ status: 'pending', post: { taken: 1 } });
    const claimId = mine.claims[0]!.id;

    // Claiming twice is refused; nothing is written.
    await refused(await call('POST', `${api}/my/posts/${post.id}/claims`, { token: m.user.token, body: {} }), 409, 'conflict');
    // Service before the owner approved is refused.
    await refused(await call('POST', `${api}/my/claims/${claimId}/service`, { token: m.user.token, body: { serviceDate: dayOffset(0), minutes: 60, description: '宣传' } }), 409, 'conflict');
    // Another community's liaison is not the owner.
    await refused(await call('POST', `${api}/posts/${post.id}/claims/${claimId}/decide`, { token: stranger.token, body: { decision: 'approve' } }), 403, 'forbidden');

    const approved = await call('POST', `${api}/posts/${post.id}/claims/${claimId}/decide`, { token: owner.token, body: { decision: 'approve' } });
    expect(approved.status, await approved.clone().text()).toBe(200);
    await refused(await call('POST', `${api}/posts/${post.id}/claims/${claimId}/decide`, { token: owner.token, body: { decision: 'decline', reason: '重复操作' } }), 409, 'conflict');
    expect(await events('post_claim.decided', claimId)).toEqual([{ claimId, postId: post.id, personId: m.personId, to: 'approved' }]);

    // Service: not in the future, not before the claim, not past 24 hours a day.
    const log = (body: Record<string, unknown>) => call('POST', `${api}/my/claims/${claimId}/service`, { token: m.user.token, body: { serviceDate: dayOffset(0), minutes: 120, description: '在小区门口宣传垃圾分类', ...body } });
    await refused(await log({ serviceDate: dayOffset(1) }), 422, 'validation_failed', 'body.serviceDate');
    await refused(await log({ serviceDate: dayOffset(-1) }), 422, 'validation_failed', 'body.serviceDate');
    const logged = await log({});
    expect(logged.status, await logged.clone().text()).toBe(201);
    await refused(await log({ minutes: 24 * 60 - 120 + 1 }), 422, 'validation_failed', 'body.minutes');
    const afterLog = (await logged.json()) as { claims: Array<{ serviceLogs: Array<{ id: string; status: string; minutes: number }> }>; confirmedMinutes: number };
    const serviceLogId = afterLog.claims[0]!.serviceLogs[0]!.id;
    expect(afterLog.confirmedMinutes).toBe(0);

    // Confirming is idempotent: the second confirmation writes nothing and emits no second event.
    const decide = (decision: string, reason?: string) => call('POST', `${api}/posts/${post.id}/service-logs/${serviceLogId}/decide`, { token: owner.token, body: { decision, reason } });
    await refused(await call('POST', `${api}/posts/${post.id}/service-logs/${serviceLogId}/decide`, { token: stranger.token, body: { decision: 'confirm' } }), 403, 'forbidden');
    expect((await decide('confirm')).status).toBe(200);
    expect((await decide('confirm')).status).toBe(200);
    expect(await events('service.confirmed', serviceLogId)).toEqual([{ serviceLogId, personId: m.personId, postId: post.id, minutes: 120 }]);
    await refused(await decide('reject', '记录不实'), 409, 'conflict');

    const page = (await (await call('GET', `${api}/my/posts`, { token: m.user.token })).json()) as { confirmedMinutes: number; claims: Array<{ status: string; serviceLogs: Array<{ status: string }> }> };
    expect(page.confirmedMinutes).toBe(120);
    expect(page.claims[0]).toMatchObject({ status: 'approved', serviceLogs: [{ status: 'confirmed' }] });

    // No event about this post carries the member's name or phone.
    const all = (await db().prepare("SELECT data FROM outbox WHERE type LIKE 'post%' OR type LIKE 'service.%'").all<{ data: string }>()).results.map((r) => r.data).join('\n');
    expect(all).not.toContain('王秀英');
    expect(all).not.toContain('13912345678');
  });
});

describe('refusals', () => {
  it('a closed, ended or full post cannot be claimed', async () => {
    const m = await memberOf();
    const closed = await makePost(T, { ownerOrgId: community.id }, { status: 'closed' });
    const ended = await makePost(T, { ownerOrgId: community.id }, { startsOn: dayOffset(-40), endsOn: dayOffset(-1) });
    const full = await makePost(T, { ownerOrgId: community.id }, { places: 1 });
    await makeClaim(T, full, (await makePerson(T)).id);
    for (const p of [closed, ended, full]) await refused(await call('POST', `${api}/my/posts/${p.id}/claims`, { token: m.user.token, body: {} }), 409, 'conflict');
    expect((await db().prepare('SELECT count(*) AS n FROM post_claims WHERE person_id = ?').bind(m.personId).first<{ n: number }>())!.n).toBe(0);
  });

  it('a decline needs a reason and gives the place back', async () => {
    const post = await makePost(T, { ownerOrgId: community.id }, { places: 1 });
    const claim = await makeClaim(T, post, (await makePerson(T)).id, { status: 'pending', decidedBy: null, decidedAt: null });
    const path = `${api}/posts/${post.id}/claims/${claim.id}/decide`;
    await refused(await call('POST', path, { token: owner.token, body: { decision: 'decline' } }), 422, 'validation_failed', 'body.reason');
    const res = await call('POST', path, { token: owner.token, body: { decision: 'decline', reason: '本岗位需要有宣讲经验' } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { post: { taken: number; claimable: boolean } }).post).toMatchObject({ taken: 0, claimable: true });
    expect(await events('post_claim.decided', claim.id)).toEqual([{ claimId: claim.id, postId: post.id, personId: claim.personId, to: 'declined' }]);
  });

  it('a post is set up only by its owner; places never drop below those taken', async () => {
    await refused(await call('POST', `${api}/posts`, { token: stranger.token, body: postBody() }), 403, 'forbidden');
    await refused(await call('POST', `${api}/posts`, { token: owner.token, body: postBody({ ownerOrgId: 'org_nope' }) }), 422, 'validation_failed', 'body.ownerOrgId');
    const post = await makePost(T, { ownerOrgId: community.id }, { places: 3 });
    await makeClaim(T, post, (await makePerson(T)).id);
    await makeClaim(T, post, (await makePerson(T)).id);
    await refused(await call('PATCH', `${api}/posts/${post.id}`, { token: owner.token, body: { places: 1 } }), 409, 'conflict', 'body.places');
    await refused(await call('PATCH', `${api}/posts/${post.id}`, { token: stranger.token, body: { places: 5 } }), 403, 'forbidden');
  });

  it("an alliance's posts belong to its lead's admin", async () => {
    const street = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const lead = await makeOrg(T, { parent: street });
    const a = await makeAlliance(T, { lead, committee: street, status: 'active' });
    const b = await makeAlliance(T, { lead: street, committee: street, status: 'active' });
    const admin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
    const mineRes = await call('POST', `${api}/posts`, { token: admin.token, body: postBody({ ownerOrgId: undefined, ownerAllianceId: a.alliance.id }) });
    expect(mineRes.status, await mineRes.clone().text()).toBe(201);
    expect(((await mineRes.json()) as { ownerName: string }).ownerName).toBe(a.alliance.name);
    await refused(await call('POST', `${api}/posts`, { token: admin.token, body: postBody({ ownerOrgId: undefined, ownerAllianceId: b.alliance.id }) }), 403, 'forbidden');
  });

  it('an account that is nobody in the registry has no /my pages', async () => {
    const nobody = await makeUser([{ tenant: T, role: 'member' }]);
    await refused(await call('GET', `${api}/my/posts`, { token: nobody.token }), 404, 'not_found');
  });

  it("a member cannot log service on someone else's claim", async () => {
    const m = await memberOf();
    const post = await makePost(T, { ownerOrgId: community.id });
    const other = await makeClaim(T, post, (await makePerson(T)).id);
    await refused(await call('POST', `${api}/my/claims/${other.id}/service`, { token: m.user.token, body: { serviceDate: dayOffset(0), minutes: 60, description: '宣传' } }), 404, 'not_found');
  });
});

describe('places and teams', () => {
  it('two members claiming the last place at once: exactly one wins', async () => {
    const post = await makePost(T, { ownerOrgId: community.id }, { places: 1 });
    const [a, b] = [await memberOf(), await memberOf()];
    const results = await Promise.all([a, b].map((m) => call('POST', `${api}/my/posts/${post.id}/claims`, { token: m.user.token, body: {} })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const row = await db().prepare('SELECT taken, (SELECT count(*) FROM post_claims WHERE post_id = ?1) AS claims FROM posts WHERE id = ?1').bind(post.id).first<{ taken: number; claims: number }>();
    expect(row).toEqual({ taken: 1, claims: 1 });
  });

  it('a team by specialty claims together: one claim per person, one group; places count every member', async () => {
    const post = await makePost(T, { ownerOrgId: community.id }, { places: 3, skills: ['医疗'] });
    const lead = await memberOf(['医疗']);
    const mate = await makePerson(T, { homeOrgId: community.id, skills: ['医疗', '驾驶'] });
    const elsewhere = await makePerson(T, { homeOrgId: otherCommunity.id, skills: ['医疗'] });
    const unskilled = await makePerson(T, { homeOrgId: community.id, skills: ['书法'] });
    const claim = (teamIds: string[]) => call('POST', `${api}/my/posts/${post.id}/claims`, { token: lead.user.token, body: { teamIds } });
    await refused(await claim([mate.id, elsewhere.id]), 422, 'validation_failed', 'body.teamIds.1');
    await refused(await claim([unskilled.id]), 422, 'validation_failed', 'body.teamIds.0');
    const tooMany = [mate.id, ...(await Promise.all([1, 2].map(() => makePerson(T, { homeOrgId: community.id, skills: ['医疗'] })))).map((p) => p.id)];
    await refused(await claim(tooMany), 409, 'conflict');
    const ok = await claim([mate.id]);
    expect(ok.status, await ok.clone().text()).toBe(201);
    const rows = (await db().prepare('SELECT person_id AS personId, group_id AS groupId, status FROM post_claims WHERE post_id = ? ORDER BY rowid').bind(post.id).all<{ personId: string; groupId: string; status: string }>()).results;
    expect(rows.map((r) => [r.personId, r.status])).toEqual([[lead.personId, 'pending'], [mate.id, 'pending']]);
    expect(new Set(rows.map((r) => r.groupId)).size).toBe(1);
    expect(rows[0]!.groupId).toBeTruthy();
    expect((await db().prepare('SELECT taken FROM posts WHERE id = ?').bind(post.id).first<{ taken: number }>())!.taken).toBe(2);
  });
});

describe('isolation', () => {
  it("another county's administrator cannot see or change this county's post", async () => {
    const post = await makePost(T, { ownerOrgId: community.id });
    const foreign = await makeUser([{ tenant: OTHER, role: 'county_admin' }]);
    await refused(await call('GET', `/api/t/${OTHER}/posts/${post.id}`, { token: foreign.token }), 404, 'not_found');
    await refused(await call('PATCH', `/api/t/${OTHER}/posts/${post.id}`, { token: foreign.token, body: { status: 'closed' } }), 404, 'not_found');
    const list = await (await call('GET', `/api/t/${OTHER}/posts`, { token: foreign.token })).text();
    expect(list).not.toContain(post.id);
    expect((await call('GET', `${api}/posts/${post.id}`, { token: county.token })).status).toBe(200);
  });
});
