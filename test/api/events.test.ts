import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { MAX_RETRIES, type Consumer, type EventEnvelope } from '@ronghe/events';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { createEdgeApp } from '../../workers/edge/src/index.ts';
import { EVENTS_DLQ, EVENTS_QUEUE, handleQueue, sweepOutboxes } from '../../workers/edge/src/events.ts';
import { makeDeadLetter } from '../support/event-route-cases.ts';
import { call, makeFixture, makeUser } from '../support/factories.ts';
import { ROUTE_CASES } from '../support/route-cases.ts';
import { bindings } from '../support/worker.ts';

// Domain events beyond "each write emits its event" (test/api/audit-every-write.test.ts):
// delivery survives a failed relay, consumers are idempotent by event id, and a
// consumer that keeps failing ends in the county's dead letters, where its
// administrator — and nobody else — sees and replays it (ADR 0012).
const T = 'linxi';
const OTHER = 'aohan';
const dbOf = (t: string) => bindings[findTenant(t)!.binding]!;
const envWith = (extra: Record<string, unknown>) => ({ ...(env as unknown as Record<string, unknown>), ...extra });

interface OutboxRow {
  id: string;
  type: string;
  aggregate_id: string;
  relayed_at: number | null;
  attempts: number;
}

/** A queue that records what it was given. */
function capturingQueue() {
  const sent: EventEnvelope[] = [];
  const queue = {
    async send(body: EventEnvelope) {
      sent.push(body);
    },
    async sendBatch(msgs: Iterable<{ body: EventEnvelope }>) {
      for (const m of msgs) sent.push(m.body);
    },
  };
  return { sent, queue: queue as unknown as Queue };
}

const failingQueue = {
  async send() {
    throw new Error('queue unavailable');
  },
  async sendBatch() {
    throw new Error('queue unavailable');
  },
} as unknown as Queue;

/** A new list category through the real route: one `category.created` event in the county's outbox. */
async function createCategory(app: ReturnType<typeof createEdgeApp>, bindingsOverride: Record<string, unknown>) {
  const f = await makeFixture(T);
  const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  const req = await ROUTE_CASES['POST /api/t/{tenant}/list-categories']!.build(f);
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`http://x${req.path}`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: JSON.stringify(req.body) }),
    envWith(bindingsOverride),
    ctx,
  );
  await waitOnExecutionContext(ctx);
  expect(res.status, await res.clone().text()).toBe(201);
  const created = (await res.json()) as { id: string };
  const rows = (await dbOf(T).prepare("SELECT * FROM outbox WHERE aggregate_id = ? AND type = 'category.created'").bind(created.id).all<OutboxRow>()).results;
  expect(rows).toHaveLength(1);
  return { categoryId: created.id, event: rows[0]! };
}

function batchOf(queue: string, events: EventEnvelope[], attempts = 1) {
  return createMessageBatch<EventEnvelope>(
    queue,
    events.map((body, i) => ({ id: `msg-${i}-${body.id}`, timestamp: new Date(1_800_000_000_000), attempts, body })),
  );
}

async function envelopeOf(eventId: string, tenant = T): Promise<EventEnvelope> {
  const { queue, sent } = capturingQueue();
  await dbOf(tenant).prepare('UPDATE outbox SET relayed_at = NULL WHERE id = ?').bind(eventId).run();
  await sweepOutboxes(envWith({ EVENTS: queue }));
  const e = sent.find((s) => s.id === eventId);
  expect(e, `${eventId} relayed`).toBeTruthy();
  return e!;
}

describe('delivery', () => {
  it('a change whose relay fails is committed with its event undelivered, and the sweep delivers it', async () => {
    const { event } = await createCategory(createEdgeApp(), { EVENTS: failingQueue });
    // The change and its event are committed; the failed send is counted, the row waits.
    expect(event.relayed_at).toBeNull();
    expect(event.attempts).toBeGreaterThanOrEqual(1);

    const { queue, sent } = capturingQueue();
    await sweepOutboxes(envWith({ EVENTS: queue }), { now: 1_900_000_000_000 });
    const delivered = sent.filter((e) => e.id === event.id);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ type: 'category.created', tenant: T, aggregate: { type: 'list_category', id: event.aggregate_id } });
    const after = await dbOf(T).prepare('SELECT relayed_at FROM outbox WHERE id = ?').bind(event.id).first<{ relayed_at: number }>();
    expect(after!.relayed_at).toBe(1_900_000_000_000);

    // Once delivered, the next sweep does not send it again.
    const again = capturingQueue();
    await sweepOutboxes(envWith({ EVENTS: again.queue }));
    expect(again.sent.filter((e) => e.id === event.id)).toEqual([]);
  });

  it('after a successful write the request relays its event itself', async () => {
    const { queue, sent } = capturingQueue();
    const { event } = await createCategory(createEdgeApp(), { EVENTS: queue });
    expect(sent.filter((e) => e.id === event.id)).toHaveLength(1);
    const row = await dbOf(T).prepare('SELECT relayed_at FROM outbox WHERE id = ?').bind(event.id).first<{ relayed_at: number | null }>();
    expect(row!.relayed_at).not.toBeNull();
  });
});

