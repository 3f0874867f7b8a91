import type { CostFactor } from '@ronghe/matching';
import type { ListCategory } from '@ronghe/schema';

/**
 * Why a pair was proposed, in words a secretary reads aloud: the category
 * (same, or which compatible category serves which, from the county's table),
 * the place, the deadline against the resource's window, whose resource it is
 * and how busy the offering organization already is. Built from the engine's
 * per-factor labels; the costs behind them stay out of sight.
 */
export function pairReasons(cats: ReadonlyMap<string, ListCategory>, need: { categoryId: string; deadline: string }, resourceCategoryId: string, factors: readonly CostFactor[]): string[] {
  const name = (id: string) => cats.get(id)?.name ?? '未知类别';
  const out: string[] = [
    need.categoryId === resourceCategoryId
      ? `同类：都是“${name(need.categoryId)}”`
      : `兼容类别：“${name(resourceCategoryId)}”可满足“${name(need.categoryId)}”`,
  ];
  for (const f of factors) {
    if (f.factor === 'locality' || f.factor === 'distance') out.push(`地点：${f.label}`);
    else if (f.factor === 'deadline') out.push(`截止日期 ${need.deadline}：${f.label}`);
    else out.push(f.label);
  }
  return out;
}
