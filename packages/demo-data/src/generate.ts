import { CITY, COUNTIES, type TenantDef } from '@ronghe/tenancy';
import { buildAlliances, emptyAllianceData } from './alliances.ts';
import { buildAuditHistory, DEMO_HISTORY_REQUEST } from './audit.ts';
import { buildEngagement } from './engagement.ts';
import { buildLists, emptyListsData } from './lists.ts';
import { buildCityRound, buildMerit, meritAudit, type CityRoundCounty } from './merit.ts';
import { buildPeople } from './people.ts';
import { DEMO_TODAY } from './alliances.ts';
import { shortVillageName, villageKind, type County, type Township, type Village } from './divisions.ts';
import {
  CITY_ORGANS,
  COUNTY_HOSPITALS,
  COUNTY_ORGANS,
  COUNTY_SCHOOLS,
  PLACE_WORDS,
  PROPERTY_FIRMS,
  RURAL_PRODUCTS,
  RURAL_SERVICES,
  SOCIAL_ORGS,
  agriFirmName,
  STATE_FIRMS,
  firmName,
  joinName,
  mobile,
  ordinal,
  personName,
  type RuralProduct,
} from './names.ts';
import { rngFrom, stableId, type Rng } from './prng.ts';
import type { DemoAccount, DemoData, DemoOrg, OrgDomain, OrgKind, QualityStatus, TenantDemoData } from './types.ts';

export const DEFAULT_SEED = 'ronghe-chifeng-2026';

/** Seed 003: 44 街道 and 291 社区 city-wide. */
export const CITY_COMMUNITIES = 291;
/** Seed 003: 69 city organs (市直属机关单位). */
export const CITY_ORGAN_COUNT = 69;

/**
 * Seed 003's 1,036 county organs, spread by the counties' size (urban
 * districts and the large banners carry more). Sums to 1,036.
 */
export const COUNTY_ORGAN_QUOTA: Readonly<Record<string, number>> = {
  hongshan: 108,
  yuanbaoshan: 86,
  songshan: 98,
  alukeerqin: 84,
  balinzuo: 82,
  balinyou: 76,
  linxi: 72,
  keshiketeng: 84,
  wengniute: 90,
  kalaqin: 80,
  ningcheng: 92,
  aohan: 84,
};

/** Communities that the seeds name; always among the chosen 291, in the order demo accounts prefer them. */
const NAMED_COMMUNITY_CODES = [
  '150402007001', // 红山区铁南街道铁南社区: the 27-unit 大党委 (seed 003)
  '150402008004', // 红山区长青街道长青社区
  '150402006001', // 红山区站前街道昭乌达社区: the first joint party committee, 2005
  '150404001009', // 松山区振兴街道永业社区: a 中心社区 (seed 003)
  '150404001010', // 松山区振兴街道金御华城社区: a 中心社区 (seed 003)
];
const NAMED_COMMUNITIES = new Set(NAMED_COMMUNITY_CODES);

// Organizations are dated between these instants (Asia/Shanghai midnight).
const FIRST_CREATED = Date.UTC(2018, 11, 31, 16);
const LAST_CREATED = Date.UTC(2025, 11, 30, 16);
/** When the demo accounts were opened. */
export const DEMO_ACCOUNTS_CREATED = Date.UTC(2026, 0, 4, 16);

const BRANCH_KINDS: readonly OrgKind[] = ['党支部', '联合党支部', '党总支'];

/** Domains where 软弱涣散 is found in practice; organs and committees are not flagged. */
const WEAK_PRONE: ReadonlySet<OrgDomain> = new Set(['嘎查村', '社区', '网格', '非公有制企业', '社会组织', '物业', '业委会', '商圈市场']);

interface OrgSpec {
  key: string;
  name: string;
  kind: OrgKind;
  domain: OrgDomain;
  members: readonly [number, number];
  divisionCode?: string | null;
  external?: string;
  /** Quality and weak flag fixed instead of drawn. */
  quality?: QualityStatus;
  weak?: boolean;
}

/** Builds one tenant's tree; every attribute of a row comes from a PRNG keyed by the row's own key. */
class TenantBuilder {
  readonly orgs: DemoOrg[] = [];
  private readonly names = new Set<string>();
  private readonly seed: string;
  private readonly tenant: TenantDef;
  private readonly mongolianShare: number;

  constructor(seed: string, tenant: TenantDef) {
    this.seed = seed;
    this.tenant = tenant;
    // Banners (旗) are Mongol-Han areas; the districts and counties less so.
    this.mongolianShare = tenant.name.endsWith('旗') ? 0.22 : 0.06;
  }

