import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { decideAdjustment } from '@ronghe/alliance';
import { AdjustmentDecisionSchema, AllianceDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { AdjustmentParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

// Approve and reject are the same decision with a different outcome.
function decisionRouter(outcome: 'approve' | 'reject') {
  const route = tenantRoute({
    method: 'post',
    path: `/t/{tenant}/alliances/{id}/adjustments/{adjId}/${outcome}`,
    tags: ['党建联合体'],
    summary: outcome === 'approve' ? '同意调整（立即生效，记入时间轴并备案）' : '不同意调整',
    action: 'alliance.review',
    request: {
      params: AdjustmentParams,
      headers: IfMatchHeader,
      body: { content: { 'application/json': { schema: AdjustmentDecisionSchema } }, required: true },
    },
    responses: {
      200: { description: '已决定', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
      ...writeErrors,
    },
  });
  return createRouter().openapi(route, async (c) => {
    const p = c.req.valid('param');
    const body = c.req.valid('json');
    const a = await decideAdjustment({
      ctx: serviceContext(c),
      input: { id: p.id, adjustmentId: p.adjId, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), approve: outcome === 'approve', note: body.note, onDate: body.onDate, contributions: body.contributions },
    });
    return c.json(a, 200, { ETag: etagOf(a.version) });
  });
}

export const approveAdjustmentRouter = decisionRouter('approve');
export const rejectAdjustmentRouter = decisionRouter('reject');
