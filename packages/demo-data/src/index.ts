export * from './types.ts';
export * from './generate.ts';
export * from './summary.ts';
export { ALLIANCE_QUOTA, DEMO_TODAY, DISTRICT_QUOTA, ROUTE_QUOTA, buildAlliances, emptyAllianceData } from './alliances.ts';
export { CATEGORY_ALSO_SERVES, PROJECT_QUOTA, TIENAN_ALLIANCE, TIENAN_OPEN_NEEDS, buildLists, emptyListsData, projectWarning } from './lists.ts';
export { loadChifengDivisions, type County, type Township, type Village } from './divisions.ts';
export { rngFrom, stableId, hash128, type Rng } from './prng.ts';
export { DEMO_HISTORY_REQUEST, buildAuditHistory, type DemoAuditRow } from './audit.ts';
export { buildPosts, type DemoPost, type DemoPostClaim, type DemoServiceLog, type PostsDemoData } from './posts.ts';
