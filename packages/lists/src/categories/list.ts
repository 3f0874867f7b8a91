import { asc } from 'drizzle-orm';
import { type Ctx } from '@ronghe/core';
import { listCategories, type CategoryView } from '@ronghe/schema';
import { view } from './rules.ts';

export async function listCategoryViews({ ctx }: { ctx: Ctx }): Promise<CategoryView[]> {
  const rows = await ctx.db.select().from(listCategories).orderBy(asc(listCategories.sortOrder), asc(listCategories.name));
  return rows.map(view);
}
