import { createHash } from 'node:crypto';
import type { TenantDef } from '@ronghe/tenancy';
import { ADJUSTMENT_KIND_LABELS, isAncestorOf, isApprovingCommittee } from '@ronghe/schema/enums';
import type { AdjustmentKind, AllianceModel, AllianceStatus, AllianceType, ConsortiumRole, DocumentKind, FilingKind, PairingForm, RouteTheme } from '@ronghe/schema/enums';
import * as T from './alliance-text.ts';
import { ALL_RURAL_PRODUCTS, RURAL_PRODUCTS, mobile, personName, type RuralProduct } from './names.ts';
import { rngFrom, stableId, type Rng } from './prng.ts';
import type {
  AllianceDemoData,
  DemoAccount,
  DemoAdjustmentPayload,
  DemoAlliance,
  DemoAllianceAdjustment,
  DemoAllianceDocument,
  DemoAllianceMember,
  DemoConsortium,
  DemoGovernanceSeat,
  DemoOrg,
} from './types.ts';

// 党建联合体 with their whole history (seed 000 §7–8, seed 003): who applied,
// who approved, the founding meeting, the documents, members joining and
// leaving, rectification and dissolution, each with a filing where the
// seeds require one; then 红色风景线 and 红色片区 over the running ones.
// Every alliance draws from a PRNG keyed by its own key, and every history is
// produced forwards in time, so the rows agree with each other by construction.

/**
 * Seed 003: "300余个" cross-domain alliances in Chifeng. Spread by county
 * size, the urban districts carrying more; sums to 306.
 */
export const ALLIANCE_QUOTA: Readonly<Record<string, number>> = {
  hongshan: 36,
  yuanbaoshan: 26,
  songshan: 34,
  alukeerqin: 22,
  balinzuo: 22,
  balinyou: 18,
  linxi: 20,
  keshiketeng: 22,
  wengniute: 26,
  kalaqin: 24,
  ningcheng: 30,
  aohan: 26,
};
/** 红色风景线 per county; sums to 70. */
export const ROUTE_QUOTA: Readonly<Record<string, number>> = {
  hongshan: 8,
  yuanbaoshan: 6,
  songshan: 8,
  alukeerqin: 5,
  balinzuo: 5,
  balinyou: 4,
  linxi: 5,
  keshiketeng: 5,
  wengniute: 6,
  kalaqin: 5,
  ningcheng: 7,
  aohan: 6,
};
/** 红色片区 per county; sums to 30. */
export const DISTRICT_QUOTA: Readonly<Record<string, number>> = {
  hongshan: 4,
  yuanbaoshan: 3,
  songshan: 3,
  alukeerqin: 2,
  balinzuo: 2,
  balinyou: 2,
  linxi: 2,
  keshiketeng: 2,
  wengniute: 3,
  kalaqin: 2,
  ningcheng: 3,
  aohan: 2,
};

/** The demo's "today": histories end before it, pending items sit just before it. */
export const DEMO_TODAY = '2026-11-20';

// ── Calendar ─────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The instant of minute `minute` of business day `day` in Asia/Shanghai (UTC+8, no DST). */
const instantOf = (day: number, minute: number): number => day * DAY_MS - 8 * 3_600_000 + minute * 60_000;
const TODAY = dayOf(DEMO_TODAY);
const FIRST_DAY = dayOf('2018-01-08');
/** Work hours: 08:30–17:30. */
const workMinute = (rng: Rng) => rng.int(8 * 60 + 30, 17 * 60 + 30);

// ── The tenant's organizations, indexed ──────────────────────────────────────

const KIND_SUFFIX = /(机关党委|机关党总支|机关党支部|联合党支部|联合党委|党工委|党总支|党支部|党委|党组)$/;
const AGRI = /(农牧业|农业|乳业|肉业|牧业|种业|杂粮|粮油|小米|中药材|果业|薯业|草业|畜牧|农产品|园艺|食品)/;
const isCoop = (o: DemoOrg) => /专业合作社/.test(o.name) && !/服务专业合作社/.test(o.name);
const isService = (o: DemoOrg) => /服务专业合作社/.test(o.name);
const isAgriFirm = (o: DemoOrg) => o.domain === '非公有制企业' && !/专业合作社/.test(o.name) && AGRI.test(o.name);

class OrgIndex {
  readonly byId = new Map<string, DemoOrg>();
  private readonly kidsOf = new Map<string, DemoOrg[]>();
  readonly root: DemoOrg;
  readonly organCommittee: DemoOrg;
  readonly streets: DemoOrg[];
  readonly towns: DemoOrg[];
  readonly parks: DemoOrg[];
  /** Organ party organizations a community can pair with (no working committee, no retirees' branches). */
  readonly organs: DemoOrg[];
  /** One per organ: the unit's top organization. */
  readonly organHeads: DemoOrg[];
  readonly schools: DemoOrg[];
  readonly hospitals: DemoOrg[];
  readonly stateFirms: DemoOrg[];
  readonly socials: DemoOrg[];
  readonly externals: DemoOrg[];
  readonly agriFirms: DemoOrg[];
  readonly coops: DemoOrg[];
  readonly services: DemoOrg[];
  readonly firms: DemoOrg[];
  readonly orgs: readonly DemoOrg[];

  constructor(orgs: readonly DemoOrg[]) {
    this.orgs = orgs;
    for (const o of orgs) {
      this.byId.set(o.id, o);
      if (o.parentId) {
        const list = this.kidsOf.get(o.parentId) ?? [];
        list.push(o);
        this.kidsOf.set(o.parentId, list);
      }
    }
    this.root = orgs.find((o) => o.domain === '旗县区委' && !o.parentId)!;
    this.organCommittee = orgs.find((o) => o.domain === '机关' && o.kind === '党工委' && o.parentId === this.root.id)!;
    const real = orgs.filter((o) => !o.isExternal);
    this.streets = real.filter((o) => o.domain === '街道');
    this.towns = real.filter((o) => o.domain === '苏木乡镇');
    this.parks = real.filter((o) => o.domain === '园区');
    this.organs = real.filter((o) => o.domain === '机关' && o.id !== this.organCommittee.id && !/离退休/.test(o.name));
    this.organHeads = this.organs.filter((o) => o.parentId === this.organCommittee.id);
    const county = (d: string) => this.kids(this.root).filter((o) => o.domain === d);
    this.schools = county('学校');
    this.hospitals = county('医院');
    this.stateFirms = county('国有企业');
    this.socials = county('社会组织');
    this.externals = orgs.filter((o) => o.isExternal);
    this.agriFirms = real.filter(isAgriFirm);
    this.coops = real.filter(isCoop);
    this.services = real.filter(isService);
    this.firms = real.filter((o) => o.domain === '非公有制企业' && !/专业合作社/.test(o.name));
  }

  kids(o: DemoOrg, ...domains: string[]): DemoOrg[] {
    const all = this.kidsOf.get(o.id) ?? [];
    return domains.length ? all.filter((k) => domains.includes(k.domain)) : all;
  }

  parent(o: DemoOrg): DemoOrg | undefined {
    return o.parentId ? this.byId.get(o.parentId) : undefined;
  }

  /** The first organ head whose name contains one of the words, in the order given. */
  organ(...words: string[]): DemoOrg | undefined {
    for (const w of words) {
      const hit = this.organHeads.find((o) => o.name.includes(w));
      if (hit) return hit;
    }
    return undefined;
  }

  organsNamed(words: readonly string[]): DemoOrg[] {
    return words.map((w) => this.organ(w)).filter((o): o is DemoOrg => !!o);
  }

  /**
   * The 上级党(工)委 that approves an alliance this organization leads: `preferred` when it is a
   * committee above the lead, else the nearest committee above it (seed 000 7.1; the county
   * committee at the top). A 社区 党委 over a property branch, say, is no approver.
   */
  approver(lead: DemoOrg, preferred?: DemoOrg): DemoOrg {
    if (preferred && isApprovingCommittee(preferred) && isAncestorOf(preferred, lead)) return preferred;
    for (let cur = this.parent(lead); cur; cur = this.parent(cur)) if (isApprovingCommittee(cur)) return cur;
    return this.root;
  }

  /** The street, township or park an organization belongs to, or the county committee. */
  area(o: DemoOrg): DemoOrg {
    for (let cur: DemoOrg | undefined = o; cur; cur = this.parent(cur)) if (['街道', '苏木乡镇', '园区'].includes(cur.domain) && !cur.isExternal) return cur;
    return this.root;
  }
}

/** 铁南街道铁南社区党委 → 铁南街道铁南社区. */
const stem = (o: DemoOrg) => o.name.replace(KIND_SUFFIX, '');

/** The name people use inside the area: 铁南街道铁南社区党委 → 铁南社区, 红山区第一中学党总支 → 红山区第一中学. */
function shortName(ix: OrgIndex, o: DemoOrg): string {
  // The registry's disambiguating （2） is no part of what people call the unit.
  const s = stem(o).replace(/（\d+）/g, '');
  const p = ix.parent(o);
  if (p && p.domain !== '旗县区委') {
    const ps = stem(p);
    if (s.startsWith(ps) && s.length > ps.length + 1) return s.slice(ps.length);
  }
  return s;
}

// ── Plans ────────────────────────────────────────────────────────────────────

interface Seat {
  org: DemoOrg;
  role: ConsortiumRole | null;
}

interface Plan {
  key: string;
  type: AllianceType;
  typeNote: string | null;
  model: AllianceModel;
  lead: Seat;
  committee: DemoOrg;
  /** Founding members other than the lead. */
  members: Seat[];
  /** Organizations that may join later. */
  reserve: Seat[];
  name: string;
  product: RuralProduct | null;
  houseRules: string[];
  state: AllianceStatus;
  /** Where the alliance sits, for routes and districts. */
  area: DemoOrg;
  founded?: string;
  ratios?: boolean;
  consortium?: DemoConsortium;
  /** Named alliances keep their seed-given composition: no joins or leaves. */
  fixedMembers?: boolean;
  /** A proposal waiting for the committee, so the demo reviewer has one to decide. */
  pendingJoin?: boolean;
}

const STATE_WEIGHTS: readonly (readonly [AllianceStatus, number])[] = [
  ['draft', 5],
  ['applied', 6],
  ['approved', 4],
  ['rejected', 4],
  ['established', 6],
  ['active', 60],
  ['rectifying', 6],
  ['dissolved', 9],
];

/** Governance, industry, plus: urban districts lean to governance, banners to industry. */
const TYPE_MIX: Readonly<Record<string, readonly [number, number, number]>> = {
  hongshan: [65, 10, 25],
  yuanbaoshan: [45, 35, 20],
  songshan: [45, 35, 20],
};
const RURAL_MIX: readonly [number, number, number] = [22, 58, 20];

/** 治理单元 other than residents' committees (packages/alliance rules.ts, seed 000 10.2.2). */
const GOVERNANCE_UNITS: ReadonlySet<string> = new Set(['业委会', '物业', '园区', '商务楼宇', '商圈市场', '非公有制企业', '社会组织', '机关', '事业单位', '国有企业', '学校', '医院']);

