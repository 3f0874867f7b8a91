import type { Router } from '@ronghe/http';
import { getTodoCountsRouter } from './counts.ts';
import { getWorkbenchRouter } from './get.ts';
import { markNotificationReadRouter } from './notification-read.ts';
import { markAllNotificationsReadRouter } from './notifications-read-all.ts';
import { listNotificationsRouter } from './notifications-list.ts';

/** 工作台 and 消息: every router of the area, in mounting order (the static read-all before `{id}/read`). */
export const workbenchRouters: readonly Router[] = [
  getWorkbenchRouter,
  getTodoCountsRouter,
  listNotificationsRouter,
  markAllNotificationsReadRouter,
  markNotificationReadRouter,
];
