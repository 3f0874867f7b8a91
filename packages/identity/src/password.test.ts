import { describe, expect, it } from 'vitest';
import { AppError } from '@ronghe/core';
import { assertPasswordRules, hashPassword, passwordProblems, verifyPassword } from './password.ts';

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
