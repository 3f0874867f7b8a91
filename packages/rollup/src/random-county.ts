// A randomly generated county for the rollup's tests and bench (ADR 0022):
// rows written straight into a tenant database with a seeded generator, and
// the figures that follow from them computed from the generated model by hand
// rules in plain JavaScript — not by the SQL under test.
import type { CountyFigures, MonthFigures } from '@ronghe/schema';

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const pad = (n: number) => String(n).padStart(2, '0');
const SH = 8 * 3600 * 1000;

/** The Shanghai calendar at `now`, computed here independently of the rollup's own window. */
export function calendar(now: number) {
  const d = new Date(now + SH);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const today = `${y}-${pad(m)}-${pad(d.getUTCDate())}`;
  const months: string[] = [];
  let yy = y;
  let mm = m;
  for (let i = 0; i < 24; i++) {
    months.unshift(`${yy}-${pad(mm)}`);
    mm -= 1;
    if (mm === 0) {
      mm = 12;
      yy -= 1;
    }
  }
  return { year: y, today, months };
}

const monthOfMs = (ms: number) => {
  const d = new Date(ms + SH);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};

export interface Model {
  orgs: Array<{ id: string; kind: string; domain: string; status: string; quality: string; weak: boolean; external: boolean }>;
  alliances: Array<{ id: string; name: string; type: string; model: string; status: string; foundedOn: string | null }>;
  members: Array<{ allianceId: string; orgId: string; joinedOn: string | null; leftOn: string | null }>;
  filings: Array<{ allianceId: string; cityState: string }>;
  needs: Array<{ allianceId: string; categoryId: string; status: string; updatedAt: number }>;
  projects: Array<{ allianceId: string; status: string; dueOn: string; completedOn: string | null }>;
  people: Array<{ id: string; name: string; phone: string; idNumber: string; kind: string; status: string; inService: boolean }>;
  reports: Array<{ personId: string; communityOrgId: string; status: string }>;
  pairings: Array<{ orgId: string; communityOrgId: string; status: string }>;
  activities: Array<{ allianceId: string; kind: string; status: string; date: string }>;
  plans: Array<{ allianceId: string; year: number; kind: string; period: string; required: number }>;
  meetings: Array<{ allianceId: string; heldOn: string }>;
  points: Array<{ personId: string; points: number; year: number; month: number }>;
  assessments: Array<{ allianceId: string; year: number; status: string; grade: string | null }>;
  rounds: Array<{ id: string; level: string; status: string; allocatedFen: number; corrects: string | null }>;
  disbursements: Array<{ roundId: string; status: string; amountFen: number; paidOn: string | null }>;
  funds: Array<{ kind: string; source: string | null; amountFen: number }>;
}

const ORG_KINDS = ['党委', '党支部', '党支部', '党总支'];
const DOMAINS = ['社区', '机关', '嘎查村', '事业单位', '机关'];
const QUALITY = ['未达标', '标准化规范化', '最强党支部（区级）', '最强党支部（市级）'];
const A_STATUS = ['draft', 'applied', 'approved', 'rejected', 'established', 'active', 'rectifying', 'dissolved', 'active'];
const A_TYPES = ['党建引领产业发展共同体', '党建引领多元治理共同体', '党建联合体+'];
const A_MODELS = ['区域化共驻共建', '跨域抱团联建共促', '中心社区以强带弱'];
const NEED_STATUS = ['open', 'partly_met', 'met', 'closed', 'cancelled', 'met'];
const P_STATUS = ['proposed', 'claimed', 'in_progress', 'completed', 'accepted', 'cancelled'];
const ACT_KINDS = ['joint_study', 'joint_visit', 'joint_theme_day', 'practical_matters', 'mutual_review', 'other'];
const SURNAMES = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王'];
const GIVEN = ['建国', '秀英', '海燕', '志强', '丽娜', '宝音', '其其格', '国华'];

