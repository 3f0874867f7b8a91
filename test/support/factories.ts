import { newId, openDb, pinyinSortKey } from '@ronghe/core';
import { apiKeyPrefix, hashPassword, randomToken, sha256Hex } from '@ronghe/identity';
import { apiKeys, apiScopesFor, organizations, roleGrants, users, type AllianceStatus, type ApiScope, type Organization, type ProjectStatus, type Role } from '@ronghe/schema';
import { makeAlliance, makeDistrict, makeRoute } from './alliance-factories.ts';
import { makeCategory, makeNeed, makeProject, makeResource } from './list-factories.ts';
import { findTenant } from '@ronghe/tenancy';
import { makeNotification } from './workbench-factories.ts';
import { makeOrgLifeFixture } from './orglife-factories.ts';
import { makePerson } from './people-factories.ts';
import { makePointEntry, makePointsPerson } from './points-factories.ts';
import { makePairing } from './pairing-factories.ts';
import { makeActivity, makeActivityPhoto } from './activity-factories.ts';
import { bindings, worker } from './worker.ts';
import { makeHonoursFixture } from './honours-factories.ts';
import { makePostFixture } from './post-factories.ts';
import { makeOpenAssessment, makeScheme } from './assessment-factories.ts';
import { makeAssessment, makeRatingLink } from './assessment-factories.ts';
import { makeFundEntry, setContributionBps } from './funds-factories.ts';
import { makeRewardsFixture } from './reward-round-factories.ts';
import { makeWebhookFixture } from './webhook-factories.ts';

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
      sortKey: pinyinSortKey(opts.displayName ?? `测试用户${seq}`),
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
    qualityYear: null,
    qualityDesignatedBy: null,
    weakFlag: false,
    status: 'active',
    deactivatedAt: null,
    deactivationReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...rest,
    sortKey: '',
  };
  // As the write path does (ADR 0018): the sort key follows the name.
  row.sortKey = pinyinSortKey(row.name);
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

/** One table of a snapshot: how many rows it holds and a hash of every column of every row, in rowid order. */
export interface TableHash {
  rows: number;
  hash: string;
}

/** Table name → its hash; control-database parts are keyed `control.<table>`. */
export type TenantSnapshot = Record<string, TableHash>;

/**
 * Tables of a tenant database that no request writes, left out of the
 * snapshot on purpose; every other table is hashed, including tables a later
 * migration adds.
 */
export const SNAPSHOT_EXCLUDED_TABLES: ReadonlyArray<{ name: RegExp; why: string }> = [
  { name: /^sqlite_/, why: "SQLite's own bookkeeping (sqlite_sequence, sqlite_stat1): the engine rewrites it, and D1 refuses to read it" },
  { name: /^_cf_/, why: "D1's internal metadata (_cf_KV, _cf_METADATA): unreadable from a query, never written by the application" },
  { name: /^d1_migrations$/, why: 'the ledger of applied migrations, written once by applyD1Migrations before any test runs' },
  {
    name: /^(outbox|consumed_events|dead_letters)$/,
    why: 'delivery bookkeeping of domain events, updated in the background (the relay marks rows sent, consumers record what they processed and what failed); a replay of a dead letter writes its audit row, and an outbox row is only ever written with its audit row, which is hashed, and test/api/audit-every-write.test.ts checks each write\'s event',
  },
  {
    name: /^data_versions$/,
    why: 'change counts (ADR 0034) moved by triggers in the statement of every write to a counted table: derived from the base tables like the name indexes below, and a write shows in its base table, which is hashed',
  },
  {
    name: /_fts(_data|_idx|_docsize|_config)?$/,
    why: "the name indexes (ADR 0014) and their FTS5 storage: derived from their base tables by triggers, like the SQL indexes the snapshot does not read either",
  },
];

