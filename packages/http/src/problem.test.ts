import { z } from '@hono/zod-openapi';
import { AppError } from '@ronghe/core';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { requestContext } from './middleware.ts';
import { createRouter } from './openapi.ts';

// The one problem renderer (RFC 9457), on a throwaway app whose handlers throw.
function app(fail: () => never) {
  const a = createRouter();
  a.use('*', requestContext());
  a.get('/boom', () => fail());
  return a;
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: Array<{ path: string; message: string }>;
}

async function render(fail: () => never, headers: Record<string, string> = {}) {
  // The request log reads APP_ENV; in tests it stays quiet below 500.
  const res = await app(fail).request('/boom?x=1', { headers }, { APP_ENV: 'test' });
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  return { res, p: (await res.json()) as Problem };
}

describe('problem renderer', () => {
  it('an AppError becomes its status, a stable code, Chinese title and detail, the path and the request id', async () => {
    const { res, p } = await render(
      () => {
        throw new AppError('conflict', '联合体处于草稿状态，不能批准');
      },
      { 'x-request-id': 'req-problem-1' },
    );
    expect(res.status).toBe(409);
    expect(res.headers.get('x-request-id')).toBe('req-problem-1');
    expect(p).toMatchObject({
      type: 'urn:ronghe:problem:conflict',
      status: 409,
      code: 'conflict',
      detail: '联合体处于草稿状态，不能批准',
      instance: '/boom',
      requestId: 'req-problem-1',
    });
    expect(p.title).toMatch(/[\u4e00-\u9fa5]/);
    expect(p.errors).toBeUndefined();
  });

  it('field errors are listed; extra members never overwrite RFC 9457 members', async () => {
    const { res, p } = await render(() => {
      throw new AppError('validation_failed', '请修改', { errors: [{ path: 'json.name', message: '名称不能为空' }], extra: { status: 200, code: 'ok', hint: '见说明' } });
    });
    expect(res.status).toBe(422);
    expect(p.status).toBe(422);
    expect(p.code).toBe('validation_failed');
    expect((p as unknown as { hint: string }).hint).toBe('见说明');
    expect(p.errors).toEqual([{ path: 'json.name', message: '名称不能为空' }]);
  });

  it("Hono's 413 becomes payload_too_large", async () => {
    const { res, p } = await render(() => {
      throw new HTTPException(413);
    });
    expect(res.status).toBe(413);
    expect(p.code).toBe('payload_too_large');
  });

  it('anything unexpected is a 500 with a Chinese message and no internals', async () => {
    const { res, p } = await render(() => {
      throw new Error('D1_ERROR: no such column secret_thing');
    });
    expect(res.status).toBe(500);
    expect(p.code).toBe('internal');
    expect(p.detail).toBe('服务器内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号');
    expect(JSON.stringify(p)).not.toContain('secret_thing');
  });
});

describe('validation through createRouter', () => {
  const a = createRouter();
  a.openapi(
    {
      method: 'post',
      path: '/things',
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().min(1, { message: '请填写名称' }) }).strict() } }, required: true } },
      responses: { 204: { description: '' } },
    },
    (c) => c.body(null, 204),
  );
  const post = (body: string) => a.request('/things', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('a schema failure → 422 validation_failed naming the field under its target', async () => {
    const res = await post(JSON.stringify({ name: '' }));
    expect(res.status).toBe(422);
    const p = (await res.json()) as Problem;
    expect(p.code).toBe('validation_failed');
    expect(p.errors).toEqual([{ path: 'json.name', message: '请填写名称' }]);
  });

  it('an unknown field is named in Chinese', async () => {
    const p = (await (await post(JSON.stringify({ name: '甲', createdBy: 'x' }))).json()) as Problem;
    expect(p.errors).toEqual([{ path: 'json', message: '不允许的字段：createdBy' }]);
  });

  it('malformed JSON → 400 malformed_request, naming the body', async () => {
    const res = await post('{"name": ');
    expect(res.status).toBe(400);
    const p = (await res.json()) as Problem;
    expect(p.code).toBe('malformed_request');
    expect(p.errors).toEqual([{ path: 'body', message: '请求体不是合法的 JSON' }]);
  });
});

describe('a unique-index violation from the database', () => {
  // What D1 throws (through drizzle, the cause carries the driver's message).
  const d1 = (constraint: string) => new Error('Failed query', { cause: new Error(`D1_ERROR: UNIQUE constraint failed: ${constraint}: SQLITE_CONSTRAINT`) });

  it('is a 409 conflict naming the field it knows, in Chinese', async () => {
    const { res, p } = await render(() => {
      throw d1('list_categories.name');
    });
    expect(res.status).toBe(409);
    expect(p.code).toBe('conflict');
    expect(p.detail).toBe('同名的类别已存在');
    expect(p.errors).toEqual([{ path: 'body.name', message: '同名的类别已存在' }]);
  });

  it('names a multi-column pair in words', async () => {
    const { res, p } = await render(() => {
      throw d1('match_rejections.need_id, match_rejections.resource_id');
    });
    expect(res.status).toBe(409);
    expect(p.detail).toBe('该对接建议已被拒绝，记录已存在');
    expect(p.errors).toBeUndefined();
  });

  it('an index it has no words for still is a 409 with a generic Chinese detail', async () => {
    const { res, p } = await render(() => {
      throw new Error('D1_ERROR: UNIQUE constraint failed: some_table.some_col: SQLITE_CONSTRAINT');
    });
    expect(res.status).toBe(409);
    expect(p.code).toBe('conflict');
    expect(p.detail).toBe('同样的记录已存在，请勿重复提交');
  });

  it('the stale-version guard stays a 412, not a conflict', async () => {
    const { res, p } = await render(() => {
      throw new Error('Failed query', { cause: new Error('D1_ERROR: NOT NULL constraint failed: audit_log.id: SQLITE_CONSTRAINT') });
    });
    expect(res.status).toBe(412);
    expect(p.code).toBe('precondition_failed');
  });

  it('any other database failure stays a 500', async () => {
    const { res, p } = await render(() => {
      throw new Error('D1_ERROR: no such table: nope');
    });
    expect(res.status).toBe(500);
    expect(p.code).toBe('internal');
  });
});
