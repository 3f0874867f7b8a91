import type { MemberReport, OrgPairing, PairingStandard, ReportRecord } from '@ronghe/schema';
import { defaultStandard, isCommunity, mayReport, mustPair } from '../../people/src/pairing/rules.ts';
import { stableId } from './prng.ts';
import type { DemoOrg, PeopleDemoInput } from './types.ts';

// 双报到 demo data (issue 11; seed 003 双报到结对互动): every organ of the
// county pairs with at least one of its communities (1,036 county organs
// city-wide, their counts spread by COUNTY_ORGAN_QUOTA in generate.ts), every
// in-service party member reports to at least one community (seed 003: 2.38万),
// and a year of 记实档案 up to the demo's today in which most members and
// organs meet the default standard and a few do not, so the compliance table
// and the 评先评优 ineligibility have something to show.
//
// The city's 69 organs pair with communities that live in the counties'
// databases; a pairing row references a community of its own database, so the
// city tenant (which has no communities) gets none here.

export interface PairingDemoData {
  pairings: OrgPairing[];
  reports: MemberReport[];
  records: ReportRecord[];
  standards: PairingStandard[];
}

const SERVICES = [
  '参加社区环境卫生整治',
  '入户走访慰问困难群众',
  '参与社区疫情防控志愿服务',
  '为居民开展政策宣讲',
  '参加社区文明交通劝导',
  '为独居老人送餐、打扫卫生',
  '参与社区矛盾纠纷调解',
  '协助社区开展垃圾分类宣传',
  '参加“我为群众办实事”志愿服务',
  '为社区儿童开展课业辅导',
  '参与社区消防安全检查',
  '协助网格员开展入户信息采集',
] as const;

/** Asia/Shanghai midnight of a date, as epoch ms. */
const at = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
/** The date `days` after `date`. */
const plus = (date: string, days: number) => new Date(at(date) + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((at(b) - at(a)) / 86_400_000);

export function buildPairing(input: PeopleDemoInput): PairingDemoData {
  const { tenant, rng, today } = input;
  const seed = `pairing/${tenant.slug}`;
  const year = Number(today.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const communities = input.orgs.filter((o) => isCommunity(o) && o.status === 'active');
  const out: PairingDemoData = {
    pairings: [],
    reports: [],
    records: [],
    standards: [year - 1, year].map((y) => ({ ...defaultStandard(y), version: 1, updatedAt: at(`${y}-01-05`) })),
  };
  if (communities.length === 0) return out;

  // Organs: one community each, one in eight a second (seed 003: 至少联系 1 个社区).
  const pairedWith = new Map<string, DemoOrg[]>();
  for (const organ of input.orgs.filter((o) => mustPair(o))) {
    const count = rng.chance(0.125) && communities.length > 1 ? 2 : 1;
    const chosen = rng.shuffle(communities).slice(0, count);
    pairedWith.set(organ.id, chosen);
    for (const c of chosen) {
      const pairedOn = plus('2019-03-01', rng.int(0, daysBetween('2019-03-01', `${year - 1}-12-31`)));
      const created = at(pairedOn) + 10 * 3_600_000;
      out.pairings.push({
        id: stableId('opr', seed, `${organ.id}/${c.id}`, created),
        orgId: organ.id,
        communityOrgId: c.id,
        pairedOn,
        agreement: `${organ.name}与${c.name}签订双报到共建协议：单位每季度组织党员到社区开展一次服务，在职党员到社区报到、认领服务岗位。`,
        contactName: organ.liaisonName,
        contactPhone: organ.liaisonPhone,
        status: 'active',
        endedOn: null,
        version: 1,
        createdAt: created,
        updatedAt: created,
      });
    }
  }

  // In-service members: report to a community their organ pairs with (else any), by the end of January.
  const lastReport = `${year}-01-31`;
  for (const person of input.people.filter((p) => mayReport(p))) {
    const community = rng.pick(pairedWith.get(person.homeOrgId ?? '') ?? communities);
    const reportedOn = plus('2020-01-01', rng.int(0, daysBetween('2020-01-01', lastReport)));
    const created = at(reportedOn) + 9 * 3_600_000;
    out.reports.push({
      id: stableId('mrp', seed, `${person.id}/${community.id}`, created),
      personId: person.id,
      communityOrgId: community.id,
      reportedOn,
      status: 'active',
      endedOn: null,
      version: 1,
      createdAt: created,
      updatedAt: created,
    });
    // This year's records: most serve 2–3 times for 2–3 hours (meets 2 records and 240 minutes), some once, a few never.
    const n = rng.weighted([
      [3, 30],
      [2, 55],
      [1, 10],
      [0, 5],
    ] as const);
    const from = reportedOn > yearStart ? reportedOn : yearStart;
    const span = daysBetween(from, today);
    for (let i = 0; i < n; i++) {
      const servedOn = plus(from, rng.int(0, span));
      const createdAt = at(servedOn) + 18 * 3_600_000;
      out.records.push({
        id: stableId('rrc', seed, `${person.id}/${i}`, createdAt),
        personId: person.id,
        communityOrgId: community.id,
        servedOn,
        year,
        content: rng.pick(SERVICES),
        minutes: rng.pick([120, 150, 180]),
        recordedBy: 'demo-data',
        createdAt,
      });
    }
  }
  return out;
}