/** Which of the six models each 党建联合体+ theme takes. */
const PLUS_MODELS: Readonly<Record<string, readonly (readonly [AllianceModel, number])[]>> = {
  志愿服务: [['双报到结对互动', 40], ['区域化共驻共建', 30], ['智慧党建线上互动', 15], ['跨域抱团联建共促', 15]],
  红色物业: [['区域化共驻共建', 50], ['中心社区以强带弱', 20], ['智慧党建线上互动', 15], ['跨域抱团联建共促', 15]],
  养老服务: [['区域化共驻共建', 40], ['智慧党建线上互动', 25], ['双报到结对互动', 20], ['中心社区以强带弱', 15]],
  文明实践: [['区域化共驻共建', 40], ['双报到结对互动', 30], ['智慧党建线上互动', 15], ['跨域抱团联建共促', 15]],
  教育: [['跨域抱团联建共促', 40], ['区域化共驻共建', 30], ['智慧党建线上互动', 30]],
  医疗健康: [['跨域抱团联建共促', 40], ['区域化共驻共建', 30], ['智慧党建线上互动', 30]],
  乡村旅游: [['跨域抱团联建共促', 50], ['区域化共驻共建', 30], ['智慧党建线上互动', 20]],
  电商: [['智慧党建线上互动', 50], ['跨域抱团联建共促', 40], ['区域化共驻共建', 10]],
  生态保护: [['区域化共驻共建', 50], ['跨域抱团联建共促', 50]],
  营商环境: [['跨域抱团联建共促', 50], ['区域化共驻共建', 30], ['智慧党建线上互动', 20]],
};

/** Total units of an alliance, the lead included: mostly 6–10, a few large ones up to 27. */
function unitTarget(rng: Rng): number {
  const band = rng.weighted<[number, number]>([
    [[3, 5], 25],
    [[6, 10], 45],
    [[11, 16], 22],
    [[17, 27], 8],
  ]);
  return rng.int(band[0], band[1]);
}

function dedupe(seats: readonly Seat[], exclude: ReadonlySet<string>): Seat[] {
  const seen = new Set(exclude);
  const out: Seat[] = [];
  for (const s of seats) {
    if (seen.has(s.org.id)) continue;
    seen.add(s.org.id);
    out.push(s);
  }
  return out;
}

const seats = (orgs: readonly (DemoOrg | undefined)[], role: ConsortiumRole | null = null): Seat[] => orgs.filter((o): o is DemoOrg => !!o).map((org) => ({ org, role }));

/** Cuts a preference-ordered candidate list to the founders and keeps the rest as later joiners. */
function split(rng: Rng, ix: OrgIndex, lead: DemoOrg, preferred: readonly Seat[], total: number): { members: Seat[]; reserve: Seat[] } {
  const exclude = new Set([lead.id]);
  let list = dedupe(preferred, exclude);
  // Too few candidates nearby: organs pair with anyone (双报到).
  if (list.length < total - 1) list = dedupe([...list, ...seats(rng.shuffle(ix.organs).slice(0, total - 1 - list.length + 4))], exclude);
  const members = list.slice(0, Math.max(2, Math.min(26, total - 1)));
  const reserve = list.slice(members.length, members.length + 6);
  if (reserve.length < 3) reserve.push(...dedupe(seats(rng.shuffle(ix.organs).slice(0, 6)), new Set([lead.id, ...members.map((m) => m.org.id), ...reserve.map((r) => r.org.id)])).slice(0, 3));
  return { members, reserve };
}

function pairingFor(lead: DemoOrg, members: readonly Seat[]): PairingForm {
  const doms = members.map((m) => m.org.domain);
  const firms = doms.filter((d) => ['非公有制企业', '国有企业', '园区', '商务楼宇', '商圈市场'].includes(d)).length;
  if (lead.domain === '社区') {
    const communities = doms.filter((d) => d === '社区').length;
    const organs = doms.filter((d) => d === '机关').length;
    if (communities >= 2 && communities >= organs) return '社区+社区';
    if (organs >= doms.length / 2) return '社区+机关';
    if (firms >= 2) return '社区+园区+企业';
    if (communities) return '社区+社区';
    return organs ? '社区+机关' : '其他';
  }
  if (lead.domain === '街道') return doms.includes('机关') ? '社区+机关' : '社区+社区';
  const branch = (k: string) => k === '党支部' || k === '联合党支部';
  const big = members.some((m) => m.org.kind === '党委' || m.org.kind === '联合党委' || m.org.kind === '党工委');
  const mid = members.some((m) => m.org.kind === '党总支');
  if (branch(lead.kind)) return big ? '支部+党委' : mid ? '支部+党总支' : '支部+支部';
  if (members.some((m) => branch(m.org.kind))) return lead.kind === '党总支' ? '支部+党总支' : '支部+党委';
  return '其他';
}

class Planner {
  readonly plans: Plan[] = [];
  private readonly usedLeads = new Set<string>();
  private readonly names = new Set<string>();
  readonly products: readonly RuralProduct[];
  readonly seed: string;
  readonly tenant: TenantDef;
  readonly ix: OrgIndex;

  constructor(seed: string, tenant: TenantDef, ix: OrgIndex) {
    this.seed = seed;
    this.tenant = tenant;
    this.ix = ix;
    this.products = RURAL_PRODUCTS[tenant.slug] ?? ALL_RURAL_PRODUCTS;
  }

  rng(key: string): Rng {
    return rngFrom(`${this.seed}\u0000${this.tenant.slug}\u0000alliance\u0000${key}`);
  }

  used(o: DemoOrg): boolean {
    return this.usedLeads.has(o.id);
  }

  uniqueName(name: string, area: DemoOrg): string {
    let n = name;
    if (this.names.has(n)) n = `${stem(area)}${name}`;
    for (let i = 2; this.names.has(n); i++) n = name.replace(/党建联合体$|联合体$|联合党委$/, (m) => `（${i}）${m}`);
    this.names.add(n);
    return n;
  }

  add(p: Omit<Plan, 'name' | 'area'> & { name: string; area?: DemoOrg }): Plan {
    this.usedLeads.add(p.lead.org.id);
    const area = p.area ?? this.ix.area(p.lead.org);
    // Every approver is a committee above the lead, so its reviewer can decide (issue 10).
    const plan: Plan = { ...p, committee: this.ix.approver(p.lead.org, p.committee), area, name: this.uniqueName(p.name, area) };
    this.plans.push(plan);
    return plan;
  }

  productFor(rng: Rng, near: readonly DemoOrg[]): RuralProduct {
    for (const o of near) {
      const hit = ALL_RURAL_PRODUCTS.find((p) => o.name.includes(p.coop) || o.name.includes(p.trade));
      if (hit && (isCoop(o) || isAgriFirm(o))) return hit;
    }
    return rng.weighted(this.products.map((p, i) => [p, this.products.length - i] as const));
  }

  // ── 党建引领多元治理共同体: a community leads, its street's committee approves ──

  governance(key: string, lead: DemoOrg, state: AllianceStatus, opts: { model?: AllianceModel; total?: number; name?: string } = {}): Plan | null {
    const ix = this.ix;
    const street = ix.parent(lead);
    if (!street) return null;
    const rng = this.rng(key);
    const others = rng.shuffle(ix.kids(street, '社区').filter((c) => c.id !== lead.id));
    const streetUnits = rng.shuffle(ix.kids(street, '非公有制企业', '商务楼宇', '商圈市场', '社会组织', '学校', '医院'));
    const market = streetUnits.filter((o) => o.domain === '商圈市场' || o.domain === '商务楼宇');
    const own = ix.kids(lead, '物业', '业委会');
    const county = rng.shuffle([...ix.schools, ...ix.hospitals, ...ix.stateFirms, ...ix.socials]);
    const organs = rng.shuffle(ix.organs);
    const model =
      opts.model ??
      rng.weighted<AllianceModel>([
        ['区域化共驻共建', 40],
        ['双报到结对互动', 20],
        ['中心社区以强带弱', others.length >= 2 ? 15 : 0],
        ['智慧党建线上互动', 8],
        ['跨域抱团联建共促', 10],
        ['红色商街两个覆盖', market.length ? 7 : 0],
      ]);
    const total = opts.total ?? unitTarget(rng);
    let preferred: Seat[];
    switch (model) {
      case '中心社区以强带弱':
        // The weaker neighbours first: that is the point of a 中心社区.
        preferred = seats([...[...others].sort((a, b) => Number(b.weakFlag) - Number(a.weakFlag) || (a.qualityStatus === '未达标' ? -1 : 1)).slice(0, rng.int(2, 6)), ...own, ...streetUnits, ...organs.slice(0, 3)]);
        break;
      case '双报到结对互动':
        preferred = seats([...organs.slice(0, rng.int(3, 10)), ...own, ...ix.schools.slice(0, 1), ...county]);
        break;
      case '红色商街两个覆盖':
        preferred = seats([...market, ...streetUnits, ...ix.organsNamed(['市场监督管理局', '商务局', '人力资源和社会保障局', '司法局', '总工会']), ...own]);
        break;
      case '智慧党建线上互动':
        preferred = seats([...ix.organsNamed(['政务服务局', '融媒体中心', '工业和信息化局', '公安局', '民政局']), ...own, ...others.slice(0, 2), ...streetUnits]);
        break;
      case '跨域抱团联建共促': {
        const far = rng.shuffle(ix.streets.filter((s) => s.id !== street.id)).flatMap((s) => ix.kids(s, '社区').slice(0, 1));
        preferred = seats([...far.slice(0, rng.int(1, 3)), ...rng.shuffle(ix.firms).slice(0, rng.int(1, 3)), ...ix.stateFirms.slice(0, 1), ...organs.slice(0, 2), ...own, ...streetUnits]);
        break;
      }
      default:
        preferred = seats([...own, ...streetUnits, ...organs.slice(0, rng.int(2, 6)), ...county.slice(0, rng.int(1, 4)), ...others.slice(0, rng.int(0, 2)), ...organs.slice(6)]);
    }
    const { members, reserve } = split(rng, ix, lead, preferred, total);
    // The server's composition rule: a governance unit besides the communities (organs count).
    if (!members.some((m) => GOVERNANCE_UNITS.has(m.org.domain))) members[members.length - 1] = { org: organs.find((o) => !members.some((m) => m.org.id === o.id))!, role: null };
    const s = shortName(ix, lead);
    const suffix: Record<AllianceModel, string[]> = {
      区域化共驻共建: total >= 12 ? ['多元治理党建联合体', '共驻共建党建联合体', '“大党委”党建联合体'] : ['多元治理党建联合体', '共驻共建党建联合体'],
      中心社区以强带弱: ['“中心社区”党建联合体'],
      双报到结对互动: ['“双报到”党建联合体'],
      红色商街两个覆盖: ['红色商街党建联合体'],
      智慧党建线上互动: ['“智慧党建”联合体'],
      跨域抱团联建共促: ['跨域联建党建联合体'],
    };
    const houseRules = rng.shuffle(['共建准入', '书记轮值', '多网合一', '清单管理', '双向述职', '积分管理']).slice(0, rng.int(1, 4));
    return this.add({
      key,
      type: '党建引领多元治理共同体',
      typeNote: null,
      model,
      lead: { org: lead, role: null },
      committee: street,
      members,
      reserve,
      name: opts.name ?? `${s}${rng.pick(suffix[model])}`,
      product: null,
      houseRules,
      state,
    });
  }

  // ── 党建引领产业发展共同体: a village or a leading firm, the township approves ──

