import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '@ronghe/core';
import { acknowledgeCityFilings, listCityFilings } from '@ronghe/alliance';
import { bodyLimit, commonErrors, writeErrors, type AppEnv } from '@ronghe/http';
import { mayAttempt, type Action } from '@ronghe/identity';
import {
  CityFilingAcknowledgeResultSchema,
  CityFilingAcknowledgeSchema,
  CityFilingListQuerySchema,
  CityFilingListSchema,
} from '@ronghe/schema';
import { CITY } from '@ronghe/tenancy';
import type { Context } from 'hono';

const listRoute = createRoute({
  method: 'get',
  path: '/city/filings',
  tags: ['市级汇总'],
  summary: '市委组织部备案收件箱：各旗县区报送的全部备案（可按旗县区、类别、签收状态筛选）',
  'x-action': 'filing.city_read',
  request: { query: CityFilingListQuerySchema },
  responses: { 200: { description: '备案', content: { 'application/json': { schema: CityFilingListSchema } } }, ...commonErrors },
});

const acknowledgeRoute = createRoute({
  method: 'post',
  path: '/city/filings/acknowledge',
  tags: ['市级汇总'],
  summary: '市委组织部签收备案（一件或多件，至多 100 件；写入各旗县区自己的备案记录，已签收的不重复签收）',
  'x-action': 'filing.city_ack',
  middleware: [bodyLimit<AppEnv>('json')] as const,
  request: { body: { content: { 'application/json': { schema: CityFilingAcknowledgeSchema } }, required: true } },
  responses: { 200: { description: '已签收', content: { 'application/json': { schema: CityFilingAcknowledgeResultSchema } } }, ...writeErrors },
});

/** The city administrator acting as the city (its grants in the city tenant), or 403. */
function cityActor(c: Context<AppEnv>, action: Action) {
  const session = c.get('session')!;
  const actor = {
    userId: session.user.id,
    displayName: session.user.displayName,
    grants: session.user.grants.filter((g) => g.tenant === CITY.slug),
  };
  if (!mayAttempt(actor, action)) throw new AppError('forbidden', '只有市委组织部管理员可以查看和签收全市备案');
  return actor;
}

/**
 * 市委组织部备案收件箱 (issue 13, ADR 0024): read from the city's copy in the
 * control database (one query, however many counties); signed on each
 * county's own record. Mounted on the city API, behind its session middleware.
 */
export function mountCityFilings(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    cityActor(c, 'filing.city_read');
    return c.json(await listCityFilings({ control: c.get('control'), input: c.req.valid('query') }), 200);
  });
  app.openapi(acknowledgeRoute, async (c) => {
    const actor = cityActor(c, 'filing.city_ack');
    const ctx = { control: c.get('control'), env: c.env, actor, clock: c.get('clock'), requestId: c.get('requestId') };
    const input = c.req.valid('json');
    // The counties written to: the edge relays their events after the response (workers/edge/src/events.ts relayAfterWrite).
    c.set('writtenTenants' as never, [...new Set(input.items.map((i) => i.tenant))] as never);
    return c.json(await acknowledgeCityFilings({ ctx, input }), 200);
  });
  return app;
}
