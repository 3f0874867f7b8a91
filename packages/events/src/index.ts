// @ronghe/events: domain events, their outbox, the relay onto Cloudflare
// Queues, idempotent consumers and dead letters (ADR 0012). No Hono here.
export { ACTION_EVENTS, EVENTS, EVENT_BY_TYPE, envelopeSchema, isEvent, parseEvent, type EventDef, type EventEnvelope, type Source } from './events.ts';
export { insertsAuditRows, OUTBOX_AFTER_AUDIT_SQL, toEnvelope, type OutboxRecord } from './outbox.ts';
export { relayAll, relayOutbox, SEND_BATCH_MAX_MESSAGES, type OutboxSource, type RelayResult } from './relay.ts';
export { applyOnce, consumeBatch, consumeDeadLetters, MAX_RETRIES, retryDelaySeconds, type ConsumeOptions, type Consumer, type DbOf, type Outcome } from './consume.ts';
export { listDeadLetters, replayDeadLetter, type DeadLetterView } from './dead-letters.ts';
