import type { AllianceType, ConsortiumProfile, ConsortiumRole, GovernanceLayer, GovernancePost, OrgDomain, ProblemItem } from '@ronghe/schema';
import { DOCUMENT_KIND_LABELS, GOVERNANCE_LAYERS } from '@ronghe/schema';

// The rules of seed 000 §7–§11 as pure functions over a plain picture of the
// alliance. Each returns the list of what is missing, in Chinese; empty means
// satisfied. The API shows them on the detail page and refuses a transition
// with exactly these items.

export interface MemberFacts {
  orgId: string;
  orgName: string;
  domain: OrgDomain;
  orgActive: boolean;
  role: 'lead' | 'member';
  consortiumRole: ConsortiumRole | null;
  contributionBp: number;
  liaisonName: string | null;
  liaisonPartyMember: boolean;
  /** The liaison chosen from the people registry has since left it or moved outside this organization (issue 11). */
  liaisonLapsed?: boolean;
}
export interface SeatFacts {
  layer: GovernanceLayer;
  post: GovernancePost;
  personName: string;
  orgId: string | null;
  orgDomain: OrgDomain | null;
}
export interface DocumentFacts {
  kind: string;
  status: 'draft' | 'adopted';
  signerOrgId: string | null;
}
export interface AllianceFacts {
  type: AllianceType;
  consortium: ConsortiumProfile | null;
  leadOrgId: string;
  /** Current members, the lead included. */
  members: MemberFacts[];
  seats: SeatFacts[];
  documents: DocumentFacts[];
}

const p = (code: string, message: string): ProblemItem => ({ code, message });

/** 治理单元 other than the residents' committee (seed 000 10.2.2). */
const GOVERNANCE_UNITS: readonly OrgDomain[] = ['业委会', '物业', '园区', '商务楼宇', '商圈市场', '非公有制企业', '社会组织', '机关', '事业单位', '国有企业', '学校', '医院'];

/** Whether the type's membership is complete (seed 000 10.1.2, 10.2.2). Heads are checked in `headProblems`. */
export function membershipProblems(f: AllianceFacts): ProblemItem[] {
  const out: ProblemItem[] = [];
  if (f.type === '党建引领产业发展共同体') {
    const has = (r: ConsortiumRole) => f.members.some((m) => m.consortiumRole === r);
    if (!has('龙头企业')) out.push(p('composition.leadingFirm', '产业化联合体缺少龙头企业（请在成员中标明“龙头企业”）'));
    if (!has('农民合作社')) out.push(p('composition.cooperative', '产业化联合体缺少农民合作社'));
    if (!has('社会化服务组织')) out.push(p('composition.serviceOrg', '产业化联合体缺少社会化服务组织'));
    const c = f.consortium;
    if (!c) {
      out.push(p('composition.consortium', '尚未填写种养殖大户和农牧户参与情况'));
    } else {
      if (c.largeGrowers < 3) out.push(p('composition.largeGrowers', `种养殖大户应不少于 3 个，现有 ${c.largeGrowers} 个`));
      // ≥ 20% of households, in integers: households × 5 ≥ total.
      if (c.householdsTotal <= 0 || c.households * 5 < c.householdsTotal) {
        const pct = c.householdsTotal > 0 ? ((c.households * 100) / c.householdsTotal).toFixed(1) : '0';
        out.push(p('composition.households', `参与农牧户应不少于 20%，现为 ${pct}%（${c.households}/${c.householdsTotal} 户）`));
      }
    }
  } else if (f.type === '党建引领多元治理共同体') {
    if (!f.members.some((m) => m.domain === '社区')) out.push(p('composition.community', '多元治理共同体应包含社区（居委会）党组织'));
    if (!f.members.some((m) => GOVERNANCE_UNITS.includes(m.domain))) {
      out.push(p('composition.units', '多元治理共同体应包含业委会、物业、园区、楼宇、商圈、企业或社会组织等治理单元'));
    }
  }
  return out;
}

/** Who heads it (seed 000 8.1, 10.1.3, 10.2.3). */
export function headProblems(f: AllianceFacts): ProblemItem[] {
  const top = f.seats.filter((s) => s.layer === '决策层');
  if (f.type === '党建引领产业发展共同体') {
    const ok = top.some((s) => (s.post === '总负责人' || s.post === '书记') && s.orgDomain === '苏木乡镇');
    return ok ? [] : [p('composition.head', '产业发展共同体的负责人应由苏木乡镇党委书记担任（决策层“总负责人”须来自苏木乡镇党委）')];
  }
  if (f.type === '党建引领多元治理共同体') {
    const ok = top.some((s) => (s.post === '书记' || s.post === '总负责人') && s.orgDomain === '街道');
    return ok ? [] : [p('composition.head', '多元治理共同体的书记应由街道党工委书记兼任（决策层“书记”须来自街道党工委）')];
  }
  const ok = top.some((s) => s.post === '总负责人' && s.orgId === f.leadOrgId);
  return ok ? [] : [p('composition.head', '牵头党组织书记应任总负责人（决策层）')];
}

export function compositionProblems(f: AllianceFacts): ProblemItem[] {
  return [...membershipProblems(f), ...headProblems(f)];
}

/** 出资比例: all left blank (0) or summing to exactly 100 %. */
export function contributionTotalOk(totalBp: number): boolean {
  return totalBp === 0 || totalBp === 10000;
}