  rng(key: string): Rng {
    return rngFrom(`${this.seed}\u0000${this.tenant.slug}\u0000${key}`);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Names are unique per tenant, so an import can point at a parent by its full name. */
  uniqueName(name: string, alternative?: () => string): string {
    let candidate = name;
    for (let i = 0; this.names.has(candidate) && alternative && i < 20; i++) candidate = alternative();
    const [, stem, suffix] = /^(.*?)(联合党支部|联合党委|党委|党总支|党支部|党工委)?$/.exec(candidate)!;
    for (let n = 2; this.names.has(candidate); n++) candidate = `${stem}（${n}）${suffix ?? ''}`;
    return candidate;
  }

  add(parent: DemoOrg | null, spec: OrgSpec): DemoOrg {
    const rng = this.rng(spec.key);
    if (this.names.has(spec.name)) throw new Error(`demo-data: duplicate organization name ${spec.name} in ${this.tenant.slug}`);
    this.names.add(spec.name);
    const earliest = parent ? parent.createdAt : FIRST_CREATED;
    // Children appear after their parent; the spread halves with depth so the tree stays inside the window.
    const createdAt = earliest + Math.floor(rng.next() * (LAST_CREATED - earliest) * (parent ? 0.5 : 0.05));
    const id = stableId('org', this.seed, `${this.tenant.slug}/${spec.key}`, createdAt);
    const isBranch = BRANCH_KINDS.includes(spec.kind);
    let weak = spec.weak ?? (WEAK_PRONE.has(spec.domain) && rng.chance(0.015));
    let quality: QualityStatus =
      spec.quality ??
      (isBranch
        ? rng.weighted<QualityStatus>([['未达标', 16], ['标准化规范化', 76], ['最强党支部（区级）', 6], ['最强党支部（市级）', 2]])
        : rng.weighted<QualityStatus>([['未达标', 8], ['标准化规范化', 92]]));
    // Seed 004: a flagged organization is below standard and can hold no 最强 title.
    if (weak) quality = '未达标';
    if (spec.external) weak = false;
    const hasLiaison = rng.chance(0.85);
    const org: DemoOrg = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      name: spec.name,
      kind: spec.kind,
      domain: spec.domain,
      divisionCode: spec.divisionCode ?? null,
      isExternal: !!spec.external,
      externalRegion: spec.external ?? null,
      secretaryName: personName(rng, this.mongolianShare),
      secretaryPhone: rng.chance(0.96) ? mobile(rng) : null,
      liaisonName: hasLiaison ? personName(rng, this.mongolianShare) : null,
      liaisonPhone: hasLiaison ? mobile(rng) : null,
      memberCount: rng.int(spec.members[0], spec.members[1]),
      qualityStatus: quality,
      weakFlag: weak,
      status: 'active',
      deactivatedAt: null,
      deactivationReason: null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    };
    this.orgs.push(org);
    return org;
  }
}

/**
 * The party branches of a township's farm economy that industry alliances
 * (党建引领产业发展共同体) are built from: a leading firm, cooperatives and a
 * service cooperative (seed 000 10.1.2). Drawn from their own PRNG key, so the
 * rest of the township stays as it was before they existed.
 */
function addRuralEconomy(b: TenantBuilder, town: DemoOrg, tk: string, tName: string, villages: readonly string[], products: readonly RuralProduct[], short: string): void {
  if (!products.length) return;
  const rng = b.rng(`${tk}#economy`);
  if (rng.chance(0.7)) {
    const product = rng.weighted(products.map((p, i) => [p, products.length - i] as const));
    const name = b.uniqueName(`${agriFirmName(rng, rng.chance(0.6) ? short : '赤峰', product)}党支部`);
    b.add(town, { key: `${tk}/agrifirm`, name, kind: '党支部', domain: '非公有制企业', members: [5, 40] });
  }
  if (villages.length) {
    for (let i = 0, n = rng.int(1, 3); i < n; i++) {
      const product = rng.weighted(products.map((p, k) => [p, products.length - k] as const));
      const name = b.uniqueName(`${tName}${rng.pick(villages)}${product.coop}专业合作社党支部`);
      b.add(town, { key: `${tk}/coop/${i}`, name, kind: '党支部', domain: '非公有制企业', members: [3, 12] });
    }
  }
  if (rng.chance(0.6)) {
    const name = b.uniqueName(`${tName}${rng.pick(RURAL_SERVICES)}服务专业合作社党支部`);
    b.add(town, { key: `${tk}/service`, name, kind: '党支部', domain: '非公有制企业', members: [3, 10] });
  }
}

