import { allianceAdminTodos, allianceFigures, alliancesApprovedBy, alliancesLedBy, alliancesWithMembers, cityFilingTodos, committeeOrgIdsInUse, countyAllianceTodos, liaisonAllianceTodos, reviewerTodos } from '@ronghe/alliance/read';
import type { Actor, Ctx, TenantDb } from '@ronghe/core';
import { allianceQuotaTodos, decisionWarnings, orgLifeBehind, type OpenDecision } from '@ronghe/activities/read';
import { allianceAdminListTodos, countyListTodos, liaisonListTodos, listFigures } from '@ronghe/lists/read';
import { pairingTodoCounts } from '@ronghe/people/read';
import { liaisonOrgTodos, orgsWithin } from '@ronghe/registry/read';
import { shanghaiDate } from '@ronghe/core';
import { readCityRollup } from '@ronghe/rollup/read';
import { ALLIANCE_STATUSES, ORG_LIFE_KIND_LABELS, type CityKeyFigures, type KeyFigures, type TodoItemView, type WorkbenchView } from '@ronghe/schema';
import { unreadCount } from './inbox.ts';

/** What an actor's grants make it responsible for in this tenant, by role. */
export interface Responsibilities {
  county: boolean;
  /** Organizations a reviewer's grant names (its committee). */
  reviewerOrgIds: string[];
  /** Lead organizations (and alliances named directly) an alliance secretary runs. */
  lead: { leadOrgIds: string[]; allianceIds: string[] };
  /** Member organizations a liaison speaks for. */
  liaisonOrgIds: string[];
  /** Roles that read the whole county (the administrators, the city reading, a member). */
  countyWideFigures: boolean;
}

const uniq = (xs: Array<string | null>) => [...new Set(xs.filter((x): x is string => !!x))];

export function responsibilities(actor: Actor): Responsibilities {
  const g = actor.grants;
  const of = (role: string) => g.filter((x) => x.role === role);
  return {
    county: g.some((x) => x.role === 'county_admin'),
    reviewerOrgIds: uniq(of('committee_reviewer').map((x) => x.scopeOrgId)),
    lead: { leadOrgIds: uniq(of('alliance_admin').map((x) => x.scopeOrgId)), allianceIds: uniq(of('alliance_admin').map((x) => x.scopeAllianceId)) },
    liaisonOrgIds: uniq(of('org_liaison').map((x) => x.scopeOrgId)),
    countyWideFigures: g.some((x) => x.role === 'county_admin' || x.role === 'city_admin' || x.role === 'member'),
  };
}

/**
 * 待办, derived from the current state for each role the actor holds here:
 * the county administrator, the approving committee's reviewer, the lead's
 * secretary, a member's liaison. A member (党员) and the city administrator
 * reading a county have nothing to decide in it: no to-dos.
 */
export async function todosFor(ctx: WorkbenchCtx, scope: ScopeLookups = scopeLookups(ctx)): Promise<TodoItemView[]> {
  const r = scope.r;
  const parts: Array<Promise<TodoItemView[]>> = [];
  if (r.county) {
    // In the city's own tenant the administrator holds the county administrator's powers (effectiveGrants),
    // but the county's cards would count nothing there: it holds no alliances, lists or communities (its
    // organs pair with communities in the counties), and they would lead to pages its menu does not have.
    // The 市委组织部's own to-do is every county's filings, which it signs in 全市备案.
    if (ctx.tenant.kind === 'city') parts.push(cityFilingTodos(ctx.control, ctx.tenant.slug));
    else parts.push(countyAllianceTodos(ctx), countyListTodos(ctx), countyPairingTodos(ctx));
  }
  if (r.reviewerOrgIds.length) {
    // Decisions belong to the approving committee's own reviewer (seed 000 8.3): no to-dos from the committees beneath.
    parts.push(reviewerTodos(ctx, r.reviewerOrgIds));
    // Issue 11b: joint-meeting decisions overdue (escalated) in the alliances its committee approved; branches beneath it behind on organizational life.
    parts.push((async () => decisionTodos(ctx, 'committee_reviewer', { allianceIds: await alliancesApprovedBy(ctx, r.reviewerOrgIds) }, 'escalated'))());
    parts.push(orgLifeTodos(ctx, 'committee_reviewer', { underOrgIds: r.reviewerOrgIds }));
  }
  if (r.lead.leadOrgIds.length || r.lead.allianceIds.length) {
    parts.push(allianceAdminTodos(ctx, r.lead), (async () => allianceAdminListTodos(ctx, await scope.led()))());
    // Issue 11: the yearly activity quota an alliance has fallen behind on or is at risk of missing (shown only when there is one).
    parts.push((async () => allianceQuotaTodos(ctx, await scope.led()))());
    // Issue 11b: its alliances' joint-meeting decisions due soon or overdue.
    parts.push((async () => decisionTodos(ctx, 'alliance_admin', { allianceIds: await scope.led() }, 'due'))());
  }
  if (r.liaisonOrgIds.length) {
    parts.push(liaisonOrgTodos(ctx, r.liaisonOrgIds), liaisonAllianceTodos(ctx, r.liaisonOrgIds), liaisonListTodos(ctx, r.liaisonOrgIds));
    // Issue 11b: decisions its organization owns, due soon or overdue; its branch behind on organizational life.
    parts.push(decisionTodos(ctx, 'org_liaison', { ownerOrgIds: r.liaisonOrgIds }, 'due'), orgLifeTodos(ctx, 'org_liaison', { orgIds: r.liaisonOrgIds }));
  }
  return (await Promise.all(parts)).flat();
}

