import { describe, expect, it } from 'vitest';
import type { OrgDomain } from '@ronghe/schema';
import {
  applyProblems,
  compositionProblems,
  establishProblems,
  headProblems,
  membershipProblems,
  runningProblems,
  startProblems,
  type AllianceFacts,
  type DocumentFacts,
  type MemberFacts,
  type SeatFacts,
} from './rules.ts';

// The founding rules of seed 000 §7–§11 and ADR 0007, case by case, in Node so
// that mutation testing (docs/mutation-testing.md) can run them. Every expected
// code and number below is read from the seed or worked out by hand.

const member = (orgId: string, over: Partial<MemberFacts> = {}): MemberFacts => ({
  orgId,
  orgName: `${orgId}党支部`,
  domain: '机关',
  orgActive: true,
  role: 'member',
  consortiumRole: null,
  contributionBp: 0,
  liaisonName: '王联络',
  liaisonPartyMember: true,
  ...over,
});
const seat = (layer: SeatFacts['layer'], post: SeatFacts['post'], orgId: string | null, orgDomain: OrgDomain | null = null): SeatFacts => ({
  layer,
  post,
  personName: '李书记',
  orgId,
  orgDomain,
});
const adopted = (kind: string, signerOrgId: string | null = null): DocumentFacts => ({ kind, status: 'adopted', signerOrgId });

/** A "党建联合体+" alliance that satisfies every rule: the lead and one member, all papers adopted. */
function ready(over: Partial<AllianceFacts> = {}): AllianceFacts {
  return {
    type: '党建联合体+',
    consortium: null,
    leadOrgId: 'lead',
    members: [member('lead', { role: 'lead', domain: '社区' }), member('m1')],
    seats: [seat('决策层', '总负责人', 'lead', '社区'), seat('协调层', '委员', 'm1', '机关'), seat('执行层', '联络员', 'm1', '机关')],
    documents: [
      adopted('application'),
      adopted('charter'),
      adopted('agreement', 'lead'),
      adopted('agreement', 'm1'),
      adopted('rules'),
      adopted('work_plan'),
    ],
    ...over,
  };
}
const codes = (items: Array<{ code: string }>) => items.map((i) => i.code);

describe('a complete alliance passes every step', () => {
  it('has nothing missing to apply, to establish or to start', () => {
    expect(applyProblems(ready())).toEqual([]);
    expect(establishProblems(ready())).toEqual([]);
    expect(startProblems(ready())).toEqual([]);
    expect(compositionProblems(ready())).toEqual([]);
  });
});

describe('申请 (seed 000 7.1)', () => {
  it('needs the lead and at least one member organization', () => {
    const alone = ready({ members: [member('lead', { role: 'lead' })] });
    const [item] = applyProblems(alone);
    expect(item?.code).toBe('members.count');
    expect(item?.message).toContain('至少要有牵头党组织和 1 个成员党组织');
    expect(applyProblems(ready({ members: [member('lead', { role: 'lead' }), member('m1')] }))).toEqual([]);
  });

  it('needs the written application, even one not yet adopted', () => {
    const none = ready({ documents: ready().documents.filter((d) => d.kind !== 'application') });
    expect(codes(applyProblems(none))).toEqual(['documents.application']);
    expect(applyProblems(none)[0]?.message).toContain('组建申请书');
    const draft = ready({ documents: [{ kind: 'application', status: 'draft', signerOrgId: null }] });
    expect(applyProblems(draft)).toEqual([]);
  });

  it('refuses a deactivated member by name', () => {
    const f = ready({ members: [member('lead', { role: 'lead' }), member('m1', { orgActive: false, orgName: '第三小学党支部' })] });
    expect(applyProblems(f)).toEqual([{ code: 'members.inactive', message: '成员“第三小学党支部”已停用，请移出后再提交' }]);
  });

  it('accepts contribution ratios that are all blank or sum to exactly 100 % (seed 000 11.2.2)', () => {
    const ratios = (a: number, b: number) => ready({ members: [member('lead', { role: 'lead', contributionBp: a }), member('m1', { contributionBp: b })] });
    expect(applyProblems(ratios(0, 0))).toEqual([]);
    expect(applyProblems(ratios(6000, 4000))).toEqual([]);
    // 6000 + 3999 = 9999 bp = 99.99 %; 6000 + 4001 = 100.01 %.
    expect(applyProblems(ratios(6000, 3999))).toEqual([{ code: 'members.contribution', message: '出资比例合计应为 100%（或都不填），现为 99.99%' }]);
    expect(applyProblems(ratios(6000, 4001))[0]?.message).toContain('现为 100.01%');
  });

  it('lists every missing item in order: count and application, inactive members, ratios, composition', () => {
    const f: AllianceFacts = {
      ...ready(),
      type: '党建引领多元治理共同体',
      members: [member('lead', { role: 'lead', domain: '机关', orgActive: false, contributionBp: 100 })],
      documents: [],
    };
    expect(codes(applyProblems(f))).toEqual(['members.count', 'documents.application', 'members.inactive', 'members.contribution', 'composition.community']);
  });

  it('checks the type composition but not yet who heads it', () => {
    const f = ready({ seats: [] });
    expect(applyProblems(f)).toEqual([]);
    expect(codes(establishProblems(f))).toContain('composition.head');
  });
});

