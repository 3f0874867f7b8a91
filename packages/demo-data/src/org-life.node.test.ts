import { beforeAll, describe, expect, it } from 'vitest';
import { ORG_LIFE_PERIOD_MONTHS } from '../../../schema/enums.ts';
import { DEMO_TODAY } from './alliances.ts';
import { chifengDemo } from './chifeng-demo.ts';
import { buildMeetings } from './meetings.ts';
import { buildOrgLife, DEMO_ORG_LIFE_STANDARDS } from './org-life.ts';
import { rngFrom } from './prng.ts';
import type { DemoData, DemoPerson, PeopleDemoInput, TenantDemoData } from './types.ts';

// A year of branch organizational life and of joint meetings, checked against
// the server's rules restated here (not imported from the generator): branch
// only, attendees of the branch, nothing in the future; compliance by ended
// periods; decisions owned by current members, deadlines after the meeting.

let base: DemoData;
const inputs: PeopleDemoInput[] = [];

/** Stand-in registry: each branch's members (the people lane generates the real ones; the generators only read ids and homes). */
function peopleOf(t: TenantDemoData): DemoPerson[] {
  const out: DemoPerson[] = [];
  for (const o of t.orgs) {
    if (o.kind !== '党支部' && o.kind !== '联合党支部') continue;
    for (let i = 0; i < Math.min(12, Math.max(3, o.memberCount)); i++) {
      out.push({ id: `psn_${o.id.slice(4)}_${i}`, name: `党员${i}`, kind: 'party_member', partyStanding: '正式', homeOrgId: o.id, inService: false, workUnit: null, skills: [], phone: null, idNumber: null, userId: null, status: 'active', version: 1, createdAt: 0, updatedAt: 0 });
    }
  }
  return out;
}

beforeAll(() => {
  base = chifengDemo();
  for (const t of base.tenants.filter((x) => x.tenant.kind === 'county').slice(0, 3)) {
    inputs.push({ tenant: t.tenant, orgs: t.orgs, alliances: t.alliances, lists: t.lists, people: peopleOf(t), rng: rngFrom(`demo:${t.tenant.slug}:org-life`), today: DEMO_TODAY });
  }
}, 60_000);

describe('organizational life demo', { timeout: 60_000 }, () => {
  it('one row per meeting of a branch, attendees of that branch, within the demo year and not after today; mostly compliant, some behind', () => {
    const year = Number(DEMO_TODAY.slice(0, 4));
    const nowMonth = Number(DEMO_TODAY.slice(5, 7)) - 1;
    for (const input of inputs) {
      const { standards, records } = buildOrgLife({ ...input, rng: rngFrom(`demo:${input.tenant.slug}:org-life`) });
      const branches = input.orgs.filter((o) => o.kind === '党支部' || o.kind === '联合党支部');
      const home = new Map(input.people.map((p) => [p.id, p.homeOrgId]));
      // Row counts for the report: ~40 a branch.
      console.info(`${input.tenant.slug}: ${branches.length} branches, ${records.length} org-life rows (${(records.length / Math.max(1, branches.length)).toFixed(1)} a branch), ${standards.length} standard rows`);
      expect(standards.map((s) => s.kind).sort()).toEqual(DEMO_ORG_LIFE_STANDARDS.map((s) => s.kind).sort());
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      const branchIds = new Set(branches.map((b) => b.id));
      for (const r of records) {
        expect(branchIds.has(r.orgId)).toBe(true);
        expect(r.heldOn >= `${year}-01-01` && r.heldOn <= DEMO_TODAY).toBe(true);
        for (const a of r.attendeeIds) expect(home.get(a)).toBe(r.orgId);
        // Attendees are named from the month before today's (ORG_LIFE_NAMED_MONTHS); earlier rows carry the count only.
        if (r.heldOn >= '2026-10-01') expect(r.presentCount).toBe(r.attendeeIds.length);
        else expect(r.attendeeIds).toEqual([]);
        expect(r.presentCount).toBeLessThanOrEqual(r.expectedCount);
      }
      // Compliance by ended periods, restated: every ended period holds ≥ times meetings of the kind.
      const held = new Map<string, number>();
      for (const r of records) {
        const months = ORG_LIFE_PERIOD_MONTHS[DEMO_ORG_LIFE_STANDARDS.find((s) => s.kind === r.kind)!.period];
        const key = `${r.orgId}|${r.kind}|${Math.floor((Number(r.heldOn.slice(5, 7)) - 1) / months)}`;
        held.set(key, (held.get(key) ?? 0) + 1);
      }
      const met = branches.filter((b) =>
        DEMO_ORG_LIFE_STANDARDS.every((s) => {
          const months = ORG_LIFE_PERIOD_MONTHS[s.period];
          const due = Math.floor(nowMonth / months);
          for (let p = 0; p < due; p++) if ((held.get(`${b.id}|${s.kind}|${p}`) ?? 0) < s.times) return false;
          return true;
        }),
      ).length;
      expect(met / branches.length).toBeGreaterThan(0.75);
      expect(met).toBeLessThan(branches.length);
    }
  });
});

describe('joint meetings demo', { timeout: 60_000 }, () => {
  it('quarterly for running alliances with a few missed quarters; decisions owned by current members, due after the meeting, some overdue', () => {
    const year = Number(DEMO_TODAY.slice(0, 4));
    const endedQuarters = Math.floor((Number(DEMO_TODAY.slice(5, 7)) - 1) / 3);
    let missed = 0;
    let overdue = 0;
    for (const input of inputs) {
      const { meetings, decisions } = buildMeetings({ ...input, rng: rngFrom(`demo:${input.tenant.slug}:meetings`) });
      console.info(`${input.tenant.slug}: ${meetings.length} meetings, ${decisions.length} decisions`);
      const running = new Map(input.alliances.alliances.filter((a) => a.status === 'active' || a.status === 'rectifying').map((a) => [a.id, a]));
      const current = new Set(input.alliances.members.filter((m) => !m.leftOn).map((m) => `${m.allianceId}|${m.orgId}`));
      const byId = new Map(meetings.map((m) => [m.id, m]));
      for (const m of meetings) {
        expect(running.has(m.allianceId)).toBe(true);
        expect(m.heldOn >= `${year}-01-01` && m.heldOn <= DEMO_TODAY).toBe(true);
        for (const o of m.attendeeOrgIds) expect(current.has(`${m.allianceId}|${o}`)).toBe(true);
      }
      for (const d of decisions) {
        const m = byId.get(d.meetingId)!;
        expect(d.allianceId).toBe(m.allianceId);
        expect(current.has(`${d.allianceId}|${d.ownerOrgId}`)).toBe(true);
        expect(d.dueOn >= m.heldOn).toBe(true);
        expect(d.status === 'done').toBe(d.doneOn !== null);
        if (d.doneOn) expect(d.doneOn <= DEMO_TODAY && d.doneOn >= m.heldOn).toBe(true);
        if (d.status === 'open' && d.dueOn < DEMO_TODAY) overdue++;
      }
      for (const a of running.values()) {
        if (a.startedOn && a.startedOn > `${year}-01-01`) continue;
        for (let q = 0; q < endedQuarters; q++) {
          if (!meetings.some((m) => m.allianceId === a.id && Math.floor((Number(m.heldOn.slice(5, 7)) - 1) / 3) === q)) missed++;
        }
      }
    }
    expect(missed).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);
  });
});