  industry(key: string, lead: DemoOrg, state: AllianceStatus, opts: { total?: number; name?: string } = {}): Plan | null {
    const ix = this.ix;
    const town = ix.parent(lead);
    if (!town) return null;
    const rng = this.rng(key);
    const villages = rng.shuffle(ix.kids(town, '嘎查村').filter((v) => v.id !== lead.id));
    const local = ix.kids(town);
    const pickLocal = (pred: (o: DemoOrg) => boolean, fallback: readonly DemoOrg[], n: number) => {
      const here = rng.shuffle(local.filter((o) => pred(o) && o.id !== lead.id));
      return (here.length ? here : rng.shuffle(fallback.filter((o) => o.id !== lead.id))).slice(0, n);
    };
    const leadIsFirm = lead.domain !== '嘎查村';
    const anchor = leadIsFirm ? [] : pickLocal(isAgriFirm, ix.agriFirms, 1);
    const coops = pickLocal(isCoop, ix.coops, rng.int(1, 3));
    const service = pickLocal(isService, ix.services, 1);
    const serviceSeats = service.length ? seats(service, '社会化服务组织') : seats([ix.organ('供销合作社')], '社会化服务组织');
    const departments = rng.shuffle(ix.organsNamed(['农牧局', '乡村振兴局', '农牧业技术推广中心', '林业和草原局', '水利局', '商务局'])).slice(0, rng.int(0, 2));
    const other = rng.chance(0.3) ? seats(rng.shuffle([...ix.stateFirms, ...local.filter((o) => o.domain === '学校' || o.domain === '医院')]).slice(0, 1), '其他') : [];
    const product = this.productFor(rng, [lead, ...anchor, ...coops]);
    const total = opts.total ?? Math.max(5, unitTarget(rng));
    const structural = [...seats(anchor, '龙头企业'), ...seats(coops, '农民合作社'), ...serviceSeats];
    // Villages fill the rest; a firm-led alliance needs at least one village for its households.
    const room = Math.max(leadIsFirm ? 1 : 0, total - 1 - structural.length - departments.length - other.length);
    const preferred = [...structural, ...seats(villages.slice(0, room), '嘎查村'), ...seats(departments, '职能部门'), ...other, ...seats(villages.slice(room), '嘎查村')];
    const { members, reserve } = split(rng, ix, lead, preferred, Math.max(total, structural.length + 2));
    for (const m of members) m.role ??= m.org.domain === '机关' ? '职能部门' : '其他';
    for (const m of reserve) m.role ??= m.org.domain === '机关' ? '职能部门' : m.org.domain === '嘎查村' ? '嘎查村' : '其他';
    const s = shortName(ix, lead).replace(/(发展)?(有限责任公司|有限公司)$/, '');
    const named = s.includes(product.name) || s.endsWith(product.trade) ? `${s}产业党建联合体` : `${s}${product.name}产业党建联合体`;
    return this.add({
      key,
      type: '党建引领产业发展共同体',
      typeNote: null,
      model: rng.weighted<AllianceModel>([
        ['跨域抱团联建共促', 45],
        ['区域化共驻共建', 30],
        // 强村带弱村: the rural form of 以强带弱.
        ['中心社区以强带弱', 12],
        ['智慧党建线上互动', 13],
      ]),
      lead: { org: lead, role: leadIsFirm ? '龙头企业' : '嘎查村' },
      committee: town,
      members,
      reserve,
      name: opts.name ?? named,
      product,
      houseRules: rng.shuffle(['利益联结', '联席会议', '清单管理', '书记轮值', '积分管理']).slice(0, rng.int(1, 3)),
      state,
    });
  }

  // ── 党建联合体+: one theme, led by whoever carries it ─────────────────────────

  plus(key: string, topic: string, lead: DemoOrg, state: AllianceStatus, opts: { name?: string; committee?: DemoOrg } = {}): Plan | null {
    const ix = this.ix;
    const rng = this.rng(key);
    const committee = opts.committee ?? ix.parent(lead) ?? ix.root;
    const area = ix.area(lead);
    const near = area === ix.root ? [] : ix.kids(area);
    const communities = rng.shuffle(near.filter((o) => o.domain === '社区' && o.id !== lead.id));
    const villages = rng.shuffle(near.filter((o) => o.domain === '嘎查村' && o.id !== lead.id));
    const places = communities.length ? communities : villages;
    const organs = (words: string[]) => ix.organsNamed(words);
    const pick = <X>(items: readonly X[], min: number, max: number) => rng.shuffle(items).slice(0, rng.int(min, max));
    const byTopic: Record<string, () => DemoOrg[]> = {
      志愿服务: () => [...organs(['文明', '宣传部', '团', '民政局']), ...pick(ix.socials, 1, 2), ...pick(ix.organs, 2, 5), ...pick(places, 0, 2)],
      红色物业: () => [...near.flatMap((s) => ix.kids(s, '物业', '业委会')), ...ix.kids(lead, '物业', '业委会'), ...organs(['住房和城乡建设局', '城市管理综合执法局']), ...pick(places, 0, 2)],
      养老服务: () => [...pick(ix.hospitals, 1, 2), ...ix.socials.filter((o) => /养老|慈善|老年/.test(o.name)), ...organs(['民政局', '卫生健康委员会', '医疗保障局']), ...pick(places, 0, 2)],
      文明实践: () => [...organs(['宣传部', '融媒体中心', '文化旅游体育局']), ...pick(ix.schools, 1, 2), ...pick(ix.socials, 0, 2), ...pick(places, 1, 3)],
      教育: () => [...pick(ix.schools.filter((s) => s.id !== lead.id), 2, 4), ...organs(['教育局', '团']), ...pick(ix.streets.flatMap((s) => ix.kids(s, '社区')), 1, 2)],
      医疗健康: () => [
        ...pick(ix.hospitals.filter((h) => h.id !== lead.id), 1, 2),
        ...organs(['卫生健康委员会', '疾病预防控制中心', '医疗保障局']),
        ...pick([...ix.towns, ...ix.streets].flatMap((t) => ix.kids(t, '医院')), 1, 3),
        ...pick([...ix.streets, ...ix.towns].flatMap((t) => ix.kids(t, '社区', '嘎查村')), 1, 3),
      ],
      乡村旅游: () => [...pick(villages, 1, 3), ...organs(['文化旅游体育局', '乡村振兴局']), ...pick(near.filter((o) => o.domain === '非公有制企业'), 0, 2)],
      电商: () => [...pick(near.filter((o) => isCoop(o) || isAgriFirm(o)), 1, 3), ...organs(['商务局', '供销合作社']), ...pick(villages, 1, 3), ...pick(ix.firms.filter((f) => /电子商务|物流|信息技术/.test(f.name)), 0, 1)],
      生态保护: () => [...pick(villages, 2, 4), ...organs(['林业和草原局', '水利局', '生态环境分局'])],
      营商环境: () => [...pick(near.filter((o) => o.domain === '非公有制企业'), 1, 4), ...organs(['发展和改革委员会', '工业和信息化局', '政务服务局', '市场监督管理局', '税务局'])],
    };
    const preferred = seats((byTopic[topic] ?? byTopic.志愿服务!)());
    const { members, reserve } = split(rng, ix, lead, preferred, Math.min(14, Math.max(4, unitTarget(rng))));
    return this.add({
      key,
      type: '党建联合体+',
      typeNote: `党建联合体+${topic}`,
      model: rng.weighted(PLUS_MODELS[topic] ?? PLUS_MODELS.志愿服务!),
      lead: { org: lead, role: null },
      committee,
      members,
      reserve,
      name: opts.name ?? `${shortName(ix, lead).replace(/(有限责任公司|有限公司)$/, '')}${topic}党建联合体`,
      product: null,
      houseRules: rng.shuffle(['联席会议', '清单管理', '积分管理', '书记轮值']).slice(0, rng.int(1, 3)),
      state,
      area,
    });
  }
}

// ── Named alliances of the seeds and the demo accounts' own cases ───────────

interface Anchors {
  community: DemoOrg;
  street: DemoOrg;
}

function byDivision(ix: OrgIndex, code: string): DemoOrg | undefined {
  return ix.orgs.find((o) => o.divisionCode === code && !o.isExternal);
}

