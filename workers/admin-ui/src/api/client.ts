// One fetch wrapper for the whole app: bearer token, RFC 9457 problems turned
// into ApiError, and a single place where an expired session goes back to login.

export interface FieldError {
  path: string;
  message: string;
  row?: number;
  column?: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
  get code(): string {
    return this.problem.code;
  }
}

/** The text to show a person for any thrown value. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.problem.detail || err.problem.title;
  if (err instanceof Error) return err.message;
  return String(err);
}

const TOKEN_KEY = 'ronghe.token';

// sessionStorage: a session ends with the browser tab, and a shared office PC
// does not keep officials logged in.
export const tokenStore = {
  get(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

const ACTIONS_KEY = 'ronghe.actions';

/**
 * What the person may do in each tenant, as GET /tenants last said in this tab (by tenant slug). Only a
 * hint for the reads started before it answers again on a reload: src/early-session.js and the
 * startup's preload skip a read the person would be refused (src/early-reads.ts EARLY_READ_ACTIONS).
 * Never a permission: the server decides every request. Ends with the tab, as the token does.
 */
export const knownActions = {
  get(): Record<string, readonly string[]> {
    try {
      const v: unknown = JSON.parse(sessionStorage.getItem(ACTIONS_KEY) ?? '{}');
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, readonly string[]>) : {};
    } catch {
      return {};
    }
  },
  set(tenants: ReadonlyArray<{ slug: string; actions: readonly string[] }>): void {
    sessionStorage.setItem(ACTIONS_KEY, JSON.stringify(Object.fromEntries(tenants.map((t) => [t.slug, t.actions]))));
  },
  clear(): void {
    sessionStorage.removeItem(ACTIONS_KEY);
  },
};

