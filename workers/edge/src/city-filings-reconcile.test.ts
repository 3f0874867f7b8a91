import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { findTenant, type TenantDef } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { strictEnv, type Usage } from '../../../test/support/strict-d1.ts';
import { bindings } from '../../../test/support/worker.ts';
import { reconcileCityFilings, type ReconcileFilingsMessage } from './city-filings-reconcile.ts';
import { EVENTS_QUEUE, handleQueue } from './events.ts';

// Review of issue 15: the daily reconciliation of the city's filings inbox (ADR 0024) visited every county in the
// Cron's one invocation. Now the Cron enqueues one message per county and each message copies one bounded page,
// so what an invocation does to D1 no longer grows with the number of counties nor with a county's size.

const control = () => bindings.DB_CONTROL!;
const MANY = 200;

/** Counties the registry does not have, each bound to the database of `source` (the copies are keyed by slug). */
function counties(prefix: string, n: number, source: string): { tenants: TenantDef[]; extra: Record<string, unknown> } {
  const db = bindings[findTenant(source)!.binding]!;
  const tenants = Array.from({ length: n }, (_, i) => {
    const no = String(i + 1).padStart(3, '0');
    return { slug: `${prefix}${no}`, code: `99${no}`, name: `测试旗${no}`, kind: 'county' as const, binding: `DB_${prefix.toUpperCase()}${no}` };
  });
  return { tenants, extra: Object.fromEntries(tenants.map((t) => [t.binding, db])) };
}

