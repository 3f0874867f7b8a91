import { openDb, systemClock } from '@ronghe/core';
import { users as usersTable } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { notify, type NotifyCtx } from './notify.ts';
import { RECIPIENTS, type DomainEvent, type EventData, type EventType } from './recipients.ts';

// Who receives what, written out by hand from the README's role descriptions
// (the approving committee's reviewer decides applications and adjustments;
// the lead's secretary runs the alliance, confirms claims and accepts projects;
// the member's liaison carries out its organization's work; the county
// administrator receives filings and supervises) — not read from RECIPIENTS.
const T = 'kalaqin';
const ctx = (): NotifyCtx => ({ db: openDb(bindings[findTenant(T)!.binding]!), control: openDb(bindings.DB_CONTROL!), clock: systemClock });

// Organizations are named by id only: the consumer resolves people from grants, not from the registry.
const COMMITTEE = 'org_wb_committee';
const LEAD = 'org_wb_lead';
const CLAIMANT = 'org_wb_claimant';
const ALLIANCE = 'aln_wb_alliance';

type Who = 'reviewer' | 'otherReviewer' | 'leadAdmin' | 'allianceGranted' | 'otherLeadAdmin' | 'liaison' | 'otherLiaison' | 'county' | 'actingCounty' | 'disabledCounty' | 'foreignCounty' | 'member';
let people: Record<Who, TestUser>;

beforeAll(async () => {
  const u = (grants: Parameters<typeof makeUser>[0]) => makeUser(grants, { login: false });
  people = {
    reviewer: await u([{ tenant: T, role: 'committee_reviewer', scopeOrgId: COMMITTEE }]),
    otherReviewer: await u([{ tenant: T, role: 'committee_reviewer', scopeOrgId: 'org_wb_other_committee' }]),
    leadAdmin: await u([{ tenant: T, role: 'alliance_admin', scopeOrgId: LEAD }]),
    allianceGranted: await u([{ tenant: T, role: 'alliance_admin', scopeAllianceId: ALLIANCE }]),
    otherLeadAdmin: await u([{ tenant: T, role: 'alliance_admin', scopeOrgId: 'org_wb_other_lead' }]),
    liaison: await u([{ tenant: T, role: 'org_liaison', scopeOrgId: CLAIMANT }]),
    otherLiaison: await u([{ tenant: T, role: 'org_liaison', scopeOrgId: LEAD }]),
    county: await u([{ tenant: T, role: 'county_admin' }]),
    actingCounty: await u([{ tenant: T, role: 'county_admin' }]),
    disabledCounty: await u([{ tenant: T, role: 'county_admin' }]),
    foreignCounty: await u([{ tenant: 'aohan', role: 'county_admin' }]),
    member: await u([{ tenant: T, role: 'member' }]),
  };
  await openDb(bindings.DB_CONTROL!).update(usersTable).set({ status: 'disabled' }).where(eq(usersTable.id, people.disabledCounty.id));
});

const alliance = { name: '铁南社区党建联合体', leadOrgId: LEAD, committeeOrgId: COMMITTEE };
const project = { title: '独居老人助餐', allianceId: ALLIANCE, leadOrgId: LEAD };
const claim = { ...project, claimId: 'pcl_wb', claimOrgId: CLAIMANT };
const LEADS: Who[] = ['leadAdmin', 'allianceGranted'];

/** Per event type: what it carries, who is told (by hand), and the title they read. */
const EXPECTED: { [T in EventType]: Array<{ label: string; data: EventData[T]; to: Who[]; title: string | null }> } = {
  'alliance.applied': [{ label: '', data: alliance, to: ['reviewer'], title: '联合体申请待审批：铁南社区党建联合体' }],
  'alliance.approved': [{ label: '', data: alliance, to: LEADS, title: '联合体已批准：铁南社区党建联合体' }],
  'alliance.rejected': [{ label: '', data: alliance, to: LEADS, title: '联合体申请已退回：铁南社区党建联合体' }],
  'alliance.rectified': [{ label: '', data: alliance, to: LEADS, title: '联合体被责令整顿：铁南社区党建联合体' }],
  'alliance.restored': [{ label: '', data: alliance, to: LEADS, title: '联合体已恢复运行：铁南社区党建联合体' }],
  'alliance.dissolved': [{ label: '', data: alliance, to: LEADS, title: '联合体已撤销：铁南社区党建联合体' }],
  'alliance.adjustment_proposed': [{ label: '', data: { ...alliance, adjustmentId: 'adj_wb' }, to: ['reviewer'], title: '联合体调整待审批：铁南社区党建联合体' }],
  'alliance.adjustment_approved': [{ label: '', data: { ...alliance, adjustmentId: 'adj_wb' }, to: LEADS, title: '联合体调整已同意：铁南社区党建联合体' }],
  'alliance.adjustment_rejected': [{ label: '', data: { ...alliance, adjustmentId: 'adj_wb' }, to: LEADS, title: '联合体调整未同意：铁南社区党建联合体' }],
  // The acting county administrator is not told of its own act; a disabled account and another county's are not told at all.
  'filing.submitted': [{ label: '', data: { title: '关于同意组建的批复', allianceName: '铁南社区党建联合体' }, to: ['county'], title: '新的备案待签收：铁南社区党建联合体' }],
  'claim.submitted': [{ label: '', data: claim, to: LEADS, title: '项目认领待确认：独居老人助餐' }],
  'claim.confirmed': [{ label: '', data: claim, to: ['liaison'], title: '你的认领已确认：独居老人助餐' }],
  'claim.declined': [{ label: '', data: claim, to: ['liaison'], title: '你的认领未被确认：独居老人助餐' }],
  'project.completed': [{ label: '', data: project, to: LEADS, title: '项目已完成待验收：独居老人助餐' }],
  'project.accepted': [{ label: '', data: { ...project, claimOrgIds: [CLAIMANT] }, to: ['liaison'], title: '项目已验收：独居老人助餐' }],
  'project.warning_raised': [
    { label: 'red', data: { ...project, level: 'red', committeeOrgId: COMMITTEE }, to: [...LEADS, 'county'], title: '项目出现红色预警：独居老人助餐' },
    { label: 'yellow', data: { ...project, level: 'yellow', committeeOrgId: COMMITTEE }, to: [], title: null },
  ],
  'project.escalated': [{ label: '', data: { ...project, committeeOrgId: COMMITTEE }, to: [...LEADS, 'reviewer'], title: '逾期项目已上报督办：独居老人助餐' }],
  'supervision.note_added': [{ label: '', data: { ...project, addressedOrgIds: [CLAIMANT] }, to: ['liaison'], title: '收到督办意见：独居老人助餐' }],
};