function kindBySize(members: number, big: number, mid: number): OrgKind {
  return members >= big ? '党委' : members >= mid ? '党总支' : '党支部';
}

/** Adds a branch whose kind follows its size (党委 ≥ big, 党总支 ≥ mid, else 党支部). */
function addSized(
  b: TenantBuilder,
  parent: DemoOrg,
  key: string,
  unit: string,
  domain: OrgDomain,
  members: readonly [number, number],
  big = 100,
  mid = 50,
): DemoOrg {
  const n = b.rng(`${key}#size`).int(members[0], members[1]);
  const kind = kindBySize(n, big, mid);
  return b.add(parent, { key, name: `${unit}${kind}`, kind, domain, members: [n, n] });
}

/**
 * Organ party organizations: `total` of them under the organs' working
 * committee, spread over the units; a unit with several gets a 党总支 or
 * 机关党委 with branches under it.
 */
function addOrgans(b: TenantBuilder, committee: DemoOrg, units: readonly string[], total: number, keyPrefix: string): void {
  const order = b.rng(`${keyPrefix}#order`).shuffle(units.map((_, i) => i));
  const perUnit = new Array<number>(units.length).fill(Math.floor(total / units.length));
  for (let i = 0; i < total % units.length; i++) perUnit[order[i]!]! += 1;
  units.forEach((unit, u) => {
    const n = perUnit[u]!;
    const key = `${keyPrefix}/${u}`;
    if (n === 0) return;
    if (n === 1) {
      b.add(committee, { key, name: `${unit}党支部`, kind: '党支部', domain: '机关', members: [6, 45] });
      return;
    }
    if (n === 2) {
      b.add(committee, { key: `${key}/1`, name: joinName(unit, '机关党支部'), kind: '党支部', domain: '机关', members: [10, 49] });
      b.add(committee, { key: `${key}/2`, name: `${unit}离退休干部党支部`, kind: '党支部', domain: '机关', members: [5, 40] });
      return;
    }
    const head =
      n >= 5
        ? b.add(committee, { key, name: joinName(unit, '机关党委'), kind: '党委', domain: '机关', members: [3, 9] })
        : b.add(committee, { key, name: joinName(unit, '机关党总支'), kind: '党总支', domain: '机关', members: [3, 9] });
    for (let k = 1; k < n; k++) {
      const label = k === n - 1 && n >= 4 ? '离退休干部党支部' : `第${ordinal(k)}党支部`;
      b.add(head, { key: `${key}/${k}`, name: `${unit}${label}`, kind: '党支部', domain: '机关', members: [5, 48] });
    }
  });
}

/** A township's display name in replica `r` of a scaled data set: real for r = 0, invented otherwise. */
function replicaTownshipName(b: TenantBuilder, t: Township, r: number): string {
  if (r === 0) return t.name;
  const suffix = t.type === '街道' ? '街道' : t.type === '园区' ? '产业园' : (t.name.match(/(苏木|镇|乡)$/)?.[1] ?? '镇');
  const rng = b.rng(`tw/${t.code}/r${r}#name`);
  for (let i = 0; i < 30; i++) {
    const name = `${rng.pick(PLACE_WORDS)}${suffix}`;
    if (!b.has(`${name}党工委`) && !b.has(`${name}党委`)) return name;
  }
  for (let n = 2; ; n++) {
    const name = `${rng.pick(PLACE_WORDS)}第${ordinal(n)}${suffix}`;
    if (!b.has(`${name}党工委`) && !b.has(`${name}党委`)) return name;
  }
}

function pickCommunities(seed: string, counties: readonly County[]): Set<string> {
  const perStreet: Village[][] = [];
  for (const c of counties)
    for (const t of c.townships) if (t.type === '街道') perStreet.push(t.villages.filter((v) => villageKind(v) === '社区'));
  const chosen = new Set<string>();
  const rest: Village[] = [];
  // Every street keeps at least one community: a 街道党工委 with none would be odd.
  for (const list of perStreet) {
    const named = list.filter((v) => NAMED_COMMUNITIES.has(v.code));
    const first = named.length ? named : list.slice(0, 1);
    for (const v of first) chosen.add(v.code);
    for (const v of list) if (!chosen.has(v.code)) rest.push(v);
  }
  for (const v of rngFrom(`${seed}\u0000communities`).shuffle(rest)) {
    if (chosen.size >= CITY_COMMUNITIES) break;
    chosen.add(v.code);
  }
  if (chosen.size !== CITY_COMMUNITIES) throw new Error(`demo-data: only ${chosen.size} communities available`);
  return chosen;
}

