import { bytesToBase64Url } from '@ronghe/core';
/**
 * A resident's rating link carries its county: `<tenant slug>.<256 random
 * bits, base64url>`. The public route needs no login, so the token alone must
 * say which county's database to look in; only the whole token's SHA-256 is
 * kept there, so changing the slug to another county's finds nothing (404).
 */
export function newLinkToken(tenantSlug: string): string {
  return `${tenantSlug}.${bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** The county slug a token names, or null when the token is not of the link's shape. */
export function tenantOfToken(token: string): string | null {
  const m = /^([a-z][a-z0-9_-]{1,39})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return m ? m[1]! : null;
}

export async function tokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
