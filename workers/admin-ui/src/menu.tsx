import { entryShown, type MenuEntry } from './layout/feature.ts';
import { alliance } from './features/alliance/index.tsx';
import { audit } from './features/audit/index.tsx';
import { city } from './features/city/index.tsx';
import { events } from './features/events/index.tsx';
import { webhooks } from './features/webhooks/index.tsx';
import { identity } from './features/identity/index.tsx';
import { lists } from './features/lists/index.tsx';
import { people } from './features/people/index.tsx';
import { points } from './features/points/index.tsx';
import { pairing } from './features/pairing/index.tsx';
import { registry } from './features/registry/index.tsx';
import { workbench } from './features/workbench/index.tsx';
import { orgLife } from './features/org-life/index.tsx';
import { meetings } from './features/meetings/index.tsx';
import { posts } from './features/posts/index.tsx';
import { activities } from './features/activities/index.tsx';
import { assessment } from './features/assessment/index.tsx';
import { ratings } from './features/ratings/index.tsx';
import { honours } from './features/honours/index.tsx';
import { funds } from './features/funds/index.tsx';
import { rewards } from './features/rewards/index.tsx';
import { screen } from './features/screen/index.tsx';

/** A sidebar group of other features' entries, shown where at least one of them is. */
const group = (head: MenuEntry, children: readonly MenuEntry[]): MenuEntry => ({
  ...head,
  shownIn: (where) => children.some((c) => entryShown(c, where)),
  children,
});

/** The sidebar, top to bottom: each feature's entries where they belong (one line each). */
export const MENU: readonly MenuEntry[] = [
  workbench.menu.workbench,
  // Issue 13: the 数据大屏 of the city or the county, full screen.
  screen.menu.screen,
  registry.menu.orgs,
  alliance.menu.alliances,
  lists.menu.lists,
  // Issue 11: the county's work with its members, one group.
  group(people.menu.group, [
    people.menu.people,
    pairing.menu.pairing,
    posts.menu.posts,
    activities.menu.activities,
    activities.menu.compliance,
    orgLife.menu.orgLife,
    meetings.menu.meetings,
    points.menu.points,
  ]),
  // And a member's own pages, from their phone.
  group(people.menu.myGroup, [
    people.menu.my,
    activities.menu.checkin,
    activities.menu.myActivities,
    posts.menu.myPosts,
    pairing.menu.myReports,
    points.menu.myPoints,
    ratings.menu.myRatings,
  ]),
  // Issue 12 考核评价.
  group(assessment.menu.group, [assessment.menu.schemes, assessment.menu.assessments]),
  // Issue 12: 党支部标准化规范化、最强党支部、示范点.
  honours.menu.honours,
  // Issue 12 经费保障.
  funds.menu.funds,
  // Issue 12 以奖代补.
  rewards.menu.rewards,
  alliance.menu.filings,
  ratings.menu.memberOrg,
  alliance.menu.red,
  audit.menu.audit,
  events.menu.deadLetters,
  city.menu.city,
  city.menu.openData,
  alliance.menu.cityFilings,
  city.menu.rollup,
  identity.menu.accounts,
  identity.menu.apiKeys,
  webhooks.menu.webhooks,
  identity.menu.profile,
];
