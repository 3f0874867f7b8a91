import { consequencesOf } from '@ronghe/assessment/consequences';
import { DEFAULT_COUNTY_INDICATORS } from '@ronghe/assessment/defaults';
import { gradeOf, ratioRaw, totalScore } from '@ronghe/assessment/scoring';
import { checkStrongest } from '@ronghe/honours/rules';
import { rewardSourceKey } from '@ronghe/funds/read';
import { splitByContribution } from '@ronghe/funds/split';
import { allocate, type AllocationInput, type Recipient } from '@ronghe/rewards/allocate';
import type { Rng } from './prng.ts';
import { hash128, stableId, type DemoIdPrefix } from './prng.ts';
import type { DemoAlliance, DemoPerson, PeopleDemoInput } from './types.ts';

// Issue 12's demo data for one county (§ Demo data): one finished assessment
// year (MERIT_YEAR) of every running alliance under the default county scheme
// with its 四评 ratings; branch standardization and 最强党支部 as the registry's
// quality status already says; a few 示范点; one published county reward round
// of the alliances by grade, allocated by the real engine (`allocate`), part of
// it paid; and each alliance's fund ledger (上级拨 from the paid rewards,
// 各方筹, 党费补, spending). Every number follows the server's own rules
// (packages/assessment scoring and consequences, packages/rewards allocate,
// packages/funds source keys); merit.node.test.ts checks it. The city's round
// over every county is buildCityRound below (ADR 0025).
// Keys are scripts/lib/local-platform.ts's ENGAGEMENT_TABLES keys.

/** The finished assessment year. */
export const MERIT_YEAR = 2025;
/** Default thresholds of a scheme (schema DEFAULT_THRESHOLDS): 优秀 90, 良好 80, 一般 60 (hundredths). */
export const MERIT_THRESHOLDS = { excellent: 9000, good: 8000, fair: 6000 } as const;
/** Tiered amounts of the county round per grade (分): 优秀 50,000 元, 良好 30,000 元, 一般 15,000 元 (seed 001: hundreds of thousands of 元 per county). */
export const MERIT_TIERS = { excellent: 5_000_000, good: 3_000_000, fair: 1_500_000 } as const;

const RUNNING = new Set(['established', 'active', 'rectifying']);
const DEPARTMENTS = ['民政局', '住房和城乡建设局', '卫生健康委员会', '教育局', '城市管理综合执法局', '农牧局', '司法局', '人力资源和社会保障局'];
const at = (date: string, hour = 9) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const pad = (n: number) => String(n).padStart(2, '0');
const day = (rng: Rng, year: number, m0: number, m1: number) => `${year}-${pad(rng.int(m0, m1))}-${pad(rng.int(1, 28))}`;
const id = (p: string, seed: string, key: string, t: number) => stableId(p as DemoIdPrefix, seed, key, t);

export interface MeritInput extends Omit<PeopleDemoInput, 'people'> {
  seed: string;
  people: readonly DemoPerson[];
  /** A reviewer account's user id per committee org id (who rates 组织评定), when there is one. */
  reviewerOf: ReadonlyMap<string, string>;
}

/** The tables this builder fills, as ENGAGEMENT_TABLES keys, in insert order. */
export const MERIT_TABLES = [
  'indicatorSchemes', 'schemeIndicators', 'assessments', 'assessmentScores', 'ratingLinks', 'assessmentRatings',
  'branchStandardizations', 'honourDesignations', 'demoSites', 'rewardRounds', 'rewardAllocations', 'rewardDisbursements', 'fundEntries',
] as const;
export type MeritDemoData = Record<(typeof MERIT_TABLES)[number], object[]>;

