import { sql } from 'drizzle-orm';
import { AppError, auditGuarded, isStaleGuardError, writeBatch, type Ctx } from '@ronghe/core';
import { indicatorSchemes, type SchemeView } from '@ronghe/schema';
import { requireDraft } from './rules.ts';
import { requireScheme, schemeView } from './view.ts';

/** Publishes a draft: from now on assessments may use it, and it is no longer edited. */
export async function publishScheme({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<SchemeView> {
  const { scheme, indicators } = await requireScheme(ctx, input.id);
  requireDraft(scheme, '再次发布');
  const now = ctx.clock.now();
  const next = { ...scheme, status: 'published' as const, updatedAt: now, rowVersion: scheme.rowVersion + 1 };
  try {
    await writeBatch(ctx.db, [
      ctx.db
        .update(indicatorSchemes)
        .set({ status: 'published', updatedAt: now, rowVersion: next.rowVersion })
        .where(sql`${indicatorSchemes.id} = ${scheme.id} AND ${indicatorSchemes.status} = 'draft'`),
      auditGuarded(ctx, { action: 'assessment.scheme_publish', entityType: 'indicator_scheme', entityId: scheme.id, before: { status: scheme.status }, after: { status: 'published' } }),
    ]);
  } catch (err) {
    if (isStaleGuardError(err)) throw new AppError('conflict', '指标体系已被他人发布或修改，请刷新后重试');
    throw err;
  }
  return schemeView(next, indicators);
}
