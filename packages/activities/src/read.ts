// What other capabilities may read of the activities capability (ADR 0010).

// ── Branch organizational life (lane: org-life) ─────────────────────────────
// A branch's compliance with the standard frequencies for a year, on today's date
// (branch standardization, the next issue, reads it as evidence).
export { orgLifeBehind, orgLifeCompliance } from './org-life/compliance-get.ts';
export { DEFAULT_STANDARDS, periodsDue, type KindCompliance, type Standard } from './org-life/rules.ts';

// ── Joint meetings and decisions (lane: meetings) ───────────────────────────
// The 工作台's 待办: open decisions due soon (yellow) or overdue and escalated (red), by owner organization or alliance.
export { decisionWarnings, meetingNoticeFacts, type OpenDecision } from './meetings/todos.ts';
export { decisionWarning, type DecisionWarning } from './meetings/warning.ts';
// ── Activities, quota plans and check-in (lane: activities) ─────────────────
export { allianceQuotaTodos } from './quotas/todos.ts';
// The annual alliance assessment (issue 12): quota compliance and joint meetings held in a year.
export { meetingQuarters, quotaFigures } from './quotas/figures.ts';

// The city's rollup (issue 13): the activities' figures.
export { activitiesRollup } from './rollup.ts';

// The public API (issue 14, ADR 0029): activities' public summaries.
export { getPublicActivity, listPublicActivities } from './activities/public.ts';
