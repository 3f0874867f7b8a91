import { type z } from '@hono/zod-openapi';
import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { PROJECT_TRANSITIONS, transitionProject } from '@ronghe/lists';
import {
  PROJECT_ACTION_LABELS,
  PROJECT_ACTIONS,
  PROJECT_STATUS_LABELS,
  ProjectAcceptSchema,
  ProjectCompleteSchema,
  ProjectDetailSchema,
  ProjectStartSchema,
  ReasonBodySchema,
  type ProjectAction,
} from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader, ProjectParams, TAG } from './params.ts';

// One operation per workflow step, made from the state-machine table.

const BODIES: Record<ProjectAction, z.ZodType> = {
  start: ProjectStartSchema,
  complete: ProjectCompleteSchema,
  accept: ProjectAcceptSchema,
  return: ReasonBodySchema,
  cancel: ReasonBodySchema,
};

function describe(action: ProjectAction): string {
  const t = PROJECT_TRANSITIONS[action];
  const from = t.from.map((s) => PROJECT_STATUS_LABELS[s]).join('/');
  const who = t.permission === 'project.manage' ? '联合体或旗县区管理员' : '已确认的认领单位或联合体';
  return `${PROJECT_ACTION_LABELS[action]}：${from} → ${PROJECT_STATUS_LABELS[t.to]}（${who}）`;
}

function transitionRouter(action: ProjectAction) {
  const permission = PROJECT_TRANSITIONS[action].permission;
  const route = tenantRoute({
    method: 'post',
    path: `/t/{tenant}/projects/{id}/${action}`,
    tags: [TAG],
    summary: describe(action),
    description: '无权办理返回 403；当前状态不允许返回 409 并说明原因；ETag 过期返回 412；条件不足返回 409，errors 逐条列出所缺内容。',
    action: permission,
    request: {
      params: ProjectParams,
      headers: IfMatchHeader,
      body: { content: { 'application/json': { schema: BODIES[action] } }, required: true },
    },
    responses: {
      200: { description: '已办理', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
      ...writeErrors,
    },
  });
  return createRouter().openapi(route, async (c) => {
    const p = await transitionProject({
      ctx: serviceContext(c),
      input: { id: c.req.valid('param').id, action, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), body: c.req.valid('json') as never },
    });
    return c.json(p, 200, { ETag: etagOf(p.version) });
  });
}

export const projectTransitionRouters = PROJECT_ACTIONS.map(transitionRouter);
