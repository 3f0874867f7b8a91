import type { ApiScope } from '@ronghe/schema';

/**
 * The scope each public-API operation requires, written out by hand from
 * issue 14 § Access and ADR 0026 — NOT read from the routes. The scope
 * matrix (test/api/v1-scopes.test.ts) drives every mounted /v1 operation
 * with a key of each scope and fails on an operation missing here: a new
 * /v1 operation declares its scope in its route (`v1Route({ scope })`) AND
 * here.
 */
export const V1_SCOPES: Record<string, ApiScope> = {
  'GET /v1/orgs': 'orgs:read',
  'GET /v1/orgs/{id}': 'orgs:read',
  'GET /v1/alliances': 'alliances:read',
  'GET /v1/alliances/{id}': 'alliances:read',
  'GET /v1/red-routes': 'alliances:read',
  'GET /v1/needs': 'needs:read',
  'POST /v1/needs': 'needs:write',
  'GET /v1/needs/{id}': 'needs:read',
  'POST /v1/needs/{id}/cancel': 'needs:write',
  'GET /v1/rollup': 'rollup:read',
  'GET /v1/projects': 'projects:read',
  'GET /v1/projects/{id}': 'projects:read',
  'GET /v1/activities': 'activities:read',
  'GET /v1/activities/{id}': 'activities:read',
  'GET /v1/red-districts': 'alliances:read',
};
