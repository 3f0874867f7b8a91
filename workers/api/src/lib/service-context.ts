import type { Ctx } from '@ronghe/core';
import type { AccountsCtx } from '@ronghe/identity';
import type { AppEnv } from '@ronghe/http';
import type { Context } from 'hono';

/** Hands the request's dependencies to a business function: `verb({ ctx: serviceContext(c), input })`. */
export function serviceContext(c: Context<AppEnv>): Ctx {
  return {
    db: c.get('db'),
    tenant: c.get('tenant'),
    actor: c.get('actor'),
    clock: c.get('clock'),
    requestId: c.get('requestId'),
  };
}

/** Account management also needs the control database, where identities live. */
export function accountsContext(c: Context<AppEnv>): AccountsCtx {
  return { ...serviceContext(c), control: c.get('control') };
}