function countyShort(name: string): string {
  return /^巴林/.test(name) ? name : name.replace(/(区|县|旗)$/, '');
}

interface CountyAnchors {
  reviewerScope: DemoOrg;
  allianceScope: DemoOrg;
  liaisonScope: DemoOrg;
  memberScope: DemoOrg;
}

function buildCounty(
  seed: string,
  scale: number,
  tenant: TenantDef,
  county: County,
  chosen: ReadonlySet<string>,
): { orgs: DemoOrg[]; anchors: CountyAnchors } {
  const b = new TenantBuilder(seed, tenant);
  const c = county.name;
  const short = countyShort(c);
  const root = b.add(null, {
    key: 'root',
    name: `中共${c}委员会`,
    kind: '党委',
    domain: '旗县区委',
    members: [25, 45],
    divisionCode: county.code,
    quality: '标准化规范化',
  });

  // Organs: the working committee counts as one of the county's organs.
  const organs = b.add(root, { key: 'organs', name: `中共${c}直属机关工作委员会`, kind: '党工委', domain: '机关', members: [5, 12] });
  const organUnits = COUNTY_ORGANS.map((u) => u.replaceAll('{c}', c));
  addOrgans(b, organs, organUnits, (COUNTY_ORGAN_QUOTA[tenant.slug] ?? 80) * scale - 1, 'organ');

  // County-level institutions, once (their names come from fixed lists).
  const inst = b.rng('institutions');
  for (const [i, name] of inst.shuffle(STATE_FIRMS).slice(0, inst.int(3, 6)).entries())
    addSized(b, root, `soe/${i}`, name.replaceAll('{c}', c), '国有企业', [8, 160]);
  for (const [i, name] of COUNTY_SCHOOLS.slice(0, inst.int(6, COUNTY_SCHOOLS.length)).entries())
    addSized(b, root, `school/${i}`, name.replaceAll('{c}', c), '学校', [12, 130]);
  for (const [i, name] of COUNTY_HOSPITALS.slice(0, inst.int(3, COUNTY_HOSPITALS.length)).entries())
    addSized(b, root, `hospital/${i}`, name.replaceAll('{c}', c), '医院', [20, 320]);
  for (const [i, name] of inst.shuffle(SOCIAL_ORGS).slice(0, inst.int(3, 6)).entries())
    b.add(root, { key: `social/${i}`, name: `${name.replaceAll('{c}', c)}党支部`, kind: '党支部', domain: '社会组织', members: [3, 25] });


  const firm = (parent: DemoOrg, key: string) => {
    const rng = b.rng(`${key}#firm`);
    const prefix = () => rng.weighted([[short, 5], ['赤峰', 3], ['内蒙古', 1]]);
    const name = b.uniqueName(`${firmName(rng, prefix())}党支部`, () => `${firmName(rng, prefix())}党支部`);
    return b.add(parent, { key, name, kind: '党支部', domain: '非公有制企业', members: [3, 45] });
  };

  for (let r = 0; r < scale; r++) {
    const rk = r === 0 ? '' : `/r${r}`;
    for (const t of county.townships) {
      const tName = replicaTownshipName(b, t, r);
      const code = r === 0 ? t.code : null;
      const tk = `tw/${t.code}${rk}`;
      const trng = b.rng(tk);
      if (t.type === '园区') {
        const park = b.add(root, { key: tk, name: `${tName}党工委`, kind: '党工委', domain: '园区', members: [4, 15], divisionCode: code });
        for (let i = 0, n = trng.int(1, 4); i < n; i++) firm(park, `${tk}/firm/${i}`);
        continue;
      }
      const isStreet = t.type === '街道';
      const villageNames: string[] = [];
      const town = b.add(root, {
        key: tk,
        name: `${tName}${isStreet ? '党工委' : '党委'}`,
        kind: isStreet ? '党工委' : '党委',
        domain: isStreet ? '街道' : '苏木乡镇',
        members: [8, 40],
        divisionCode: code,
      });
      for (const v of t.villages) {
        const kind = villageKind(v);
        if (!kind) continue;
        const vk = `vil/${v.code}${rk}`;
        const vName = shortVillageName(v);
        const vCode = r === 0 ? v.code : null;
        if (kind === '社区') {
          // Town-level 居委会 and the communities outside seed 003's 291 stay out of the registry.
          if (!isStreet || !chosen.has(v.code)) continue;
          const big = v.code === '150402007001';
          const n = big ? 168 : b.rng(`${vk}#size`).int(45, 260);
          const ck = n >= 100 ? '党委' : '党总支';
          const community = b.add(town, { key: vk, name: `${tName}${vName}${ck}`, kind: ck, domain: '社区', members: [n, n], divisionCode: vCode });
          const crng = b.rng(vk);
          const grids = crng.int(2, 6);
          for (let g = 1; g <= grids; g++)
            b.add(community, { key: `${vk}/grid/${g}`, name: `${tName}${vName}第${ordinal(g)}网格党支部`, kind: '党支部', domain: '网格', members: [3, 28] });
          if (crng.chance(0.3)) {
            const pname = `${vName.replace(/社区$/, '')}${crng.pick(['兴业', '安居', '宜家', '和美', '恒泰', '康居'])}${crng.pick(PROPERTY_FIRMS)}党支部`;
            b.add(community, { key: `${vk}/property`, name: b.uniqueName(pname), kind: '党支部', domain: '物业', members: [3, 15] });
          }
          if (crng.chance(0.1)) {
            const yname = `${tName}${vName}${crng.pick(['阳光', '锦绣', '和谐', '幸福', '东方'])}小区业主委员会党支部`;
            b.add(community, { key: `${vk}/owners`, name: b.uniqueName(yname), kind: '党支部', domain: '业委会', members: [3, 9] });
          }
        } else {
          const n = b.rng(`${vk}#size`).int(14, 150);
          const vkind = kindBySize(n, 110, 55);
          b.add(town, { key: vk, name: `${tName}${vName}${vkind}`, kind: vkind, domain: '嘎查村', members: [n, n], divisionCode: vCode });
          villageNames.push(vName);
        }
      }
      // Firms, schools and clinics that report to the street or township (属地管理).
      for (let i = 0, n = trng.int(isStreet ? 1 : 0, isStreet ? 4 : 2); i < n; i++) firm(town, `${tk}/firm/${i}`);
      if (!isStreet) addRuralEconomy(b, town, tk, tName, villageNames, RURAL_PRODUCTS[tenant.slug] ?? [], short);
      if (!isStreet) {
        if (trng.chance(0.6)) b.add(town, { key: `${tk}/school`, name: `${tName}中心学校党支部`, kind: '党支部', domain: '学校', members: [8, 40] });
        if (trng.chance(0.5)) b.add(town, { key: `${tk}/clinic`, name: `${tName}卫生院党支部`, kind: '党支部', domain: '医院', members: [5, 30] });
      } else {
        if (trng.chance(0.35))
          b.add(town, { key: `${tk}/tower`, name: b.uniqueName(`${tName}${trng.pick(PLACE_WORDS)}大厦联合党支部`), kind: '联合党支部', domain: '商务楼宇', members: [5, 30] });
        if (trng.chance(0.35))
          b.add(town, { key: `${tk}/market`, name: b.uniqueName(`${tName}${trng.pick(PLACE_WORDS)}市场联合党支部`), kind: '联合党支部', domain: '商圈市场', members: [5, 30] });
        if (trng.chance(0.3))
          b.add(town, { key: `${tk}/social`, name: `${tName}社会组织联合党支部`, kind: '联合党支部', domain: '社会组织', members: [3, 20] });
      }
    }
    if (r > 0) {
      // More county-level firms per replica, so every category grows with the scale.
      for (let i = 0; i < 6; i++) firm(root, `firm${rk}/${i}`);
    }
  }

  addSeedPlaces(b, tenant, root);
  return { orgs: b.orgs, anchors: chooseAnchors(b.orgs, tenant) };
}

