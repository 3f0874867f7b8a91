import type { Role } from '@ronghe/schema';
import type { Clock } from './clock.ts';

/** Who is acting: resolved by the HTTP layer, consumed by business functions. */
export interface Actor {
  userId: string;
  displayName: string;
  /** Roles this actor holds in the current tenant, with their scopes. */
  grants: ReadonlyArray<{ role: Role; scopeOrgId: string | null; scopeAllianceId: string | null }>;
}

export interface TenantRef {
  slug: string;
  code: string;
  name: string;
  kind: 'county' | 'city';
}

/**
 * Everything a business function needs, passed explicitly (never module
 * state): `verb({ ctx, input })`.
 */
export interface ServiceContext<Db = unknown> {
  db: Db;
  tenant: TenantRef;
  actor: Actor;
  clock: Clock;
  requestId: string;
}
