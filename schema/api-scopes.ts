/**
 * What a public-API key may do (issue 14, ADR 0026). Scopes are data: every
 * `/v1` operation declares one (`x-scope`), a key holds at least one, and the
 * admin UI shows the Chinese label. `rollup:read` (the city-wide rollup) is
 * for keys of the city tenant only; the city issues read keys only.
 */
export const API_SCOPES = ['orgs:read', 'alliances:read', 'projects:read', 'activities:read', 'needs:read', 'needs:write', 'rollup:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  'orgs:read': '读取党组织目录',
  'alliances:read': '读取党建联合体与红色风景线',
  'projects:read': '读取项目及进展',
  'activities:read': '读取活动概况',
  'needs:read': '读取需求清单',
  'needs:write': '提交群众点单',
  'rollup:read': '读取全市汇总',
};

/** Scopes a key of a county may hold: everything but the city-wide rollup. */
export const COUNTY_API_SCOPES: readonly ApiScope[] = API_SCOPES.filter((s) => s !== 'rollup:read');
/** Scopes a key of the city tenant may hold: reads only, the rollup among them. */
export const CITY_API_SCOPES: readonly ApiScope[] = API_SCOPES.filter((s) => s.endsWith(':read'));

/** Scopes keys issued before scopes existed hold (the migration's default): what they could do then. */
export const LEGACY_API_SCOPES: readonly ApiScope[] = COUNTY_API_SCOPES;

export function apiScopesFor(kind: 'county' | 'city'): readonly ApiScope[] {
  return kind === 'city' ? CITY_API_SCOPES : COUNTY_API_SCOPES;
}
