import { bytesToBase64Url } from '@ronghe/core';
import type { TenantEnv } from '@ronghe/http';
import { createMiddleware } from 'hono/factory';

// ETag / If-None-Match for every /v1 GET (issue 14 § Endpoints; ADR 0029).
// The tag is a strong validator: SHA-256 of the exact JSON bytes of the 200
// answer, so it changes whenever any field does. It is computed after the
// handler ran with the key's own tenant, so a key never receives a 304 for an
// object its tenant does not hold (that request is a 404, which carries no tag).

/** The quoted strong tag of a body. */
export async function etagOf(body: ArrayBuffer): Promise<string> {
  return `"${bytesToBase64Url(await crypto.subtle.digest('SHA-256', body))}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored; `*` matches any current answer. */
export function noneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === tag;
  });
}

/**
 * After a GET answered 200: tag it, tell caches to revalidate and that the
 * answer depends on the key (`Cache-Control: private, no-cache`, `Vary:
 * Authorization`); when the client's If-None-Match holds the tag, answer 304
 * with no body, keeping every other header (the key's RateLimit-* among them).
 */
export const etag = createMiddleware<TenantEnv>(async (c, next) => {
  await next();
  if (c.req.method !== 'GET' || c.res.status !== 200) return;
  const body = await c.res.clone().arrayBuffer();
  const tag = await etagOf(body);
  const headers = new Headers(c.res.headers);
  headers.set('ETag', tag);
  headers.set('Cache-Control', 'private, no-cache');
  const vary = headers.get('Vary');
  if (!vary?.split(',').some((v) => v.trim().toLowerCase() === 'authorization')) headers.set('Vary', vary ? `${vary}, Authorization` : 'Authorization');
  const notModified = noneMatch(c.req.header('if-none-match'), tag);
  if (notModified) {
    headers.delete('Content-Type');
    headers.delete('Content-Length');
  }
  // Reset first: Hono's setter would otherwise merge the old answer's headers into the new one.
  c.res = undefined as unknown as Response;
  c.res = notModified ? new Response(null, { status: 304, headers }) : new Response(body, { status: 200, headers });
});
