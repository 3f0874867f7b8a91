import { createRoute, z } from '@hono/zod-openapi';
import { AppError, type TenantDb } from '@ronghe/core';
import { commonErrors, controlDb, createRouter, requireSession, XLSX, type AppEnv } from '@ronghe/http';
import { mayAttempt } from '@ronghe/identity';
import { OPEN_DATA_TOPICS, openDataTopic, type CityRollup } from '@ronghe/schema';
import { CITY } from '@ronghe/tenancy';
import type { Context } from 'hono';
import { OPEN_DATA_NAME, rollupWorkbook, topicCsv } from './build.ts';

/** Where the city's rollup comes from: injected, so the exports do not depend on how the rollup is stored. */
export type RollupLoader = (ctx: { env: AppEnv['Bindings']; control: TenantDb; now: number }) => Promise<CityRollup>;

const CSV = 'text/csv; charset=utf-8';
const TOPIC_SLUGS = OPEN_DATA_TOPICS.map((t) => t.slug) as [string, ...string[]];

const workbookRoute = createRoute({
  method: 'get',
  path: '/city/open-data/xlsx',
  tags: ['市级汇总'],
  summary: '全市汇总开放数据：Excel 工作簿（每个主题一张工作表，含标题和统计时间）',
  'x-action': 'city.rollup',
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/city/open-data/csv/{topic}',
  tags: ['市级汇总'],
  summary: '全市汇总开放数据：一个主题的 CSV（UTF-8，带 BOM）',
  'x-action': 'city.rollup',
  request: {
    params: z.object({
      topic: z.enum(TOPIC_SLUGS, { message: `主题须为：${OPEN_DATA_TOPICS.map((t) => `${t.slug}（${t.title}）`).join('、')}` }).openapi({ param: { name: 'topic', in: 'path' }, example: 'orgs' }),
    }),
  },
  responses: { 200: { description: '.csv 文件', content: { 'text/csv': { schema: { type: 'string' } } } }, ...commonErrors },
});

/** RFC 6266: an ASCII fallback plus the UTF-8 name people see. */
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** `YYYYMMDD` in Beijing time, for file names. */
const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

function requireCityRole(c: Context<AppEnv>) {
  const session = c.get('session')!;
  const actor = { userId: session.user.id, displayName: session.user.displayName, grants: session.user.grants.filter((g) => g.tenant === CITY.slug) };
  if (!mayAttempt(actor, 'city.rollup')) throw new AppError('forbidden', '只有市委组织部可以下载全市汇总数据');
}

/**
 * The rollup's exports (issue 13): the workbook and a CSV per topic, for the
 * city's roles. Figures only (schema/open-data.ts): nothing personal.
 */
export function createRollupExportApi(load: RollupLoader) {
  const app = createRouter();
  app.use('*', controlDb, requireSession);
  const rollup = (c: Context<AppEnv>) => load({ env: c.env, control: c.get('control'), now: c.get('clock').now() });
  return app
    .openapi(workbookRoute, async (c) => {
      requireCityRole(c);
      const now = c.get('clock').now();
      const bytes = await rollupWorkbook(await rollup(c), now);
      return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(`rollup-${day(now)}.xlsx`, `${OPEN_DATA_NAME}-${day(now)}.xlsx`) });
    })
    .openapi(csvRoute, async (c) => {
      requireCityRole(c);
      const topic = openDataTopic(c.req.valid('param').topic)!;
      const now = c.get('clock').now();
      const text = topicCsv(topic, await rollup(c));
      return c.body(text, 200, { 'content-type': CSV, 'content-disposition': attachment(`${topic.slug}-${day(now)}.csv`, `${OPEN_DATA_NAME}-${topic.title}-${day(now)}.csv`) });
    });
}