const AGGREGATE: Record<string, string> = { alliance: ALLIANCE, filing: 'fil_wb', claim: 'prj_wb', project: 'prj_wb', supervision: 'prj_wb' };
let seq = 0;
function event<K extends EventType>(type: K, data: EventData[K]): DomainEvent<K> {
  const head = type.split('.')[0]!;
  const aggregateType = head === 'claim' || head === 'supervision' ? 'project' : head;
  return { id: `evt_wb_${++seq}_${Date.now()}`, type, tenant: T, aggregate: { type: aggregateType, id: AGGREGATE[head]! }, actor: { userId: people.actingCounty.id, role: 'county_admin' }, at: Date.now(), data };
}

interface Row {
  recipient_id: string;
  title: string;
  link: string;
  kind: string;
}
const rowsOf = async (eventId: string) =>
  (await bindings[findTenant(T)!.binding]!.prepare('SELECT recipient_id, title, link, kind FROM notifications WHERE event_id = ? ORDER BY recipient_id').bind(eventId).all<Row>()).results;

describe('who receives what', () => {
  it('has a hand-written expectation for every event type the table lists, and no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(RECIPIENTS).sort());
  });

  for (const [type, cases] of Object.entries(EXPECTED) as Array<[EventType, (typeof EXPECTED)[EventType]]>) {
    for (const c of cases) {
      it(`${type}${c.label ? ` (${c.label})` : ''} → ${c.to.join(', ') || 'nobody'}`, async () => {
        const e = event(type, c.data as never);
        const res = await notify({ ctx: ctx(), event: e });
        const expected = c.to.map((w) => people[w].id).sort();
        expect(res).toEqual({ duplicate: false, recipients: expected });
        const rows = await rowsOf(e.id);
        expect(rows.map((r) => r.recipient_id)).toEqual(expected);
        for (const r of rows) {
          expect(r.title).toBe(c.title);
          expect(r.kind).toBe(type);
          expect(r.link).toMatch(new RegExp(`^/t/${T}/(alliances|projects|filings)`));
        }
      });
    }
  }

  it('links to the object: an alliance event to the alliance, a claim to its project, a filing to the inbox', async () => {
    const a = event('alliance.approved', alliance);
    const c = event('claim.confirmed', claim);
    const f = event('filing.submitted', { title: '批复', allianceName: '铁南社区党建联合体' });
    for (const e of [a, c, f]) await notify({ ctx: ctx(), event: e });
    expect((await rowsOf(a.id))[0]!.link).toBe(`/t/${T}/alliances/${ALLIANCE}`);
    expect((await rowsOf(c.id))[0]!.link).toBe(`/t/${T}/projects/prj_wb`);
    expect((await rowsOf(f.id))[0]!.link).toBe(`/t/${T}/filings?state=unread`);
  });

  it('does not tell people of what they did themselves', async () => {
    const e = { ...event('alliance.approved', alliance), actor: { userId: people.leadAdmin.id, role: 'alliance_admin' } };
    expect((await notify({ ctx: ctx(), event: e })).recipients).toEqual([people.allianceGranted.id]);
  });
});

describe('idempotency by event id', () => {
  it('the same event twice leaves one message per person and says the second was a duplicate', async () => {
    const e = event('claim.confirmed', claim);
    expect((await notify({ ctx: ctx(), event: e })).duplicate).toBe(false);
    expect(await notify({ ctx: ctx(), event: e })).toEqual({ duplicate: true, recipients: [] });
    expect((await rowsOf(e.id)).map((r) => r.recipient_id)).toEqual([people.liaison.id]);
  });

  it('two deliveries at once still leave one message per person', async () => {
    const e = event('project.warning_raised', { ...project, level: 'red', committeeOrgId: COMMITTEE });
    await Promise.all([notify({ ctx: ctx(), event: e }), notify({ ctx: ctx(), event: e })]);
    expect((await rowsOf(e.id)).map((r) => r.recipient_id)).toEqual([people.leadAdmin.id, people.allianceGranted.id, people.county.id].sort());
  });

  it('an event nobody is told of is still marked processed', async () => {
    const e = event('project.warning_raised', { ...project, level: 'yellow', committeeOrgId: COMMITTEE });
    await notify({ ctx: ctx(), event: e });
    expect(await notify({ ctx: ctx(), event: e })).toEqual({ duplicate: true, recipients: [] });
  });
});
