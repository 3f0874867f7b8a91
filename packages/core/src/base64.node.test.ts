import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, bytesToBase64Url } from './base64.ts';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('base64', () => {
  it('encodes the RFC 4648 § 10 test vectors', () => {
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => bytesToBase64(ascii(s)))).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
  });

  it('uses - and _ and drops the padding in the URL-safe form', () => {
    // 0xfb 0xff → "+/8=" in the standard alphabet.
    expect(bytesToBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
    expect(bytesToBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('decodes both alphabets, padded or not, to the same bytes', () => {
    expect([...base64ToBytes('+/8=')]).toEqual([0xfb, 0xff]);
    expect([...base64ToBytes('-_8')]).toEqual([0xfb, 0xff]);
    expect(new TextDecoder().decode(base64ToBytes('Zm9vYg'))).toBe('foob');
  });

  it('takes an ArrayBuffer and large inputs (no spread into fromCharCode)', () => {
    const big = new Uint8Array(200_000).map((_, i) => i % 256);
    const back = base64ToBytes(bytesToBase64Url(big.buffer));
    expect(back.length).toBe(200_000);
    expect(back[255]).toBe(255);
    expect(back[256]).toBe(0);
  });

  it('refuses characters outside the alphabets', () => {
    expect(() => base64ToBytes('ab$c')).toThrow();
  });
});
