import { and, eq } from 'drizzle-orm';
import { auditGuarded, auditInsert, conflict, newId, notFound, validation, writeBatch, type Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { orgNamesById, organizationsById } from '@ronghe/registry/read';
import { DESIGNATION_STATUS_LABELS, demoSites, HONOUR_LEVEL_LABELS, type DemoSite, type DemoSiteCreate, type DemoSiteView, type HonourLevel } from '@ronghe/schema';
import { decideOnce, once } from '../shared/guards.ts';

/** 示范点 (seed 000 11.2.1): the county (区级) or the city (市级) designates an alliance or a branch for a year. */
export async function designateDemoSite({ ctx, level, input }: { ctx: Ctx; level: HonourLevel; input: DemoSiteCreate }): Promise<DemoSiteView> {
  if (input.subjectType === 'org') {
    const org = (await organizationsById(ctx, [input.subjectId])).get(input.subjectId);
    if (!org || org.status !== 'active') throw validation([{ path: 'body.subjectId', message: '党组织不存在或已停用' }]);
  } else {
    const a = (await loadAllianceRefs(ctx, [input.subjectId])).get(input.subjectId);
    if (!a || a.status === 'dissolved' || a.status === 'rejected') throw validation([{ path: 'body.subjectId', message: '党建联合体不存在或已撤销' }]);
  }
  const now = ctx.clock.now();
  const row: DemoSite = {
    id: newId('dms', now),
    subjectType: input.subjectType,
    orgId: input.subjectType === 'org' ? input.subjectId : null,
    allianceId: input.subjectType === 'alliance' ? input.subjectId : null,
    level,
    year: input.year,
    status: 'in_force',
    reason: input.reason,
    evidence: input.evidence,
    documentIds: input.documentIds ?? [],
    designatedBy: ctx.actor.userId,
    designatedAt: now,
    revokedReason: null,
    revokedBy: null,
    revokedAt: null,
  };
  await once(/UNIQUE constraint failed: demo_sites/, `该对象已是 ${input.year} 年度${HONOUR_LEVEL_LABELS[level]}示范点`, 'body.subjectId', () =>
    writeBatch(ctx.db, [
      ctx.db.insert(demoSites).values(row),
      auditInsert(ctx, { action: 'demo_site.designate', entityType: 'demo_site', entityId: row.id, after: { subjectType: row.subjectType, subjectId: input.subjectId, level, year: row.year, status: row.status } }),
    ]),
  );
  return (await demoSiteViews(ctx, [row]))[0]!;
}

export async function revokeDemoSite({ ctx, level, id, input }: { ctx: Ctx; level: HonourLevel; id: string; input: { reason: string } }): Promise<DemoSiteView> {
  const site = await loadDemoSite(ctx, id, level);
  if (site.status !== 'in_force') throw conflict('该示范点已撤销');
  const now = ctx.clock.now();
  await decideOnce('该示范点已被他人撤销，请刷新后查看', () =>
    writeBatch(ctx.db, [
      ctx.db
        .update(demoSites)
        .set({ status: 'revoked', revokedReason: input.reason, revokedBy: ctx.actor.userId, revokedAt: now })
        .where(and(eq(demoSites.id, id), eq(demoSites.status, 'in_force'))),
      auditGuarded(ctx, {
        action: 'demo_site.revoke',
        entityType: 'demo_site',
        entityId: id,
        before: { status: 'in_force' },
        after: { status: 'revoked', subjectType: site.subjectType, subjectId: site.orgId ?? site.allianceId, level, year: site.year, reason: input.reason },
      }),
    ]),
  );
  return (await demoSiteViews(ctx, [await loadDemoSite(ctx, id, level)]))[0]!;
}

async function loadDemoSite(ctx: Ctx, id: string, level: HonourLevel): Promise<DemoSite> {
  const [row] = await ctx.db.select().from(demoSites).where(and(eq(demoSites.id, id), eq(demoSites.level, level)));
  if (!row) throw notFound('示范点');
  return row;
}

export async function listDemoSites({ ctx, input }: { ctx: Ctx; input: { year: number } }): Promise<{ items: DemoSiteView[] }> {
  const rows = await ctx.db.select().from(demoSites).where(eq(demoSites.year, input.year)).orderBy(demoSites.status, demoSites.level, demoSites.designatedAt).limit(1000);
  return { items: await demoSiteViews(ctx, rows) };
}

async function demoSiteViews(ctx: Ctx, rows: readonly DemoSite[]): Promise<DemoSiteView[]> {
  const orgIds = rows.flatMap((r) => (r.orgId ? [r.orgId] : []));
  const allianceIds = rows.flatMap((r) => (r.allianceId ? [r.allianceId] : []));
  const [orgs, alliances] = await Promise.all([orgNamesById(ctx, orgIds), loadAllianceRefs(ctx, allianceIds)]);
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id,
    subjectType: r.subjectType,
    subjectId: (r.orgId ?? r.allianceId)!,
    subjectName: (r.orgId ? orgNames.get(r.orgId) : alliances.get(r.allianceId!)?.name) ?? '（已删除）',
    level: r.level,
    levelLabel: HONOUR_LEVEL_LABELS[r.level],
    year: r.year,
    status: r.status,
    statusLabel: DESIGNATION_STATUS_LABELS[r.status],
    reason: r.reason,
    evidence: r.evidence,
    documentIds: r.documentIds,
    designatedAt: r.designatedAt,
    revokedReason: r.revokedReason,
    revokedAt: r.revokedAt,
  }));
}
