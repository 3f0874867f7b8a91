import { newId } from '@ronghe/core';
import { applyOnce, EVENT_BY_TYPE, parseEvent, type EventEnvelope } from '@ronghe/events';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../test/support/alliance-factories.ts';
import { makeOrg, makeUser, type TestUser } from '../../../test/support/factories.ts';
import { makeProject, type MadeProject } from '../../../test/support/list-factories.ts';
import { makePerson, makePost } from '../../../test/support/post-factories.ts';
import { makeMeetingWithDecisions } from '../../../test/support/activity-factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { notificationsConsumer } from './notify.ts';
import { RECIPIENTS } from './recipients.ts';

// Who receives what, written out by hand from the README's role descriptions
// (the approving committee's reviewer decides applications and adjustments;
// the lead's secretary runs the alliance, confirms claims and accepts projects;
// the member's liaison carries out its organization's work; the county
// administrator receives filings and supervises) — not read from RECIPIENTS.
// Driven by real envelopes of the catalogue (ids only): the consumer reads the
// alliance's and the project's names and organizations from the database.
const T = 'kalaqin';
const db = () => bindings[findTenant(T)!.binding]!;
const env = bindings as unknown as Record<string, unknown>;

type Who = 'reviewer' | 'otherReviewer' | 'leadAdmin' | 'allianceGranted' | 'otherLeadAdmin' | 'liaison' | 'liaison2' | 'otherLiaison' | 'county' | 'actingCounty' | 'disabledCounty' | 'foreignCounty' | 'member';
let people: Record<Who, TestUser>;
let a: MadeAlliance;
let p: MadeProject;
let NAME = '';
let TITLE = '';
// Issue 11b: a post and two people (one signs in as `member`, one has no account); a joint meeting of `a`.
let POST = '';
let postId = '';
let memberPersonId = '';
let accountlessPersonId = '';
let meetingId = '';

beforeAll(async () => {
  const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  const lead = await makeOrg(T, { parent: committee });
  const claimant = await makeOrg(T, { domain: '机关', kind: '党支部' });
  const elsewhere = await makeOrg(T, { domain: '机关', kind: '党支部' });
  a = await makeAlliance(T, { lead, committee, status: 'active', members: [claimant] });
  // The lead's claim is confirmed (it carries the project out); `claimant`'s waits for the alliance (test/support/list-factories.ts).
  p = await makeProject(T, a, 'in_progress');
  NAME = a.alliance.name;
  TITLE = p.project.title;

  const u = (grants: Parameters<typeof makeUser>[0]) => makeUser(grants, { login: false });
  people = {
    reviewer: await u([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }]),
    otherReviewer: await u([{ tenant: T, role: 'committee_reviewer', scopeOrgId: elsewhere.id }]),
    leadAdmin: await u([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]),
    allianceGranted: await u([{ tenant: T, role: 'alliance_admin', scopeAllianceId: a.alliance.id }]),
    otherLeadAdmin: await u([{ tenant: T, role: 'alliance_admin', scopeOrgId: elsewhere.id }]),
    liaison: await u([{ tenant: T, role: 'org_liaison', scopeOrgId: lead.id }]),
    liaison2: await u([{ tenant: T, role: 'org_liaison', scopeOrgId: claimant.id }]),
    otherLiaison: await u([{ tenant: T, role: 'org_liaison', scopeOrgId: elsewhere.id }]),
    county: await u([{ tenant: T, role: 'county_admin' }]),
    actingCounty: await u([{ tenant: T, role: 'county_admin' }]),
    disabledCounty: await u([{ tenant: T, role: 'county_admin' }]),
    foreignCounty: await u([{ tenant: 'aohan', role: 'county_admin' }]),
    member: await u([{ tenant: T, role: 'member' }]),
  };
  await bindings.DB_CONTROL!.prepare("UPDATE users SET status = 'disabled' WHERE id = ?").bind(people.disabledCounty.id).run();

  const post = await makePost(T, { ownerOrgId: claimant.id });
  POST = post.title;
  postId = post.id;
  memberPersonId = (await makePerson(T, { userId: people.member.id })).id;
  accountlessPersonId = (await makePerson(T, { userId: null })).id;
  // A joint meeting assigning open decisions to the lead and `claimant` (twice); `elsewhere`'s decision is already done.
  ({ meetingId } = await makeMeetingWithDecisions(T, a.alliance.id, [
    { ownerOrgId: lead.id, dueOn: '2026-06-01' },
    { ownerOrgId: claimant.id, dueOn: '2026-06-01' },
    { ownerOrgId: claimant.id, dueOn: '2026-06-15' },
    { ownerOrgId: elsewhere.id, dueOn: '2026-06-01', doneOn: '2026-05-20' },
  ], '2026-05-01'));
});

