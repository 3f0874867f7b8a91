import type { IndicatorInput } from '@ronghe/schema';

/**
 * The default county scheme (按默认指标创建). Seed 000 8.2: each level's
 * committee assesses its alliances once a year; the result is filed with the
 * county and the city and decides 评先评优, 提级晋位 and 调整撤销. Seed 003
 * mechanism 6 (考核评价机制): the assessment weighs the member organizations'
 * evaluations. Seed 004 三(三) 四评: 组织评定, 党员评议, 群众评判, 社会评价.
 * Computed indicators come from the work the alliance records (seed 003
 * mechanisms 3–4, seed 000 9.x); 60 % computed, 40 % rated. The member
 * organizations' evaluation is the computed `member_org_satisfaction` (the
 * same ratings), not a second rated line, so those ratings count once.
 * Weights sum to 100; each indicator is scored on its own scale (`maxScore`).
 */
export const DEFAULT_COUNTY_INDICATORS: readonly IndicatorInput[] = [
  // Seed 003 mechanism 3 (活动共搞): the “五个一” activities at the agreed frequency.
  { name: '“五个一”融合党建活动', criteria: '按活动计划完成“五个一”活动：按完成次数占应完成次数的比例得分', kind: 'computed', metric: 'quota_compliance', weight: 10, maxScore: 10 },
  // Seed 003 mechanism 2 (议事决策) and seed 000 9.4: joint meetings at least once a quarter.
  { name: '联席会议制度落实', criteria: '每季度至少召开一次联席会议：按召开季度数 / 4 得分', kind: 'computed', metric: 'meetings_held', weight: 8, maxScore: 10 },
  // Seed 003 mechanism 4 (供需对接) and seed 000 9.3: projects carried out as agreed.
  { name: '共建项目按期完成', criteria: '本年度完成的项目中按期完成的比例', kind: 'computed', metric: 'projects_on_time', weight: 8, maxScore: 10 },
  // Seed 003 mechanism 4: the 需求清单 answered.
  { name: '群众需求满足', criteria: '本年度受理的需求中已满足的比例', kind: 'computed', metric: 'needs_met', weight: 8, maxScore: 10 },
  // Seed 000 9.3 督办: what is late counts against the alliance.
  { name: '逾期事项', criteria: '每有一项逾期未完成的需求或项目扣 1 分，扣完为止', kind: 'computed', metric: 'overdue_items', weight: 5, maxScore: 10 },
  // Seed 000 9.1 党员共管: points management of the members' participation.
  { name: '党员积分管理', criteria: '成员单位党员人均年度积分达到 12 分得满分，不足按比例得分', kind: 'computed', metric: 'points_per_member', weight: 5, maxScore: 10 },
  // Seed 003 (双报到): in-service members report to their communities.
  { name: '在职党员“双报到”', criteria: '成员单位在职党员“双报到”达标的比例', kind: 'computed', metric: 'member_report_compliance', weight: 6, maxScore: 10 },
  // Seed 003 mechanism 6: the member organizations' evaluation of the alliance.
  { name: '成员单位评价', criteria: '成员单位党组织评价平均分（百分制）折算', kind: 'computed', metric: 'member_org_satisfaction', weight: 10, maxScore: 10 },
  // Seed 004 三(三) 四评.
  { name: '组织评定', criteria: '上级党（工）委评定平均分（百分制）折算', kind: 'rated', raterGroup: 'committee', weight: 15, maxScore: 100 },
  { name: '党员评议', criteria: '党员评议平均分（百分制）折算', kind: 'rated', raterGroup: 'member', weight: 10, maxScore: 100 },
  { name: '群众评判', criteria: '群众评判（含线上）平均分（百分制）折算', kind: 'rated', raterGroup: 'resident', weight: 10, maxScore: 100 },
  { name: '社会评价', criteria: '职能部门评价平均分（百分制）折算', kind: 'rated', raterGroup: 'department', weight: 5, maxScore: 100 },
];
