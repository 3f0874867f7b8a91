// Controlled vocabularies of DOMAIN.md. Stored values are the Chinese terms
// officials use, so exports, filters and audit records read naturally.

export const ORG_KINDS = ['党委', '党总支', '党支部', '党工委', '党组', '联合党委', '联合党支部', '党小组'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_DOMAINS = [
  // The city's own committee (中共赤峰市委员会): above the 旗县区委, not one of them (issue 10 §3).
  '市委',
  '旗县区委',
  '嘎查村',
  '社区',
  '街道',
  '苏木乡镇',
  '机关',
  '事业单位',
  '国有企业',
  '非公有制企业',
  '社会组织',
  '园区',
  '商务楼宇',
  '商圈市场',
  '学校',
  '医院',
  '互联网企业',
  '物业',
  '业委会',
  '网格',
  '楼栋',
] as const;
export type OrgDomain = (typeof ORG_DOMAINS)[number];

/** Branch quality (seed 004): 未达标 → 标准化规范化 → 最强党支部 (区级/市级). */
export const QUALITY_STATUSES = ['未达标', '标准化规范化', '最强党支部（区级）', '最强党支部（市级）'] as const;
export type QualityStatus = (typeof QUALITY_STATUSES)[number];
/**
 * The 最强党支部 designations: granted only through 最强党支部评定 (packages/honours, rule by rule), never by
 * editing an organization; an import may still register an earlier one with its year and designating body.
 */
export const STRONGEST_STATUSES = ['最强党支部（区级）', '最强党支部（市级）'] as const satisfies readonly QualityStatus[];

/**
 * 上级党(工)委 (seed 000 7.1, 8.3; DOMAIN.md): who may approve an alliance and so
 * hold reviewer accounts. A committee-level kind (a 党组 leads an organ, it is
 * no link of the 隶属 tree of base organizations; a 党总支/党支部 is a branch) in a
 * domain that oversees others: the 旗县区委 itself, a 街道党工委, a 苏木乡镇党委,
 * the 直属机关工委 (机关), a 园区党工委, and 行业党委 of education and health
 * (学校, 医院). A 社区 or 嘎查村 党委 or a firm's 党委 is a base organization: it
 * applies to its street or township, it does not approve. External
 * organizations never approve (`isApprovingCommittee` checks the flag too).
 */
export const APPROVING_COMMITTEE_KINDS: readonly OrgKind[] = ['党委', '党工委', '联合党委'];
export const APPROVING_COMMITTEE_DOMAINS: readonly OrgDomain[] = ['旗县区委', '街道', '苏木乡镇', '机关', '园区', '学校', '医院'];

export function isApprovingCommittee(org: { kind: OrgKind; domain: OrgDomain; isExternal: boolean }): boolean {
  return !org.isExternal && APPROVING_COMMITTEE_KINDS.includes(org.kind) && APPROVING_COMMITTEE_DOMAINS.includes(org.domain);
}

/** Whether `committee` lies above `org` in the 隶属 tree (its parent or an ancestor); paths are `/id1/…/self/`. */
export function isAncestorOf(committee: { id: string }, org: { id: string; path: string }): boolean {
  return committee.id !== org.id && org.path.includes(`/${committee.id}/`);
}

export const ORG_STATUSES = ['active', 'inactive'] as const;
/** One set of words for an organization's state, on screen and in Excel alike (issue 10 §3). */
export const ORG_STATUS_LABELS: Record<(typeof ORG_STATUSES)[number], string> = { active: '在用', inactive: '已停用' };
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const ROLES = ['city_admin', 'county_admin', 'committee_reviewer', 'alliance_admin', 'org_liaison', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市委组织部管理员',
  county_admin: '旗县区委组织部管理员',
  committee_reviewer: '上级党(工)委审核人',
  alliance_admin: '联合体牵头党组织书记',
  org_liaison: '成员单位联络员',
  member: '党员',
};

// ── 党建联合体 (seed 000 §6–§11, seed 003) ──────────────────────────────────

export const ALLIANCE_TYPES = ['党建引领产业发展共同体', '党建引领多元治理共同体', '党建联合体+'] as const;
export type AllianceType = (typeof ALLIANCE_TYPES)[number];

/** The six models of seed 003. */
export const ALLIANCE_MODELS = ['区域化共驻共建', '跨域抱团联建共促', '中心社区以强带弱', '双报到结对互动', '红色商街两个覆盖', '智慧党建线上互动'] as const;
export type AllianceModel = (typeof ALLIANCE_MODELS)[number];

/** 组织相加的方式 (seed 000 6.2, seed 003 模式二). */
export const PAIRING_FORMS = ['支部+支部', '支部+党总支', '支部+党委', '社区+社区', '社区+机关', '社区+园区+企业', '其他'] as const;
export type PairingForm = (typeof PAIRING_FORMS)[number];

export const ALLIANCE_STATUSES = ['draft', 'applied', 'approved', 'rejected', 'established', 'active', 'rectifying', 'dissolved'] as const;
export type AllianceStatus = (typeof ALLIANCE_STATUSES)[number];
export const ALLIANCE_STATUS_LABELS: Record<AllianceStatus, string> = {
  draft: '草稿',
  applied: '已申请',
  approved: '已批准',
  rejected: '未批准',
  established: '已组建',
  active: '运行中',
  rectifying: '规范整顿',
  dissolved: '已撤销',
};

/** Workflow actions on an alliance; each is one transition of the state machine. */
export const ALLIANCE_ACTIONS = ['apply', 'withdraw', 'approve', 'reject', 'revise', 'establish', 'start', 'rectify', 'restore', 'dissolve'] as const;
export type AllianceAction = (typeof ALLIANCE_ACTIONS)[number];
export const ALLIANCE_ACTION_LABELS: Record<AllianceAction, string> = {
  apply: '提交申请',
  withdraw: '撤回申请',
  approve: '批准组建',
  reject: '不予批准',
  revise: '修改后重新申请',
  establish: '确认组建',
  start: '开始运行',
  rectify: '责令规范整顿',
  restore: '整顿完成恢复运行',
  dissolve: '撤销',
};

export const MEMBER_ROLES = ['lead', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A member's part in an industrial consortium (seed 000 10.1.2–10.1.3). */
export const CONSORTIUM_ROLES = ['龙头企业', '农民合作社', '社会化服务组织', '职能部门', '嘎查村', '其他'] as const;
export type ConsortiumRole = (typeof CONSORTIUM_ROLES)[number];

/** 议事机构 layers (seed 000 8.1). */
export const GOVERNANCE_LAYERS = ['决策层', '协调层', '执行层'] as const;
export type GovernanceLayer = (typeof GOVERNANCE_LAYERS)[number];
export const GOVERNANCE_POSTS = ['总负责人', '书记', '副书记', '具体负责人', '委员', '联络员', '工作人员'] as const;
export type GovernancePost = (typeof GOVERNANCE_POSTS)[number];

export const DOCUMENT_KINDS = ['application', 'approval_reply', 'charter', 'agreement', 'rules', 'work_plan', 'founding_minutes', 'decision', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** Kinds a person writes; replies and decisions are issued by the workflow itself. */
export const EDITABLE_DOCUMENT_KINDS = ['application', 'charter', 'agreement', 'rules', 'work_plan', 'founding_minutes', 'other'] as const;
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  application: '组建申请书',
  approval_reply: '批复',
  charter: '联合体章程',
  agreement: '共建协议',
  rules: '日常工作制度',
  work_plan: '年度工作计划',
  founding_minutes: '成立大会纪要',
  decision: '决定',
  other: '其他',
};

/** Media types a scanned original (盖章扫描件) may have; each is checked against the file's first bytes (ADR 0017). */
export const ORIGINAL_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type OriginalType = (typeof ORIGINAL_TYPES)[number];
/** 20 MB: a multi-page stamped scan at 300 dpi, the same ceiling as an Excel import. */
export const ORIGINAL_MAX_BYTES = 20 * 1024 * 1024;

/** An activity photo: JPEG or PNG by its first bytes, at most 10 MB, at most 20 per activity. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_MAX_PER_ACTIVITY = 20;

export const ADJUSTMENT_KINDS = ['member_join', 'member_leave', 'type_change', 'lead_change'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];
export const ADJUSTMENT_KIND_LABELS: Record<AdjustmentKind, string> = {
  member_join: '成员加入',
  member_leave: '成员退出',
  type_change: '类型变更',
  lead_change: '牵头党组织变更',
};
export const ADJUSTMENT_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

/** 备案 (seed 000 7.2, 8.2, 8.3). */
export const FILING_KINDS = ['approval', 'assessment', 'adjustment', 'rectification', 'dissolution'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export const FILING_KIND_LABELS: Record<FilingKind, string> = {
  approval: '组建批复备案',
  assessment: '年度考核结果备案',
  adjustment: '调整备案',
  rectification: '规范整顿备案',
  dissolution: '撤销备案',
};
export const FILING_STATES = ['unread', 'acknowledged'] as const;
export type FilingState = (typeof FILING_STATES)[number];

/** 红色风景线 themes (seed 000 3.3). */
export const ROUTE_THEMES = ['脱贫攻坚', '乡村振兴', '产业发展', '基层治理'] as const;
export type RouteTheme = (typeof ROUTE_THEMES)[number];

// ── 三张清单: needs, resources, projects (seed 000 6.4, 9.3; seed 002 (十三); seed 003 mechanism 4) ──

/** Where a need comes from: 群众点单, a member organization, the 问题清单, or a third-party app. */
export const NEED_SOURCES = ['群众点单', '成员单位', '问题清单', '第三方应用'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

/** Urgency 1–4; the matching engine weighs units served by it. */
export const URGENCY_LEVELS = [1, 2, 3, 4] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { 1: '一般', 2: '较急', 3: '紧急', 4: '特急' };

/**
 * A need's status follows from its quantities (Sahana Eden style): committed,
 * in delivery and fulfilled are kept apart; `closed` and `cancelled` are decisions.
 */
export const NEED_STATUSES = ['open', 'partly_met', 'met', 'closed', 'cancelled'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  open: '待对接',
  partly_met: '部分满足',
  met: '已满足',
  closed: '已关闭',
  cancelled: '已撤回',
};

/** 资源 kinds of DOMAIN.md: people/skills, money, services, venues, goods, technology. */
export const RESOURCE_KINDS = ['人才', '资金', '服务', '阵地', '物资', '技术'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_STATUSES = ['available', 'exhausted', 'withdrawn'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = { available: '可用', exhausted: '已用完', withdrawn: '已撤回' };

/** The area a resource serves around its place (grid ⊂ community ⊂ street ⊂ county). */
export const LOCALITIES = ['grid', 'community', 'street', 'county'] as const;
export type LocalityLevel = (typeof LOCALITIES)[number];
export const LOCALITY_LABELS: Record<LocalityLevel, string> = { grid: '本网格', community: '本社区（村）', street: '本街道（苏木乡镇）', county: '全旗县区' };

/** A matched quantity moves committed → in_delivery → fulfilled, or is released. */
export const ALLOCATION_STATES = ['committed', 'in_delivery', 'fulfilled', 'released'] as const;
export type AllocationState = (typeof ALLOCATION_STATES)[number];

export const PROJECT_STATUSES = ['proposed', 'claimed', 'in_progress', 'completed', 'accepted', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** The project board's columns, in the order work moves; cancelled projects only behind the list's status filter. */
export const PROJECT_BOARD_STATUSES = ['proposed', 'claimed', 'in_progress', 'completed', 'accepted'] as const satisfies readonly ProjectStatus[];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  proposed: '待认领',
  claimed: '已认领',
  in_progress: '实施中',
  completed: '已完成',
  accepted: '已验收',
  cancelled: '已取消',
};
export const PROJECT_ACTIONS = ['start', 'complete', 'accept', 'return', 'cancel'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];
export const PROJECT_ACTION_LABELS: Record<ProjectAction, string> = {
  start: '开始实施',
  complete: '报告完成',
  accept: '验收通过',
  return: '退回整改',
  cancel: '取消项目',
};

/** 经费来源 (seed 000 11.2): 上级拨, 各方筹, 党费补. */
export const FUNDING_SOURCES = ['上级拨', '各方筹', '党费补'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const CLAIM_STATUSES = ['pending', 'confirmed', 'declined', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = { pending: '待确认', confirmed: '已确认', declined: '未同意', withdrawn: '已撤回' };

/** 督办 warnings: red = overdue, yellow = at risk, green = on track; none once finished. */
export const WARNING_LEVELS = ['green', 'yellow', 'red', 'none'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_LABELS: Record<WarningLevel, string> = { green: '正常', yellow: '预警', red: '逾期', none: '—' };

/** The supervision thread: notes of supervisors, replies, the job's warnings and escalations, and workflow events. */
export const PROJECT_NOTE_KINDS = ['supervise', 'reply', 'warning', 'escalation', 'event'] as const;
export type ProjectNoteKind = (typeof PROJECT_NOTE_KINDS)[number];
export const PROJECT_NOTE_KIND_LABELS: Record<ProjectNoteKind, string> = {
  supervise: '督办意见',
  reply: '办理回复',
  warning: '预警',
  escalation: '逾期督办',
  event: '进展',
};

// ── People (issue 11; seed 000 9.1, 11.1.2; seed 002 (九)(十六); seed 003) ──────

/** Who a person in the county's people registry is: a party member (正式/预备) or a volunteer who is not one. */
export const PERSON_KINDS = ['party_member', 'volunteer'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export const PERSON_KIND_LABELS: Record<PersonKind, string> = { party_member: '党员', volunteer: '志愿者' };

/** 正式党员 / 预备党员; null for a volunteer who is not a party member. */
export const PARTY_STANDINGS = ['正式', '预备'] as const;
export type PartyStanding = (typeof PARTY_STANDINGS)[number];

export const PERSON_STATUSES = ['active', 'left'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = { active: '在册', left: '已转出' };

// ── Branch organizational life and joint meetings (issue 11; seed 004 二(三), seed 001 (二), seed 002 (七), seed 000 9.4) ──

/** 三会一课, 主题党日, 组织生活会 and 民主评议党员: what a branch records. */
export const ORG_LIFE_KINDS = ['congress', 'committee', 'group', 'lecture', 'theme_day', 'life_meeting', 'appraisal'] as const;
export type OrgLifeKind = (typeof ORG_LIFE_KINDS)[number];
export const ORG_LIFE_KIND_LABELS: Record<OrgLifeKind, string> = {
  congress: '支部党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  appraisal: '民主评议党员',
};

/** How often a kind is due; the number is the period's length in months. */
export const ORG_LIFE_PERIODS = ['month', 'quarter', 'half_year', 'year'] as const;
export type OrgLifePeriod = (typeof ORG_LIFE_PERIODS)[number];
export const ORG_LIFE_PERIOD_LABELS: Record<OrgLifePeriod, string> = { month: '每月', quarter: '每季度', half_year: '每半年', year: '每年' };
export const ORG_LIFE_PERIOD_MONTHS: Record<OrgLifePeriod, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** A joint meeting's decision: done once completed; `overdue` is computed on read (past its deadline, still open). */
export const DECISION_STATUSES = ['open', 'done'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Record<DecisionStatus | 'overdue', string> = { open: '办理中', done: '已办结', overdue: '已逾期' };
// ── 报到领岗: posts, claims and service (issue 11, lane posts; seed 002 (十六), seed 003) ──
export const POST_STATUSES = ['open', 'closed'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const POST_STATUS_LABELS: Record<PostStatus, string> = { open: '招募中', closed: '已关闭' };

export const POST_CLAIM_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type PostClaimStatus = (typeof POST_CLAIM_STATUSES)[number];
export const POST_CLAIM_STATUS_LABELS: Record<PostClaimStatus, string> = { pending: '待审核', approved: '已同意', declined: '未同意', withdrawn: '已撤回' };

export const SERVICE_LOG_STATUSES = ['logged', 'confirmed', 'rejected'] as const;
export type ServiceLogStatus = (typeof SERVICE_LOG_STATUSES)[number];
export const SERVICE_LOG_STATUS_LABELS: Record<ServiceLogStatus, string> = { logged: '待确认', confirmed: '已确认', rejected: '未确认' };
// ── Activities and the yearly quotas (issue 11; seed 000 9.2, seed 003 mechanism 3) ──

/**
 * Activity kinds: seed 000 9.2's 五个一 (joint 学习强国 study, joint visit,
 * joint theme party day, a batch of real problems solved, mutual
 * learning/review visit), seed 003's variant (founding rally, the secretary's
 * party lesson, mutual inspection; its monthly visits and quarterly theme days
 * are the same kinds as seed 000's at another frequency) and 其他.
 */
export const ACTIVITY_KINDS = ['joint_study', 'joint_visit', 'joint_theme_day', 'practical_matters', 'mutual_review', 'founding_rally', 'party_lesson', 'mutual_inspection', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  joint_study: '联合学习（学习强国联合学习群）',
  joint_visit: '联合走访慰问',
  joint_theme_day: '联合主题党日',
  practical_matters: '办实事（解决实际问题）',
  mutual_review: '互学互评互访',
  founding_rally: '成立大会',
  party_lesson: '书记讲党课',
  mutual_inspection: '互查互评',
  other: '其他',
};

export const ACTIVITY_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = { planned: '计划', held: '已开展', cancelled: '已取消' };

/** How often a quota row asks for its count: per year, half-year, quarter or month. */
export const QUOTA_PERIODS = ['year', 'half', 'quarter', 'month'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];
export const QUOTA_PERIOD_LABELS: Record<QuotaPeriod, string> = { year: '每年', half: '每半年', quarter: '每季度', month: '每月' };

/** A quota row's standing on a date (see packages/activities/src/quotas/compliance-rules.ts). */
export const QUOTA_STANDINGS = ['met', 'open', 'at_risk', 'behind'] as const;
export type QuotaStanding = (typeof QUOTA_STANDINGS)[number];
export const QUOTA_STANDING_LABELS: Record<QuotaStanding, string> = { met: '已完成', open: '进行中', at_risk: '有风险', behind: '未完成' };

/** How a check-in came about: the member scanned or typed the code, or an administrator recorded the person's attendance. */
export const CHECKIN_METHODS = ['self', 'recorded'] as const;
export type CheckinMethod = (typeof CHECKIN_METHODS)[number];
export const CHECKIN_METHOD_LABELS: Record<CheckinMethod, string> = { self: '扫码签到', recorded: '管理员补录' };
