/**
 * The one error type of the system. Business functions throw it; the HTTP
 * layer renders it as RFC 9457 problem+json. `code` is the machine-readable
 * key clients switch on; `title`/`detail` are Chinese for people.
 */
export interface FieldError {
  /** Dotted path of the offending field (`body.name`, `row.12.组织名称`). */
  path: string;
  message: string;
  /** For spreadsheet imports: 1-based row and the column header. */
  row?: number;
  column?: string;
}

export const ERROR_CODES = {
  validation_failed: { status: 422, title: '提交的数据未通过校验' },
  malformed_request: { status: 400, title: '请求格式错误' },
  unauthenticated: { status: 401, title: '未登录或登录已过期' },
  invalid_credentials: { status: 401, title: '用户名或密码错误' },
  account_locked: { status: 423, title: '账号已锁定' },
  forbidden: { status: 403, title: '无权执行此操作' },
  // Public API (ADR 0026): the key lacks the operation's scope (`requiredScope` names it) / the key's last day has passed.
  insufficient_scope: { status: 403, title: '接口密钥未获此权限' },
  api_key_expired: { status: 401, title: '接口密钥已过期' },
  not_found: { status: 404, title: '对象不存在' },
  conflict: { status: 409, title: '操作与当前状态冲突' },
  // A one-time resource that existed but can no longer be used (a resident's rating link, used or expired).
  gone: { status: 410, title: '链接已失效' },
  // A deprecated /v1 operation past its sunset day (ADR 0030): `sunset` names the day, `successor` the path to use.
  sunset: { status: 410, title: '接口已停用' },
  precondition_required: { status: 428, title: '缺少 If-Match 请求头' },
  precondition_failed: { status: 412, title: '数据已被他人修改' },
  payload_too_large: { status: 413, title: '请求体过大' },
  unsupported_media_type: { status: 415, title: '不支持的内容类型' },
  rate_limited: { status: 429, title: '请求过于频繁' },
  internal: { status: 500, title: '服务器内部错误' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, detail?: string, opts: { errors?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    const def = ERROR_CODES[code];
    super(detail ?? def.title);
    this.name = 'AppError';
    this.code = code;
    this.status = def.status;
    this.title = def.title;
    this.detail = detail ?? def.title;
    this.errors = opts.errors ?? [];
    this.extra = opts.extra ?? {};
  }
}

export const notFound = (what = '对象') => new AppError('not_found', `${what}不存在或无权访问`);
export const forbidden = (detail = '当前角色无权执行此操作') => new AppError('forbidden', detail);
export const validation = (errors: FieldError[], detail = '请根据字段提示修改后重新提交') =>
  new AppError('validation_failed', detail, { errors });
export const conflict = (detail: string) => new AppError('conflict', detail);
