import type { TenantDef } from '@ronghe/tenancy';
import type { ClaimStatus, FundingSource, LocalityLevel, NeedSource, ProjectNoteKind, ProjectStatus, WarningLevel } from '@ronghe/schema/enums';
import { DEMO_TODAY } from './alliances.ts';
import * as T from './lists-text.ts';
import { ALL_RURAL_PRODUCTS, RURAL_PRODUCTS, joinName, mobile, personName } from './names.ts';
import { rngFrom, stableId, type Rng } from './prng.ts';
import type {
  AllianceDemoData,
  DemoAccount,
  DemoAlliance,
  DemoAllianceMember,
  DemoAllocation,
  DemoClaim,
  DemoMilestone,
  DemoNeed,
  DemoOrg,
  DemoProject,
  DemoResource,
  ListsDemoData,
} from './types.ts';

// 需求清单, 资源清单 and 项目清单 of every alliance whose lists are open
// (established, active, rectifying) and of some dissolved ones, as the server
// would have left them: each project is played forwards in time (created from
// matched needs and resources, claimed, started, milestones done, completed,
// accepted or cancelled), and every derived figure — a need's committed / in
// delivery / fulfilled quantities and status, a resource's allocated quantity,
// a project's progress and warning — is computed from the rows it derives from.

/**
 * Seed 003: "近千条" 产业链/治理链/服务链 city-wide. Projects per county at
 * scale 1, spread like the alliances (ALLIANCE_QUOTA × 3.27); sums to 999.
 */
export const PROJECT_QUOTA: Readonly<Record<string, number>> = {
  hongshan: 117,
  yuanbaoshan: 85,
  songshan: 111,
  alukeerqin: 72,
  balinzuo: 72,
  balinyou: 59,
  linxi: 65,
  keshiketeng: 72,
  wengniute: 85,
  kalaqin: 78,
  ningcheng: 98,
  aohan: 85,
};

/**
 * The default taxonomy (migration 0007 as revised by 0012, issue 10 §2): needs of which other
 * categories a resource of each category can meet. 助餐 and 助浴 are their own categories that
 * nothing else serves; the reasons for each pair are in the migration.
 */
export const CATEGORY_ALSO_SERVES: Readonly<Record<string, readonly string[]>> = {
  cat_employment: [],
  cat_elderly: [],
  cat_meal: [],
  cat_bath: [],
  cat_education: [],
  cat_health: [],
  cat_environment: [],
  cat_industry: [],
  cat_training: ['cat_employment', 'cat_industry'],
  cat_legal: [],
  cat_culture: [],
  cat_property: ['cat_environment'],
  cat_funds: ['cat_education', 'cat_industry', 'cat_employment'],
  cat_venue: ['cat_culture', 'cat_training'],
  cat_other: [],
};

export const serves = (resourceCategory: string, needCategory: string): boolean =>
  resourceCategory === needCategory || (CATEGORY_ALSO_SERVES[resourceCategory] ?? []).includes(needCategory);

/** The alliance of seed 003's 清单管理 (红山区): its open needs and free resources match each other. */
export const TIENAN_ALLIANCE = '铁南社区“大党委”党建联合体';
/** Titles of the open needs of 铁南社区“大党委” that its free resources can meet (same category, same community). */
export const TIENAN_OPEN_NEEDS = ['铁南社区独居老人助餐', '铁南社区老年人慢病健康随访', '铁南社区邻里纠纷调解', '铁南社区文艺汇演'] as const;

export const emptyListsData = (): ListsDemoData => ({ needs: [], resources: [], matchRejections: [], projects: [], allocations: [], milestones: [], claims: [], notes: [] });

// ── Calendar (as in alliances.ts) ────────────────────────────────────────────

const DAY_MS = 86_400_000;
// Memoized: tens of thousands of rows format and parse the same few thousand days.
const isoCache = new Map<number, string>();
const dayCache = new Map<string, number>();
const dayOf = (iso: string): number => {
  let d = dayCache.get(iso);
  if (d === undefined) dayCache.set(iso, (d = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS));
  return d;
};
const isoOf = (day: number): string => {
  let s = isoCache.get(day);
  if (s === undefined) isoCache.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return s;
};
const instantOf = (day: number, minute: number): number => day * DAY_MS - 8 * 3_600_000 + minute * 60_000;
const TODAY = dayOf(DEMO_TODAY);

function between(rng: Rng, lo: number, hi: number): number {
  return hi <= lo ? lo : rng.int(lo, hi);
}

// ── Warnings (督办) ──────────────────────────────────────────────────────────

export interface WarningInput {
  status: ProjectStatus;
  startOn: string | null;
  startedOn: string | null;
  dueOn: string;
  progressBp: number;
  createdOn: string;
}

export interface WarningResult {
  level: WarningLevel;
  /** In the words of packages/lists computeWarning. */
  reason: string | null;
  /** The day the current level began, for red and yellow. */
  since: string | null;
  /** For red: what is late, since when and by how many days (today). */
  late: { what: string; dueOn: string; days: number } | null;
}

const pct = (bp: number) => Math.floor(bp / 100);

/**
 * packages/lists computeWarning (the supervision job's rules), restated here
 * so the generator loads no server code; lists.node.test.ts checks both agree
 * on every demo project. red: past the deadline, or a milestone late by more
 * than 7 days; yellow: due within 7 days and not finished, a milestone late,
 * or progress more than 30 points behind the elapsed share of the schedule;
 * green otherwise; none once completed, accepted or cancelled. Adds the day
 * the level began, which the job would have recorded as warning_on.
 */
export function projectWarning(p: WarningInput, milestones: readonly Pick<DemoMilestone, 'title' | 'dueOn' | 'progressPct'>[], today: string): WarningResult {
  if (p.status !== 'proposed' && p.status !== 'claimed' && p.status !== 'in_progress') return { level: 'none', reason: null, since: null, late: null };
  const now = dayOf(today);
  const due = dayOf(p.dueOn);
  if (due < now) return { level: 'red', reason: `已超过完成期限（${p.dueOn}）仍未完成`, since: isoOf(due + 1), late: { what: '项目', dueOn: p.dueOn, days: now - due } };
  const worst = milestones
    .filter((m) => m.dueOn && m.progressPct < 100 && dayOf(m.dueOn) < now)
    .map((m) => ({ m, days: now - dayOf(m.dueOn!) }))
    .sort((a, b) => b.days - a.days)[0];
  if (worst && worst.days > 7)
    return {
      level: 'red',
      reason: `节点“${worst.m.title}”超过计划日期（${worst.m.dueOn}）7 天以上仍未完成`,
      since: isoOf(dayOf(worst.m.dueOn!) + 8),
      late: { what: `节点“${worst.m.title}”`, dueOn: worst.m.dueOn!, days: worst.days },
    };
  if (due - now <= 7 && p.progressBp < 10000)
    return { level: 'yellow', reason: `将于 ${p.dueOn} 到期（7 天内），进度 ${pct(p.progressBp)}%`, since: isoOf(Math.max(due - 7, dayOf(p.createdOn))), late: null };
  if (worst) return { level: 'yellow', reason: `节点“${worst.m.title}”已超过计划日期（${worst.m.dueOn}）`, since: isoOf(dayOf(worst.m.dueOn!) + 1), late: null };
  const start = p.startedOn ?? p.startOn ?? p.createdOn;
  if (start < p.dueOn && start <= today) {
    const elapsed = Math.min(100, ((now - dayOf(start)) / (due - dayOf(start))) * 100);
    if (elapsed - p.progressBp / 100 > 30) return { level: 'yellow', reason: '进度落后于时间进度 30 个百分点以上', since: today, late: null };
  }
  return { level: 'green', reason: null, since: null, late: null };
}

/** The supervision job's escalation text (packages/lists supervision.ts). */
function escalationBody(title: string, late: { what: string; dueOn: string; days: number }): string {
  const what = late.what === '项目' ? `已超过完成期限（${late.dueOn}）${late.days} 天` : `${late.what}已超过计划日期（${late.dueOn}）${late.days} 天`;
  return `项目“${title}”${what}仍未完成，现提请联合体牵头党组织和批准联合体的上级党(工)委督办，请承办单位说明情况并限期整改。`;
}

// ── The tenant's organizations ───────────────────────────────────────────────

const KIND_SUFFIX = /(机关党委|机关党总支|机关党支部|离退休干部党支部|联合党支部|联合党委|党工委|党总支|党支部|党委|党组)$/;
const stem = (o: DemoOrg) => o.name.replace(KIND_SUFFIX, '').replace(/（\d+）/g, '');

