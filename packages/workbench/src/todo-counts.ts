import type { TodoCountsView } from '@ronghe/schema';
import { todosFor, type WorkbenchCtx } from './todos.ts';

/**
 * The sidebar's numbers: the to-dos by kind and their total, without the key figures and the
 * unread count the 工作台 page also reads — the menu asks every 30 s on every page, so it asks
 * only for what it draws.
 */
export async function getTodoCounts({ ctx }: { ctx: WorkbenchCtx }): Promise<TodoCountsView> {
  const todos = await todosFor(ctx);
  const byKind: Record<string, number> = {};
  for (const t of todos) byKind[t.kind] = (byKind[t.kind] ?? 0) + t.count;
  return { todoCount: todos.reduce((s, t) => s + t.count, 0), byKind };
}
