import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';

// The answers' schemas live with the rest of the webhook schemas (schema/tenant/webhooks-schemas.ts).
export { WebhookDeliveryViewSchema as WebhookDeliverySchema, WebhookEndpointViewSchema as WebhookEndpointSchema, WebhookEndpointWithSecretSchema as WebhookEndpointWithSecret } from '@ronghe/schema';

export const EndpointParams = TenantParam.extend({
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '回调地址编号' }),
});
export const DeliveryParams = TenantParam.extend({
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '投递记录编号' }),
});

export const DeliveryQuery = z
  .object({
    endpointId: z.string().max(40).optional(),
    status: z.enum(['pending', 'delivered', 'failed'], { message: '状态只能是待投递、已送达或失败' }).optional(),
  })
  .strict();
