// WebCrypto: Cloudflare Workers, Deno, Node ≥ 20, browsers.
export async function verifyRonghe(secret: string, header: string, body: string, toleranceSec = 300): Promise<boolean> {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2)));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceSec || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const sig = Uint8Array.from(parts.v1.match(/../g)!.map((h: string) => parseInt(h, 16)));
  return crypto.subtle.verify('HMAC', key, sig, enc.encode(`${t}.${body}`)); // constant-time
}
