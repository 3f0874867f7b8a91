import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { allianceFacts } from '@ronghe/alliance/read';
import { openDb, prepareStatements, ulid, type ControlDb, type TenantDb } from '@ronghe/core';
import type { Consumer, EventEnvelope } from '@ronghe/events';
import { claimOrgId, projectFacts } from '@ronghe/lists/read';
import { meetingNoticeFacts } from '@ronghe/activities/read';
import { postNoticeFacts } from '@ronghe/people/read';
import { notifications, roleGrants, users } from '@ronghe/schema';
import { CITY, CONTROL } from '@ronghe/tenancy';
import { RECIPIENTS, ruleFor, type AllianceContext, type Audience, type Message, type ProjectContext } from './recipients.ts';

function audienceWhere(tenant: string, a: Audience): SQL {
  switch (a.role) {
    case 'county_admin':
      // In the city tenant the city administrator is its administrator (identity/access.ts effectiveGrants).
      return tenant === CITY.slug ? inArray(roleGrants.role, ['county_admin', 'city_admin']) : eq(roleGrants.role, 'county_admin');
    case 'committee_reviewer':
      return and(eq(roleGrants.role, 'committee_reviewer'), eq(roleGrants.scopeOrgId, a.orgId))!;
    case 'org_liaison':
      return and(eq(roleGrants.role, 'org_liaison'), eq(roleGrants.scopeOrgId, a.orgId))!;
    case 'account':
      return eq(roleGrants.userId, a.userId);
    case 'alliance_admin':
      return and(eq(roleGrants.role, 'alliance_admin'), or(eq(roleGrants.scopeOrgId, a.leadOrgId), eq(roleGrants.scopeAllianceId, a.allianceId)))!;
  }
}

/** The active accounts holding one of the audiences' grants in the tenant, by id. */
export async function resolveAudience(control: ControlDb, tenant: string, audiences: readonly Audience[]): Promise<string[]> {
  if (audiences.length === 0) return [];
  const rows = await control
    .selectDistinct({ id: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.tenant, tenant), eq(users.status, 'active'), or(...audiences.map((a) => audienceWhere(tenant, a)))))
    .orderBy(roleGrants.userId);
  return rows.map((r) => r.id);
}

/** What a message is about and where it leads. */
interface ObjectRef {
  objectType: string;
  objectId: string;
  link: string;
}

/** One message to one person, before it is written. */
export interface Delivery {
  recipientId: string;
  title: string;
  link: string;
  objectType: string;
  objectId: string;
}

/** The messages of an event, with the facts read now; the event's object has disappeared → none. */
async function messagesOf(db: TenantDb, event: EventEnvelope): Promise<{ messages: Message[]; allianceId: string; project?: string; object?: ObjectRef } | null> {
  const rule = ruleFor(event.type);
  if (!rule) return null;
  const base = `/t/${event.tenant}`;
  if (rule.about === 'post') {
    // A claim's and a service record's events both name the post and the person.
    const { postId, personId } = event.data;
    const facts = typeof postId === 'string' && typeof personId === 'string' ? await postNoticeFacts(db, postId, personId) : null;
    if (!facts) return null;
    return { messages: rule.send(facts, event), allianceId: '', object: { objectType: 'post', objectId: postId as string, link: `${base}/my/posts` } };
  }
  if (rule.about === 'settings') {
    return { messages: rule.send(event), allianceId: '', object: { objectType: event.aggregate.type, objectId: event.aggregate.id, link: `${base}${rule.page}` } };
  }
  if (rule.about === 'meeting') {
    const facts = await meetingNoticeFacts(db, event.aggregate.id);
    const alliance = facts ? await allianceFacts(db, facts.allianceId) : null;
    if (!facts || !alliance) return null;
    return { messages: rule.send({ alliance, ownerOrgIds: facts.ownerOrgIds }, event), allianceId: alliance.id, object: { objectType: 'meeting', objectId: event.aggregate.id, link: `${base}/meetings?tab=decisions&status=open` } };
  }
  if (rule.about === 'alliance') {
    // An adjustment's events are about the adjustment or the alliance; both name the alliance.
    const allianceId = event.aggregate.type === 'alliance' ? event.aggregate.id : typeof event.data.allianceId === 'string' ? event.data.allianceId : null;
    const alliance = allianceId ? await allianceFacts(db, allianceId) : null;
    if (!alliance) return null;
    const f: AllianceContext = { alliance };
    return { messages: rule.send(f, event), allianceId: alliance.id };
  }
  const project = await projectFacts(db, event.aggregate.id);
  const alliance = project ? await allianceFacts(db, project.allianceId) : null;
  if (!project || !alliance) return null;
  const claimId = event.data.claimId;
  const f: ProjectContext = { alliance, project, claimOrgId: typeof claimId === 'string' ? await claimOrgId(db, claimId) : null };
  return { messages: rule.send(f, event), allianceId: alliance.id, project: project.id };
}

/**
 * Who is told what of one event: per message of its row in the table, the
 * people it names, the actor excepted (nobody is told what they did
 * themselves), each person at most once (the first message naming them).
 */
export async function deliveriesOf(db: TenantDb, control: ControlDb, event: EventEnvelope): Promise<Delivery[]> {
  const plan = await messagesOf(db, event);
  if (!plan) return [];
  const out: Delivery[] = [];
  const told = new Set([event.actor.userId]);
  const base = `/t/${event.tenant}`;
  for (const m of plan.messages) {
    const object =
      plan.object ??
      (m.link === 'filings'
        ? { objectType: 'alliance', objectId: plan.allianceId, link: `${base}/filings?state=unread` }
        : m.link === 'quotas'
          ? { objectType: 'alliance', objectId: plan.allianceId, link: `${base}/activity-compliance` }
          : plan.project
          ? { objectType: 'project', objectId: plan.project, link: `${base}/projects/${plan.project}` }
          : { objectType: 'alliance', objectId: plan.allianceId, link: `${base}/alliances/${plan.allianceId}` });
    for (const recipientId of await resolveAudience(control, event.tenant, m.to)) {
      if (told.has(recipientId)) continue;
      told.add(recipientId);
      out.push({ recipientId, title: m.title, ...object });
    }
  }
  return out;
}

/**
 * The 消息 consumer (ADR 0012): one message per person the table
 * (recipients.ts) names. It returns its inserts; the events dispatcher runs
 * them in one batch with its `consumed_events` row, so a redelivered event
 * writes nothing twice (and `(recipient_id, event_id)` is unique besides).
 * The control database (who holds which role) is the worker's binding.
 */
export const notificationsConsumer: Consumer = {
  name: 'workbench.notifications',
  types: Object.keys(RECIPIENTS),
  async handle(event, { db, env }) {
    const controlD1 = env[CONTROL.binding] as D1Database | undefined;
    if (!controlD1) throw new Error(`no ${CONTROL.binding} binding: cannot resolve who holds which role`);
    const tenantDb = openDb(db);
    const deliveries = await deliveriesOf(tenantDb, openDb(controlD1), event);
    const now = Date.now();
    return prepareStatements(
      db,
      deliveries.map((d) =>
        tenantDb
          .insert(notifications)
          .values({ id: `ntf_${ulid(now).toLowerCase()}`, recipientId: d.recipientId, eventId: event.id, kind: event.type, title: d.title, link: d.link, objectType: d.objectType, objectId: d.objectId, createdAt: event.at, readAt: null })
          .onConflictDoNothing(),
      ),
    );
  },
};
