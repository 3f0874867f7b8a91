import type { Tenant } from '../../api/types.ts';

/**
 * Who may open which 数据大屏: whoever the server lets read its rollup, as `GET /tenants` reports it
 * (`city.rollup` in the city, `rollup.read` in a county), not a second list of roles that could
 * drift from the matrix and offer a wall of refusals. A county seen read-only from the city is left
 * to the city's own screen, which holds every county.
 */
export function screenAllowed(t: Pick<Tenant, 'kind' | 'readOnly' | 'actions'> | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'city') return t.actions.includes('city.rollup');
  return !t.readOnly && t.actions.includes('rollup.read');
}
