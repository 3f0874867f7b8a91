import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUNTY_INDICATORS } from '../../assessment/src/schemes/defaults.ts';
import { allocate } from '../../rewards/src/allocate/allocate.ts';
import { chifengDemo } from './chifeng-demo.ts';
import { CITY_MERIT_TIERS, MERIT_YEAR, meritAlliances } from './merit.ts';
import type { DemoData, TenantDemoData } from './types.ts';

// Issue 12 § Demo data against the server's own rules: grades from scores and
// the scheme's thresholds (≥, hundredths), rated lines from their ratings, each
// round's lines equal to the engine's output for the stored inputs and summing
// to the allocated amount, paid rewards posted once to the alliances' ledgers,
// no ledger overdrawn, every 最强 branch standardized; and seed 001's orders of
// magnitude (hundreds of thousands of 元 per county).

let data: DemoData;
beforeAll(() => {
  data = chifengDemo();
}, 180_000);

type Rows = Record<string, any[]>;
const counties = () => data.tenants.filter((t) => t.tenant.kind === 'county') as TenantDemoData[];
const cityTenant = () => data.tenants.find((t) => t.tenant.kind === 'city') as TenantDemoData;
/** The city round's paid disbursements to a county's alliances. */
const cityPaidTo = (slug: string) => ((cityTenant().engagement as Rows).rewardDisbursements ?? []).filter((d) => d.status === 'paid' && d.recipientTenant === slug);
const grade = (score: number, t: { excellent: number; good: number; fair: number }) => (score >= t.excellent ? 'excellent' : score >= t.good ? 'good' : score >= t.fair ? 'fair' : 'poor');

