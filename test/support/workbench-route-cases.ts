import type { RouteCase } from './route-cases.ts';
import { makeNotification } from './workbench-factories.ts';

/**
 * 工作台 and 消息. Marking read is about the caller's own message: with a
 * caller the case first puts one in the caller's inbox (so the request can
 * succeed for every role); without one it names the fixture's message, which
 * belongs to another account (so isolation aims at a real foreign row).
 */
export const WORKBENCH_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/workbench': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/workbench` }) },
  'GET /api/t/{tenant}/workbench/counts': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/workbench/counts` }) },
  'GET /api/t/{tenant}/notifications': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/notifications?unread=true&limit=5` }) },
  'POST /api/t/{tenant}/notifications/read-all': { build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/notifications/read-all` }) },
  'POST /api/t/{tenant}/notifications/{id}/read': {
    build: async (f, caller) => ({ method: 'POST', path: `/api/t/${f.tenant}/notifications/${caller ? (await makeNotification(f.tenant, caller.id)).id : f.notification.id}/read` }),
  },
};
