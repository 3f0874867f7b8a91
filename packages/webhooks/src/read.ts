// Webhooks (ADR 0028) offer no reads to other capabilities; they react to events only.
export { WEBHOOK_EVENT_TYPES } from '@ronghe/schema';
