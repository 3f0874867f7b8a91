import { and, eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, newId, notFound, validation, writeBatch, type Ctx } from '@ronghe/core';
import { setQualityStatusStatement } from '@ronghe/registry/read';
import { honourDesignations, type DesignateInput, type DesignationView, type HonourDesignation, type HonourLevel } from '@ronghe/schema';
import { decideOnce, once } from '../shared/guards.ts';
import { checkBranch } from './eligibility.ts';
import { qualityOf, touchesRegistry } from './quality.ts';
import { designationViews } from './view.ts';

/**
 * 评定"最强党支部" (seed 004 三(四)): 区级 by the county, 市级 by the city (the route's action says which). Every rule is
 * checked; the first that fails refuses the request by name (problem `rule`, its Chinese sentence; `errors` lists
 * every failing rule). The batch still requires the year's acceptance when it runs (a revocation in between → 409).
 */
export async function designateStrongest({ ctx, level, input }: { ctx: Ctx; level: HonourLevel; input: DesignateInput }): Promise<DesignationView> {
  const c = await checkBranch(ctx, input.orgId, input.year);
  if (!c) throw validation([{ path: 'body.orgId', message: '党支部不存在' }]);
  const failed = c.result.rules.filter((r) => !r.passed);
  if (failed.length) {
    throw new AppError('conflict', failed[0]!.sentence, { errors: failed.map((r) => ({ path: r.code, message: r.sentence })), extra: { rule: failed[0]!.code } });
  }
  const app = c.application!;
  const now = ctx.clock.now();
  const row: HonourDesignation = {
    id: newId('dsg', now),
    orgId: c.org.id,
    year: input.year,
    level,
    status: 'in_force',
    standardizationId: app.id,
    reason: input.reason,
    checks: c.result.rules,
    designatedBy: ctx.actor.userId,
    designatedAt: now,
    revokedReason: null,
    revokedCause: null,
    revokedBy: null,
    revokedAt: null,
  };
  const others = await ctx.db
    .select({ level: honourDesignations.level })
    .from(honourDesignations)
    .where(and(eq(honourDesignations.orgId, c.org.id), eq(honourDesignations.year, input.year), eq(honourDesignations.status, 'in_force')));
  const quality = qualityOf(new Set([level, ...others.map((o) => o.level)]), true);
  await once(/UNIQUE constraint failed: honour_designations/, `该支部 ${input.year} 年度已被评定为${level === 'city' ? '市级' : '区级'}"最强党支部"`, 'body.orgId', () =>
    decideOnce('该支部的标准化规范化评定已被取消，请刷新后重试', () =>
      writeBatch(ctx.db, [
        ctx.db.insert(honourDesignations).values(row),
        auditGuarded(
          ctx,
          { action: 'honour.designate', entityType: 'honour_designation', entityId: row.id, after: { orgId: row.orgId, year: row.year, level, status: row.status } },
          sql`EXISTS (SELECT 1 FROM branch_standardizations WHERE id = ${app.id} AND status = 'accepted')`,
        ),
        ...(touchesRegistry(c.org.qualityYear, input.year) ? [setQualityStatusStatement(ctx, c.org.id, quality.status, input.year, quality.by)] : []),
      ]),
    ),
  );
  const [view] = await designationViews(ctx, [row]);
  if (!view) throw notFound('"最强党支部"评定');
  return view;
}
