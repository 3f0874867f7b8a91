import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '@ronghe/core';
import { roleGrants, users } from '@ronghe/schema';

/**
 * Whether the account exists, is active and holds the `member` role in this
 * tenant: the only accounts a person of the registry may sign in with
 * (issue 11 self-service). Read from the control database, where identities live.
 */
export async function isMemberAccountOf(control: TenantDb, tenant: string, userId: string): Promise<boolean> {
  const [row] = await control
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.status, 'active'), eq(roleGrants.tenant, tenant), eq(roleGrants.role, 'member')))
    .limit(1);
  return !!row;
}
