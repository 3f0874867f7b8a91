import { z } from '@hono/zod-openapi';
// Labels live in ../labels.ts (no zod there: the admin UI's pages read them without the schemas).
import { WEBHOOK_EVENT_TYPES } from '../labels.ts';
export { WEBHOOK_EVENT_TYPES, WEBHOOK_STATUS_LABELS, WEBHOOK_DELIVERY_STATUS_LABELS } from '../labels.ts';


export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;
export const WEBHOOK_EVENT_TYPE_LIST = Object.keys(WEBHOOK_EVENT_TYPES) as [WebhookEventType, ...WebhookEventType[]];


const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPE_LIST, { message: '请选择可订阅的事件类型' }))
  .min(1, '请至少选择一种事件类型')
  .max(WEBHOOK_EVENT_TYPE_LIST.length);

const url = z.string().trim().min(1, '请填写接收地址').max(500, '接收地址不能超过 500 个字符');
const description = z.string().trim().max(200, '说明不能超过 200 个字符');

export const webhookEndpointCreateSchema = z
  .object({ url, description: description.default(''), eventTypes })
  .strict();
export type WebhookEndpointCreate = z.infer<typeof webhookEndpointCreateSchema>;

export const webhookEndpointUpdateSchema = z
  .object({
    url: url.optional(),
    description: description.optional(),
    eventTypes: eventTypes.optional(),
    status: z.enum(['enabled', 'disabled'], { message: '状态只能是启用或停用' }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '请至少修改一项' });
export type WebhookEndpointUpdate = z.infer<typeof webhookEndpointUpdateSchema>;

// ── What the management API answers about webhooks (one schema: the routes, the package and the admin UI derive from it) ──

export const WebhookEndpointViewSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()).openapi({ description: `订阅的事件类型：${WEBHOOK_EVENT_TYPE_LIST.join('、')}` }),
    status: z.enum(['enabled', 'disabled']),
    disabledReason: z.enum(['manual', 'failures']).nullable().openapi({ description: 'manual：管理员停用；failures：连续投递失败被自动停用' }),
    consecutiveFailures: z.number().int(),
    secretPrefix: z.string().openapi({ description: '签名密钥的前几位，用于区分（密钥本身只在创建或更换时返回一次）' }),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    version: z.number().int(),
  })
  .openapi('WebhookEndpoint');
export type WebhookEndpointView = z.infer<typeof WebhookEndpointViewSchema>;

export const WebhookEndpointWithSecretSchema = WebhookEndpointViewSchema.extend({
  secret: z.string().openapi({ description: '签名密钥明文，只返回这一次；验签方法见 docs/webhooks.md' }),
}).openapi('WebhookEndpointWithSecret');

export const WebhookAttemptViewSchema = z.object({ attempt: z.number().int(), at: z.number().int(), statusCode: z.number().int().nullable(), latencyMs: z.number().int(), error: z.string().nullable() });
export type WebhookAttemptView = z.infer<typeof WebhookAttemptViewSchema>;

export const WebhookDeliveryViewSchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']).openapi({ description: 'pending：待投递；delivered：已送达；failed：已放弃（可重新投递）' }),
    attempts: z.number().int(),
    nextAttemptAt: z.number().int().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.number().int(),
    deliveredAt: z.number().int().nullable(),
    version: z.number().int(),
    body: z.unknown().openapi({ description: '发送的请求体（事件的公开投影，不含个人信息）' }),
    attemptLog: z.array(WebhookAttemptViewSchema),
  })
  .openapi('WebhookDelivery');
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryViewSchema>;
