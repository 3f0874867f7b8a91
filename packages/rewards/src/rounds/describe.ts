import { formatFen } from '@ronghe/core';
import { designationLabel, formatBp, formatScore, GRADE_LABELS } from '../allocate/labels.ts';
import type { AllocationMethod, AllocationRules } from '../allocate/types.ts';
import { SHORTFALL_RULE_LABELS } from '../allocate/match.ts';
import type { MatchingSettings } from '@ronghe/schema';

// A round's settings in the words of the county's document (the audit page and
// the signed export read these, never the stored codes).

export function methodText(m: AllocationMethod, rules: Pick<AllocationRules, 'designationLabels'> = {}): string {
  switch (m.kind) {
    case 'tiered_grade':
      return `按考核等次定额：${(Object.entries(m.tiers) as Array<[keyof typeof GRADE_LABELS, number]>).map(([g, fen]) => `${GRADE_LABELS[g]} ${formatFen(fen)}`).join('，') || '未设档位'}`;
    case 'tiered_designation':
      return `按荣誉定额：${m.tiers.map((t) => `${designationLabel(t.designation, rules)} ${formatFen(t.amountFen)}`).join('，')}（多项荣誉按最高一档）`;
    case 'proportional':
      return `按得分超过 ${formatScore(m.thresholdHundredths)} 的部分比例分配${m.fenPerPoint === undefined ? '' : `，每分 ${formatFen(m.fenPerPoint)}`}`;
    case 'base_uplift':
      return [
        `基数 ${formatFen(m.baseFen)}`,
        ...m.uplifts.map((u) => `${designationLabel(u.designation, rules)}${u.percentBp !== undefined ? `上浮 ${formatBp(u.percentBp)}` : ''}${u.fixedFen !== undefined ? `一次性奖励 ${formatFen(u.fixedFen)}` : ''}`),
      ].join('；');
  }
}

/** 配套 settings in words (ADR 0025). */
export function matchingText(m: MatchingSettings): string {
  return `配套市级奖补：市县 ${m.ratioDen}:${m.ratioNum}，配套预算 ${formatFen(m.budgetFen)}；${SHORTFALL_RULE_LABELS[m.shortfallRule]}`;
}

export function rulesText(r: AllocationRules): string {
  const e = r.eligibility;
  return [
    e.minGrade ? `考核${GRADE_LABELS[e.minGrade]}及以上` : null,
    e.anyDesignation?.length ? `须为${e.anyDesignation.map((d) => designationLabel(d, r)).join('或')}` : null,
    e.excludeUnderRectification ? '整顿中的不参加' : null,
    e.requireMemberReport ? '须完成双报到' : null,
    r.capFen !== undefined ? `单个上限 ${formatFen(r.capFen)}` : null,
    r.floorFen !== undefined ? `单个下限 ${formatFen(r.floorFen)}` : null,
  ]
    .filter(Boolean)
    .join('；') || '不设条件';
}