/** Alliances running in the merit year: founded by its end and still running. */
export function meritAlliances(alliances: readonly DemoAlliance[]): DemoAlliance[] {
  return alliances.filter((a) => RUNNING.has(a.status) && (a.foundedOn ?? a.approvedOn ?? '9999') <= `${MERIT_YEAR}-12-31`).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export function buildMerit(input: MeritInput): MeritDemoData {
  const { seed, tenant, rng } = input;
  const s = `${seed}\u0000${tenant.slug}\u0000merit`;
  const Y = MERIT_YEAR;
  const out = Object.fromEntries(MERIT_TABLES.map((k) => [k, []])) as unknown as MeritDemoData;
  const county = `${tenant.name}委组织部`;

  // ── The scheme: the default county scheme of the year, frozen by the first finalized assessment.
  const schemeAt = at(`${Y}-01-15`);
  const finalizeStart = at(`${Y + 1}-01-12`);
  const schemeId = id('isc', s, 'scheme', schemeAt);
  out.indicatorSchemes.push({ id: schemeId, level: 'county', year: Y, version: 1, name: `${Y}年度党建联合体考核指标体系`, status: 'frozen', thresholds: { ...MERIT_THRESHOLDS }, copiedFromId: null, frozenAt: finalizeStart, createdBy: 'system', createdAt: schemeAt, updatedAt: finalizeStart, rowVersion: 3 });
  const indicators = DEFAULT_COUNTY_INDICATORS.map((i, k) => ({
    id: id('ind', s, `indicator/${k}`, schemeAt), schemeId, position: k + 1, name: i.name, criteria: i.criteria ?? '', kind: i.kind,
    metric: i.kind === 'computed' ? (i.metric ?? null) : null, raterGroup: i.kind === 'rated' ? (i.raterGroup ?? null) : null, weight: i.weight, maxScore: i.maxScore,
  }));
  out.schemeIndicators.push(...indicators);

  // ── Assessments with ratings: a target level per alliance (rectifying ones do poorly), the grade from the total.
  const members = new Map<string, string[]>();
  for (const m of input.alliances.members) if (!m.leftOn) members.set(m.allianceId, [...(members.get(m.allianceId) ?? []), m.orgId]);
  const partyByOrg = new Map<string, DemoPerson[]>();
  for (const p of input.people) if (p.kind === 'party_member' && p.homeOrgId && p.status === 'active') partyByOrg.set(p.homeOrgId, [...(partyByOrg.get(p.homeOrgId) ?? []), p]);
  const running = meritAlliances(input.alliances.alliances);
  const results = new Map<string, { grade: string; score: number; rectification: boolean }>();
  const levelOf = (score: number) => (score >= 90 ? 'excellent' : score >= 80 ? 'good' : score >= 60 ? 'fair' : 'poor');
  const residentLevel = (score: number) => (score >= 85 ? 'satisfied' : score >= 60 ? 'basically_satisfied' : 'dissatisfied');
  running.forEach((a, n) => {
    const target = a.status === 'rectifying' ? 'poor' : rng.weighted<string>([['excellent', 18], ['good', 62], ['fair', 15], ['poor', 5]]);
    const centre = { excellent: 96, good: 86, fair: 72, poor: 52 }[target]!;
    const finalizedAt = finalizeStart + n * 3_600_000 + rng.int(0, 3_000_000);
    const createdAt = at(day(rng, Y, 11, 12));
    const asmId = id('asm', s, `assessment/${a.id}`, createdAt);
    const draw = (spread: number) => Math.max(0, Math.min(100, centre + rng.int(-spread, spread)));
    // 四评 and the member organizations' evaluation, one answer per rater.
    const ratings: Array<{ group: string; key: string; score: number; level: string }> = [];
    ratings.push({ group: 'committee', key: input.reviewerOf.get(a.committeeOrgId) ?? `usr_demo_${a.committeeOrgId}`, score: draw(4), level: '' });
    const orgIds = members.get(a.id) ?? [];
    const party = orgIds.flatMap((o) => partyByOrg.get(o) ?? []);
    for (const p of rng.shuffle(party).slice(0, rng.int(4, 9))) ratings.push({ group: 'member', key: p.id, score: draw(8), level: '' });
    for (let k = 0, r = rng.int(5, 12); k < r; k++) ratings.push({ group: 'resident', key: id('rlk', s, `link/${a.id}/${k}`, createdAt), score: draw(12), level: '' });
    for (const d of rng.shuffle(DEPARTMENTS).slice(0, rng.int(1, 3))) ratings.push({ group: 'department', key: `${tenant.name}${d}`, score: draw(6), level: '' });
    for (const o of orgIds) ratings.push({ group: 'member_org', key: o, score: draw(7), level: '' });
    for (const r of ratings) {
      r.level = r.group === 'resident' ? residentLevel(r.score) : levelOf(r.score);
      const ratedAt = createdAt + rng.int(1, 14) * 86_400_000; // before the committee finalizes (from 12 January)
      if (r.group === 'resident')
        out.ratingLinks.push({ id: r.key, assessmentId: asmId, raterGroup: 'resident', tokenHash: hash128(`${s}\u0000token\u0000${r.key}`).map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('').padEnd(64, '0'), label: '群众评判', expiresAt: createdAt + 45 * 86_400_000, usedAt: ratedAt, revokedAt: null, createdBy: 'system', createdAt });
      out.assessmentRatings.push({ id: id('rtg', s, `rating/${asmId}/${r.group}/${r.key}`, ratedAt), assessmentId: asmId, raterGroup: r.group, raterKey: r.key, score: r.score, level: r.level, comment: null, createdAt: ratedAt });
    }
    const raws = indicators.map((i) => {
      const group = i.kind === 'rated' ? i.raterGroup : i.metric === 'member_org_satisfaction' ? 'member_org' : null;
      if (group) {
        const mine = ratings.filter((r) => r.group === group);
        const sum = mine.reduce((t, r) => t + r.score, 0);
        const raw = mine.length ? ratioRaw(sum, mine.length * 100, i.maxScore) : 0;
        return { raw, evidence: { group, ratings: mine.length, scoreSum: sum, text: `${mine.length} 份评价` } };
      }
      const raw = Math.round((Math.max(0, Math.min(100, centre + rng.int(-10, 10))) * i.maxScore * 100) / 100);
      return { raw, evidence: { text: '按本年度台账数据计算（演示数据）' } };
    });
    indicators.forEach((i, k) =>
      out.assessmentScores.push({ id: id('asv', s, `score/${asmId}/${k}`, finalizedAt), assessmentId: asmId, indicatorId: i.id, raw: raws[k]!.raw, evidence: raws[k]!.evidence, note: null, enteredBy: 'system', updatedAt: finalizedAt }),
    );
    const score = totalScore(indicators.map((i, k) => ({ raw: raws[k]!.raw, maxScore: i.maxScore, weight: i.weight })));
    const grade = gradeOf(score, MERIT_THRESHOLDS);
    const consequences = consequencesOf(grade, null, []);
    results.set(a.id, { grade, score, rectification: consequences.rectification });
    out.assessments.push({ id: asmId, allianceId: a.id, year: Y, schemeId, committeeOrgId: a.committeeOrgId, status: 'finalized', score, grade, consequences, finalizedAt, finalizedBy: input.reviewerOf.get(a.committeeOrgId) ?? 'system', createdBy: 'system', createdAt, updatedAt: finalizedAt, version: 2 });
  });

  // ── Honours: every 最强 branch (registry quality) holds an accepted standardization and its designation;
  //    some 标准化规范化 branches went through the procedure this year too.
  const branches = input.orgs.filter((o) => !o.isExternal && o.qualityStatus !== '未达标' && !o.weakFlag && ['党支部', '联合党支部', '党总支'].includes(o.kind));
  for (const o of branches) {
    const strongest = o.qualityStatus.startsWith('最强');
    if (!strongest && !rng.chance(0.08)) continue;
    const appliedAt = at(day(rng, Y, 3, 6));
    const evaluatedAt = appliedAt + rng.int(20, 40) * 86_400_000;
    const decidedAt = evaluatedAt + rng.int(10, 30) * 86_400_000;
    const evaluating = rng.int(10, 30);
    const excellent = strongest ? Math.ceil(evaluating * 0.9) + rng.int(0, Math.floor(evaluating * 0.1)) : rng.int(Math.floor(evaluating * 0.4), Math.floor(evaluating * 0.85));
    const good = Math.min(evaluating - excellent, rng.int(0, evaluating - excellent));
    const dissatisfied = strongest ? rng.int(0, 1) : rng.int(0, 3);
    const stdId = id('bsa', s, `std/${o.id}`, appliedAt);
    out.branchStandardizations.push({
      id: stdId, orgId: o.id, year: Y, status: 'accepted', selfAssessment: '对照标准化规范化建设“六个规范”逐项自查，组织设置、队伍建设、组织生活、工作制度、阵地建设、基础保障均已达标。',
      appliedBy: 'system', appliedAt, orgScore: strongest ? rng.int(92, 99) : rng.int(80, 94), annualReviewGrade: strongest ? '优秀' : rng.weighted([['优秀', 3], ['良好', 7]] as const),
      membersEvaluating: evaluating, membersExcellent: excellent, membersGood: good, membersFair: evaluating - excellent - good, membersPoor: 0,
      residentsSatisfied: rng.int(8, 20), residentsBasic: rng.int(0, 5), residentsDissatisfied: dissatisfied, residentsDissatisfiedVerified: 0,
      departmentsConsulted: rng.int(1, 3), departmentObjections: [], evaluationNote: '街道党工委“四评”考评通过', evidence: { orgLife: { status: 'met', behindKinds: 0, onDate: `${Y}-06-30` }, weakFlag: false },
      evaluatedBy: 'system', evaluatedAt, decisionReason: `${county}验收合格`, decidedBy: 'system', decidedAt, revokedReason: null, revokedAt: null, createdAt: appliedAt, updatedAt: decidedAt,
    });
    if (strongest) {
      const level = o.qualityStatus === '最强党支部（市级）' ? 'city' : 'county';
      const designatedAt = decidedAt + rng.int(10, 40) * 86_400_000;
      out.honourDesignations.push({
        id: id('dsg', s, `designation/${o.id}`, designatedAt), orgId: o.id, year: Y, level, status: 'in_force', standardizationId: stdId,
        reason: level === 'city' ? `${Y}年度全市“最强党支部”` : `${Y}年度${tenant.name}“最强党支部”`,
        checks: checkStrongest({ standardized: true, annualReviewGrade: '优秀', membersEvaluating: evaluating, membersExcellent: excellent, residentsDissatisfiedVerified: 0, departmentObjections: 0, weakFlag: false }),
        designatedBy: 'system', designatedAt, revokedReason: null, revokedCause: null, revokedBy: null, revokedAt: null,
      });
    }
  }
  // 示范点: a few excellent alliances and a few 最强 branches.
  const excellentAlliances = running.filter((a) => results.get(a.id)?.grade === 'excellent');
  for (const a of rng.shuffle(excellentAlliances).slice(0, Math.min(3, excellentAlliances.length))) {
    const t = at(day(rng, Y, 9, 11));
    out.demoSites.push({ id: id('dms', s, `site/${a.id}`, t), subjectType: 'alliance', orgId: null, allianceId: a.id, level: 'county', year: Y, status: 'in_force', reason: `${a.name}融合党建工作成效突出，列为${tenant.name}融合党建示范点`, evidence: '年度考核、现场观摩和群众评价', documentIds: [], designatedBy: 'system', designatedAt: t, revokedReason: null, revokedBy: null, revokedAt: null });
  }
  const strongBranches = out.honourDesignations.map((d) => (d as { orgId: string }).orgId);
  for (const orgId of rng.shuffle(strongBranches).slice(0, 2)) {
    const t = at(day(rng, Y, 9, 11));
    out.demoSites.push({ id: id('dms', s, `site/${orgId}`, t), subjectType: 'org', orgId, allianceId: null, level: 'county', year: Y, status: 'in_force', reason: '党支部标准化规范化建设示范点', evidence: '标准化规范化验收材料和现场观摩', documentIds: [], designatedBy: 'system', designatedAt: t, revokedReason: null, revokedBy: null, revokedAt: null });
  }

  // ── The county round: alliances by grade (tiered), rectification excluded, budget below demand so the engine scales.
  const sites = new Set(out.demoSites.map((d) => (d as { allianceId: string | null }).allianceId).filter(Boolean));
  const recipients: Recipient[] = input.alliances.alliances
    .filter((a) => RUNNING.has(a.status))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map((a) => {
      const r = results.get(a.id);
      return {
        id: a.id,
        name: a.name,
        facts: {
          ...(r ? { grade: r.grade as 'excellent', scoreHundredths: r.score } : {}),
          designations: sites.has(a.id) ? ['demo_site_county'] : [],
          underRectification: a.status === 'rectifying' || (r?.rectification ?? false),
          memberReportOk: true,
        },
      };
    });
  const method = { kind: 'tiered_grade' as const, tiers: { ...MERIT_TIERS } };
  const rules = { eligibility: { minGrade: 'fair' as const, excludeUnderRectification: true, requireMemberReport: false }, capFen: 6_000_000 };
  const demand = recipients.reduce((t, r) => t + (r.facts.grade && r.facts.grade !== 'poor' && !r.facts.underRectification ? MERIT_TIERS[r.facts.grade as keyof typeof MERIT_TIERS] : 0), 0);
  // 90 % of what the tiers ask, in whole 万元: the round's own budget decision (seed 001: hundreds of thousands per county).
  const budgetFen = Math.max(1_000_000, Math.floor((demand * 0.9) / 1_000_000) * 1_000_000);
  const engineInput: AllocationInput = { budgetFen, method, rules, recipients };
  const allocation = allocate(engineInput);
  const createdAt = at(`${Y + 1}-03-02`);
  const publishedAt = at(`${Y + 1}-03-20`, 15);
  const roundId = id('rwr', s, 'round/county', createdAt);
  const roundName = `${Y}年度${tenant.name}党建联合体以奖代补（县级）`;
  const snapshot = { at: publishedAt - 3_600_000, budgetFen, allocatedFen: allocation.allocatedFen, amounts: Object.fromEntries(allocation.lines.map((l) => [l.id, { name: l.name, amountFen: l.amountFen }])) };
  const lines = allocation.lines.map((l, i) => ({
    id: id('rwa', s, `allocation/${l.id}`, publishedAt), roundId, position: i + 1, recipientType: 'alliance', recipientId: l.id, recipientName: l.name,
    lineStatus: l.status, demandFen: l.demandFen, amountFen: l.amountFen, facts: recipients[i]!.facts, steps: l.steps,
  }));
  const awarded = lines.filter((l) => l.amountFen > 0);
  out.rewardRounds.push({
    id: roundId, level: 'county', year: Y, name: roundName, subject: 'alliance', budgetFen, method, rules, status: 'published', correctsRoundId: null,
    note: '按年度考核等次分档奖补，考核较差及整顿中的联合体不参加', lastSimulation: snapshot, allocatedFen: allocation.allocatedFen, recipientCount: awarded.length,
    publishedAt, publishedBy: `${county}管理员`, createdBy: 'system', createdAt, updatedAt: publishedAt, version: 4,
  });
  out.rewardAllocations.push(...lines);
  const short = tenant.name.replace(/(区|旗|县)$/, '');
  const paid = new Map<string, { id: string; amountFen: number; paidOn: string; voucherNo: string }>();
  awarded.forEach((l, n) => {
    const pay = rng.chance(0.7);
    const paidOn = pay ? `${Y + 1}-${pad(rng.int(4, 6))}-${pad(rng.int(1, 28))}` : null;
    const voucherNo = pay ? `${short}组拨〔${Y + 1}〕${n + 1}号` : null;
    const dId = id('rwd', s, `disbursement/${l.recipientId}`, publishedAt);
    out.rewardDisbursements.push({ id: dId, allocationId: l.id, roundId, recipientType: 'alliance', recipientId: l.recipientId, amountFen: l.amountFen, status: pay ? 'paid' : 'planned', paidOn, voucherNo, paidBy: pay ? 'system' : null, paidAt: pay ? at(paidOn!, 10) : null, version: pay ? 2 : 1 });
    if (pay) paid.set(l.recipientId, { id: dId, amountFen: l.amountFen, paidOn: paidOn!, voucherNo: voucherNo! });
  });

  // ── Fund ledgers: 上级拨 from each paid disbursement (as the funds consumer posts it), 党费补, 各方筹, spending within the balance.
  const projects = new Map<string, string[]>();
  for (const p of input.lists.projects) projects.set(p.allianceId, [...(projects.get(p.allianceId) ?? []), p.id]);
  for (const a of running) {
    const entries: Array<Record<string, unknown> & { occurredOn: string; amountFen: number }> = [];
    const entry = (key: string, e: { kind: 'income' | 'spending'; source: string | null; amountFen: number; occurredOn: string; summary: string; voucherNo?: string | null; orgId?: string | null; projectId?: string | null; sourceKey?: string; callId?: string; contributionBp?: number }) => {
      const createdAt = at(e.occurredOn, 16);
      const eid = id('fle', s, `fund/${a.id}/${key}`, createdAt);
      entries.push({ id: eid, allianceId: a.id, kind: e.kind, source: e.source, amountFen: e.amountFen, projectId: e.projectId ?? null, orgId: e.orgId ?? null, callId: e.callId ?? null, contributionBp: e.contributionBp ?? null, occurredOn: e.occurredOn, voucherNo: e.voucherNo ?? null, summary: e.summary, reversesId: null, reason: null, sourceKey: e.sourceKey ?? `manual:${eid}`, recordedBy: 'system', recordedByName: county, createdAt });
    };
    const p = paid.get(a.id);
    if (p) entry('reward', { kind: 'income', source: 'allocation', amountFen: p.amountFen, occurredOn: p.paidOn, summary: roundName, voucherNo: p.voucherNo, sourceKey: rewardSourceKey(p.id) });
    entry('party-fee', { kind: 'income', source: 'party_fee', amountFen: rng.int(20, 80) * 10_000, occurredOn: day(rng, Y + 1, 1, 3), summary: '党费补助活动经费' });
    // 各方筹: one contribution call, split over the current members by 出资比例 exactly as the service splits it.
    const callAt = day(rng, Y + 1, 2, 5);
    const callId = id('fcl', s, `call/${a.id}`, at(callAt, 16));
    const shares = input.alliances.members.filter((m) => m.allianceId === a.id && !m.leftOn).map((m) => ({ orgId: m.orgId, bp: m.contributionBp }));
    for (const p of splitByContribution(rng.int(10, 60) * 100_000, shares).parts.filter((x) => x.fen > 0))
      entry(`contribution/${p.orgId}`, { kind: 'income', source: 'contribution', amountFen: p.fen, occurredOn: callAt, summary: '成员单位按出资比例筹集共建经费', orgId: p.orgId, callId, contributionBp: p.bp, sourceKey: `call:${callId}:${p.orgId}` });
    entries.sort((x, y) => (x.occurredOn < y.occurredOn ? -1 : x.occurredOn > y.occurredOn ? 1 : 0));
    let balance = entries.reduce((t, e) => t + e.amountFen, 0);
    const own = projects.get(a.id) ?? [];
    for (let k = 0, n = rng.int(1, 3); k < n && balance > 100_000; k++) {
      const amount = Math.floor((balance * rng.int(15, 45)) / 100 / 100) * 100;
      if (amount <= 0) break;
      const last = entries.at(-1)!.occurredOn;
      const occurredOn = last < `${Y + 1}-09-30` ? `${Y + 1}-${pad(rng.int(Number(last.slice(5, 7)) + 1, 10))}-${pad(rng.int(1, 28))}` : last;
      entry(`spending/${k}`, { kind: 'spending', source: null, amountFen: amount, occurredOn, summary: own.length ? '共建项目支出' : '联合体活动支出', projectId: own.length ? rng.pick(own) : null });
      balance -= amount;
    }
    out.fundEntries.push(...entries);
  }
  return out;
}

/**
 * The audit rows of that year (history, like audit.ts: request DEMO_HISTORY_REQUEST, no events), in the
 * server's action keys and entity types: the scheme published, each assessment finalized by its committee,
 * standardizations accepted, designations and 示范点, the round published, each payment and each ledger entry.
 */
export function meritAudit(input: { seed: string; tenant: { slug: string; name: string }; merit: MeritDemoData; county: { userId: string; displayName: string } | undefined; reviewers: ReadonlyMap<string, { userId: string; displayName: string }>; requestId: string }): Array<{ id: string; at: number; actorId: string; actorName: string; actorRole: string; action: string; entityType: string; entityId: string; before: unknown; after: unknown; requestId: string }> {
  const { merit: m, requestId } = input;
  const county = input.county ? { actorId: input.county.userId, actorName: input.county.displayName, actorRole: 'county_admin' } : { actorId: 'system', actorName: `${input.tenant.name}委组织部`, actorRole: 'system' };
  const s = `${input.seed}\u0000${input.tenant.slug}\u0000merit-audit`;
  const rows: ReturnType<typeof meritAudit> = [];
  const push = (at: number, who: typeof county, action: string, entityType: string, entityId: string, after: Record<string, unknown>) =>
    rows.push({ id: stableId('aud', s, `${action}/${entityId}`, at), at, ...who, action, entityType, entityId, before: null, after, requestId });
  for (const x of m.indicatorSchemes as any[]) push(x.createdAt + 86_400_000, county, 'assessment.scheme_publish', 'indicator_scheme', x.id, { name: x.name, year: x.year, status: 'published' });
  for (const x of m.assessments as any[]) {
    const r = input.reviewers.get(x.committeeOrgId);
    push(x.finalizedAt, r ? { actorId: r.userId, actorName: r.displayName, actorRole: 'committee_reviewer' } : county, 'assessment.finalize', 'assessment', x.id, { allianceId: x.allianceId, year: x.year, score: x.score, grade: x.grade, status: 'finalized' });
  }
  for (const x of m.branchStandardizations as any[]) push(x.decidedAt, county, 'standardization.accept', 'branch_standardization', x.id, { orgId: x.orgId, year: x.year, status: 'accepted' });
  for (const x of m.honourDesignations as any[]) push(x.designatedAt, county, 'honour.designate', 'honour_designation', x.id, { orgId: x.orgId, year: x.year, level: x.level });
  for (const x of m.demoSites as any[]) push(x.designatedAt, county, 'demo_site.designate', 'demo_site', x.id, { subjectType: x.subjectType, orgId: x.orgId, allianceId: x.allianceId, level: x.level, year: x.year });
  for (const x of m.rewardRounds as any[]) push(x.publishedAt, county, 'reward_round.publish', 'reward_round', x.id, { name: x.name, year: x.year, level: x.level, subject: x.subject, budgetFen: x.budgetFen, allocatedFen: x.allocatedFen, recipients: x.recipientCount });
  for (const x of m.rewardDisbursements as any[]) if (x.status === 'paid') push(x.paidAt, county, 'reward_disbursement.pay', 'reward_disbursement', x.id, { roundId: x.roundId, recipientType: x.recipientType, recipientId: x.recipientId, amountFen: x.amountFen, paidOn: x.paidOn, voucherNo: x.voucherNo });
  for (const x of m.fundEntries as any[]) {
    const posted = String(x.sourceKey).startsWith('reward:');
    const action = posted ? 'fund.reward_post' : x.callId ? 'fund.contribution_call' : 'fund.record';
    push(x.createdAt, posted ? { actorId: 'system', actorName: '以奖代补', actorRole: 'system' } : county, action, 'fund_entry', x.id, { allianceId: x.allianceId, kind: x.kind, source: x.source, amountFen: x.amountFen, projectId: x.projectId, orgId: x.orgId, occurredOn: x.occurredOn, voucherNo: x.voucherNo, entrySummary: x.summary });
  }
  return rows.sort((a, b) => a.at - b.at);
}

/** The city round's tiers (分): 优秀 100,000 元, 良好 40,000 元 (seed 001: the money from above is millions per county). */
export const CITY_MERIT_TIERS = { excellent: 10_000_000, good: 4_000_000 } as const;

export interface CityRoundCounty {
  tenant: { slug: string; name: string };
  merit: MeritDemoData;
}

export interface CityRoundDemo {
  /** Rows of the city's own database (DB_CHIFENG). */
  city: Pick<MeritDemoData, 'rewardRounds' | 'rewardAllocations' | 'rewardDisbursements'>;
  /** Per county: the 上级拨 entries the funds consumer posts for the city's paid disbursements to its alliances. */
  postings: Map<string, object[]>;
  /** Audit rows: the city's (round published, payments), and each county's (the postings). */
  cityAudit: ReturnType<typeof meritAudit>;
  countyAudit: Map<string, ReturnType<typeof meritAudit>>;
}

/**
 * Issue 12 § Demo data "one city round" (ADR 0025): the city organization
 * department's published round of the merit year over the alliances of every
 * county — their facts exactly as each county's own round read them (the
 * finalized assessment, 示范点, rectification), named with their county —
 * allocated by the real engine with 良好 and above eligible and a budget below
 * demand (so the engine scales), part of it paid, each paid award to an
 * alliance posted to its ledger in its county as 上级拨 (source key
 * `reward:<disbursement id>`, as the funds consumer posts it).
 */
export function buildCityRound(seed: string, counties: readonly CityRoundCounty[], cityAdmin: { userId: string; displayName: string } | undefined, requestId: string): CityRoundDemo {
  const Y = MERIT_YEAR;
  const s = `${seed}\u0000chifeng\u0000merit-city`;
  // A deterministic pick without consuming any county's stream: whether a payment was made yet.
  const paidYet = (key: string) => (hash128(`${s}\u0000paid\u0000${key}`)[0]! >>> 0) % 10 < 6;
  const recipients: Recipient[] = [];
  for (const c of counties) {
    const round = c.merit.rewardRounds[0] as { id: string } | undefined;
    if (!round) continue;
    const lines = (c.merit.rewardAllocations as Array<{ roundId: string; recipientId: string; recipientName: string; facts: Recipient['facts'] }>).filter((l) => l.roundId === round.id);
    for (const l of lines) recipients.push({ id: l.recipientId, name: `${c.tenant.name}·${l.recipientName}`, facts: l.facts, tenant: c.tenant.slug });
  }
  const method = { kind: 'tiered_grade' as const, tiers: { ...CITY_MERIT_TIERS } };
  const rules = { eligibility: { minGrade: 'good' as const, excludeUnderRectification: true, requireMemberReport: false } };
  const demand = recipients.reduce((t, r) => t + (!r.facts.underRectification && (r.facts.grade === 'excellent' || r.facts.grade === 'good') ? CITY_MERIT_TIERS[r.facts.grade] : 0), 0);
  // 80 % of what the tiers ask, in whole 10 万元.
  const budgetFen = Math.max(10_000_000, Math.floor((demand * 0.8) / 10_000_000) * 10_000_000);
  const allocation = allocate({ budgetFen, method, rules, recipients });
  const createdAt = at(`${Y + 1}-03-25`);
  const publishedAt = at(`${Y + 1}-04-15`, 15);
  const roundId = id('rwr', s, 'round/city', createdAt);
  const roundName = `${Y}年度赤峰市党建联合体以奖代补（市级）`;
  const tenantOf = new Map(recipients.map((r) => [r.id, r.tenant!]));
  const factsOf = new Map(recipients.map((r) => [r.id, r.facts]));
  const lines = allocation.lines.map((l, i) => ({
    id: id('rwa', s, `allocation/${l.id}`, publishedAt), roundId, position: i + 1, recipientType: 'alliance', recipientId: l.id, recipientTenant: tenantOf.get(l.id)!, recipientName: l.name,
    lineStatus: l.status, demandFen: l.demandFen, amountFen: l.amountFen, facts: factsOf.get(l.id)!, steps: l.steps,
  }));
  const awarded = lines.filter((l) => l.amountFen > 0);
  const snapshot = { at: publishedAt - 3_600_000, budgetFen, allocatedFen: allocation.allocatedFen, amounts: Object.fromEntries(awarded.map((l) => [l.recipientId, { name: l.recipientName, amountFen: l.amountFen }])) };
  const city: CityRoundDemo['city'] = { rewardRounds: [], rewardAllocations: [], rewardDisbursements: [] };
  city.rewardRounds.push({
    id: roundId, level: 'city', year: Y, name: roundName, subject: 'alliance', budgetFen, method, rules, status: 'published', correctsRoundId: null,
    note: '全市党建联合体按年度考核等次分档奖补，良好及以上参加，整顿中的不参加', lastSimulation: snapshot, matching: null, matched: null, allocatedFen: allocation.allocatedFen, recipientCount: awarded.length,
    publishedAt, publishedBy: '市委组织部管理员', createdBy: 'system', createdAt, updatedAt: publishedAt, version: 3,
  });
  city.rewardAllocations.push(...lines);
  const postings = new Map<string, object[]>();
  const countyAudit = new Map<string, ReturnType<typeof meritAudit>>();
  const who = cityAdmin ? { actorId: cityAdmin.userId, actorName: cityAdmin.displayName, actorRole: 'city_admin' } : { actorId: 'system', actorName: '市委组织部', actorRole: 'system' };
  const cityAudit: ReturnType<typeof meritAudit> = [
    { id: stableId('aud', s, `reward_round.publish/${roundId}`, publishedAt), at: publishedAt, ...who, action: 'reward_round.publish', entityType: 'reward_round', entityId: roundId, before: null, after: { name: roundName, year: Y, level: 'city', subject: 'alliance', budgetFen, allocatedFen: allocation.allocatedFen, recipients: awarded.length }, requestId },
  ];
  awarded.forEach((l, n) => {
    const pay = paidYet(l.recipientId);
    const paidOn = pay ? `${Y + 1}-${pad(5 + (n % 2))}-${pad(1 + (n % 28))}` : null;
    const voucherNo = pay ? `赤组拨〔${Y + 1}〕${n + 1}号` : null;
    const dId = id('rwd', s, `disbursement/${l.recipientId}`, publishedAt);
    const paidAt = pay ? at(paidOn!, 10) : null;
    city.rewardDisbursements.push({ id: dId, allocationId: l.id, roundId, recipientType: 'alliance', recipientId: l.recipientId, recipientTenant: l.recipientTenant, amountFen: l.amountFen, status: pay ? 'paid' : 'planned', paidOn, voucherNo, paidBy: pay ? 'system' : null, paidAt, version: pay ? 2 : 1 });
    if (!pay) return;
    cityAudit.push({ id: stableId('aud', s, `reward_disbursement.pay/${dId}`, paidAt!), at: paidAt!, ...who, action: 'reward_disbursement.pay', entityType: 'reward_disbursement', entityId: dId, before: null, after: { roundId, recipientType: 'alliance', recipientId: l.recipientId, recipientTenant: l.recipientTenant, amountFen: l.amountFen, paidOn, voucherNo }, requestId });
    // The funds consumer's posting in the alliance's county (a minute after the payment).
    const postedAt = paidAt! + 60_000;
    const eid = id('fle', s, `fund/${l.recipientId}/city-reward`, postedAt);
    const entry = { id: eid, allianceId: l.recipientId, kind: 'income', source: 'allocation', amountFen: l.amountFen, projectId: null, orgId: null, callId: null, contributionBp: null, occurredOn: paidOn, voucherNo, summary: roundName, reversesId: null, reason: null, sourceKey: rewardSourceKey(dId), recordedBy: 'system', recordedByName: '以奖代补', createdAt: postedAt };
    postings.set(l.recipientTenant, [...(postings.get(l.recipientTenant) ?? []), entry]);
    const audit = countyAudit.get(l.recipientTenant) ?? [];
    audit.push({ id: stableId('aud', s, `fund.reward_post/${eid}`, postedAt), at: postedAt, actorId: 'system', actorName: '以奖代补', actorRole: 'system', action: 'fund.reward_post', entityType: 'fund_entry', entityId: eid, before: null, after: { allianceId: entry.allianceId, kind: 'income', source: 'allocation', amountFen: entry.amountFen, projectId: null, orgId: null, occurredOn: paidOn, voucherNo, entrySummary: roundName }, requestId });
    countyAudit.set(l.recipientTenant, audit);
  });
  return { city, postings, cityAudit: cityAudit.sort((a, b) => a.at - b.at), countyAudit };
}
