// The honours capability (issue 12; seed 004, seed 000 11.2.1): branch standardization, 最强党支部 designations and demonstration sites.
// Named exports only (ADR 0010).
export { applyStandardization } from './standardization/apply.ts';
export { evaluateStandardization } from './standardization/evaluate.ts';
export { decideStandardization } from './standardization/decide.ts';
export { getStandardization, listStandardizations } from './standardization/list.ts';
export { strongestEligibility } from './strongest/eligibility.ts';
export { designateStrongest } from './strongest/designate.ts';
export { revokeStrongest } from './strongest/revoke.ts';
export { listDesignations } from './strongest/list.ts';
export { weakFlagConsumer, weakFlagRevocations, WEAK_FLAG_REASON } from './strongest/weak-flag.ts';
export { STRONGEST_RULES, checkStrongest, membersExcellentEnough } from './strongest/rules.ts';
export { designateDemoSite, listDemoSites, revokeDemoSite } from './demo-sites/designate.ts';
export { honoursEligibility } from './honours-eligibility.ts';
export { honoursOfYear, type HonourRef } from './read.ts';
