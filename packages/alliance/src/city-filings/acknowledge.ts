import { and, eq } from 'drizzle-orm';
import { auditIfChanged, auditInsert, newId, notFound, openDb, validation, writeBatch, type Actor, type Clock, type Statement, type TenantDb } from '@ronghe/core';
import { filings, type CityFilingAcknowledgeInput, type CityFilingView } from '@ronghe/schema';
import { CITY, findTenant, forEachTenant, type TenantDef } from '@ronghe/tenancy';
import { copyStatements, readCopies, type CopiedFiling } from './copy.ts';
import { cityView } from './list.ts';

export interface CityCtx {
  /** The control database (the city's inbox copy and its audit). */
  control: TenantDb;
  /** The worker's bindings: the counties' databases are opened from them. */
  env: Record<string, unknown>;
  actor: Actor;
  clock: Clock;
  requestId: string;
}

/**
 * 市委组织部签收备案 (ADR 0024). The county's filing is the truth, so each
 * county's filings are signed in that county's database first — the change and
 * its audit row (`filing.city_acknowledge`, whose event `filing.city_acknowledged`
 * follows it) in one batch — and only then is the city's copy updated in the
 * control database, with the city's own audit row, in one batch. A failure
 * between the two leaves the county signed and the copy stale until the event
 * reaches the inbox consumer, which re-reads the county's row. Every named
 * filing must exist before anything is written (one unknown id → 404, nothing
 * signed). A county whose write fails is reported, the others stand.
 * Already-signed filings are left as they are and not counted.
 */
export async function acknowledgeCityFilings({ ctx, input }: { ctx: CityCtx; input: CityFilingAcknowledgeInput }) {
  const byTenant = new Map<string, Set<string>>();
  input.items.forEach((it, i) => {
    if (findTenant(it.tenant)?.kind !== 'county') throw validation([{ path: `body.items.${i}.tenant`, message: '旗县区不存在' }]);
    byTenant.set(it.tenant, (byTenant.get(it.tenant) ?? new Set()).add(it.id));
  });
  const tenants = [...byTenant.keys()].map((slug) => findTenant(slug)!);
  // The city acts here as the city: its actor carries the city administrator's grant, whatever the county.
  const actor: Actor = { ...ctx.actor, grants: [{ role: 'city_admin', scopeOrgId: null, scopeAllianceId: null }] };
  const countyCtx = (t: TenantDef, db: TenantDb) => ({ db, tenant: { slug: t.slug, code: t.code, name: t.name, kind: t.kind }, actor, clock: ctx.clock, requestId: ctx.requestId });

  // 1. Read: every filing named must exist in its county.
  const read = await forEachTenant(ctx.env, async (t, d1) => ({ db: openDb(d1), rows: await readCopies(openDb(d1), [...byTenant.get(t.slug)!]) }), { tenants });
  const found = new Map<string, { db: TenantDb; rows: CopiedFiling[] }>();
  for (const r of read) {
    if (!r.ok) throw r.error;
    if (r.value.rows.length !== byTenant.get(r.tenant.slug)!.size) throw notFound('备案');
    found.set(r.tenant.slug, r.value);
  }

  // 2. Sign in each county, one batch per county database.
  const now = ctx.clock.now();
  const signed = await forEachTenant(
    ctx.env,
    async (t) => {
      const { db, rows } = found.get(t.slug)!;
      const unread = rows.filter((f) => f.cityState === 'unread');
      const c = countyCtx(t, db);
      if (unread.length) {
        await writeBatch(
          db,
          unread.flatMap((f) => [
            db
              .update(filings)
              .set({ cityState: 'acknowledged', cityAckAt: now, cityAckBy: actor.displayName, version: f.version + 1 })
              .where(and(eq(filings.id, f.id), eq(filings.cityState, 'unread'))),
            auditIfChanged(c, {
              id: newId('aud', now),
              action: 'filing.city_acknowledge',
              entityType: 'filing',
              entityId: f.id,
              before: { cityState: 'unread' },
              after: { cityState: 'acknowledged' },
            }),
          ]),
        );
      }
      const after = await readCopies(db, rows.map((f) => f.id));
      const wasUnread = new Set(unread.map((f) => f.id));
      return { after, mine: after.filter((f) => wasUnread.has(f.id) && f.cityAckAt === now).map((f) => f.id) };
    },
    { tenants },
  );

  // 3. The city's copy and the city's audit, in the control database, for the counties that signed.
  const controlCtx = { db: ctx.control, tenant: { slug: CITY.slug, code: CITY.code, name: CITY.name, kind: 'city' as const }, actor, clock: ctx.clock, requestId: ctx.requestId };
  const statements: Statement[] = [];
  const items: CityFilingView[] = [];
  let acknowledged = 0;
  for (const s of signed) {
    if (!s.ok) continue;
    statements.push(...copyStatements(s.tenant.slug, s.value.after, now));
    for (const id of s.value.mine) {
      statements.push(
        auditInsert(controlCtx, {
          action: 'city_filing.acknowledge',
          entityType: 'filing',
          entityId: id,
          after: { tenant: CITY.slug, countyName: s.tenant.name, cityState: 'acknowledged' },
        }),
      );
    }
    acknowledged += s.value.mine.length;
    items.push(...s.value.after.map((f) => cityView({ ...f, tenant: s.tenant.slug })));
  }
  try {
    await writeBatch(ctx.control, statements);
  } catch (err) {
    // The counties are signed (the truth); their events will bring the copy up to date (ADR 0024).
    console.error(JSON.stringify({ level: 'error', msg: 'city_filings.copy_failed', requestId: ctx.requestId, error: String((err as Error)?.message ?? err) }));
  }
  const failedCounties = signed.filter((s) => !s.ok).map((s) => ({ tenant: s.tenant.slug, tenantName: s.tenant.name }));
  return { acknowledged, items, failedCounties };
}