let unauthorizedHandler: (() => void) | null = null;
export function onUnauthorized(fn: (() => void) | null): void {
  unauthorizedHandler = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function toSearch(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Query;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not treat 401 as an expired session (the login form itself). */
  allow401?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

async function problemOf(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (body && typeof body === 'object' && (body.detail || body.title)) {
      return {
        title: body.title ?? '请求失败',
        detail: body.detail ?? body.title ?? '请求失败',
        status: body.status ?? res.status,
        code: body.code ?? 'unknown',
        instance: body.instance,
        requestId: body.requestId ?? res.headers.get('x-request-id') ?? undefined,
        errors: body.errors,
      };
    }
  } catch {
    // not JSON: a proxy or the runtime answered, fall through
  }
  return {
    title: '请求失败',
    detail: `服务器暂时无法处理请求（HTTP ${res.status}），请稍后重试`,
    status: res.status,
    code: 'http_error',
    requestId: res.headers.get('x-request-id') ?? undefined,
  };
}

// A page's first reads start before the page is drawn (docs/adr/0031): at startup and on a
// sidebar click its preload calls the page's own read functions inside `prefetch`, which only
// starts the requests; the page's identical GET, moments later, takes the answer on its way
// instead of asking again. An early answer is used once, only by the same URL with the same
// token, only within EARLY_MS, and never after a write (which may have changed it).
const EARLY_MS = 10_000;
interface Early {
  token: string | null;
  at: number;
  res: Promise<Response>;
  /** Settles once the answer has arrived and, if it is a success, been read (`answer`). */
  read: Promise<void>;
  /** The answer's body, parsed, once it has arrived: what a page may draw from at once (`firstAnswer`). */
  answer?: ApiResponse<unknown>;
}
const early = new Map<string, Early>();

/** A successful early answer's body, read once as it arrives: by `firstAnswer`, or by the page's GET that takes the response over. */
const readAhead = new WeakMap<Response, Promise<unknown>>();

/** Keeps an early request, reading a successful JSON answer's body as it arrives. */
function keepEarly(key: string, token: string | null, at: number, res: Promise<Response>): void {
  const entry: Early = { token, at, res, read: Promise.resolve() };
  entry.read = res
    .then((r) => {
      if (!r.ok || r.status === 204 || !key.startsWith('application/json ')) return;
      const body = r.text().then((text) => JSON.parse(text) as unknown);
      readAhead.set(r, body);
      return body.then((data) => void (entry.answer = { data, status: r.status, headers: r.headers }));
    })
    .catch(() => undefined);
  early.set(key, entry);
}

/**
 * Resolves once every read started ahead has been answered and read, or after `maxMs`: the startup
 * waits for the page's first answers (a short while) so that the page is drawn once, with its data.
 */
export function earlyAnswers(maxMs: number): Promise<void> {
  takeEarlySession();
  return Promise.race([Promise.all([...early.values()].map((e) => e.read)).then(() => undefined), new Promise<void>((r) => setTimeout(r, maxMs))]);
}
let collecting = false;
// src/early-session.js started the session's reads before this code arrived: they are early answers too.
declare global {
  interface Window {
    __rongheEarly?: { token: string; at: number; reads: Record<string, Promise<Response>> };
  }
}
/** Takes src/early-session.js's reads over (it runs in index.html, before this module). */
function takeEarlySession(): void {
  const started = typeof window === 'undefined' ? undefined : window.__rongheEarly;
  if (!started) return;
  delete window.__rongheEarly;
  for (const [url, res] of Object.entries(started.reads)) {
    res.catch(() => undefined);
    // The page's reads among them: the hints wait for these too.
    pageReads++;
    res.then(readDone, readDone);
    keepEarly(`application/json ${url}`, started.token, started.at, res);
  }
}

/** Thrown to the read function `prefetch` calls: its request has started, there is nothing to wait for. */
const STARTED = Symbol('prefetch started');

/** Starts the GET each of `reads` makes, without waiting for (or reporting) the answers. */
export function prefetch(...reads: (() => Promise<unknown>)[]): void {
  collecting = true;
  try {
    for (const read of reads) read().catch(() => undefined);
  } catch {
    // a preload must never break a navigation
  } finally {
    collecting = false;
  }
}

// The sidebar's and the header's counts are hints: they wait for the page's own reads to be
// answered (at most HINT_WAIT_MS), so on two busy cores the page's data is not queued behind them.
const HINT_WAIT_MS = 1500;
let pageReads = 0;
let hinting = false;
let quiet: (() => void)[] = [];
const readDone = () => {
  if (--pageReads > 0) return;
  const waiting = quiet;
  quiet = [];
  for (const go of waiting) go();
};

/** Runs a hint's read once the page's reads in flight are answered (the page's effects have started theirs by then). */
export function afterPageReads<T>(read: () => Promise<T>): Promise<T> {
  return new Promise<void>((resolve) => {
    setTimeout(() => {
      if (pageReads === 0) return resolve();
      quiet.push(resolve);
      setTimeout(resolve, HINT_WAIT_MS);
    }, 0);
  }).then(() => {
    hinting = true;
    try {
      return read();
    } finally {
      hinting = false;
    }
  });
}

function send(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
  takeEarlySession();
  const token = init.headers.authorization ?? null;
  const key = `${init.headers.accept} ${url}`;
  if (collecting) {
    // Only reads are started ahead; a preload that reached a write does nothing.
    const now = performance.now();
    for (const [k, e] of early) if (now - e.at >= EARLY_MS) early.delete(k);
    // Asked for twice (the sidebar click, then the navigation itself): the first request serves.
    const started = early.get(key);
    if (init.method === 'GET' && !(started && started.token === token)) {
      const res = fetch(url, init);
      // The page's reads, though the page is not drawn yet: the hints wait for them too.
      pageReads++;
      res.then(readDone, readDone);
      keepEarly(key, token, now, res);
    }
    throw STARTED;
  }
  if (init.method !== 'GET') {
    early.clear();
    return fetch(url, init);
  }
  const hit = early.get(key);
  if (hit) early.delete(key);
  if (hit && hit.token === token && performance.now() - hit.at < EARLY_MS) return hit.res;
  const res = fetch(url, init);
  if (!hinting) {
    pageReads++;
    res.then(readDone, readDone);
  }
  return res;
}

export async function raw(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  const token = tokenStore.get();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] = 'application/json';
  } else if (opts.contentType) {
    headers['content-type'] = opts.contentType;
  }
  let res: Response;
  try {
    res = await send(`/api${path}${toSearch(opts.query)}`, { method, headers, body, signal: opts.signal });
  } catch (err) {
    if (err === STARTED) throw err;
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError({ title: '网络错误', detail: '无法连接服务器，请检查网络后重试', status: 0, code: 'network_error' });
  }
  if (res.ok) return res;
  const problem = await problemOf(res);
  if (res.status === 401 && !opts.allow401) {
    tokenStore.clear();
    unauthorizedHandler?.();
  }
  throw new ApiError(problem);
}