function namedPlans(p: Planner): void {
  const ix = p.ix;
  const slug = p.tenant.slug;
  const rng = p.rng('named');
  if (slug === 'hongshan') {
    // Seed 003: 铁南社区 and 27 units of its area form the 大党委 with four house rules.
    const tienan = byDivision(ix, '150402007001');
    if (tienan) {
      const plan = p.governance('named/tienan', tienan, 'active', { model: '区域化共驻共建', total: 27, name: '铁南社区“大党委”党建联合体' });
      if (plan) Object.assign(plan, { houseRules: ['共建准入', '书记轮值', '多网合一', '清单管理'], founded: '2018-04-26', ratios: true, fixedMembers: true, pendingJoin: true });
    }
    // Seed 003: the first non-establishment joint party committee, 2005.
    const zhaowuda = byDivision(ix, '150402006001');
    if (zhaowuda) {
      const plan = p.governance('named/zhaowuda', zhaowuda, 'active', { model: '区域化共驻共建', total: 14, name: '昭乌达社区“联合党委”党建联合体' });
      if (plan) Object.assign(plan, { founded: '2018-06-28', fixedMembers: true });
    }
    // Seed 003: 长青街道's 维多利商圈联合党支部 and its “红纽带” station.
    const weiduoli = ix.orgs.find((o) => o.name === '维多利商圈联合党支部');
    const changqing = weiduoli && ix.parent(weiduoli);
    if (weiduoli && changqing) {
      const services = ix.organsNamed(['市场监督管理局', '司法局', '人力资源和社会保障局', '民政局', '文化旅游体育局', '卫生健康委员会', '总工会', '妇女联合会', '金融']);
      const near = rng.shuffle(ix.kids(changqing).filter((o) => o.id !== weiduoli.id && o.domain !== '网格'));
      // Communities first: a governance community has one (and 长青社区 is where 维多利 stands).
      near.sort((a, b) => Number(b.domain === '社区') - Number(a.domain === '社区'));
      const members = dedupe(seats([...near.slice(0, 4), ...services]), new Set([weiduoli.id])).slice(0, 12);
      p.add({
        key: 'named/weiduoli',
        type: '党建引领多元治理共同体',
        typeNote: null,
        model: '红色商街两个覆盖',
        lead: { org: weiduoli, role: null },
        committee: changqing,
        members,
        reserve: seats(near.slice(4, 8)),
        name: '维多利商圈“红纽带”党建联合体',
        product: null,
        houseRules: ['共建准入', '清单管理'],
        state: 'active',
        founded: '2018-07-01',
        fixedMembers: true,
      });
    }
    // Across the county line: 松山区振兴街道 is recorded as an external member.
    const ext = ix.externals[0];
    const qiaobei = ix.streets.find((s) => s.name.startsWith('桥北街道'));
    const yingjin = qiaobei && (ix.kids(qiaobei, '社区').find((c) => c.name.includes('英金河')) ?? ix.kids(qiaobei, '社区')[0]);
    if (ext && yingjin) {
      const plan = p.governance('named/kuayu', yingjin, 'active', { model: '跨域抱团联建共促', total: 8, name: '英金河两岸跨域联建党建联合体' });
      if (plan) {
        plan.members = [{ org: ext, role: null }, ...plan.members.slice(0, 6)];
        plan.founded = '2020-09-10';
      }
    }
  }
  if (slug === 'yuanbaoshan') {
    // Seed 003: 和润农业 and 25 more party organizations, a Beijing one among them, form the 和润农业产业联合党委.
    const herun = ix.orgs.find((o) => o.name === '赤峰和润农业有限公司党委');
    const town = herun && ix.parent(herun);
    if (herun && town) {
      const jianchangying = ix.kids(town, '嘎查村').find((v) => v.name.includes('建昌营'));
      const villages = rng.shuffle(ix.kids(town, '嘎查村').filter((v) => v.id !== jianchangying?.id));
      const coops = ix.kids(town).filter(isCoop);
      const localCoops = coops.length ? coops : rng.shuffle(ix.coops).slice(0, 2);
      const services = ix.kids(town).filter(isService);
      const firms = ix.kids(town, '非公有制企业').filter((f) => f.id !== herun.id && !/专业合作社/.test(f.name) && !/联合党委$/.test(f.name));
      const members: Seat[] = [
        ...seats([jianchangying], '嘎查村'),
        ...seats(ix.externals.filter((e) => /种子管理站/.test(e.name)), '社会化服务组织'),
        ...seats(ix.externals.filter((e) => /农业大学/.test(e.name)), '其他'),
        ...seats(ix.externals.filter((e) => /农业发展银行/.test(e.name)), '其他'),
        ...seats(localCoops, '农民合作社'),
        ...seats(services.length ? services : [ix.organ('供销合作社')], '社会化服务组织'),
        ...seats(ix.organsNamed(['农牧局', '乡村振兴局', '农牧业技术推广中心']), '职能部门'),
        ...seats(firms.slice(0, 1), '其他'),
      ];
      const fill = seats(villages, '嘎查村');
      const all = dedupe([...members, ...fill], new Set([herun.id])).slice(0, 25);
      p.add({
        key: 'named/herun',
        type: '党建引领产业发展共同体',
        typeNote: null,
        model: '跨域抱团联建共促',
        lead: { org: herun, role: '龙头企业' },
        committee: town,
        members: all,
        reserve: seats(villages.slice(25), '嘎查村'),
        name: '和润农业产业联合党委',
        product: ALL_RURAL_PRODUCTS.find((x) => x.name === '设施蔬菜')!,
        houseRules: ['利益联结', '联席会议', '清单管理'],
        state: 'active',
        founded: '2018-05-18',
        ratios: true,
        consortium: { largeGrowers: 36, households: 2310, householdsTotal: 5460 },
        fixedMembers: true,
      });
    }
  }
  if (slug === 'songshan') {
    // Seed 003: 振兴街道's two 中心社区, 永业 with six old communities to the south, 金御华城 with three to the north.
    const yongye = byDivision(ix, '150404001009');
    const jinyu = byDivision(ix, '150404001010');
    const street = yongye && ix.parent(yongye);
    if (yongye && jinyu && street) {
      const old = rng.shuffle(ix.kids(street, '社区').filter((c) => c.id !== yongye.id && c.id !== jinyu.id));
      const units = rng.shuffle([...ix.kids(street).filter((o) => !['社区', '网格', '嘎查村'].includes(o.domain)), ...ix.organs.slice(0, 40)]);
      const make = (key: string, lead: DemoOrg, comms: DemoOrg[], us: DemoOrg[], name: string) =>
        p.add({
          key,
          type: '党建引领多元治理共同体',
          typeNote: null,
          model: '中心社区以强带弱',
          lead: { org: lead, role: null },
          committee: street,
          members: dedupe(seats([...comms, ...ix.kids(lead, '物业', '业委会'), ...us]), new Set([lead.id])),
          reserve: seats(units.slice(14, 18)),
          name,
          product: null,
          houseRules: ['清单管理', '联席会议'],
          state: 'active',
          founded: '2018-08-16',
          fixedMembers: true,
        });
      make('named/yongye', yongye, old.slice(0, 6), units.slice(0, 7), '永业社区“中心社区”党建联合体');
      make('named/jinyu', jinyu, old.slice(6, 9), units.slice(7, 14), '金御华城社区“中心社区”党建联合体');
    }
  }
  if (slug === 'alukeerqin') {
    // Seed 003: the tax bureau, 双胜镇 and 山水水泥 — the “税地企” alliance.
    const tax = ix.organ('税务局');
    const shanshui = ix.orgs.find((o) => o.name.includes('山水水泥'));
    const town = shanshui && ix.parent(shanshui);
    if (tax && shanshui && town) {
      p.add({
        key: 'named/shuidiqi',
        type: '党建联合体+',
        typeNote: '党建联合体+放管服',
        model: '跨域抱团联建共促',
        lead: { org: tax, role: null },
        committee: ix.organCommittee,
        members: seats([town, shanshui]),
        reserve: seats(ix.organsNamed(['政务服务局', '自然资源局', '工业和信息化局'])),
        name: '“税地企”党建联合体',
        product: null,
        houseRules: ['联席会议', '书记轮值'],
        state: 'active',
        area: town,
        founded: '2018-04-16',
        fixedMembers: true,
      });
    }
  }
  if (slug === 'balinzuo') {
    // Seed 003: 西城街道's “智慧党建” platform over 30-odd departments and the grid households.
    const xicheng = ix.streets.find((s) => s.name.includes('西城街道'));
    if (xicheng) {
      const members = dedupe(seats([...ix.kids(xicheng, '社区'), ...ix.organsNamed(['政务服务局', '融媒体中心', '民政局', '人力资源和社会保障局', '医疗保障局', '公安局', '司法局', '住房和城乡建设局', '卫生健康委员会', '退役军人事务局'])]), new Set([xicheng.id])).slice(0, 22);
      p.add({
        key: 'named/xicheng',
        type: '党建引领多元治理共同体',
        typeNote: null,
        model: '智慧党建线上互动',
        lead: { org: xicheng, role: null },
        committee: ix.root,
        members,
        reserve: seats(ix.organsNamed(['工业和信息化局', '统计局', '信访局'])),
        name: `${stem(xicheng)}“智慧党建”联合体`,
        product: null,
        houseRules: ['多网合一', '清单管理'],
        state: 'active',
        area: xicheng,
        founded: '2018-05-08',
        fixedMembers: true,
      });
    }
  }
  if (slug === 'keshiketeng') {
    // Seed 003: organ members in volunteer teams, reporting to communities, scored by points.
    const community = ix.streets.flatMap((s) => ix.kids(s, '社区'))[0];
    if (community) {
      const plan = p.governance('named/shuangbaodao', community, 'active', { model: '双报到结对互动', total: 14 });
      if (plan) Object.assign(plan, { houseRules: ['积分管理', '清单管理'], founded: '2018-04-20', fixedMembers: true });
    }
  }
}

/**
 * The demo accounts' own cases: the alliance admin's community leads a
 * running alliance, a draft and an approved one; the reviewer's street has an
 * application waiting. So every role finds work on first login.
 */
function anchorPlans(p: Planner, a: Anchors): void {
  const ix = p.ix;
  const named = p.plans.find((x) => x.lead.org.id === a.community.id);
  if (named) named.pendingJoin = true;
  else {
    const main = p.governance('anchor/main', a.community, 'active', { model: '区域化共驻共建', total: 12 });
    if (main) Object.assign(main, { ratios: true, pendingJoin: true });
  }
  p.plus('anchor/draft', '养老服务', a.community, 'draft');
  p.plus('anchor/approved', '志愿服务', a.community, 'approved');
  const neighbour =
    ix.kids(a.street, '社区').find((c) => c.id !== a.community.id && !p.used(c)) ??
    ix.kids(a.street, '商务楼宇', '商圈市场', '社会组织', '非公有制企业').find((c) => !p.used(c)) ??
    a.community;
  if (neighbour.domain === '社区') p.governance('anchor/applied', neighbour, 'applied');
  else p.plus('anchor/applied', '红色物业', neighbour, 'applied', { committee: a.street });
}

function randomPlans(p: Planner, want: number): void {
  const ix = p.ix;
  const rng = p.rng('fill');
  const mix = TYPE_MIX[p.tenant.slug] ?? RURAL_MIX;
  const communities = rng.shuffle(ix.streets.flatMap((s) => ix.kids(s, '社区')));
  const ruralTowns = ix.towns.filter((t) => ix.kids(t, '嘎查村').length);
  const villages = rng.shuffle(ruralTowns.flatMap((t) => ix.kids(t, '嘎查村')));
  const leadFirms = rng.shuffle(ix.agriFirms.filter((f) => ix.parent(f)?.domain === '苏木乡镇'));
  const next = (list: DemoOrg[]) => {
    for (;;) {
      const o = list.shift();
      if (!o) return undefined;
      if (!p.used(o)) return o;
    }
  };
  const urbanTopics = ['志愿服务', '红色物业', '养老服务', '文明实践'];
  const ruralTopics = ['乡村旅游', '生态保护', '电商', '文明实践'];
  let guard = 0;
  for (; p.plans.length < want && guard < want * 20; guard++) {
    const key = `r/${guard}`;
    const krng = p.rng(key);
    const state = krng.weighted(STATE_WEIGHTS);
    const kind = krng.weighted<'G' | 'I' | 'P'>([
      ['G', mix[0]],
      ['I', mix[1]],
      ['P', mix[2]],
    ]);
    if (kind === 'G') {
      const lead = next(communities);
      if (lead) p.governance(key, lead, state);
    } else if (kind === 'I') {
      // Mostly villages, a leading firm heads one in five; both under a township, whose secretary heads the alliance.
      const lead = krng.chance(0.2) ? (next(leadFirms) ?? next(villages)) : (next(villages) ?? next(leadFirms));
      if (lead) p.industry(key, lead, state);
    } else {
      const r = krng.next();
      let lead: DemoOrg | undefined;
      let topic: string;
      if (r < 0.12 && ix.schools.some((s) => !p.used(s))) {
        topic = '教育';
        lead = krng.shuffle(ix.schools).find((s) => !p.used(s));
      } else if (r < 0.22 && ix.hospitals.some((h) => !p.used(h))) {
        topic = '医疗健康';
        lead = krng.shuffle(ix.hospitals).find((h) => !p.used(h));
      } else if (r < 0.3 && ix.parks.some((pk) => ix.kids(pk, '非公有制企业').some((f) => !p.used(f)))) {
        topic = '营商环境';
        lead = krng.shuffle(ix.parks.flatMap((pk) => ix.kids(pk, '非公有制企业'))).find((f) => !p.used(f));
      } else if (krng.chance(mix[0] / (mix[0] + mix[1]))) {
        topic = krng.pick(urbanTopics);
        lead = next(communities);
      } else {
        topic = krng.pick(ruralTopics);
        lead = next(villages);
      }
      if (lead) p.plus(key, topic, lead, state);
    }
  }
}

// ── History ──────────────────────────────────────────────────────────────────

type Who = 'lead' | 'committee';

interface Step {
  action: string;
  from: AllianceStatus | null;
  to: AllianceStatus;
  day: number;
  by: Who;
  reason?: string;
  doc?: string;
  adjustment?: number;
}

interface Dates {
  steps: Step[];
  founded?: number;
  started?: number;
  /** Day ranges in which the alliance ran and could be adjusted. */
  windows: [number, number][];
}

function between(rng: Rng, lo: number, hi: number): number {
  return hi <= lo ? lo : rng.int(lo, hi);
}

