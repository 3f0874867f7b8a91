import { openDb } from '@ronghe/core';
import { EVENTS, type Consumer, type EventEnvelope } from '@ronghe/events';
import { cityAwardsByCounty } from '@ronghe/rewards/read';
import { CITY, CONTROL, COUNTIES, findTenant, forEachTenant, type TenantDef } from '@ronghe/tenancy';
import { ALL_SOURCES, computeSources, FIGURE_SOURCE_NAMES, type Source } from './sources.ts';
import { cityAwardsStatements, markStaleStatement, storeStatements } from './store.ts';

type Env = Record<string, unknown>;

/**
 * Which sources an event can move, by the aggregate it is about (the events
 * catalogue, packages/events). An alliance's change moves its own figures and
 * those read over running alliances (quotas); an organization's change moves
 * the organs people count.
 */
export const SOURCES_BY_AGGREGATE: Readonly<Record<string, readonly Source[]>> = {
  organization: ['registry', 'people'],
  branch_standardization: ['registry'],
  honour_designation: ['registry'],
  alliance: ['alliance', 'activities', 'drill'],
  alliance_member: ['alliance', 'drill'],
  alliance_adjustment: ['alliance', 'drill'],
  filing: ['alliance'],
  need: ['lists', 'drill'],
  resource: ['lists'],
  project: ['lists', 'drill'],
  tenant: ['lists', 'drill'],
  person: ['people', 'points'],
  org_pairing: ['people'],
  member_report: ['people', 'points'],
  report_record: ['points'],
  service_log: ['points'],
  post_claim: ['points'],
  activity: ['activities', 'points'],
  activity_checkin: ['activities', 'points'],
  meeting: ['activities'],
  org_life_record: ['points'],
  point_entry: ['points'],
  assessment: ['assessment', 'drill'],
  reward_round: ['rewards'],
  reward_disbursement: ['rewards', 'funds'],
  fund_entry: ['funds'],
};

/** The event types that move a figure. */
export const ROLLUP_EVENT_TYPES: readonly string[] = EVENTS.filter((e) => e.aggregate in SOURCES_BY_AGGREGATE).map((e) => e.type);

const controlOf = (env: Env) => {
  const d1 = env[CONTROL.binding] as D1Database | undefined;
  if (!d1) throw new Error('binding DB_CONTROL missing');
  return d1;
};

/**
 * Recomputes `sources` of one county from its database and stores them in
 * the control database. A failure to read the county marks it stale (its
 * last figures stay) and is rethrown.
 */
export async function refreshCounty(control: D1Database, slug: string, db: D1Database, sources: readonly Source[], opts: { now: number }) {
  let computed;
  try {
    computed = await computeSources(openDb(db), sources, opts);
  } catch (err) {
    await markStaleStatement(control, slug, err, opts.now).run();
    throw err;
  }
  const full = FIGURE_SOURCE_NAMES.every((s) => sources.includes(s));
  await control.batch(storeStatements(control, slug, computed, { full, now: opts.now }));
  return computed;
}

/**
 * The city's awards to each county's recipients (city reward rounds live in
 * the city's database, ADR 0025): one read of the city's database, then one
 * control batch writing every county's `city_awards` part (zero where a county
 * has none, so a correction that takes an award away is reflected).
 */
export async function refreshCityAwards(control: D1Database, city: D1Database, opts: { now: number; counties?: readonly TenantDef[] }) {
  const byCounty = cityAwardsByCounty.parse(await city.batch(cityAwardsByCounty.statements(city)));
  await control.batch(cityAwardsStatements(control, (opts.counties ?? COUNTIES).map((t) => [t.slug, byCounty.get(t.slug) ?? { allocatedFen: 0, disbursedFen: 0 }]), opts.now));
  return byCounty;
}

/** The city's rounds and payments: what moves the city's awards to the counties. */
const CITY_AWARD_AGGREGATES = new Set(['reward_round', 'reward_disbursement']);

