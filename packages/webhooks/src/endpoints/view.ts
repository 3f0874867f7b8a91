import { AppError, validation } from '@ronghe/core';
import type { WebhookEndpoint, WebhookEndpointView } from '@ronghe/schema';

export type { WebhookEndpointView } from '@ronghe/schema';

export const endpointView = (e: WebhookEndpoint): WebhookEndpointView => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  // The table's text columns hold only these values (the package writes them).
  status: e.status as WebhookEndpointView['status'],
  disabledReason: e.disabledReason as WebhookEndpointView['disabledReason'],
  consecutiveFailures: e.consecutiveFailures,
  secretPrefix: e.secretPrefix,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
  version: e.version,
});

/**
 * A receiver's address: HTTPS; plain http only to this machine
 * (localhost, 127.0.0.1) and only outside production. No credentials in it.
 */
export function checkUrl(raw: string, appEnv: string | undefined): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw validation([{ path: 'body.url', message: '接收地址不是有效的网址' }]);
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
  if (u.protocol === 'http:' && local && appEnv !== 'production') return u.toString();
  if (u.protocol !== 'https:') throw validation([{ path: 'body.url', message: '接收地址必须以 https:// 开头（本机测试地址 http://localhost 仅限非生产环境）' }]);
  if (u.username || u.password) throw validation([{ path: 'body.url', message: '接收地址不能包含用户名或密码' }]);
  return u.toString();
}

export const staleEndpoint = () => new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
