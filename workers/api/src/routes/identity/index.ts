import type { Router } from '@ronghe/http';
import { createAccountRouter } from './accounts/create.ts';
import { setGrantsRouter } from './accounts/grants.ts';
import { listAccountsRouter } from './accounts/list.ts';
import { resetPasswordRouter } from './accounts/reset-password.ts';
import { accountStatusRouter } from './accounts/status.ts';
import { issueApiKeyRouter } from './api-keys/issue.ts';
import { listApiKeysRouter } from './api-keys/list.ts';
import { revokeApiKeyRouter } from './api-keys/revoke.ts';
import { apiKeyUsageRouter } from './api-keys/usage.ts';
import { changePasswordRouter } from './auth/change-password.ts';
import { loginRouter } from './auth/login.ts';
import { logoutRouter } from './auth/logout.ts';
import { meRouter } from './auth/me.ts';
import { tenantsRouter } from './auth/tenants.ts';

/** Signing in and out, the session's own user and counties (`/auth/*`, `/me`, `/tenants`); a county's accounts and API keys. */
export const identityRouters: readonly Router[] = [
  loginRouter,
  logoutRouter,
  meRouter,
  changePasswordRouter,
  tenantsRouter,
  issueApiKeyRouter,
  listApiKeysRouter,
  revokeApiKeyRouter,
  apiKeyUsageRouter,
  listAccountsRouter,
  createAccountRouter,
  setGrantsRouter,
  resetPasswordRouter,
  accountStatusRouter,
];
