import { and, desc, eq, isNull } from 'drizzle-orm';
import { AppError, auditInsert, auditGuarded, newId, runGuarded, writeBatch, type Ctx, type TenantDb } from '@ronghe/core';
import { apiKeys, type ApiKey } from '@ronghe/schema';
import { randomToken, sha256Hex } from './password.ts';

/** Keys carry their tenant so a request can be routed to the one database that can hold them. */
export function apiKeyPrefix(tenant: string): string {
  return `rhk_${tenant}_`;
}

export function tenantOfApiKey(key: string): string | null {
  const m = /^rhk_([a-z]{2,30})_[A-Za-z0-9_-]{40,}$/.exec(key);
  return m ? m[1]! : null;
}

export type ApiKeyView = Omit<ApiKey, 'keyHash'>;

function view(k: ApiKey): ApiKeyView {
  const { keyHash: _h, ...rest } = k;
  return rest;
}

/** Issues a key; the secret is returned once and only its hash is stored. */
export async function issueApiKey({ ctx, input }: { ctx: Ctx; input: { name: string } }): Promise<ApiKeyView & { key: string }> {
  const key = randomToken(apiKeyPrefix(ctx.tenant.slug));
  const now = ctx.clock.now();
  const row: ApiKey = {
    id: newId('key', now),
    name: input.name,
    prefix: key.slice(0, apiKeyPrefix(ctx.tenant.slug).length + 6),
    keyHash: await sha256Hex(key),
    createdBy: ctx.actor.userId,
    createdAt: now,
    revokedAt: null,
    lastUsedAt: null,
    version: 1,
  };
  await writeBatch(ctx.db, [
    ctx.db.insert(apiKeys).values(row),
    auditInsert(ctx, { action: 'api_key.issue', entityType: 'api_key', entityId: row.id, after: view(row) }),
  ]);
  return { ...view(row), key };
}

export async function listApiKeys({ ctx }: { ctx: Ctx }): Promise<ApiKeyView[]> {
  const rows = await ctx.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(view);
}

export async function getApiKey({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ApiKeyView> {
  const row = await ctx.db.query.apiKeys.findFirst({ where: eq(apiKeys.id, input.id) });
  if (!row) throw new AppError('not_found', '接口密钥不存在或无权访问');
  return view(row);
}

export async function revokeApiKey({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number } }): Promise<ApiKeyView> {
  const row = await ctx.db.query.apiKeys.findFirst({ where: eq(apiKeys.id, input.id) });
  if (!row) throw new AppError('not_found', '接口密钥不存在或无权访问');
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
      auditGuarded(ctx, { action: 'api_key.revoke', entityType: 'api_key', entityId: row.id, before: view(row), after: view(next) }),
    ]),
  );
  return view(next);
}

/** The live key matching a presented secret, in the tenant database it names. */
export async function resolveApiKey(db: TenantDb, key: string): Promise<ApiKey | null> {
  const row = await db.query.apiKeys.findFirst({ where: and(eq(apiKeys.keyHash, await sha256Hex(key)), isNull(apiKeys.revokedAt)) });
  return row ?? null;
}
