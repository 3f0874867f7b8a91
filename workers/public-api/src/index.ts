import { z } from '@hono/zod-openapi';
import { AppError, openDb } from '@ronghe/core';
import { commonErrors as authErrors, createRouter, rateLimitedErrors, renderProblem } from '@ronghe/http';
import { assertApiKeyCurrent, hitApiKey, rateLimitHeaders, resolveApiKey, tenantOfApiKey } from '@ronghe/identity';
import { readCityRollup } from '@ronghe/rollup/read';
import { getAlliance, listAlliances, listRedRoutes } from '@ronghe/alliance';
import { findOrgRow, listOrgRows } from '@ronghe/registry';
import {
  ALLIANCE_MODELS,
  ALLIANCE_TYPES,
  AllianceListQuerySchema,
  CityRollupSchema,
  MEMBER_ROLES,
  ORG_DOMAINS,
  ORG_KINDS,
  OrgListQuerySchema,
  PAIRING_FORMS,
  QUALITY_STATUSES,
  ROUTE_THEMES,
  type AllianceDetail,
  type AllianceSummary,
} from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { createMiddleware } from 'hono/factory';
import { etag } from './etag.ts';
import { publicNeedsRouter } from './needs.ts';
import { PUBLIC_ALLIANCE_STATUSES, publicReadsRouter } from './reads.ts';
import { setRequestScopes, v1Route } from './v1-route.ts';
import { EX_ALLIANCE_ID, EX_ORG_ID, exAllianceDetail, exAlliancePage, exOrganization, exOrgPage, exRedRoutes, exRollup } from './examples.ts';
import type { TenantEnv } from '@ronghe/http';
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


const PublicAlliance = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(ALLIANCE_TYPES),
    typeNote: z.string().nullable(),
    model: z.enum(ALLIANCE_MODELS),
    pairingForm: z.enum(PAIRING_FORMS),
    status: z.enum(PUBLIC_ALLIANCE_STATUSES),
    leadOrgName: z.string(),
    committeeOrgName: z.string(),
    memberCount: z.number().int(),
    foundedOn: z.string().nullable(),
  })
  .openapi('PublicAlliance');

const PublicAllianceDetail = PublicAlliance.extend({
  vision: z.string(),
  members: z.array(z.object({ orgId: z.string(), orgName: z.string(), domain: z.enum(ORG_DOMAINS), role: z.enum(MEMBER_ROLES), joinedOn: z.string().nullable() })),
}).openapi('PublicAllianceDetail');

const PublicRedRoute = z
  .object({ id: z.string(), name: z.string(), theme: z.enum(ROUTE_THEMES), description: z.string(), stops: z.array(z.object({ id: z.string(), name: z.string() })) })
  .openapi('PublicRedRoute');

function publicAlliance(a: AllianceSummary): z.infer<typeof PublicAlliance> {
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    typeNote: a.typeNote,
    model: a.model,
    pairingForm: a.pairingForm,
    status: a.status as (typeof PUBLIC_ALLIANCE_STATUSES)[number],
    leadOrgName: a.leadOrgName,
    committeeOrgName: a.committeeOrgName,
    memberCount: a.memberCount,
    foundedOn: a.foundedOn,
  };
}

/** Member organizations by name only: liaisons, phones and contribution ratios stay in the management API. */
function publicAllianceDetail(a: AllianceDetail): z.infer<typeof PublicAllianceDetail> {
  return {
    ...publicAlliance(a),
    vision: a.vision,
    members: a.members.filter((m) => m.current).map((m) => ({ orgId: m.orgId, orgName: m.orgName, domain: m.orgDomain, role: m.role, joinedOn: m.joinedOn })),
  };
}

/** API-key authentication: the key names its tenant; only that tenant's database is opened. */
const apiKeyAuth = createMiddleware<TenantEnv>(async (c, next) => {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const key = m?.[1] ?? '';
  const tenant = findTenant(tenantOfApiKey(key) ?? '');
  if (!tenant) throw new AppError('unauthenticated', '缺少或无效的接口密钥');
  const db = openDb(c.env[tenant.binding] as D1Database);
  const row = await resolveApiKey(db, key);
  if (!row) throw new AppError('unauthenticated', '接口密钥无效或已吊销');
  const clock = c.get('clock');
  // Per key, counted in the control database with the day's usage in the same batch: one round trip (ADR 0015, 0026).
  assertApiKeyCurrent(row, clock.now());
  const decision = await hitApiKey({ db: openDb(c.env.DB_CONTROL), clock }, { id: row.id, tenant: tenant.slug });
  const headers = rateLimitHeaders(decision, clock.now());
  if (!decision.allowed) {
    const res = renderProblem(c, new AppError('rate_limited', '接口调用过于频繁，请稍后再试'));
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  }
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  c.set('tenant', { slug: tenant.slug, code: tenant.code, name: tenant.name, kind: tenant.kind });
  c.set('db', db);
  setRequestScopes(c.req.raw, row.scopes);
  c.set('actor', { userId: row.id, displayName: `接口密钥：${row.name}`, grants: [{ role: 'member', scopeOrgId: null, scopeAllianceId: null }] });
  await next();
});

/** Every /v1 route answers with the common errors and, past the key's limit, 429 (ADR 0015). */
const commonErrors = { ...authErrors, ...rateLimitedErrors };

const listRoute = v1Route({
  method: 'get',
  path: '/orgs',
  tags: ['开放接口 v1'],
  summary: '党组织目录（密钥所属旗县区；不含个人信息）',
  'x-action': 'public.org.read',
  scope: 'orgs:read',
  security: [{ apiKey: [] }],
  request: { query: OrgListQuerySchema.omit({ status: true }) },
  responses: {
    200: {
      description: '一页党组织',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(PublicOrganization), nextCursor: z.string().nullable(), total: z.number().int() }),
          example: exOrgPage,
        },
      },
    },
    ...commonErrors,
  },
});