/** The 工作台 also reads the control database: in the city's tenant, the city's copy of the counties' filings. */
export type WorkbenchCtx = Ctx & { control: TenantDb };

/**
 * The lookups both the to-dos and the figures need (the reviewer's committees, the lead's
 * alliances), each run at most once per request: every D1 call is a round trip.
 */
export interface ScopeLookups {
  r: Responsibilities;
  committees: () => Promise<string[]>;
  led: () => Promise<string[]>;
}

export function scopeLookups(ctx: Ctx): ScopeLookups {
  const r = responsibilities(ctx.actor);
  const once = <T>(f: () => Promise<T>) => {
    let p: Promise<T> | undefined;
    return () => (p ??= f());
  };
  return {
    r,
    committees: once(async () => (r.reviewerOrgIds.length ? orgsWithin(ctx, await committeeOrgIdsInUse(ctx), r.reviewerOrgIds) : [])),
    led: once(() => alliancesLedBy(ctx, r.lead)),
  };
}

/** The alliances whose figures the actor's 工作台 shows: null for the whole county. */
export async function figureScope(ctx: Ctx, scope: ScopeLookups = scopeLookups(ctx)): Promise<string[] | null> {
  const r = scope.r;
  if (r.countyWideFigures) return null;
  const committees = await scope.committees();
  const [approved, led, member] = await Promise.all([alliancesApprovedBy(ctx, committees), scope.led(), alliancesWithMembers(ctx, r.liaisonOrgIds)]);
  return [...new Set([...approved, ...led, ...member])];
}

export async function keyFigures(ctx: WorkbenchCtx, lookups: ScopeLookups = scopeLookups(ctx)): Promise<KeyFigures | CityKeyFigures> {
  if (ctx.tenant.kind === 'city') return cityFigures(ctx);
  const scope = await figureScope(ctx, lookups);
  const [alliancesByStatus, lists] = await Promise.all([allianceFigures(ctx, scope), listFigures(ctx, scope)]);
  return { scope: scope === null ? 'tenant' : 'alliances', alliancesByStatus, ...lists };
}

/**
 * The city's own tenant holds no alliances or lists: its 工作台 shows every county's, as the city rollup
 * sums them for 全市概况 (one query of the control database, @ronghe/rollup/read).
 */
async function cityFigures(ctx: WorkbenchCtx): Promise<CityKeyFigures> {
  const rollup = await readCityRollup(ctx.control.$client, { now: ctx.clock.now() });
  const byStatus = rollup.city.alliances.byStatus;
  const withFigures = rollup.counties.filter((c) => c.figures !== null);
  return {
    scope: 'city',
    asOf: rollup.asOf,
    counties: withFigures.length,
    staleCounties: rollup.counties.filter((c) => c.stale).length,
    alliancesByStatus: Object.fromEntries(ALLIANCE_STATUSES.map((s) => [s, byStatus[s] ?? 0])) as CityKeyFigures['alliancesByStatus'],
    needs: { open: rollup.city.needs.open, met: rollup.city.needs.met },
    projects: { open: rollup.city.projects.open, overdue: rollup.city.projects.overdue, completed: rollup.city.projects.completed },
  };
}

