import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { getOpenWork } from '@ronghe/lists';
import { OpenWorkSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/alliances/{id}/open-work',
  tags: ['三张清单'],
  summary: '联合体未结的项目、需求和资源，及可接收移交的本旗县区运行中的联合体（撤销时逐项决定处理方式）',
  action: 'list.read',
  request: { params: TenantParam.extend({ id: z.string().max(40).openapi({ description: '党建联合体编号' }) }) },
  responses: { 200: { description: '未结事项', content: { 'application/json': { schema: OpenWorkSchema } } }, ...commonErrors },
});

export const openWorkRouter = createRouter().openapi(route, async (c) => {
  return c.json(await getOpenWork({ ctx: serviceContext(c), input: { allianceId: c.req.valid('param').id } }), 200);
});
