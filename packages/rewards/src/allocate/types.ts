// The 以奖代补 allocation engine's vocabulary (issue 12; seed 000 11.2.1,
// seed 004 四(二)(三); ADR 0020). Pure data: every amount is an integer 分.

export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
/** 优秀 / 良好 / 一般 / 较差, best first. */
export type Grade = (typeof GRADES)[number];

/** What the assessment, honours and people capabilities say about one recipient (an alliance or a branch). */
export interface RecipientFacts {
  grade?: Grade;
  /** Final score × 100 (92.5 分 → 9250), an integer so comparisons are exact. */
  scoreHundredths?: number;
  /** Designation codes, e.g. strongest_county, strongest_city, demo_site_county, standardized. */
  designations: string[];
  /** Under 规范整顿 this year. */
  underRectification: boolean;
  /** 双报到 done (seed 003): without it an organization is not eligible for 评先评优 that year. */
  memberReportOk: boolean;
}

export interface Recipient {
  id: string;
  name: string;
  facts: RecipientFacts;
  /** A city round's recipient: the county (tenant slug) it belongs to. The engine does not read it. */
  tenant?: string;
}

/** Who may receive money at all. A recipient failing any rule gets 0 with every failed rule named. */
export interface EligibilityRules {
  /** The lowest grade that still qualifies (e.g. good: 优秀 and 良好 qualify). */
  minGrade?: Grade;
  /** At least one of these designations is required (any-of); empty or absent: none required. */
  anyDesignation?: string[];
  /** Recipients under 规范整顿 are excluded. */
  excludeUnderRectification: boolean;
  /** Recipients without 双报到 are excluded. */
  requireMemberReport: boolean;
}

/** One uplift of the base-and-uplifts method, given to recipients holding `designation`. */
export interface Uplift {
  designation: string;
  /** Percent of the base in basis points (30 % → 3000), rounded half up to the 分. */
  percentBp?: number;
  /** A one-time fixed amount in 分 (e.g. the city's award for a city-level 最强党支部). */
  fixedFen?: number;
}

export type AllocationMethod =
  /** (1) A fixed amount per grade. */
  | { kind: 'tiered_grade'; tiers: Partial<Record<Grade, number>> }
  /** (1) A fixed amount per designation; a recipient holding several gets the highest. */
  | { kind: 'tiered_designation'; tiers: Array<{ designation: string; amountFen: number }> }
  /**
   * (2) Proportional to the score above a threshold. With `fenPerPoint` each
   * point above the threshold asks that many 分 (a demand the budget may not
   * cover); without it the whole budget is shared by points above the threshold.
   */
  | { kind: 'proportional'; thresholdHundredths: number; fenPerPoint?: number }
  /** (3) A base amount (一般保障标准) plus uplifts by designation; uplifts add up, they do not compound. */
  | { kind: 'base_uplift'; baseFen: number; uplifts: Uplift[] };

export interface AllocationRules {
  eligibility: EligibilityRules;
  /** Per-recipient cap in 分. */
  capFen?: number;
  /** Per-recipient floor in 分, honoured only when the budget covers every recipient's floor (ADR 0020). */
  floorFen?: number;
  /** Chinese names for designation codes the built-in list does not know. */
  designationLabels?: Record<string, string>;
}

export interface AllocationInput {
  budgetFen: number;
  method: AllocationMethod;
  rules: AllocationRules;
  recipients: Recipient[];
}

export const STEP_CODES = [
  'eligible',
  'ineligible_grade',
  'ineligible_designation',
  'ineligible_rectification',
  'ineligible_member_report',
  'no_tier',
  'no_score',
  'below_threshold',
  'tier',
  'score',
  'base',
  'uplift_percent',
  'uplift_fixed',
  'demand',
  'cap_demand',
  'full',
  'scaled',
  'capped',
  'floored',
  'floor_waived',
  'redistributed',
  'rounding',
  'result',
] as const;
export type StepCode = (typeof STEP_CODES)[number];

/** One step of an amount's explanation: a machine code and a plain Chinese sentence with the numbers in 元. */
export interface Step {
  code: StepCode;
  text: string;
}

export type LineStatus = 'ineligible' | 'no_award' | 'awarded';

export interface AllocationLine {
  id: string;
  name: string;
  status: LineStatus;
  /** What the method asks for this recipient, after the cap; null when the method asks no fixed sum (proportional without a rate). */
  demandFen: number | null;
  amountFen: number;
  steps: Step[];
}

export interface Allocation {
  budgetFen: number;
  /** Sum of demands after caps; null when unbounded (the whole budget is shared). */
  demandFen: number | null;
  /** min(budget, demand): what the amounts sum to, exactly. */
  allocatedFen: number;
  /** Budget left over when demand is smaller. */
  unallocatedFen: number;
  /** Whether the floors were honoured (false when the budget cannot cover them, or when there is no floor). */
  floorsApplied: boolean;
  /** Rounds of redistribution before the amounts were stable. */
  rounds: number;
  /** Lines in input order. */
  lines: AllocationLine[];
  /** Round-level notes (budget against demand, floors waived, redistribution). */
  notes: Step[];
}
