import { and, eq, isNull, sql, type AnyColumn } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { AppError, auditGuarded, inList, jsonChunks, runGuarded, shanghaiDate, writeBatch, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import { allows, type Action } from '@ronghe/identity';
import { PARTY_SUFFIX } from './places.ts';
import { allianceMembers, alliances, listCategories, needs, organizations, resources, type AllianceStatus, type ListCategory } from '@ronghe/schema';

/** What the lists need to know about an alliance: its name, state and the organizations scopes look at. */
export interface AllianceRef {
  id: string;
  name: string;
  status: AllianceStatus;
  leadOrgId: string;
  committeeOrgId: string;
  committeePath: string;
}

/**
 * What a list row's select carries about its alliance (joined on the alliance and
 * its approving committee), so scope checks need no second read.
 */
export function allianceScopeColumns(committee: { path: AnyColumn }) {
  return {
    allianceName: sql<string>`${alliances.name}`.as('alliance_name'),
    allianceStatus: sql<string>`${alliances.status}`.as('alliance_status'),
    leadOrgId: sql<string>`${alliances.leadOrgId}`.as('lead_org_id'),
    committeeOrgId: sql<string>`${alliances.committeeOrgId}`.as('committee_org_id'),
    committeePath: sql<string>`${committee.path}`.as('committee_path'),
  };
}

export function allianceRefOf(
  allianceId: string,
  r: { allianceName: string; allianceStatus: string; leadOrgId: string; committeeOrgId: string; committeePath: string },
): AllianceRef {
  return { id: allianceId, name: r.allianceName, status: r.allianceStatus as AllianceStatus, leadOrgId: r.leadOrgId, committeeOrgId: r.committeeOrgId, committeePath: r.committeePath };
}

/** Alliances whose lists are open for new needs, resources and projects. */
export const LISTS_OPEN: readonly AllianceStatus[] = ['established', 'active', 'rectifying'];

const committee = alias(organizations, 'committee');

export async function loadAllianceRefs(ctx: Ctx, ids: readonly string[]): Promise<Map<string, AllianceRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .select({
      id: alliances.id,
      name: alliances.name,
      status: alliances.status,
      leadOrgId: alliances.leadOrgId,
      committeeOrgId: alliances.committeeOrgId,
      committeePath: sql<string>`${committee.path}`.as('committee_path'),
    })
    .from(alliances)
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId))
    .where(inList(alliances.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The alliance a request names in its body: a missing one is a field error, not a 404 of the route. */
export async function requireAlliance(ctx: Ctx, id: string, path = 'body.allianceId'): Promise<AllianceRef> {
  const a = (await loadAllianceRefs(ctx, [id])).get(id);
  if (!a) throw new AppError('validation_failed', '党建联合体不存在', { errors: [{ path, message: '党建联合体不存在' }] });
  return a;
}

export function assertListsOpen(a: AllianceRef, path = 'body.allianceId'): void {
  if (!LISTS_OPEN.includes(a.status)) {
    throw new AppError('conflict', `联合体“${a.name}”尚未组建或已撤销，不能登记清单`, {
      errors: [{ path, message: '只有已组建、运行中或整顿中的联合体可以登记需求、资源和项目' }],
    });
  }
}

export function scopeTarget(a: AllianceRef, memberOrgId?: string | null) {
  return { allianceId: a.id, leadOrgId: a.leadOrgId, committeePath: a.committeePath, memberOrgId: memberOrgId ?? undefined };
}

export function mayOn(ctx: Ctx, action: Action, a: AllianceRef, memberOrgId?: string | null): boolean {
  return allows(ctx.actor, action, scopeTarget(a, memberOrgId));
}

/** Current member organizations of an alliance (open membership periods). */
export async function currentMemberIds(ctx: Ctx, allianceId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ orgId: allianceMembers.orgId })
    .from(allianceMembers)
    .where(and(eq(allianceMembers.allianceId, allianceId), isNull(allianceMembers.leftOn)));
  return new Set(rows.map((r) => r.orgId));
}

/** Organizations a scoped user may act for in an alliance: their grants' organizations that are current members. */
export function grantOrgIds(ctx: Ctx): string[] {
  return [...new Set(ctx.actor.grants.map((g) => g.scopeOrgId).filter((x): x is string => !!x))];
}

export function today(ctx: Ctx): string {
  return shanghaiDate(ctx.clock.now());
}

