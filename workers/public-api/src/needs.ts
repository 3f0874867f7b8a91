import { z } from '@hono/zod-openapi';
import { bodyLimit, commonErrors, createRouter, rateLimitedErrors, writeErrors, type TenantEnv } from '@ronghe/http';
import { listNeeds, submitNeedFromApp } from '@ronghe/lists';
import { NEED_STATUSES, NeedListQuerySchema, PublicNeedSchema, PublicNeedSubmitSchema, type NeedView } from '@ronghe/schema';
import type { Context } from 'hono';
import { v1Route } from './v1-route.ts';

// 需求清单 for third-party apps: a resident mini-program submits 群众点单 and
// follows it; a big screen shows what is asked and met. No names or phones leave.

function ctxOf(c: Context<TenantEnv>) {
  return { db: c.get('db'), tenant: c.get('tenant'), actor: c.get('actor'), clock: c.get('clock'), requestId: c.get('requestId') };
}

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
      status: z.enum(NEED_STATUSES, { message: `状态须为：${NEED_STATUSES.join('、')}` }).optional(),
    }),
  },
  responses: {
    200: { description: '一页需求', content: { 'application/json': { schema: z.object({ items: z.array(PublicNeedSchema), nextCursor: z.string().nullable(), total: z.number().int() }) } } },
    ...commonErrors,
    ...rateLimitedErrors,
  },
});

const submitRoute = v1Route({
  method: 'post',
  path: '/needs',
  tags: ['开放接口 v1'],
  summary: '群众点单：第三方应用提交一条需求（来源记为“第三方应用”，并记录所用密钥）',
  'x-action': 'public.need.submit',
  scope: 'needs:write',
  security: [{ apiKey: [] }],
  middleware: [bodyLimit<TenantEnv>('json')] as const,
  request: { body: { content: { 'application/json': { schema: PublicNeedSubmitSchema } }, required: true } },
  responses: { 201: { description: '已受理', content: { 'application/json': { schema: PublicNeedSchema } } }, ...writeErrors, ...rateLimitedErrors },
});

export const publicNeedsRouter = createRouter<TenantEnv>()
  .openapi(listRoute, async (c) => {
    const page = await listNeeds({ ctx: ctxOf(c), input: c.req.valid('query') });
    return c.json({ items: page.items.map(toPublic), nextCursor: page.nextCursor, total: page.total }, 200);
  })
  .openapi(submitRoute, async (c) => {
    const ctx = ctxOf(c);
    const n = await submitNeedFromApp({ ctx, input: c.req.valid('json'), apiKeyId: ctx.actor.userId });
    return c.json(toPublic(n), 201);
  });