/**
 * Where the demo accounts are scoped: a community the seeds name when the
 * county has one (else its first), its street, a grid under it, and an organ
 * branch.
 */
function chooseAnchors(orgs: readonly DemoOrg[], tenant: TenantDef): CountyAnchors {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const communities = orgs.filter((o) => o.domain === '社区' && o.divisionCode);
  const rank = (o: DemoOrg) => {
    const i = NAMED_COMMUNITY_CODES.indexOf(o.divisionCode!);
    return i < 0 ? NAMED_COMMUNITY_CODES.length : i;
  };
  const community = [...communities].sort((a, b) => rank(a) - rank(b))[0];
  const organ = orgs.find((o) => o.domain === '机关' && o.kind === '党支部');
  const grid = orgs.find((o) => o.parentId === community?.id && o.domain === '网格');
  if (!community || !organ || !grid) throw new Error(`demo-data: ${tenant.slug} lacks a community, grid or organ branch`);
  return { reviewerScope: byId.get(community.parentId!)!, allianceScope: community, liaisonScope: organ, memberScope: grid };
}

/** Organizations the seeds name, so the demo tells their stories (seed 003). */
function addSeedPlaces(b: TenantBuilder, tenant: TenantDef, root: DemoOrg): void {
  const byCode = (code: string) => b.orgs.find((o) => o.divisionCode === code);
  if (tenant.slug === 'hongshan') {
    const changqing = byCode('150402008');
    if (changqing)
      b.add(changqing, { key: 'seed/weiduoli', name: '维多利商圈联合党支部', kind: '联合党支部', domain: '商圈市场', members: [18, 18], quality: '最强党支部（区级）', weak: false });
    b.add(null, {
      key: 'seed/ext/zhenxing',
      name: '松山区振兴街道党工委',
      kind: '党工委',
      domain: '街道',
      members: [20, 20],
      external: '内蒙古自治区赤峰市松山区',
      divisionCode: '150404001',
    });
  }
  if (tenant.slug === 'yuanbaoshan') {
    const town = byCode('150403101') ?? root;
    b.add(town, { key: 'seed/herun', name: '赤峰和润农业有限公司党委', kind: '党委', domain: '非公有制企业', members: [104, 104], quality: '标准化规范化', weak: false });
    b.add(town, { key: 'seed/herun-alliance', name: '和润农业产业联合党委', kind: '联合党委', domain: '非公有制企业', members: [9, 9], quality: '标准化规范化', weak: false });
    const ext: [string, string, OrgKind, OrgDomain, string][] = [
      ['seed/ext/fengtai', '北京市丰台区种子管理站党支部', '党支部', '事业单位', '北京市丰台区'],
      ['seed/ext/imau', '内蒙古农业大学农学院党委', '党委', '学校', '内蒙古自治区呼和浩特市'],
      ['seed/ext/adbc', '中国农业发展银行内蒙古自治区分行党委', '党委', '国有企业', '内蒙古自治区呼和浩特市'],
    ];
    for (const [key, name, kind, domain, region] of ext)
      b.add(null, { key, name, kind, domain, members: [20, 90], external: region, quality: '标准化规范化', weak: false });
  }
  if (tenant.slug === 'alukeerqin') {
    const town = byCode('150421102') ?? root;
    b.add(town, { key: 'seed/shanshui', name: '阿鲁科尔沁旗山水水泥有限公司党支部', kind: '党支部', domain: '非公有制企业', members: [31, 31], quality: '标准化规范化', weak: false });
  }
}

