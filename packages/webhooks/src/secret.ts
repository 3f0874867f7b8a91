import { AppError, base64ToBytes, bytesToBase64, bytesToBase64Url } from '@ronghe/core';

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


export interface SecretEnv {
  APP_ENV?: string;
  WEBHOOK_SECRET_KEY?: string;
}

async function keyOf(env: SecretEnv): Promise<CryptoKey> {
  const raw = env.WEBHOOK_SECRET_KEY ?? (env.APP_ENV === 'production' ? undefined : DEV_KEY);
  if (!raw) throw new AppError('conflict', '未配置回调签名密钥的加密密钥，暂不能使用回调');
  return crypto.subtle.importKey('raw', base64ToBytes(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** A new secret: `whsec_` + 32 random bytes, base64url. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${bytesToBase64Url(bytes)}`;
}

export async function encryptSecret(env: SecretEnv, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyOf(env), enc.encode(secret)));
  return `v1.${bytesToBase64(iv)}.${bytesToBase64(ct)}`;
}

export async function decryptSecret(env: SecretEnv, stored: string): Promise<string> {
  const [v, iv, ct] = stored.split('.');
  if (v !== 'v1' || !iv || !ct) throw new Error('unknown secret format');
  return dec.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: base64ToBytes(iv) }, await keyOf(env), base64ToBytes(ct)));
}

/** What an administrator sees of a secret after creation: its first characters. */
export const secretPrefix = (secret: string) => secret.slice(0, 10);
