// The open-data builders over a hand-made rollup: the sheets and CSVs read
// back, the city's row equal to the counties' figures added up by hand here,
// money in 元, and nothing but the contract's figures in any file.
import readXlsxFile from 'read-excel-file/universal';
import type { CityRollup, CountyFigures, MonthFigures } from '@ronghe/schema';
import { OPEN_DATA_TOPICS } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { rollupWorkbook, topicCsv } from './build.ts';

// 2026-12-05 10:30 and 2026-12-05 11:00 in Beijing time.
const AS_OF = Date.UTC(2026, 11, 5, 2, 30);
const NOW = Date.UTC(2026, 11, 5, 3, 0);

const figures = (n: number, extra: { categories: Record<string, { open: number; met: number }>; bySource: Record<string, { allocatedFen: number; disbursedFen: number }> }): CountyFigures => ({
  orgs: { total: 10 * n, active: 9 * n, branches: 6 * n, standardized: 3 * n, strongestCounty: 2 * n, strongestCity: n, weak: n },
  alliances: { total: 4 * n, byType: { 党建引领产业发展共同体: 3 * n, 党建联合体加: n }, byModel: { 区域化共驻共建: 4 * n }, byStatus: { active: 3 * n, rectifying: n } },
  members: { memberOrgs: 12 * n, partyMembers: 100 * n, inService: 40 * n, reportedMembers: 30 * n, organs: 5 * n, pairedOrgans: 4 * n },
  needs: { open: 7 * n, met: 5 * n, byCategory: extra.categories },
  projects: { byStatus: { in_progress: 2 * n, accepted: 3 * n }, open: 2 * n, overdue: n, completed: 3 * n, completedOnTime: 2 * n },
  activities: { quotaItems: 20 * n, quotaMet: 15 * n, meetingsHeld: 8 * n, activitiesHeld: 9 * n },
  points: { total: 500 * n, members: 50 * n },
  assessment: { year: 2025, grades: { excellent: n, good: 2 * n, fair: n, poor: 0 } },
  rewards: { allocatedFen: 123_450 * n, disbursedFen: 100_001 * n, bySource: extra.bySource },
  filings: { received: 6 * n, acknowledgedByCity: 4 * n },
});

