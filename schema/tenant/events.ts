import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Domain events (ADR 0012). Every audited change writes its event here in the
 * same D1 batch as the change, so an event exists exactly when the change
 * committed; the relay copies undelivered rows onto the queue afterwards.
 * Every database that takes writes has these tables: each county's and the
 * control database (accounts, and the city's own registry).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    /** `evt_` + the ULID of the audit row it was derived from: time-ordered and unique. */
    id: text('id').primaryKey(),
    /** The catalogue name, e.g. `need.created` (packages/events/src/events.ts). */
    type: text('type').notNull(),
    version: integer('version').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    at: integer('at').notNull(),
    requestId: text('request_id').notNull(),
    /** The event's payload: only the fields its schema lists (never personal data). */
    data: text('data', { mode: 'json' }).notNull(),
    /** NULL until the relay has handed the event to the queue. */
    relayedAt: integer('relayed_at'),
    /** Relay attempts that failed to send (the sweep keeps trying). */
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('outbox_pending_idx').on(t.relayedAt, t.id), index('outbox_aggregate_idx').on(t.aggregateType, t.aggregateId, t.id)],
);

/**
 * What each consumer has processed, written in the same batch as the
 * consumer's effect: a redelivered event finds its row and changes nothing.
 */
export const consumedEvents = sqliteTable(
  'consumed_events',
  {
    consumer: text('consumer').notNull(),
    eventId: text('event_id').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

/** Events that exhausted their retries, kept in the event's tenant database until replayed. */
export const deadLetters = sqliteTable(
  'dead_letters',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The consumer that failed, or `queue` when the message reached the dead-letter queue without a recorded failure. */
    consumer: text('consumer').notNull(),
    error: text('error').notNull(),
    /** The whole event envelope, as it was sent. */
    payload: text('payload', { mode: 'json' }).notNull(),
    firstFailedAt: integer('first_failed_at').notNull(),
    lastFailedAt: integer('last_failed_at').notNull(),
    attempts: integer('attempts').notNull().default(1),
    replayedAt: integer('replayed_at'),
    replayedBy: text('replayed_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('dead_letters_event_consumer_uq').on(t.eventId, t.consumer), index('dead_letters_failed_idx').on(t.lastFailedAt, t.id)],
);

export type OutboxRow = typeof outbox.$inferSelect;
export type DeadLetter = typeof deadLetters.$inferSelect;
