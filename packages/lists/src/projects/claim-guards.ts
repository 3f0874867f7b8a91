import { AppError, notFound } from '@ronghe/core';
import { PROJECT_STATUS_LABELS } from '@ronghe/schema';
import { type ProjectParts } from './parts.ts';
import { isOpenProject } from './warnings.ts';

// 认领 (seed 000 9.3, seed 003 mechanism 4): a member organization offers to
// carry (part of) a project; the alliance confirms or declines; several
// organizations may share one project. Every claim change bumps the project's
// version, so the detail's ETag covers its claims.

export const UNIQUE_LIVE = /UNIQUE constraint failed: project_claims/;

export function assertClaimsOpen(parts: ProjectParts): void {
  const s = parts.project.status;
  if (!isOpenProject(s)) throw new AppError('conflict', `项目当前为“${PROJECT_STATUS_LABELS[s]}”状态，不再接受认领`);
}

export function findClaim(parts: ProjectParts, claimId: string) {
  const r = parts.claims.find((c) => c.c.id === claimId);
  if (!r) throw notFound('认领');
  return r;
}
