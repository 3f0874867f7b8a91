import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';

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
});
