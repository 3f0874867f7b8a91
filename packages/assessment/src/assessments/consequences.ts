import type { AssessmentConsequences, AssessmentGrade } from '@ronghe/schema';

/**
 * What a grade carries (seed 000 8.2: 评先评优、提级晋位、调整撤销; seed 003
 * mechanism 7 动态管理: 规范整顿 for those that do poorly; seed 003 双报到: a
 * member organization that did not do 双报到 is ineligible for 评先评优 that
 * year whatever its alliance's grade). A dissolution proposal follows a second
 * 较差 in a row (seed 000 8.2 调整撤销 after repeated failure: 连续两年).
 */
export function consequencesOf(grade: AssessmentGrade, previousGrade: AssessmentGrade | null, ineligible: AssessmentConsequences['ineligibleMemberOrgs']): AssessmentConsequences {
  const poor = grade === 'poor';
  const dissolutionProposal = poor && previousGrade === 'poor';
  const summary = [
    poor ? '不得参加评先评优和以奖代补' : '可参加评先评优和以奖代补',
    ...(grade === 'excellent' ? ['列为提级晋位候选'] : []),
    ...(poor ? ['列入规范整顿'] : []),
    ...(dissolutionProposal ? ['连续两年考核较差，提出调整撤销建议'] : []),
    ...(ineligible.length ? [`未完成“双报到”的成员单位不得评先评优：${ineligible.map((o) => o.name).join('、')}`] : []),
  ];
  return { eligible: !poor, promotionCandidate: grade === 'excellent', rectification: poor, dissolutionProposal, previousGrade, ineligibleMemberOrgs: ineligible, summary };
}
