import { z } from '@hono/zod-openapi';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ALLIANCE_STATUSES } from '../enums.ts';

// 工作台 (issue 9 §3): the per-person inbox (消息) lives in the tenant database
// beside the objects it points at, so a county's messages never leave it.

/**
 * One message to one person. Written only by the notifications consumer
 * (packages/workbench/src/notify.ts) from a domain event; the events
 * dispatcher's `consumed_events` row makes a redelivered event a no-op, and
 * `(recipient_id, event_id)` is unique besides. `read_at` is the person's own state (see the workbench routes).
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    /** The staff account (control database `users.id`) the message is for. */
    recipientId: text('recipient_id').notNull(),
    eventId: text('event_id').notNull(),
    /** The event type it came from, e.g. `alliance.approved`. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Where in the admin UI the object is (a path under the SPA). */
    link: text('link').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_recipient_event_uq').on(t.recipientId, t.eventId),
    index('notifications_inbox_idx').on(t.recipientId, t.createdAt),
  ],
);
export type Notification = typeof notifications.$inferSelect;

// ── Edge schemas ───────────────────────────────────────────────────────────

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: '来源事件类型，如 alliance.approved' }),
    title: z.string(),
    link: z.string().openapi({ description: '管理端中办理或查看该对象的页面' }),
    objectType: z.string(),
    objectId: z.string(),
    createdAt: z.number().int(),
    readAt: z.number().int().nullable(),
  })
  .openapi('Notification');
export type NotificationView = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z
  .object({
    unread: z.enum(['true', 'false'], { message: 'unread 须为 true 或 false' }).optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationListSchema = z
  .object({ items: z.array(NotificationSchema), unread: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('NotificationList');

export const ReadAllResultSchema = z.object({ marked: z.number().int(), unread: z.number().int() }).openapi('NotificationsReadAll');

export const TodoObjectSchema = z.object({ id: z.string(), label: z.string(), link: z.string(), note: z.string().optional() });
export const TodoItemSchema = z
  .object({
    kind: z.string().openapi({ description: '待办类别，如 alliance.to_review' }),
    role: z.string().openapi({ description: '因哪个角色而有此待办' }),
    title: z.string(),
    count: z.number().int(),
    link: z.string().openapi({ description: '办理这类事项的页面' }),
    items: z.array(TodoObjectSchema).openapi({ description: '最早的若干个对象（至多 10 个）' }),
  })
  .openapi('TodoItem');
export type TodoItemView = z.infer<typeof TodoItemSchema>;

export const KeyFiguresSchema = z
  .object({
    scope: z.enum(['tenant', 'alliances']).openapi({ description: 'tenant：全旗县区；alliances：本角色相关的联合体' }),
    alliancesByStatus: z.record(z.enum(ALLIANCE_STATUSES), z.number().int()),
    needs: z.object({ open: z.number().int(), partlyMet: z.number().int(), met: z.number().int(), overdue: z.number().int() }),
    projectsByWarning: z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int() }),
  })
  .openapi('KeyFigures');
export type KeyFigures = z.infer<typeof KeyFiguresSchema>;

/**
 * The 市委组织部's figures in the city's own tenant, which holds no alliances or lists: every county's,
 * summed by the city rollup (ADR 0022) as 全市概况 shows them, with how fresh they are.
 */
export const CityKeyFiguresSchema = z
  .object({
    scope: z.literal('city').openapi({ description: 'city：全市（各旗县区汇总）' }),
    asOf: z.number().int().nullable().openapi({ description: '汇总数字的时点（最早一个旗县区的）；尚无汇总时为空' }),
    counties: z.number().int().openapi({ description: '已有汇总数字的旗县区数' }),
    staleCounties: z.number().int().openapi({ description: '最近一次刷新失败、数字可能过期的旗县区数' }),
    alliancesByStatus: z.record(z.enum(ALLIANCE_STATUSES), z.number().int()),
    needs: z.object({ open: z.number().int(), met: z.number().int() }),
    projects: z.object({ open: z.number().int(), overdue: z.number().int(), completed: z.number().int() }),
  })
  .openapi('CityKeyFigures');
export type CityKeyFigures = z.infer<typeof CityKeyFiguresSchema>;

export const WorkbenchSchema = z
  .object({
    todos: z.array(TodoItemSchema),
    todoCount: z.number().int(),
    unread: z.number().int(),
    figures: z.union([KeyFiguresSchema, CityKeyFiguresSchema]),
  })
  .openapi('Workbench');
export type WorkbenchView = z.infer<typeof WorkbenchSchema>;

/** GET /workbench/counts: only the numbers the sidebar draws beside its entries, polled on every page. */
export const TodoCountsSchema = z
  .object({
    todoCount: z.number().int(),
    byKind: z.record(z.string(), z.number().int()).openapi({ description: '每类待办的数量（键为待办类型）' }),
  })
  .openapi('TodoCounts');
export type TodoCountsView = z.infer<typeof TodoCountsSchema>;
