import { newId, openDb } from '@ronghe/core';
import { apiKeyPrefix, hashPassword, randomToken, sha256Hex } from '@ronghe/identity';
import { apiKeys, organizations, roleGrants, users, type AllianceStatus, type Organization, type ProjectStatus, type Role } from '@ronghe/schema';
import { makeAlliance, makeDistrict, makeRoute } from './alliance-factories.ts';
import { makeCategory, makeNeed, makeProject, makeResource } from './list-factories.ts';
import { findTenant } from '@ronghe/tenancy';
import { bindings, worker } from './worker.ts';

export const PASSWORD = 'Test@2026pass';
// A low iteration count keeps factories fast; login reads the count stored per user, so the real path runs.
const hashOnce = hashPassword(PASSWORD, 1000);

export interface TestUser {
  id: string;
  username: string;
  token: string;
}

export interface GrantSpec {
  tenant: string;
  role: Role;
  scopeOrgId?: string | null;
  scopeAllianceId?: string | null;
}

let seq = 0;

/** Creates a staff account with the given grants and logs it in through the real route. */
export async function makeUser(grants: GrantSpec[], opts: { username?: string; displayName?: string; login?: boolean } = {}): Promise<TestUser> {
  const control = openDb(bindings.DB_CONTROL!);
  const now = Date.now();
  const id = newId('usr', now);
  const username = opts.username ?? `user${++seq}_${id.slice(-6)}`;
  const h = await hashOnce;
  await control.batch([
    control.insert(users).values({
      id,
      username,
      displayName: opts.displayName ?? `测试用户${seq}`,
      passwordHash: h.hash,
      passwordSalt: h.salt,
      passwordIterations: h.iterations,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    }),
    ...grants.map((g) =>
      control.insert(roleGrants).values({
        id: newId('grt', now),
        userId: id,
        tenant: g.tenant,
        role: g.role,
        scopeOrgId: g.scopeOrgId ?? null,
        scopeAllianceId: g.scopeAllianceId ?? null,
        createdAt: now,
      }),
    ),
  ] as never);
  if (opts.login === false) return { id, username, token: '' };
  const res = await worker.fetch(
    new Request('http://x/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    }),
  );
  if (res.status !== 200) throw new Error(`login failed for ${username}: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return { id, username, token };
}

/** Inserts an organization straight into a tenant database (bypassing the API, for setup only). */
export async function makeOrg(tenant: string, fields: Partial<Organization> & { parent?: Organization } = {}): Promise<Organization> {
  const def = findTenant(tenant);
  if (!def) throw new Error(`unknown tenant ${tenant}`);
  const db = openDb(bindings[def.binding]!);
  const now = Date.now();
  const id = fields.id ?? newId('org', now);
  const { parent, ...rest } = fields;
  const row: Organization = {
    id,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    name: `测试党组织${++seq}`,
    kind: '党支部',
    domain: '社区',
    divisionCode: null,
    isExternal: false,
    externalRegion: null,
    secretaryName: '王书记',
    secretaryPhone: '13904761234',
    liaisonName: '李联络',
    liaisonPhone: '13804765678',
    memberCount: 20,
    qualityStatus: '未达标',
    weakFlag: false,
    status: 'active',
    deactivatedAt: null,
    deactivationReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...rest,
  };
  await db.insert(organizations).values(row);
  return row;
}

/** A JSON request against the deployable with a bearer token. */
export async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(opts.body);
  }
  return worker.fetch(new Request(`http://x${path}`, { method, headers, body }));
}

/** Row counts of the tables a write could touch, to prove a refused request changed nothing. */
export async function snapshotCounts(tenant: string): Promise<{ orgs: string; keys: string; audit: number; accounts: string; alliances: string }> {
  const def = findTenant(tenant)!;
  const d1 = bindings[def.binding]!;
  const [orgs, keys, audit, alliances] = await d1.batch<{ v: string | number | null }>([
    d1.prepare("SELECT group_concat(id || ':' || version || ':' || status, ',') AS v FROM (SELECT * FROM organizations ORDER BY id)"),
    d1.prepare("SELECT group_concat(id || ':' || version, ',') AS v FROM (SELECT * FROM api_keys ORDER BY id)"),
    d1.prepare('SELECT count(*) AS v FROM audit_log'),
    // Every alliance table: versions and states where rows change, counts where they are only added.
    d1.prepare(
      `SELECT (SELECT group_concat(id || ':' || version || ':' || status, ',') FROM (SELECT * FROM alliances ORDER BY id))
        || '|' || (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || sum(left_on IS NULL) FROM alliance_members)
        || '|' || (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM alliance_documents)
        || '|' || (SELECT count(*) FROM alliance_governance_seats) || '|' || (SELECT count(*) FROM alliance_events)
        || '|' || (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM alliance_adjustments)
        || '|' || (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM filings)
        || '|' || (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM red_routes) || '|' || (SELECT count(*) FROM red_route_stops)
        || '|' || (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM red_districts) || '|' || (SELECT count(*) FROM red_district_items)
        || '|' || (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM list_categories)
        || '|' || (SELECT coalesce(group_concat(id || ':' || version || ':' || status || ':' || committed_qty || ':' || in_delivery_qty || ':' || fulfilled_qty, ','), '') FROM (SELECT * FROM needs ORDER BY id))
        || '|' || (SELECT coalesce(group_concat(id || ':' || version || ':' || status || ':' || allocated_qty, ','), '') FROM (SELECT * FROM resources ORDER BY id))
        || '|' || (SELECT coalesce(group_concat(id || ':' || version || ':' || status || ':' || progress_bp || ':' || warning, ','), '') FROM (SELECT * FROM projects ORDER BY id))
        || '|' || (SELECT count(*) || ':' || coalesce(sum(quantity), 0) || ':' || coalesce(group_concat(state), '') FROM allocations)
        || '|' || (SELECT count(*) || ':' || coalesce(sum(progress_pct), 0) || ':' || coalesce(sum(weight), 0) FROM project_milestones)
        || '|' || (SELECT count(*) || ':' || coalesce(group_concat(status), '') FROM project_claims)
        || '|' || (SELECT count(*) FROM project_notes) || '|' || (SELECT count(*) FROM match_rejections) AS v`,
    ),
  ]);
  // Accounts live in the control database: the grants of this tenant and their users' versions.
  const accounts = await bindings.DB_CONTROL!.prepare(
    "SELECT group_concat(g.user_id || ':' || g.role || ':' || u.version || ':' || u.status, ',') AS v FROM (SELECT * FROM role_grants WHERE tenant = ? ORDER BY id) g JOIN users u ON u.id = g.user_id",
  )
    .bind(tenant)
    .first<{ v: string | null }>();
  return {
    orgs: String(orgs?.results[0]?.v ?? ''),
    keys: String(keys?.results[0]?.v ?? ''),
    audit: Number(audit?.results[0]?.v ?? 0),
    accounts: accounts?.v ?? '',
    alliances: String(alliances?.results[0]?.v ?? ''),
  };
}

/** A live public-API key in a tenant's database. */
export async function makeApiKey(tenant: string, opts: { revoked?: boolean } = {}): Promise<{ id: string; key: string }> {
  const def = findTenant(tenant)!;
  const db = openDb(bindings[def.binding]!);
  const key = randomToken(apiKeyPrefix(tenant));
  const id = newId('key');
  const now = Date.now();
  await db.insert(apiKeys).values({
    id,
    name: '测试密钥',
    prefix: key.slice(0, 20),
    keyHash: await sha256Hex(key),
    createdBy: 'usr_test',
    createdAt: now,
    revokedAt: opts.revoked ? now : null,
  });
  return { id, key };
}

/** The standard target of the cross-cutting suites: a street committee, a branch under it, an API key. */
/**
 * The world a cross-cutting route case aims at: a street committee (parent),
 * an organization under it (org) that leads an alliance in the requested
 * state, a second active alliance, a red route and a district over them.
 */
export async function makeFixture(tenant: string, target: Partial<Organization> = {}, allianceStatus: AllianceStatus = 'active', projectStatus: ProjectStatus = 'in_progress') {
  const parent = await makeOrg(tenant, { kind: '党工委', domain: '街道' });
  const org = await makeOrg(tenant, { parent, ...target });
  const account = await makeUser([{ tenant, role: 'member' }], { login: false });
  const alliance = await makeAlliance(tenant, { lead: org, committee: parent, status: allianceStatus });
  const alliance2 = await makeAlliance(tenant, { lead: parent, committee: parent, status: 'active', members: [org] });
  const route = await makeRoute(tenant, [alliance.alliance.id, alliance2.alliance.id]);
  const district = await makeDistrict(tenant, [alliance.alliance.id], [route.id]);
  // The lists hang off the first alliance: an open need and a resource of the lead, and a project in the state asked for.
  const need = await makeNeed(tenant, alliance);
  const resource = await makeResource(tenant, alliance);
  const project = await makeProject(tenant, alliance, projectStatus);
  const category = await makeCategory(tenant);
  return { tenant, org, parent, apiKey: await makeApiKey(tenant), account, alliance, alliance2, route, district, need, resource, project, category };
}
