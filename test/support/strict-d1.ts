import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { createEdgeApp } from '../../workers/edge/src/index.ts';

/**
 * D1's limits as Cloudflare documents them (developers.cloudflare.com/d1/platform/limits,
 * workers/platform/limits; ADR 0014). The local D1 the tests run on enforces
 * only the first two itself (a 101st parameter and a 100,001-byte statement
 * fail there too); the rest pass locally and fail in production, which is how
 * a 17-character search answered 500 on Cloudflare while every test passed.
 */
export const D1_LIMITS = {
  boundParams: 100,
  statementBytes: 100_000,
  likePatternBytes: 50,
  /** Largest string or BLOB, bound values included. */
  valueBytes: 2_000_000,
  /** Conservatively, every statement counts, batched or not. */
  queriesPerInvocation: 1_000,
  /** Simultaneous open connections per invocation, D1 calls counted as connections. */
  connections: 6,
} as const;

/** What one invocation did against its D1 bindings, and which limits it broke. */
export interface Usage {
  queries: number;
  maxInFlight: number;
  violations: string[];
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * The operand of every LIKE and GLOB in a statement, in bytes: string
 * literals and bound values joined by `||` (the shapes SQL here could take).
 * Identifiers in quotes, and anything a pattern cannot hold, end an operand.
 */
export function likePatternSizes(sql: string, params: readonly unknown[]): number[] {
  const sizes: number[] = [];
  let param = 0;
  let operand: number | null = null;
  const end = () => {
    if (operand !== null) sizes.push(operand);
    operand = null;
  };
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    if (c === "'") {
      let j = i + 1;
      let text = '';
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) {
        text += sql[j];
        j += sql[j] === "'" ? 2 : 1;
      }
      if (operand !== null) operand += bytes(text);
      i = j + 1;
    } else if (c === '"' || c === '`') {
      end();
      const j = sql.indexOf(c, i + 1);
      i = j < 0 ? sql.length : j + 1;
    } else if (c === '?') {
      let j = i + 1;
      while (/[0-9]/.test(sql[j] ?? '')) j++;
      const at = j > i + 1 ? Number(sql.slice(i + 1, j)) - 1 : param++;
      if (operand !== null) operand += bytes(String(params[at] ?? ''));
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (/[A-Za-z0-9_$]/.test(sql[j] ?? '')) j++;
      const word = sql.slice(i, j).toUpperCase();
      end();
      if (word === 'LIKE' || word === 'GLOB') operand = 0;
      i = j;
    } else if (/\s/.test(c) || c === '(' || sql.startsWith('||', i)) {
      i += sql.startsWith('||', i) ? 2 : 1;
    } else {
      end();
      i++;
    }
  }
  end();
  return sizes;
}

function checkStatement(sql: string, params: readonly unknown[]): string[] {
  const out: string[] = [];
  const head = sql.replace(/\s+/g, ' ').slice(0, 80);
  if (params.length > D1_LIMITS.boundParams) out.push(`${params.length} bound parameters (D1 allows ${D1_LIMITS.boundParams}): ${head}`);
  if (bytes(sql) > D1_LIMITS.statementBytes) out.push(`statement of ${bytes(sql)} bytes (D1 allows ${D1_LIMITS.statementBytes}): ${head}`);
  for (const p of params) {
    const size = typeof p === 'string' ? bytes(p) : p instanceof ArrayBuffer ? p.byteLength : ArrayBuffer.isView(p) ? p.byteLength : 0;
    if (size > D1_LIMITS.valueBytes) out.push(`bound value of ${size} bytes (D1 allows ${D1_LIMITS.valueBytes}): ${head}`);
  }
  for (const size of likePatternSizes(sql, params)) {
    if (size > D1_LIMITS.likePatternBytes) out.push(`LIKE/GLOB pattern of ${size} bytes (D1 allows ${D1_LIMITS.likePatternBytes}): ${head}`);
  }
  return out;
}

class Invocation {
  readonly usage: Usage = { queries: 0, maxInFlight: 0, violations: [] };
  private inFlight = 0;

  /** Counts and checks the statements, then runs them, failing as Cloudflare would. */
  async run<T>(statements: ReadonlyArray<{ sql: string; params: readonly unknown[] }>, go: () => Promise<T>): Promise<T> {
    this.usage.queries += statements.length;
    const found = statements.flatMap((s) => checkStatement(s.sql, s.params));
    if (this.usage.queries > D1_LIMITS.queriesPerInvocation) found.push(`query ${this.usage.queries} in one invocation (D1 allows ${D1_LIMITS.queriesPerInvocation})`);
    this.inFlight++;
    this.usage.maxInFlight = Math.max(this.usage.maxInFlight, this.inFlight);
    if (this.inFlight > D1_LIMITS.connections) found.push(`${this.inFlight} D1 calls at once (Workers allow ${D1_LIMITS.connections} connections)`);
    try {
      if (found.length) {
        this.usage.violations.push(...found);
        throw new Error(`D1 limit (strict test double): ${found.join('; ')}`);
      }
      return await go();
    } finally {
      this.inFlight--;
    }
  }
}

interface Wrapped {
  sql: string;
  params: unknown[];
  inner: D1PreparedStatement;
}

function wrapStatement(inv: Invocation, sql: string, inner: D1PreparedStatement, params: unknown[] = []): D1PreparedStatement {
  const w: Wrapped & Record<string, unknown> = {
    sql,
    params,
    inner,
    bind: (...values: unknown[]) => wrapStatement(inv, sql, inner.bind(...values), values),
    first: (col?: string) => inv.run([w], () => (col === undefined ? inner.first() : inner.first(col))),
    run: () => inv.run([w], () => inner.run()),
    all: () => inv.run([w], () => inner.all()),
    raw: (opts?: { columnNames?: boolean }) => inv.run([w], () => inner.raw(opts as never)),
  };
  return w as unknown as D1PreparedStatement;
}

function wrapDatabase(inv: Invocation, db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrapStatement(inv, sql, target.prepare(sql));
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          const ws = statements as unknown as Wrapped[];
          return inv.run(ws, () => target.batch(ws.map((s) => s.inner)));
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const isD1 = (v: unknown): v is D1Database =>
  typeof v === 'object' && v !== null && typeof (v as D1Database).prepare === 'function' && typeof (v as D1Database).batch === 'function';

/**
 * The test environment with every D1 binding held to production's limits, for one invocation;
 * `extra` bindings (more databases than wrangler.toml declares, a queue double) join it first.
 */
export function strictEnv(extra: Record<string, unknown> = {}): { env: Record<string, unknown>; usage: Usage } {
  const inv = new Invocation();
  const real = { ...(env as unknown as Record<string, unknown>), ...extra };
  const wrapped = Object.fromEntries(Object.entries(real).map(([k, v]) => [k, isD1(v) ? wrapDatabase(inv, v) : v]));
  return { env: wrapped, usage: inv.usage };
}

const app = createEdgeApp();

/**
 * One request through the deployable's app as one invocation on strict D1:
 * its response, and what it did to D1 (the violations are also why it failed, if it did).
 */
export async function strictFetch(req: Request): Promise<{ res: Response; usage: Usage }> {
  const { env: e, usage } = strictEnv();
  const ctx = createExecutionContext();
  const res = await app.fetch(req, e, ctx);
  await waitOnExecutionContext(ctx);
  return { res, usage };
}

/** `call` (test/support/factories.ts) through strict D1. */
export async function strictCall(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> } = {},
): Promise<{ res: Response; usage: Usage }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(opts.body);
  }
  return strictFetch(new Request(`http://x${path}`, { method, headers, body }));
}