describe('consumers', () => {
  /** A consumer whose effect is visible: it moves the created category down one place. */
  const counter: Consumer = {
    name: 'test.category_counter',
    types: ['category.created'],
    handle: (e, { db }) => [db.prepare('UPDATE list_categories SET sort_order = sort_order + 1 WHERE id = ?').bind(e.data.categoryId)],
  };
  const sortOrder = async (id: string) => (await dbOf(T).prepare('SELECT sort_order AS n FROM list_categories WHERE id = ?').bind(id).first<{ n: number }>())!.n;

  it('a redelivered event changes nothing twice', async () => {
    const { categoryId, event } = await createCategory(createEdgeApp(), { EVENTS: capturingQueue().queue });
    const envelope = await envelopeOf(event.id);
    const before = await sortOrder(categoryId);

    // Delivered twice in one batch, then once more later (at-least-once delivery).
    const first = batchOf(EVENTS_QUEUE, [envelope, envelope]);
    await handleQueue(first, envWith({}), { consumers: [counter] });
    const second = batchOf(EVENTS_QUEUE, [envelope], 2);
    await handleQueue(second, envWith({}), { consumers: [counter] });

    expect(await sortOrder(categoryId)).toBe(before + 1);
    const marks = await dbOf(T).prepare('SELECT count(*) AS n FROM consumed_events WHERE consumer = ? AND event_id = ?').bind(counter.name, event.id).first<{ n: number }>();
    expect(marks!.n).toBe(1);
    const r1 = await getQueueResult(first, createExecutionContext());
    const r2 = await getQueueResult(second, createExecutionContext());
    expect([r1.explicitAcks.length, r1.retryMessages.length, r2.explicitAcks.length, r2.retryMessages.length]).toEqual([2, 0, 1, 0]);
  });

  it('a recomputing consumer runs once per key in a batch, marks every event consumed, and runs again in the next batch', async () => {
    const app = createEdgeApp();
    const events = [];
    for (let i = 0; i < 3; i++) events.push(await envelopeOf((await createCategory(app, { EVENTS: capturingQueue().queue })).event.id));
    const runs: string[] = [];
    // Keyed by tenant, like the rollup: the three events of county T need one recomputation.
    const recount: Consumer = {
      name: 'test.recount',
      types: ['category.created'],
      coalesceKey: (e) => e.tenant,
      handle: (e) => {
        runs.push(e.id);
        return [];
      },
    };
    const before = await Promise.all(events.map((e) => sortOrder(e.data.categoryId as string)));
    const first = batchOf(EVENTS_QUEUE, events);
    await handleQueue(first, envWith({}), { consumers: [recount, counter] });
    // The first event's recomputation covers the batch; the counter, which applies rather than recomputes, runs for each.
    expect(runs).toEqual([events[0]!.id]);
    const marks = await dbOf(T)
      .prepare(`SELECT count(*) AS n FROM consumed_events WHERE consumer = ? AND event_id IN (?, ?, ?)`)
      .bind(recount.name, ...events.map((e) => e.id))
      .first<{ n: number }>();
    expect(marks!.n).toBe(3);
    const r = await getQueueResult(first, createExecutionContext());
    expect([r.explicitAcks.length, r.retryMessages.length]).toEqual([3, 0]);
    expect(await Promise.all(events.map((e) => sortOrder(e.data.categoryId as string)))).toEqual(before.map((n) => n + 1));

    // A later batch is a new recomputation.
    const later = await envelopeOf((await createCategory(app, { EVENTS: capturingQueue().queue })).event.id);
    await handleQueue(batchOf(EVENTS_QUEUE, [later]), envWith({}), { consumers: [recount] });
    expect(runs).toEqual([events[0]!.id, later.id]);
  });

  it('a failing consumer is retried with backoff, then lands in the county dead letters once', async () => {
    const { event } = await createCategory(createEdgeApp(), { EVENTS: capturingQueue().queue });
    const envelope = await envelopeOf(event.id);
    const broken: Consumer = {
      name: 'test.broken',
      types: ['category.created'],
      handle: () => {
        throw new Error('下游服务不可用');
      },
    };
    const letters = () => dbOf(T).prepare('SELECT consumer, error, event_type, replayed_at FROM dead_letters WHERE event_id = ?').bind(event.id).all();

    // An early attempt: retried (the delay grows per attempt: packages/events/src/events.node.test.ts), nothing dead yet.
    const early = batchOf(EVENTS_QUEUE, [envelope], 1);
    await handleQueue(early, envWith({}), { consumers: [broken] });
    const r = await getQueueResult(early, createExecutionContext());
    expect([r.retryMessages.map((m) => m.msgId), r.explicitAcks]).toEqual([[early.messages[0]!.id], []]);
    expect((await letters()).results).toEqual([]);

    // The last attempt records the failure before the queue moves the message to the dead-letter queue.
    const last = batchOf(EVENTS_QUEUE, [envelope], MAX_RETRIES + 1);
    await handleQueue(last, envWith({}), { consumers: [broken] });
    expect((await getQueueResult(last, createExecutionContext())).retryMessages).toHaveLength(1);
    expect((await letters()).results).toEqual([{ consumer: 'test.broken', error: '下游服务不可用', event_type: 'category.created', replayed_at: null }]);

    // The dead-letter queue's consumer finds it recorded: acked, not recorded twice.
    const dlq = batchOf(EVENTS_DLQ, [envelope], 1);
    await handleQueue(dlq, envWith({}));
    expect((await getQueueResult(dlq, createExecutionContext())).explicitAcks).toHaveLength(1);
    expect((await letters()).results).toHaveLength(1);
  });

  it('a message that reaches the dead-letter queue unrecorded gets its row there', async () => {
    const { event } = await createCategory(createEdgeApp(), { EVENTS: capturingQueue().queue });
    const envelope = await envelopeOf(event.id);
    const dlq = batchOf(EVENTS_DLQ, [envelope], 1);
    await handleQueue(dlq, envWith({}));
    const rows = (await dbOf(T).prepare('SELECT consumer, event_type FROM dead_letters WHERE event_id = ?').bind(event.id).all()).results;
    expect(rows).toEqual([{ consumer: 'queue', event_type: 'category.created' }]);
  });
});

