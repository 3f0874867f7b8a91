import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { TRANSITIONS, transitionAlliance } from '@ronghe/alliance';
import { settleDissolution } from '@ronghe/lists';
import { ALLIANCE_ACTION_LABELS, ALLIANCE_ACTIONS, ALLIANCE_STATUS_LABELS, AllianceDetailSchema, TRANSITION_BODIES, type AllianceAction, type TransitionInput } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { AllianceParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

// One operation per workflow action. They differ only in their body and in
// whose decision they are, so they are made from the state-machine table
// rather than written out ten times.

function describe(action: AllianceAction): string {
  const t = TRANSITIONS[action];
  const from = t.from.map((s) => ALLIANCE_STATUS_LABELS[s]).join('/');
  const who = t.permission === 'alliance.review' ? '审批的上级党(工)委' : '牵头党组织或旗县区管理员';
  return `${ALLIANCE_ACTION_LABELS[action]}：${from} → ${ALLIANCE_STATUS_LABELS[t.to]}（${who}）`;
}

function transitionRouter(action: AllianceAction) {
  const permission = TRANSITIONS[action].permission;
  const route = tenantRoute({
    method: 'post',
    path: `/t/{tenant}/alliances/{id}/${action}`,
    tags: ['党建联合体'],
    summary: describe(action),
    description:
      action === 'dissolve'
        ? '非法的状态转换返回 409 并说明原因。联合体尚有未结的项目、需求或资源时，须在 settlement 中逐项或统一决定取消（关闭）、释放或移交给本旗县区运行中的联合体，缺少决定或接收方无效时返回 422 并逐项指明字段；处理结果记入时间轴，与撤销在同一批次生效。'
        : '非法的状态转换返回 409 并说明原因；条件不足时返回 409，errors 逐条列出所缺内容。',
    action: permission,
    request: {
      params: AllianceParams,
      headers: IfMatchHeader,
      body: { content: { 'application/json': { schema: TRANSITION_BODIES[action] } }, required: true },
    },
    responses: {
      200: { description: '已办理', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
      ...writeErrors,
    },
  });
  return createRouter().openapi(route, async (c) => {
    const ctx = serviceContext(c);
    const body: TransitionInput = c.req.valid('json');
    const a = await transitionAlliance({
      ctx,
      input: { id: c.req.valid('param').id, action, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), body },
      // Dissolution settles the lists' open work in the same batch (ADR 0016); the worker composes the two capabilities.
      settle: action === 'dissolve' ? (d) => settleDissolution({ ctx, input: { ...d, settlement: body.settlement } }) : undefined,
    });
    return c.json(a, 200, { ETag: etagOf(a.version) });
  });
}

export const transitionRouters = ALLIANCE_ACTIONS.map(transitionRouter);
