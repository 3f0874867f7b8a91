import type { EventEnvelope } from '@ronghe/events';
import { WEBHOOK_EVENT_TYPES } from '@ronghe/schema';

/**
 * The body a webhook receives: the public projection of a domain event. Only
 * the envelope's id, type, version, tenant, time and aggregate travel, with
 * the event's data (already a projection of ids, statuses, kinds and
 * quantities: ADR 0012) — not the actor (an account) nor the request id.
 */
export interface WebhookBody {
  id: string;
  type: string;
  version: number;
  tenant: string;
  occurredAt: string;
  aggregate: { type: string; id: string };
  data: Record<string, unknown>;
}

export const isWebhookType = (type: string): boolean => Object.hasOwn(WEBHOOK_EVENT_TYPES, type);

export function webhookBody(event: EventEnvelope): WebhookBody {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    tenant: event.tenant,
    occurredAt: new Date(event.at).toISOString(),
    aggregate: { type: event.aggregate.type, id: event.aggregate.id },
    data: event.data,
  };
}