describe('产业发展共同体 (seed 000 10.1.2, 10.1.3)', () => {
  const industrial = (over: Partial<AllianceFacts> = {}) =>
    ready({
      type: '党建引领产业发展共同体',
      consortium: { largeGrowers: 3, households: 200, householdsTotal: 1000 },
      members: [
        member('lead', { role: 'lead', domain: '苏木乡镇' }),
        member('firm', { domain: '非公有制企业', consortiumRole: '龙头企业' }),
        member('coop', { domain: '社会组织', consortiumRole: '农民合作社' }),
        member('svc', { domain: '社会组织', consortiumRole: '社会化服务组织' }),
      ],
      seats: [seat('决策层', '总负责人', 'lead', '苏木乡镇'), seat('协调层', '委员', 'firm', '非公有制企业'), seat('执行层', '联络员', 'coop', '社会组织')],
      ...over,
    });

  it('is complete with a leading firm, a cooperative, a service organization, 3 large growers and 20 % of households', () => {
    expect(compositionProblems(industrial())).toEqual([]);
  });

  it('names each missing consortium role', () => {
    const without = (role: string) => industrial({ members: industrial().members.filter((m) => m.consortiumRole !== role) });
    expect(codes(membershipProblems(without('龙头企业')))).toEqual(['composition.leadingFirm']);
    expect(membershipProblems(without('龙头企业'))[0]?.message).toContain('龙头企业');
    expect(codes(membershipProblems(without('农民合作社')))).toEqual(['composition.cooperative']);
    expect(membershipProblems(without('农民合作社'))[0]?.message).toContain('农民合作社');
    expect(codes(membershipProblems(without('社会化服务组织')))).toEqual(['composition.serviceOrg']);
    expect(membershipProblems(without('社会化服务组织'))[0]?.message).toContain('社会化服务组织');
  });

  it('asks for the growers and households when they were never given', () => {
    const p = membershipProblems(industrial({ consortium: null }));
    expect(codes(p)).toEqual(['composition.consortium']);
    expect(p[0]?.message).toContain('种养殖大户和农牧户');
  });

  it('needs 3 or more large growers', () => {
    expect(membershipProblems(industrial({ consortium: { largeGrowers: 2, households: 200, householdsTotal: 1000 } }))).toEqual([
      { code: 'composition.largeGrowers', message: '种养殖大户应不少于 3 个，现有 2 个' },
    ]);
    expect(membershipProblems(industrial({ consortium: { largeGrowers: 3, households: 200, householdsTotal: 1000 } }))).toEqual([]);
  });

  it('needs 20 % or more of the households: 200 of 1000 is enough, 199 is not', () => {
    expect(membershipProblems(industrial({ consortium: { largeGrowers: 3, households: 199, householdsTotal: 1000 } }))).toEqual([
      { code: 'composition.households', message: '参与农牧户应不少于 20%，现为 19.9%（199/1000 户）' },
    ]);
    // 1 of 6 households is 16.666… %, shown to one decimal.
    expect(membershipProblems(industrial({ consortium: { largeGrowers: 3, households: 1, householdsTotal: 6 } }))[0]?.message).toContain('现为 16.7%（1/6 户）');
  });

  it('refuses an area with no households recorded, showing 0 %', () => {
    expect(membershipProblems(industrial({ consortium: { largeGrowers: 3, households: 0, householdsTotal: 0 } }))).toEqual([
      { code: 'composition.households', message: '参与农牧户应不少于 20%，现为 0%（0/0 户）' },
    ]);
  });

  it('is headed by the 苏木乡镇 party secretary in the decision layer', () => {
    expect(headProblems(industrial({ seats: [seat('决策层', '书记', 'lead', '苏木乡镇')] }))).toEqual([]);
    expect(headProblems(industrial({ seats: [seat('决策层', '总负责人', 'x', '苏木乡镇')] }))).toEqual([]);
    for (const seats of [
      [seat('决策层', '总负责人', 'lead', '街道')],
      [seat('决策层', '副书记', 'lead', '苏木乡镇')],
      [seat('协调层', '总负责人', 'lead', '苏木乡镇')],
      [],
    ]) {
      const p = headProblems(industrial({ seats }));
      expect(codes(p)).toEqual(['composition.head']);
      expect(p[0]?.message).toContain('苏木乡镇党委书记');
    }
  });
});

