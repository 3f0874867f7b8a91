import dayjs from 'dayjs';
import type { Query } from '../../api/client.ts';
import { auditApi } from '../../api/endpoints.ts';
import { firstReads } from '../../lib/lazy-page.ts';
import { shanghaiDayEnd, shanghaiDayStart } from '../../lib/time.ts';
import type { UrlFilters } from '../../lib/useUrlFilters.ts';

// What 审计日志 reads on opening, shared by the page and its preload (docs/adr/0031).

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

export const preloadAudit = firstReads(AUDIT_FILTER_KEYS, ({ tenant, filters }) => [() => auditApi.list(tenant, auditListQuery(filters, null))]);