function buildCity(seed: string, scale: number): DemoOrg[] {
  const b = new TenantBuilder(seed, CITY);
  const root = b.add(null, { key: 'root', name: '中共赤峰市委员会', kind: '党委', domain: '市委', members: [30, 50], divisionCode: CITY.code, quality: '标准化规范化' });
  const organs = b.add(root, { key: 'organs', name: '中共赤峰市直属机关工作委员会', kind: '党工委', domain: '机关', members: [6, 15] });
  addOrgans(b, organs, CITY_ORGANS, CITY_ORGAN_COUNT * scale - 1, 'organ');
  const fixed: [string, string, OrgDomain, readonly [number, number]][] = [
    ['soe/1', '赤峰市城市建设投资（集团）有限公司', '国有企业', [80, 220]],
    ['soe/2', '赤峰市国有资本运营（集团）有限公司', '国有企业', [60, 180]],
    ['soe/3', '赤峰市水务投资有限公司', '国有企业', [40, 120]],
    ['school/1', '赤峰学院', '学校', [400, 900]],
    ['school/2', '赤峰工业职业技术学院', '学校', [150, 400]],
    ['school/3', '赤峰市第二中学', '学校', [80, 160]],
    ['hospital/1', '赤峰市医院', '医院', [300, 700]],
    ['hospital/2', '赤峰学院附属医院', '医院', [300, 600]],
    ['hospital/3', '赤峰市传染病防治医院', '医院', [40, 90]],
  ];
  for (const [key, unit, domain, members] of fixed) addSized(b, root, key, unit, domain, members);
  for (const [i, name] of SOCIAL_ORGS.slice(0, 4).entries())
    b.add(root, { key: `social/${i}`, name: `${name.replaceAll('{c}', '赤峰市')}党支部`, kind: '党支部', domain: '社会组织', members: [3, 25] });
  return b.orgs;
}

const ROLE_TITLE = {
  reviewer: '审核人',
  alliance: '书记（联合体管理员）',
  liaison: '联络员',
} as const;

