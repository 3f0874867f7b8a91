import { AppError } from '@ronghe/core';

/**
 * Signing secrets (ADR 0028). A secret must be recoverable to sign, so it
 * cannot be hashed like an API key; it is kept AES-GCM encrypted with the
 * worker's key `WEBHOOK_SECRET_KEY` (a Wrangler secret: 32 bytes, base64), so
 * the database, its backups and exports never hold it readable. Outside
 * production a fixed development key stands in when none is configured.
 */
const DEV_KEY = 'cm9uZ2hlLWRldmVsb3BtZW50LXdlYmhvb2sta2V5ISE='; // "ronghe-development-webhook-key!!"

const enc = new TextEncoder();
const dec = new TextDecoder();

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export interface SecretEnv {
  APP_ENV?: string;
  WEBHOOK_SECRET_KEY?: string;
}

async function keyOf(env: SecretEnv): Promise<CryptoKey> {
  const raw = env.WEBHOOK_SECRET_KEY ?? (env.APP_ENV === 'production' ? undefined : DEV_KEY);
  if (!raw) throw new AppError('conflict', '未配置回调签名密钥的加密密钥，暂不能使用回调');
  return crypto.subtle.importKey('raw', unb64(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** A new secret: `whsec_` + 32 random bytes, base64url. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${b64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

export async function encryptSecret(env: SecretEnv, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyOf(env), enc.encode(secret)));
  return `v1.${b64(iv)}.${b64(ct)}`;
}

export async function decryptSecret(env: SecretEnv, stored: string): Promise<string> {
  const [v, iv, ct] = stored.split('.');
  if (v !== 'v1' || !iv || !ct) throw new Error('unknown secret format');
  return dec.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(iv) }, await keyOf(env), unb64(ct)));
}

/** What an administrator sees of a secret after creation: its first characters. */
export const secretPrefix = (secret: string) => secret.slice(0, 10);
