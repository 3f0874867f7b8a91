import { z } from '@hono/zod-openapi';
import {
  AppError,
  claimIdempotencyKey,
  completeIdempotencyStatement,
  idempotencyKeyValid,
  IDEMPOTENCY_KEY_MAX,
  releaseIdempotencyKey,
  sha256Hex,
  type IdempotencyRef,
  type Statement,
  type TenantDb,
  writeBatch,
} from '@ronghe/core';
import type { TenantEnv } from '@ronghe/http';
import type { Context, MiddlewareHandler } from 'hono';

// `Idempotency-Key` on every /v1 POST (ADR 0027). Route middleware, placed
// after the body limit: it claims the key before the handler runs, answers a
// retry from the stored response, and hands the handler the statement that
// stores this request's response in the handler's own write batch.

export const REPLAY_HEADER = 'Idempotency-Replayed';

/** The request header, for each POST's `request.headers` (documents it; the middleware enforces it). */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .max(IDEMPOTENCY_KEY_MAX, { message: `幂等键不能超过 ${IDEMPOTENCY_KEY_MAX} 个字符` })
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description:
        '幂等键（建议每次新提交生成一个 UUID，重试时原样带上）：24 小时内同一密钥、同一幂等键的重试返回首次的响应（带 Idempotency-Replayed: true）；内容不同返回 422，首次请求仍在处理时返回 409。不带则不做重复保护。',
      example: '5f0c1d1e-8a0b-4c63-9a55-0b6f3e1c2d4a',
    }),
});

/** Response header documented on the success responses of idempotent operations. */
export const replayHeaders = {
  [REPLAY_HEADER]: { description: '为 true 时：这是按幂等键返回的首次请求的响应，本次未做任何修改', schema: { type: 'string' as const, enum: ['true'] } },
};

interface Pending {
  db: TenantDb;
  ref: IdempotencyRef;
  now: number;
  stored: boolean;
}
const pending = new WeakMap<Context, Pending>();

/**
 * The statements that store this request's response, for the handler's write
 * batch; none when the request carries no key. The body must be exactly what
 * the handler then answers.
 */
export function idempotencyStatements(c: Context<TenantEnv>, status: number, body: unknown): Statement[] {
  const p = pending.get(c);
  if (!p) return [];
  p.stored = true;
  return [completeIdempotencyStatement(p.db, p.ref, status, body, p.now)];
}

export function idempotent(): MiddlewareHandler<TenantEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!idempotencyKeyValid(key)) {
      throw new AppError('validation_failed', '幂等键无效', {
        errors: [{ path: 'header.idempotency-key', message: `幂等键须为 1–${IDEMPOTENCY_KEY_MAX} 个可见 ASCII 字符（建议使用 UUID）` }],
      });
    }
    const db = c.get('db');
    const ref: IdempotencyRef = { apiKeyId: c.get('actor').userId, key };
    const raw = await c.req.text();
    const hash = await sha256Hex(new TextEncoder().encode(`${c.req.method} ${new URL(c.req.url).pathname}\n${raw}`));
    const now = c.get('clock').now();
    const outcome = await claimIdempotencyKey(db, ref, hash, now);
    if (outcome.kind === 'replay') {
      c.header(REPLAY_HEADER, 'true');
      return c.json(outcome.body as object, outcome.status as 200);
    }
    if (outcome.kind === 'mismatch') {
      throw new AppError('validation_failed', '该幂等键已用于内容不同的请求', {
        errors: [{ path: 'header.idempotency-key', message: '该幂等键 24 小时内已用于另一次内容不同的提交；新的提交请使用新的幂等键' }],
      });
    }
    if (outcome.kind === 'in_flight') throw new AppError('conflict', '使用同一幂等键的请求正在处理，请稍后重试');

    const p: Pending = { db, ref, now, stored: false };
    pending.set(c, p);
    try {
      await next();
    } catch (err) {
      await releaseIdempotencyKey(db, ref);
      throw err;
    }
    if (c.error || c.res.status >= 400) {
      // Refused or invalid: nothing changed, so the claim is given back and the client may retry.
      // A batch that carried the record and failed rolled it back too: the claim is still `in_flight`.
      await releaseIdempotencyKey(db, ref);
      return;
    }
    if (!p.stored) {
      // A route that did not put the record into its batch: stored after the fact (not atomic; ADR 0027 lists none today).
      const body = await c.res.clone().json().catch(() => null);
      await writeBatch(db, [completeIdempotencyStatement(db, ref, c.res.status, body, now)]);
    }
  };
}