async function hashRows(rows: Array<Record<string, unknown>>): Promise<TableHash> {
  // The column names, then each row's values in column order, as JSON: NULL, 0, '' and 'null' all
  // stay distinct, and an empty table hashes to a fixed value instead of blanking anything else.
  const text = JSON.stringify([Object.keys(rows[0] ?? {}), ...rows.map((r) => Object.values(r))]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return { rows: rows.length, hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') };
}

/**
 * Everything a request could have changed in a tenant: every column of every
 * row of every table of its database (ordered by rowid, so a rewrite in a
 * different order shows too), and in the control database the tenant's role
 * grants, the accounts holding them and the audit rows by or about those
 * accounts. Two snapshots are equal only if nothing was written.
 */
export async function snapshotTenant(tenant: string): Promise<TenantSnapshot> {
  const def = findTenant(tenant);
  if (!def) throw new Error(`unknown tenant ${tenant}`);
  const d1 = bindings[def.binding]!;
  const tables = (await d1.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all<{ name: string }>()).results
    .map((r) => r.name)
    .filter((name) => !SNAPSHOT_EXCLUDED_TABLES.some((x) => x.name.test(name)));
  // One query per table in a single batch: about 25 statements, far below D1's per-invocation limit.
  const results = await d1.batch<Record<string, unknown>>(tables.map((t) => d1.prepare(`SELECT * FROM "${t}" ORDER BY rowid`)));
  const out: TenantSnapshot = {};
  for (const [i, t] of tables.entries()) out[t] = await hashRows(results[i]!.results);

  const control = bindings.DB_CONTROL!;
  const mine = 'SELECT user_id FROM role_grants WHERE tenant = ?1';
  const [grants, accounts, audit] = await control.batch<Record<string, unknown>>([
    control.prepare('SELECT * FROM role_grants WHERE tenant = ?1 ORDER BY rowid').bind(tenant),
    control.prepare(`SELECT * FROM users WHERE id IN (${mine}) ORDER BY rowid`).bind(tenant),
    control.prepare(`SELECT * FROM audit_log WHERE actor_id IN (${mine}) OR entity_id IN (${mine}) ORDER BY rowid`).bind(tenant),
  ]);
  out['control.role_grants'] = await hashRows(grants!.results);
  out['control.users'] = await hashRows(accounts!.results);
  out['control.audit_log'] = await hashRows(audit!.results);
  return out;
}

/**
 * The snapshot under its historical name, for the suites that compare
 * "before" and "after" a refused request; `audit` is the tenant's audit row
 * count, for the suites that expect exactly one new row after a success.
 */
export async function snapshotCounts(tenant: string): Promise<{ audit: number; tables: TenantSnapshot }> {
  const tables = await snapshotTenant(tenant);
  return { audit: tables.audit_log?.rows ?? 0, tables };
}

/** A live public-API key in a tenant's database. */
export async function makeApiKey(
  tenant: string,
  opts: { revoked?: boolean; scopes?: ApiScope[]; expiresAt?: number | null } = {},
): Promise<{ id: string; key: string }> {
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
    // Every scope the tenant's keys may hold unless a test narrows it (ADR 0026).
    scopes: opts.scopes ?? [...apiScopesFor(def.kind)],
    expiresAt: opts.expiresAt ?? null,
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
  // A message in the fixture account's inbox: someone else's, for every caller the suites make.
  const notification = await makeNotification(tenant, account.id);
  // Issue 11: a 支委会 record of the branch and a joint meeting of the first alliance with a decision the branch owns.
  const orgLife = await makeOrgLifeFixture(tenant, org, alliance.alliance.id);
  // Issue 11: a party member whose home branch is the fixture's organization.
  const person = await makePerson(tenant, { homeOrgId: org.id });
  // Points (issue 11): a member of the organization with one 政治学习 entry (to compensate; to award more to).
  const pointEntry = await makePointEntry(tenant, await makePointsPerson(tenant, { homeOrgId: org.id }));
  // 报到领岗: a post of the organization with a pending claim, an approved one and a logged service record.
  const posts = await makePostFixture(tenant, org);
  // 双报到 (issue 11): an organ outside the tree paired with `org` as its community.
  const pairing = await makePairing(tenant, (await makeOrg(tenant, { domain: '机关' })).id, org.id);
  // Issue 11 活动: an activity of the first alliance, open for check-in now (its lead organizes, every member takes part).
  const made = await makeActivity(tenant, { allianceId: alliance.alliance.id, organizerOrgId: org.id, participantOrgIds: alliance.members.map((m) => m.orgId) });
  // … with one photo (to download; to delete).
  const activity = { ...made, photoId: (await makeActivityPhoto(tenant, made.id)).id };
  // Issue 12 考核评价: a published indicator scheme (to read; to copy to another year), a draft one (to edit, to
  // publish), and an open assessment of the first alliance by its committee `parent` (to score, refresh, finalize).
  const assessmentScheme = await makeScheme(tenant, 'published');
  const assessmentDraft = await makeScheme(tenant, 'draft');
  const assessment = await makeOpenAssessment(tenant, alliance.alliance.id, parent.id);
  // 四评 (issue 12, lane raters): an open assessment of the first alliance (its committee is `parent`), with one unused resident link.
  const ratingAssessment = await makeAssessment(tenant, { allianceId: alliance.alliance.id, committeeOrgId: parent.id });
  const ratingLink = await makeRatingLink(tenant, ratingAssessment.id);
  // Issue 12 honours: the branch's applications over four years, designations and the first alliance's 示范点.
  const honours = await makeHonoursFixture(tenant, org.id, alliance.alliance.id);
  // Issue 12 经费保障: a 上级拨 income entry of the first alliance (to reverse).
  const fundEntry = await makeFundEntry(tenant, alliance.alliance.id);
  // … and its members' 出资比例 (lead 50 %, the others 30 % and 20 %: a complete 100 %), for a contribution call.
  const [leadBp, secondBp, thirdBp] = alliance.members.map((m) => m.orgId);
  await setContributionBps(tenant, alliance.alliance.id, { [leadBp!]: 5000, [secondBp!]: 3000, [thirdBp!]: 2000 });
  // 以奖代补 (issue 12): rounds of the county's branches in each state (made last: they weigh the branches above).
  const rewards = await makeRewardsFixture(tenant, org.id);
  // 群众点单 through the fixture's API key (ADR 0027): the need a /v1 client follows and cancels.
  const apiKey = await makeApiKey(tenant);
  const appNeed = await makeNeed(tenant, alliance2, { apiKeyId: apiKey.id, raisedByOrgId: null, source: '群众点单' });
  return { tenant, org, parent, apiKey, cityApiKey: await makeApiKey('chifeng'), appNeed, account, alliance, alliance2, route, district, need, resource, project, category, notification, orgLife, person, pointEntry, posts, pairing, activity, assessmentScheme, assessmentDraft, assessment, ratingAssessment, ratingLink, honours, fundEntry, rewards, webhook: await makeWebhookFixture(tenant) };
}

/**
 * A statement run by hand on a county's database, as an operator at a SQL prompt would: no audit row, no
 * version bump, no event. For tests that what the system keeps (ADR 0034) still sees such a change.
 */
export async function runSql(tenant: string, sql: string, ...params: unknown[]): Promise<Array<Record<string, unknown>>> {
  const d1 = bindings[findTenant(tenant)!.binding]!;
  return (await d1.prepare(sql).bind(...params).all<Record<string, unknown>>()).results;
}
