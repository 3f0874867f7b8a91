import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { AppError, auditInsert, auditGuarded, newId, runGuarded, shanghaiDate, writeBatch, type Clock, type ControlDb, type Ctx, type TenantDb } from '@ronghe/core';
import { API_SCOPE_LABELS, API_SCOPES, apiKeys, apiKeyUsage, apiScopesFor, type ApiKey, type ApiScope } from '@ronghe/schema';
import { randomToken, sha256Hex } from './password.ts';
import { hitRateLimits, RATE_LIMITS, type RateDecision } from './rate-limits.ts';

/** Keys carry their tenant so a request can be routed to the one database that can hold them. */
export function apiKeyPrefix(tenant: string): string {
  return `rhk_${tenant}_`;
}

export function tenantOfApiKey(key: string): string | null {
  const m = /^rhk_([a-z]{2,30})_[A-Za-z0-9_-]{40,}$/.exec(key);
  return m ? m[1]! : null;
}

const DAY_MS = 86_400_000;

/** The instant a key whose last day is `date` (Asia/Shanghai) stops working: the next day's 00:00 there. */
export function expiryOfLastDay(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`) + DAY_MS;
}

/** The key's last day (Asia/Shanghai) from its stored expiry instant. */
export function lastDayOfExpiry(expiresAt: number): string {
  return shanghaiDate(expiresAt - 1);
}

/** What an administrator sees of a key: never its hash; its last use comes from the usage table. */
export type ApiKeyView = Omit<ApiKey, 'keyHash' | 'lastUsedAt'> & { expiresOn: string | null; lastUsedAt: number | null };

function view(k: ApiKey, lastUsedAt: number | null = null): ApiKeyView {
  const { keyHash: _h, lastUsedAt: _l, ...rest } = k;
  return { ...rest, scopes: sortScopes(k.scopes), expiresOn: k.expiresAt === null ? null : lastDayOfExpiry(k.expiresAt), lastUsedAt };
}

/** What the audit keeps of a key: its public fields only, never the hash or the secret. */
function audited(k: ApiKey) {
  const { keyHash: _h, lastUsedAt: _l, ...rest } = k;
  return { ...rest, expiresOn: k.expiresAt === null ? null : lastDayOfExpiry(k.expiresAt) };
}

function sortScopes(scopes: readonly ApiScope[]): ApiScope[] {
  return API_SCOPES.filter((s) => scopes.includes(s));
}

export interface IssueApiKeyInput {
  name: string;
  scopes: ApiScope[];
  /** The key's last valid day (Asia/Shanghai, inclusive); absent or null: no expiry. */
  expiresOn?: string | null;
}

/**
 * Issues a key; the secret is returned once and only its hash is stored.
 * A county's key never holds `rollup:read`; the city issues read keys only.
 */
export async function issueApiKey({ ctx, input }: { ctx: Ctx; input: IssueApiKeyInput }): Promise<ApiKeyView & { key: string }> {
  const now = ctx.clock.now();
  const allowed = apiScopesFor(ctx.tenant.kind);
  const refused = input.scopes.filter((s) => !allowed.includes(s));
  const errors = [];
  if (refused.length)
    errors.push({
      path: 'body.scopes',
      message: `${ctx.tenant.kind === 'city' ? '市级密钥只能读取' : '旗县区的密钥'}不能获得：${refused.map((s) => API_SCOPE_LABELS[s]).join('、')}`,
    });
  if (input.expiresOn && input.expiresOn < shanghaiDate(now)) errors.push({ path: 'body.expiresOn', message: '有效期截止日不能早于今天' });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });

  const key = randomToken(apiKeyPrefix(ctx.tenant.slug));
  const row: ApiKey = {
    id: newId('key', now),
    name: input.name,
    prefix: key.slice(0, apiKeyPrefix(ctx.tenant.slug).length + 6),
    keyHash: await sha256Hex(key),
    createdBy: ctx.actor.userId,
    createdAt: now,
    revokedAt: null,
    lastUsedAt: null,
    scopes: sortScopes(input.scopes),
    expiresAt: input.expiresOn ? expiryOfLastDay(input.expiresOn) : null,
    version: 1,
  };
  await writeBatch(ctx.db, [
    ctx.db.insert(apiKeys).values(row),
    auditInsert(ctx, { action: 'api_key.issue', entityType: 'api_key', entityId: row.id, after: audited(row) }),
  ]);
  return { ...view(row), key };
}

type KeysCtx = Ctx & { control: ControlDb };

/**
 * The latest use of each key, from the usage table in the control database.
 * The ids travel as ONE JSON parameter: a county's keys, revoked ones included,
 * can outnumber D1's 100 bound parameters.
 */
async function lastUses(control: ControlDb, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await control
    .select({ keyId: apiKeyUsage.keyId, last: sql<number>`max(${apiKeyUsage.lastUsedAt})` })
    .from(apiKeyUsage)
    .where(sql`${apiKeyUsage.keyId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .groupBy(apiKeyUsage.keyId);
  return new Map(rows.map((r) => [r.keyId, r.last]));
}

export async function listApiKeys({ ctx }: { ctx: KeysCtx }): Promise<ApiKeyView[]> {
  const rows = await ctx.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  const last = await lastUses(ctx.control, rows.map((r) => r.id));
  return rows.map((r) => view(r, last.get(r.id) ?? null));
}

async function findKey(ctx: Ctx, id: string): Promise<ApiKey> {
  const row = await ctx.db.query.apiKeys.findFirst({ where: eq(apiKeys.id, id) });
  if (!row) throw new AppError('not_found', '接口密钥不存在或无权访问');
  return row;
}

export async function getApiKey({ ctx, input }: { ctx: KeysCtx; input: { id: string } }): Promise<ApiKeyView> {
  const row = await findKey(ctx, input.id);
  return view(row, (await lastUses(ctx.control, [row.id])).get(row.id) ?? null);
}

export interface ApiKeyUsageView {
  /** Every day of the window, oldest first, Asia/Shanghai dates; days without calls count 0. */
  days: Array<{ day: string; calls: number }>;
  total: number;
  lastUsedAt: number | null;
}

/** A key's calls per day over the last `days` days (today included). */
export async function apiKeyUsageOf({ ctx, input }: { ctx: KeysCtx; input: { id: string; days?: number } }): Promise<ApiKeyUsageView> {
  const row = await findKey(ctx, input.id);
  const n = input.days ?? 30;
  const now = ctx.clock.now();
  const dates = Array.from({ length: n }, (_, i) => shanghaiDate(now - (n - 1 - i) * DAY_MS));
  const rows = await ctx.control
    .select()
    .from(apiKeyUsage)
    .where(and(eq(apiKeyUsage.keyId, row.id), gte(apiKeyUsage.day, dates[0]!)));
  const byDay = new Map(rows.map((r) => [r.day, r.calls]));
  const days = dates.map((day) => ({ day, calls: byDay.get(day) ?? 0 }));
  const last = (await lastUses(ctx.control, [row.id])).get(row.id) ?? null;
  return { days, total: days.reduce((s, d) => s + d.calls, 0), lastUsedAt: last };
}

export async function revokeApiKey({ ctx, input }: { ctx: KeysCtx; input: { id: string; expectedVersion: number } }): Promise<ApiKeyView> {
  const row = await findKey(ctx, input.id);
  if (row.version !== input.expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  if (row.revokedAt) throw new AppError('conflict', '该接口密钥已吊销');
  const now = ctx.clock.now();
  const next: ApiKey = { ...row, revokedAt: now, version: row.version + 1 };
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(apiKeys)
        .set({ revokedAt: now, version: next.version })
        .where(and(eq(apiKeys.id, row.id), eq(apiKeys.version, input.expectedVersion))),
      auditGuarded(ctx, { action: 'api_key.revoke', entityType: 'api_key', entityId: row.id, before: audited(row), after: audited(next) }),
    ]),
  );
  return view(next, (await lastUses(ctx.control, [row.id])).get(row.id) ?? null);
}

