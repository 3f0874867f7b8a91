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
 * In production the host must not name this machine or a private, link-local
 * or otherwise non-public address: a county administrator must not be able to
 * aim the worker's signed requests at internal services (SSRF). Names are not
 * resolved here (Workers have no DNS lookup); Cloudflare's network does not
 * route to private networks, so a name that resolves to one fails to connect.
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
  if (appEnv === 'production' && !isPublicHost(u.hostname)) {
    throw validation([{ path: 'body.url', message: '接收地址不能指向本机、内网或保留地址，请使用对方可公开访问的 https 域名' }]);
  }
  return u.toString();
}

/** Whether a URL's hostname (as `URL` normalises it) may be a public receiver. */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || /\.(localhost|local|internal|intranet|lan|home\.arpa)$/.test(host)) return false;
  if (host.startsWith('[')) return isPublicIpv6(host.slice(1, -1));
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) return isPublicIpv4(v4.slice(1).map(Number));
  // A bare name without a dot is a local name, never a public receiver.
  return host.includes('.');
}

function isPublicIpv4([a = 0, b = 0]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this network, private, loopback, multicast and reserved
  if (a === 100 && b >= 64 && b < 128) return false; // carrier-grade NAT
  if (a === 169 && b === 254) return false; // link-local (cloud metadata services)
  if (a === 172 && b >= 16 && b < 32) return false;
  if (a === 192 && (b === 168 || b === 0)) return false; // private; IETF protocol assignments and documentation
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  return true;
}

function isPublicIpv6(addr: string): boolean {
  // URL normalises IPv6 (compressed, lower case; an embedded IPv4 as two hex groups).
  if (addr === '::' || addr === '::1') return false;
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(addr);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return isPublicIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  const first = parseInt(addr.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return false; // multicast
  return true;
}

export const staleEndpoint = () => new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
