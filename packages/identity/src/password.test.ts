import { describe, expect, it } from 'vitest';
import { AppError } from '@ronghe/core';
import { assertPasswordRules, hashPassword, passwordProblems, sha256Hex, verifyPassword } from './password.ts';

describe('sha256Hex (the key of stored tokens and the session cache)', () => {
  it('gives the standard digests in lower-case hex, leading zero bytes kept', async () => {
    // FIPS 180-2 test vectors.
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // "abc" has a byte below 0x10 (…8f01cf…): two digits each, the zero kept. Input is UTF-8 (sha256sum of the bytes e4 b8 ad).
    expect(await sha256Hex('中')).toBe('a567bdaa11367f260f0708391f4d10766b5962f565d9e432f17981a3584fe1e2');
  });
});

describe('password hashing and rules', () => {
  it('verifies the right password and refuses a wrong one; salts differ per hash', async () => {
    const a = await hashPassword('Chifeng#2026', 1000);
    const b = await hashPassword('Chifeng#2026', 1000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword('Chifeng#2026', a)).toBe(true);
    expect(await verifyPassword('chifeng#2026', a)).toBe(false);
  });

  it('requires 8 characters from 3 of 4 classes', () => {
    expect(passwordProblems('Ab1!')).toContain('密码长度至少 8 位');
    expect(passwordProblems('abcdefgh1').join()).toMatch(/三类/);
    expect(passwordProblems('abcdefG1')).toEqual([]);
    expect(passwordProblems('红山区党建2026a')).toEqual([]);
  });

  it('refuses common passwords that pass the class rules, naming the field; accepts strong ones', () => {
    const refusal = (password: string, path?: string) => {
      try {
        assertPasswordRules(password, path);
      } catch (e) {
        return e instanceof AppError ? { code: e.code, errors: e.errors } : e;
      }
      return undefined;
    };
    for (const common of ['Password1', 'Aa123456', 'Qwerty123', 'P@ssw0rd', 'Password1!', 'Welcome1!', 'Admin@123', 'Abc@12345']) {
      expect(passwordProblems(common), common).toEqual([]);
      expect(refusal(common, 'body.password'), common).toEqual({ code: 'validation_failed', errors: [{ path: 'body.password', message: '密码过于常见或容易猜到，请换一个' }] });
    }
    // The class rules speak first: a short password is told it is short, not that it is common.
    expect(refusal('Aa1!')).toEqual({ code: 'validation_failed', errors: [{ path: 'body.newPassword', message: '密码长度至少 8 位' }] });
    // The demo accounts' password (README), the tests' password and a passphrase.
    for (const strong of ['Ronghe@2026', 'Test@2026pass', 'Hongshan-Lantern-Ridge-7', '红山区党建2026a']) expect(refusal(strong), strong).toBeUndefined();
  });
});
