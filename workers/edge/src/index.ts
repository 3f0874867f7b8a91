import { createManagementApi } from '@ronghe/api';
import { createCityApi, createRollupExportApi } from '@ronghe/city';
import { readCityRollup } from '@ronghe/rollup/read';
import { bodyLimit, createRouter, onError, requestContext, securityHeaders, type AppEnv } from '@ronghe/http';
import { createPublicApi } from '@ronghe/public-api';
import { V1_CHANGELOG, v1Document } from '@ronghe/public-api/document';
import { Hono } from 'hono';
import { Scalar } from '@scalar/hono-api-reference';
import { AppError, verifyPreparedShapes, type Clock } from '@ronghe/core';
import { handleQueue, relayAfterWrite } from './events.ts';
import { runScheduled } from './scheduled.ts';

/**
 * The composition root of the one deployable: middleware, error handler,
 * the mounted workers (management API, city rollup, public API), the API
 * document, and static assets for the admin UI (served by the platform for
 * every path not routed here; see wrangler.toml `run_worker_first`).
 */
export function createEdgeApp(opts: { clock?: Clock } = {}) {
  const app = createRouter();
  // First, so it sees the final response of everything below, errors included.
  app.use('*', securityHeaders());
  app.use('*', requestContext(opts));
  // Domain events: relay the request's outbox rows after it committed (ADR 0012).
  app.use('*', relayAfterWrite);
  // Each route declares its own body limit (`tenantRoute`'s `body`, or `bodyLimit` in its middleware);
  // this is only the ceiling no request may pass, whatever it is aimed at: the largest a route may declare.
  app.use('*', bodyLimit('xlsx'));
  app.onError(onError);

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/api', createManagementApi());
  app.route('/api', createCityApi());
  // The rollup's workbook and CSV (issue 13 open data), from the stored rollup (ADR 0022): one query of the control database.
  app.route('/api', createRollupExportApi(({ control, now }) => readCityRollup(control.$client, { now })));
  // The public API's own document, reader and changelog (ADR 0030), open without a key: registered before
  // the /v1 mount, they answer before its key check would run.
  app.get('/v1/openapi.json', (c) => c.json(v1Document()));
  app.get('/v1/docs', Scalar({ url: '/v1/openapi.json', pageTitle: '融合党建开放接口 v1', cdn: '/vendor/scalar/standalone.js' }));
  app.get('/v1/changelog', (c) => c.body(V1_CHANGELOG, 200, { 'content-type': 'text/markdown; charset=utf-8' }));
  // Through a plain Hono so its operations stay out of the management document: /v1 has its own (/v1/openapi.json).
  app.route('/v1', new Hono<AppEnv>().route('/', createPublicApi() as unknown as Hono<AppEnv>));

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'http',
    scheme: 'bearer',
    description: '登录后得到的会话令牌（rhs_…）',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '融合党建（ronghe）管理接口',
      version: '1.0.0',
      description:
        '赤峰市融合党建平台的管理接口（/api，会话令牌）。错误均为 RFC 9457 application/problem+json。面向第三方应用的开放接口（/v1，接口密钥）有自己的文档：/v1/openapi.json，阅读：/v1/docs。',
    },
    security: [{ session: [] }],
  });
  // The reference UI is served from our own assets (scripts/vendor-api-reference.ts), not a CDN.
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: '融合党建接口文档', cdn: '/vendor/scalar/standalone.js' }));

  app.notFound((c) => {
    throw new AppError('not_found', '请求的资源不存在');
  });
  return app;
}

const app = createEdgeApp();

export default {
  fetch(request, env, ctx) {
    // Under test every read of a kept query shape checks that it would build the same SQL
    // (packages/core/src/prepared-reads.ts); never in development or production.
    if (env.APP_ENV === 'test') verifyPreparedShapes(true);
    return app.fetch(request, env, ctx);
  },
  // The Cron Triggers (wrangler.toml [triggers]): the daily supervision job (督办) and the outbox sweep; see scheduled.ts.
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(controller.cron, env as unknown as Record<string, unknown>));
  },
  // Domain events and their dead letters (wrangler.toml [[queues.consumers]]; ADR 0012).
  async queue(batch, env) {
    await handleQueue(batch, env as unknown as Record<string, unknown>);
  },
} satisfies ExportedHandler<AppEnv['Bindings']>;
