import type { Consumer } from '@ronghe/events';
import { newId } from '@ronghe/core';
import { WEBHOOK_EVENT_TYPE_LIST } from '@ronghe/schema';
import { webhookBody } from '../payload.ts';

/**
 * The webhooks consumer (ADR 0028): for an event of a public type, one pending
 * delivery per enabled endpoint subscribed to it, with the exact body it will
 * be sent. Idempotent twice over: the dispatcher's `consumed_events` row, and
 * `(endpoint_id, event_id)` unique. The attempts are made afterwards
 * (deliverDue), so a slow receiver never holds the queue.
 */
export const webhooksConsumer: Consumer = {
  name: 'webhooks.deliveries',
  types: WEBHOOK_EVENT_TYPE_LIST,
  async handle(event, { db }) {
    const { results } = await db
      .prepare(`SELECT id FROM webhook_endpoints WHERE status = 'enabled' AND EXISTS (SELECT 1 FROM json_each(webhook_endpoints.event_types) WHERE value = ?) ORDER BY id`)
      .bind(event.type)
      .all<{ id: string }>();
    if (results.length === 0) return [];
    const body = JSON.stringify(webhookBody(event));
    const now = Date.now();
    return results.map((r) =>
      db
        .prepare(
          `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, body, status, attempts, next_attempt_at, created_at, version)
           VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, 1) ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
        )
        .bind(newId('whd', now), r.id, event.id, event.type, body, now, now),
    );
  },
};
