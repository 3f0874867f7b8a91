import { z } from '@hono/zod-openapi';
import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { acceptMatches } from '@ronghe/lists';
import { AcceptMatchSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/matching/accept',
  tags: ['需求对接'],
  summary: '确认对接：从需求和资源中承诺数量，生成新项目或并入已有项目（数量已变化时 409）',
  action: 'match.accept',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: AcceptMatchSchema } }, required: true } },
  responses: {
    201: {
      description: '已确认',
      content: { 'application/json': { schema: z.object({ projectId: z.string(), allocationIds: z.array(z.string()) }).openapi('AcceptMatchResult') } },
    },
    ...writeErrors,
  },
});

export const acceptMatchRouter = createRouter().openapi(route, async (c) => c.json(await acceptMatches({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