/** A random date (YYYY-MM-DD) in the 30 months before `now`, or in the current year when `thisYear`. */
function dateIn(r: Rng, now: number, thisYear = false): string {
  const span = thisYear ? (now - Date.UTC(new Date(now + SH).getUTCFullYear(), 0, 1) + SH) : 30 * 30.5 * 86_400_000;
  const d = new Date(now + SH - Math.floor(r.next() * Math.max(span, 86_400_000)));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function generateModel(seed: number, now: number, prefix = 'r'): Model {
  const r = rng(seed);
  const { year } = calendar(now);
  const id = (k: string, i: number) => `${prefix}${k}${seed}_${i}`;
  const orgs = Array.from({ length: r.int(15, 35) }, (_, i) => ({
    id: id('org', i),
    kind: r.pick(ORG_KINDS),
    domain: r.pick(DOMAINS),
    status: r.chance(0.8) ? 'active' : 'inactive',
    quality: r.pick(QUALITY),
    weak: r.chance(0.15),
    external: r.chance(0.1),
  }));
  const alliances = Array.from({ length: r.int(4, 10) }, (_, i) => {
    const status = r.pick(A_STATUS);
    const founded = ['established', 'active', 'rectifying', 'dissolved'].includes(status);
    return { id: id('all', i), name: `随机党建联合体${i}`, type: r.pick(A_TYPES), model: r.pick(A_MODELS), status, foundedOn: founded ? dateIn(r, now) : null };
  });
  const members: Model['members'] = [];
  const liveMembers = new Set<string>();
  for (const a of alliances) {
    const n = r.int(1, 4);
    for (let i = 0; i < n; i++) {
      const x = { allianceId: a.id, orgId: r.pick(orgs).id, joinedOn: r.chance(0.85) ? dateIn(r, now) : null, leftOn: r.chance(0.2) ? dateIn(r, now) : null };
      // One current membership per organization and alliance (the table's unique index).
      if (!x.leftOn && liveMembers.has(`${x.allianceId}|${x.orgId}`)) continue;
      if (!x.leftOn) liveMembers.add(`${x.allianceId}|${x.orgId}`);
      members.push(x);
    }
  }
  const filings = Array.from({ length: r.int(0, 6) }, () => ({ allianceId: r.pick(alliances).id, cityState: r.chance(0.5) ? 'acknowledged' : 'unread' }));
  const cats = ['cat_a', 'cat_b', 'cat_c'];
  const needs = Array.from({ length: r.int(10, 30) }, () => ({ allianceId: r.pick(alliances).id, categoryId: r.pick(cats), status: r.pick(NEED_STATUS), updatedAt: now - Math.floor(r.next() * 900 * 86_400_000) }));
  const projects = Array.from({ length: r.int(5, 20) }, () => {
    const status = r.pick(P_STATUS);
    return { allianceId: r.pick(alliances).id, status, dueOn: dateIn(r, now + 200 * 86_400_000), completedOn: ['completed', 'accepted'].includes(status) ? dateIn(r, now) : null };
  });
  const people = Array.from({ length: r.int(10, 30) }, (_, i) => {
    const kind = r.chance(0.8) ? 'party_member' : 'volunteer';
    return {
      id: id('per', i),
      name: `${r.pick(SURNAMES)}${r.pick(GIVEN)}${i}`,
      phone: `139${String(r.int(10_000_000, 99_999_999))}`,
      idNumber: `150404${1960 + r.int(0, 40)}0${r.int(1, 9)}1${r.int(0, 9)}${String(i).padStart(3, '0')}X`,
      kind,
      status: r.chance(0.85) ? 'active' : 'left',
      inService: r.chance(0.5),
    };
  });
  const reports: Model['reports'] = [];
  for (const p of people) if (r.chance(0.4)) reports.push({ personId: p.id, communityOrgId: r.pick(orgs).id, status: r.chance(0.75) ? 'active' : 'ended' });
  const pairings: Model['pairings'] = [];
  const pairKeys = new Set<string>();
  for (let i = 0; i < r.int(2, 10); i++) {
    const o = r.pick(orgs).id;
    const c = r.pick(orgs).id;
    const status = r.chance(0.7) ? 'active' : 'ended';
    if (o === c || (status === 'active' && pairKeys.has(`${o}|${c}`))) continue;
    if (status === 'active') pairKeys.add(`${o}|${c}`);
    pairings.push({ orgId: o, communityOrgId: c, status });
  }
  const activities = Array.from({ length: r.int(10, 40) }, () => ({
    allianceId: r.pick(alliances).id,
    kind: r.pick(ACT_KINDS),
    status: r.pick(['held', 'held', 'planned', 'cancelled']),
    date: r.chance(0.5) ? dateIn(r, now, true) : dateIn(r, now),
  }));
  const plans: Model['plans'] = [];
  const planned = r.pick(alliances);
  plans.push({ allianceId: planned.id, year, kind: 'joint_visit', period: 'quarter', required: 2 }, { allianceId: planned.id, year, kind: 'joint_study', period: 'month', required: 1 });
  const meetings = Array.from({ length: r.int(2, 12) }, () => ({ allianceId: r.pick(alliances).id, heldOn: r.chance(0.5) ? dateIn(r, now, true) : dateIn(r, now) }));
  const points = Array.from({ length: people.length ? r.int(5, 40) : 0 }, () => {
    const d = dateIn(r, now);
    return { personId: r.pick(people).id, points: r.chance(0.15) ? -r.int(1, 5) : r.int(1, 20), year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)) };
  });
  const assessed = new Set<string>();
  const assessments: Model['assessments'] = [];
  for (let i = r.int(2, 8); i > 0; i--) {
    const status = r.chance(0.7) ? 'finalized' : 'open';
    const x = { allianceId: r.pick(alliances).id, year: r.pick([year - 2, year - 1]), status, grade: status === 'finalized' ? r.pick(['excellent', 'good', 'fair', 'poor']) : null };
    // One assessment per alliance and year (the table's unique index).
    if (assessed.has(`${x.allianceId}|${x.year}`)) continue;
    assessed.add(`${x.allianceId}|${x.year}`);
    assessments.push(x);
  }
  const rounds: Model['rounds'] = Array.from({ length: r.int(1, 4) }, (_, i) => ({ id: id('rnd', i), level: r.pick(['county', 'city']), status: r.chance(0.7) ? 'published' : 'draft', allocatedFen: r.int(0, 5_000_000), corrects: null }));
  const published = rounds.find((x) => x.status === 'published');
  if (published && r.chance(0.6)) rounds.push({ id: id('rnd', 99), level: published.level, status: 'published', allocatedFen: r.int(0, 5_000_000), corrects: published.id });
  const disbursements = Array.from({ length: r.int(0, 8) }, () => {
    const status = r.chance(0.6) ? 'paid' : 'planned';
    return { roundId: r.pick(rounds).id, status, amountFen: r.int(1, 900_000), paidOn: status === 'paid' ? dateIn(r, now) : null };
  });
  const funds = Array.from({ length: r.int(0, 10) }, () => {
    const kind = r.chance(0.7) ? 'income' : 'spending';
    return { kind, source: kind === 'income' ? r.pick(['allocation', 'contribution', 'party_fee', 'other']) : null, amountFen: r.int(1, 500_000) };
  });
  return { orgs, alliances, members, filings, needs, projects, people, reports, pairings, activities, plans, meetings, points, assessments, rounds, disbursements, funds };
}

