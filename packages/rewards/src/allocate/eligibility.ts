// Eligibility as data (issue 12): minimum grade, any-of designations, not
// under 规范整顿, 双报到 done. Every failed rule is named, not just the first.
import { GRADE_LABELS, designationLabel } from './labels.ts';
import { GRADES, type AllocationRules, type RecipientFacts, type Step } from './types.ts';

/** The failed rules as explanation steps; empty when eligible. */
export function ineligibility(facts: RecipientFacts, rules: AllocationRules): Step[] {
  const e = rules.eligibility;
  const out: Step[] = [];
  if (e.minGrade) {
    const need = GRADES.indexOf(e.minGrade);
    if (!facts.grade) out.push({ code: 'ineligible_grade', text: `未评定年度考评等次，本轮要求${GRADE_LABELS[e.minGrade]}及以上` });
    else if (GRADES.indexOf(facts.grade) > need) {
      out.push({ code: 'ineligible_grade', text: `年度考评等次为${GRADE_LABELS[facts.grade]}，本轮要求${GRADE_LABELS[e.minGrade]}及以上` });
    }
  }
  const any = e.anyDesignation ?? [];
  if (any.length && !any.some((d) => facts.designations.includes(d))) {
    out.push({ code: 'ineligible_designation', text: `本轮要求具备以下认定之一：${any.map((d) => designationLabel(d, rules)).join('、')}` });
  }
  if (e.excludeUnderRectification && facts.underRectification) out.push({ code: 'ineligible_rectification', text: '正在规范整顿，本轮不予奖补' });
  if (e.requireMemberReport && !facts.memberReportOk) out.push({ code: 'ineligible_member_report', text: '未落实“双报到”，当年不得参加评先评优' });
  return out;
}
