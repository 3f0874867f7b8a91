import { openDb, ulid } from '@ronghe/core';
import { notifications, type Notification } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

let seq = 0;

/** A message in a person's inbox, inserted straight into the tenant database (setup only; the consumer is tested on its own). */
export async function makeNotification(tenant: string, recipientId: string, fields: Partial<Notification> = {}): Promise<Notification> {
  const db = openDb(bindings[findTenant(tenant)!.binding]!);
  const now = Date.now() + ++seq;
  const row: Notification = {
    id: `ntf_${ulid(now).toLowerCase()}`,
    recipientId,
    eventId: `evt_test_${ulid(now).toLowerCase()}`,
    kind: 'alliance.approved',
    title: '联合体已批准：测试联合体',
    link: `/t/${tenant}/alliances`,
    objectType: 'alliance',
    objectId: 'aln_test',
    createdAt: now,
    readAt: null,
    ...fields,
  };
  await db.insert(notifications).values(row);
  return row;
}