export function ratioProblems(f: Pick<AllianceFacts, 'members'>): ProblemItem[] {
  const total = f.members.reduce((s, m) => s + m.contributionBp, 0);
  if (contributionTotalOk(total)) return [];
  return [p('members.contribution', `出资比例合计应为 100%（或都不填），现为 ${(total / 100).toFixed(2)}%`)];
}

function layerProblems(f: AllianceFacts): ProblemItem[] {
  return GOVERNANCE_LAYERS.filter((layer) => !f.seats.some((s) => s.layer === layer)).map((layer) => p('governance.layer', `议事机构缺少${layer}人员`));
}

/** Seed 000 11.1.2: each member names one liaison, a party member. */
function liaisonProblems(f: AllianceFacts, suffix = ''): ProblemItem[] {
  const out: ProblemItem[] = [];
  for (const m of f.members) {
    if (!m.liaisonName) out.push(p('members.liaison', `“${m.orgName}”尚未明确联络员${suffix}`));
    else if (!m.liaisonPartyMember) out.push(p('members.liaisonParty', `“${m.orgName}”的联络员应由党员担任${suffix}`));
    else if (m.liaisonLapsed) out.push(p('members.liaison', `“${m.orgName}”的联络员${m.liaisonName}已转出或不再是该单位党员，请改选联络员${suffix}`));
  }
  return out;
}

function agreementProblems(f: AllianceFacts, suffix = ''): ProblemItem[] {
  return f.members
    .filter((m) => !f.documents.some((d) => d.kind === 'agreement' && d.status === 'adopted' && d.signerOrgId === m.orgId))
    .map((m) => p('documents.agreement', `“${m.orgName}”尚未签署共建协议${suffix}`));
}

function inactiveMembers(f: AllianceFacts): ProblemItem[] {
  return f.members.filter((m) => !m.orgActive).map((m) => p('members.inactive', `成员“${m.orgName}”已停用，请移出后再提交`));
}

const adopted = (f: AllianceFacts, kind: string) => f.documents.some((d) => d.kind === kind && d.status === 'adopted');

/** 申请 (seed 000 7.1): the lead picks members and files a written application. */
export function applyProblems(f: AllianceFacts): ProblemItem[] {
  const out: ProblemItem[] = [];
  if (f.members.length < 2) out.push(p('members.count', '联合体至少要有牵头党组织和 1 个成员党组织'));
  if (!f.documents.some((d) => d.kind === 'application')) out.push(p('documents.application', '缺少书面组建申请（文书类别“组建申请书”）'));
  return [...out, ...inactiveMembers(f), ...ratioProblems(f), ...membershipProblems(f)];
}

/** 组建 (seed 000 7.3): founding meeting, charter, one agreement per member, the deliberating body, the work plan. */
export function establishProblems(f: AllianceFacts): ProblemItem[] {
  const out: ProblemItem[] = [];
  if (!adopted(f, 'charter')) out.push(p('documents.charter', `缺少已通过的${DOCUMENT_KIND_LABELS.charter}`));
  out.push(...agreementProblems(f), ...layerProblems(f));
  if (!adopted(f, 'work_plan')) out.push(p('documents.work_plan', `缺少已通过的${DOCUMENT_KIND_LABELS.work_plan}`));
  return [...out, ...inactiveMembers(f), ...ratioProblems(f), ...compositionProblems(f)];
}

/** 运行 (seed 000 8.1, 11.1.2): daily rules adopted, and every member has named its liaison, a party member. */
export function startProblems(f: AllianceFacts): ProblemItem[] {
  const out: ProblemItem[] = [];
  if (!adopted(f, 'rules')) out.push(p('documents.rules', `缺少已通过的${DOCUMENT_KIND_LABELS.rules}`));
  return [...out, ...liaisonProblems(f)];
}

/**
 * Once founded (established, active, rectifying), the founding conditions keep
 * holding (seed 000 8.1, 11.1.2): the three staffed layers, an adopted 共建协议
 * and a party-member liaison for every current member, and ratios summing to
 * 100 % (or all blank); liaisons from the start on (`liaisonsDue`: active,
 * rectifying). Founders met them at the gates, and adopted documents
 * cannot be withdrawn, so a missing agreement or liaison belongs to a member
 * that joined by adjustment: it is listed as pending (待补办) until done. The
 * alliance counts as non-compliant while this list is not empty (`compliant`
 * in lists and detail; the list computes the same rules in SQL, see
 * alliances/list.ts `compliantSql`).
 */
export function runningProblems(f: AllianceFacts, opts: { liaisonsDue: boolean }): ProblemItem[] {
  // Liaisons are a condition of starting (startProblems): an established alliance that has not started yet lists them there.
  return [...layerProblems(f), ...agreementProblems(f, '（待补办）'), ...(opts.liaisonsDue ? liaisonProblems(f, '（待补办）') : []), ...ratioProblems(f)];
}

/** What a member joining by adjustment owes once the committee agrees (shown to the committee before it decides). */
export function joinerOwes(orgName: string): ProblemItem[] {
  return [
    p('documents.agreement', `同意后“${orgName}”须签署共建协议（待补办）`),
    p('members.liaison', `同意后“${orgName}”须明确 1 名党员担任联络员（待补办）`),
  ];
}
