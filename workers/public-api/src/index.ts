import { createRoute, z } from '@hono/zod-openapi';
import { AppError, openDb } from '@ronghe/core';
import { commonErrors, createRouter } from '@ronghe/http';
import { resolveApiKey, tenantOfApiKey } from '@ronghe/identity';
import { findOrgRow, listOrgRows } from '@ronghe/registry';
import { ORG_DOMAINS, ORG_KINDS, OrgListQuerySchema, QUALITY_STATUSES } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '@ronghe/http';
import type { OrgRow } from '@ronghe/registry';

/**
 * What third parties see of an organization: no personal data at all
 * (names and phones stay in the management API).
 */
const PublicOrganization = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    domain: z.enum(ORG_DOMAINS),
    divisionCode: z.string().nullable(),
    memberCount: z.number().int(),
    qualityStatus: z.enum(QUALITY_STATUSES),
    updatedAt: z.number().int(),
  })
  .openapi('PublicOrganization');

function toPublic(r: OrgRow): z.infer<typeof PublicOrganization> {
  return {
    id: r.id,
    parentId: r.parentId,
    name: r.name,
    kind: r.kind,
    domain: r.domain,
    divisionCode: r.divisionCode,
    memberCount: r.memberCount,
    qualityStatus: r.qualityStatus,
    updatedAt: r.updatedAt,
  };
}

/** API-key authentication: the key names its tenant; only that tenant's database is opened. */
const apiKeyAuth = createMiddleware<AppEnv>(async (c, next) => {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const key = m?.[1] ?? '';
  const tenant = findTenant(tenantOfApiKey(key) ?? '');
  if (!tenant) throw new AppError('unauthenticated', '缺少或无效的接口密钥');
  const db = openDb(c.env[tenant.binding] as D1Database);
  const row = await resolveApiKey(db, key);
  if (!row) throw new AppError('unauthenticated', '接口密钥无效或已吊销');
  c.set('tenant', { slug: tenant.slug, code: tenant.code, name: tenant.name, kind: tenant.kind });
  c.set('db', db);
  c.set('actor', { userId: row.id, displayName: `接口密钥：${row.name}`, grants: [{ role: 'member', scopeOrgId: null, scopeAllianceId: null }] });
  await next();
});

const listRoute = createRoute({
  method: 'get',
  path: '/orgs',
  tags: ['开放接口 v1'],
  summary: '党组织目录（密钥所属旗县区；不含个人信息）',
  'x-action': 'public.org.read',
  security: [{ apiKey: [] }],
  request: { query: OrgListQuerySchema.omit({ status: true }) },
  responses: {
    200: {
      description: '一页党组织',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(PublicOrganization), nextCursor: z.string().nullable(), total: z.number().int() }),
        },
      },
    },
    ...commonErrors,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/orgs/{id}',
  tags: ['开放接口 v1'],
  summary: '党组织详情',
  'x-action': 'public.org.read',
  security: [{ apiKey: [] }],
  request: { params: z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { description: '党组织', content: { 'application/json': { schema: PublicOrganization } } },
    ...commonErrors,
  },
});

function ctxOf(c: import('hono').Context<AppEnv>) {
  return { db: c.get('db'), tenant: c.get('tenant'), actor: c.get('actor'), clock: c.get('clock'), requestId: c.get('requestId') };
}

/** The public, versioned API for third-party apps (mounted at /v1). Read-only for now. */
export function createPublicApi() {
  const app = createRouter();
  app.use('*', apiKeyAuth);
  return app
    .openapi(listRoute, async (c) => {
      const page = await listOrgRows(ctxOf(c), { ...c.req.valid('query'), status: 'active' });
      return c.json({ items: page.rows.map(toPublic), nextCursor: page.nextCursor, total: page.total }, 200);
    })
    .openapi(getRoute, async (c) => {
      const row = await findOrgRow(ctxOf(c), c.req.valid('param').id);
      if (row.status !== 'active') throw new AppError('not_found', '党组织不存在');
      return c.json(toPublic(row), 200);
    });
}