describe('issue 12 demo data', { timeout: 60_000 }, () => {
  it('every running alliance has one finalized assessment; its grade follows its score and the scheme’s thresholds; the score is the weighted sum of its lines', () => {
    const grades: Record<string, number> = {};
    for (const t of counties()) {
      const e = t.engagement as Rows;
      const [scheme] = e.indicatorSchemes!;
      expect(e.indicatorSchemes).toHaveLength(1);
      expect(scheme).toMatchObject({ level: 'county', year: MERIT_YEAR, status: 'frozen' });
      const indicators = e.schemeIndicators!.filter((i) => i.schemeId === scheme.id);
      expect(indicators.map((i) => [i.name, i.weight, i.maxScore])).toEqual(DEFAULT_COUNTY_INDICATORS.map((i) => [i.name, i.weight, i.maxScore]));
      expect(new Set(e.assessments!.map((a) => a.allianceId))).toEqual(new Set(meritAlliances(t.alliances.alliances).map((a) => a.id)));
      const ratings = new Map<string, any[]>();
      for (const r of e.assessmentRatings!) ratings.set(`${r.assessmentId}|${r.raterGroup}`, [...(ratings.get(`${r.assessmentId}|${r.raterGroup}`) ?? []), r]);
      for (const a of e.assessments!) {
        expect(a.status).toBe('finalized');
        for (const g of ['committee', 'member', 'resident', 'department', 'member_org']) for (const r of ratings.get(`${a.id}|${g}`) ?? []) expect(r.createdAt).toBeLessThan(a.finalizedAt);
        const lines = e.assessmentScores!.filter((s) => s.assessmentId === a.id);
        expect(lines).toHaveLength(indicators.length);
        // Σ raw / (max × 100) × weight points, half up to the hundredth once (in ten-thousandths of a point, exact: every max is 10 or 100).
        let units = 0;
        for (const l of lines) {
          const i = indicators.find((x) => x.id === l.indicatorId)!;
          units += (l.raw * i.weight * 100) / i.maxScore; // an integer: max is 10 or 100
          const group = i.kind === 'rated' ? i.raterGroup : i.metric === 'member_org_satisfaction' ? 'member_org' : null;
          if (group) {
            const rs = ratings.get(`${a.id}|${group}`) ?? [];
            const sum = rs.reduce((s, r) => s + r.score, 0);
            // average ÷ 100 × max, in hundredths, half up
            expect(l.raw, `${a.id} ${group}`).toBe(rs.length ? Math.floor((2 * sum * i.maxScore * 100 + rs.length * 100) / (2 * rs.length * 100)) : 0);
          }
        }
        expect(a.score).toBe(Math.floor((units + 50) / 100));
        expect(a.grade).toBe(grade(a.score, scheme.thresholds));
        expect(a.consequences.rectification).toBe(a.grade === 'poor');
        expect(a.consequences.eligible).toBe(a.grade !== 'poor');
        grades[a.grade] = (grades[a.grade] ?? 0) + 1;
      }
    }
    // Most 良好, some 优秀, a few 一般 and 较差.
    const total = Object.values(grades).reduce((s, n) => s + n, 0);
    expect(grades.good! / total).toBeGreaterThan(0.4);
    expect(grades.excellent).toBeGreaterThan(0);
    expect(grades.fair).toBeGreaterThan(0);
    expect(grades.poor).toBeGreaterThan(0);
    expect(grades.good).toBeGreaterThan(Math.max(grades.excellent!, grades.fair!, grades.poor!));
  });

  it('one published county round per county: its lines are what allocate gives for the stored inputs and sum exactly to its allocated amount', () => {
    for (const t of counties()) {
      const e = t.engagement as Rows;
      expect(e.rewardRounds).toHaveLength(1);
      const [round] = e.rewardRounds!;
      expect(round).toMatchObject({ level: 'county', year: MERIT_YEAR, subject: 'alliance', status: 'published' });
      const lines = e.rewardAllocations!.filter((l) => l.roundId === round.id).sort((x, y) => x.position - y.position);
      const engine = allocate({ budgetFen: round.budgetFen, method: round.method, rules: round.rules, recipients: lines.map((l) => ({ id: l.recipientId, name: l.recipientName, facts: l.facts })) });
      expect(lines.map((l) => ({ id: l.recipientId, status: l.lineStatus, demandFen: l.demandFen, amountFen: l.amountFen, steps: l.steps }))).toEqual(
        engine.lines.map((l) => ({ id: l.id, status: l.status, demandFen: l.demandFen, amountFen: l.amountFen, steps: l.steps })),
      );
      expect(lines.reduce((s, l) => s + l.amountFen, 0)).toBe(round.allocatedFen);
      expect(round.allocatedFen).toBe(engine.allocatedFen);
      // Seed 001 orders of magnitude: hundreds of thousands of 元 per county (10⁷–10⁸ 分).
      expect(round.budgetFen).toBeGreaterThanOrEqual(5_000_000);
      expect(round.budgetFen).toBeLessThanOrEqual(200_000_000);
      // Facts as the service reads them: grade and score from the finalized assessment, no reward for 较差 or 整顿.
      const byAlliance = new Map(e.assessments!.map((a) => [a.allianceId, a]));
      for (const l of lines) {
        const a = byAlliance.get(l.recipientId);
        expect(l.facts.grade).toBe(a?.grade);
        if (!a || a.grade === 'poor') expect(l.amountFen).toBe(0);
      }
      // One disbursement per awarded line, of its amount; paid ones have a date and a voucher.
      const pays = e.rewardDisbursements!.filter((d) => d.roundId === round.id);
      expect(pays.map((d) => [d.recipientId, d.amountFen]).sort()).toEqual(lines.filter((l) => l.amountFen > 0).map((l) => [l.recipientId, l.amountFen]).sort());
      for (const d of pays) expect(d.status === 'paid').toBe(!!d.paidOn && !!d.voucherNo);
    }
  });

  it('each paid disbursement is one 上级拨 entry of its amount on the alliance’s ledger; ledgers never go below zero', () => {
    for (const t of counties()) {
      const e = t.engagement as Rows;
      const posted = e.fundEntries!.filter((f) => f.sourceKey.startsWith('reward:'));
      // The county's own paid awards and the city's paid awards to its alliances (ADR 0025), each posted once.
      const paid = [...e.rewardDisbursements!.filter((d) => d.status === 'paid'), ...cityPaidTo(t.tenant.slug)];
      expect(posted.map((f) => [f.sourceKey, f.allianceId, f.amountFen, f.occurredOn, f.source]).sort()).toEqual(paid.map((d) => [`reward:${d.id}`, d.recipientId, d.amountFen, d.paidOn, 'allocation']).sort());
      expect(new Set(e.fundEntries!.map((f) => f.sourceKey)).size).toBe(e.fundEntries!.length);
      const byAlliance = new Map<string, any[]>();
      for (const f of e.fundEntries!) byAlliance.set(f.allianceId, [...(byAlliance.get(f.allianceId) ?? []), f]);
      let contributing = 0;
      for (const [id, entries] of byAlliance) {
        let balance = 0;
        for (const f of [...entries].sort((x, y) => (x.occurredOn < y.occurredOn ? -1 : x.occurredOn > y.occurredOn ? 1 : x.createdAt - y.createdAt))) {
          balance += f.kind === 'income' ? f.amountFen : -f.amountFen;
          expect(balance, id).toBeGreaterThanOrEqual(0);
        }
        expect(entries.some((f) => f.source === 'party_fee'), id).toBe(true);
        // 各方筹 parts: each of a current member with its 出资比例, the call's parts in proportion (largest remainder, to the 分).
        const bp = new Map(t.alliances.members.filter((m) => m.allianceId === id && !m.leftOn).map((m) => [m.orgId, m.contributionBp]));
        const parts = entries.filter((f) => f.source === 'contribution');
        for (const f of parts) expect([f.contributionBp, f.sourceKey]).toEqual([bp.get(f.orgId), `call:${f.callId}:${f.orgId}`]);
        if (parts.length) {
          const total = parts.reduce((x, f) => x + f.amountFen, 0);
          const bpTotal = [...bp.values()].filter((b) => b > 0).reduce((x, b) => x + b, 0);
          for (const f of parts) expect(Math.abs(f.amountFen - (total * f.contributionBp) / bpTotal)).toBeLessThan(1);
        }
        // Every alliance whose members agreed ratios made its call (the service refuses one where all are 0).
        expect(parts.length > 0, id).toBe([...bp.values()].some((b) => b > 0));
        contributing += parts.length ? 1 : 0;
      }
      expect(contributing, t.tenant.slug).toBeGreaterThan(0);
    }
  });

  it('every 最强党支部 holds an accepted standardization of the year; designations follow the registry’s quality status', () => {
    for (const t of counties()) {
      const e = t.engagement as Rows;
      const orgs = new Map(t.orgs.map((o) => [o.id, o]));
      const accepted = new Map(e.branchStandardizations!.filter((s) => s.status === 'accepted' && s.year === MERIT_YEAR).map((s) => [s.id, s]));
      for (const d of e.honourDesignations!) {
        const s = accepted.get(d.standardizationId);
        expect(s?.orgId).toBe(d.orgId);
        expect(d.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
        expect(s.membersExcellent * 10).toBeGreaterThanOrEqual(s.membersEvaluating * 9);
        expect(orgs.get(d.orgId)!.qualityStatus).toBe(d.level === 'city' ? '最强党支部（市级）' : '最强党支部（区级）');
      }
      const designated = new Set(e.honourDesignations!.map((d) => d.orgId));
      for (const o of t.orgs) if (o.qualityStatus.startsWith('最强') && !o.isExternal && !o.weakFlag) expect(designated.has(o.id), o.name).toBe(true);
      for (const s of accepted.values()) expect(orgs.get(s.orgId)!.qualityStatus).not.toBe('未达标');
      expect(e.demoSites!.length).toBeGreaterThan(0);
    }
  });

  it('the year is on the audit trail: each finalized assessment, the published round, each payment and each ledger entry, in time order', () => {
    for (const t of counties()) {
      const e = t.engagement as Rows;
      const audited = new Map(t.audit.map((r) => [r.entityId, r.action]));
      for (const a of e.assessments!) expect(audited.get(a.id)).toBe('assessment.finalize');
      for (const r of e.rewardRounds!) expect(audited.get(r.id)).toBe('reward_round.publish');
      for (const d of e.rewardDisbursements!) expect(audited.get(d.id)).toBe(d.status === 'paid' ? 'reward_disbursement.pay' : undefined);
      for (const f of e.fundEntries!) expect(audited.get(f.id), f.id).toBe(f.sourceKey.startsWith('reward:') ? 'fund.reward_post' : f.callId ? 'fund.contribution_call' : 'fund.record');
      expect(t.audit.every((r, i) => i === 0 || t.audit[i - 1]!.at <= r.at)).toBe(true);
    }
  });

  it('one published city round over every county: its lines are what allocate gives for the counties’ stored facts, each named with its county; paid awards posted in their counties', () => {
    const e = cityTenant().engagement as Rows;
    expect(e.rewardRounds).toHaveLength(1);
    const [round] = e.rewardRounds!;
    expect(round).toMatchObject({ level: 'city', year: MERIT_YEAR, subject: 'alliance', status: 'published', method: { kind: 'tiered_grade', tiers: CITY_MERIT_TIERS } });
    const lines = e.rewardAllocations!.filter((l) => l.roundId === round.id).sort((x, y) => x.position - y.position);
    // The candidates: every county round's recipients with the same facts (the city reads the same assessments and honours).
    const expected = counties().flatMap((t) => (t.engagement as Rows).rewardAllocations!.map((l) => [t.tenant.slug, l.recipientId, `${t.tenant.name}·${l.recipientName}`, JSON.stringify(l.facts)]));
    expect(lines.map((l) => [l.recipientTenant, l.recipientId, l.recipientName, JSON.stringify(l.facts)]).sort()).toEqual(expected.sort());
    expect(new Set(lines.filter((l) => l.amountFen > 0).map((l) => l.recipientTenant)).size).toBeGreaterThan(6);
    const engine = allocate({ budgetFen: round.budgetFen, method: round.method, rules: round.rules, recipients: lines.map((l) => ({ id: l.recipientId, name: l.recipientName, facts: l.facts })) });
    expect(lines.map((l) => [l.recipientId, l.lineStatus, l.amountFen, l.steps])).toEqual(engine.lines.map((l) => [l.id, l.status, l.amountFen, l.steps]));
    expect(lines.reduce((s, l) => s + l.amountFen, 0)).toBe(round.allocatedFen);
    // Budget below demand, so the engine scales; seed 001: the money from above is millions of 元 across the city (10⁸–10⁹ 分).
    expect(round.allocatedFen).toBe(round.budgetFen);
    expect(round.budgetFen).toBeGreaterThanOrEqual(100_000_000);
    expect(round.budgetFen).toBeLessThanOrEqual(2_000_000_000);
    for (const l of lines) if (!['excellent', 'good'].includes(l.facts.grade) || l.facts.underRectification) expect(l.amountFen).toBe(0);
    const pays = e.rewardDisbursements!;
    expect(pays.map((d) => [d.recipientTenant, d.recipientId, d.amountFen]).sort()).toEqual(lines.filter((l) => l.amountFen > 0).map((l) => [l.recipientTenant, l.recipientId, l.amountFen]).sort());
    expect(pays.some((d) => d.status === 'paid')).toBe(true);
    expect(pays.some((d) => d.status === 'planned')).toBe(true);
    // Nothing is posted in the city's own database; each paid award is on the audit trail of the city.
    expect(e.fundEntries ?? []).toEqual([]);
    const audited = new Map(cityTenant().audit.map((r) => [r.entityId, r.action]));
    expect(audited.get(round.id)).toBe('reward_round.publish');
    for (const d of pays) expect(audited.get(d.id)).toBe(d.status === 'paid' ? 'reward_disbursement.pay' : undefined);
  });
});
