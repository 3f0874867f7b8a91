// What other capabilities may read of the three lists (ADR 0010). The lists
// capability owns `needs`, `resources`, `list_categories`, `match_rejections`,
// `allocations`, `projects` and `project_*`; another capability that needs a
// fact about them asks here (and this file grows a function), never the tables.
//
// Today nobody outside reads the lists; what is here is the vocabulary a
// reader needs to interpret a need, a resource or a project state.
export { needStatusOf, remainingOf } from './needs/status.ts';
export { residentProgressOf } from './needs/resident.ts';
export { resourceStatusOf } from './resources/status.ts';
export { FINAL_PROJECT, OPEN_PROJECT } from './projects/state-machine.ts';
// Every need matching a filter (e.g. of a set of alliances), unpaged and capped: for
// a reader that needs the whole set, such as a rollup; any number of ids binds as one value.
export { allNeeds } from './needs/list.ts';
// What waits for someone in this capability (the 工作台's 待办, issue 9 §3), derived from current state.
export { allianceAdminListTodos, countyListTodos, liaisonListTodos, listFigures } from './todos.ts';
// A project's and a claim's current facts, for a reader that got only their ids (an event's consumer).
export { claimOrgId, projectFacts, type ProjectFacts } from './projects/facts.ts';
// The 督办 vocabulary other supervised things reuse (issue 11: joint meetings' decisions warn and escalate as projects do).
export { DUE_SOON_DAYS, daysBetween } from './projects/warnings.ts';
// The annual alliance assessment (issue 12) counts projects on time, needs met and overdue items.
export { allianceListFigures, type AllianceListFigures } from './assessment/figures.ts';
// The funds capability reconciles an alliance's spending against its projects' budgets.
export { allianceProjectBudgets } from './projects/budgets.ts';

// The city's rollup (issue 13): the lists' figures and the drill-down's per-alliance counts.
export { allianceListSummariesStatement, listsRollup } from './rollup.ts';

// The public API (issue 14, ADR 0029): projects and their progress as third parties see them.
export { getPublicProject, listPublicProjects } from './projects/public.ts';