/** A catalogue envelope, validated as the queue consumer validates it; the acting county administrator did it. */
function envelope(type: string, aggregateId: string, data: Record<string, unknown>, actor: Who = 'actingCounty'): EventEnvelope {
  const def = EVENT_BY_TYPE.get(type)!;
  return parseEvent({
    id: newId('evt'),
    type,
    version: def.version,
    tenant: T,
    aggregate: { type: def.aggregate, id: aggregateId },
    actor: { userId: people[actor].id, role: actor === 'actingCounty' ? 'county_admin' : 'alliance_admin' },
    at: Date.now(),
    requestId: 'req_notify_test',
    data,
  });
}

const transition = (from: string, to: string) => () => envelope(`alliance.${{ applied: 'applied', approved: 'approved', rejected: 'rejected', rectifying: 'rectification_ordered', active: 'restored', dissolved: 'dissolved' }[to]}`, a.alliance.id, { allianceId: a.alliance.id, from, to, onDate: '2026-05-01', documentId: null });
const projectEvent = (type: string, data: Record<string, unknown> = {}) => () => envelope(type, p.project.id, { projectId: p.project.id, ...data });

interface Case {
  label?: string;
  event: () => EventEnvelope;
  /** Who is told, and the title each reads (by hand). */
  to: () => Array<[Who, string]>;
  link: 'alliance' | 'project' | 'post' | 'meeting' | 'quotas' | 'webhooks';
}
const LEADS = (title: string): Array<[Who, string]> => [
  ['leadAdmin', title],
  ['allianceGranted', title],
];
// The acting county administrator is not told of its own act; a disabled account and another county's are not told at all.
const FILING = (): Array<[Who, string]> => [['county', `新的备案待签收：${NAME}`]];

const postEvent = (type: string, data: Record<string, unknown>, personId = memberPersonId) => () =>
  envelope(type, type === 'post_claim.decided' ? 'pcl_notify_test' : 'svl_notify_test', { ...(type === 'post_claim.decided' ? { claimId: 'pcl_notify_test' } : { serviceLogId: 'svl_notify_test' }), postId, personId, ...data }, 'leadAdmin');

