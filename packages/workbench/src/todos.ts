import { allianceAdminTodos, allianceFigures, alliancesApprovedBy, alliancesLedBy, alliancesWithMembers, committeeOrgIdsInUse, countyAllianceTodos, liaisonAllianceTodos, reviewerTodos } from '@ronghe/alliance/read';
import type { Actor, Ctx } from '@ronghe/core';
import { allianceQuotaTodos } from '@ronghe/activities/read';
import { allianceAdminListTodos, countyListTodos, liaisonListTodos, listFigures } from '@ronghe/lists/read';
import { liaisonOrgTodos, orgsWithin } from '@ronghe/registry/read';
import type { KeyFigures, TodoItemView, WorkbenchView } from '@ronghe/schema';
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
export async function todosFor(ctx: Ctx, scope: ScopeLookups = scopeLookups(ctx)): Promise<TodoItemView[]> {
  const r = scope.r;
  const parts: Array<Promise<TodoItemView[]>> = [];
  if (r.county) parts.push(countyAllianceTodos(ctx), countyListTodos(ctx));
  if (r.reviewerOrgIds.length) {
    // Decisions belong to the approving committee's own reviewer (seed 000 8.3): no to-dos from the committees beneath.
    parts.push(reviewerTodos(ctx, r.reviewerOrgIds));
  }
  if (r.lead.leadOrgIds.length || r.lead.allianceIds.length) {
    parts.push(allianceAdminTodos(ctx, r.lead), (async () => allianceAdminListTodos(ctx, await scope.led()))());
    // Issue 11: the yearly activity quota an alliance has fallen behind on (shown only when there is one).
    parts.push((async () => allianceQuotaTodos(ctx, await scope.led()))());
  }
  if (r.liaisonOrgIds.length) parts.push(liaisonOrgTodos(ctx, r.liaisonOrgIds), liaisonAllianceTodos(ctx, r.liaisonOrgIds), liaisonListTodos(ctx, r.liaisonOrgIds));
  return (await Promise.all(parts)).flat();
}

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

export async function keyFigures(ctx: Ctx, lookups: ScopeLookups = scopeLookups(ctx)): Promise<KeyFigures> {
  const scope = await figureScope(ctx, lookups);
  const [alliancesByStatus, lists] = await Promise.all([allianceFigures(ctx, scope), listFigures(ctx, scope)]);
  return { scope: scope === null ? 'tenant' : 'alliances', alliancesByStatus, ...lists };
}

/** GET /workbench: the actor's to-dos, its unread messages and the key figures of its scope. */
export async function getWorkbench({ ctx }: { ctx: Ctx }): Promise<WorkbenchView> {
  const lookups = scopeLookups(ctx);
  const [todos, unread, figures] = await Promise.all([todosFor(ctx, lookups), unreadCount(ctx), keyFigures(ctx, lookups)]);
  return { todos, todoCount: todos.reduce((s, t) => s + t.count, 0), unread, figures };
}
