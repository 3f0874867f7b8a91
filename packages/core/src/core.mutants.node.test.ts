import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from './clock.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { AppError, conflict, forbidden, notFound, validation } from './errors.ts';
import { isId, newId, ulid } from './ids.ts';
import { maskPhone } from './pii.ts';

// Core helpers, with expected values computed independently: base64url by
// Python's base64.urlsafe_b64encode of the JSON, ULID digits by hand in
// Crockford base32, HTTP statuses from RFC 9110 / README "Conventions".

describe('clocks', () => {
  it('a fixed clock stays put until advanced', () => {
    const c = fixedClock(1_000);
    expect(c.now()).toBe(1_000);
    c.advance(250);
    expect(c.now()).toBe(1_250);
  });

  it('the system clock reads the current time', () => {
    const before = Date.now();
    const t = systemClock.now();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});

describe('keyset cursors (base64url of a JSON tuple, no padding)', () => {
  it('encode as base64url: - and _ for + and /, no =', () => {
    expect(encodeCursor(['长青社区党委', 'org_01'])).toBe('WyLplb_pnZLnpL7ljLrlhZrlp5QiLCJvcmdfMDEiXQ');
    expect(encodeCursor(['~~~?', 3])).toBe('WyJ-fn4_IiwzXQ');
  });

  it('decode base64url back to the tuple', () => {
    expect(decodeCursor('WyJ-fn4_IiwzXQ', 2)).toEqual(['~~~?', 3]);
  });

  it('refuse anything but a tuple of strings and numbers of the right length, on query.cursor', () => {
    const b64 = (json: string) => Buffer.from(json).toString('base64url');
    for (const bad of ['[{"a":1},"x"]', '[true,"x"]', '["x",null]', '{"0":"a","1":"b"}', '["a"]', '["a","b","c"]']) {
      let caught: unknown = null;
      try {
        decodeCursor(b64(bad), 2);
      } catch (e) {
        caught = e;
      }
      expect(caught, bad).toBeInstanceOf(AppError);
      expect(caught, bad).toMatchObject({
        code: 'validation_failed',
        status: 422,
        detail: '分页游标无效',
        errors: [{ path: 'query.cursor', message: '分页游标无效，请从第一页重新查询' }],
      });
    }
    expect(decodeCursor(b64('["a",1]'), 2)).toEqual(['a', 1]);
  });
});

describe('errors', () => {
  it('carry code, status, title, detail, and empty errors and extra by default', () => {
    const e = new AppError('precondition_required');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('AppError');
    expect(e.status).toBe(428);
    expect(e.detail).toBe(e.title);
    expect(e.message).toBe(e.title);
    expect(e.errors).toEqual([]);
    expect(e.extra).toEqual({});
    const withExtra = new AppError('rate_limited', '稍后再试', { extra: { retryAfter: 30 } });
    expect(withExtra).toMatchObject({ status: 429, detail: '稍后再试', extra: { retryAfter: 30 }, errors: [] });
  });

  it('shorthands: 404 naming what, 403, 422 with field errors, 409', () => {
    expect(notFound('需求')).toMatchObject({ code: 'not_found', status: 404, detail: '需求不存在或无权访问' });
    expect(notFound()).toMatchObject({ detail: '对象不存在或无权访问' });
    expect(forbidden()).toMatchObject({ code: 'forbidden', status: 403, detail: '当前角色无权执行此操作' });
    expect(forbidden('不行')).toMatchObject({ detail: '不行' });
    const errors = [{ path: 'body.name', message: '必填' }];
    expect(validation(errors)).toMatchObject({ code: 'validation_failed', status: 422, detail: '请根据字段提示修改后重新提交', errors });
    expect(validation(errors, '导入失败')).toMatchObject({ detail: '导入失败', errors });
    expect(conflict('已被占用')).toMatchObject({ code: 'conflict', status: 409, detail: '已被占用' });
  });
});

describe('ids (ULID layout, Crockford base32)', () => {
  it('write the time in 10 base-32 digits, then 16 random digits', () => {
    // 1_700_000_000_000 ms in base 32 with Crockford digits: 01HF7YAT00.
    expect(ulid(1_700_000_000_000, (b) => b.fill(0))).toBe('01HF7YAT00' + '0'.repeat(16));
    expect(ulid(0, (b) => b.map((_, i) => i))).toBe('0000000000' + '0123456789ABCDEF');
    expect(ulid(0, (b) => b.fill(255))).toBe('0000000000' + 'Z'.repeat(16));
    expect(ulid(Date.now())).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('prefix and check ids strictly', () => {
    const id = newId('org', 1_700_000_000_000);
    expect(id).toMatch(/^org_01hf7yat00[0-9a-z]{16}$/);
    expect(isId('org', id)).toBe(true);
    expect(isId('usr', id)).toBe(false);
    expect(isId('org', `x${id}`)).toBe(false);
    expect(isId('org', id.slice(0, -1))).toBe(false);
    expect(isId('org', id.toUpperCase())).toBe(false);
  });

  it('draw fresh random digits for every id made at the same instant', () => {
    // 1,000 ids at one instant: only the random part tells them apart.
    const ids = Array.from({ length: 1000 }, () => newId('req', 1_700_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^req_01hf7yat00[0-9a-hjkmnp-tv-z]{16}$/);
    // Each of the 32 digits turns up in the random part (16,000 digits drawn).
    expect(new Set(ids.flatMap((id) => [...id.slice(-16)])).size).toBe(32);
  });
});

describe('masked phone numbers (README: phones masked for members)', () => {
  it('keeps the first 3 and last 4 digits of a long number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
    expect(maskPhone('0476-8888888')).toBe('047*****8888');
    expect(maskPhone('12345678')).toBe('123*5678');
  });

  it('keeps only the first and last digit of a short number', () => {
    expect(maskPhone('1234567')).toBe('1*****7');
    expect(maskPhone('12')).toBe('12');
  });

  it('passes nothing through as null, and an empty string as it is', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
    expect(maskPhone('')).toBe('');
  });
});