describe('dead letters, for the county administrator', () => {
  it('lists and replays its county dead letter; another county cannot see it; other roles are refused', async () => {
    const f = await makeFixture(T);
    const id = await makeDeadLetter(f);
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const otherAdmin = await makeUser([{ tenant: OTHER, role: 'county_admin' }]);

    const list = await call('GET', `/api/t/${T}/events/dead-letters?state=pending`, { token: admin.token });
    expect(list.status).toBe(200);
    const items = ((await list.json()) as { items: Array<{ id: string; eventType: string; consumer: string; replayedAt: number | null }> }).items;
    expect(items.find((i) => i.id === id)).toMatchObject({ eventType: 'project.created', consumer: 'fixture', replayedAt: null });

    // Another county: not in its list, and its replay route does not find it.
    const foreign = await call('GET', `/api/t/${OTHER}/events/dead-letters`, { token: otherAdmin.token });
    expect(foreign.status).toBe(200);
    expect(((await foreign.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id)).not.toContain(id);
    const foreignReplay = await call('POST', `/api/t/${OTHER}/events/dead-letters/${id}/replay`, { token: otherAdmin.token });
    expect(foreignReplay.status).toBe(404);
    expect(((await foreignReplay.json()) as { code: string }).code).toBe('not_found');
    // Nor may it reach into the county: a tenant it holds no grant in does not exist for it (ADR 0003).
    const cross = await call('GET', `/api/t/${T}/events/dead-letters`, { token: otherAdmin.token });
    expect(cross.status).toBe(404);
    expect(((await cross.json()) as { code: string }).code).toBe('not_found');

    for (const role of ['member', 'org_liaison', 'alliance_admin', 'committee_reviewer'] as const) {
      const u = await makeUser([{ tenant: T, role, scopeOrgId: role === 'member' ? null : f.org.id }]);
      for (const [method, path] of [['GET', `/api/t/${T}/events/dead-letters`], ['POST', `/api/t/${T}/events/dead-letters/${id}/replay`]] as const) {
        const res = await call(method, path, { token: u.token });
        expect(res.status, `${role} ${method}`).toBe(403);
        expect(((await res.json()) as { code: string }).code).toBe('forbidden');
      }
    }

    const replay = await call('POST', `/api/t/${T}/events/dead-letters/${id}/replay`, { token: admin.token });
    expect(replay.status, await replay.clone().text()).toBe(200);
    expect(await replay.json()).toMatchObject({ id, replayedBy: admin.id });
    const audit = await dbOf(T).prepare("SELECT actor_id FROM audit_log WHERE action = 'event.dead_letter_replay' AND entity_id = ?").bind(id).all();
    expect(audit.results).toEqual([{ actor_id: admin.id }]);

    // Replayed: no longer pending, and a second replay is refused while the first is being processed.
    const pending = await call('GET', `/api/t/${T}/events/dead-letters?state=pending`, { token: admin.token });
    expect(((await pending.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id)).not.toContain(id);
    const twice = await call('POST', `/api/t/${T}/events/dead-letters/${id}/replay`, { token: admin.token });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { code: string }).code).toBe('conflict');
  });
});