describe('多元治理共同体 (seed 000 10.2.2, 10.2.3)', () => {
  const governance = (domains: OrgDomain[], seats = [seat('决策层', '书记', 'lead', '街道')]) =>
    ready({
      type: '党建引领多元治理共同体',
      members: domains.map((domain, i) => member(i === 0 ? 'lead' : `m${i}`, { domain, role: i === 0 ? 'lead' : 'member' })),
      seats,
    });

  it('needs a residents’ committee (社区) and another governance unit', () => {
    expect(compositionProblems(governance(['社区', '物业']))).toEqual([]);
    const noCommunity = membershipProblems(governance(['街道', '物业']));
    expect(codes(noCommunity)).toEqual(['composition.community']);
    expect(noCommunity[0]?.message).toContain('社区');
    const noUnit = membershipProblems(governance(['社区', '社区', '街道', '嘎查村', '苏木乡镇', '互联网企业']));
    expect(codes(noUnit)).toEqual(['composition.units']);
    expect(noUnit[0]?.message).toContain('治理单元');
  });

  it('counts each governance unit the seed names, and co-building public bodies', () => {
    // 10.2.2: 业委会, 物业企业, 产业园区, 商务楼宇, 商圈市场, 非公有制经济组织, 社会组织, and 共建单位党组织
    // (organs, public institutions, state firms, schools, hospitals).
    const units: OrgDomain[] = ['业委会', '物业', '园区', '商务楼宇', '商圈市场', '非公有制企业', '社会组织', '机关', '事业单位', '国有企业', '学校', '医院'];
    for (const unit of units) expect(membershipProblems(governance(['社区', unit])), unit).toEqual([]);
  });

  it('is headed by the 街道 party working committee secretary in the decision layer', () => {
    expect(headProblems(governance(['社区', '物业'], [seat('决策层', '总负责人', 'x', '街道')]))).toEqual([]);
    for (const seats of [
      [seat('决策层', '书记', 'lead', '社区')],
      [seat('决策层', '委员', 'lead', '街道')],
      [seat('执行层', '书记', 'lead', '街道')],
    ]) {
      const p = headProblems(governance(['社区', '物业'], seats));
      expect(codes(p)).toEqual(['composition.head']);
      expect(p[0]?.message).toContain('街道党工委书记');
    }
  });
});

describe('other types (seed 000 8.1): the lead secretary is 总负责人', () => {
  it('needs the 总负责人 seat in the decision layer held for the lead organization', () => {
    expect(headProblems(ready())).toEqual([]);
    expect(membershipProblems(ready({ members: [member('lead', { domain: '嘎查村' })] }))).toEqual([]);
    for (const seats of [
      [seat('决策层', '总负责人', 'm1', '机关')],
      [seat('决策层', '书记', 'lead', '社区')],
      [seat('协调层', '总负责人', 'lead', '社区')],
    ]) {
      const p = headProblems(ready({ seats }));
      expect(p).toEqual([{ code: 'composition.head', message: '牵头党组织书记应任总负责人（决策层）' }]);
    }
  });
});

describe('组建 (seed 000 7.3)', () => {
  const without = (pred: (d: DocumentFacts) => boolean) => ready({ documents: ready().documents.filter((d) => !pred(d)) });

  it('needs an adopted charter and work plan; drafts do not count', () => {
    expect(establishProblems(without((d) => d.kind === 'charter'))).toEqual([{ code: 'documents.charter', message: '缺少已通过的联合体章程' }]);
    expect(establishProblems(without((d) => d.kind === 'work_plan'))).toEqual([{ code: 'documents.work_plan', message: '缺少已通过的年度工作计划' }]);
    const drafts = ready({
      documents: ready().documents.map((d) => (d.kind === 'charter' || d.kind === 'work_plan' ? { ...d, status: 'draft' as const } : d)),
    });
    expect(codes(establishProblems(drafts))).toEqual(['documents.charter', 'documents.work_plan']);
  });

  it('needs an adopted agreement signed by each member, the lead included', () => {
    expect(establishProblems(without((d) => d.kind === 'agreement' && d.signerOrgId === 'm1'))).toEqual([
      { code: 'documents.agreement', message: '“m1党支部”尚未签署共建协议' },
    ]);
    expect(codes(establishProblems(without((d) => d.kind === 'agreement' && d.signerOrgId === 'lead')))).toEqual(['documents.agreement']);
    const draftAgreement = ready({
      documents: ready().documents.map((d) => (d.kind === 'agreement' && d.signerOrgId === 'm1' ? { ...d, status: 'draft' as const } : d)),
    });
    expect(codes(establishProblems(draftAgreement))).toEqual(['documents.agreement']);
    // An adopted charter signed "by" m1 is not its agreement.
    const wrongKind = ready({
      documents: [...without((d) => d.kind === 'agreement' && d.signerOrgId === 'm1').documents, adopted('charter', 'm1')],
    });
    expect(codes(establishProblems(wrongKind))).toEqual(['documents.agreement']);
  });

  it('needs the three layers of the deliberating body (seed 000 8.1), naming the missing one', () => {
    const f = ready({ seats: ready().seats.filter((s) => s.layer !== '协调层') });
    expect(establishProblems(f)).toEqual([{ code: 'governance.layer', message: '议事机构缺少协调层人员' }]);
    const onlyTop = ready({ seats: [seat('决策层', '总负责人', 'lead', '社区')] });
    expect(establishProblems(onlyTop).map((p) => p.message)).toEqual(['议事机构缺少协调层人员', '议事机构缺少执行层人员']);
  });

  it('also refuses inactive members, a bad ratio and an incomplete composition, after its own items', () => {
    const f = ready({
      members: [member('lead', { role: 'lead', contributionBp: 5000 }), member('m1', { orgActive: false })],
      seats: [seat('协调层', '委员', 'm1'), seat('执行层', '联络员', 'm1')],
      documents: ready().documents.filter((d) => d.kind !== 'rules' && d.kind !== 'charter'),
    });
    expect(codes(establishProblems(f))).toEqual(['documents.charter', 'governance.layer', 'members.inactive', 'members.contribution', 'composition.head']);
  });
});