class Orgs {
  readonly byId = new Map<string, DemoOrg>();
  private readonly kidsOf = new Map<string, DemoOrg[]>();
  constructor(orgs: readonly DemoOrg[]) {
    for (const o of orgs) {
      this.byId.set(o.id, o);
      if (o.parentId) {
        const list = this.kidsOf.get(o.parentId) ?? [];
        list.push(o);
        this.kidsOf.set(o.parentId, list);
      }
    }
  }
  kids(o: DemoOrg): DemoOrg[] {
    return this.kidsOf.get(o.id) ?? [];
  }
  parent(o: DemoOrg): DemoOrg | undefined {
    return o.parentId ? this.byId.get(o.parentId) : undefined;
  }
  /** The street, township or park with a division code that an organization belongs to. */
  area(o: DemoOrg): DemoOrg | undefined {
    for (let cur: DemoOrg | undefined = o; cur; cur = this.parent(cur))
      if (['街道', '苏木乡镇', '园区'].includes(cur.domain) && !cur.isExternal && cur.divisionCode?.length === 9) return cur;
    return undefined;
  }
  /** 铁南街道铁南社区党委 → 铁南社区; 红山区民政局机关党委 → 红山区民政局. */
  short(o: DemoOrg): string {
    const s = stem(o);
    const p = this.parent(o);
    if (p && p.domain !== '旗县区委') {
      const ps = stem(p);
      if (s.startsWith(ps) && s.length > ps.length + 1) return s.slice(ps.length);
    }
    return s;
  }
}

// ── Places ───────────────────────────────────────────────────────────────────

interface Place {
  streetCode: string | null;
  communityCode: string | null;
  /** What residents call it: 铁南社区, 建昌营村, 铁南街道. */
  name: string;
  grids: string[];
  rural: boolean;
  /** The organization standing for the place (community, village or street). */
  org: DemoOrg | null;
  point: readonly [number, number] | null;
}