/**
 * Calls the API. While `firstAnswer` looks for a read's answer it sends nothing: a GET answered
 * ahead comes back at hand (below), anything else throws.
 */
export function api<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  if (looking) return atHand(method, path, opts) as unknown as Promise<ApiResponse<T>>;
  return request<T>(method, path, opts);
}

/** A value already at hand whose `then` runs at once: a read's own steps (`.then((r) => r.items)`) give its value synchronously. */
class AtHand<T> {
  constructor(readonly value: T) {}
  then<U>(step: (value: T) => U): AtHand<U> {
    return new AtHand(step(this.value));
  }
}
const NOT_AT_HAND = Symbol('not answered ahead');
/** Set while `firstAnswer` runs a read: the one request it made, if it was answered ahead. */
let looking: { key?: string } | undefined;

function atHand(method: string, path: string, opts: RequestOptions): AtHand<ApiResponse<unknown>> {
  const key = `${opts.headers?.accept ?? 'application/json'} /api${path}${toSearch(opts.query)}`;
  const hit = early.get(key);
  const token = tokenStore.get();
  const fresh = hit && hit.token === (token ? `Bearer ${token}` : null) && performance.now() - hit.at < EARLY_MS;
  // One plain GET per read: a read made of several requests is left to the page's own load.
  if (method !== 'GET' || opts.json !== undefined || looking!.key !== undefined || !fresh || !hit.answer) throw NOT_AT_HAND;
  looking!.key = key;
  return new AtHand(hit.answer);
}

/** A read's answer at hand, and how the page that was drawn with it says so (`use`). */
export interface AtHandAnswer<T> {
  readonly value: T;
  /**
   * The answer has been used: a page drawn with it was committed. Until then it stays at hand: React may
   * draw a page and throw that draw away (a transition that suspended elsewhere), then draw it again.
   */
  use(): void;
}

/**
 * The value `read` would give, if its request was started ahead (a page's first reads, docs/adr/0031)
 * and has been answered: then a page draws its data in its first pass, not empty and again once its
 * effect has asked. The answer is used once (`use`, as the page's own GET would take it); otherwise
 * nothing is sent and the page loads as usual. `read` must be the page's own call through `get`/`api`
 * with synchronous steps after it; a read that awaits is never at hand.
 */
export function firstAnswer<T>(read: () => Promise<T>): AtHandAnswer<T> | undefined {
  takeEarlySession();
  const mine: { key?: string } = {};
  looking = mine;
  try {
    const out: unknown = read();
    if (out instanceof AtHand) {
      // (No request: the read built its value on one already at hand, as the board's columns share one read.)
      const { key } = mine;
      const entry = key === undefined ? undefined : early.get(key);
      return {
        value: out.value as T,
        use: () => {
          if (key !== undefined && early.get(key) === entry) early.delete(key);
        },
      };
    }
    // An async read's rejection (nothing was at hand) is nobody's concern.
    if (out instanceof Promise) out.catch(() => undefined);
    return undefined;
  } catch {
    return undefined;
  } finally {
    looking = undefined;
  }
}

async function request<T>(method: string, path: string, opts: RequestOptions): Promise<ApiResponse<T>> {
  const res = await raw(method, path, opts);
  // An answer started ahead has had its body read already (keepEarly).
  const ahead = readAhead.get(res);
  const text = ahead || res.status === 204 ? '' : await res.text();
  const data = (ahead ? await ahead : text ? JSON.parse(text) : undefined) as T;
  return { data, status: res.status, headers: res.headers };
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  api<T>('GET', path, { query, signal }).then((r) => r.data);

/** Saves a binary response (export, template) under the server's file name. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const res = await raw('GET', path, { query, headers: { accept: '*/*' } });
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed escape: fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}