function accountsFor(seed: string, tenants: readonly TenantDemoData[], anchors: ReadonlyMap<string, CountyAnchors>): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  const push = (a: Omit<DemoAccount, 'userId' | 'grantId' | 'phone' | 'createdAt'>) => {
    const rng = rngFrom(`${seed}\u0000account\u0000${a.username}`);
    accounts.push({
      ...a,
      userId: stableId('usr', seed, `user/${a.username}`, DEMO_ACCOUNTS_CREATED),
      grantId: stableId('grt', seed, `grant/${a.username}/${a.tenant}/${a.role}`, DEMO_ACCOUNTS_CREATED),
      phone: mobile(rng),
      createdAt: DEMO_ACCOUNTS_CREATED,
    });
  };
  push({ username: 'city_admin', displayName: '赤峰市委组织部管理员', role: 'city_admin', tenant: CITY.slug, scopeOrgId: null, scopeName: null });
  for (const { tenant } of tenants) {
    const a = anchors.get(tenant.slug);
    if (!a) continue;
    const s = tenant.slug;
    const dept = `${tenant.name}委组织部`;
    push({ username: `${s}_admin`, displayName: `${dept}管理员`, role: 'county_admin', tenant: s, scopeOrgId: null, scopeName: null });
    push({ username: `${s}_reviewer`, displayName: `${a.reviewerScope.name}${ROLE_TITLE.reviewer}`, role: 'committee_reviewer', tenant: s, scopeOrgId: a.reviewerScope.id, scopeName: a.reviewerScope.name });
    push({ username: `${s}_alliance`, displayName: `${a.allianceScope.name}${ROLE_TITLE.alliance}`, role: 'alliance_admin', tenant: s, scopeOrgId: a.allianceScope.id, scopeName: a.allianceScope.name });
    push({ username: `${s}_liaison`, displayName: `${a.liaisonScope.name}${ROLE_TITLE.liaison}`, role: 'org_liaison', tenant: s, scopeOrgId: a.liaisonScope.id, scopeName: a.liaisonScope.name });
    const member = a.memberScope.secretaryName ?? '党员';
    push({ username: `${s}_member`, displayName: `${member}（${a.memberScope.name}党员）`, role: 'member', tenant: s, scopeOrgId: a.memberScope.id, scopeName: a.memberScope.name });
  }
  return accounts;
}

/**
 * A reviewer account for every committee that approves a demo alliance and has none yet
 * (`<county>_reviewer2`, `_reviewer3` … in the order of the committees' paths): whoever
 * approved an alliance decides its adjustments, rectification and dissolution (seed 000 8.3),
 * so an approver without a reviewer would leave its alliances stalled.
 */
function committeeReviewers(seed: string, tenants: readonly TenantDemoData[], existing: readonly DemoAccount[]): DemoAccount[] {
  const out: DemoAccount[] = [];
  for (const t of tenants) {
    if (t.tenant.kind !== 'county') continue;
    const s = t.tenant.slug;
    const covered = new Set(existing.filter((a) => a.tenant === s && a.role === 'committee_reviewer').map((a) => a.scopeOrgId));
    const byId = new Map(t.orgs.map((o) => [o.id, o]));
    const committees = [...new Set(t.alliances.alliances.map((a) => a.committeeOrgId))]
      .filter((id) => !covered.has(id))
      .map((id) => byId.get(id)!)
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    committees.forEach((c, i) => {
      const username = `${s}_reviewer${i + 2}`;
      const rng = rngFrom(`${seed}\u0000account\u0000${username}`);
      out.push({
        username,
        displayName: `${c.name}${ROLE_TITLE.reviewer}`,
        role: 'committee_reviewer',
        tenant: s,
        scopeOrgId: c.id,
        scopeName: c.name,
        userId: stableId('usr', seed, `user/${username}`, DEMO_ACCOUNTS_CREATED),
        grantId: stableId('grt', seed, `grant/${username}/${s}/committee_reviewer`, DEMO_ACCOUNTS_CREATED),
        phone: mobile(rng),
        createdAt: DEMO_ACCOUNTS_CREATED,
      });
    });
  }
  return out;
}

export interface GenerateOptions {
  seed?: string;
  /** Multiplies the organization counts: 10 gives ten times Chifeng, for benchmarks. */
  scale?: number;
  divisions: readonly County[];
  /**
   * Issue 11's people and what hangs on them; default true. False leaves them
   * empty: the organization tree's tests at large scales need none, and ten
   * times Chifeng has some 900,000 people.
   */
  people?: boolean;
}

