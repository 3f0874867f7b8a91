import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Signed webhooks (issue 14, ADR 0028): a county's endpoints, the deliveries
 * of domain events to them and every attempt. Kept in the tenant's own
 * database, beside the events they deliver.
 */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    url: text('url').notNull(),
    description: text('description').notNull(),
    /** The public event types it receives (packages/webhooks/src/event-types.ts), a JSON array. */
    eventTypes: text('event_types', { mode: 'json' }).notNull().$type<string[]>(),
    /** The signing secret, AES-GCM encrypted with the worker's key (ADR 0028): `v1.<iv b64>.<ciphertext b64>`. Never returned. */
    secretEnc: text('secret_enc').notNull(),
    /** The first characters of the secret, shown to tell secrets apart after a rotation. */
    secretPrefix: text('secret_prefix').notNull(),
    /** `enabled` | `disabled`. */
    status: text('status').notNull(),
    /** Why it is disabled: `manual` | `failures` (auto-disabled after consecutive failures). */
    disabledReason: text('disabled_reason'),
    /** Failed attempts since the last success; reset by a success or by enabling again. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('webhook_endpoints_created_idx').on(t.createdAt)],
);

/** One event for one endpoint: created once per (endpoint, event) by the queue consumer, retried until delivered. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The exact JSON body sent (the public projection of the event; no personal data). */
    body: text('body').notNull(),
    /** `pending` | `delivered` | `failed` (gave up, or its endpoint was disabled). */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the sweep tries it next (NULL once delivered or failed). */
    nextAttemptAt: integer('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastLatencyMs: integer('last_latency_ms'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_uq').on(t.endpointId, t.eventId),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_created_idx').on(t.createdAt),
  ],
);

/** Every attempt of a delivery: when, the answer's status code (NULL: no answer), how long it took, the error. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    attempt: integer('attempt').notNull(),
    at: integer('at').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    error: text('error'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
