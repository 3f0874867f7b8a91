import { emptyCountyFigures, type CityRollup, type CountyFigures } from '@ronghe/schema';

// The examples of the /v1 document (ADR 0030): one request and one answer per
// operation, in the shapes the server gives (v1Route checks each against its
// schema; the document test fails on a mismatch or a missing example). The
// names are made up; no real person's data.

const T0 = 1_764_900_000_000; // 2025-12-05 10:00 +08:00
export const EX_ORG_ID = 'org_01jd8w2k3m4n5p6q7r8s9t0v1a';
export const EX_ALLIANCE_ID = 'aln_01jd8w2k3m4n5p6q7r8s9t0v1b';
export const EX_NEED_ID = 'ned_01jd8w2k3m4n5p6q7r8s9t0v1c';
export const EX_CATEGORY_ID = 'cat_01jd8w2k3m4n5p6q7r8s9t0v1d';

export const exOrganization = {
  id: EX_ORG_ID,
  parentId: 'org_01jd8w2k3m4n5p6q7r8s9t0v19',
  name: '铁南社区党委',
  kind: '党委',
  domain: '社区',
  divisionCode: '150402003001',
  memberCount: 86,
  qualityStatus: '标准化规范化',
  updatedAt: T0,
} as const;

export const exOrgPage = { items: [exOrganization], nextCursor: 'eyJrIjoi6ZOB5Y2X56S+5Yy65YWa5aeUIn0', total: 37 };

export const exAlliance = {
  id: EX_ALLIANCE_ID,
  name: '铁南社区“红色共建”党建联合体',
  type: '党建引领多元治理共同体',
  typeNote: null,
  model: '区域化共驻共建',
  pairingForm: '社区+机关',
  status: 'active',
  leadOrgName: '铁南社区党委',
  committeeOrgName: '铁南街道党工委',
  memberCount: 4,
  foundedOn: '2026-03-15',
} as const;

export const exAlliancePage = { items: [exAlliance], nextCursor: null, total: 1 };

export const exAllianceDetail = {
  ...exAlliance,
  vision: '共驻共建、资源共享，为辖区居民办实事。',
  members: [
    { orgId: EX_ORG_ID, orgName: '铁南社区党委', domain: '社区', role: 'lead', joinedOn: '2026-03-15' },
    { orgId: 'org_01jd8w2k3m4n5p6q7r8s9t0v1e', orgName: '区市场监管局机关党支部', domain: '机关', role: 'member', joinedOn: '2026-03-15' },
  ],
} as const;

export const exRedRoutes = {
  items: [
    {
      id: 'rrt_01jd8w2k3m4n5p6q7r8s9t0v1f',
      name: '红山区乡村振兴红色风景线',
      theme: '乡村振兴',
      description: '沿线联合体按顺序展示产业发展与基层治理成果。',
      stops: [{ id: 'rds_01jd8w2k3m4n5p6q7r8s9t0v1g', name: '铁南社区“红色共建”党建联合体' }],
    },
  ],
  total: 1,
};

const figures: CountyFigures = {
  ...emptyCountyFigures(),
  orgs: { total: 1320, active: 1298, branches: 1010, standardized: 640, strongestCounty: 42, strongestCity: 9, weak: 3 },
  alliances: { total: 48, byType: { 党建引领多元治理共同体: 30, 党建引领产业发展共同体: 18 }, byModel: { 区域化共驻共建: 25, 中心社区以强带弱: 23 }, byStatus: { active: 40, established: 8 } },
  needs: { open: 57, met: 212, byCategory: { 为老服务: { open: 12, met: 60 } } },
};
export const exRollup: CityRollup = {
  asOf: T0,
  city: figures,
  cityTrend: [{ month: '2025-11', alliancesEstablished: 2, needsMet: 31, projectsCompleted: 6, activitiesHeld: 44, meetingsHeld: 12, pointsAwarded: 5200, disbursedFen: 1_250_000 }],
  counties: [{ slug: 'hongshan', code: '150402', name: '红山区', asOf: T0, stale: false, staleSince: null, figures, trend: [] }],
};

export const exNeed = {
  id: EX_NEED_ID,
  allianceId: EX_ALLIANCE_ID,
  allianceName: '铁南社区“红色共建”党建联合体',
  title: '独居老人助餐服务',
  source: '群众点单',
  categoryName: '为老服务',
  quantity: 20,
  unit: '人次',
  placeName: '铁南社区',
  urgency: 2,
  deadline: '2026-01-31',
  committedQty: 0,
  inDeliveryQty: 0,
  fulfilledQty: 0,
  status: 'open',
  createdAt: T0,
  categoryId: EX_CATEGORY_ID,
  streetCode: '150402003',
  communityCode: '150402003001',
  gridName: '第一网格',
} as const;