/**
 * The rollup's consumer (workers/edge/src/events.ts CONSUMERS): a county's
 * event recomputes the sources it can move and writes them to the control
 * database. Idempotent: recomputing twice stores the same figures, and a
 * recompute older than the stored one is ignored (ADR 0022). A county that is
 * stale, or has no figures yet, is refreshed whole.
 */
export const rollupConsumer: Consumer = {
  name: 'rollup',
  types: ROLLUP_EVENT_TYPES,
  // An import or a busy hour sends a county's events in batches: one recomputation per county and set of
  // figures per batch is enough (the first reads every change of the batch; see Consumer.coalesceKey).
  coalesceKey: (event) => {
    const tenant = findTenant(event.tenant);
    if (tenant?.slug === CITY.slug) return CITY_AWARD_AGGREGATES.has(event.aggregate.type) ? `${CITY.slug}:awards` : null;
    const sources = SOURCES_BY_AGGREGATE[event.aggregate.type] ?? ALL_SOURCES;
    return tenant?.kind === 'county' ? `${tenant.slug}:${sources.join(',')}` : null;
  },
  async handle(event: EventEnvelope, { db, env }) {
    const tenant = findTenant(event.tenant);
    // The city's own database and the control database are not counties; without a control database (a tool
    // running the consumers on one database) there is nowhere to write.
    const control = env[CONTROL.binding] as D1Database | undefined;
    if (tenant?.slug === CITY.slug && control && CITY_AWARD_AGGREGATES.has(event.aggregate.type)) {
      await refreshCityAwards(control, db, { now: Date.now() });
      return [];
    }
    if (tenant?.kind !== 'county' || !control) return [];
    const state = await control
      .prepare(`SELECT (SELECT stale FROM rollup_counties WHERE slug = ?1) AS stale, (SELECT count(*) FROM rollup_parts WHERE slug = ?1 AND source <> 'city_awards') AS parts`)
      .bind(tenant.slug)
      .first<{ stale: number | null; parts: number }>();
    const whole = state?.stale === 1 || (state?.parts ?? 0) < ALL_SOURCES.length;
    await refreshCounty(control, tenant.slug, db, whole ? ALL_SOURCES : (SOURCES_BY_AGGREGATE[event.aggregate.type] ?? ALL_SOURCES), { now: Date.now() });
    return [];
  },
};

export interface Difference {
  slug: string;
  source: string;
  path: string;
  stored: unknown;
  recounted: unknown;
}

function flatten(v: unknown, path: string, out: Map<string, unknown>): void {
  if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) flatten(x, path ? `${path}.${k}` : k, out);
  else out.set(path, v);
}

/** The leaves where two figures fragments differ (a missing leaf reads as 0). */
export function differences(stored: unknown, recounted: unknown): Array<{ path: string; stored: unknown; recounted: unknown }> {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(stored, '', a);
  flatten(recounted, '', b);
  const out: Array<{ path: string; stored: unknown; recounted: unknown }> = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(path) ?? 0;
    const y = b.get(path) ?? 0;
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ path, stored: a.get(path) ?? null, recounted: b.get(path) ?? null });
  }
  return out;
}

export interface RecountResult {
  recounted: string[];
  failed: Array<{ slug: string; error: string }>;
  /** The reconciliation: where the incremental figures differed from the recount. */
  differences: Difference[];
}

/**
 * The full recount of some counties (the scheduled reconciliation): every
 * source of each county, compared with what the incremental updates stored
 * (differences are logged and returned), then stored. Counties are visited
 * through forEachTenant with at most 5 at once — the control database is the
 * invocation's sixth connection. A failing county is marked stale; the others are intact.
 */