/** `n` filings in `tenant`'s database, ids `fil_<tag>_00001`…, each summary `summaryChars` characters long. */
async function addFilings(tenant: string, tag: string, n: number, summaryChars = 10): Promise<void> {
  await bindings[findTenant(tenant)!.binding]!
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       INSERT INTO filings (id, kind, alliance_id, alliance_name, committee_name, title, summary, filed_on, filed_at, filed_by_id, filed_by_name)
       SELECT printf('fil_%s_%05d', ?2, i), 'approval', 'all_' || ?2, '测试联合体', '测试党工委', '批准成立', ?3, '2026-12-01', 1764547200000 + i, 'usr_test', '测试' FROM n`,
    )
    .bind(n, tag, '备'.repeat(summaryChars))
    .run();
}

const filingsIn = async (tenant: string) =>
  (await bindings[findTenant(tenant)!.binding]!.prepare('SELECT COUNT(*) AS n FROM filings').first<{ n: number }>())!.n;
const copiesOf = async (tenantLike: string) =>
  (await control().prepare('SELECT COUNT(*) AS n FROM city_filings WHERE tenant LIKE ?').bind(tenantLike).first<{ n: number }>())!.n;

/** A queue double: what the Cron and the handler send. */
function queueDouble() {
  const batches: ReconcileFilingsMessage[][] = [];
  const sent: ReconcileFilingsMessage[] = [];
  const queue = {
    async sendBatch(msgs: Iterable<{ body: ReconcileFilingsMessage }>) {
      batches.push([...msgs].map((m) => m.body));
    },
    async send(body: ReconcileFilingsMessage) {
      sent.push(body);
    },
  };
  return { queue, batches, sent };
}

/** One queue invocation on strict D1: its acknowledgements, retries and D1 usage. */
async function invoke(messages: ReconcileFilingsMessage[], extra: Record<string, unknown>, tenants: readonly TenantDef[]) {
  const { env, usage } = strictEnv(extra);
  const batch = createMessageBatch(EVENTS_QUEUE, messages.map((body, i) => ({ id: `m-${body.tenant}-${body.after ?? 'start'}-${i}`, timestamp: new Date(), attempts: 1, body })));
  await handleQueue(batch, env, { consumers: [], counties: tenants });
  const result = await getQueueResult(batch, createExecutionContext());
  return { acked: result.explicitAcks, retried: result.retryMessages.map((r) => r.msgId), usage: usage as Usage };
}

describe("the city's filings inbox, reconciled one county per message (ADR 0024)", () => {
  it('200 counties: the Cron makes no D1 query and sends 200 messages in two sends; each invocation of 50 stays far within D1’s limits; one failing county is retried alone', async () => {
    // Every one of the 200 counties reads the same database, which holds exactly 3 filings.
    expect(await filingsIn('linxi')).toBe(0);
    await addFilings('linxi', 'many', 3);
    const { tenants, extra } = counties('zz', MANY, 'linxi');
    const q = queueDouble();

    const cron = strictEnv({ ...extra, EVENTS: q.queue });
    const scheduled = await reconcileCityFilings(cron.env, { tenants });
    expect(cron.usage.queries).toBe(0);
    expect(q.batches.map((b) => b.length)).toEqual([100, 100]);
    expect(q.batches.flat()).toEqual(tenants.map((t) => ({ kind: 'city_filings.reconcile', tenant: t.slug, after: null })));
    expect(scheduled).toHaveLength(MANY);

    // The queue hands them over 50 at a time (wrangler.toml max_batch_size). County zz137's database fails.
    const broken = { prepare: () => { throw new Error('D1_ERROR: 数据库不可用'); }, batch: async () => { throw new Error('D1_ERROR: 数据库不可用'); } };
    const runs = [];
    for (let i = 0; i < MANY; i += 50) {
      runs.push(await invoke(q.batches.flat().slice(i, i + 50), { ...extra, DB_ZZ137: broken, EVENTS: q.queue }, tenants));
    }
    // Each working county: one read of its 3 filings and one upsert of them — 2 queries, 100 for 50 counties,
    // one database call at a time (the control database and the county, in turn). zz137 fails on its first call.
    expect(runs.map((r) => r.usage.queries)).toEqual([100, 100, 98, 100]);
    expect(runs.map((r) => r.usage.maxInFlight)).toEqual([1, 1, 1, 1]);
    expect(runs.flatMap((r) => r.usage.violations)).toEqual([]);
    expect(runs.flatMap((r) => r.retried)).toEqual(['m-zz137-start-36']);
    expect(runs.map((r) => r.acked.length)).toEqual([50, 50, 49, 50]);
    expect(q.sent).toEqual([]);
    expect(await copiesOf('zz%')).toBe((MANY - 1) * 3);

    // The retry, once the database answers again, copies the county that failed; and a repeat copies nothing twice.
    const again = await invoke([{ kind: 'city_filings.reconcile', tenant: 'zz137', after: null }], extra, tenants);
    expect(again).toMatchObject({ retried: [], usage: { queries: 2 } });
    expect(await copiesOf('zz%')).toBe(MANY * 3);
    await invoke([{ kind: 'city_filings.reconcile', tenant: 'zz001', after: null }], extra, tenants);
    expect(await copiesOf('zz%')).toBe(MANY * 3);
  });

  it('a county of 1,300 filings takes two messages: 1,200 in 3 upserts (4 queries), then the last 100 (2 queries)', async () => {
    expect(await filingsIn('keshiketeng')).toBe(0);
    await addFilings('keshiketeng', 'big', 1_300);
    const { tenants, extra } = counties('yy', 1, 'keshiketeng');
    const q = queueDouble();

    const first = await invoke([{ kind: 'city_filings.reconcile', tenant: 'yy001', after: null }], { ...extra, EVENTS: q.queue }, tenants);
    expect(first).toMatchObject({ acked: ['m-yy001-start-0'], retried: [], usage: { queries: 4, violations: [] } });
    // The continuation names the 1,200th filing in id order; it went out before the message was acknowledged.
    expect(q.sent).toEqual([{ kind: 'city_filings.reconcile', tenant: 'yy001', after: 'fil_big_01200' }]);
    expect(await copiesOf('yy%')).toBe(1_200);

    const second = await invoke(q.sent.splice(0), { ...extra, EVENTS: q.queue }, tenants);
    expect(second).toMatchObject({ retried: [], usage: { queries: 2, violations: [] } });
    expect(q.sent).toEqual([]);
    expect(await copiesOf('yy%')).toBe(1_300);
  });

  it('long texts shorten the page, not the bound: 500 filings of 3,000-character summaries take two messages of at most 4 queries', async () => {
    // A row is then about 9.1 KB of JSON, so an upsert (about 1 MB) holds about 108 rows and a message about 324:
    // the first message stops there with 176 left for the second.
    expect(await filingsIn('balinzuo')).toBe(0);
    await addFilings('balinzuo', 'long', 500, 3_000);
    const { tenants, extra } = counties('xx', 1, 'balinzuo');
    const q = queueDouble();

    const first = await invoke([{ kind: 'city_filings.reconcile', tenant: 'xx001', after: null }], { ...extra, EVENTS: q.queue }, tenants);
    expect(first).toMatchObject({ retried: [], usage: { queries: 4, violations: [] } });
    expect(q.sent).toHaveLength(1);
    const copiedFirst = await copiesOf('xx%');
    expect(copiedFirst).toBeGreaterThan(250);
    expect(copiedFirst).toBeLessThan(500);
    expect(q.sent[0]!.after).toBe(`fil_long_${String(copiedFirst).padStart(5, '0')}`);

    const second = await invoke(q.sent.splice(0), { ...extra, EVENTS: q.queue }, tenants);
    expect(second.usage.queries).toBeLessThanOrEqual(4);
    expect(second.retried).toEqual([]);
    expect(q.sent).toEqual([]);
    expect(await copiesOf('xx%')).toBe(500);
  });

  it('without a queue (local tools) the Cron copies every page itself', async () => {
    expect(await filingsIn('aohan')).toBe(0);
    await addFilings('aohan', 'local', 1_201);
    const { tenants, extra } = counties('ww', 2, 'aohan');
    const env: Record<string, unknown> = { ...(bindings as unknown as Record<string, unknown>), ...extra };
    delete env.EVENTS;
    await reconcileCityFilings(env, { tenants });
    expect(await copiesOf('ww%')).toBe(2 * 1_201);
  });
  it('a send that fails after the first hundred: the Cron reports the hundred enqueued and names the counties left', async () => {
    const { tenants, extra } = counties('zy', 250, 'linxi');
    const batches: number[] = [];
    const queue = {
      async sendBatch(msgs: Iterable<{ body: ReconcileFilingsMessage }>) {
        const list = [...msgs];
        if (batches.length === 1) throw new Error('Queue send failed: 503');
        batches.push(list.length);
      },
    };
    const logged: string[] = [];
    const log = console.log;
    console.log = (line: string) => void logged.push(line);
    let scheduled: ReconcileFilingsMessage[];
    try {
      scheduled = await reconcileCityFilings(strictEnv({ ...extra, EVENTS: queue }).env, { tenants });
    } finally {
      console.log = log;
    }
    // The first call took 100 messages; the second failed, so 150 counties wait for the next day's run.
    expect(batches).toEqual([100]);
    expect(scheduled.map((m) => m.tenant)).toEqual(tenants.slice(0, 100).map((t) => t.slug));
    const failure = JSON.parse(logged.find((l) => l.includes('reconcile_schedule_failed'))!) as { enqueued: number; notEnqueued: string[]; error: string };
    expect(failure.enqueued).toBe(100);
    expect(failure.notEnqueued).toEqual(tenants.slice(100).map((t) => t.slug));
    expect(failure.error).toContain('503');
  });
});