/** The live key matching a presented secret, in the tenant database it names (revoked keys are not found). */
export async function resolveApiKey(db: TenantDb, key: string): Promise<ApiKey | null> {
  const row = await db.query.apiKeys.findFirst({ where: and(eq(apiKeys.keyHash, await sha256Hex(key)), isNull(apiKeys.revokedAt)) });
  return row ?? null;
}

/** Refuses a key whose last day has passed (401 `api_key_expired`, naming the day). */
export function assertApiKeyCurrent(row: Pick<ApiKey, 'expiresAt'>, now: number): void {
  if (row.expiresAt !== null && now >= row.expiresAt)
    throw new AppError('api_key_expired', `接口密钥已过期（有效期至 ${lastDayOfExpiry(row.expiresAt)}），请联系管理员重新签发`);
}

/** Refuses an operation whose scope the key does not hold (403 `insufficient_scope`, naming the scope). */
export function assertApiKeyScope(scopes: readonly ApiScope[], required: ApiScope): void {
  if (!scopes.includes(required))
    throw new AppError('insufficient_scope', `该接口密钥没有“${API_SCOPE_LABELS[required]}”（${required}）权限`, { extra: { requiredScope: required } });
}

/**
 * One public-API call with a key (ADR 0015, 0026): the key's rate-limit hit
 * and its per-day usage count, two upserts in ONE batch (one round trip) to
 * the control database. Every call presented with a live key counts, refused
 * or not.
 */
