// The city rollup as open data (issue 13 § Exports and open data): the topics
// a CityRollup is published as, each with its columns and their Chinese
// descriptions, and the rows of each topic. Pure: the city worker writes these
// rows as one Excel workbook (a sheet per topic) and as CSV per topic; the
// admin UI's 开放数据 page lists the same topics and descriptions.
//
// Only the contract's figures (schema/rollup-view.ts) go out: counts and 分 per
// county, month and code. No person, phone, identity number or free text.
import { ALLIANCE_MODELS, ALLIANCE_STATUSES, ALLIANCE_STATUS_LABELS, ALLIANCE_TYPES, PROJECT_STATUSES, PROJECT_STATUS_LABELS } from './enums.ts';
import type { CityRollup, CountyFigures, CountyRollup, MonthFigures } from './rollup-view.ts';
import { FUND_SOURCE_LABELS } from './tenant/funds-schemas.ts';
import { ASSESSMENT_GRADE_LABELS } from './tenant/assessment-schemas.ts';
import { ROUND_LEVEL_LABELS } from './tenant/rewards-schemas.ts';

/** How a column's values are written: text, a count, money in 分 (shown and exported in 元 with two decimals), a time (epoch ms). */
export type OpenDataKind = 'text' | 'count' | 'fen' | 'time';

export interface OpenDataColumn {
  title: string;
  description: string;
  kind: OpenDataKind;
}

/** One cell of a topic's row: money and counts as integers (分 for money), times as epoch ms, empty as null. */
export type OpenDataCell = string | number | null;

export interface OpenDataTopic {
  /** The file name of its CSV (`<slug>.csv`), ASCII. */
  slug: string;
  /** The sheet's name and the topic's title. */
  title: string;
  description: string;
  columns: readonly OpenDataColumn[];
  /** The city's rows first (全市), then each county's in registry order. */
  rows: (rollup: CityRollup) => OpenDataCell[][];
}

/** The name a row's scope goes by: the whole city's sums. */
export const CITY_SCOPE = '全市';

const STATUS_FRESH = '最新';
const STATUS_STALE = '刷新失败，为最后一次成功统计的数据';
const STATUS_NEVER = '尚未统计';

/** How fresh a county's figures are, in words (a stale county keeps its last good figures, never zeros). */
export function countyDataStatus(c: Pick<CountyRollup, 'figures' | 'stale'>): string {
  if (!c.figures) return STATUS_NEVER;
  return c.stale ? STATUS_STALE : STATUS_FRESH;
}

/** The four columns every per-county row starts with. */
const SCOPE_COLUMNS: readonly OpenDataColumn[] = [
  { title: '范围', description: '“全市”为各旗县区之和（只含已有统计数据的旗县区），其余为旗县区名称', kind: 'text' },
  { title: '区划代码', description: 'GB/T 2260 行政区划代码', kind: 'text' },
  { title: '统计时间', description: '这些数字成立的时间（北京时间）；全市为各旗县区中最早的统计时间', kind: 'time' },
  { title: '数据状态', description: `${STATUS_FRESH}；${STATUS_STALE}；${STATUS_NEVER}（此时各项数字留空，不记为 0）`, kind: 'text' },
];

interface Field {
  title: string;
  description: string;
  kind?: 'count' | 'fen';
  value: (f: CountyFigures) => number | null;
}

const CITY_CODE = '150400';

/** A topic of one row per scope (全市, then each county) with the given figures. */
function wide(slug: string, title: string, description: string, fields: readonly Field[]): OpenDataTopic {
  return {
    slug,
    title,
    description,
    columns: [...SCOPE_COLUMNS, ...fields.map((f) => ({ title: f.title, description: f.description, kind: f.kind ?? 'count' }))],
    rows: (r) => [
      [CITY_SCOPE, CITY_CODE, r.asOf, cityStatus(r), ...fields.map((f) => f.value(r.city))],
      ...r.counties.map((c) => [c.name, c.code, c.asOf, countyDataStatus(c), ...fields.map((f) => (c.figures ? f.value(c.figures) : null))]),
    ],
  };
}

