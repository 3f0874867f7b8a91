import type { NotificationView, TodoCountsView, WorkbenchView } from '@ronghe/schema';
import { api, get, type Query } from '../../api/client.ts';

// 工作台 and 消息 (issue 9 §3). Types come from the shared zod schemas (schema/tenant/workbench.ts).

export type Workbench = WorkbenchView;
export type Notification = NotificationView;
export interface NotificationPage {
  items: Notification[];
  unread: number;
  nextCursor: string | null;
}

const t = (tenant: string, path: string) => `/t/${tenant}${path}`;

export const workbenchApi = {
  get: (tenant: string, signal?: AbortSignal) => get<Workbench>(t(tenant, '/workbench'), undefined, signal),
  /** The sidebar's numbers only (no figures, no messages): what the menu polls on every page. */
  counts: (tenant: string, signal?: AbortSignal) => get<TodoCountsView>(t(tenant, '/workbench/counts'), undefined, signal),
  notifications: (tenant: string, query: Query = {}, signal?: AbortSignal) => get<NotificationPage>(t(tenant, '/notifications'), query, signal),
  read: (tenant: string, id: string) => api<Notification>('POST', t(tenant, `/notifications/${encodeURIComponent(id)}/read`)).then((r) => r.data),
  readAll: (tenant: string) => api<{ marked: number; unread: number }>('POST', t(tenant, '/notifications/read-all')).then((r) => r.data),
};

// The header bell, the menu counts and the page live apart; marking read (or a
// decision that changes what waits) tells the others to count again.
const EVENT = 'ronghe:workbench-changed';

export function workbenchChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onWorkbenchChanged(fn: () => void): () => void {
  window.addEventListener(EVENT, fn);
  return () => window.removeEventListener(EVENT, fn);
}

/** How often the bell and the menu look again: messages arrive from other people's work. */
export const POLL_MS = 30_000;
