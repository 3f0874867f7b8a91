import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, rateLimitedErrors, type TenantEnv } from '@ronghe/http';
import { listRedDistricts } from '@ronghe/alliance/read';
import { getPublicActivity, listPublicActivities } from '@ronghe/activities/read';
import { getPublicProject, listPublicProjects } from '@ronghe/lists/read';
import { PublicActivityQuerySchema, PublicActivitySchema, PublicProjectQuerySchema, PublicProjectSchema } from '@ronghe/schema';
import type { Context } from 'hono';
import { EX_ACTIVITY_ID, EX_PROJECT_ID, exActivity, exActivityPage, exProject, exProjectPage, exRedDistricts } from './examples.ts';
import { v1Route } from './v1-route.ts';

// The /v1 reads of issue 14 § Endpoints added by ADR 0029: projects and their
// progress, activities' public summaries, 红色片区. Public fields only:
// organizations and alliances by name, never a person.

/** Alliances third parties may see: approved and not dissolved. Drafts and applications are internal. */
export const PUBLIC_ALLIANCE_STATUSES = ['approved', 'established', 'active', 'rectifying'] as const;

function ctxOf(c: Context<TenantEnv>) {
  return { db: c.get('db'), tenant: c.get('tenant'), actor: c.get('actor'), clock: c.get('clock'), requestId: c.get('requestId') };
}

const errors = { ...commonErrors, ...rateLimitedErrors };
const idParam = (example: string) => z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example }) });
const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int() });

const PublicRedDistrict = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    alliances: z.array(z.object({ id: z.string(), name: z.string() })),
    routes: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('PublicRedDistrict');

const projectListRoute = v1Route({
  method: 'get',
  path: '/projects',
  tags: ['开放接口 v1'],
  summary: '项目清单及进度（公开联合体的项目；不含负责人等个人信息）',
  'x-action': 'public.project.read',
  scope: 'projects:read',
  security: [{ apiKey: [] }],
  request: { query: PublicProjectQuerySchema },
  responses: { 200: { description: '一页项目', content: { 'application/json': { schema: page(PublicProjectSchema), example: exProjectPage } } }, ...errors },
});

const projectGetRoute = v1Route({
  method: 'get',
  path: '/projects/{id}',
  tags: ['开放接口 v1'],
  summary: '项目进度（状态、进度百分比、里程碑完成数、认领单位、所满足的需求）',
  'x-action': 'public.project.read',
  scope: 'projects:read',
  security: [{ apiKey: [] }],
  request: { params: idParam(EX_PROJECT_ID) },
  responses: { 200: { description: '项目', content: { 'application/json': { schema: PublicProjectSchema, example: exProject } } }, ...errors },
});

const activityListRoute = v1Route({
  method: 'get',
  path: '/activities',
  tags: ['开放接口 v1'],
  summary: '联合体活动（默认已开展的；只给出参加人数，不含参加人）',
  'x-action': 'public.activity.read',
  scope: 'activities:read',
  security: [{ apiKey: [] }],
  request: { query: PublicActivityQuerySchema },
  responses: { 200: { description: '一页活动', content: { 'application/json': { schema: page(PublicActivitySchema), example: exActivityPage } } }, ...errors },
});

const activityGetRoute = v1Route({
  method: 'get',
  path: '/activities/{id}',
  tags: ['开放接口 v1'],
  summary: '活动概况',
  'x-action': 'public.activity.read',
  scope: 'activities:read',
  security: [{ apiKey: [] }],
  request: { params: idParam(EX_ACTIVITY_ID) },
  responses: { 200: { description: '活动', content: { 'application/json': { schema: PublicActivitySchema, example: exActivity } } }, ...errors },
});

const districtListRoute = v1Route({
  method: 'get',
  path: '/red-districts',
  tags: ['开放接口 v1'],
  summary: '红色街区（片区）及其联合体、红色风景线',
  'x-action': 'public.alliance.read',
  scope: 'alliances:read',
  security: [{ apiKey: [] }],
  responses: {
    200: { description: '红色街区', content: { 'application/json': { schema: z.object({ items: z.array(PublicRedDistrict), total: z.number().int() }), example: exRedDistricts } } },
    ...errors,
  },
});

export const publicReadsRouter = createRouter<TenantEnv>()
  .openapi(projectListRoute, async (c) => c.json(await listPublicProjects(ctxOf(c), c.req.valid('query'), PUBLIC_ALLIANCE_STATUSES), 200))
  .openapi(projectGetRoute, async (c) => c.json(await getPublicProject(ctxOf(c), c.req.valid('param').id, PUBLIC_ALLIANCE_STATUSES), 200))
  .openapi(activityListRoute, async (c) => c.json(await listPublicActivities(ctxOf(c), c.req.valid('query'), PUBLIC_ALLIANCE_STATUSES), 200))
  .openapi(activityGetRoute, async (c) => c.json(await getPublicActivity(ctxOf(c), c.req.valid('param').id, PUBLIC_ALLIANCE_STATUSES), 200))
  .openapi(districtListRoute, async (c) => {
    const ctx = ctxOf(c);
    // Active districts; in each, the alliances third parties may see and the active routes, in the district's order (one D1 round trip).
    const districts = await listRedDistricts({ ctx, input: { status: 'active', activeRoutesOnly: true } });
    const shown = new Set<string>(PUBLIC_ALLIANCE_STATUSES);
    const items = districts.map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description,
      alliances: d.alliances.filter((a) => shown.has(a.status)).map((a) => ({ id: a.id, name: a.name })),
      routes: d.routes.map((r) => ({ id: r.id, name: r.name })),
    }));
    return c.json({ items, total: items.length }, 200);
  });
