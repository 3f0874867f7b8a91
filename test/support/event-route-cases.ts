import { TENANTS } from '@ronghe/tenancy';
import type { Fixture, RouteCase } from './route-cases.ts';
import { bindings } from './worker.ts';

/** Cases of the domain events' management routes (see route-cases.ts for the contract). */

/** The fixture's dead letter: one per fixture, named after its project so a test can find it. */
export const deadLetterIdOf = (f: Fixture) => `dlq_${f.project.project.id.slice(4)}`;

/** The database that really holds the fixture's objects (the isolation suite aims one county's fixture through another's path). */
async function homeDb(f: Fixture): Promise<{ slug: string; db: D1Database }> {
  for (const t of TENANTS) {
    const db = bindings[t.binding]!;
    if (await db.prepare('SELECT 1 AS y FROM projects WHERE id = ?').bind(f.project.project.id).first()) return { slug: t.slug, db };
  }
  throw new Error(`no database holds project ${f.project.project.id}`);
}

/**
 * Puts the fixture's dead letter in its county's database, pending (not yet
 * replayed): an event of that county whose consumer gave up.
 */
export async function makeDeadLetter(f: Fixture): Promise<string> {
  const home = await homeDb(f);
  const id = deadLetterIdOf(f);
  const eventId = `evt_${f.project.project.id.slice(4)}`;
  const envelope = {
    id: eventId,
    type: 'project.created',
    version: 1,
    tenant: home.slug,
    aggregate: { type: 'project', id: f.project.project.id },
    actor: { userId: 'usr_fixture', role: 'alliance_admin' },
    at: Date.now(),
    requestId: 'req_fixture',
    data: { projectId: f.project.project.id, allianceId: f.alliance.alliance.id, categoryId: null, ownerOrgId: null, status: 'proposed' },
  };
  const now = Date.now();
  await home.db.prepare(
    `INSERT INTO dead_letters (id, event_id, event_type, consumer, error, payload, first_failed_at, last_failed_at, attempts, replayed_at, replayed_by, version)
     VALUES (?, ?, 'project.created', 'fixture', '消费者处理失败', ?, ?, ?, 6, NULL, NULL, 1)
     ON CONFLICT (id) DO UPDATE SET replayed_at = NULL, replayed_by = NULL`,
  )
    .bind(id, eventId, JSON.stringify(envelope), now, now)
    .run();
  return id;
}

export const EVENT_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/events/dead-letters': {
    build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/events/dead-letters` }),
  },
  'POST /api/t/{tenant}/events/dead-letters/{id}/replay': {
    build: async (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/events/dead-letters/${await makeDeadLetter(f)}/replay` }),
  },
};