export const exNeedPage = { items: [exNeed], nextCursor: null, total: 1 };

export const exNeedSubmit = {
  title: '独居老人助餐服务',
  description: '小区里三位独居老人希望每周有人送两次午餐。',
  categoryId: EX_CATEGORY_ID,
  quantity: 20,
  unit: '人次',
  communityCode: '150402003001',
  urgency: 2,
  deadline: '2026-01-31',
  raiserName: '刘女士',
  raiserPhone: '13904761111',
};

export const exReceipt = {
  ref: EX_NEED_ID,
  title: '独居老人助餐服务',
  source: '群众点单',
  allianceId: EX_ALLIANCE_ID,
  allianceName: '铁南社区“红色共建”党建联合体',
  placeName: '铁南社区',
  quantity: 20,
  unit: '人次',
  deadline: '2026-01-31',
  progress: 'submitted',
  progressLabel: '已受理，等待对接',
  status: 'open',
  contactMasked: '139****1111',
  createdAt: T0,
  updatedAt: T0,
} as const;

export const exReceiptMatched = { ...exReceipt, progress: 'matched', progressLabel: '已匹配资源', updatedAt: T0 + 86_400_000 } as const;
export const exReceiptCancelled = { ...exReceipt, progress: 'cancelled', progressLabel: '已取消', status: 'cancelled', updatedAt: T0 + 3_600_000 } as const;
export const exCancel = { reason: '已由亲属解决' };

export const EX_PROJECT_ID = 'prj_01jd8w2k3m4n5p6q7r8s9t0v1h';
export const EX_ACTIVITY_ID = 'act_01jd8w2k3m4n5p6q7r8s9t0v1j';

export const exProject = {
  id: EX_PROJECT_ID,
  allianceId: EX_ALLIANCE_ID,
  allianceName: '铁南社区“红色共建”党建联合体',
  title: '铁南社区老年助餐点建设',
  description: '在党群服务中心开设助餐点，每日为独居老人提供午餐。',
  categoryId: EX_CATEGORY_ID,
  categoryName: '为老服务',
  ownerOrgId: 'org_01jd8w2k3m4n5p6q7r8s9t0v1e',
  ownerOrgName: '区市场监管局机关党支部',
  status: 'in_progress',
  progressPercent: 40,
  milestonesDone: 1,
  milestonesTotal: 3,
  startOn: '2026-01-05',
  dueOn: '2026-06-30',
  startedOn: '2026-01-06',
  completedOn: null,
  acceptedOn: null,
  beneficiaries: 120,
  claimants: [{ orgId: 'org_01jd8w2k3m4n5p6q7r8s9t0v1e', orgName: '区市场监管局机关党支部' }],
  needIds: [EX_NEED_ID],
  createdAt: T0,
  updatedAt: T0 + 86_400_000,
} as const;

export const exProjectPage = { items: [exProject], nextCursor: null, total: 1 };

export const exActivity = {
  id: EX_ACTIVITY_ID,
  allianceId: EX_ALLIANCE_ID,
  allianceName: '铁南社区“红色共建”党建联合体',
  kind: 'joint_theme_day',
  title: '“共建美好家园”联合主题党日',
  status: 'held',
  activityDate: '2026-04-15',
  startTime: '09:00',
  endTime: '11:30',
  placeName: '铁南社区党群服务中心',
  organizer: { orgId: EX_ORG_ID, orgName: '铁南社区党委' },
  participants: [
    { orgId: EX_ORG_ID, orgName: '铁南社区党委' },
    { orgId: 'org_01jd8w2k3m4n5p6q7r8s9t0v1e', orgName: '区市场监管局机关党支部' },
  ],
  attendance: 46,
  summary: '清理楼道杂物，为独居老人检查燃气安全。',
  updatedAt: T0,
} as const;

export const exActivityPage = { items: [exActivity], nextCursor: null, total: 1 };

export const exRedDistricts = {
  items: [
    {
      id: 'rdd_01jd8w2k3m4n5p6q7r8s9t0v1k',
      name: '铁南红色街区',
      description: '以铁南社区为中心，串联沿街党群服务阵地。',
      alliances: [{ id: EX_ALLIANCE_ID, name: '铁南社区“红色共建”党建联合体' }],
      routes: [{ id: 'rrt_01jd8w2k3m4n5p6q7r8s9t0v1f', name: '红山区乡村振兴红色风景线' }],
    },
  ],
  total: 1,
};
