// Loads the deterministic demo data (赤峰市 and its 12 counties) into the
// local D1 databases that scripts/migrate-all.ts prepared. Safe to repeat:
// ids derive from the seed, and rows that already exist are left as they are.
//   node scripts/seed.ts [--persist-to DIR] [--scale N] [--seed TEXT]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateDemoData, loadChifengDivisions, type DemoData } from '../packages/demo-data/src/index.ts';
import { openLocalPlatform, pendingMigrations, persistRoot, seedDemoData, type LocalPlatform, type SeedStats } from './lib/local-platform.ts';

export const DEMO_PASSWORD = 'Ronghe@2026';

export interface SeedOptions {
  persistTo?: string;
  scale?: number;
  seed?: string;
  /** An already open platform (scripts/start.ts reuses its own). */
  platform?: LocalPlatform;
  quiet?: boolean;
}

export async function seed(opts: SeedOptions = {}): Promise<{ data: DemoData; ms: number }> {
  const started = performance.now();
  const scale = opts.scale ?? 1;
  // Starting workerd and loading the identity package both take a second or so; overlap them.
  const [platform, { hashPassword }] = await Promise.all([
    opts.platform ?? openLocalPlatform(opts.persistTo),
    import('../packages/identity/src/password.ts'),
  ]);
  const ready = performance.now();
  const data = generateDemoData({ divisions: loadChifengDivisions(), scale, seed: opts.seed ?? DEFAULT_SEED });
  const generated = performance.now();
  // One PBKDF2 derivation shared by every demo account: 61 separate ones would take seconds for nothing.
  const password = await hashPassword(DEMO_PASSWORD);
  try {
    const pending = await pendingMigrations(platform);
    if (pending.size) {
      const names = [...pending.keys()].map((t) => t.name).join('、');
      throw new Error(`以下数据库尚未迁移：${names}。请先运行 node_modules/.bin/node scripts/migrate-all.ts${opts.persistTo ? ` --persist-to ${opts.persistTo}` : ''}`);
    }
    const writing = performance.now();
    const stats = await seedDemoData(platform, data, password);
    // The city's rollup (ADR 0022) is kept by events; data written here raised none, so count every county once.
    const rolledUp = await recountRollup(platform);
    const ms = performance.now() - started;
    const sec = (a: number, b: number) => ((b - a) / 1000).toFixed(1);
    const timing = `启动 ${sec(started, ready)} 秒、生成 ${sec(ready, generated)} 秒、写入 ${sec(writing, performance.now())} 秒`;
    if (!opts.quiet) {
      console.log(`演示数据（规模 ×${scale}）→ ${persistRoot(opts.persistTo)}`);
      console.log(`${'租户'.padEnd(11)} ${'名称'.padEnd(6, '　')}     生成     新增   库中合计`);
      for (const s of stats.tenants)
        console.log(
          `${s.tenant.slug.padEnd(13)} ${s.tenant.name.padEnd(6, '　')} ${String(s.generated).padStart(8)} ${String(s.inserted).padStart(8)} ${String(s.total).padStart(10)}`,
        );
      const sum = (k: 'generated' | 'inserted') => stats.tenants.reduce((a, s) => a + s[k], 0);
      console.log(`合计：生成 ${sum('generated')} 个党组织，新增 ${sum('inserted')} 个；演示账号 ${data.accounts.length} 个，新增 ${stats.accountsInserted} 个。`);
      printAllianceStats(stats.tenants);
      printListStats(stats.tenants);
      printPeopleStats(stats.tenants);
      const audit = (f: 'generated' | 'inserted') => stats.tenants.reduce((a, s) => a + s.audit[f], 0);
      if (audit('generated')) console.log(`审计记录（历史）：${audit('generated')}（新增 ${audit('inserted')}）`);
      console.log(`市级汇总：已统计 ${rolledUp.recounted.length} 个旗县区${rolledUp.failed.length ? `，${rolledUp.failed.length} 个失败（${rolledUp.failed.map((f) => f.slug).join('、')}）` : ''}`);
      console.log(`用时 ${(ms / 1000).toFixed(1)} 秒（${timing}）`);
    }
    return { data, ms };
  } finally {
    if (!opts.platform) await platform.dispose();
  }
}

const ALLIANCE_COLUMNS: [keyof SeedStats['alliances'], string][] = [
  ['alliances', '联合体'],
  ['members', '成员'],
  ['seats', '议事人员'],
  ['documents', '文书'],
  ['events', '事件'],
  ['adjustments', '调整'],
  ['filings', '备案'],
  ['routes', '风景线'],
  ['districts', '片区'],
];