/** A deterministic point for a division code near its county seat: streets within a few km, townships tens of km out. */
function pointOf(slug: string, code: string): readonly [number, number] {
  const centre = T.COUNTY_CENTRES[slug] ?? [42.26, 118.89];
  const h = (key: string) => rngFrom(`lists-geo\u0000${key}`).next() * 2 - 1;
  const street = code.slice(0, 9);
  const urban = Number(street.slice(6, 9)) < 100;
  const spread = urban ? [0.025, 0.035] : [0.35, 0.45];
  let lat = centre[0] + h(`${street}/lat`) * spread[0]!;
  let lng = centre[1] + h(`${street}/lng`) * spread[1]!;
  if (code.length === 12) {
    const s = urban ? 0.007 : 0.03;
    lat += h(`${code}/lat`) * s;
    lng += h(`${code}/lng`) * s * 1.3;
  }
  return [lat, lng];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

// ── Quantities and money ─────────────────────────────────────────────────────

function roundQty(unit: string, q: number): number {
  if (unit === '元') return Math.max(100, Math.round(q / 100) * 100);
  return Math.max(1, Math.round(q));
}

/** Splits a budget in 分 over 1–3 funding sources, in whole hundreds of 元 but the last, summing exactly. */
function funding(rng: Rng, budgetFen: number): DemoProject['funding'] {
  if (budgetFen === 0) return [];
  const order: FundingSource[] = rng.shuffle(['上级拨', '各方筹', '党费补'] as FundingSource[]);
  const n = budgetFen < 30_000 ? 1 : rng.weighted([[1, 30], [2, 45], [3, 25]]);
  const sources = order.slice(0, n);
  const weights = sources.map(() => rng.int(1, 6));
  const total = weights.reduce((s, w) => s + w, 0);
  const out: DemoProject['funding'] = [];
  let left = budgetFen;
  sources.forEach((source, i) => {
    const amount = i === sources.length - 1 ? left : Math.max(10_000, Math.floor((budgetFen * weights[i]!) / total / 10_000) * 10_000);
    out.push({ source, amountFen: amount });
    left -= amount;
  });
  // Rounding can leave the last source with nothing: fold it into the first.
  if (out.length > 1 && out[out.length - 1]!.amountFen <= 0) {
    const last = out.pop()!;
    out[0]!.amountFen += last.amountFen;
  }
  return out;
}

// ── Inputs ───────────────────────────────────────────────────────────────────

export interface ListsInputs {
  seed: string;
  scale: number;
  tenant: TenantDef;
  orgs: readonly DemoOrg[];
  alliances: AllianceDemoData;
  /** This tenant's demo accounts and the city's, to attribute recent acts to them. */
  accounts: readonly DemoAccount[];
}

interface Actor {
  id: string;
  name: string;
  orgId: string | null;
}

type Stage = 'proposed' | 'claimed' | 'in_progress';
type Variant = 'normal' | 'overdue' | 'due_soon' | 'late_milestone' | 'behind';

interface Timeline {
  status: ProjectStatus;
  variant: Variant;
  created: number;
  startOn: number;
  dueOn: number;
  claimDay: number | null;
  confirmDay: number | null;
  started: number | null;
  completed: number | null;
  firstCompleted: number | null;
  returned: number | null;
  accepted: number | null;
  cancelled: number | null;
  cancelStage: Stage | null;
}

const STATUS_WEIGHTS: Readonly<Record<string, readonly (readonly [ProjectStatus, number])[]>> = {
  established: [['proposed', 40], ['claimed', 25], ['in_progress', 25], ['completed', 5], ['accepted', 2], ['cancelled', 3]],
  active: [['proposed', 9], ['claimed', 9], ['in_progress', 27], ['completed', 9], ['accepted', 38], ['cancelled', 8]],
  rectifying: [['proposed', 10], ['claimed', 10], ['in_progress', 38], ['completed', 8], ['accepted', 24], ['cancelled', 10]],
  dissolved: [['accepted', 70], ['cancelled', 30]],
};

/** Projects per alliance: the county quota apportioned by size and age (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!sum) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]![1]]! += 1;
  return out;
}

/** Builds one county's three lists over its alliances. */
export function buildLists(input: ListsInputs): ListsDemoData {
  const { seed, scale, tenant, alliances } = input;
  const slug = tenant.slug;
  const out = emptyListsData();
  const ix = new Orgs(input.orgs);
  const mongolian = tenant.name.endsWith('旗') ? 0.22 : 0.06;
  const accountsOpened = input.accounts.reduce((m, a) => Math.min(m, a.createdAt), Infinity);
  const scoped = input.accounts.filter((a) => a.tenant === slug && a.scopeOrgId);
  const synthetic = new Map<string, Actor>();
  const actorOf = (org: DemoOrg, at: number): Actor => {
    const acc = scoped.find((a) => a.scopeOrgId === org.id && at >= a.createdAt && a.role !== 'member');
    if (acc) return { id: acc.userId, name: acc.displayName, orgId: org.id };
    // The same person as the alliance history's synthetic actor of this organization.
    let actor = synthetic.get(org.id);
    if (!actor) {
      actor = { id: stableId('usr', seed, `${slug}/actor/${org.id}`, accountsOpened), name: org.secretaryName ?? `${stem(org)}书记`, orgId: org.id };
      synthetic.set(org.id, actor);
    }
    return actor;
  };
  const apiActor: Actor = { id: stableId('usr', seed, `${slug}/actor/api`, accountsOpened), name: '第三方应用', orgId: null };
  const county = (RURAL_PRODUCTS[slug] ?? ALL_RURAL_PRODUCTS)[0]!;

  const membersOf = new Map<string, DemoAllianceMember[]>();
  for (const m of alliances.members) {
    const list = membersOf.get(m.allianceId);
    if (list) list.push(m);
    else membersOf.set(m.allianceId, [m]);
  }

  // ── Which alliances keep lists, and how many projects each ──
  const pick = rngFrom(`${seed}\u0000${slug}\u0000lists\u0000eligible`);
  const eligible = alliances.alliances.filter((a) => {
    if (a.status === 'established' || a.status === 'active' || a.status === 'rectifying') return true;
    // A few historical ones: dissolved after running long enough to have delivered something.
    return a.status === 'dissolved' && !!a.startedOn && !!a.dissolvedOn && dayOf(a.dissolvedOn) - dayOf(a.startedOn) >= 240 && pick.chance(0.6);
  });
  const weights = eligible.map((a) => {
    const members = (membersOf.get(a.id) ?? []).filter((m) => m.joinedOn && (a.status === 'dissolved' || !m.leftOn)).length;
    const years = (Math.min(TODAY, a.dissolvedOn ? dayOf(a.dissolvedOn) : TODAY) - dayOf(a.foundedOn!)) / 365;
    const age = a.status === 'established' ? 0.35 : Math.min(3, 0.6 + years * 0.5);
    const state = a.status === 'dissolved' ? 0.5 : 1;
    const named = a.name === TIENAN_ALLIANCE ? 4 : 1;
    return (Math.min(members, 27) + 3) * age * state * named;
  });
  const counts = apportion((PROJECT_QUOTA[slug] ?? 60) * scale, weights);

  eligible.forEach((a, i) => buildAlliance(a, counts[i]!));
  return out;

  function buildAlliance(a: DemoAlliance, nProjects: number): void {
    const key = `${slug}/lists/${a.id}`;
    const arng = rngFrom(`${seed}\u0000${key}`);
    const live = a.status !== 'dissolved';
    const founded = dayOf(a.foundedOn!);
    const last = live ? TODAY - 1 : dayOf(a.dissolvedOn!) - 1;
    const first = Math.min(founded + 3, last);
    const dissolvedDay = a.dissolvedOn ? dayOf(a.dissolvedOn) : null;
    const needStart = out.needs.length;
    const lead = ix.byId.get(a.leadOrgId)!;
    const committee = ix.byId.get(a.committeeOrgId)!;
    // Members that still are today (for a dissolved alliance: until its dissolution), with the day they joined.
    const memberRows = (membersOf.get(a.id) ?? [])
      .filter((m) => m.joinedOn && (live ? m.leftOn === null : m.leftOn !== null && dayOf(m.leftOn) >= dissolvedDay!))
      .map((m) => ({ joined: dayOf(m.joinedOn!), org: ix.byId.get(m.orgId) }))
      .filter((m): m is { joined: number; org: DemoOrg } => !!m.org);
    const memberCache = new Map<number, DemoOrg[]>();
    /** Organizations that are members on `day` and, for a live alliance, still are today. */
    const membersOn = (day: number): DemoOrg[] => {
      let orgs = memberCache.get(day);
      if (!orgs) {
        orgs = memberRows.filter((m) => m.joined <= day).map((m) => m.org);
        if (!orgs.length) orgs = [lead];
        memberCache.set(day, orgs);
      }
      return orgs;
    };
    const allMembers = membersOn(last);

    // ── Places: the member communities and villages, else the streets and townships of the members ──
    const places: Place[] = [];
    const seenCodes = new Set<string>();
    for (const o of [lead, ...allMembers]) {
      if (o.isExternal || !o.divisionCode || o.divisionCode.length !== 12 || seenCodes.has(o.divisionCode)) continue;
      seenCodes.add(o.divisionCode);
      const grids = ix
        .kids(o)
        .filter((k) => k.domain === '网格')
        .map((k) => /第.+?网格/.exec(k.name)?.[0])
        .filter((g): g is string => !!g);
      places.push({ streetCode: o.divisionCode.slice(0, 9), communityCode: o.divisionCode, name: ix.short(o), grids, rural: o.domain === '嘎查村', org: o, point: pointOf(slug, o.divisionCode) });
    }
    if (!places.length) {
      for (const o of [lead, ...allMembers]) {
        const area = ix.area(o);
        if (!area || seenCodes.has(area.divisionCode!)) continue;
        seenCodes.add(area.divisionCode!);
        places.push({ streetCode: area.divisionCode!, communityCode: null, name: stem(area), grids: [], rural: area.domain !== '街道', org: area, point: pointOf(slug, area.divisionCode!) });
      }
    }
    if (!places.length) places.push({ streetCode: null, communityCode: null, name: ix.short(lead), grids: [], rural: lead.domain === '嘎查村', org: null, point: null });
    const homeOf = (o: DemoOrg): Place | undefined => places.find((p) => p.org?.id === o.id) ?? places.find((p) => !!p.streetCode && o.divisionCode?.startsWith(p.streetCode));
    const placeFor = (rng: Rng): Place => (rng.chance(0.45) ? places[0]! : rng.pick(places));

    // ── Themes ──
    const mixKey =
      a.type === '党建引领产业发展共同体'
        ? 'industry'
        : a.type === '党建引领多元治理共同体'
          ? 'governance'
          : (a.typeNote?.replace(/^党建联合体\+/, '') ?? '');
    const mix = T.THEME_MIX[mixKey] ?? (places[0]!.rural ? T.THEME_MIX.industry! : T.THEME_MIX.governance!);
    const product = ALL_RURAL_PRODUCTS.find((p) => a.name.includes(p.name))?.name ?? county.name;
    const fill = (s: string, place: Place, org?: DemoOrg) =>
      // A place or unit ending in the word the template goes on with is not doubled (福园社区 + 社区食堂 → 福园社区食堂).
      s
        .replaceAll('{product}', product)
        .replace(/\{(place|org)\}([^{]*)/g, (_, k: string, rest: string) => joinName(k === 'place' ? place.name : org ? ix.short(org) : '', rest));

    // ── Resources, shared by the projects of the alliance ──
    interface Pool {
      row: DemoResource;
      theme: T.Theme;
      spec: T.ResourceSpec;
      createdDay: number;
      /** Units of non-released allocations: the resource's allocated_qty. */
      live: number;
      /** Units ever allocated, released ones included: what later projects may not count on. */
      held: number;
      moves: number;
      lastMove: number;
    }
    const pool: Pool[] = [];

    const offeringOrg = (rng: Rng, spec: T.ResourceSpec, day: number): DemoOrg => {
      const members = membersOn(day);
      const byDomain = members.filter((o) => spec.domains.includes(o.domain));
      const byWord = spec.words ? byDomain.filter((o) => spec.words!.some((w) => o.name.includes(w))) : [];
      const list = byWord.length ? byWord : byDomain.length ? byDomain : members;
      return rng.pick(list);
    };

    const newResource = (rng: Rng, rkey: string, theme: T.Theme, spec: T.ResourceSpec, day: number, near: Place, capacity: number, notAfter = Infinity): Pool => {
      const org = offeringOrg(rng, spec, day);
      const home = homeOf(org) ?? near;
      const scope: LocalityLevel = rng.pick(spec.scope);
      // A resource scoped to a community or grid sits in one; street-wide ones may give only the street.
      const place = scope === 'grid' || scope === 'community' ? (home.communityCode ? home : near) : home;
      const grid = scope === 'grid' && place.grids.length ? rng.pick(place.grids) : null;
      const point = place.point && rng.chance(0.4) ? place.point : null;
      const j = () => (rng.next() - 0.5) * (place.rural ? 0.01 : 0.003);
      const createdAt = Math.min(instantOf(day, rng.int(8 * 60 + 30, 11 * 60)), notAfter);
      const phone = org.liaisonPhone ?? mobile(rng);
      const row: DemoResource = {
        id: stableId('res', seed, rkey, createdAt),
        allianceId: a.id,
        offeringOrgId: org.id,
        title: fill(spec.title, place, org).slice(0, 100),
        description: `${spec.desc}${rng.chance(0.5) ? `联系人可预约，${rng.pick(['工作日', '每周二、四', '周末', '每月第一周'])}服务。` : ''}`,
        kind: spec.kind,
        categoryId: spec.category,
        capacity,
        unit: theme.unit,
        allocatedQty: 0,
        streetCode: place.streetCode,
        communityCode: scope === 'street' || scope === 'county' ? (rng.chance(0.5) ? place.communityCode : null) : place.communityCode,
        gridName: grid,
        address: rng.chance(0.4) ? `${place.name}${place.rural ? `${rng.int(1, 9)}组` : `${rng.pick(T.COMMUNITY_COURTS)}${rng.int(1, 30)}号楼`}` : null,
        lat: point ? round6(point[0] + j()) : null,
        lng: point ? round6(point[1] + j()) : null,
        scope,
        radiusM: point ? (place.rural ? rng.int(5, 30) * 1000 : rng.int(15, 50) * 100) : null,
        availableFrom: rng.chance(0.6) ? isoOf(day) : null,
        availableTo: rng.chance(0.3) ? isoOf(day + rng.int(365, 900)) : null,
        contactName: org.liaisonName ?? personName(rng, mongolian),
        contactPhone: phone,
        status: 'available',
        version: 1,
        createdBy: actorOf(org, createdAt).id,
        createdAt,
        updatedAt: createdAt,
      };
      // A window that ends must still cover what the resource was created for.
      if (row.availableTo && dayOf(row.availableTo) < TODAY + 30 && live) row.availableTo = null;
      const entry: Pool = { row, theme, spec, createdDay: day, live: 0, held: 0, moves: 0, lastMove: createdAt };
      pool.push(entry);
      out.resources.push(row);
      return entry;
    };

    const newNeed = (rng: Rng, nkey: string, theme: T.Theme, spec: T.NeedSpec, place: Place, day: number, minute: number, deadline: number, forced?: NeedSource): DemoNeed => {
      const source: NeedSource = forced ?? rng.weighted(T.NEED_SOURCE_WEIGHTS);
      const members = membersOn(day);
      const placeOrg = place.org && members.some((m) => m.id === place.org!.id) ? place.org : lead;
      const raisedBy = source === '成员单位' ? rng.pick(members) : placeOrg;
      const resident = source === '群众点单' || source === '第三方应用';
      const createdAt = instantOf(day, minute);
      const q = roundQty(theme.unit, rng.int(spec.qty[0], spec.qty[1]));
      const point = place.point && rng.chance(0.35) ? place.point : null;
      const j = () => (rng.next() - 0.5) * (place.rural ? 0.01 : 0.004);
      const via = source === '第三方应用' ? `（经${rng.pick(T.THIRD_PARTY_APPS)}提交）` : source === '问题清单' ? '（网格员排查发现，列入问题清单）' : '';
      return {
        id: stableId('ned', seed, nkey, createdAt),
        allianceId: a.id,
        title: fill(spec.title, place).slice(0, 100),
        description: `${fill(spec.desc, place)}${via}`,
        source,
        categoryId: spec.category ?? theme.category,
        quantity: q,
        unit: theme.unit,
        streetCode: place.streetCode,
        communityCode: place.communityCode,
        gridName: place.grids.length && rng.chance(0.6) ? rng.pick(place.grids) : null,
        address: resident && rng.chance(0.5) ? `${place.name}${place.rural ? `${rng.int(1, 9)}组` : `${rng.pick(T.COMMUNITY_COURTS)}${rng.int(1, 30)}号楼${rng.int(1, 6)}单元`}` : null,
        lat: point ? round6(point[0] + j()) : null,
        lng: point ? round6(point[1] + j()) : null,
        urgency: rng.weighted([[1, 40], [2, 30], [3, 20], [4, 10]]),
        deadline: isoOf(deadline),
        raisedByOrgId: raisedBy.id,
        raiserName: resident ? personName(rng, mongolian) : source === '成员单位' ? (raisedBy.liaisonName ?? raisedBy.secretaryName) : null,
        raiserPhone: resident ? (rng.chance(0.85) ? mobile(rng) : null) : source === '成员单位' ? raisedBy.liaisonPhone : null,
        apiKeyId: null,
        committedQty: 0,
        inDeliveryQty: 0,
        fulfilledQty: 0,
        status: 'open',
        closedReason: null,
        version: 1,
        createdBy: source === '第三方应用' ? apiActor.id : actorOf(source === '成员单位' ? raisedBy : placeOrg, createdAt).id,
        createdAt,
        updatedAt: createdAt,
      };
    };

    // ── Projects: dates first, then rows in order of creation so resources can be shared ──
    const plans: { k: number; tl: Timeline }[] = [];
    for (let k = 0; k < nProjects; k++) plans.push({ k, tl: timeline(rngFrom(`${seed}\u0000${key}/p/${k}/t`), a.status, first, last) });
    plans.sort((x, y) => x.tl.created - y.tl.created || x.k - y.k);
    for (const { k, tl } of plans) buildProject(k, tl);

    // ── Needs nobody has taken up yet, and resources nobody has used: work for the matching page ──
    const openNeeds: DemoNeed[] = [];
    const extraNeeds = live ? Math.round(nProjects * 1.1) + arng.int(1, 3) : arng.int(1, 2);
    for (let i = 0; i < extraNeeds; i++) {
      const rng = rngFrom(`${seed}\u0000${key}/n/${i}`);
      const theme = T.THEME_BY_KEY.get(rng.weighted(mix))!;
      const spec = rng.pick(theme.needs);
      const day = between(rng, Math.max(first, last - 150), last);
      const need = newNeed(rng, `${key}/n/${i}`, theme, spec, placeFor(rng), day, rng.int(8 * 60, 17 * 60), day + rng.int(20, 150));
      if (!live) decide(rng, need, 'closed', dissolvedDay!, T.DISSOLVED_NEED_REASON);
      else {
        const fate = rng.weighted([['open', 82], ['cancelled', 10], ['closed', 8]] as const);
        if (fate !== 'open') decide(rng, need, fate, between(rng, day + 1, last), rng.pick(fate === 'closed' ? T.NEED_CLOSE_REASONS : T.NEED_CANCEL_REASONS));
        else openNeeds.push(need);
      }
      out.needs.push(need);
    }
    const extraResources = live ? Math.round(nProjects * 0.5) + arng.int(1, 2) : 1;
    const freeResources: Pool[] = [];
    for (let i = 0; i < extraResources; i++) {
      const rng = rngFrom(`${seed}\u0000${key}/r/${i}`);
      const theme = T.THEME_BY_KEY.get(rng.weighted(mix))!;
      const spec = rng.pick(theme.resources);
      const day = between(rng, Math.max(first, last - 200), last);
      const cap = roundQty(theme.unit, rng.int(theme.needs[0]!.qty[0], theme.needs[0]!.qty[1]) * rng.int(1, 3));
      const r = newResource(rng, `${key}/r/${i}`, theme, spec, day, placeFor(rng), cap);
      if (!live || rng.chance(0.12)) withdraw(r, between(rng, day + 1, last));
      else freeResources.push(r);
    }
    if (live && a.name === TIENAN_ALLIANCE) tienanPairs();
    if (live) reviewOverdue();

    // ── A few pairs people refused, so the engine stops suggesting them ──
    if (live && openNeeds.length && freeResources.length && arng.chance(0.35)) {
      const seen = new Set<string>();
      for (let i = 0, n = arng.int(1, 2); i < n; i++) {
        const need = arng.pick(openNeeds);
        const r = freeResources.find((p) => serves(p.row.categoryId, need.categoryId) && !seen.has(`${need.id}|${p.row.id}`)) ?? arng.pick(freeResources);
        if (seen.has(`${need.id}|${r.row.id}`)) continue;
        seen.add(`${need.id}|${r.row.id}`);
        const since = Math.floor((Math.max(need.createdAt, r.row.createdAt) + 8 * 3_600_000) / DAY_MS);
        const day = between(arng, since + 1, last);
        const at = Math.max(instantOf(day, arng.int(9 * 60, 17 * 60)), need.createdAt + 60_000, r.row.createdAt + 60_000);
        out.matchRejections.push({
          id: stableId('mrj', seed, `${key}/rej/${i}`, at),
          needId: need.id,
          resourceId: r.row.id,
          reason: arng.pick(T.REJECTION_REASONS),
          rejectedBy: actorOf(lead, at).id,
          rejectedAt: at,
        });
      }
    }

    // ── Final figures of the resources; a dissolved alliance's members took back what was left ──
    if (!live) for (const r of pool) if (r.row.status !== 'withdrawn' && r.live < r.row.capacity) withdraw(r, last);
    for (const r of pool) {
      r.row.allocatedQty = r.live;
      if (r.row.status !== 'withdrawn') r.row.status = r.live >= r.row.capacity ? 'exhausted' : 'available';
      r.row.version = 1 + r.moves;
      r.row.updatedAt = Math.max(r.row.updatedAt, r.lastMove);
    }

    function withdraw(r: Pool, day: number): void {
      r.row.status = 'withdrawn';
      r.row.updatedAt = Math.max(r.row.createdAt, instantOf(day, 16 * 60));
      r.moves++;
    }

    /**
     * 逾期 (issue 10 §2): a need past its deadline waits in the overdue review and is not matched.
     * At most two per alliance, overdue by a month at most, stay as that review's examples; the
     * alliance reviewed the others in time: a few nothing was done for were closed with the reason,
     * the rest (still wanted, or already being served) were given a new deadline.
     */
    function reviewOverdue(): void {
      const rng = rngFrom(`${seed}\u0000${key}/overdue`);
      let kept = 0;
      for (const n of out.needs.slice(needStart)) {
        if ((n.status !== 'open' && n.status !== 'partly_met') || n.deadline >= DEMO_TODAY) continue;
        const due = dayOf(n.deadline);
        if (kept < 2 && due >= TODAY - 30) {
          kept++;
          continue;
        }
        if (n.status === 'open' && n.committedQty + n.inDeliveryQty + n.fulfilledQty === 0 && rng.chance(0.25)) decide(rng, n, 'closed', Math.min(last, due + rng.int(1, 10)), T.OVERDUE_CLOSE_REASON);
        else {
          n.deadline = isoOf(TODAY + rng.int(20, 90));
          n.version += 1;
        }
      }
    }

    function decide(rng: Rng, need: DemoNeed, status: 'closed' | 'cancelled', day: number, reason: string): void {
      need.status = status;
      need.closedReason = reason;
      need.version += 1;
      need.updatedAt = Math.max(need.updatedAt + 60_000, instantOf(day, rng.int(9 * 60, 17 * 60)));
    }

    /** Seed 003's 清单管理 at 铁南社区: open needs and free resources of one community that the engine pairs up. */
    function tienanPairs(): void {
      const home = places.find((p) => p.communityCode === '150402007001') ?? places[0]!;
      const cases: [string, number, number][] = [
        ['elderly_meal', 0, 0],
        ['health_clinic', 0, 0],
        ['legal', 1, 1],
        ['culture', 0, 1],
      ];
      cases.forEach(([themeKey, ni, ri], i) => {
        const rng = rngFrom(`${seed}\u0000${key}/tienan/${i}`);
        const theme = T.THEME_BY_KEY.get(themeKey)!;
        const spec = theme.needs[ni]!;
        const day = last - rng.int(3, 20);
        const need = newNeed(rng, `${key}/tienan/n/${i}`, theme, spec, home, day, rng.int(8 * 60, 12 * 60), TODAY + rng.int(60, 150), '群众点单');
        need.lat = need.lng = null;
        need.title = joinName(home.name, spec.title.replace('{place}', '')).slice(0, 100);
        need.urgency = rng.int(2, 3);
        out.needs.push(need);
        const cap = roundQty(theme.unit, need.quantity * rng.int(1, 2));
        const r = newResource(rng, `${key}/tienan/r/${i}`, theme, theme.resources[ri]!, day - rng.int(1, 10), home, cap);
        Object.assign(r.row, { streetCode: home.streetCode, communityCode: home.communityCode, gridName: null, lat: null, lng: null, radiusM: null, scope: 'street', availableFrom: null, availableTo: null, status: 'available' });
      });
    }

    function buildProject(k: number, tl: Timeline): void {
      const pkey = `${key}/p/${k}`;
      const rng = rngFrom(`${seed}\u0000${pkey}`);
      const theme = T.THEME_BY_KEY.get(rng.weighted(mix))!;
      const main = placeFor(rng);
      const title = fill(rng.pick(theme.projects), main).slice(0, 100);
      const createdAt = instantOf(tl.created, rng.int(9 * 60, 10 * 60));
      const id = stableId('prj', seed, pkey, createdAt);
      const status = tl.status;

      // ── Needs it takes on, and the resources that meet them ──
      const nNeeds = rng.weighted([[1, 12], [2, 25], [3, 33], [4, 20], [5, 10]]);
      const needs: DemoNeed[] = [];
      for (let i = 0; i < nNeeds; i++) {
        const spec = rng.pick(theme.needs);
        const place = i === 0 ? main : placeFor(rng);
        const day = between(rng, Math.max(first, tl.created - 45), tl.created);
        const minute = day === tl.created ? rng.int(8 * 60, 8 * 60 + 50) : rng.int(8 * 60, 17 * 60);
        const deadline = Math.max(day + 15, tl.dueOn + rng.int(-15, 30));
        needs.push(newNeed(rng, `${pkey}/n/${i}`, theme, spec, place, day, minute, deadline));
      }
      const nRes = rng.weighted([[1, 35], [2, 40], [3, 25]]);
      const used: Pool[] = [];
      const fresh: { spec: T.ResourceSpec; entries: { need: DemoNeed; qty: number }[] }[] = [];
      const reusable = pool.filter((p) => p.theme === theme && p.row.status !== 'withdrawn' && p.row.createdAt < createdAt && p.row.capacity > p.held);
      for (let i = 0; i < nRes; i++) {
        if (reusable.length && rng.chance(0.25)) {
          const r = rng.pick(reusable);
          if (!used.includes(r)) used.push(r);
          continue;
        }
        fresh.push({ spec: i === 0 ? theme.resources[0]! : rng.pick(theme.resources), entries: [] });
      }
      interface Alloc {
        need: DemoNeed;
        qty: number;
        pool: Pool | null;
        fresh: (typeof fresh)[number] | null;
      }
      const allocs: Alloc[] = [];
      for (const need of needs) {
        const want = rng.chance(0.7) ? need.quantity : roundQty(need.unit, Math.min(need.quantity - (need.unit === '元' ? 100 : 1), Math.max(1, Math.round((need.quantity * rng.int(40, 90)) / 100))));
        const qty = Math.max(1, Math.min(need.quantity, want));
        const direct = rng.chance(0.05);
        const poolFits = used.filter((p) => serves(p.row.categoryId, need.categoryId) && p.row.capacity - p.held > 0);
        const freshFits = fresh.filter((f) => serves(f.spec.category, need.categoryId));
        if (!direct && freshFits.length && (!poolFits.length || rng.chance(0.6))) {
          const f = rng.pick(freshFits);
          f.entries.push({ need, qty });
          allocs.push({ need, qty, pool: null, fresh: f });
        } else if (!direct && poolFits.length) {
          const p = rng.pick(poolFits);
          const q = Math.min(qty, p.row.capacity - p.held);
          // Reserved now, so a later need of this project cannot take the same units.
          p.live += q;
          p.held += q;
          allocs.push({ need, qty: q, pool: p, fresh: null });
        } else allocs.push({ need, qty, pool: null, fresh: null });
      }
      // Fresh resources: created for this project, with room left over or used up.
      const freshPools = new Map<(typeof fresh)[number], Pool>();
      fresh.forEach((f, i) => {
        const sum = f.entries.reduce((s, e) => s + e.qty, 0);
        const base = sum || rng.int(theme.needs[0]!.qty[0], theme.needs[0]!.qty[1]);
        const cap = sum && rng.chance(0.45) ? sum : roundQty(theme.unit, base + Math.ceil((base * rng.int(10, 150)) / 100));
        const day = between(rng, Math.max(first, tl.created - 60), tl.created);
        freshPools.set(f, newResource(rng, `${pkey}/r/${i}`, theme, f.spec, day, main, Math.max(cap, sum), createdAt - 60_000 * (i + 1)));
      });

      // ── Milestones ──
      const titles = theme.milestones;
      const nMs = Math.min(titles.length, rng.int(2, 5));
      const chosen = rng.shuffle(titles.slice(0, -1).map((_, i) => i)).slice(0, nMs - 1).sort((x, y) => x - y);
      const msTitles = [...chosen.map((i) => titles[i]!), titles[titles.length - 1]!];
      // Weights sum to 100, so progress in basis points is Σ weight × percent exactly.
      const msWeights = apportion(100, msTitles.map(() => rng.int(1, 4)));
      const planStart = tl.started ?? tl.startOn;
      const span = Math.max(1, tl.dueOn - planStart);
      const msDue = msTitles.map((_, i) => (i === msTitles.length - 1 ? tl.dueOn : planStart + Math.round((span * (i + 1)) / msTitles.length)));
      const msPct = msTitles.map(() => 0);
      const msDone: (number | null)[] = msTitles.map(() => null);
      const doneBy = (i: number, cap: number) => {
        const lo = Math.max(tl.started ?? planStart, i ? (msDone[i - 1] ?? planStart) : planStart);
        msPct[i] = 100;
        msDone[i] = Math.min(cap, Math.max(lo, msDue[i]! - rng.int(0, 6)));
      };
      if (status === 'completed' || status === 'accepted') {
        msTitles.forEach((_, i) => doneBy(i, tl.completed!));
        msDone[msDone.length - 1] = tl.completed!;
      } else if (status === 'in_progress' || (status === 'cancelled' && tl.cancelStage === 'in_progress')) {
        const until = status === 'cancelled' ? tl.cancelled! : TODAY;
        const cap = status === 'cancelled' ? tl.cancelled! : last;
        const current = msDue.findIndex((d) => d >= until);
        for (let i = 0; i < msTitles.length; i++) {
          if (msDue[i]! < until) doneBy(i, cap);
          else if (i === current) {
            const lo = i ? msDue[i - 1]! : planStart;
            const share = (until - lo) / Math.max(1, msDue[i]! - lo);
            msPct[i] = tl.variant === 'behind' ? 0 : Math.min(90, Math.max(0, Math.round(share * 10) * 10 + rng.int(-1, 1) * 10));
          }
        }
        const pastDue = msDue.map((d, i) => (d < until ? i : -1)).filter((i) => i >= 0);
        const stuck = pastDue[pastDue.length - 1];
        if (status === 'in_progress' && (tl.variant === 'late_milestone' || tl.variant === 'overdue') && stuck !== undefined) {
          msPct[stuck] = rng.int(2, 9) * 10;
          msDone[stuck] = null;
        }
        if (status === 'in_progress' && tl.variant === 'due_soon') {
          const lastI = msTitles.length - 1;
          msPct[lastI] = rng.int(3, 9) * 10;
          msDone[lastI] = null;
        }
      }
      const progressBp = msTitles.reduce((s, _, i) => s + msWeights[i]! * msPct[i]!, 0);

      // ── Claims ──
      interface ClaimPlan {
        org: DemoOrg;
        status: ClaimStatus;
        claimed: number;
        decided: number | null;
        note: string;
        decision: string | null;
      }
      const claims: ClaimPlan[] = [];
      const reached: Stage | 'done' = status === 'cancelled' ? tl.cancelStage! : status === 'proposed' ? 'proposed' : status === 'claimed' ? 'claimed' : status === 'in_progress' ? 'in_progress' : 'done';
      const endOfClaims = status === 'cancelled' ? tl.cancelled! : last;
      const taken = new Set<string>();
      const claimant = (day: number, exclude: ReadonlySet<string>) => {
        const list = membersOn(day).filter((o) => !exclude.has(o.id));
        if (!list.length) return null;
        return rng.chance(0.3) && list.some((o) => o.id === lead.id) ? lead : rng.pick(list);
      };
      const at = (day: number, from = 10 * 60, to = 17 * 60 + 30) => instantOf(day, rng.int(from, to));
      if (reached !== 'proposed' && tl.claimDay !== null) {
        const primary = claimant(tl.claimDay, taken)!;
        taken.add(primary.id);
        if (rng.chance(0.15)) {
          const d = claimant(tl.claimDay, taken);
          if (d) claims.push({ org: d, status: 'declined', claimed: tl.claimDay, decided: tl.confirmDay!, note: rng.pick(T.CLAIM_NOTES), decision: rng.pick(T.DECLINE_NOTES) });
        }
        if (rng.chance(0.08)) {
          const w = claimant(tl.claimDay, new Set([...taken, ...claims.map((c) => c.org.id)]));
          if (w) claims.push({ org: w, status: 'withdrawn', claimed: tl.claimDay, decided: between(rng, tl.claimDay, tl.confirmDay!), note: rng.pick(T.CLAIM_NOTES), decision: null });
        }
        claims.push({ org: primary, status: 'confirmed', claimed: tl.claimDay, decided: tl.confirmDay!, note: T.CLAIM_NOTES[0]!, decision: null });
        const shared = rng.weighted([[0, 67], [1, 25], [2, 8]]);
        for (let i = 0; i < shared; i++) {
          const day = between(rng, tl.claimDay, Math.min(endOfClaims, tl.confirmDay! + 30));
          const o = claimant(day, taken);
          if (!o) break;
          taken.add(o.id);
          claims.push({ org: o, status: 'confirmed', claimed: day, decided: Math.min(endOfClaims, day + rng.int(0, 3)), note: rng.pick(T.CLAIM_NOTES.slice(1)), decision: null });
        }
        if (status === 'in_progress' && live && rng.chance(0.1)) {
          const day = between(rng, last - 20, last);
          const o = claimant(day, taken);
          if (o) claims.push({ org: o, status: 'pending', claimed: day, decided: null, note: rng.pick(T.CLAIM_NOTES.slice(1)), decision: null });
        }
      } else if (status === 'proposed' || reached === 'proposed') {
        if (status === 'proposed' && live && rng.chance(0.35)) {
          for (let i = 0, n = rng.int(1, 2); i < n; i++) {
            const day = between(rng, tl.created, last);
            const o = claimant(day, taken);
            if (!o) break;
            taken.add(o.id);
            claims.push({ org: o, status: 'pending', claimed: day, decided: null, note: rng.pick(T.CLAIM_NOTES), decision: null });
          }
        }
        if (rng.chance(0.12)) {
          const day = between(rng, tl.created, endOfClaims - 1);
          const o = claimant(day, taken);
          if (o) claims.push({ org: o, status: 'declined', claimed: day, decided: Math.min(endOfClaims, day + rng.int(1, 4)), note: rng.pick(T.CLAIM_NOTES), decision: rng.pick(T.DECLINE_NOTES) });
        }
      }
      const owner = claims.find((c) => c.status === 'confirmed')?.org ?? lead;
      const ownerActor = (day: number) => actorOf(owner, instantOf(day, 12 * 60));
      const leadActor = (day: number) => actorOf(lead, instantOf(day, 12 * 60));

      // ── The project row ──
      const budgetYuan = theme.budget[0] === 0 && rng.chance(0.35) ? 0 : Math.round(rng.int(Math.max(theme.budget[0], 1000), theme.budget[1]) / 100) * 100;
      const budgetFen = budgetYuan * 100;
      const done = status === 'completed' || status === 'accepted';
      const finishDay = status === 'cancelled' ? tl.cancelled! : done ? tl.completed! : null;
      const delivered = allocs.reduce((s, x) => s + x.qty, 0);
      const beneficiaries = done ? beneficiariesOf(rng, theme.unit, delivered) : null;
      const project: DemoProject = {
        id,
        allianceId: a.id,
        title,
        description: `【${theme.chain}】${fill(rng.pick(theme.needs).desc, main)}${a.name}统筹成员单位资源，${nNeeds > 1 ? `一并解决${nNeeds}项相关需求` : '集中力量解决'}。`,
        categoryId: theme.category,
        ownerName: owner.secretaryName ?? personName(rng, mongolian),
        ownerOrgId: owner.id,
        status,
        budgetFen,
        funding: funding(rng, budgetFen),
        startOn: isoOf(tl.startOn),
        dueOn: isoOf(tl.dueOn),
        startedOn: tl.started !== null ? isoOf(tl.started) : null,
        completedOn: done ? isoOf(tl.completed!) : null,
        acceptedOn: status === 'accepted' ? isoOf(tl.accepted!) : null,
        progressBp,
        warning: 'green',
        warningReason: null,
        warningOn: null,
        escalatedOn: null,
        beneficiaries,
        deliveredQty: done ? delivered : null,
        outcomeNote: done
          ? theme.outcome
              .replaceAll('{q}', String(delivered))
              .replaceAll('{unit}', theme.unit)
              .replaceAll('{b}', String(beneficiaries))
              .replaceAll('{k}', String(rng.int(3, 60)))
              .replaceAll('{pct}', String(rng.int(88, 99)))
              .replaceAll('{product}', product)
          : null,
        acceptanceNote: status === 'accepted' ? rng.pick(T.ACCEPTANCE_NOTES) : null,
        cancelReason: status === 'cancelled' ? (!live && tl.cancelled! >= last - 1 ? T.DISSOLVED_CANCEL_REASON : rng.pick(T.CANCEL_REASONS)) : null,
        version: 1,
        createdBy: leadActor(tl.created).id,
        createdAt,
        updatedAt: createdAt,
      };
      const milestones: DemoMilestone[] = msTitles.map((t, i) => ({
        id: stableId('pms', seed, `${pkey}/m/${i}`, createdAt),
        projectId: id,
        title: t,
        weight: msWeights[i]!,
        dueOn: isoOf(msDue[i]!),
        progressPct: msPct[i]!,
        doneOn: msDone[i] !== null && msPct[i] === 100 ? isoOf(msDone[i]!) : null,
        note: msPct[i]! > 0 && msPct[i]! < 100 ? `已完成约 ${msPct[i]}%，正在推进。` : null,
        sortOrder: i,
      }));

      // ── Warning of today, and escalations on the way ──
      const w = projectWarning(
        { status, startOn: project.startOn, startedOn: project.startedOn, dueOn: project.dueOn, progressBp, createdOn: isoOf(tl.created) },
        milestones,
        DEMO_TODAY,
      );
      project.warning = w.level;
      project.warningReason = w.reason;

      // ── The supervision thread ──
      interface NotePlan {
        at: number;
        kind: ProjectNoteKind;
        body: string;
        actor: Actor | null;
        notified?: string[];
        replyTo?: number;
      }
      const notes: NotePlan[] = [];
      const note = (day: number, kind: ProjectNoteKind, body: string, actor: Actor | null, extra: Partial<NotePlan> = {}, minute?: number) =>
        notes.push({ at: instantOf(day, minute ?? rng.int(10 * 60, 17 * 60 + 30)), kind, body, actor, ...extra });
      notes.push({
        at: createdAt,
        kind: 'event',
        body: rng.chance(0.7) ? `由需求对接生成项目，关联需求 ${nNeeds} 条、资源 ${used.length + fresh.length} 项。` : `创建项目“${title}”。`,
        actor: leadActor(tl.created),
      });
      const claimRows: DemoClaim[] = [];
      claims.forEach((c, i) => {
        const claimedAt = Math.max(createdAt + 60_000 * (i + 1), at(c.claimed));
        const claimActor = actorOf(c.org, claimedAt);
        const short = ix.short(c.org);
        notes.push({ at: claimedAt, kind: 'event', body: `${short}申请认领：${c.note}`, actor: claimActor });
        let decidedAt: number | null = null;
        let decidedBy: string | null = null;
        if (c.decided !== null) {
          decidedAt = Math.max(claimedAt + 60_000, at(c.decided));
          if (c.status === 'withdrawn') {
            decidedBy = claimActor.id;
            notes.push({ at: decidedAt, kind: 'event', body: `${short}撤回认领。`, actor: claimActor });
          } else {
            const by = actorOf(lead, decidedAt);
            decidedBy = by.id;
            notes.push({ at: decidedAt, kind: 'event', body: c.status === 'confirmed' ? `同意${short}认领。` : `未同意${short}认领：${c.decision}`, actor: by });
          }
        }
        claimRows.push({
          id: stableId('pcl', seed, `${pkey}/c/${i}`, claimedAt),
          projectId: id,
          orgId: c.org.id,
          status: c.status,
          note: c.note,
          decisionNote: c.decision,
          claimedBy: claimActor.id,
          claimedAt,
          decidedBy,
          decidedAt,
        });
      });
      if (tl.started !== null) note(tl.started, 'event', '开始实施。', ownerActor(tl.started), {}, 9 * 60 + 30);
      milestones.forEach((m, i) => {
        if (m.doneOn) note(dayOf(m.doneOn), 'event', `节点“${m.title}”已完成。`, ownerActor(dayOf(m.doneOn)), {}, 15 * 60 + i);
        else if (m.progressPct > 0) {
          const day = between(rng, Math.max(planStart, tl.started ?? planStart), status === 'cancelled' ? tl.cancelled! - 1 : last);
          note(day, 'event', `节点“${m.title}”进度更新为 ${m.progressPct}%。`, ownerActor(day), {}, 15 * 60 + 20 + i);
        }
      });
      if (tl.returned !== null) {
        note(tl.firstCompleted!, 'event', '报告完成，提请验收。', ownerActor(tl.firstCompleted!), {}, 16 * 60 + 30);
        note(tl.returned, 'event', `退回整改：${rng.pick(T.RETURN_REASONS)}`, leadActor(tl.returned), {}, 11 * 60);
      }
      if (done) note(tl.completed!, 'event', `报告完成：${project.outcomeNote}`, ownerActor(tl.completed!), {}, 16 * 60 + 40);
      if (status === 'accepted') note(tl.accepted!, 'event', `验收通过：${project.acceptanceNote}`, leadActor(tl.accepted!), {}, 10 * 60 + 30);
      if (status === 'cancelled') note(tl.cancelled!, 'event', `取消项目：${project.cancelReason}`, leadActor(tl.cancelled!), {}, 16 * 60 + 50);

      // The job's rows: a warning when a project turns yellow (to the lead), one escalation when it turns
      // red (to the lead and the approving committee). escalated_on stands while red; finishing clears it,
      // the thread keeps the history.
      const notified = [lead.id, committee.id];
      const yellowNote = (day: number, reason: string) => note(day, 'warning', `预警：${reason}`, null, { notified: [lead.id] }, 7 * 60);
      const escalationNote = (day: number, late: { what: string; dueOn: string; days: number }) => note(day, 'escalation', escalationBody(title, late), null, { notified }, 7 * 60 + 1);
      if (w.level === 'red') {
        const redDay = Math.min(TODAY, Math.max(tl.created, dayOf(w.since!)));
        const due = tl.dueOn;
        if (w.late!.what === '项目' && due - 7 > tl.created && progressBp < 10000) yellowNote(due - 7, `将于 ${isoOf(due)} 到期（7 天内），进度 ${pct(progressBp)}%`);
        escalationNote(redDay, { ...w.late!, days: redDay - dayOf(w.late!.dueOn) });
        project.escalatedOn = isoOf(redDay);
      } else if (w.level === 'yellow') {
        yellowNote(Math.min(TODAY, Math.max(tl.created, dayOf(w.since!))), w.reason!);
      } else if (finishDay !== null && finishDay > tl.dueOn && tl.dueOn + 1 > tl.created) {
        escalationNote(tl.dueOn + 1, { what: '项目', dueOn: isoOf(tl.dueOn), days: 1 });
      }
      // warning_on: when the level last changed — the day it turned red or yellow, the day a write finished it, else its creation.
      project.warningOn = w.since ?? (finishDay !== null ? isoOf(done ? tl.completed! : finishDay) : isoOf(tl.created));
      const superviseChance = w.level === 'red' ? 0.75 : w.level === 'yellow' ? 0.5 : finishDay === null ? 0.1 : 0.15;
      if (rng.chance(superviseChance)) {
        const endDay = finishDay ?? last;
        const day = between(rng, w.level === 'red' || w.level === 'yellow' ? Math.max(tl.created, Math.min(endDay, dayOf(w.since!))) : tl.created + 1, endDay);
        const byCommittee = rng.chance(0.5);
        const actor = byCommittee ? actorOf(committee, instantOf(day, 12 * 60)) : leadActor(day);
        const body = w.level === 'red' || w.level === 'yellow' ? rng.pick(T.SUPERVISE_NOTES.slice(0, 3)) : rng.pick(T.SUPERVISE_NOTES);
        notes.push({ at: instantOf(day, rng.int(9 * 60, 11 * 60)), kind: 'supervise', body, actor });
        const idx = notes.length - 1;
        if (rng.chance(0.8) && day < endDay) {
          const rday = between(rng, day + 1, Math.min(endDay, day + 5));
          notes.push({ at: instantOf(rday, rng.int(14 * 60, 17 * 60)), kind: 'reply', body: rng.pick(T.REPLY_NOTES), actor: ownerActor(rday), replyTo: idx });
        }
      }
      // Notes in time order (the thread reads top to bottom), none before the project; ids follow it.
      for (const n of notes) n.at = Math.max(n.at, createdAt);
      const order = notes.map((n, i) => ({ n, i })).sort((x, y) => x.n.at - y.n.at || x.i - y.i);
      const noteIds = new Map<number, string>();
      let prevAt = 0;
      order.forEach(({ n, i }, pos) => {
        // Never before the project itself, and strictly increasing within a day.
        const t = Math.max(n.at, pos ? prevAt + 1000 : n.at);
        prevAt = t;
        n.at = t;
        noteIds.set(i, stableId('pnt', seed, `${pkey}/note/${pos}`, t));
      });
      for (const { n, i } of order) {
        out.notes.push({
          id: noteIds.get(i)!,
          projectId: id,
          kind: n.kind,
          body: n.body.slice(0, 2000),
          authorId: n.actor?.id ?? null,
          authorName: n.actor?.name ?? '督办系统',
          authorOrgId: n.actor?.orgId ?? null,
          replyToId: n.replyTo !== undefined ? noteIds.get(n.replyTo)! : null,
          notified: n.notified ?? [],
          onDate: isoOf(Math.floor((n.at + 8 * 3_600_000) / DAY_MS)),
          createdAt: n.at,
        });
      }
      project.version = notes.filter((n) => n.kind === 'event').length + milestones.filter((m) => m.progressPct > 0).length;
      project.updatedAt = Math.max(createdAt, ...notes.map((n) => n.at));

      // ── Allocations, moving with the project; the needs' and resources' figures follow ──
      const state: DemoAllocation['state'] =
        status === 'accepted' ? 'fulfilled' : status === 'cancelled' ? 'released' : status === 'in_progress' || status === 'completed' ? 'in_delivery' : 'committed';
      const moveDay = status === 'accepted' ? tl.accepted : status === 'cancelled' ? tl.cancelled : tl.started;
      const movedAt = moveDay !== null ? instantOf(moveDay, 17 * 60 + 45) : createdAt;
      const moves = state === 'committed' ? 1 : state === 'in_delivery' || state === 'released' ? 2 : 3;
      allocs.forEach((x, i) => {
        const res = x.pool ?? (x.fresh ? freshPools.get(x.fresh)! : null);
        if (res && x.fresh) {
          res.live += x.qty;
          res.held += x.qty;
        }
        if (res && state === 'released') res.live -= x.qty;
        if (res) {
          res.moves += state === 'released' ? 2 : 1;
          res.lastMove = Math.max(res.lastMove, state === 'released' ? movedAt : createdAt);
        }
        out.allocations.push({
          id: stableId('alc', seed, `${pkey}/a/${i}`, createdAt),
          allianceId: a.id,
          projectId: id,
          needId: x.need.id,
          resourceId: res?.row.id ?? null,
          quantity: x.qty,
          state,
          // Demo projects deliver what they promised; the report is kept per allocation from completion on.
          deliveredQty: status === 'completed' || status === 'accepted' ? x.qty : null,
          createdBy: project.createdBy,
          createdAt,
          updatedAt: movedAt,
        });
        const n = x.need;
        if (state === 'committed') n.committedQty += x.qty;
        else if (state === 'in_delivery') n.inDeliveryQty += x.qty;
        else if (state === 'fulfilled') n.fulfilledQty += x.qty;
        n.version += moves;
        n.updatedAt = Math.max(n.updatedAt, movedAt);
        n.status = n.fulfilledQty >= n.quantity ? 'met' : n.committedQty + n.inDeliveryQty + n.fulfilledQty > 0 ? 'partly_met' : 'open';
        // Decisions after the fact: a released need may be dropped, a part-delivered one closed.
        const end = finishDay !== null ? (status === 'accepted' ? tl.accepted! : finishDay) : null;
        if (state === 'released' && end !== null && (rng.chance(0.4) || !live)) {
          const closed = !live || rng.chance(0.5);
          decide(rng, n, closed ? 'closed' : 'cancelled', between(rng, end, last), !live ? T.DISSOLVED_NEED_REASON : rng.pick(closed ? T.NEED_CLOSE_REASONS : T.NEED_CANCEL_REASONS));
        } else if (state === 'fulfilled' && n.status === 'partly_met' && (rng.chance(0.3) || !live)) {
          decide(rng, n, 'closed', between(rng, end!, last), !live ? T.DISSOLVED_NEED_REASON : T.NEED_CLOSE_REASONS[2]!);
        }
      });
      out.needs.push(...needs);
      out.projects.push(project);
      out.milestones.push(...milestones);
      out.claims.push(...claimRows);
    }
  }

  function beneficiariesOf(rng: Rng, unit: string, q: number): number {
    if (unit === '人次' || unit === '户次') return Math.max(1, Math.round((q * rng.int(30, 90)) / 100));
    if (unit === '人' || unit === '户') return Math.max(1, Math.round(q * (unit === '户' ? rng.int(2, 4) : 1)));
    if (unit === '元') return rng.int(3, 80);
    if (unit === '吨' || unit === '亩') return Math.max(3, Math.round(q / rng.int(5, 20)));
    return Math.max(1, q * rng.int(6, 40));
  }
}

/** The dates of one project in the given alliance state, forwards from its creation; falls back to an earlier status when the window is too short. */
function timeline(rng: Rng, allianceStatus: string, first: number, last: number): Timeline {
  let status: ProjectStatus = rng.weighted(STATUS_WEIGHTS[allianceStatus] ?? STATUS_WEIGHTS.active!);
  const room = last - first;
  const dissolved = allianceStatus === 'dissolved';
  if (status === 'accepted' && room < 70) status = dissolved ? 'cancelled' : 'completed';
  if (status === 'completed' && room < 50) status = 'in_progress';
  if (status === 'in_progress' && room < 20) status = 'claimed';
  if (status === 'claimed' && room < 6) status = 'proposed';
  if (status === 'cancelled' && room < 10) status = 'proposed';
  if (dissolved && status !== 'accepted') status = 'cancelled';
  const dur = () => rng.int(45, 300);
  const variant: Variant =
    status === 'in_progress'
      ? rng.weighted<Variant>([['normal', 55], ['overdue', allianceStatus === 'rectifying' ? 25 : 12], ['due_soon', 10], ['late_milestone', 10], ['behind', 7]])
      : status === 'proposed' && rng.chance(0.06)
        ? 'overdue'
        : 'normal';
  const tl: Timeline = {
    status,
    variant,
    created: 0,
    startOn: 0,
    dueOn: 0,
    claimDay: null,
    confirmDay: null,
    started: null,
    completed: null,
    firstCompleted: null,
    returned: null,
    accepted: null,
    cancelled: null,
    cancelStage: null,
  };
  const claimAfter = (c: number, end: number) => {
    tl.claimDay = between(rng, c, Math.min(end, c + 10));
    tl.confirmDay = between(rng, tl.claimDay + 1, Math.min(end, tl.claimDay + 4));
  };
  const startAfter = (end: number) => {
    tl.started = between(rng, tl.confirmDay! + 1, Math.min(end, tl.confirmDay! + 12));
    tl.startOn = Math.min(tl.started, tl.created + rng.int(3, 20));
  };
  switch (status) {
    case 'proposed': {
      tl.created = between(rng, Math.max(first, last - 75), last);
      tl.startOn = tl.created + rng.int(5, 25);
      tl.dueOn = tl.startOn + dur();
      if (variant === 'overdue' && tl.created <= last - 40) {
        tl.startOn = tl.created + rng.int(3, 10);
        tl.dueOn = between(rng, tl.startOn + 20, last);
      }
      break;
    }
    case 'claimed': {
      tl.created = between(rng, Math.max(first, last - 160), last - 4);
      claimAfter(tl.created + 1, last);
      tl.startOn = Math.max(tl.confirmDay! + 1, tl.created + rng.int(7, 30));
      tl.dueOn = tl.startOn + dur();
      break;
    }
    case 'in_progress': {
      tl.created = between(rng, Math.max(first, last - 420), last - 15);
      claimAfter(tl.created + 1, last - 8);
      startAfter(last - 3);
      const s = tl.started!;
      if (variant === 'overdue' && s + 20 <= TODAY - 1) tl.dueOn = between(rng, Math.max(s + 20, TODAY - 120), TODAY - 1);
      else if (variant === 'due_soon' && s + 20 <= TODAY) tl.dueOn = TODAY + rng.int(0, 7);
      else {
        if (variant === 'overdue' || variant === 'due_soon') tl.variant = 'normal';
        tl.dueOn = Math.max(s + dur(), TODAY + rng.int(10, 160));
      }
      break;
    }
    case 'completed':
    case 'accepted': {
      const accepted = status === 'accepted';
      tl.created = between(rng, accepted ? first : Math.max(first, last - 520), last - (accepted ? 60 : 45));
      claimAfter(tl.created + 1, last - 40);
      startAfter(last - 35);
      const s = tl.started!;
      const latest = accepted ? last - 3 : last;
      tl.completed = between(rng, accepted ? s + 25 : Math.max(s + 25, last - 60), Math.min(latest, s + 420));
      tl.dueOn = rng.chance(0.8) ? tl.completed + rng.int(0, 60) : Math.max(s + 20, tl.completed - rng.int(1, 30));
      tl.startOn = Math.min(tl.startOn, tl.dueOn);
      if (rng.chance(0.1) && tl.completed - s > 30) {
        tl.firstCompleted = between(rng, s + 20, tl.completed - 8);
        tl.returned = tl.firstCompleted + rng.int(2, 5);
      }
      if (accepted) tl.accepted = between(rng, tl.completed + 3, Math.min(last, tl.completed + 30));
      break;
    }
    case 'cancelled': {
      tl.created = between(rng, first, last - 10);
      const stage: Stage = dissolved ? rng.weighted<Stage>([['proposed', 40], ['claimed', 20], ['in_progress', 40]]) : rng.weighted<Stage>([['proposed', 45], ['claimed', 25], ['in_progress', 30]]);
      tl.cancelStage = stage;
      let ready = tl.created;
      if (stage !== 'proposed' && last - tl.created >= 8) {
        claimAfter(tl.created + 1, last - 4);
        ready = tl.confirmDay!;
        if (stage === 'in_progress' && last - ready >= 4) {
          startAfter(last - 2);
          ready = tl.started!;
        } else tl.cancelStage = 'claimed';
      } else tl.cancelStage = 'proposed';
      if (tl.started === null) tl.startOn = tl.created + rng.int(5, 25);
      tl.dueOn = Math.max(tl.startOn, tl.started ?? 0) + dur();
      tl.cancelled = dissolved && rng.chance(0.4) ? last : between(rng, ready + 1, Math.min(last, ready + 200));
      break;
    }
  }
  return tl;
}
