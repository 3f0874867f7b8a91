/**
 * The signature recipe (docs/webhooks.md, ADR 0028): HMAC-SHA256 with the
 * endpoint's secret over `<timestamp>.<body>` (the exact bytes sent), hex, in
 * the header `Ronghe-Signature: t=<unix seconds>,v1=<hex>`.
 */
export const SIGNATURE_HEADER = 'Ronghe-Signature';

const enc = new TextEncoder();

function hex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, enc.encode(message)));
}

/** The header value for a body sent at `unixSeconds`. */
export async function signatureHeader(secret: string, body: string, unixSeconds: number): Promise<string> {
  return `t=${unixSeconds},v1=${await hmacHex(secret, `${unixSeconds}.${body}`)}`;
}