function cityStatus(r: CityRollup): string {
  if (r.counties.every((c) => !c.figures)) return STATUS_NEVER;
  const stale = r.counties.filter((c) => c.stale || !c.figures).length;
  return stale === 0 ? STATUS_FRESH : `${stale} 个旗县区${STATUS_STALE}或${STATUS_NEVER}`;
}

const keyed = (prefix: string, keys: readonly string[], labels: Record<string, string> | null, pick: (f: CountyFigures) => Record<string, number>, what: string): Field[] =>
  keys.map((k) => ({ title: `${prefix}：${labels?.[k] ?? k}`, description: `${what}为“${labels?.[k] ?? k}”的数量`, value: (f) => pick(f)[k] ?? 0 }));

/** A topic of one row per scope and key (a need category, a source of money), keys sorted, the city's first. */
function long(
  slug: string,
  title: string,
  description: string,
  key: OpenDataColumn,
  fields: readonly { title: string; description: string; kind?: 'count' | 'fen'; key: string }[],
  entries: (f: CountyFigures) => Record<string, Record<string, number>>,
  label: (k: string) => string = (k) => k,
): OpenDataTopic {
  const rowsOf = (scope: string, code: string, asOf: number | null, status: string, f: CountyFigures): OpenDataCell[][] =>
    Object.keys(entries(f))
      .sort()
      .map((k) => [scope, code, asOf, status, label(k), ...fields.map((fl) => entries(f)[k]?.[fl.key] ?? 0)]);
  return {
    slug,
    title,
    description,
    columns: [...SCOPE_COLUMNS, key, ...fields.map((f) => ({ title: f.title, description: f.description, kind: f.kind ?? 'count' }))],
    rows: (r) => [
      ...rowsOf(CITY_SCOPE, CITY_CODE, r.asOf, cityStatus(r), r.city),
      ...r.counties.flatMap((c) => (c.figures ? rowsOf(c.name, c.code, c.asOf, countyDataStatus(c), c.figures) : [])),
    ],
  };
}

const MONTH_FIELDS: ReadonlyArray<{ key: keyof Omit<MonthFigures, 'month'>; title: string; description: string; kind?: 'fen' }> = [
  { key: 'alliancesEstablished', title: '新组建联合体', description: '当月组建的党建联合体数' },
  { key: 'needsMet', title: '满足需求', description: '当月已满足的需求数' },
  { key: 'projectsCompleted', title: '完成项目', description: '当月完成或验收的项目数' },
  { key: 'activitiesHeld', title: '开展活动', description: '当月开展的联合体活动数' },
  { key: 'meetingsHeld', title: '召开会议', description: '当月召开的联席会议和组织生活会议数' },
  { key: 'pointsAwarded', title: '发放积分', description: '当月发放的积分' },
  { key: 'disbursedFen', title: '拨付资金（元）', description: '当月拨付的以奖代补资金', kind: 'fen' },
];

const REWARD_SOURCE_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ROUND_LEVEL_LABELS).map(([k, v]) => [k, `${v}以奖代补`])),
  ...FUND_SOURCE_LABELS,
};

/** The Chinese name of a source of money in `rewards.bySource` (a round's level or a fund ledger's income source). */
export const rewardSourceLabel = (key: string): string => REWARD_SOURCE_LABELS[key] ?? '其他';

