import { AppError, auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { listCategories, type CategoryCreateInput, type CategoryView, type ListCategory } from '@ronghe/schema';
import { loadCategories } from './lookup.ts';
import { view, checks } from './rules.ts';

export async function createCategory({ ctx, input }: { ctx: Ctx; input: CategoryCreateInput }): Promise<CategoryView> {
  const all = await loadCategories(ctx);
  const errors = checks(all, null, input);
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const now = ctx.clock.now();
  const row: ListCategory = {
    id: newId('cat', now),
    name: input.name,
    alsoServes: [...new Set(input.alsoServes ?? [])],
    sortOrder: input.sortOrder ?? Math.max(0, ...[...all.values()].map((c) => c.sortOrder)) + 10,
    active: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await writeBatch(ctx.db, [ctx.db.insert(listCategories).values(row), auditInsert(ctx, { action: 'category.create', entityType: 'list_category', entityId: row.id, after: row })]);
  return view(row);
}
