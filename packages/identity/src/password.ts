import { AppError, base64ToBytes, bytesToBase64, bytesToBase64Url, type FieldError } from '@ronghe/core';
import { passwordProblems } from '@ronghe/schema/password-rules';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Salted PBKDF2-SHA256 through WebCrypto. 100,000 iterations is the most the
 * Workers runtime allows; the count is stored per user so it can be raised.
 */
export const PBKDF2_ITERATIONS = 100_000;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return { hash: bytesToBase64(hash), salt: bytesToBase64(salt), iterations };
}

/** Constant-time comparison so response timing does not leak how much matched. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const hash = await derive(password, base64ToBytes(stored.salt), stored.iterations);
  return equalBytes(hash, base64ToBytes(stored.hash));
}

export { passwordProblems };

/**
 * Passwords people pick that pass the character-class rules and are still
 * among the first an attacker tries (Password1, Aa123456, Qwerty123): zxcvbn's
 * estimate against its common-password list and keyboard patterns. Score 3 is
 * "safely unguessable" (about 10^8 guesses and up), the level zxcvbn itself
 * recommends for an online service. Server only: its dictionaries (~400 KB)
 * stay out of the admin UI bundle, which shows the pure rules as a hint and
 * this refusal from the server's field error.
 */
export const MIN_PASSWORD_SCORE = 3;
export const COMMON_PASSWORD_MESSAGE = '密码过于常见或容易猜到，请换一个';

let estimator: ZxcvbnFactory | undefined;

/** Whether zxcvbn finds the password easy to guess; built on first use, so a cold start that checks no password does not load the dictionaries. */
export function isGuessablePassword(password: string): boolean {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return estimator.check(password).score < MIN_PASSWORD_SCORE;
}

export function assertPasswordRules(password: string, path = 'body.newPassword'): void {
  const basic = passwordProblems(password);
  // Only a password that meets the basic rules is estimated: the rules' own messages say what to fix first.
  const problems = basic.length || !isGuessablePassword(password) ? basic : [COMMON_PASSWORD_MESSAGE];
  if (problems.length) {
    const errors: FieldError[] = problems.map((message) => ({ path, message }));
    throw new AppError('validation_failed', problems.join('；'), { errors });
  }
}

export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A 256-bit random token, base64url, with a readable prefix. */
export function randomToken(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return prefix + bytesToBase64Url(bytes);
}
