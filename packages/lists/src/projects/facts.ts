import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '@ronghe/core';
import { projectClaims, projects } from '@ronghe/schema';

/** What a reader outside needs to name a project and find its people (ADR 0010: through read.ts). */
export interface ProjectFacts {
  id: string;
  title: string;
  allianceId: string;
  /** The organizations whose claims the alliance confirmed: they carry the project out. */
  claimOrgIds: string[];
}

/** A project's current facts, or null when it does not exist. Takes a bare database: events are handled outside a request. */
export async function projectFacts(db: TenantDb, id: string): Promise<ProjectFacts | null> {
  const [rows, claims] = await db.batch([
    db.select({ id: projects.id, title: projects.title, allianceId: projects.allianceId }).from(projects).where(eq(projects.id, id)),
    db
      .select({ orgId: projectClaims.orgId })
      .from(projectClaims)
      .where(and(eq(projectClaims.projectId, id), eq(projectClaims.status, 'confirmed')))
      .orderBy(projectClaims.claimedAt),
  ]);
  const p = rows[0];
  return p ? { ...p, claimOrgIds: claims.map((c) => c.orgId) } : null;
}

/** The organization that made a claim (whatever its state now), or null. */
export async function claimOrgId(db: TenantDb, claimId: string): Promise<string | null> {
  const row = await db.select({ orgId: projectClaims.orgId }).from(projectClaims).where(eq(projectClaims.id, claimId)).get();
  return row?.orgId ?? null;
}