/** Alliance rows per county, generated; the total line also says how many were new. */
function printAllianceStats(tenants: readonly SeedStats[]): void {
  const rows = tenants.filter((s) => s.alliances.alliances.generated > 0);
  if (!rows.length) return;
  const width = (t: string) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cell = (t: string, w: number) => ' '.repeat(Math.max(0, w - width(t))) + t;
  const widths = ALLIANCE_COLUMNS.map(([, label]) => Math.max(width(label), 7));
  console.log(`\n${'租户'.padEnd(11)} ${'名称'.padEnd(6, '　')}  ${ALLIANCE_COLUMNS.map(([, label], i) => cell(label, widths[i]!)).join(' ')}`);
  for (const s of rows)
    console.log(`${s.tenant.slug.padEnd(13)} ${s.tenant.name.padEnd(6, '　')}  ${ALLIANCE_COLUMNS.map(([k], i) => cell(String(s.alliances[k].generated), widths[i]!)).join(' ')}`);
  const total = (k: keyof SeedStats['alliances'], f: 'generated' | 'inserted') => rows.reduce((a, s) => a + s.alliances[k][f], 0);
  const parts = ALLIANCE_COLUMNS.map(([k, label]) => `${label} ${total(k, 'generated')}（新增 ${total(k, 'inserted')}）`);
  console.log(`合计：${parts.join('，')}`);
}

/** The three lists over all counties, one line. */
function printListStats(tenants: readonly SeedStats[]): void {
  const labels: [keyof SeedStats['lists'], string][] = [['needs', '需求'], ['resources', '资源'], ['projects', '项目'], ['allocations', '对接'], ['claims', '认领'], ['notes', '督办记录']];
  const total = (k: keyof SeedStats['lists'], f: 'generated' | 'inserted') => tenants.reduce((a, s) => a + s.lists[k][f], 0);
  if (!total('needs', 'generated')) return;
  console.log(`清单：${labels.map(([k, label]) => `${label} ${total(k, 'generated')}（新增 ${total(k, 'inserted')}）`).join('，')}`);
}

/** The seed line's name of each issue-11 table (keys of ENGAGEMENT_TABLES). */
const ENGAGEMENT_LABELS: Record<string, string> = {
  people: '人员',
  orgPairings: '机关社区结对',
  memberReports: '党员报到',
  reportRecords: '报到记实',
  pairingStandards: '双报到标准',
  posts: '岗位',
  postClaims: '认领',
  serviceLogs: '服务记录',
  activityQuotaPlans: '活动计划',
  activities: '活动',
  activityCheckins: '签到',
  orgLifeStandards: '组织生活标准',
  orgLifeRecords: '组织生活记录',
  meetings: '联席会议',
  meetingDecisions: '会议决定事项',
  pointEntries: '积分明细',
  pointTotals: '个人积分合计',
  pointOrgTotals: '组织积分合计',
  // Issue 12 (merit.ts).
  indicatorSchemes: '考核指标体系',
  schemeIndicators: '考核指标',
  assessments: '年度考核',
  assessmentScores: '指标得分',
  ratingLinks: '群众评价链接',
  assessmentRatings: '四评评价',
  branchStandardizations: '标准化规范化考评',
  honourDesignations: '最强党支部',
  demoSites: '示范点',
  rewardRounds: '以奖代补轮次',
  rewardAllocations: '奖补分配',
  rewardDisbursements: '奖补拨付',
  fundEntries: '经费台账',
};

/**
 * Issue 11 over all counties, one line: the people registry (of them party
 * members in service, who report to communities), then each table of
 * ENGAGEMENT_TABLES by its key, and the liaisons linked to their person.
 */
function printPeopleStats(tenants: readonly SeedStats[]): void {
  const keys = [...new Set(tenants.flatMap((s) => Object.keys(s.people)))];
  if (!keys.length) return;
  const total = (k: string, f: 'generated' | 'inserted') => tenants.reduce((a, s) => a + (s.people[k]?.[f] ?? 0), 0);
  const label = (k: string) => ENGAGEMENT_LABELS[k] ?? k;
  const linked = tenants.reduce((a, s) => a + s.liaisonsLinked, 0);
  console.log(`人员与活动：${keys.map((k) => `${label(k)} ${total(k, 'generated')}（新增 ${total(k, 'inserted')}）`).join('，')}；联络员关联人员 新增 ${linked}`);
}

const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const { values } = parseArgs({
    options: {
      'persist-to': { type: 'string' },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('用法：node scripts/seed.ts [--persist-to 目录] [--scale 倍数] [--seed 种子]');
    process.exit(0);
  }
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1) {
    console.error('--scale 须为正整数');
    process.exit(2);
  }
  try {
    await seed({ persistTo: values['persist-to'], scale, seed: values.seed });
  } catch (err) {
    console.error(`导入演示数据失败：${(err as Error).message}`);
    process.exit(1);
  }
}

/** Counts every county's rollup into the control database (the daily recount, run once after seeding). */
async function recountRollup(platform: LocalPlatform) {
  const [{ recountCounties }, { CONTROL, COUNTIES }] = await Promise.all([import('../packages/rollup/src/index.ts'), import('../packages/tenancy/src/registry.ts')]);
  const env: Record<string, unknown> = { [CONTROL.binding]: platform.db(CONTROL) };
  for (const t of COUNTIES) env[t.binding] = platform.db(t);
  const log = console.log;
  console.log = () => {}; // the recount's own log line lists every county: the summary line below says it
  try {
    return await recountCounties(env, COUNTIES);
  } finally {
    console.log = log;
  }
}