/** GET /workbench: the actor's to-dos, its unread messages and the key figures of its scope. */
export async function getWorkbench({ ctx }: { ctx: WorkbenchCtx }): Promise<WorkbenchView> {
  const lookups = scopeLookups(ctx);
  const [todos, unread, figures] = await Promise.all([todosFor(ctx, lookups), unreadCount(ctx), keyFigures(ctx, lookups)]);
  return { todos, todoCount: todos.reduce((s, t) => s + t.count, 0), unread, figures };
}

// ── Issue 11b: reminders from activities and people, each card shown only when it counts something ──

const SAMPLE = 10;

/**
 * Joint-meeting decisions still open: `due` — those due within 7 days (yellow) and those overdue
 * (red), for whoever completes or supervises them (the owner's liaison, the lead's secretary);
 * `escalated` — the overdue ones alone, for the approving committee they were escalated to.
 */
async function decisionTodos(ctx: Ctx, role: string, scope: { ownerOrgIds?: readonly string[]; allianceIds?: readonly string[] }, which: 'due' | 'escalated'): Promise<TodoItemView[]> {
  const { yellow, red, overdue, dueSoon } = await decisionWarnings(ctx, scope, SAMPLE);
  // The card opens the page's 决定事项督办 tab on the decisions it counts, not the meeting records.
  const linkTo = (status: 'overdue' | 'open') => `/t/${ctx.tenant.slug}/meetings?tab=decisions&status=${status}`;
  // Each card names its decisions, as the other cards name theirs: a count alone says nothing of which.
  const card = (kind: string, title: string, count: number, listed: OpenDecision[], link: string, note: (d: OpenDecision) => string): TodoItemView[] =>
    count ? [{ kind, role, title, count, link, items: listed.map((d) => ({ id: d.id, label: d.content, link, note: note(d) })) }] : [];
  const late = (d: OpenDecision) => `已超过办结期限（${d.dueOn}）`;
  if (which === 'escalated') return card('meeting.decision_escalated', '联席会议决定事项逾期未办结（已上报）', red, overdue, linkTo('overdue'), late);
  return [
    ...card('meeting.decision_overdue', '联席会议决定事项已逾期', red, overdue, linkTo('overdue'), late),
    ...card('meeting.decision_due_soon', '联席会议决定事项即将到期', yellow, dueSoon, linkTo('open'), (d) => `办结期限 ${d.dueOn}`),
  ];
}

/** Branches behind on organizational life this year: a liaison's own, or those under a reviewer's committee. */
async function orgLifeTodos(ctx: Ctx, role: string, scope: { orgIds?: readonly string[]; underOrgIds?: readonly string[] }): Promise<TodoItemView[]> {
  const behind = await orgLifeBehind(ctx, scope);
  if (!behind.length) return [];
  // 达标情况, which opens on the branches behind: not the records, where none of them is marked.
  const link = `/t/${ctx.tenant.slug}/org-life?tab=compliance`;
  return [
    {
      kind: 'org_life.behind',
      role,
      title: '支部组织生活未按规定开展',
      count: behind.length,
      link,
      items: behind.slice(0, SAMPLE).map((b) => ({
        id: b.orgId,
        label: b.orgName,
        link,
        note: `未达标：${b.kinds.filter((k) => k.status === 'behind').map((k) => ORG_LIFE_KIND_LABELS[k.kind]).join('、')}`,
      })),
    },
  ];
}

/** The county's 双报到 this year: in-service members who have not reported to a community, organs (机关) not paired. */
async function countyPairingTodos(ctx: Ctx): Promise<TodoItemView[]> {
  const year = Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
  const { membersUnreported, orgsUnpaired } = await pairingTodoCounts(ctx, year);
  const t = `/t/${ctx.tenant.slug}/pairing`;
  return [
    ...(membersUnreported ? [{ kind: 'pairing.members_unreported', role: 'county_admin', title: '在职党员未到社区报到', count: membersUnreported, link: `${t}?tab=compliance`, items: [] }] : []),
    ...(orgsUnpaired ? [{ kind: 'pairing.orgs_unpaired', role: 'county_admin', title: '机关单位未与社区结对', count: orgsUnpaired, link: `${t}?tab=compliance`, items: [] }] : []),
  ];
}
