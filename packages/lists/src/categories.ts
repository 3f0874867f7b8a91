import { and, asc, eq } from 'drizzle-orm';
import { AppError, auditGuarded, auditInsert, newId, notFound, runGuarded, writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import { listCategories, type CategoryCreateInput, type CategoryUpdateInput, type CategoryView, type ListCategory } from '@ronghe/schema';
import { loadCategories } from './common.ts';

const view = (c: ListCategory): CategoryView => ({ id: c.id, name: c.name, alsoServes: c.alsoServes, sortOrder: c.sortOrder, active: c.active, version: c.version });

export async function listCategoryViews({ ctx }: { ctx: Ctx }): Promise<CategoryView[]> {
  const rows = await ctx.db.select().from(listCategories).orderBy(asc(listCategories.sortOrder), asc(listCategories.name));
  return rows.map(view);
}

function checks(all: Map<string, ListCategory>, selfId: string | null, v: { name?: string; alsoServes?: string[] }): FieldError[] {
  const errors: FieldError[] = [];
  if (v.name !== undefined && [...all.values()].some((c) => c.name === v.name && c.id !== selfId)) errors.push({ path: 'body.name', message: `类别“${v.name}”已存在` });
  for (const [i, id] of (v.alsoServes ?? []).entries()) {
    if (!all.has(id)) errors.push({ path: `body.alsoServes.${i}`, message: '类别不存在' });
    else if (id === selfId) errors.push({ path: `body.alsoServes.${i}`, message: '不能选择类别自身' });
  }
  return errors;
}

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
