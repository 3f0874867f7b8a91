import dayjs from 'dayjs';
import { prefetch, type Query } from '../../api/client.ts';
import { auditApi } from '../../api/endpoints.ts';
import type { PageAddress } from '../../layout/feature.ts';
import { shanghaiDayEnd, shanghaiDayStart } from '../../lib/time.ts';
import { readFilters, type UrlFilters } from '../../lib/useUrlFilters.ts';

// What 审计日志 reads on opening, shared by the page and its preload (docs/adr/0031):
// the preload's request is taken over by the page only if it is the same URL.

// entityName/actorName only label the active scoping for the reader; the API gets the ids.
export const AUDIT_FILTER_KEYS = ['action', 'entityType', 'entityId', 'entityName', 'actorId', 'actorName', 'from', 'to'] as const;
const PAGE_SIZE = 30;

/** URL keeps calendar days (YYYY-MM-DD); the API gets Beijing-time instants. */
export function auditListQuery(f: UrlFilters<(typeof AUDIT_FILTER_KEYS)[number]>, after: string | null): Query {
  return {
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    actorId: f.actorId,
    from: f.from ? shanghaiDayStart(dayjs(f.from)) : undefined,
    to: f.to ? shanghaiDayEnd(dayjs(f.to)) : undefined,
    cursor: after ?? undefined,
    limit: PAGE_SIZE,
  };
}

export function preloadAudit({ tenant, search }: PageAddress): void {
  prefetch(() => auditApi.list(tenant, auditListQuery(readFilters(search, AUDIT_FILTER_KEYS), null)));
}