export async function hitApiKey(deps: { db: ControlDb; clock: Clock }, key: { id: string; tenant: string }): Promise<RateDecision> {
  const now = deps.clock.now();
  const usage = deps.db
    .insert(apiKeyUsage)
    .values({ keyId: key.id, day: shanghaiDate(now), tenant: key.tenant, calls: 1, lastUsedAt: now })
    .onConflictDoUpdate({
      target: [apiKeyUsage.keyId, apiKeyUsage.day],
      set: { calls: sql`${apiKeyUsage.calls} + 1`, lastUsedAt: sql`max(${apiKeyUsage.lastUsedAt}, ${now})` },
    });
  return hitRateLimits(deps, [{ rule: RATE_LIMITS.apiKey, key: key.id }], [usage]);
}

/** How many days of per-day usage the control database keeps (ADR 0026: the UI shows 30). */
export const API_KEY_USAGE_RETENTION_DAYS = 400;

/**
 * The daily pruning of `api_key_usage`: days older than 400 (Asia/Shanghai)
 * go, except each key's newest day, which carries its last use (the list's
 * 最近使用 would otherwise turn into 从未使用 for a key idle over a year).
 * In chunks of `chunk` rows by rowid, so one DELETE stays small; at most
 * `maxRounds` chunks a day, the rest the next day.
 */
export async function pruneApiKeyUsage(
  deps: { db: ControlDb; clock: Clock },
  opts: { chunk?: number; maxRounds?: number } = {},
): Promise<number> {
  const chunk = opts.chunk ?? 500;
  const cutDay = shanghaiDate(deps.clock.now() - API_KEY_USAGE_RETENTION_DAYS * 86_400_000);
  let pruned = 0;
  for (let round = 0; round < (opts.maxRounds ?? 100); round++) {
    const r = await deps.db.run(sql`DELETE FROM ${apiKeyUsage} WHERE rowid IN (
      SELECT u.rowid FROM ${apiKeyUsage} u
      WHERE u.day < ${cutDay} AND u.day < (SELECT max(n.day) FROM ${apiKeyUsage} n WHERE n.key_id = u.key_id)
      LIMIT ${chunk})`);
    const gone = r.meta.changes ?? 0;
    pruned += gone;
    if (gone < chunk) break;
  }
  return pruned;
}
