import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, notFound, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { listCategories, type CategoryUpdateInput, type CategoryView } from '@ronghe/schema';
import { loadCategories } from './lookup.ts';
import { view, checks } from './rules.ts';

export async function updateCategory({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: CategoryUpdateInput } }): Promise<CategoryView> {
  const all = await loadCategories(ctx);
  const c = all.get(input.id);
  if (!c) throw notFound('类别');
  if (c.version !== input.expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  const errors = checks(all, c.id, input.patch);
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const patch = { ...input.patch, ...(input.patch.alsoServes ? { alsoServes: [...new Set(input.patch.alsoServes)] } : {}) };
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(listCategories)
        .set({ ...patch, version: c.version + 1, updatedAt: ctx.clock.now() })
        .where(and(eq(listCategories.id, c.id), eq(listCategories.version, c.version))),
      auditGuarded(ctx, { action: 'category.update', entityType: 'list_category', entityId: c.id, before: view(c), after: patch }),
    ]),
  );
  return view({ ...c, ...patch, version: c.version + 1 });
}
