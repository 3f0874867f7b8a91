import { newId } from '@ronghe/core';
import { findTenant } from '@ronghe/tenancy';
import { encryptSecret } from '@ronghe/webhooks';
import { bindings } from './worker.ts';

/** The fixture's webhook receiver: this machine's discard port, refused at once (no test waits on it). */
export const FIXTURE_WEBHOOK_URL = 'http://127.0.0.1:9/ronghe-hook';
export const FIXTURE_WEBHOOK_SECRET = 'whsec_fixture_secret_for_tests_only';

/**
 * An enabled endpoint of the tenant (version 1, subscribed to 活动登记) and one
 * delivery to it that failed once, inserted straight into the tenant database
 * (setup only; the webhooks tests drive the consumer and the attempts).
 */
export async function makeWebhookFixture(tenant: string): Promise<{ endpointId: string; deliveryId: string }> {
  const db = bindings[findTenant(tenant)!.binding]!;
  const now = Date.now();
  const endpointId = newId('whe', now);
  const deliveryId = newId('whd', now);
  const secretEnc = await encryptSecret({ APP_ENV: 'test' }, FIXTURE_WEBHOOK_SECRET);
  const body = JSON.stringify({ id: `evt_${deliveryId.slice(4)}`, type: 'activity.created', version: 1, tenant, occurredAt: new Date(now).toISOString(), aggregate: { type: 'activity', id: 'act_fixture' }, data: { activityId: 'act_fixture', allianceId: null, kind: 'service', status: 'planned' } });
  await db.batch([
    db
      .prepare(
        `INSERT INTO webhook_endpoints (id, url, description, event_types, secret_enc, secret_prefix, status, disabled_reason, consecutive_failures, created_by, created_at, updated_at, version)
         VALUES (?, ?, '测试接收端', '["activity.created"]', ?, 'whsec_fixt', 'enabled', NULL, 0, 'usr_factory', ?, ?, 1)`,
      )
      .bind(endpointId, FIXTURE_WEBHOOK_URL, secretEnc, now, now),
    db
      .prepare(
        `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, body, status, attempts, next_attempt_at, last_status_code, last_latency_ms, last_error, created_at, delivered_at, version)
         VALUES (?, ?, ?, 'activity.created', ?, 'failed', 1, NULL, 500, 12, '对方返回状态码 500', ?, NULL, 1)`,
      )
      .bind(deliveryId, endpointId, `evt_${deliveryId.slice(4)}`, body, now),
  ]);
  return { endpointId, deliveryId };
}
