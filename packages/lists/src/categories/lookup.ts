import { AppError, type Ctx, type FieldError } from '@ronghe/core';
import { listCategories, type ListCategory } from '@ronghe/schema';

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
