import { and, eq } from 'drizzle-orm';
import { inList, type Ctx } from '@ronghe/core';
import { people } from '@ronghe/schema';

// What other capabilities may read of the people registry (ADR 0010). The
// people capability owns `people` (and the 双报到 and 报到领岗 tables); every
// read of them from outside goes through this file. Nothing here returns a
// phone or an identity number: other capabilities never need them.

/** A person as other capabilities see them: no personal data. */
export interface PersonRef {
  id: string;
  name: string;
  kind: 'party_member' | 'volunteer';
  homeOrgId: string | null;
  inService: boolean;
  status: 'active' | 'left';
  userId: string | null;
}

const refColumns = {
  id: people.id,
  name: people.name,
  kind: people.kind,
  homeOrgId: people.homeOrgId,
  inService: people.inService,
  status: people.status,
  userId: people.userId,
};

/** The person a signed-in account is (role `member`'s self-service), or null when the account is nobody in this county's registry. */
export async function personOfUser(ctx: Ctx, userId: string): Promise<PersonRef | null> {
  const [row] = await ctx.db.select(refColumns).from(people).where(eq(people.userId, userId)).limit(1);
  return row ?? null;
}

/** People by id (any status), keyed by id; unknown ids are simply absent. */
export async function peopleById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db.select(refColumns).from(people).where(inList(people.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The active members whose home is this organization (a branch's roll). */
export async function activeMembersOf(ctx: Ctx, orgId: string): Promise<PersonRef[]> {
  return ctx.db.select(refColumns).from(people).where(and(eq(people.homeOrgId, orgId), eq(people.status, 'active')));
}