/** The transitions that lead to `state`, dated forwards from creation. */
function history(rng: Rng, plan: Plan): Dates {
  const steps: Step[] = [];
  const push = (action: string, from: AllianceStatus | null, to: AllianceStatus, day: number, by: Who, extra: Partial<Step> = {}) => steps.push({ action, from, to, day, by, ...extra });
  const industryReject = plan.type === '党建引领产业发展共同体' && plan.consortium && !consortiumValid(plan.consortium);
  const rejectReason = () => (industryReject ? rng.pick(T.INDUSTRY_REJECT_REASONS) : plan.lead.org.weakFlag ? T.WEAK_LEAD_REJECT_REASON : rng.pick(T.REJECT_REASONS));
  const state = plan.state;

  if (state === 'draft') {
    const variant = rng.weighted<'plain' | 'withdrawn' | 'revised'>([
      ['plain', 60],
      ['withdrawn', 20],
      ['revised', 20],
    ]);
    if (variant === 'plain') {
      push('create', null, 'draft', TODAY - rng.int(3, 200), 'lead');
    } else {
      const c = TODAY - rng.int(90, 320);
      const a = c + rng.int(5, 30);
      push('create', null, 'draft', c, 'lead');
      push('apply', 'draft', 'applied', a, 'lead', { doc: 'application' });
      if (variant === 'withdrawn') push('withdraw', 'applied', 'draft', a + rng.int(3, 20), 'lead', { reason: rng.pick(T.WITHDRAW_REASONS) });
      else {
        const r = a + rng.int(7, 30);
        push('reject', 'applied', 'rejected', r, 'committee', { reason: rejectReason(), doc: 'reply-reject' });
        push('revise', 'rejected', 'draft', r + rng.int(3, 25), 'lead', { reason: rng.pick(T.REVISE_REASONS) });
      }
    }
    return { steps, windows: [] };
  }
  if (state === 'applied') {
    const a = TODAY - rng.int(1, 45);
    if (rng.chance(0.15)) {
      const a0 = a - rng.int(50, 120);
      const c = a0 - rng.int(5, 40);
      const r = a0 + rng.int(7, 25);
      push('create', null, 'draft', c, 'lead');
      push('apply', 'draft', 'applied', a0, 'lead', { doc: 'application' });
      push('reject', 'applied', 'rejected', r, 'committee', { reason: rejectReason(), doc: 'reply-reject' });
      push('revise', 'rejected', 'draft', between(rng, r + 3, a - 3), 'lead', { reason: rng.pick(T.REVISE_REASONS) });
    } else push('create', null, 'draft', a - rng.int(5, 40), 'lead');
    push('apply', 'draft', 'applied', a, 'lead', { doc: 'application' });
    return { steps, windows: [] };
  }
  if (state === 'rejected') {
    const r = rng.int(dayOf('2019-01-01'), TODAY - 10);
    const a = r - rng.int(7, 30);
    push('create', null, 'draft', a - rng.int(5, 40), 'lead');
    push('apply', 'draft', 'applied', a, 'lead', { doc: 'application' });
    push('reject', 'applied', 'rejected', r, 'committee', { reason: rejectReason(), doc: 'reply-reject' });
    return { steps, windows: [] };
  }

  // From here on the committee approved.
  let founded: number;
  let approved: number;
  // An approved alliance that never held its founding meeting may be dissolved as it is.
  const neverFormed = state === 'dissolved' && !plan.founded && rng.chance(0.12);
  if (neverFormed) {
    approved = rng.int(FIRST_DAY + 90, TODAY - 200);
    founded = NaN;
  } else if (state === 'approved') {
    approved = TODAY - rng.int(3, 120);
    founded = NaN;
  } else {
    const latest = state === 'established' ? TODAY - 2 : state === 'active' ? TODAY - 60 : TODAY - 330;
    const earliest = state === 'established' ? TODAY - 90 : FIRST_DAY + 90;
    founded = plan.founded ? dayOf(plan.founded) : rng.int(earliest, latest);
    approved = founded - rng.int(10, 60);
  }
  const applied = Math.max(FIRST_DAY + 5, approved - rng.int(7, 30));
  push('create', null, 'draft', Math.max(FIRST_DAY, applied - rng.int(5, 40)), 'lead');
  push('apply', 'draft', 'applied', applied, 'lead', { doc: 'application' });
  push('approve', 'applied', 'approved', approved, 'committee', { doc: 'reply-approve' });
  if (state === 'approved') return { steps, windows: [] };
  if (neverFormed) {
    push('dissolve', 'approved', 'dissolved', between(rng, approved + 90, Math.min(approved + 400, TODAY - 5)), 'committee', { reason: T.NEVER_FORMED_REASON, doc: 'decision-dissolve' });
    return { steps, windows: [] };
  }
  push('establish', 'approved', 'established', founded, 'lead', { doc: 'minutes' });
  // Adjustments are for running alliances only (active or rectifying).
  if (state === 'established') return { steps, founded, windows: [] };
  const started = founded + rng.int(1, 20);
  push('start', 'established', 'active', started, 'lead');
  const windows: [number, number][] = [];
  let from = started + 1;
  const rectify = (day: number, n: number) => push('rectify', 'active', 'rectifying', day, 'committee', { reason: rng.pick(T.RECTIFY_REASONS), doc: `decision-rectify-${n}` });

  if (state === 'active') {
    // One in eight older alliances went through a rectification and came back.
    if (TODAY - started > 900 && !plan.fixedMembers && rng.chance(0.12)) {
      const r = rng.int(started + 365, TODAY - 400);
      const back = r + rng.int(60, 200);
      windows.push([from, r - 1]);
      rectify(r, 1);
      push('restore', 'rectifying', 'active', back, 'committee', { reason: rng.pick(T.RESTORE_REASONS) });
      from = back + 1;
    }
    windows.push([from, TODAY]);
  } else if (state === 'rectifying') {
    const r = between(rng, Math.max(started + 200, TODAY - 200), TODAY - 5);
    windows.push([from, r - 1]);
    rectify(r, 1);
    windows.push([r + 1, TODAY]);
  } else {
    const end = between(rng, started + 250, TODAY - 5);
    if (rng.chance(0.4)) {
      const r = between(rng, Math.max(started + 90, end - 200), end - 60);
      windows.push([from, r - 1]);
      rectify(r, 1);
      windows.push([r + 1, end - 1]);
      push('dissolve', 'rectifying', 'dissolved', end, 'committee', { reason: rng.pick(T.DISSOLVE_REASONS), doc: 'decision-dissolve' });
    } else {
      windows.push([from, end - 1]);
      push('dissolve', 'active', 'dissolved', end, 'committee', { reason: rng.pick(T.DISSOLVE_REASONS.filter((r) => !r.includes('整顿'))), doc: 'decision-dissolve' });
    }
  }
  return { steps, founded, started, windows };
}

function consortiumValid(c: DemoConsortium): boolean {
  return c.largeGrowers >= 3 && c.households * 5 >= c.householdsTotal;
}

/** Integer percentages over `n` members (the lead first), each at least 1%, summing to 100, as basis points. */
function shares(rng: Rng, n: number): number[] {
  const lead = Math.min(rng.int(20, 40), 100 - (n - 1));
  const weights = Array.from({ length: n - 1 }, () => rng.int(1, 4));
  const w = weights.reduce((s, x) => s + x, 0);
  const rest = 100 - lead;
  const raw = weights.map((x) => (rest * x) / w);
  const pcts = raw.map((x) => Math.max(1, Math.floor(x)));
  let diff = rest - pcts.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; diff > 0; k++, diff--) pcts[order[k % order.length]![1]]! += 1;
  for (let k = 0; diff < 0; k++) {
    const i = order[order.length - 1 - (k % order.length)]![1];
    if (pcts[i]! > 1) {
      pcts[i]! -= 1;
      diff++;
    }
  }
  return [lead, ...pcts].map((x) => x * 100);
}

const CN_DIGITS = '〇一二三四五六七八九';
/** 2 → 二, 12 → 十二: the (二) of a second route of the same name. */
const ordinalCn = (n: number): string => (n < 10 ? CN_DIGITS[n]! : n < 20 ? `十${n % 10 ? CN_DIGITS[n % 10] : ''}` : String(n));

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

interface Actor {
  id: string;
  name: string;
  role: string;
}

export interface AllianceInputs {
  seed: string;
  scale: number;
  tenant: TenantDef;
  orgs: readonly DemoOrg[];
  /** This tenant's demo accounts and the city's, to attribute recent acts to them. */
  accounts: readonly DemoAccount[];
}

const EMPTY = (): AllianceDemoData => ({ alliances: [], members: [], seats: [], documents: [], events: [], adjustments: [], filings: [], routes: [], routeStops: [], districts: [], districtItems: [] });
export const emptyAllianceData = EMPTY;