export async function loadCategories(ctx: Ctx): Promise<Map<string, ListCategory>> {
  const rows = await ctx.db.select().from(listCategories);
  return new Map(rows.map((r) => [r.id, r]));
}

export function requireCategory(cats: Map<string, ListCategory>, id: string, path = 'body.categoryId'): ListCategory {
  const c = cats.get(id);
  if (!c) throw new AppError('validation_failed', '类别不存在', { errors: [{ path, message: '类别不存在' }] });
  if (!c.active) throw new AppError('validation_failed', '类别已停用', { errors: [{ path, message: `类别“${c.name}”已停用` }] });
  return c;
}

/**
 * Names of streets and communities from their division codes. The registry's
 * street and community organizations carry those codes, so the names come from
 * the tenant itself (without the party-body suffix: 铁南街道党工委 → 铁南街道).
 */
export async function placeNames(ctx: Ctx, codes: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter((c): c is string => !!c))];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .select({ code: organizations.divisionCode, name: organizations.name })
    .from(organizations)
    .where(inList(organizations.divisionCode, unique))
    .orderBy(organizations.depth);
  const out = new Map<string, string>();
  for (const r of rows) if (r.code && !out.has(r.code)) out.set(r.code, r.name.replace(PARTY_SUFFIX, ''));
  return out;
}

export function placeLabel(names: Map<string, string>, streetCode: string | null, communityCode: string | null): string | null {
  const parts = [streetCode && names.get(streetCode), communityCode && names.get(communityCode)].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

const QUANTITY_CHECK = /CHECK constraint failed: (needs_quantities_within|resources_allocated_within)/;

/**
 * Runs a batch that moves quantities. The version guard turns a stale write
 * into 412; the CHECK constraints on needs and resources turn an over-commit
 * that slipped past the version checks (two accepts on different needs sharing
 * one resource) into 409, and the batch rolls back as a whole either way.
 */
export async function runQuantityGuarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await runGuarded(run);
  } catch (err) {
    const seen = new Set<unknown>();
    for (let e: unknown = err; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
      seen.add(e);
      if (QUANTITY_CHECK.test(String((e as Error).message ?? e))) {
        throw new AppError('conflict', '数量已变化：对接数量超过了需求或资源的剩余数量，请刷新后重试');
      }
    }
    throw err;
  }
}

/** Multi-row INSERT through json_each: one bound parameter per statement, whatever the row count. */
export function insertJson(table: string, rows: Record<string, unknown>[]): Statement[] {
  if (!rows.length) return [];
  const cols = Object.keys(rows[0]!);
  const select = cols.map((_, j) => `json_extract(value, '$[${j}]')`).join(', ');
  // Chunks bounded in rows and bytes: a bound value over 2 MB fails on D1 (400 needs with 2,000-character descriptions would).
  return jsonChunks(rows.map((r) => cols.map((c) => r[c] ?? null))).map((chunk) =>
    sql.raw(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${select} FROM json_each(`).append(sql`${chunk})`),
  );
}


const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
/** A drizzle row object (camelCase properties) as SQL column names, booleans as 0/1, JSON columns as text. */
export const toColumns = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [snake(k), typeof v === 'boolean' ? Number(v) : v !== null && typeof v === 'object' ? JSON.stringify(v) : v]));

/** A category field must name an active category of the tenant. */
export async function categoryErrors(ctx: Ctx, categoryId: string | undefined): Promise<FieldError[]> {
  if (categoryId === undefined) return [];
  try {
    requireCategory(await loadCategories(ctx), categoryId);
    return [];
  } catch (e) {
    if (e instanceof AppError) return [...(e.errors ?? [])];
    throw e;
  }
}

/** Every field problem at once, as one 422. */
export function refuseFields(errors: FieldError[]): void {
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
}

/**
 * An edit of one need or resource: the UPDATE matches only the version the
 * caller read, and the guarded audit row aborts the batch when it did not (412).
 */
export function guardedListUpdate(
  ctx: Ctx,
  table: typeof needs | typeof resources,
  row: { id: string; version: number },
  set: Record<string, unknown>,
  audit: { action: string; entityType: 'need' | 'resource'; before: unknown; after: unknown },
) {
  return runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(table)
        .set({ ...set, version: row.version + 1, updatedAt: ctx.clock.now() } as never)
        .where(and(eq(table.id, row.id), eq(table.version, row.version))),
      auditGuarded(ctx, { action: audit.action, entityType: audit.entityType, entityId: row.id, before: audit.before, after: audit.after }),
    ]),
  );
}