/** Every topic, in the order of the workbook's sheets and the open-data page. */
export const OPEN_DATA_TOPICS: readonly OpenDataTopic[] = [
  wide('orgs', '党组织', '各旗县区党组织数量与党支部建设质量（标准化规范化、最强党支部、软弱涣散）', [
    { title: '组织总数', description: '党组织总数，含已停用', value: (f) => f.orgs.total },
    { title: '在用组织', description: '在用的党组织数', value: (f) => f.orgs.active },
    { title: '党支部', description: '在用的党支部数（标准化规范化和最强党支部评定的对象）', value: (f) => f.orgs.branches },
    { title: '标准化规范化', description: '达到标准化规范化的党支部数', value: (f) => f.orgs.standardized },
    { title: '最强党支部（区级）', description: '区级最强党支部数', value: (f) => f.orgs.strongestCounty },
    { title: '最强党支部（市级）', description: '市级最强党支部数', value: (f) => f.orgs.strongestCity },
    { title: '软弱涣散', description: '列为软弱涣散的党组织数', value: (f) => f.orgs.weak },
  ]),
  wide('alliances', '党建联合体', '未撤销的党建联合体，按类型、融合模式和状态', [
    { title: '联合体总数', description: '未撤销的党建联合体数', value: (f) => f.alliances.total },
    ...keyed('类型', ALLIANCE_TYPES, null, (f) => f.alliances.byType, '联合体类型'),
    ...keyed('模式', ALLIANCE_MODELS, null, (f) => f.alliances.byModel, '融合模式'),
    ...keyed('状态', ALLIANCE_STATUSES, ALLIANCE_STATUS_LABELS, (f) => f.alliances.byStatus, '联合体状态'),
  ]),
  wide('members', '成员单位与双报到', '运行中联合体的成员单位，党员与在职党员双报到，机关企事业单位与社区结对', [
    { title: '成员单位', description: '运行中联合体的成员单位数（同一组织加入两个联合体计两次）', value: (f) => f.members.memberOrgs },
    { title: '党员', description: '党员人数', value: (f) => f.members.partyMembers },
    { title: '在职党员', description: '在职党员人数', value: (f) => f.members.inService },
    { title: '已报到在职党员', description: '本年度已到社区报到的在职党员人数（双报到）', value: (f) => f.members.reportedMembers },
    { title: '应结对单位', description: '应与社区结对的机关、企事业单位数', value: (f) => f.members.organs },
    { title: '已结对单位', description: '已与社区结对的机关、企事业单位数', value: (f) => f.members.pairedOrgans },
  ]),
  wide('needs', '需求清单', '需求清单中待对接和已满足的需求', [
    { title: '待对接需求', description: '尚未满足的需求数', value: (f) => f.needs.open },
    { title: '已满足需求', description: '已满足的需求数', value: (f) => f.needs.met },
  ]),
  long(
    'need-categories',
    '需求类别',
    '按需求类别的待对接和已满足需求（每个范围每个类别一行）',
    { title: '需求类别', description: '需求清单的类别', kind: 'text' },
    [
      { title: '待对接需求', description: '该类别尚未满足的需求数', key: 'open' },
      { title: '已满足需求', description: '该类别已满足的需求数', key: 'met' },
    ],
    (f) => f.needs.byCategory,
  ),
  wide('projects', '项目清单', '项目按状态，逾期项目，已完成项目及其中按期完成的数量（按期完成率 = 按期完成 ÷ 已完成）', [
    { title: '进行中项目', description: '尚未完成、未取消的项目数', value: (f) => f.projects.open },
    { title: '逾期项目', description: '超过计划完成日期仍未完成的项目数', value: (f) => f.projects.overdue },
    { title: '已完成项目', description: '已完成或已验收的项目数', value: (f) => f.projects.completed },
    { title: '按期完成', description: '已完成项目中在计划完成日期前完成的数量', value: (f) => f.projects.completedOnTime },
    ...keyed('状态', PROJECT_STATUSES, PROJECT_STATUS_LABELS, (f) => f.projects.byStatus, '项目状态'),
  ]),
  wide('activities', '活动与组织生活', '本年度“五个一”活动指标的完成情况和开展的会议、活动', [
    { title: '五个一应完成项', description: '运行中联合体本年度应完成的“五个一”活动项数', value: (f) => f.activities.quotaItems },
    { title: '五个一已完成项', description: '其中已完成的项数', value: (f) => f.activities.quotaMet },
    { title: '召开会议', description: '召开的联席会议和组织生活会议数', value: (f) => f.activities.meetingsHeld },
    { title: '开展活动', description: '开展的联合体活动数', value: (f) => f.activities.activitiesHeld },
  ]),
  wide('points', '积分', '本年度发放的积分及获得积分的党员人数（人均积分 = 积分 ÷ 党员人数）', [
    { title: '发放积分', description: '本年度发放的积分合计', value: (f) => f.points.total },
    { title: '获得积分的党员', description: '本年度获得积分的党员人数', value: (f) => f.points.members },
  ]),
  wide('assessment', '考核评价', '最近一个已定档考核年度的联合体考核等次分布', [
    { title: '考核年度', description: '最近一个有已定档考核的年度（全市为各旗县区中最近的年度）', value: (f) => f.assessment.year },
    ...(['excellent', 'good', 'fair', 'poor'] as const).map((g) => ({
      title: ASSESSMENT_GRADE_LABELS[g],
      description: `考核等次为“${ASSESSMENT_GRADE_LABELS[g]}”的联合体数`,
      value: (f: CountyFigures) => f.assessment.grades[g],
    })),
  ]),
  wide('rewards', '以奖代补资金', '以奖代补已分配和已拨付的资金（元）', [
    { title: '已分配（元）', description: '已发布的以奖代补分配方案中分配的资金', kind: 'fen', value: (f) => f.rewards.allocatedFen },
    { title: '已拨付（元）', description: '其中已拨付的资金', kind: 'fen', value: (f) => f.rewards.disbursedFen },
  ]),
  long(
    'reward-sources',
    '资金来源',
    '按来源的资金：市级、旗县区级以奖代补，联合体经费的上级拨、各方筹、党费补（每个范围每个来源一行）',
    { title: '来源', description: '资金来源', kind: 'text' },
    [
      { title: '已分配（元）', description: '该来源已分配的资金', kind: 'fen', key: 'allocatedFen' },
      { title: '已拨付（元）', description: '该来源已拨付的资金', kind: 'fen', key: 'disbursedFen' },
    ],
    (f) => f.rewards.bySource,
    rewardSourceLabel,
  ),
  wide('filings', '备案', '旗县区报送的备案（审批、考核、调整、撤销）及市委组织部已确认的数量', [
    { title: '收到备案', description: '报送市委组织部的备案数', value: (f) => f.filings.received },
    { title: '市级已确认', description: '其中市委组织部已确认的备案数', value: (f) => f.filings.acknowledgedByCity },
  ]),
  {
    slug: 'trend',
    title: '月度趋势',
    description: '最近 24 个月每月的工作量（每个范围每个月一行，月份按北京时间）',
    columns: [
      ...SCOPE_COLUMNS,
      { title: '月份', description: '公历月份（YYYY-MM）', kind: 'text' },
      ...MONTH_FIELDS.map((m) => ({ title: m.title, description: m.description, kind: m.kind ?? ('count' as const) })),
    ],
    rows: (r) => {
      const rowsOf = (scope: string, code: string, asOf: number | null, status: string, trend: readonly MonthFigures[]) =>
        trend.map((m) => [scope, code, asOf, status, m.month, ...MONTH_FIELDS.map((f) => m[f.key])]);
      return [
        ...rowsOf(CITY_SCOPE, CITY_CODE, r.asOf, cityStatus(r), r.cityTrend),
        ...r.counties.flatMap((c) => (c.figures ? rowsOf(c.name, c.code, c.asOf, countyDataStatus(c), c.trend) : [])),
      ];
    },
  },
];

/** The topic by its slug (a CSV's name), or undefined. */
export const openDataTopic = (slug: string): OpenDataTopic | undefined => OPEN_DATA_TOPICS.find((t) => t.slug === slug);

/** Epoch ms → `YYYY-MM-DD HH:mm` in Beijing time (no DST since 1991). */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 分 → `1234.50` (exact: integer arithmetic on the 分). */
export function fenToYuanText(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${(abs % 100).toString().padStart(2, '0')}`;
}