const getRoute = v1Route({
  method: 'get',
  path: '/orgs/{id}',
  tags: ['开放接口 v1'],
  summary: '党组织详情',
  'x-action': 'public.org.read',
  scope: 'orgs:read',
  security: [{ apiKey: [] }],
  request: { params: z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: EX_ORG_ID }) }) },
  responses: {
    200: { description: '党组织', content: { 'application/json': { schema: PublicOrganization, example: exOrganization } } },
    ...commonErrors,
  },
});

const allianceListRoute = v1Route({
  method: 'get',
  path: '/alliances',
  tags: ['开放接口 v1'],
  summary: '党建联合体目录（已批准且未撤销的；不含个人信息）',
  'x-action': 'public.alliance.read',
  scope: 'alliances:read',
  security: [{ apiKey: [] }],
  request: {
    query: AllianceListQuerySchema.omit({ status: true, committeeId: true, streetId: true, orgId: true }).extend({
      status: z.enum(PUBLIC_ALLIANCE_STATUSES, { message: `状态须为：${PUBLIC_ALLIANCE_STATUSES.join('、')}` }).optional(),
    }),
  },
  responses: {
    200: {
      description: '一页联合体',
      content: { 'application/json': { schema: z.object({ items: z.array(PublicAlliance), nextCursor: z.string().nullable(), total: z.number().int() }), example: exAlliancePage } },
    },
    ...commonErrors,
  },
});

const allianceGetRoute = v1Route({
  method: 'get',
  path: '/alliances/{id}',
  tags: ['开放接口 v1'],
  summary: '党建联合体详情（现有成员单位）',
  'x-action': 'public.alliance.read',
  scope: 'alliances:read',
  security: [{ apiKey: [] }],
  request: { params: z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: EX_ALLIANCE_ID }) }) },
  responses: { 200: { description: '联合体', content: { 'application/json': { schema: PublicAllianceDetail, example: exAllianceDetail } } }, ...commonErrors },
});

const redRoutesRoute = v1Route({
  method: 'get',
  path: '/red-routes',
  tags: ['开放接口 v1'],
  summary: '红色风景线（沿线联合体按顺序）',
  'x-action': 'public.alliance.read',
  scope: 'alliances:read',
  security: [{ apiKey: [] }],
  responses: { 200: { description: '红色风景线', content: { 'application/json': { schema: z.object({ items: z.array(PublicRedRoute), total: z.number().int() }), example: exRedRoutes } } }, ...commonErrors },
});

const rollupRoute = v1Route({
  method: 'get',
  path: '/rollup',
  tags: ['开放接口 v1'],
  summary: '全市汇总（仅市级密钥；各旗县区的统计数字，不含个人信息）',
  'x-action': 'public.rollup.read',
  scope: 'rollup:read',
  security: [{ apiKey: [] }],
  responses: { 200: { description: '全市汇总', content: { 'application/json': { schema: CityRollupSchema, example: exRollup } } }, ...commonErrors },
});

function ctxOf(c: import('hono').Context<TenantEnv>) {
  return { db: c.get('db'), tenant: c.get('tenant'), actor: c.get('actor'), clock: c.get('clock'), requestId: c.get('requestId') };
}

/** The public, versioned API for third-party apps (mounted at /v1). Reads, and 群众点单 submissions. */
export function createPublicApi() {
  const app = createRouter<TenantEnv>();
  // Every GET is tagged after its handler ran with the key's own tenant (ADR 0029).
  app.use('*', apiKeyAuth, etag);
  return app
    .openapi(listRoute, async (c) => {
      const page = await listOrgRows(ctxOf(c), { ...c.req.valid('query'), status: 'active' });
      return c.json({ items: page.rows.map(toPublic), nextCursor: page.nextCursor, total: page.total }, 200);
    })
    .openapi(getRoute, async (c) => {
      const row = await findOrgRow(ctxOf(c), c.req.valid('param').id);
      if (row.status !== 'active') throw new AppError('not_found', '党组织不存在');
      return c.json(toPublic(row), 200);
    })
    .openapi(allianceListRoute, async (c) => {
      const q = c.req.valid('query');
      const page = await listAlliances({ ctx: ctxOf(c), input: { ...q, statuses: q.status ? [q.status] : PUBLIC_ALLIANCE_STATUSES } });
      return c.json({ items: page.items.map(publicAlliance), nextCursor: page.nextCursor, total: page.total }, 200);
    })
    .openapi(allianceGetRoute, async (c) => {
      const a = await getAlliance({ ctx: ctxOf(c), input: { id: c.req.valid('param').id } });
      if (!(PUBLIC_ALLIANCE_STATUSES as readonly string[]).includes(a.status)) throw new AppError('not_found', '党建联合体不存在');
      return c.json(publicAllianceDetail(a), 200);
    })
    .openapi(redRoutesRoute, async (c) => {
      const routes = await listRedRoutes({ ctx: ctxOf(c), input: { status: 'active' } });
      const items = routes.map((r) => ({ id: r.id, name: r.name, theme: r.theme, description: r.description, stops: r.stops.map((s) => ({ id: s.id, name: s.name })) }));
      return c.json({ items, total: items.length }, 200);
    })
    .openapi(rollupRoute, async (c) => {
      // Only a key of the city tenant can hold rollup:read (ADR 0026); the figures are stored in the control database (ADR 0022).
      return c.json(await readCityRollup(c.env.DB_CONTROL, { now: c.get('clock').now() }), 200);
    })
    .route('/', publicNeedsRouter)
    .route('/', publicReadsRouter);
}