/** Builds one county's alliances with their history, routes and districts. */
export function buildAlliances(input: AllianceInputs): AllianceDemoData {
  const { seed, scale, tenant, orgs, accounts } = input;
  const ix = new OrgIndex(orgs);
  const account = (username: string) => accounts.find((a) => a.username === username);
  const allianceAccount = account(`${tenant.slug}_alliance`);
  const reviewerAccount = account(`${tenant.slug}_reviewer`);
  const countyAccount = account(`${tenant.slug}_admin`);
  const cityAccount = account('city_admin');
  const out = EMPTY();
  const planner = new Planner(seed, tenant, ix);
  namedPlans(planner);
  const community = allianceAccount && ix.byId.get(allianceAccount.scopeOrgId!);
  const street = reviewerAccount && ix.byId.get(reviewerAccount.scopeOrgId!);
  if (community && street) anchorPlans(planner, { community, street });
  randomPlans(planner, (ALLIANCE_QUOTA[tenant.slug] ?? 20) * scale);

  // Acts after the demo accounts were opened are theirs; earlier ones belong to the secretaries of the day.
  const accountsOpened = accounts.reduce((m, a) => Math.min(m, a.createdAt), Infinity);
  const synthetic = (key: string, name: string, role: string): Actor => ({ id: stableId('usr', seed, `${tenant.slug}/actor/${key}`, accountsOpened), name, role });
  const actorFor = (org: DemoOrg, who: Who, at: number): Actor => {
    const acc = who === 'lead' ? allianceAccount : reviewerAccount;
    if (acc && acc.scopeOrgId === org.id && at >= acc.createdAt) return { id: acc.userId, name: acc.displayName, role: acc.role };
    return synthetic(org.id, org.secretaryName ?? `${stem(org)}书记`, who === 'lead' ? 'alliance_admin' : 'committee_reviewer');
  };
  // The server records who acknowledged by display name.
  const ackBy = (acc: DemoAccount | undefined, fallback: string, at: number) => (acc && at >= acc.createdAt ? acc.displayName : fallback);

  const built: { plan: Plan; row: DemoAlliance }[] = [];
  for (const plan of planner.plans) built.push({ plan, row: realize(plan) });
  buildRed(built);
  return out;

  function realize(plan: Plan): DemoAlliance {
    const rng = rngFrom(`${seed}\u0000${tenant.slug}\u0000history\u0000${plan.key}`);
    const key = `${tenant.slug}/${plan.key}`;
    const lead = plan.lead.org;
    const committee = plan.committee;
    const mongolian = tenant.name.endsWith('旗') ? 0.22 : 0.06;

    // Consortium of an industry alliance: households of its villages; drafts and rejections may fall short.
    if (plan.type === '党建引领产业发展共同体' && !plan.consortium) {
      const villages = [plan.lead, ...plan.members].filter((m) => m.org.domain === '嘎查村').length || 1;
      const total = Array.from({ length: villages }, () => rng.int(180, 900)).reduce((s, x) => s + x, 0);
      const weak = plan.state === 'rejected' ? rng.chance(0.6) : plan.state === 'draft' ? rng.chance(0.3) : false;
      plan.consortium = weak
        ? rng.chance(0.5)
          ? { largeGrowers: rng.int(1, 2), households: Math.round(total * (rng.int(22, 45) / 100)), householdsTotal: total }
          : { largeGrowers: rng.int(3, 12), households: Math.round(total * (rng.int(8, 18) / 100)), householdsTotal: total }
        : { largeGrowers: rng.int(3, 40), households: Math.round(total * (rng.int(21, 68) / 100)), householdsTotal: total };
    }
    const d = history(rng, plan);
    const established = d.founded !== undefined;
    const ratios = plan.ratios ?? rng.chance(0.55);
    // The record opens with the first step, in the morning.
    const createdAt = instantOf(d.steps[0]!.day, 9 * 60 + rng.int(0, 90));
    // Documents written before an approved type change carry the type of their day.
    const foundingNote = plan.typeNote;

    // ── Members: founders, then joins and leaves decided on adjustment days ──
    interface Row {
      seat: Seat;
      role: 'lead' | 'member';
      bp: number;
      foundingBp: number;
      joined: number | null;
      left: number | null;
      leaveReason: string | null;
      changedAt: number[];
      liaison: { name: string; phone: string } | null;
    }
    const founders = [plan.lead, ...plan.members];
    const founding = ratios ? shares(rng, founders.length) : founders.map(() => 0);
    const liaison = (o: DemoOrg) => ({ name: o.liaisonName ?? personName(rng, mongolian), phone: o.liaisonPhone ?? mobile(rng) });
    const rows: Row[] = founders.map((seat, i) => ({
      seat,
      role: i === 0 ? 'lead' : 'member',
      bp: founding[i]!,
      foundingBp: founding[i]!,
      joined: established ? d.founded! : null,
      left: null,
      leaveReason: null,
      changedAt: [],
      liaison: established || rng.chance(0.5) ? liaison(seat.org) : null,
    }));
    const leadRow = rows[0]!;
    const current = () => rows.filter((r) => r.left === null && (r.joined !== null || !established));

    // ── Adjustments inside the windows the alliance ran in ──
    interface Adj {
      kind: AdjustmentKind;
      payload: DemoAdjustmentPayload;
      reason: string;
      status: 'proposed' | 'approved' | 'rejected';
      proposed: number;
      decided: number | null;
      note: string | null;
      by: Who;
      summary: string;
      row?: Row;
    }
    const adjustments: Adj[] = [];
    const stepDays = new Set(d.steps.map((s) => s.day));
    const running = plan.state === 'active' || plan.state === 'established' || plan.state === 'rectifying';
    const wanted = plan.fixedMembers || !d.windows.length ? 0 : plan.state === 'established' ? rng.weighted([[0, 80], [1, 20]]) : rng.weighted([[0, 35], [1, 30], [2, 22], [3, 13]]);
    const days: number[] = [];
    for (let k = 0; k < wanted * 3 && days.length < wanted; k++) {
      const [lo, hi] = rng.pick(d.windows);
      if (hi - lo < 40) continue;
      const day = rng.int(lo + 30, hi);
      if (day > TODAY - 1 || stepDays.has(day) || days.some((x) => Math.abs(x - day) < 7)) continue;
      days.push(day);
    }
    days.sort((a, b) => a - b);
    const memberIds = new Map<Row, string>();
    // Founders in the order the lead listed them (the detail page sorts by createdAt), joiners on their day.
    const memberCreated = (r: Row) => (r.joined !== null && r.joined !== d.founded ? instantOf(r.joined, 10 * 60) : createdAt + rows.indexOf(r));
    const memberId = (r: Row) => {
      let id = memberIds.get(r);
      if (!id) {
        id = stableId('alm', seed, `${key}/m/${r.seat.org.id}/${rows.indexOf(r)}`, memberCreated(r));
        memberIds.set(r, id);
      }
      return id;
    };

    for (const day of days) {
      const pending = running && day >= TODAY - 40 && rng.chance(0.6);
      const status = pending ? 'proposed' : rng.chance(0.8) ? 'approved' : 'rejected';
      const proposed = day - rng.int(5, 25);
      const by: Who = rng.chance(0.75) ? 'lead' : 'committee';
      const kind = rng.weighted<AdjustmentKind>([
        ['member_join', 50],
        ['member_leave', 30],
        ['type_change', plan.type === '党建联合体+' || status !== 'approved' ? 10 : 0],
        ['lead_change', status === 'approved' ? 0 : 8],
      ]);
      const decided = status === 'proposed' ? null : day;
      const cur = current();
      if (kind === 'member_join') {
        if (cur.length >= 27) continue;
        const taken = new Set(cur.map((r) => r.seat.org.id));
        const cand = plan.reserve.filter((s) => !taken.has(s.org.id) && !adjustments.some((a) => a.payload.kind === 'member_join' && a.payload.orgId === s.org.id));
        if (!cand.length) continue;
        const seat = rng.pick(cand);
        const bp = ratios && status === 'approved' ? Math.min(rng.int(1, 3) * 100, Math.max(0, leadRow.bp - 500)) : ratios ? rng.int(1, 3) * 100 : 0;
        const reason = rng.pick(T.JOIN_REASONS);
        const payload: DemoAdjustmentPayload = { kind: 'member_join', orgId: seat.org.id, ...(ratios ? { contributionBp: bp } : {}), ...(seat.role ? { consortiumRole: seat.role } : {}) };
        const adj: Adj = { kind, payload, reason, status, proposed, decided, note: null, by, summary: `${ADJUSTMENT_KIND_LABELS.member_join}：${seat.org.name}` };
        if (status === 'approved') {
          const r: Row = { seat, role: 'member', bp, foundingBp: bp, joined: day, left: null, leaveReason: null, changedAt: [], liaison: liaison(seat.org) };
          if (bp) {
            leadRow.bp -= bp;
            leadRow.changedAt.push(instantOf(day, 16 * 60));
          }
          rows.push(r);
          adj.row = r;
          adj.note = '经研究，同意加入。请签订共建协议并明确联络员。';
        } else if (status === 'rejected') adj.note = rng.pick(T.JOIN_REJECT_NOTES);
        adjustments.push(adj);
      } else if (kind === 'member_leave') {
        // Nobody whose leaving would break the type's composition (the server checks it again on decision).
        const composed = (list: readonly Row[]) =>
          plan.type === '党建引领产业发展共同体'
            ? (['龙头企业', '农民合作社', '社会化服务组织'] as const).every((role) => list.some((x) => x.seat.role === role))
            : plan.type !== '党建引领多元治理共同体' || (list.some((x) => x.seat.org.domain === '社区') && list.some((x) => GOVERNANCE_UNITS.has(x.seat.org.domain)));
        const cand = cur.filter((r) => r.role === 'member' && (r.joined ?? 0) < day - 30 && !adjustments.some((a) => a.status === 'proposed' && a.row === r) && composed(cur.filter((x) => x !== r)));
        if (!cand.length || cur.length <= 3) continue;
        const r = rng.pick(cand);
        const reason = rng.pick(T.LEAVE_REASONS);
        const adj: Adj = { kind, payload: { kind: 'member_leave', memberId: memberId(r) }, reason, status, proposed, decided, note: null, by, summary: `${ADJUSTMENT_KIND_LABELS.member_leave}：${r.seat.org.name}`, row: r };
        if (status === 'approved') {
          r.left = day;
          r.leaveReason = reason;
          if (r.bp) {
            leadRow.bp += r.bp;
            leadRow.changedAt.push(instantOf(day, 16 * 60));
          }
          adj.note = '经研究，同意退出。';
        } else if (status === 'rejected') adj.note = '该单位承担的联建项目尚未完成，暂不同意退出，待项目验收后再议。';
        adjustments.push(adj);
      } else if (kind === 'type_change') {
        const topic = T.plusTopic(plan.typeNote);
        const widened = T.TOPIC_WIDENING[topic];
        if (status === 'approved' && (!widened || plan.typeNote !== foundingNote)) continue;
        const approvedNote = `党建联合体+${widened}`;
        const payload: DemoAdjustmentPayload =
          status === 'approved'
            ? { kind: 'type_change', type: '党建联合体+', typeNote: approvedNote }
            : plan.type !== '党建联合体+'
              ? { kind: 'type_change', type: '党建联合体+', typeNote: lead.domain === '社区' ? '党建联合体+志愿服务' : '党建联合体+乡村旅游' }
              : { kind: 'type_change', type: lead.domain === '嘎查村' ? '党建引领产业发展共同体' : '党建引领多元治理共同体', typeNote: null };
        const adj: Adj = { kind, payload, reason: rng.pick(status === 'approved' ? T.TYPE_WIDEN_REASONS : T.TYPE_CHANGE_REASONS), status, proposed, decided, note: null, by, summary: `${ADJUSTMENT_KIND_LABELS.type_change}：改为${payload.type}${payload.typeNote ? `（${payload.typeNote}）` : ''}` };
        if (status === 'approved') {
          plan.typeNote = approvedNote;
          adj.note = '经研究，同意调整类型说明。';
        } else if (status === 'rejected') adj.note = '联合体现有构成不符合拟调整类型的条件，暂不同意。';
        adjustments.push(adj);
      } else {
        // The approving committee keeps deciding after a lead change, so the new lead stays under it.
        const cand = cur.filter((r) => r.role === 'member' && r.seat.org.domain !== '机关' && !r.seat.org.isExternal && isAncestorOf(plan.committee, r.seat.org));
        if (!cand.length) continue;
        const r = rng.pick(cand);
        const adj: Adj = { kind, payload: { kind: 'lead_change', orgId: r.seat.org.id }, reason: rng.pick(T.LEAD_CHANGE_REASONS), status, proposed, decided, note: status === 'rejected' ? '现牵头党组织运行良好，暂不调整。' : null, by, summary: `${ADJUSTMENT_KIND_LABELS.lead_change}：改由${r.seat.org.name}牵头` };
        adjustments.push(adj);
      }
    }
    // The demo's running alliances keep one proposal open for the reviewer.
    if (plan.pendingJoin && running) {
      const taken = new Set(current().map((r) => r.seat.org.id));
      const seat = plan.reserve.find((s) => !taken.has(s.org.id));
      if (seat) {
        const day = TODAY - rng.int(2, 10);
        adjustments.push({
          kind: 'member_join',
          payload: { kind: 'member_join', orgId: seat.org.id, ...(ratios ? { contributionBp: 100 } : {}) },
          reason: rng.pick(T.JOIN_REASONS),
          status: 'proposed',
          proposed: day,
          decided: null,
          note: null,
          by: 'lead',
          summary: `${ADJUSTMENT_KIND_LABELS.member_join}：${seat.org.name}`,
        });
      }
    }

    // ── Events: transitions and decided adjustments in business-date order ──
    interface Ev {
      step?: Step;
      adj?: Adj;
      day: number;
    }
    // A rejection only closes the proposal; an approval changes the alliance, so it is on the timeline (as the server does).
    const timeline: Ev[] = [...d.steps.map((step) => ({ step, day: step.day })), ...adjustments.filter((a) => a.status !== 'proposed').map((adj) => ({ adj, day: adj.decided! }))];
    timeline.sort((a, b) => a.day - b.day || (a.step ? 0 : 1) - (b.step ? 0 : 1));
    // Strictly increasing instants: the timeline is read in id order, and ids lead with the instant.
    let lastAt = createdAt - 60_000;
    const evAt = new Map<Ev, number>();
    for (const ev of timeline) {
      const at = ev === timeline[0] ? createdAt : Math.max(instantOf(ev.day, workMinute(rng)), lastAt + 60_000);
      evAt.set(ev, at);
      lastAt = at;
    }

    const statusNow = plan.state;
    const stepOf = (action: string) => d.steps.filter((s) => s.action === action).at(-1);
    const dayIso = (s: Step | undefined) => (s ? isoOf(s.day) : null);
    const approveStep = stepOf('approve');
    const dissolveStep = stepOf('dissolve');
    const row: DemoAlliance = {
      id: stableId('aln', seed, key, createdAt),
      name: plan.name,
      type: plan.type,
      typeNote: plan.typeNote,
      model: plan.model,
      pairingForm: pairingFor(lead, plan.members),
      vision: '',
      commonNeeds: '',
      leadOrgId: lead.id,
      committeeOrgId: committee.id,
      status: statusNow,
      houseRules: plan.houseRules,
      consortium: plan.consortium ?? null,
      appliedOn: statusNow === 'draft' ? null : dayIso(stepOf('apply')),
      approvedOn: dayIso(approveStep),
      foundedOn: established ? isoOf(d.founded!) : null,
      startedOn: d.started !== undefined ? isoOf(d.started) : null,
      dissolvedOn: dayIso(dissolveStep),
      version: 1,
      createdAt: createdAt,
      updatedAt: createdAt,
    };
    row.vision = T.visionFor(rng, { type: plan.type, typeNote: foundingNote, model: plan.model, leadShort: shortName(ix, lead), areaName: stem(plan.area), product: plan.product?.name ?? null, memberCount: founders.length });
    row.commonNeeds = T.commonNeedsFor(rng, plan.type, foundingNote);
    const text: T.AllianceText = {
      name: plan.name,
      type: plan.type,
      typeNote: foundingNote,
      model: plan.model,
      pairingForm: row.pairingForm,
      vision: row.vision,
      commonNeeds: row.commonNeeds,
      houseRules: plan.houseRules,
      consortium: row.consortium,
      countyName: tenant.name,
      leadName: lead.name,
      leadSecretary: lead.secretaryName ?? '',
      committeeName: committee.name,
      committeeSecretary: committee.secretaryName ?? '',
      memberNames: founders.map((s) => s.org.name),
      product: plan.product?.name ?? null,
      ratios,
    };

    // ── Documents ──
    const docs = new Map<string, DemoAllianceDocument>();
    const doc = (
      docKey: string,
      kind: DocumentKind,
      title: string,
      content: string,
      o: { day: number | null; status: 'draft' | 'adopted'; signer?: DemoOrg | null; signerName?: string | null; year?: number | null; by: Actor; createdAt: number; updatedAt?: number; version?: number },
    ) => {
      const createdAt = o.createdAt;
      const d2: DemoAllianceDocument = {
        id: stableId('adc', seed, `${key}/d/${docKey}`, createdAt),
        allianceId: row.id,
        kind,
        title,
        docDate: o.day !== null ? isoOf(o.day) : null,
        status: o.status,
        signerName: o.signerName ?? o.signer?.secretaryName ?? null,
        signerOrgId: o.signer?.id ?? null,
        year: o.year ?? null,
        content,
        contentHash: sha256(content),
        version: o.version ?? 1,
        createdBy: o.by.id,
        createdAt,
        updatedAt: Math.max(createdAt, o.updatedAt ?? createdAt),
      };
      docs.set(docKey, d2);
      return d2;
    };
    const before = (at: number, hours: number) => at - hours * 3_600_000;
    const stepAt = (s: Step) => evAt.get(timeline.find((e) => e.step === s)!)!;
    for (const s of d.steps) {
      const at = stepAt(s);
      const actor = actorFor(s.by === 'lead' ? lead : committee, s.by, at);
      if (s.doc === 'application' && !docs.has('application')) {
        const applies = d.steps.filter((x) => x.action === 'apply');
        // Returned to draft (withdrawn or revised) reopens the application for editing.
        const reopened = statusNow === 'draft';
        const last = applies.at(-1)!;
        doc('application', 'application', `关于成立${plan.name}的请示`, T.applicationText(text, isoOf(last.day)), {
          day: last.day,
          status: reopened ? 'draft' : 'adopted',
          signer: lead,
          by: actor,
          createdAt: before(at, 48),
          updatedAt: stepAt(last),
          version: applies.length,
        });
      } else if (s.doc === 'reply-approve' || s.doc === 'reply-reject') {
        const ok = s.doc === 'reply-approve';
        doc(s.doc, 'approval_reply', ok ? `关于同意组建${plan.name}的批复` : `关于不同意组建${plan.name}的批复`, T.replyText(text, isoOf(s.day), ok, s.reason), {
          day: s.day,
          status: 'adopted',
          signer: committee,
          by: actor,
          createdAt: at - 30 * 60_000,
        });
      } else if (s.doc?.startsWith('decision-')) {
        const kind = s.action === 'dissolve' ? 'dissolve' : 'rectify';
        doc(s.doc, 'decision', kind === 'dissolve' ? `关于撤销${plan.name}的决定` : `关于对${plan.name}进行规范整顿的决定`, T.decisionText(text, kind, s.reason ?? '', isoOf(s.day)), {
          day: s.day,
          status: 'adopted',
          signer: committee,
          by: actor,
          createdAt: at - 30 * 60_000,
        });
      }
    }
    if (established) {
      const fStep = stepOf('establish')!;
      const fAt = stepAt(fStep);
      const prepared = stepAt(approveStep!) + 86_400_000;
      const by = actorFor(lead, 'lead', fAt);
      const f = d.founded!;
      doc('charter', 'charter', `${plan.name}章程`, T.charterText(text, isoOf(f)), { day: f, status: 'adopted', signer: lead, by, createdAt: prepared, updatedAt: fAt, version: 2 });
      for (const r of rows.filter((x) => x.joined === f)) {
        const m = r.seat.org;
        doc(`agreement/${m.id}`, 'agreement', `${plan.name}共建协议（${m.name}）`, T.agreementText(text, { name: m.name, secretary: m.secretaryName ?? '', liaison: r.liaison?.name ?? null, bp: r.foundingBp, isLead: r.role === 'lead' }, isoOf(f)), {
          day: f,
          status: 'adopted',
          signer: m,
          by,
          createdAt: prepared + 3_600_000,
          updatedAt: fAt,
        });
      }
      doc('rules', 'rules', `${plan.name}日常工作制度`, T.rulesText(text, isoOf(f)), { day: f, status: 'adopted', signer: lead, by, createdAt: prepared + 7_200_000, updatedAt: fAt });
      doc('minutes', 'founding_minutes', `${plan.name}成立大会纪要`, T.minutesText(text, isoOf(f), founders.length * 2 + rng.int(6, 30)), { day: f, status: 'adopted', signer: lead, by, createdAt: fAt - 3_600_000, updatedAt: fAt });
      const firstYear = Number(isoOf(f).slice(0, 4));
      const endDay = dissolveStep?.day ?? TODAY;
      const lastYear = Number(isoOf(endDay).slice(0, 4));
      for (const year of new Set([firstYear, lastYear])) {
        const planDay = year === firstYear ? f : Math.min(endDay - 1, Math.max(f, dayOf(`${year}-01-20`) + rng.int(0, 40)));
        const pAt = year === firstYear ? fAt : instantOf(planDay, workMinute(rng));
        doc(`plan/${year}`, 'work_plan', `${plan.name}${year}年度工作计划`, T.workPlanText(text, year), { day: planDay, status: 'adopted', signer: lead, year, by: actorFor(lead, 'lead', pAt), createdAt: pAt - 86_400_000, updatedAt: pAt });
      }
    } else if (statusNow === 'draft' && !docs.has('application') && (plan.key === 'anchor/draft' || rng.chance(0.5))) {
      // A draft often has its application written already, waiting to be filed.
      const at = createdAt + rng.int(2, 72) * 3_600_000;
      if (at < instantOf(TODAY, 0)) doc('application', 'application', `关于成立${plan.name}的请示`, T.applicationText(text, DEMO_TODAY), { day: null, status: 'draft', signer: lead, by: actorFor(lead, 'lead', at), createdAt: at });
    } else if (statusNow === 'approved' && rng.chance(0.6)) {
      // Preparing the founding meeting: the charter is being drafted.
      const at = stepAt(approveStep!) + rng.int(1, 5) * 86_400_000;
      if (at < instantOf(TODAY, 0)) doc('charter', 'charter', `${plan.name}章程（草案）`, T.charterText(text, DEMO_TODAY), { day: null, status: 'draft', signer: lead, by: actorFor(lead, 'lead', at), createdAt: at });
    }

    // Later joiners sign on the day they join.
    for (const r of rows.filter((x) => x.joined !== null && x.joined !== d.founded)) {
      const m = r.seat.org;
      const at = instantOf(r.joined!, 15 * 60);
      doc(`agreement/${m.id}/${r.joined}`, 'agreement', `${plan.name}共建协议（${m.name}）`, T.agreementText(text, { name: m.name, secretary: m.secretaryName ?? '', liaison: r.liaison?.name ?? null, bp: r.foundingBp, isLead: false }, isoOf(r.joined!)), {
        day: r.joined!,
        status: 'adopted',
        signer: m,
        by: actorFor(lead, 'lead', at),
        createdAt: at,
      });
    }

    // ── Adjustment rows ──
    const adjRows = new Map<Adj, DemoAllianceAdjustment>();
    for (const [i, a] of adjustments.entries()) {
      const proposedAt = instantOf(a.proposed, workMinute(rng));
      const ev = timeline.find((e) => e.adj === a);
      const decidedAt = ev ? evAt.get(ev)! : a.decided !== null ? instantOf(a.decided, workMinute(rng)) : null;
      const proposer = actorFor(a.by === 'lead' ? lead : committee, a.by, proposedAt);
      const decider = decidedAt !== null ? actorFor(committee, 'committee', decidedAt) : null;
      adjRows.set(a, {
        id: stableId('adj', seed, `${key}/a/${i}`, proposedAt),
        allianceId: row.id,
        kind: a.kind,
        payload: a.payload,
        reason: a.reason,
        status: a.status,
        proposedById: proposer.id,
        proposedByName: proposer.name,
        proposedAt,
        decidedById: decider?.id ?? null,
        decidedByName: decider?.name ?? null,
        decidedAt,
        decidedOn: a.decided !== null ? isoOf(a.decided) : null,
        decisionNote: a.note,
        version: a.status === 'proposed' ? 1 : 2,
      });
    }

    // ── Events and filings ──
    const filing = (n: number, kind: FilingKind, title: string, summary: string, day: number, at: number, actor: Actor, documentId: string | null) => {
      const filedAt = at + 60_000;
      const old = day < TODAY - 45;
      const countyAck = rng.chance(old ? 0.95 : 0.4);
      const cityAck = countyAck && rng.chance(old ? 0.85 : 0.3);
      const cap = (t: number) => Math.min(t, instantOf(TODAY, 17 * 60));
      const countyAckAt = countyAck ? cap(filedAt + rng.int(2, 240) * 3_600_000) : null;
      const cityAckAt = cityAck ? cap(Math.max(countyAckAt ?? 0, filedAt) + rng.int(2, 360) * 3_600_000) : null;
      out.filings.push({
        id: stableId('fil', seed, `${key}/f/${n}`, filedAt),
        kind,
        allianceId: row.id,
        allianceName: plan.name,
        committeeName: committee.name,
        title,
        summary,
        documentId,
        filedOn: isoOf(day),
        filedAt,
        filedById: actor.id,
        filedByName: actor.name,
        countyState: countyAck ? 'acknowledged' : 'unread',
        countyAckAt,
        countyAckBy: countyAckAt !== null ? ackBy(countyAccount, `${tenant.name}委组织部`, countyAckAt) : null,
        cityState: cityAck ? 'acknowledged' : 'unread',
        cityAckAt,
        cityAckBy: cityAckAt !== null ? ackBy(cityAccount, '赤峰市委组织部', cityAckAt) : null,
        version: 1 + (countyAck ? 1 : 0) + (cityAck ? 1 : 0),
      });
    };
    let status: AllianceStatus | null = null;
    let nFiling = 0;
    for (const [i, ev] of timeline.entries()) {
      const at = evAt.get(ev)!;
      if (ev.step) {
        const s = ev.step;
        const actor = actorFor(s.by === 'lead' ? lead : committee, s.by, at);
        const docId = s.doc ? (docs.get(s.doc)?.id ?? null) : null;
        // Approvals and rejections carry the reply itself as their reason.
        const reply = s.action === 'approve' || s.action === 'reject' ? docs.get(s.doc!)!.content : null;
        const reason = reply ? (reply.length > 200 ? `${reply.slice(0, 200)}…` : reply) : (s.reason ?? null);
        out.events.push({
          id: stableId('aev', seed, `${key}/e/${i}`, at),
          allianceId: row.id,
          action: s.action,
          fromStatus: s.from,
          toStatus: s.to,
          onDate: isoOf(s.day),
          at,
          actorId: actor.id,
          actorName: actor.name,
          actorRole: actor.role,
          reason,
          documentId: docId,
          adjustmentId: null,
        });
        status = s.to;
        // Titles and summaries in the server's words (packages/alliance transitionAlliance).
        const verb = { approve: '批准组建', rectify: '责令规范整顿', restore: '整顿完成恢复运行', dissolve: '撤销' }[s.action as 'approve'];
        const kind = ({ approve: 'approval', rectify: 'rectification', restore: 'rectification', dissolve: 'dissolution' } as const)[s.action as 'approve'];
        if (kind) filing(nFiling++, kind, `${committee.name}${verb}“${plan.name}”`, reason ?? verb, s.day, at, actor, docId);
      } else {
        const a = ev.adj!;
        const adj = adjRows.get(a)!;
        const actor = actorFor(committee, 'committee', at);
        // A refusal is on the timeline too (as the server records it), but changes nothing and is not filed.
        if (a.status === 'rejected') {
          out.events.push({
            id: stableId('aev', seed, `${key}/e/${i}`, at),
            allianceId: row.id,
            action: 'adjust_reject',
            fromStatus: status,
            toStatus: status!,
            onDate: isoOf(ev.day),
            at,
            actorId: actor.id,
            actorName: actor.name,
            actorRole: actor.role,
            reason: `${a.summary}。意见：${a.note}`,
            documentId: null,
            adjustmentId: adj.id,
          });
          continue;
        }
        out.events.push({
          id: stableId('aev', seed, `${key}/e/${i}`, at),
          allianceId: row.id,
          action: 'adjust',
          fromStatus: status,
          toStatus: status!,
          onDate: isoOf(ev.day),
          at,
          actorId: actor.id,
          actorName: actor.name,
          actorRole: actor.role,
          reason: `${a.summary}。${a.reason}`,
          documentId: a.row && a.kind === 'member_join' ? (docs.get(`agreement/${a.row.seat.org.id}/${a.decided}`)?.id ?? null) : null,
          adjustmentId: adj.id,
        });
        filing(nFiling++, 'adjustment', `${committee.name}同意“${plan.name}”${ADJUSTMENT_KIND_LABELS[a.kind]}`, `${a.summary}。理由：${a.reason}。意见：${a.note}`, ev.day, at, actor, null);
      }
    }
    out.adjustments.push(...adjRows.values());

    // ── Member rows: dissolution ends every membership that day, the history keeps them ──
    for (const r of rows) {
      const created = memberCreated(r);
      const changes = [...r.changedAt];
      if (established && r.joined === d.founded) changes.push(stepAt(stepOf('establish')!));
      const endedBy = dissolveStep && r.left === null && r.joined !== null ? dissolveStep : null;
      const left = endedBy ? endedBy.day : r.left;
      if (endedBy) changes.push(stepAt(endedBy));
      else if (r.left !== null) changes.push(instantOf(r.left, 16 * 60));
      const role: DemoAllianceMember['role'] = r.role;
      out.members.push({
        id: memberId(r),
        allianceId: row.id,
        orgId: r.seat.org.id,
        role,
        consortiumRole: plan.type === '党建引领产业发展共同体' ? r.seat.role : null,
        contributionBp: r.bp,
        liaisonName: r.liaison?.name ?? null,
        liaisonPhone: r.liaison?.phone ?? null,
        liaisonPartyMember: Boolean(r.liaison),
        joinedOn: r.joined !== null ? isoOf(r.joined) : null,
        leftOn: left !== null ? isoOf(left) : null,
        leaveReason: endedBy ? '联合体撤销' : r.leaveReason,
        version: 1 + changes.length,
        createdAt: created,
        updatedAt: Math.max(created, ...changes),
      });
    }

    // ── 议事机构: three layers from the members at the end ──
    if (established) {
      const cur = rows.filter((r) => r.left === null);
      const others = cur.filter((r) => r.role === 'member');
      const seatsOut: Omit<DemoGovernanceSeat, 'id' | 'allianceId' | 'sortOrder'>[] = [];
      if (plan.type !== '党建联合体+' && committee.secretaryName && committee.id !== lead.id)
        seatsOut.push({ layer: '决策层', post: '书记', personName: committee.secretaryName, orgId: committee.id });
      seatsOut.push({ layer: '决策层', post: '总负责人', personName: lead.secretaryName ?? '', orgId: lead.id });
      const deputies = rng.shuffle(others).slice(0, Math.min(others.length, rng.int(1, 2)));
      for (const r of deputies) seatsOut.push({ layer: '决策层', post: '副书记', personName: r.seat.org.secretaryName ?? '', orgId: r.seat.org.id });
      for (const r of rng.shuffle(others.filter((x) => !deputies.includes(x))).slice(0, rng.int(1, 4))) seatsOut.push({ layer: '决策层', post: '委员', personName: r.seat.org.secretaryName ?? '', orgId: r.seat.org.id });
      for (const r of others) seatsOut.push({ layer: '协调层', post: '具体负责人', personName: r.seat.org.secretaryName ?? '', orgId: r.seat.org.id });
      for (const r of cur) seatsOut.push({ layer: '执行层', post: '联络员', personName: r.liaison!.name, orgId: r.seat.org.id });
      seatsOut.push({ layer: '执行层', post: '工作人员', personName: personName(rng, mongolian), orgId: lead.id });
      const at = stepAt(stepOf('establish')!);
      for (const [i, s] of seatsOut.entries()) out.seats.push({ ...s, id: stableId('ags', seed, `${key}/s/${i}`, at), allianceId: row.id, sortOrder: i });
    }

    out.documents.push(...docs.values());
    const evs = [...evAt.values()];
    row.version = evs.length;
    row.updatedAt = Math.max(...evs);
    out.alliances.push(row);
    return row;
  }

  // ── 红色风景线 and 红色片区 over the established and running alliances ──

  function buildRed(all: readonly { plan: Plan; row: DemoAlliance }[]): void {
    const rng = rngFrom(`${seed}\u0000${tenant.slug}\u0000red`);
    type Built = { plan: Plan; row: DemoAlliance };
    const group = (rows: readonly Built[]) => {
      const m = new Map<string, Built[]>();
      for (const a of rows) m.set(a.plan.area.id, [...(m.get(a.plan.area.id) ?? []), a]);
      return m;
    };
    // Registry order follows the division codes, so neighbouring areas sit next to each other.
    const areas = ix.orgs.filter((o) => !o.isExternal && ['街道', '苏木乡镇', '园区'].includes(o.domain));
    const urban = (o: DemoOrg) => o.domain === '街道';
    /** The area and its next neighbours of the same kind (streets with streets, townships with townships). */
    const neighbours = (order: readonly DemoOrg[], start: number, n: number) => order.slice(start).filter((o) => urban(o) === urban(order[start]!)).slice(0, n);
    const labelOf = (span: readonly DemoOrg[]) => {
      const names = [...new Set(span.map(stem))];
      return names.length > 1 ? `${names[0]}—${names.at(-1)}` : names[0]!;
    };
    const names = new Set<string>();
    const unique = (name: string) => {
      let n = name;
      for (let i = 2; names.has(n); i++) n = name.replace(/(红色风景线|红色片区)$/, `（${ordinalCn(i)}）$1`);
      names.add(n);
      return n;
    };
    const readyDay = (a: DemoAlliance) => dayOf(a.startedOn ?? a.foundedOn!);

    // ── Routes: 2–8 running alliances of neighbouring areas; an alliance lies on at most two ──
    const running = group(all.filter((a) => a.row.status === 'active' || a.row.status === 'established'));
    const order = areas.filter((a) => running.has(a.id));
    const uses = new Map<string, number>();
    const seen = new Set<string>();
    const routeStops = new Map<string, string[]>();
    const routes = (ROUTE_QUOTA[tenant.slug] ?? 5) * scale;
    const starts = order.length ? rng.shuffle(order.map((_, i) => i)) : [];
    for (let r = 0, tries = 0; r < routes && tries < routes * 6 && starts.length; tries++) {
      const span = neighbours(order, starts[tries % starts.length]!, 3);
      const want = rng.int(2, 8);
      const stops: Built[] = [];
      const touched: DemoOrg[] = [];
      for (const area of span) {
        if (stops.length >= want) break;
        const free = rng.shuffle(running.get(area.id)!).filter((a) => (uses.get(a.row.id) ?? 0) < 2);
        if (!free.length) continue;
        touched.push(area);
        stops.push(...free.slice(0, want - stops.length));
      }
      const signature = stops.map((s) => s.row.id).sort().join();
      if (stops.length < 2 || seen.has(signature)) continue;
      seen.add(signature);
      for (const s of stops) uses.set(s.row.id, (uses.get(s.row.id) ?? 0) + 1);
      const industry = stops.filter((s) => s.plan.type === '党建引领产业发展共同体');
      const theme: RouteTheme = urban(touched[0]!)
        ? '基层治理'
        : industry.length * 2 >= stops.length
          ? rng.weighted<RouteTheme>([['产业发展', 45], ['乡村振兴', 35], ['脱贫攻坚', 20]])
          : '乡村振兴';
      const label = labelOf(touched);
      const product = industry.map((s) => s.plan.product?.name).find(Boolean);
      const flavour = theme === '基层治理' ? rng.pick(['共建共治', '幸福邻里', '同心圆', '红色驿站']) : theme === '产业发展' && product ? `${product}产业` : theme;
      const ready = Math.max(...stops.map((s) => readyDay(s.row)));
      const createdDay = between(rng, Math.min(ready + 10, TODAY - 1), Math.min(TODAY - 1, ready + 400));
      const createdAt = instantOf(createdDay, workMinute(rng));
      const edited = rng.chance(0.3) && createdDay < TODAY - 20;
      const updatedAt = edited ? instantOf(between(rng, createdDay + 5, TODAY - 1), workMinute(rng)) : createdAt;
      const id = stableId('rrt', seed, `${tenant.slug}/route/${r}`, createdAt);
      out.routes.push({
        id,
        name: unique(`${label}${flavour}红色风景线`),
        theme,
        description: T.routeDescription(theme, stops.map((s) => s.row.name), label),
        status: rng.chance(0.08) ? 'archived' : 'active',
        version: edited ? 2 : 1,
        createdAt,
        updatedAt,
      });
      stops.forEach((s, position) => out.routeStops.push({ routeId: id, position, allianceId: s.row.id }));
      routeStops.set(id, stops.map((s) => s.row.id));
      r++;
    }

    // ── Districts: the alliances of one to three neighbouring areas and the routes through them ──
    const live = group(all.filter((a) => ['active', 'established', 'rectifying'].includes(a.row.status)));
    const dOrder = areas.filter((a) => live.has(a.id));
    const dStarts = dOrder.length ? rng.shuffle(dOrder.map((_, i) => i)) : [];
    const taken = new Set<string>();
    const districts = (DISTRICT_QUOTA[tenant.slug] ?? 2) * scale;
    for (let k = 0, tries = 0; k < districts && tries < districts * 6 && dStarts.length; tries++) {
      const span = neighbours(dOrder, dStarts[tries % dStarts.length]!, rng.int(1, 3)).filter((a) => !taken.has(a.id) || tries >= dStarts.length);
      const members = span.flatMap((a) => live.get(a.id)!).slice(0, rng.int(3, 12));
      if (members.length < 2 || !span.length) continue;
      for (const a of span) taken.add(a.id);
      const ids = new Set(members.map((m) => m.row.id));
      const rs = out.routes.filter((rt) => rt.status === 'active' && routeStops.get(rt.id)!.some((x) => ids.has(x))).slice(0, 3);
      const label = labelOf(span);
      const ready = Math.max(...members.map((m) => dayOf(m.row.foundedOn!)), ...rs.map((rt) => Math.floor((rt.createdAt + 8 * 3_600_000) / DAY_MS)));
      const createdDay = between(rng, Math.min(ready + 10, TODAY - 1), Math.min(TODAY - 1, ready + 300));
      const createdAt = instantOf(createdDay, workMinute(rng));
      const id = stableId('rds', seed, `${tenant.slug}/district/${k}`, createdAt);
      out.districts.push({
        id,
        name: unique(`${label}${rng.pick(['融合党建', '党建引领', '党建联建'])}红色片区`),
        description: T.districtDescription(label, members.length, rs.length),
        status: 'active',
        version: 1,
        createdAt,
        updatedAt: createdAt,
      });
      let position = 0;
      for (const m of members) out.districtItems.push({ districtId: id, itemType: 'alliance', itemId: m.row.id, position: position++ });
      for (const rt of rs) out.districtItems.push({ districtId: id, itemType: 'route', itemId: rt.id, position: position++ });
      k++;
    }
  }
}
