import { describe, expect, it } from 'vitest';
import { checkUrl } from './view.ts';

const refusal = (raw: string, env: string | undefined) => {
  try {
    checkUrl(raw, env);
    return null;
  } catch (err) {
    return (err as { errors?: { path: string; message: string }[] }).errors?.[0] ?? String(err);
  }
};

describe('a webhook receiver address', () => {
  it('accepts a public https address in production, as URL normalises it', () => {
    expect(checkUrl('https://hooks.example.com/ronghe', 'production')).toBe('https://hooks.example.com/ronghe');
    expect(checkUrl('https://203.0.113.7:8443/h', 'production')).toBe('https://203.0.113.7:8443/h');
    expect(checkUrl('https://[2001:db8::1]/h', 'production')).toBe('https://[2001:db8::1]/h');
  });

  it.each([
    'https://localhost/h',
    'https://LOCALHOST./h',
    'https://app.localhost/h',
    'https://printer.local/h',
    'https://db.internal/h',
    'https://intranet/h',
    'https://127.0.0.1/h',
    'https://10.1.2.3/h',
    'https://172.16.0.1/h',
    'https://172.31.255.255/h',
    'https://192.168.1.1/h',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/h',
    'https://0.0.0.0/h',
    'https://224.0.0.1/h',
    // Other spellings of private addresses that URL turns into dotted quads.
    'https://0x7f000001/h',
    'https://2130706433/h',
    'https://[::1]/h',
    'https://[::ffff:10.0.0.1]/h',
    'https://[fd00::1]/h',
    'https://[fe80::1]/h',
  ])('refuses %s in production, naming body.url', (raw) => {
    expect(refusal(raw, 'production')).toEqual({ path: 'body.url', message: '接收地址不能指向本机、内网或保留地址，请使用对方可公开访问的 https 域名' });
  });

  it('keeps the rules outside production: https anywhere, http only to this machine', () => {
    expect(checkUrl('https://10.1.2.3/h', 'development')).toBe('https://10.1.2.3/h');
    expect(checkUrl('http://localhost:8788/hook', 'development')).toBe('http://localhost:8788/hook');
    expect(refusal('http://10.1.2.3/h', 'development')).toEqual({ path: 'body.url', message: '接收地址必须以 https:// 开头（本机测试地址 http://localhost 仅限非生产环境）' });
    expect(refusal('http://localhost:8788/hook', 'production')).toEqual({ path: 'body.url', message: '接收地址必须以 https:// 开头（本机测试地址 http://localhost 仅限非生产环境）' });
  });

  it('refuses credentials in the address', () => {
    expect(refusal('https://u:p@hooks.example.com/h', 'production')).toEqual({ path: 'body.url', message: '接收地址不能包含用户名或密码' });
  });
});