export function generateDemoData(opts: GenerateOptions): DemoData {
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error('demo-data: scale must be a positive integer');
  const chosen = pickCommunities(seed, opts.divisions);
  const byCode = new Map(opts.divisions.map((c) => [c.code, c]));
  const none = () => ({ audit: [], people: [], liaisonPersonIds: {}, engagement: {} });
  const tenants: TenantDemoData[] = [{ tenant: CITY, orgs: buildCity(seed, scale), alliances: emptyAllianceData(), lists: emptyListsData(), ...none() }];
  const anchors = new Map<string, CountyAnchors>();
  for (const tenant of COUNTIES) {
    const county = byCode.get(tenant.code);
    if (!county) throw new Error(`demo-data: no divisions for ${tenant.name} (${tenant.code})`);
    const built = buildCounty(seed, scale, tenant, county, chosen);
    tenants.push({ tenant, orgs: built.orgs, alliances: emptyAllianceData(), lists: emptyListsData(), ...none() });
    anchors.set(tenant.slug, built.anchors);
  }
  const accounts = accountsFor(seed, tenants, anchors);
  const merits: CityRoundCounty[] = [];
  // Alliances come last: the demo accounts' own cases are attributed to them.
  for (const t of tenants) {
    if (t.tenant.kind !== 'county') continue;
    const mine = accounts.filter((a) => a.tenant === t.tenant.slug || a.role === 'city_admin');
    t.alliances = buildAlliances({ seed, scale, tenant: t.tenant, orgs: t.orgs, accounts: mine });
    t.lists = buildLists({ seed, scale, tenant: t.tenant, orgs: t.orgs, alliances: t.alliances, accounts: mine });
    t.audit = buildAuditHistory({ seed, tenant: t.tenant, orgs: t.orgs, alliances: t.alliances, lists: t.lists, accounts: mine });
    // Issue 11: the people registry, then (as their lanes add them) the builders that take it as input.
    if (opts.people === false) continue;
    const rng = rngFrom(`${seed}\u0000${t.tenant.slug}\u0000people`);
    const built = buildPeople({ tenant: t.tenant, orgs: t.orgs, alliances: t.alliances, lists: t.lists, accounts: mine, rng, today: DEMO_TODAY });
    t.people = built.people;
    t.liaisonPersonIds = built.liaisonPersonIds;
    t.engagement = buildEngagement(seed, { tenant: t.tenant, orgs: t.orgs, alliances: t.alliances, lists: t.lists, people: t.people, today: DEMO_TODAY });
    // Issue 12: the finished assessment year, honours, the county reward round and the fund ledgers (merit.ts).
    const reviewerOf = new Map(mine.filter((a) => a.role === 'committee_reviewer' && a.scopeOrgId).map((a) => [a.scopeOrgId!, a.userId] as const));
    const merit = buildMerit({ seed, tenant: t.tenant, orgs: t.orgs, alliances: t.alliances, lists: t.lists, people: t.people, today: DEMO_TODAY, reviewerOf, rng: rngFrom(`${seed}\u0000${t.tenant.slug}\u0000merit`) });
    t.engagement = { ...t.engagement, ...merit };
    merits.push({ tenant: t.tenant, merit });
    const reviewers = new Map(mine.filter((a) => a.role === 'committee_reviewer' && a.scopeOrgId).map((a) => [a.scopeOrgId!, a] as const));
    const countyAdmin = mine.find((a) => a.username === `${t.tenant.slug}_admin`);
    t.audit = [...t.audit, ...meritAudit({ seed, tenant: t.tenant, merit, county: countyAdmin, reviewers, requestId: DEMO_HISTORY_REQUEST })].sort((a, b) => a.at - b.at);
  }
  // Issue 12 § Demo data: the city's round over every county's alliances (merit.ts buildCityRound, ADR 0025):
  // its rows in the city's database, its paid awards posted to the alliances' ledgers in their counties.
  if (merits.length) {
    const cityAdmin = accounts.find((a) => a.role === 'city_admin');
    const c = buildCityRound(seed, merits, cityAdmin, DEMO_HISTORY_REQUEST);
    const cityTenant = tenants.find((t) => t.tenant.kind === 'city')!;
    cityTenant.engagement = { ...cityTenant.engagement, ...c.city };
    cityTenant.audit = [...cityTenant.audit, ...c.cityAudit].sort((a, b) => a.at - b.at);
    for (const t of tenants) {
      const posted = c.postings.get(t.tenant.slug);
      if (!posted) continue;
      t.engagement = { ...t.engagement, fundEntries: [...((t.engagement as Record<string, object[]>).fundEntries ?? []), ...posted] };
      t.audit = [...t.audit, ...(c.countyAudit.get(t.tenant.slug) ?? [])].sort((a, b) => a.at - b.at);
    }
  }
  // Added after the history is built, so the past stays attributed to the secretaries of the day.
  accounts.push(...committeeReviewers(seed, tenants, accounts));
  return { seed, scale, tenants, accounts };
}
