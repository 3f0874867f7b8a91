import { createRoute } from '@hono/zod-openapi';
import { commonErrors, createRouter } from '@ronghe/http';
import { MeSchema } from './schemas.ts';

export const route = createRoute({
  method: 'get',
  path: '/me',
  tags: ['身份认证'],
  summary: '当前用户与角色',
  'x-action': 'session',
  responses: { 200: { description: '当前用户', content: { 'application/json': { schema: MeSchema } } }, 401: commonErrors[401] },
});

export const meRouter = createRouter()
  .openapi(route, (c) => c.json(c.get('session')!.user, 200));