const EXPECTED: Record<string, Case[]> = {
  'alliance.applied': [{ event: transition('draft', 'applied'), to: () => [['reviewer', `联合体申请待审批：${NAME}`]], link: 'alliance' }],
  'alliance.approved': [{ event: transition('applied', 'approved'), to: () => [...LEADS(`联合体已批准：${NAME}`), ...FILING()], link: 'alliance' }],
  'alliance.rejected': [{ event: transition('applied', 'rejected'), to: () => LEADS(`联合体申请已退回：${NAME}`), link: 'alliance' }],
  'alliance.rectification_ordered': [{ event: transition('active', 'rectifying'), to: () => [...LEADS(`联合体被责令整顿：${NAME}`), ...FILING()], link: 'alliance' }],
  'alliance.restored': [{ event: transition('rectifying', 'active'), to: () => [...LEADS(`联合体已恢复运行：${NAME}`), ...FILING()], link: 'alliance' }],
  'alliance.dissolved': [{ event: transition('active', 'dissolved'), to: () => [...LEADS(`联合体已撤销：${NAME}`), ...FILING()], link: 'alliance' }],
  'alliance.adjustment_proposed': [
    {
      event: () => envelope('alliance.adjustment_proposed', 'adj_notify_test', { adjustmentId: 'adj_notify_test', allianceId: a.alliance.id, kind: 'type_change' }),
      to: () => [['reviewer', `联合体调整待审批：${NAME}`]],
      link: 'alliance',
    },
  ],
  'alliance.adjustment_approved': [
    {
      event: () => envelope('alliance.adjustment_approved', a.alliance.id, { allianceId: a.alliance.id, adjustmentId: 'adj_notify_test', kind: 'type_change' }),
      to: () => [...LEADS(`联合体调整已同意：${NAME}`), ...FILING()],
      link: 'alliance',
    },
  ],
  'alliance.adjustment_rejected': [
    { event: () => envelope('alliance.adjustment_rejected', a.alliance.id, { allianceId: a.alliance.id, adjustmentId: 'adj_notify_test' }), to: () => LEADS(`联合体调整未同意：${NAME}`), link: 'alliance' },
  ],
  'claim.submitted': [{ event: () => projectEvent('claim.submitted', { claimId: p.pendingClaimId, orgId: null })(), to: () => LEADS(`项目认领待确认：${TITLE}`), link: 'project' }],
  'claim.confirmed': [{ event: () => projectEvent('claim.confirmed', { claimId: p.claimId, projectFrom: 'proposed', projectTo: 'claimed' })(), to: () => [['liaison', `你的认领已确认：${TITLE}`]], link: 'project' }],
  'claim.declined': [{ event: () => projectEvent('claim.declined', { claimId: p.pendingClaimId })(), to: () => [['liaison2', `你的认领未被确认：${TITLE}`]], link: 'project' }],
  'project.completed': [{ event: projectEvent('project.completed', { from: 'in_progress', to: 'completed' }), to: () => LEADS(`项目已完成待验收：${TITLE}`), link: 'project' }],
  'project.accepted': [{ event: projectEvent('project.accepted', { from: 'completed', to: 'accepted' }), to: () => [['liaison', `项目已验收：${TITLE}`]], link: 'project' }],
  'project.supervision_note_added': [{ event: projectEvent('project.supervision_note_added'), to: () => [['liaison', `收到督办意见：${TITLE}`]], link: 'project' }],
  // Issue 11b: the member hears about their own claim and service (their account only); the liaisons of the organizations a meeting assigned decisions to.
  'post_claim.decided': [
    { label: 'approved', event: () => postEvent('post_claim.decided', { to: 'approved' })(), to: () => [['member', `你的领岗申请已同意：${POST}`]], link: 'post' },
    { label: 'declined', event: () => postEvent('post_claim.decided', { to: 'declined' })(), to: () => [['member', `你的领岗申请未同意：${POST}`]], link: 'post' },
    { label: 'a person without an account', event: () => postEvent('post_claim.decided', { to: 'approved' }, accountlessPersonId)(), to: () => [], link: 'post' },
  ],
  'service.confirmed': [{ event: () => postEvent('service.confirmed', { minutes: 120 })(), to: () => [['member', `你的岗位服务记录已确认：${POST}`]], link: 'post' }],
  'service.rejected': [{ event: () => postEvent('service.rejected', {})(), to: () => [['member', `你的岗位服务记录未被确认：${POST}`]], link: 'post' }],
  'meeting.recorded': [
    {
      event: () => envelope('meeting.recorded', meetingId, { meetingId, allianceId: a.alliance.id, heldOn: '2026-05-01', decisionIds: [] }, 'leadAdmin'),
      to: () => [
        ['liaison', `联席会议交办了决定事项：${NAME}`],
        ['liaison2', `联席会议交办了决定事项：${NAME}`],
      ],
      link: 'meeting',
    },
  ],
  // The daily job's quota reminder: the lead's secretaries, with the kinds by their Chinese names (schema/enums.ts ACTIVITY_KIND_LABELS), to the quota table.
  'activity_quota.reminded': [
    {
      label: 'behind',
      event: () => envelope('activity_quota.reminded', 'aqr_notify_test', { allianceId: a.alliance.id, year: 2026, month: '2026-06', standing: 'behind', kinds: ['joint_visit', 'party_lesson'] }),
      to: () => LEADS(`年度活动考核未完成：${NAME}（联合走访慰问、书记讲党课）`),
      link: 'quotas',
    },
    {
      label: 'at risk',
      event: () => envelope('activity_quota.reminded', 'aqr_notify_test2', { allianceId: a.alliance.id, year: 2026, month: '2026-06', standing: 'at_risk', kinds: ['joint_study'] }),
      to: () => LEADS(`年度活动考核有完不成的风险：${NAME}（联合学习（学习强国联合学习群））`),
      link: 'quotas',
    },
  ],
  // 回调 (issue 14, ADR 0028): an endpoint disabled after 10 consecutive failures (by the system) tells every active administrator of the county.
  'webhook.endpoint_auto_disabled': [
    {
      event: () => envelope('webhook.endpoint_auto_disabled', 'whe_notify_test', { endpointId: 'whe_notify_test', consecutiveFailures: 10 }, 'member'),
      to: () => [
        ['county', '回调地址连续 10 次投递失败，已自动停用'],
        ['actingCounty', '回调地址连续 10 次投递失败，已自动停用'],
      ],
      link: 'webhooks',
    },
  ],
  'project.warning_raised': [
    {
      label: 'turned red and escalated',
      event: projectEvent('project.warning_raised', { from: 'green', to: 'red', escalated: true }),
      to: () => [...LEADS(`项目出现红色预警：${TITLE}`), ['county', `项目出现红色预警：${TITLE}`], ['reviewer', `逾期项目已上报督办：${TITLE}`]],
      link: 'project',
    },
    {
      label: 'turned red',
      event: projectEvent('project.warning_raised', { from: 'yellow', to: 'red', escalated: false }),
      to: () => [...LEADS(`项目出现红色预警：${TITLE}`), ['county', `项目出现红色预警：${TITLE}`]],
      link: 'project',
    },
    { label: 'escalated while red', event: projectEvent('project.warning_raised', { from: 'red', to: 'red', escalated: true }), to: () => [['reviewer', `逾期项目已上报督办：${TITLE}`]], link: 'project' },
  ],
};

