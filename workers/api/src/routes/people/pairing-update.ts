import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updatePairing } from '@ronghe/people';
import { PairingSchema, PairingUpdateSchema } from '@ronghe/schema';
import { ETagHeader } from '../../lib/etag-header.ts';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG, PairingIdParams } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/pairings/{id}',
  tags: PAIRING_TAG,
  summary: '修改结对（协议、联系人），或填写结束日期结束结对',
  action: 'pairing.manage',
  request: { params: PairingIdParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: PairingUpdateSchema } }, required: true } },
  responses: { 200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: PairingSchema } } }, ...writeErrors },
});

export const updatePairingRouter = createRouter().openapi(route, async (c) => {
  const v = await updatePairing({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(v, 200, { ETag: etagOf(v.version) });
});