describe('运行 (seed 000 8.1, 11.1.2)', () => {
  it('needs adopted daily rules', () => {
    expect(startProblems(ready({ documents: ready().documents.filter((d) => d.kind !== 'rules') }))).toEqual([
      { code: 'documents.rules', message: '缺少已通过的日常工作制度' },
    ]);
    expect(codes(startProblems(ready({ documents: [{ kind: 'rules', status: 'draft', signerOrgId: null }] })))).toEqual(['documents.rules']);
  });

  it('needs a liaison named by every member', () => {
    const f = ready({ members: [member('lead', { role: 'lead', liaisonName: null }), member('m1', { liaisonName: '' })] });
    expect(startProblems(f)).toEqual([
      { code: 'members.liaison', message: '“lead党支部”尚未明确联络员' },
      { code: 'members.liaison', message: '“m1党支部”尚未明确联络员' },
    ]);
  });

  it('needs the liaison to be a party member (seed 000 11.1.2)', () => {
    const f = ready({ members: [member('lead', { role: 'lead' }), member('m1', { liaisonPartyMember: false })] });
    expect(startProblems(f)).toEqual([{ code: 'members.liaisonParty', message: '“m1党支部”的联络员应由党员担任' }]);
  });
});

describe('成立后 (seed 000 8.1, 11.1.2): the founding conditions keep holding', () => {
  const DUE = { liaisonsDue: true };
  it('an established alliance that has not started yet is not asked for liaisons here (the start check asks)', () => {
    const f = ready({ members: [member('lead', { role: 'lead' }), member('m1', { liaisonName: null })] });
    expect(runningProblems(f, { liaisonsDue: false })).toEqual([]);
    expect(codes(runningProblems(f, DUE))).toEqual(['members.liaison']);
  });

  it('a founded alliance that met every gate has nothing pending', () => {
    expect(runningProblems(ready(), DUE)).toEqual([]);
  });

  it('names each broken rule in turn', () => {
    const base = ready();
    expect(codes(runningProblems(ready({ seats: base.seats.filter((s) => s.layer !== '协调层') }), DUE))).toEqual(['governance.layer']);
    expect(runningProblems(ready({ seats: base.seats.filter((s) => s.layer !== '协调层') }), DUE)[0]!.message).toBe('议事机构缺少协调层人员');
    const joiner = member('m2', { liaisonName: null });
    expect(runningProblems(ready({ members: [...base.members, joiner] }), DUE)).toEqual([
      { code: 'documents.agreement', message: '“m2党支部”尚未签署共建协议（待补办）' },
      { code: 'members.liaison', message: '“m2党支部”尚未明确联络员（待补办）' },
    ]);
    expect(codes(runningProblems(ready({ members: base.members.map((m, i) => (i === 1 ? { ...m, liaisonPartyMember: false } : m)) }), DUE))).toEqual(['members.liaisonParty']);
    // 60 % + 41 % = 101 %: a join that was not rebalanced.
    const ratios = base.members.map((m, i) => ({ ...m, contributionBp: i === 0 ? 6000 : 4100 }));
    expect(runningProblems(ready({ members: ratios }), DUE)).toEqual([{ code: 'members.contribution', message: '出资比例合计应为 100%（或都不填），现为 101.00%' }]);
  });
});
