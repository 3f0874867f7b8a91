import type { Ctx } from '@ronghe/core';
import type { AccountsCtx } from '@ronghe/identity';
import type { WorkbenchCtx } from '@ronghe/workbench';
import type { TenantEnv } from '@ronghe/http';
import type { Context } from 'hono';

/** Hands the request's dependencies to a business function: `verb({ ctx: serviceContext(c), input })`. */
export function serviceContext(c: Context<TenantEnv>): Ctx {
  return {
    db: c.get('db'),
    tenant: c.get('tenant'),
    actor: c.get('actor'),
    clock: c.get('clock'),
    requestId: c.get('requestId'),
  };
}

/** Account management also needs the control database, where identities live. */
export function accountsContext(c: Context<TenantEnv>): AccountsCtx {
  return { ...serviceContext(c), control: c.get('control') };
}

/** The 工作台 reads the control database too: in the city's tenant, the city's copy of every county's filings. */
export function workbenchContext(c: Context<TenantEnv>): WorkbenchCtx {
  return { ...serviceContext(c), control: c.get('control') };
}
