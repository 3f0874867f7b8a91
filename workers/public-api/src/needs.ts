import { z } from '@hono/zod-openapi';
import { bodyLimit, commonErrors, createRouter, rateLimitedErrors, writeErrors, type TenantEnv } from '@ronghe/http';
import { cancelResidentNeed, followResidentNeed, listNeeds, submitResidentNeed } from '@ronghe/lists';
import { NEED_STATUSES, NeedListQuerySchema, PublicNeedReceiptSchema, PublicNeedSchema, PublicNeedSubmitSchema, reasonSchema, type NeedView } from '@ronghe/schema';
import type { Context } from 'hono';
import { v1Route } from './v1-route.ts';
import { IdempotencyHeaders, idempotencyStatements, idempotent, replayHeaders } from './idempotency.ts';
import { EX_NEED_ID, exCancel, exNeedPage, exNeedSubmit, exReceipt, exReceiptCancelled, exReceiptMatched } from './examples.ts';

// 需求清单 for third-party apps: a resident mini-program submits 群众点单 and
// follows it; a big screen shows what is asked and met. No names or phones leave.

function ctxOf(c: Context<TenantEnv>) {
  return { db: c.get('db'), tenant: c.get('tenant'), actor: c.get('actor'), clock: c.get('clock'), requestId: c.get('requestId') };
}

/** Needs still waiting for help. */
const OPEN_NEED_STATUSES = ['open', 'partly_met'] as const;

/** Field by field: the raiser's name and phone (群众点单's contact) are never copied. */
function toPublic(n: NeedView): z.infer<typeof PublicNeedSchema> {
  return {
    id: n.id,
    allianceId: n.allianceId,
    allianceName: n.allianceName,
    title: n.title,
    source: n.source,
    categoryName: n.categoryName,
    quantity: n.quantity,
    unit: n.unit,
    placeName: n.placeName,
    urgency: n.urgency,
    deadline: n.deadline,
    committedQty: n.committedQty,
    inDeliveryQty: n.inDeliveryQty,
    fulfilledQty: n.fulfilledQty,
    status: n.status,
    createdAt: n.createdAt,
    categoryId: n.categoryId,
    streetCode: n.streetCode,
    communityCode: n.communityCode,
    gridName: n.gridName,
  };
}

const listRoute = v1Route({
  method: 'get',
  path: '/needs',
  tags: ['开放接口 v1'],
  summary: '需求清单（不含提出人姓名和电话）',
  'x-action': 'public.alliance.read',
  scope: 'needs:read',
  security: [{ apiKey: [] }],
  request: {
    query: NeedListQuerySchema.pick({ allianceId: true, categoryId: true, communityCode: true, cursor: true, limit: true }).extend({
      status: z
        .enum(NEED_STATUSES, { message: `状态须为：${NEED_STATUSES.join('、')}` })
        .optional()
        .openapi({ description: '不填时只返回仍在等待的需求（open、partly_met）' }),
      streetCode: z.string().max(9, { message: '街道（苏木乡镇）代码为 9 位数字' }).optional(),
      gridName: z.string().trim().max(50, { message: '网格名称不能超过 50 个字' }).optional(),
    }),
  },
  responses: {
    200: { description: '一页需求', content: { 'application/json': { schema: z.object({ items: z.array(PublicNeedSchema), nextCursor: z.string().nullable(), total: z.number().int() }), example: exNeedPage } } },
    ...commonErrors,
    ...rateLimitedErrors,
  },
});

const refParam = z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '提交时返回的需求编号（ref）', example: EX_NEED_ID }) });
const receipt = (description: string, example: unknown) => ({ description, headers: replayHeaders, content: { 'application/json': { schema: PublicNeedReceiptSchema, example } } });

const submitRoute = v1Route({
  method: 'post',
  path: '/needs',
  tags: ['开放接口 v1'],
  summary: '群众点单：居民通过小程序提交需求（按社区自动交给服务该社区的党建联合体；支持幂等键）',
  description: '来源记为“群众点单”并记录所用密钥；居民姓名、电话作为个人信息保存，仅供联合体联系，开放接口只返回电话掩码。没有联合体服务所填社区时返回 422（字段 body.communityCode）。',
  'x-action': 'public.need.submit',
  scope: 'needs:write',
  security: [{ apiKey: [] }],
  middleware: [bodyLimit<TenantEnv>('json'), idempotent()] as const,
  request: { headers: IdempotencyHeaders, body: { content: { 'application/json': { schema: PublicNeedSubmitSchema, example: exNeedSubmit } }, required: true } },
  responses: { 201: receipt('已受理：ref 为需求编号', exReceipt), ...writeErrors, ...rateLimitedErrors },
});

const followRoute = v1Route({
  method: 'get',
  path: '/needs/{id}',
  tags: ['开放接口 v1'],
  summary: '查询本应用提交的需求进度（已受理、已匹配、项目实施中、已满足）',
  'x-action': 'public.alliance.read',
  scope: 'needs:read',
  security: [{ apiKey: [] }],
  request: { params: refParam },
  responses: { 200: receipt('需求进度', exReceiptMatched), ...commonErrors, ...rateLimitedErrors },
});

const cancelRoute = v1Route({
  method: 'post',
  path: '/needs/{id}/cancel',
  tags: ['开放接口 v1'],
  summary: '居民取消本应用提交的需求（进入项目前；支持幂等键）',
  'x-action': 'public.need.submit',
  scope: 'needs:write',
  security: [{ apiKey: [] }],
  middleware: [bodyLimit<TenantEnv>('json'), idempotent()] as const,
  request: {
    params: refParam,
    headers: IdempotencyHeaders,
    body: { content: { 'application/json': { schema: z.object({ reason: reasonSchema.optional() }).strict(), example: exCancel } }, required: false },
  },
  responses: { 200: receipt('已取消', exReceiptCancelled), ...writeErrors, ...rateLimitedErrors },
});

export const publicNeedsRouter = createRouter<TenantEnv>()
  .openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    // Open needs by default (ADR 0029): what a resident or a big screen can still help with.
    const page = await listNeeds({ ctx: ctxOf(c), input: { ...q, statuses: q.status ? undefined : OPEN_NEED_STATUSES } });
    return c.json({ items: page.items.map(toPublic), nextCursor: page.nextCursor, total: page.total }, 200);
  })
  .openapi(submitRoute, async (c) => {
    const ctx = ctxOf(c);
    const r = await submitResidentNeed({ ctx, input: c.req.valid('json'), apiKeyId: ctx.actor.userId, also: (body) => idempotencyStatements(c, 201, body) });
    return c.json(r, 201);
  })
  .openapi(followRoute, async (c) => {
    const ctx = ctxOf(c);
    return c.json(await followResidentNeed({ ctx, input: { ref: c.req.valid('param').id }, apiKeyId: ctx.actor.userId }), 200);
  })
  .openapi(cancelRoute, async (c) => {
    const ctx = ctxOf(c);
    const body = (c.req.valid('json') as { reason?: string } | undefined) ?? {};
    const r = await cancelResidentNeed({ ctx, input: { ref: c.req.valid('param').id, reason: body.reason }, apiKeyId: ctx.actor.userId, also: (out) => idempotencyStatements(c, 200, out) });
    return c.json(r, 200);
  });
