import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { ulid, writeBatch, type Clock, type TenantDb, type ControlDb } from '@ronghe/core';
import { notifications, roleGrants, users, workbenchProcessedEvents } from '@ronghe/schema';
import { CITY } from '@ronghe/tenancy';
import { ruleFor, type Audience, type DomainEvent, type EventType } from './recipients.ts';

/** What the consumer needs: the event's tenant database, the control database (who holds which role), the clock. */
export interface NotifyCtx {
  db: TenantDb;
  control: ControlDb;
  clock: Clock;
}

export interface NotifyResult {
  /** The event had been processed before: nothing was written. */
  duplicate: boolean;
  /** Accounts told (each at most once per event). */
  recipients: string[];
}

function audienceWhere(tenant: string, a: Audience): SQL {
  switch (a.role) {
    case 'county_admin':
      // In the city tenant the city administrator is its administrator (identity/access.ts effectiveGrants).
      return tenant === CITY.slug ? inArray(roleGrants.role, ['county_admin', 'city_admin']) : eq(roleGrants.role, 'county_admin');
    case 'committee_reviewer':
      return and(eq(roleGrants.role, 'committee_reviewer'), eq(roleGrants.scopeOrgId, a.orgId))!;
    case 'org_liaison':
      return and(eq(roleGrants.role, 'org_liaison'), eq(roleGrants.scopeOrgId, a.orgId))!;
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

/**
 * The 消息 consumer: turns one domain event into one message per person the
 * table (recipients.ts) names, the actor excepted (nobody is told what they
 * did themselves). Idempotent by event id: the messages and the processed
 * marker are one D1 batch, each insert ignoring a row already there, so a
 * redelivered event — even two deliveries at once — writes nothing twice.
 * An event type the table does not list is marked processed and tells nobody.
 */
export async function notify({ ctx, event }: { ctx: NotifyCtx; event: DomainEvent }): Promise<NotifyResult> {
  const seen = await ctx.db.select({ id: workbenchProcessedEvents.eventId }).from(workbenchProcessedEvents).where(eq(workbenchProcessedEvents.eventId, event.id)).limit(1);
  if (seen.length) return { duplicate: true, recipients: [] };
  const rule = ruleFor(event.type as EventType);
  const people = rule ? (await resolveAudience(ctx.control, event.tenant, rule.to(event as never))).filter((id) => id !== event.actor.userId) : [];
  const now = ctx.clock.now();
  const statements = [];
  if (rule && people.length) {
    const title = rule.title(event as never);
    const object = rule.object(event as never);
    for (const recipientId of people) {
      statements.push(
        ctx.db
          .insert(notifications)
          .values({ id: `ntf_${ulid(now).toLowerCase()}`, recipientId, eventId: event.id, kind: event.type, title, link: object.link, objectType: object.type, objectId: object.id, createdAt: event.at, readAt: null })
          .onConflictDoNothing(),
      );
    }
  }
  statements.push(ctx.db.insert(workbenchProcessedEvents).values({ eventId: event.id, type: event.type, processedAt: now }).onConflictDoNothing());
  await writeBatch(ctx.db, statements);
  return { duplicate: false, recipients: people };
}