export async function recountCounties(env: Env, tenants: readonly TenantDef[], opts: { now?: number } = {}): Promise<RecountResult> {
  const control = controlOf(env);
  const now = opts.now ?? Date.now();
  const slugs = tenants.map((t) => t.slug);
  const stored = new Map<string, unknown>();
  const rows = await control
    .prepare(`SELECT slug, source, data FROM rollup_parts WHERE slug IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(slugs))
    .all<{ slug: string; source: string; data: string }>();
  for (const r of rows.results) stored.set(`${r.slug}|${r.source}`, JSON.parse(r.data));
  const out: RecountResult = { recounted: [], failed: [], differences: [] };
  const visits = await forEachTenant(env, (t, db) => refreshCounty(control, t.slug, db, ALL_SOURCES, { now }), { tenants, concurrency: 5 });
  for (const v of visits) {
    if (!v.ok) {
      out.failed.push({ slug: v.tenant.slug, error: String((v.error as Error)?.name ?? 'Error') });
      continue;
    }
    out.recounted.push(v.tenant.slug);
    for (const s of FIGURE_SOURCE_NAMES) {
      const before = stored.get(`${v.tenant.slug}|${s}`);
      if (before === undefined) continue;
      for (const d of differences(before, v.value.parts[s])) out.differences.push({ slug: v.tenant.slug, source: s, ...d });
    }
  }
  console.log(JSON.stringify({ level: out.failed.length || out.differences.length ? 'warn' : 'info', msg: 'rollup.recount', ...out }));
  return out;
}

/** A queue message asking for the recount of a batch of counties. */
export interface RecountMessage {
  kind: 'rollup.recount';
  tenants: string[];
  at: number;
}

export const isRecountMessage = (body: unknown): body is RecountMessage =>
  typeof body === 'object' && body !== null && (body as RecountMessage).kind === 'rollup.recount' && Array.isArray((body as RecountMessage).tenants);

/**
 * Counties per recount message: a county costs 26 tenant statements (one
 * batch) and about 20 control statements (one batch) whatever its size (they
 * are aggregates), so 15 counties take about 680 of an invocation's 1,000
 * queries (`pnpm bench --only-rollup` counts them).
 */
export const RECOUNT_BATCH = 15;

/** The recount messages for `tenants`, RECOUNT_BATCH counties each. */
export function recountMessages(tenants: readonly TenantDef[], at: number): RecountMessage[] {
  const out: RecountMessage[] = [];
  for (let i = 0; i < tenants.length; i += RECOUNT_BATCH) out.push({ kind: 'rollup.recount', tenants: tenants.slice(i, i + RECOUNT_BATCH).map((t) => t.slug), at });
  return out;
}

/**
 * The scheduled recount: one queue message per batch of counties, each
 * handled by its own invocation (`handleRecountMessage`). Without a queue
 * (local tools), the batches run here one after the other.
 */
export async function scheduleRecount(env: Env, opts: { now?: number; tenants?: readonly TenantDef[] } = {}): Promise<RecountMessage[]> {
  const messages = recountMessages(opts.tenants ?? COUNTIES, opts.now ?? Date.now());
  // The city's awards are read from the city's one database here, not per county message.
  const control = env[CONTROL.binding] as D1Database | undefined;
  const city = env[CITY.binding] as D1Database | undefined;
  if (control && city) {
    try {
      await refreshCityAwards(control, city, { now: opts.now ?? Date.now(), counties: opts.tenants ?? COUNTIES });
    } catch (err) {
      console.log(JSON.stringify({ level: 'error', msg: 'rollup.city_awards_failed', error: String((err as Error)?.message ?? err) }));
    }
  }
  const queue = env.EVENTS as Queue | undefined;
  if (queue) await queue.sendBatch(messages.map((body) => ({ body })));
  else for (const m of messages) await handleRecountMessage(m, env);
  return messages;
}

/** One recount message's work (the queue handler routes it here). */
export async function handleRecountMessage(m: RecountMessage, env: Env, opts: { now?: number } = {}): Promise<RecountResult> {
  const tenants = m.tenants.flatMap((s) => {
    const t = findTenant(s);
    return t?.kind === 'county' ? [t] : [];
  });
  return recountCounties(env, tenants, opts);
}