async function columns(db: D1Database, table: string) {
  return (await db.prepare('SELECT name, type, "notnull" AS nn, dflt_value AS d, pk FROM pragma_table_info(?1)').bind(table).all<{ name: string; type: string; nn: number; d: unknown; pk: number }>()).results;
}

let fillSeq = 0;

/** Writes `model` into a county database (fills every other required column with a placeholder). */
export async function writeModel(db: D1Database, m: Model, now: number): Promise<void> {
  const cache = new Map<string, Awaited<ReturnType<typeof columns>>>();
  let n = fillSeq;
  fillSeq += 1_000_000;
  const stmts: D1PreparedStatement[] = [];
  const row = async (table: string, values: Record<string, unknown>) => {
    if (!cache.has(table)) cache.set(table, await columns(db, table));
    const v: Record<string, unknown> = { ...values };
    for (const c of cache.get(table)!) {
      if (c.name in v || !c.nn || c.d != null) continue;
      v[c.name] = c.pk ? `${table}_${++n}` : /INT/i.test(c.type) ? (c.name.endsWith('_at') ? now : 1) : c.name === 'code' ? `c${++n}` : /json|method|rules|facts|steps/.test(c.name) ? '{}' : `x${++n}`;
    }
    const keys = Object.keys(v);
    stmts.push(db.prepare(`INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((_, i) => `?${i + 1}`).join(', ')})`).bind(...keys.map((k) => v[k] ?? null)));
  };
  for (const o of m.orgs)
    await row('organizations', { id: o.id, path: `/${o.id}/`, depth: 0, name: `组织${o.id}`, kind: o.kind, domain: o.domain, status: o.status, quality_status: o.quality, weak_flag: o.weak ? 1 : 0, is_external: o.external ? 1 : 0 });
  for (const a of m.alliances)
    await row('alliances', { id: a.id, name: a.name, type: a.type, model: a.model, pairing_form: '组织结对', status: a.status, founded_on: a.foundedOn, lead_org_id: m.orgs[0]!.id, committee_org_id: m.orgs[0]!.id });
  for (const x of m.members) await row('alliance_members', { alliance_id: x.allianceId, org_id: x.orgId, role: 'member', joined_on: x.joinedOn, left_on: x.leftOn });
  for (const f of m.filings) await row('filings', { kind: 'approval', alliance_id: f.allianceId, alliance_name: 'x', filed_on: '2026-01-01', city_state: f.cityState });
  for (const x of m.needs) await row('needs', { alliance_id: x.allianceId, category_id: x.categoryId, status: x.status, quantity: 5, updated_at: x.updatedAt, deadline: '2030-01-01' });
  for (const p of m.projects) await row('projects', { alliance_id: p.allianceId, status: p.status, due_on: p.dueOn, completed_on: p.completedOn });
  for (const p of m.people)
    await row('people', { id: p.id, name: p.name, phone: p.phone, id_number: p.idNumber, kind: p.kind, party_standing: p.kind === 'party_member' ? '正式党员' : null, status: p.status, in_service: p.inService ? 1 : 0 });
  for (const x of m.reports) await row('member_reports', { person_id: x.personId, community_org_id: x.communityOrgId, reported_on: '2025-01-01', status: x.status });
  for (const x of m.pairings) await row('org_pairings', { org_id: x.orgId, community_org_id: x.communityOrgId, paired_on: '2025-01-01', status: x.status });
  for (const x of m.activities) await row('activities', { alliance_id: x.allianceId, kind: x.kind, status: x.status, activity_date: x.date, starts_at: 1, ends_at: 2 });
  for (const x of m.plans) await row('activity_quota_plans', { alliance_id: x.allianceId, year: x.year, kind: x.kind, period: x.period, required: x.required });
  for (const x of m.meetings) await row('meetings', { alliance_id: x.allianceId, held_on: x.heldOn });
  if (m.points.length) {
    await row('point_rules', { id: 'rule_rollup_test' });
    for (const x of m.points) await row('point_entries', { person_id: x.personId, rule_id: 'rule_rollup_test', points: x.points, year: x.year, month: x.month, kind: 'manual' });
  }
  if (m.assessments.length) {
    await row('indicator_schemes', { id: 'sch_rollup_test' });
    for (const x of m.assessments) await row('assessments', { alliance_id: x.allianceId, year: x.year, scheme_id: 'sch_rollup_test', status: x.status, grade: x.grade, score: x.grade ? 8000 : null });
  }
  for (const x of m.rounds) await row('reward_rounds', { id: x.id, level: x.level, status: x.status, allocated_fen: x.allocatedFen, corrects_round_id: x.corrects, published_at: x.status === 'published' ? now : null });
  for (const [i, x] of m.disbursements.entries()) {
    const alloc = `alc_${x.roundId}_${i}`;
    await row('reward_allocations', { id: alloc, round_id: x.roundId, amount_fen: x.amountFen });
    await row('reward_disbursements', { allocation_id: alloc, round_id: x.roundId, amount_fen: x.amountFen, status: x.status, paid_on: x.paidOn, voucher_no: x.paidOn ? `V${i}` : null });
  }
  for (const x of m.funds) await row('fund_entries', { alliance_id: m.alliances[0]!.id, kind: x.kind, source: x.source, amount_fen: x.amountFen, occurred_on: '2026-01-01' });
  for (let i = 0; i < stmts.length; i += 80) await db.batch(stmts.slice(i, i + 80));
}