interface Row {
  recipient_id: string;
  title: string;
  link: string;
  kind: string;
  object_type: string;
  object_id: string;
}
const rowsOf = async (eventId: string) =>
  (await db().prepare('SELECT recipient_id, title, link, kind, object_type, object_id FROM notifications WHERE event_id = ? ORDER BY recipient_id').bind(eventId).all<Row>()).results;
const consume = (e: EventEnvelope) => applyOnce(notificationsConsumer, e, db(), env, Date.now());

describe('who receives what', () => {
  it('has a hand-written expectation for every event type the table lists, and the consumer takes exactly those catalogue events', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(RECIPIENTS).sort());
    expect([...notificationsConsumer.types].sort()).toEqual(Object.keys(RECIPIENTS).sort());
    for (const type of Object.keys(RECIPIENTS)) expect(EVENT_BY_TYPE.has(type), type).toBe(true);
  });

  for (const [type, cases] of Object.entries(EXPECTED)) {
    for (const c of cases) {
      it(`${type}${c.label ? ` (${c.label})` : ''}`, async () => {
        const e = c.event();
        expect(await consume(e)).toBe('done');
        const expected = c.to().map(([w, title]) => ({ recipient_id: people[w].id, title }));
        const rows = await rowsOf(e.id);
        expect(rows.map((r) => ({ recipient_id: r.recipient_id, title: r.title })).sort((x, y) => x.recipient_id.localeCompare(y.recipient_id))).toEqual(
          expected.sort((x, y) => x.recipient_id.localeCompare(y.recipient_id)),
        );
        for (const r of rows) {
          expect(r.kind).toBe(type);
          if (r.title.startsWith('新的备案待签收')) expect(r.link).toBe(`/t/${T}/filings?state=unread`);
          else if (c.link === 'post') expect([r.link, r.object_type, r.object_id]).toEqual([`/t/${T}/my/posts`, 'post', postId]);
          else if (c.link === 'quotas') expect([r.link, r.object_type, r.object_id]).toEqual([`/t/${T}/activity-compliance`, 'alliance', a.alliance.id]);
          else if (c.link === 'webhooks') expect([r.link, r.object_type, r.object_id]).toEqual([`/t/${T}/webhooks`, 'webhook_endpoint', 'whe_notify_test']);
          else if (c.link === 'meeting') expect([r.link, r.object_type, r.object_id]).toEqual([`/t/${T}/meetings?tab=decisions&status=open`, 'meeting', meetingId]);
          else if (c.link === 'alliance') expect([r.link, r.object_type, r.object_id]).toEqual([`/t/${T}/alliances/${a.alliance.id}`, 'alliance', a.alliance.id]);
          else expect([r.link, r.object_type, r.object_id]).toEqual([`/t/${T}/projects/${p.project.id}`, 'project', p.project.id]);
        }
      });
    }
  }

  it('a yellow warning tells nobody, and the event is still consumed', async () => {
    const e = projectEvent('project.warning_raised', { from: 'green', to: 'yellow', escalated: false })();
    expect(await consume(e)).toBe('done');
    expect(await rowsOf(e.id)).toEqual([]);
    expect(await consume(e)).toBe('already');
  });

  it('an event the table does not list is not the consumer’s', async () => {
    const e = projectEvent('project.updated', { changed: ['title'] })();
    expect(await consume(e)).toBe('skipped');
  });

  it('does not tell people of what they did themselves', async () => {
    const e = envelope('alliance.rejected', a.alliance.id, { allianceId: a.alliance.id, from: 'applied', to: 'rejected', onDate: '2026-05-01', documentId: null }, 'leadAdmin');
    await consume(e);
    expect((await rowsOf(e.id)).map((r) => r.recipient_id)).toEqual([people.allianceGranted.id]);
  });

  it('an alliance that no longer exists tells nobody', async () => {
    const e = envelope('alliance.applied', 'aln_gone', { allianceId: 'aln_gone', from: 'draft', to: 'applied', onDate: null, documentId: null });
    expect(await consume(e)).toBe('done');
    expect(await rowsOf(e.id)).toEqual([]);
  });
});

describe('idempotency by event id', () => {
  it('the same event twice leaves one message per person', async () => {
    const e = projectEvent('claim.confirmed', { claimId: p.claimId, projectFrom: 'proposed', projectTo: 'claimed' })();
    expect(await consume(e)).toBe('done');
    expect(await consume(e)).toBe('already');
    expect((await rowsOf(e.id)).map((r) => r.recipient_id)).toEqual([people.liaison.id]);
  });

  it('two deliveries at once still leave one message per person', async () => {
    const e = projectEvent('project.warning_raised', { from: 'green', to: 'red', escalated: false })();
    const outcomes = await Promise.all([consume(e), consume(e)]);
    expect(outcomes.sort()).toEqual(['already', 'done']);
    expect((await rowsOf(e.id)).map((r) => r.recipient_id)).toEqual([people.leadAdmin.id, people.allianceGranted.id, people.county.id].sort());
  });
});
