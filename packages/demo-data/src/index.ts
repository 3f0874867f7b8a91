export * from './types.ts';
export * from './generate.ts';
export * from './summary.ts';
export { ALLIANCE_QUOTA, DEMO_TODAY, DISTRICT_QUOTA, ROUTE_QUOTA, buildAlliances, emptyAllianceData } from './alliances.ts';
export { CATEGORY_ALSO_SERVES, PROJECT_QUOTA, TIENAN_ALLIANCE, TIENAN_OPEN_NEEDS, buildLists, emptyListsData, projectWarning } from './lists.ts';
export { loadChifengDivisions, type County, type Township, type Village } from './divisions.ts';
export { rngFrom, stableId, hash128, type Rng } from './prng.ts';
export { DEMO_HISTORY_REQUEST, buildAuditHistory, type DemoAuditRow } from './audit.ts';
// Issue 11: a year of branch organizational life and of joint meetings (take PeopleDemoInput).
export { buildOrgLife, DEMO_ORG_LIFE_STANDARDS, ORG_LIFE_BEHIND_SHARE, type DemoOrgLifeRecord, type DemoOrgLifeStandard } from './org-life.ts';
export { buildMeetings, DECISION_OVERDUE_SHARE, MEETING_MISSED_SHARE, type DemoMeeting, type DemoMeetingDecision } from './meetings.ts';
export { buildPeople, IN_SERVICE_CITY_TOTAL, MEMBER_SHARE, type PeopleDemoData, type PeopleInput } from './people.ts';
export { buildPoints, type DemoAward, type DemoPointEntry, type DemoPointRule, type PointsDemoData } from './points.ts';
export { buildPosts, type DemoPost, type DemoPostClaim, type DemoServiceLog, type PostsDemoData } from './posts.ts';
// Issue 12: the finished assessment year, honours, the county reward round and the alliances' fund ledgers.
export { buildCityRound, buildMerit, CITY_MERIT_TIERS, meritAlliances, meritAudit, MERIT_TABLES, MERIT_THRESHOLDS, MERIT_TIERS, MERIT_YEAR, type MeritDemoData, type MeritInput } from './merit.ts';