const FOUNDED = ['established', 'active', 'rectifying'];

/** The figures `model` must give, by the rules of ADR 0022, in plain JavaScript. */
export function expectedFigures(m: Model, now: number): { figures: CountyFigures; trend: MonthFigures[] } {
  const { year, today, months } = calendar(now);
  const active = m.orgs.filter((o) => o.status === 'active');
  const tally = (xs: string[]) => xs.reduce<Record<string, number>>((a, k) => ((a[k] = (a[k] ?? 0) + 1), a), {});
  const live = m.alliances.filter((a) => a.status !== 'dissolved');
  const running = new Set(m.alliances.filter((a) => FOUNDED.includes(a.status)).map((a) => a.id));
  const pm = m.people.filter((p) => p.kind === 'party_member' && p.status === 'active');
  const inService = new Set(pm.filter((p) => p.inService).map((p) => p.id));
  const organs = new Set(active.filter((o) => o.domain === '机关' && !o.external).map((o) => o.id));
  const byCategory: Record<string, { open: number; met: number }> = {};
  for (const n of m.needs) {
    const open = n.status === 'open' || n.status === 'partly_met' ? 1 : 0;
    const met = n.status === 'met' ? 1 : 0;
    if (!open && !met) continue;
    const c = (byCategory[n.categoryId] ??= { open: 0, met: 0 });
    c.open += open;
    c.met += met;
  }
  const done = m.projects.filter((p) => p.status === 'completed' || p.status === 'accepted');
  const openProjects = m.projects.filter((p) => ['proposed', 'claimed', 'in_progress'].includes(p.status));
  // 五个一: per running alliance, its own plan or the default (five kinds, once a year).
  let quotaItems = 0;
  let quotaMet = 0;
  const quarterOf = (d: string) => Math.ceil(Number(d.slice(5, 7)) / 3);
  for (const a of running) {
    const own = m.plans.filter((p) => p.allianceId === a && p.year === year);
    const plan = own.length ? own : ['joint_study', 'joint_visit', 'joint_theme_day', 'practical_matters', 'mutual_review'].map((kind) => ({ kind, period: 'year', required: 1 }));
    const held = m.activities.filter((x) => x.allianceId === a && x.status === 'held' && x.date.startsWith(`${year}-`));
    for (const p of plan) {
      const n = p.period === 'year' ? 1 : p.period === 'quarter' ? 4 : p.period === 'half' ? 2 : 12;
      for (let i = 1; i <= n; i++) {
        const startMonth = ((i - 1) * 12) / n + 1;
        if (`${year}-${pad(startMonth)}-01` > today) continue;
        quotaItems += p.required;
        const inPeriod = held.filter((x) => x.kind === p.kind && (p.period === 'year' || (p.period === 'quarter' ? quarterOf(x.date) === i : p.period === 'month' ? Number(x.date.slice(5, 7)) === i : Math.ceil(Number(x.date.slice(5, 7)) / 6) === i)));
        quotaMet += Math.min(p.required, inPeriod.length);
      }
    }
  }
  const perPerson = new Map<string, number>();
  for (const e of m.points.filter((e) => e.year === year)) perPerson.set(e.personId, (perPerson.get(e.personId) ?? 0) + e.points);
  const finalized = m.assessments.filter((a) => a.status === 'finalized');
  const aYear = finalized.length ? Math.max(...finalized.map((a) => a.year)) : null;
  const grades = { excellent: 0, good: 0, fair: 0, poor: 0 };
  for (const a of finalized.filter((a) => a.year === aYear)) grades[a.grade as keyof typeof grades] += 1;
  const bySource: Record<string, { allocatedFen: number; disbursedFen: number }> = {};
  const at = (k: string) => (bySource[k] ??= { allocatedFen: 0, disbursedFen: 0 });
  const corrected = new Set(m.rounds.filter((r) => r.corrects && r.status === 'published').map((r) => r.corrects));
  for (const r of m.rounds.filter((r) => r.status === 'published' && !corrected.has(r.id))) at(r.level).allocatedFen += r.allocatedFen;
  const levelOf = new Map(m.rounds.map((r) => [r.id, r.level]));
  for (const d of m.disbursements.filter((d) => d.status === 'paid')) at(levelOf.get(d.roundId)!).disbursedFen += d.amountFen;
  const allocatedFen = Object.values(bySource).reduce((a, s) => a + s.allocatedFen, 0);
  const disbursedFen = Object.values(bySource).reduce((a, s) => a + s.disbursedFen, 0);
  for (const f of m.funds.filter((f) => f.kind === 'income')) {
    const s = at(f.source!);
    s.allocatedFen += f.amountFen;
    s.disbursedFen += f.amountFen;
  }
  const figures: CountyFigures = {
    orgs: {
      total: m.orgs.length,
      active: active.length,
      branches: active.filter((o) => o.kind === '党支部').length,
      standardized: active.filter((o) => o.quality === '标准化规范化').length,
      strongestCounty: active.filter((o) => o.quality === '最强党支部（区级）').length,
      strongestCity: active.filter((o) => o.quality === '最强党支部（市级）').length,
      weak: active.filter((o) => o.weak).length,
    },
    alliances: { total: live.length, byType: tally(live.map((a) => a.type)), byModel: tally(live.map((a) => a.model)), byStatus: tally(m.alliances.map((a) => a.status)) },
    members: {
      memberOrgs: m.members.filter((x) => running.has(x.allianceId) && x.joinedOn && !x.leftOn).length,
      partyMembers: pm.length,
      inService: inService.size,
      reportedMembers: new Set(m.reports.filter((x) => x.status === 'active' && inService.has(x.personId)).map((x) => x.personId)).size,
      organs: organs.size,
      pairedOrgans: new Set(m.pairings.filter((x) => x.status === 'active' && organs.has(x.orgId)).map((x) => x.orgId)).size,
    },
    needs: { open: m.needs.filter((n) => n.status === 'open' || n.status === 'partly_met').length, met: m.needs.filter((n) => n.status === 'met').length, byCategory },
    projects: {
      byStatus: tally(m.projects.map((p) => p.status)),
      open: openProjects.length,
      overdue: openProjects.filter((p) => p.dueOn < today).length,
      completed: done.length,
      completedOnTime: done.filter((p) => p.completedOn! <= p.dueOn).length,
    },
    activities: {
      quotaItems,
      quotaMet,
      meetingsHeld: m.meetings.filter((x) => x.heldOn.startsWith(`${year}-`)).length,
      activitiesHeld: m.activities.filter((x) => x.status === 'held' && x.date.startsWith(`${year}-`)).length,
    },
    points: { total: Math.max(0, [...perPerson.values()].reduce((a, b) => a + b, 0)), members: [...perPerson.values()].filter((v) => v > 0).length },
    assessment: { year: aYear, grades },
    rewards: { allocatedFen, disbursedFen, bySource },
    filings: { received: m.filings.length, acknowledgedByCity: m.filings.filter((f) => f.cityState === 'acknowledged').length },
  };
  const trend = months.map((month) => ({
    month,
    alliancesEstablished: m.alliances.filter((a) => a.status !== 'dissolved' && a.foundedOn?.startsWith(month)).length,
    needsMet: m.needs.filter((n) => n.status === 'met' && monthOfMs(n.updatedAt) === month).length,
    projectsCompleted: done.filter((p) => p.completedOn!.startsWith(month)).length,
    activitiesHeld: m.activities.filter((x) => x.status === 'held' && x.date.startsWith(month)).length,
    meetingsHeld: m.meetings.filter((x) => x.heldOn.startsWith(month)).length,
    pointsAwarded: Math.max(0, m.points.filter((e) => `${e.year}-${pad(e.month)}` === month).reduce((a, e) => a + e.points, 0)),
    disbursedFen: m.disbursements.filter((d) => d.status === 'paid' && d.paidOn!.startsWith(month)).reduce((a, d) => a + d.amountFen, 0),
  }));
  return { figures, trend };
}
