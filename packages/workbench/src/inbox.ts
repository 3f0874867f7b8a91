import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor, notFound, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import { notifications, type Notification, type NotificationListQuery, type NotificationView } from '@ronghe/schema';

// 消息: one person's inbox. Every query is keyed by the signed-in account, so
// a person can neither see nor mark another's messages: someone else's id
// answers 404 exactly like an unknown one.
//
// Marking read is not audited. It changes nothing anyone else sees or relies
// on — no object, no decision, no figure — only the reader's own inbox, and
// the row keeps its own record (`read_at`). Auditing it would put a row in
// the county's append-only log for every click on a message. It emits no
// domain event for the same reason.

const mine = (ctx: Ctx) => eq(notifications.recipientId, ctx.actor.userId);

export function toView(n: Notification): NotificationView {
  return { id: n.id, kind: n.kind, title: n.title, link: n.link, objectType: n.objectType, objectId: n.objectId, createdAt: n.createdAt, readAt: n.readAt };
}

export async function unreadCount(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listNotifications({ ctx, input }: { ctx: Ctx; input: NotificationListQuery }) {
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const where = [mine(ctx)];
  if (input.unread === 'true') where.push(isNull(notifications.readAt));
  if (input.unread === 'false') where.push(sql`${notifications.readAt} IS NOT NULL`);
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [number, string];
    where.push(or(lt(notifications.createdAt, Number(at)), and(eq(notifications.createdAt, Number(at)), lt(notifications.id, String(id))))!);
  }
  const [rows, unread] = await ctx.db.batch([
    ctx.db.select().from(notifications).where(and(...where)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit + 1),
    ctx.db.select({ n: count() }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt))),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toView), unread: unread[0]?.n ?? 0, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

/** Marks one of the caller's own messages read; marking it again changes nothing (the first time stays). */
export async function markNotificationRead({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<NotificationView> {
  const own = and(eq(notifications.id, input.id), mine(ctx));
  const [, rows] = await ctx.db.batch([
    ctx.db.update(notifications).set({ readAt: ctx.clock.now() }).where(and(own, isNull(notifications.readAt))),
    ctx.db.select().from(notifications).where(own).limit(1),
  ]);
  const n = rows[0];
  if (!n) throw notFound('消息');
  return toView(n);
}

/** Marks every unread message of the caller read. */
export async function markAllNotificationsRead({ ctx }: { ctx: Ctx }): Promise<{ marked: number; unread: number }> {
  const res = await ctx.db.update(notifications).set({ readAt: ctx.clock.now() }).where(and(mine(ctx), isNull(notifications.readAt)));
  return { marked: res.meta.changes ?? 0, unread: 0 };
}
