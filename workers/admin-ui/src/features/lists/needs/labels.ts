import {
  LOCALITIES,
  LOCALITY_LABELS,
  NEED_SOURCES,
  NEED_STATUS_LABELS,
  NEED_STATUSES,
  RESOURCE_KINDS,
  RESOURCE_STATUS_LABELS,
  RESOURCE_STATUSES,
  URGENCY_LABELS,
  URGENCY_LEVELS,
} from '@ronghe/schema/enums';
import type { LocalityLevel, NeedStatus, ResourceStatus, Urgency } from '@ronghe/schema';

export { LOCALITY_LABELS, NEED_STATUS_LABELS, RESOURCE_STATUS_LABELS, URGENCY_LABELS };
export type { LocalityLevel, NeedStatus, ResourceStatus, Urgency };

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export const NEED_STATUS_COLORS: Record<NeedStatus, string> = {
  open: 'blue',
  partly_met: 'gold',
  met: 'green',
  closed: 'default',
  cancelled: 'default',
};
export const NEED_STATUS_OPTIONS = NEED_STATUSES.map((s) => ({ value: s, label: NEED_STATUS_LABELS[s] }));
export const NEED_SOURCE_OPTIONS = opts(NEED_SOURCES);

export const URGENCY_COLORS: Record<Urgency, string> = { 1: 'default', 2: 'blue', 3: 'orange', 4: 'red' };
export const URGENCY_OPTIONS = URGENCY_LEVELS.map((u) => ({ value: u, label: URGENCY_LABELS[u] }));
export const urgencyLabel = (u: number) => URGENCY_LABELS[u as Urgency] ?? String(u);
export const urgencyColor = (u: number) => URGENCY_COLORS[u as Urgency] ?? 'default';

export const RESOURCE_STATUS_COLORS: Record<ResourceStatus, string> = { available: 'green', exhausted: 'orange', withdrawn: 'default' };
export const RESOURCE_STATUS_OPTIONS = RESOURCE_STATUSES.map((s) => ({ value: s, label: RESOURCE_STATUS_LABELS[s] }));
export const RESOURCE_KIND_OPTIONS = opts(RESOURCE_KINDS);
export const LOCALITY_OPTIONS = LOCALITIES.map((l) => ({ value: l, label: LOCALITY_LABELS[l] }));

/** Today in Beijing time as YYYY-MM-DD: a deadline is overdue the day after it. */
export function todayShanghai(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