const months = (scale: number): MonthFigures[] =>
  Array.from({ length: 24 }, (_, i) => {
    const y = 2025 + Math.floor((i + 0) / 12);
    const month = `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
    return { month, alliancesEstablished: scale, needsMet: 2 * scale, projectsCompleted: scale, activitiesHeld: 3 * scale, meetingsHeld: scale, pointsAwarded: 10 * scale, disbursedFen: 50 * scale };
  });

// 红山区 (×1) and 松山区 (×2, its last refresh failed) have figures; 敖汉旗 was never computed.
const hongshan = figures(1, { categories: { 就业帮扶: { open: 2, met: 1 } }, bySource: { county: { allocatedFen: 123_450, disbursedFen: 100_001 } } });
const songshan = figures(2, {
  categories: { 就业帮扶: { open: 1, met: 3 }, 文化活动: { open: 4, met: 0 } },
  bySource: { county: { allocatedFen: 200_000, disbursedFen: 200_002 }, city: { allocatedFen: 46_900, disbursedFen: 0 } },
});
// The city's sums, added up by hand: 红山区 × 1 + 松山区 × 2 = × 3.
const city = figures(3, {
  categories: { 就业帮扶: { open: 3, met: 4 }, 文化活动: { open: 4, met: 0 } },
  bySource: { county: { allocatedFen: 323_450, disbursedFen: 300_003 }, city: { allocatedFen: 46_900, disbursedFen: 0 } },
});

const rollup: CityRollup = {
  asOf: AS_OF,
  city,
  cityTrend: months(3),
  counties: [
    { slug: 'hongshan', code: '150402', name: '红山区', asOf: AS_OF + 60_000, stale: false, staleSince: null, figures: hongshan, trend: months(1) },
    { slug: 'songshan', code: '150404', name: '松山区', asOf: AS_OF, stale: true, staleSince: AS_OF + 120_000, figures: songshan, trend: months(2) },
    { slug: 'aohan', code: '150430', name: '敖汉旗', asOf: null, stale: false, staleSince: null, figures: null, trend: [] },
  ],
};

const TITLES = ['党组织', '党建联合体', '成员单位与双报到', '需求清单', '需求类别', '项目清单', '活动与组织生活', '积分', '考核评价', '以奖代补资金', '资金来源', '备案', '月度趋势'];

describe('the workbook', async () => {
  const sheets = await readXlsxFile((await rollupWorkbook(rollup, NOW)).buffer);
  const sheet = (name: string) => sheets.find((s) => s.sheet === name)!.data as unknown[][];

  it('has one sheet per topic, each titled and dated', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(TITLES);
    for (const title of TITLES) {
      expect(sheet(title)[0]![0]).toBe(`赤峰市融合党建开放数据·${title}`);
      expect(sheet(title)[1]![0]).toBe('数据截至：2026-12-05 10:30（北京时间）；导出时间：2026-12-05 11:00（北京时间）');
    }
  });

  it('lists the city first, its figures the sum of the counties; a county never computed is empty, not zero', () => {
    const orgs = sheet('党组织');
    expect(orgs[2]).toEqual(['范围', '区划代码', '统计时间', '数据状态', '组织总数', '在用组织', '党支部', '标准化规范化', '最强党支部（区级）', '最强党支部（市级）', '软弱涣散']);
    expect(orgs[3]).toEqual(['全市', '150400', '2026-12-05 10:30', '2 个旗县区刷新失败，为最后一次成功统计的数据或尚未统计', 30, 27, 18, 9, 6, 3, 3]);
    expect(orgs[4]).toEqual(['红山区', '150402', '2026-12-05 10:31', '最新', 10, 9, 6, 3, 2, 1, 1]);
    expect(orgs[5]).toEqual(['松山区', '150404', '2026-12-05 10:30', '刷新失败，为最后一次成功统计的数据', 20, 18, 12, 6, 4, 2, 2]);
    expect(orgs[6]!.slice(0, 4)).toEqual(['敖汉旗', '150430', null, '尚未统计']);
    expect(orgs[6]!.slice(4).every((v) => v === null)).toBe(true);
    // Every figure column: 全市 = 红山区 + 松山区.
    for (const title of ['党组织', '成员单位与双报到', '项目清单', '活动与组织生活', '备案']) {
      const rows = sheet(title);
      for (let col = 4; col < rows[2]!.length; col++) expect(rows[3]![col], `${title} ${String(rows[2]![col])}`).toBe((rows[4]![col] as number) + (rows[5]![col] as number));
    }
  });

  it('shows the alliances by type, model and status with their Chinese names, a missing key as 0', () => {
    const rows = sheet('党建联合体');
    const header = rows[2] as string[];
    expect(header.slice(4, 6)).toEqual(['联合体总数', '类型：党建引领产业发展共同体']);
    expect(rows[3]![header.indexOf('联合体总数')]).toBe(12);
    expect(rows[3]![header.indexOf('类型：党建引领产业发展共同体')]).toBe(9);
    expect(rows[3]![header.indexOf('类型：党建引领多元治理共同体')]).toBe(0);
    expect(rows[3]![header.indexOf('状态：运行中')]).toBe(9);
    expect(rows[3]![header.indexOf('状态：规范整顿')]).toBe(3);
    expect(header.some((h) => /[a-z_]/.test(h))).toBe(false);
  });

  it('writes money in 元 to the 分, from the integer 分', () => {
    expect(sheet('以奖代补资金').slice(3, 6).map((r) => r.slice(4))).toEqual([
      [3703.5, 3000.03],
      [1234.5, 1000.01],
      [2469, 2000.02],
    ]);
    expect(sheet('资金来源').slice(3).map((r) => [r[0], r[4], r[5], r[6]])).toEqual([
      ['全市', '市级以奖代补', 469, 0],
      ['全市', '旗县区级以奖代补', 3234.5, 3000.03],
      ['红山区', '旗县区级以奖代补', 1234.5, 1000.01],
      ['松山区', '市级以奖代补', 469, 0],
      ['松山区', '旗县区级以奖代补', 2000, 2000.02],
    ]);
  });

  it('has 24 months per scope with figures in the trend, the city first', () => {
    const rows = sheet('月度趋势').slice(3);
    expect(rows).toHaveLength(3 * 24);
    expect(rows[0]!.slice(0, 5)).toEqual(['全市', '150400', '2026-12-05 10:30', '2 个旗县区刷新失败，为最后一次成功统计的数据或尚未统计', '2025-01']);
    expect(rows[0]!.slice(5)).toEqual([3, 6, 3, 9, 3, 30, 1.5]);
    expect(rows.map((r) => r[0])).toEqual([...Array(24).fill('全市'), ...Array(24).fill('红山区'), ...Array(24).fill('松山区')]);
  });
});

describe('the CSV of a topic', () => {
  it('is UTF-8 with a BOM, a header row and a row per scope, money in 元 with two decimals', () => {
    const csv = topicCsv(OPEN_DATA_TOPICS.find((t) => t.slug === 'rewards')!, rollup);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '范围,区划代码,统计时间,数据状态,已分配（元）,已拨付（元）',
      '全市,150400,2026-12-05 10:30,2 个旗县区刷新失败，为最后一次成功统计的数据或尚未统计,3703.50,3000.03',
      '红山区,150402,2026-12-05 10:31,最新,1234.50,1000.01',
      '松山区,150404,2026-12-05 10:30,刷新失败，为最后一次成功统计的数据,2469.00,2000.02',
      '敖汉旗,150430,,尚未统计,,',
      '',
    ]);
  });

  it('lists needs per category, one row per scope and category', () => {
    const csv = topicCsv(OPEN_DATA_TOPICS.find((t) => t.slug === 'need-categories')!, rollup);
    expect(csv.slice(1).split('\r\n').map((l) => l.split(',').filter((_, i) => i === 0 || i >= 4))).toEqual([
      ['范围', '需求类别', '待对接需求', '已满足需求'],
      ['全市', '就业帮扶', '3', '4'],
      ['全市', '文化活动', '4', '0'],
      ['红山区', '就业帮扶', '2', '1'],
      ['松山区', '就业帮扶', '1', '3'],
      ['松山区', '文化活动', '4', '0'],
      [''],
    ]);
  });
});

describe('no personal data', () => {
  // Whatever else the object carries (a secretary's name, a phone) is not the contract's and never goes out.
  const tainted = structuredClone(rollup) as CityRollup & Record<string, unknown>;
  Object.assign(tainted, { contact: '张三 13800138000' });
  Object.assign(tainted.counties[0]!, { secretary: '李四', phone: '13900139000', idNumber: '150402199001011234' });
  Object.assign(tainted.counties[0]!.figures!, { leader: '王五' });
  Object.assign(tainted.counties[0]!.figures!.orgs, { secretaryName: '赵六' });

  it('writes only the contract figures, whatever else the rollup object carries', async () => {
    const sheets = await readXlsxFile((await rollupWorkbook(tainted, NOW)).buffer);
    const csvs = OPEN_DATA_TOPICS.map((t) => topicCsv(t, tainted)).join('\n');
    const everything = `${JSON.stringify(sheets)}\n${csvs}`;
    for (const personal of ['张三', '李四', '王五', '赵六', '138', '139', '1990']) expect(everything).not.toContain(personal);
    // Every text cell is a title, a scope, a code, a time, a status, a month, a category or a source: nothing free.
    const allowed = /^(赤峰市融合党建开放数据·.+|数据截至：.+|全市|红山区|松山区|敖汉旗|1504\d\d|\d{4}-\d{2}-\d{2} \d{2}:\d{2}|\d{4}-\d{2}|最新|尚未统计|.*刷新失败.*|就业帮扶|文化活动|.+以奖代补)$/;
    const headers = new Set(OPEN_DATA_TOPICS.flatMap((t) => t.columns.map((c) => c.title)));
    for (const s of sheets) for (const row of (s.data as unknown[][]).slice(0)) for (const v of row) if (typeof v === 'string' && !headers.has(v)) expect(v).toMatch(allowed);
  });
});
