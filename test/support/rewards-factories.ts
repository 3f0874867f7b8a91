// Recipients and rules for the 以奖代补 engine's tests (packages/rewards/src/allocate).
import type { AllocationRules, Grade, Recipient, RecipientFacts } from '../../packages/rewards/src/allocate/index.ts';

/** An eligible-by-default recipient: 双报到 done, not under rectification, no designations. */
export function recipient(id: string, facts: Partial<RecipientFacts> & { grade?: Grade } = {}): Recipient {
  return { id, name: `单位${id}`, facts: { designations: [], underRectification: false, memberReportOk: true, ...facts } };
}

/** The usual eligibility of a round: not under 规范整顿, 双报到 required; the rest as given. */
export function rules(extra: Partial<AllocationRules> = {}, eligibility: Partial<AllocationRules['eligibility']> = {}): AllocationRules {
  return { eligibility: { excludeUnderRectification: true, requireMemberReport: true, ...eligibility }, ...extra };
}
