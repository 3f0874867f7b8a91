// The part of the package that packages/core needs to write events (its
// writeBatch): the catalogue and the outbox SQL. It imports nothing from
// @ronghe/core, so core can depend on it without a cycle at load time.
export { ACTION_EVENTS, EVENTS, EVENT_BY_TYPE, envelopeSchema, isEvent, parseEvent, type EventDef, type EventEnvelope, type Source } from './events.ts';
export { insertsAuditRows, OUTBOX_AFTER_AUDIT_SQL, toEnvelope, type OutboxRecord } from './outbox.ts';
