import type { Tenant } from '../../api/types.ts';

/**
 * Who may open which 数据大屏 (what to show; the rollup's GETs decide): the city's administrator the city's,
 * a county's own staff (not a read-only visitor, not a member only) the county's.
 */
export function screenAllowed(t: Tenant | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'city') return t.roles.includes('city_admin');
  return !t.readOnly && t.roles.some((r) => r !== 'member');
}
