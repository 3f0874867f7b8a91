import { notFound, type Ctx } from '@ronghe/core';
import { orgNamesById } from '@ronghe/registry/read';
import { DESIGNATION_STATUS_LABELS, HONOUR_LEVEL_LABELS, honourDesignations, type DesignationView, type HonourDesignation, type HonourLevel } from '@ronghe/schema';
import { and, eq } from 'drizzle-orm';

/** A designation of this level (another level's id is not found through this level's routes). */
export async function loadDesignation(ctx: Ctx, id: string, level: HonourLevel): Promise<HonourDesignation> {
  const [row] = await ctx.db.select().from(honourDesignations).where(and(eq(honourDesignations.id, id), eq(honourDesignations.level, level)));
  if (!row) throw notFound('"最强党支部"评定');
  return row;
}

export async function designationViews(ctx: Ctx, rows: readonly HonourDesignation[]): Promise<DesignationView[]> {
  const names = new Map((await orgNamesById(ctx, [...new Set(rows.map((r) => r.orgId))])).map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '（已删除的组织）',
    year: r.year,
    level: r.level,
    levelLabel: HONOUR_LEVEL_LABELS[r.level],
    status: r.status,
    statusLabel: DESIGNATION_STATUS_LABELS[r.status],
    reason: r.reason,
    checks: r.checks,
    designatedAt: r.designatedAt,
    revokedReason: r.revokedReason,
    revokedCause: r.revokedCause,
    revokedAt: r.revokedAt,
  }));
}
